"""Draft text → a :class:`Post` for one platform: formatted, split, measured.

One place does this for planned drafts (``pipeline``) and for text a person edited
(``checks.check_edited``), so both are measured exactly alike.
"""

from __future__ import annotations

from .calendar import Post
from .platforms.base import Platform, PlatformOptions

__all__ = ["format_post", "measure_parts"]


def format_post(
    platform: Platform,
    text: str,
    options: PlatformOptions,
    *,
    disclosure: str | None = None,
    language: str = "en",
) -> Post:
    """Format ``text`` for ``platform`` (a thread where it must be) and measure every part."""
    parts = platform.format(text, options, disclosure=disclosure, language=language)
    return measure_parts(platform, parts, options)


def measure_parts(platform: Platform, parts: list[str], options: PlatformOptions) -> Post:
    """A post of these parts as they stand, each measured the way ``platform`` counts."""
    counts = [platform.count(part, options) for part in parts]
    longest = max(counts, key=lambda count: count.length)
    return Post(
        platform=platform.name,
        parts=parts,
        length=longest.length,
        limit=longest.limit,
        valid=all(count.valid for count in counts),
        details=dict(longest.details),
    )
