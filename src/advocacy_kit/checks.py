"""Posts → findings: what a person should look at before posting.

Built-in checks come first; house rules from plugins (``check_post``) are added after them.
Codes are stable so comms teams can filter on them.
"""

from __future__ import annotations

from .calendar import Draft, Finding, Post
from .models import Kit
from .platforms.base import Platform, PlatformOptions

__all__ = ["CODES", "check_post"]

CODES = {
    "AK101": "the post is not valid on its platform (length, characters)",
    "AK201": "the disclosure the guidelines require is missing",
    "AK401": "a personal prompt is still unfilled",
}


def check_post(
    post: Post, draft: Draft, kit: Kit, platform: Platform, options: PlatformOptions
) -> list[Finding]:
    """The built-in findings for one post."""
    where = {
        "person_id": draft.assignment.slot.person_id,
        "slot_id": draft.id,
        "platform": post.platform,
        "template": draft.template,
    }
    findings = [
        Finding(code="AK101", severity="error", message=f"part {index}: {problem}", **where)
        if len(post.parts) > 1
        else Finding(code="AK101", severity="error", message=problem, **where)
        for index, part in enumerate(post.parts, 1)
        for problem in platform.validate(part, options)
    ]
    if draft.disclosure and draft.disclosure not in post.parts[0]:
        findings.append(
            Finding(
                code="AK201",
                severity="error",
                message=f"the first part must carry the disclosure {draft.disclosure!r}; add it back",
                **where,
            )
        )
    for prompt in draft.prompts:
        findings.append(
            Finding(
                code="AK401",
                severity="hint",
                message=f"replace the prompt {prompt!r} with your own words before posting",
                **where,
            )
        )
    return findings
