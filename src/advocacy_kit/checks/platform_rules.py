"""AK1xx: what the platform would reject or cut, and the guidelines' hashtag cap."""

from __future__ import annotations

import re

from ..calendar import Finding, Post
from ..models import Kit
from ..platforms.base import Platform, PlatformOptions
from .messages import say
from .where import Where

__all__ = ["count_hashtags", "platform_findings"]

# A hashtag starts after a space or the start, never inside a word or URL (page#anchor), and is
# not only digits (#1 is not a tag).
_HASHTAG = re.compile(r"(?<![\w&#/])[#＃](?!\d+\b)\w[\w-]*")


def count_hashtags(text: str) -> int:
    """How many hashtags ``text`` carries."""
    return len(_HASHTAG.findall(text))


def platform_findings(
    post: Post, kit: Kit, platform: Platform, options: PlatformOptions, where: Where
) -> list[Finding]:
    """AK101–AK103 for each part, from the platform's own count and validation; AK104 for tags."""
    language = where.language
    findings: list[Finding] = []
    for index, part in enumerate(post.parts, 1):
        prefix = (
            say("part", language, index=index, count=len(post.parts)) if len(post.parts) > 1 else ""
        )
        measured = platform.count(part, options)
        # What the base rules already say (length, empty) is reported with its own code below;
        # anything more a platform reports (characters, links …) becomes AK103.
        generic = set(Platform.length_problems(platform, part, measured, language=language))
        if measured.length == 0:
            findings.append(where.finding("AK102", say("AK102", language, part=prefix)))
        elif measured.over_by:
            message = say(
                "AK101",
                language,
                part=prefix,
                over=measured.over_by,
                platform=platform.display_name,
                limit=measured.limit,
            )
            findings.append(where.finding("AK101", message))
        for problem in platform.validate(part, options, language=language):
            if problem not in generic:
                message = say(
                    "AK103", language, part=prefix, platform=platform.display_name, problem=problem
                )
                findings.append(where.finding("AK103", message))
    cap = kit.guidelines.hashtags.max_per_post
    tags = count_hashtags(post.text)
    if tags > cap:
        findings.append(where.finding("AK104", say("AK104", language, count=tags, limit=cap)))
    return findings
