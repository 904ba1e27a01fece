"""AK1xx: what the platform would reject or cut, and the guidelines' hashtag cap."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..calendar import Finding, Post
from ..models import Guidelines, Kit
from ..platforms.base import Count, Platform, PlatformOptions
from .messages import say
from .where import Where

__all__ = ["count_hashtags", "platform_findings"]

# A hashtag starts after a space or the start, never inside a word or URL (page#anchor), and is
# not only digits (#1 is not a tag).
HASHTAG = re.compile(r"(?<![\w&#/])[#＃](?!\d+\b)\w[\w-]*")
# The same matches, the sign looked for first: the look-behind then checks the character before
# it (none at the start of the text passes, as above). A pattern that opens with a character
# class lets the engine skip ahead to each sign instead of trying the look-behind everywhere.
_HASHTAG = re.compile(r"[#＃](?<![\w&#/].)(?!\d+\b)\w[\w-]*", re.DOTALL)


def count_hashtags(text: str) -> int:
    """How many hashtags ``text`` carries."""
    return len(_HASHTAG.findall(text))


def platform_findings(
    post: Post,
    kit: Kit,
    platform: Platform,
    options: PlatformOptions,
    where: Where,
    *,
    text: str | None = None,
    counts: Sequence[Count] | None = None,
) -> list[Finding]:
    """AK101–AK103 for each part, from the platform's own count and validation; AK104 for tags.

    :param text: ``post.text`` where the caller has it already (it joins the parts anew).
    :param counts: ``platform.count(part, options)`` of each part, where the caller counted
        them already (:func:`~advocacy_kit.posting.format_and_count`); else counted here.
    """
    return _platform_findings(
        post.parts, kit.guidelines, platform, options, where, post, text, counts
    )


def _platform_findings(
    parts: list[str],
    guidelines: Guidelines,
    platform: Platform,
    options: PlatformOptions,
    where: Where,
    post: Post,
    text: str | None,
    counts: Sequence[Count] | None,
) -> list[Finding]:
    """:func:`platform_findings` of the post's ``parts`` under the kit's ``guidelines``."""
    language = where.language
    findings: list[Finding] = []
    kind = type(platform)
    # Where a platform keeps validate and length_problems, validate is the base rules' problems
    # followed by extra_problems; the base rules' ones are all left out below, so asking for the
    # extra problems alone gives the same findings without measuring each part again.
    plain = kind.validate is Platform.validate and kind.length_problems is Platform.length_problems
    # The base class has no extra problems: a platform that keeps its method has none to ask for.
    no_extra = (
        plain
        and kind.extra_problems is Platform.extra_problems
        and "extra_problems" not in platform.__dict__
    )
    several = len(parts) > 1
    if counts is not None and len(counts) != len(parts):
        counts = None  # not the counts of these parts
    for index, part in enumerate(parts, 1):
        prefix = say("part", language, index=index, count=len(parts)) if several else ""
        measured = platform.count(part, options) if counts is None else counts[index - 1]
        length = measured.length
        if length == 0:
            findings.append(where.finding("AK102", say("AK102", language, part=prefix)))
        elif (
            # over_by of a plain count of whole numbers: the length less the limit, when above 0
            length > measured.limit
            if type(measured) is Count and type(length) is int and type(measured.limit) is int
            else measured.over_by
        ):
            message = say(
                "AK101",
                language,
                part=prefix,
                over=measured.over_by,
                platform=platform.display_name,
                limit=measured.limit,
            )
            findings.append(where.finding("AK101", message))
        if no_extra:
            continue
        if plain:
            problems = platform.extra_problems(part, options, language=language)
        else:
            problems = platform.validate(part, options, language=language)
        if not problems:
            continue
        # What the base rules already say (length, empty) is reported with its own code above;
        # anything more a platform reports (characters, links …) becomes AK103.
        generic = set(Platform.length_problems(platform, part, measured, language=language))
        for problem in problems:
            if problem not in generic:
                message = say(
                    "AK103", language, part=prefix, platform=platform.display_name, problem=problem
                )
                findings.append(where.finding("AK103", message))
    cap = guidelines.hashtags.max_per_post
    whole = post.text if text is None else text
    # Each tag starts at a sign of its own (# or ＃): a text with no more signs than the cap
    # has no more tags than the cap either, so there is nothing to count.
    if whole.count("#") + whole.count("＃") > cap:
        tags = count_hashtags(whole)
        if tags > cap:
            findings.append(where.finding("AK104", say("AK104", language, count=tags, limit=cap)))
    return findings
