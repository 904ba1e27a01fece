"""Draft text → a :class:`Post` for one platform: formatted, split, measured.

One place does this for planned drafts (``pipeline``) and for text a person edited
(``checks.check_edited``), so both are measured exactly alike.
"""

from __future__ import annotations

from typing import Any

from .calendar import Post
from .platforms.base import Count, Platform, PlatformOptions
from .prevalidated import (
    _SET_DICT,
    _SET_EXTRA,
    _SET_FIELDS_SET,
    _SET_PRIVATE,
    _direct_fields,
    _own_slots,
    prevalidated,
    shared_fields_set,
)

__all__ = ["format_and_count", "format_post", "measure_and_count", "measure_parts"]


def format_post(
    platform: Platform,
    text: str,
    options: PlatformOptions,
    *,
    disclosure: str | None = None,
    language: str = "en",
) -> Post:
    """Format ``text`` for ``platform`` (a thread where it must be) and measure every part."""
    return format_and_count(platform, text, options, disclosure=disclosure, language=language)[0]


def format_and_count(
    platform: Platform,
    text: str,
    options: PlatformOptions,
    *,
    disclosure: str | None = None,
    language: str = "en",
) -> tuple[Post, list[Count]]:
    """:func:`format_post`, and the platform's count of each part it measured the post by.

    Counting is a function of the part and the options alone, so the checks take these counts
    (``check_post(..., counts=...)``) instead of counting every part again.
    """
    parts = platform.format(text, options, disclosure=disclosure, language=language)
    if type(parts) is list and len(parts) == 1:
        return _one_part(platform, parts[0], options)
    return measure_and_count(platform, parts, options)


def measure_parts(platform: Platform, parts: list[str], options: PlatformOptions) -> Post:
    """A post of these parts as they stand, each measured the way ``platform`` counts."""
    return measure_and_count(platform, parts, options)[0]


def measure_and_count(
    platform: Platform, parts: list[str], options: PlatformOptions
) -> tuple[Post, list[Count]]:
    """:func:`measure_parts`, and the platform's count of each part (see :func:`format_and_count`)."""
    if type(parts) is list and len(parts) == 1:
        return _one_part(platform, parts[0], options)
    counts = [platform.count(part, options) for part in parts]
    longest = counts[0] if len(counts) == 1 else max(counts, key=lambda count: count.length)
    values = {
        "platform": platform.name,
        "parts": parts,
        "length": longest.length,
        "limit": longest.limit,
        "valid": all(count.valid for count in counts),
        "details": dict(longest.details),
    }
    if _plainly_valid(values):
        # Validation would hand back these very values (a copy of the list and the dict):
        # build the post from them directly.
        values["parts"] = list(parts)
        return prevalidated(Post, values), counts
    return Post(**values), counts


def _one_part(platform: Platform, part: str, options: PlatformOptions) -> tuple[Post, list[Count]]:
    """:func:`measure_and_count` for a list of one part (nearly every post): the same post.

    The one count is the longest, and ``all`` of its validity is ``bool`` of it.
    """
    count = platform.count(part, options)
    name, length, limit = platform.name, count.length, count.limit
    valid = bool(count.valid)
    details = dict(count.details)
    if type(part) is str and type(name) is str and type(length) is int and type(limit) is int:
        for key in details:
            if type(key) is not str:
                break
        else:
            # The values validation would hand back (a new list of the one part, the copied
            # dict), named in the model's order: the post is built around them directly.
            values = {
                "platform": name,
                "parts": [part],
                "length": length,
                "limit": limit,
                "valid": valid,
                "details": details,
            }
            if not _DIRECT:
                return prevalidated(Post, values), [count]
            # What builder(Post) builds of these values, without a call.
            post = _new_post(Post)
            _SET_DICT(post, values)
            _SET_FIELDS_SET(post, _POST_FIELDS)
            _SET_EXTRA(post, None)
            _SET_PRIVATE(post, None)
            return post, [count]
    post = Post(
        platform=name, parts=[part], length=length, limit=limit, valid=valid, details=details
    )
    return post, [count]


_POST_ORDER = ("platform", "parts", "length", "limit", "valid", "details")
_POST_FIELDS = shared_fields_set(Post, _POST_ORDER)
# Where Post's fields are these, in this order, and prevalidated builds it directly (what
# builder requires), _one_part builds a post as builder's function does, without looking the
# fields up for each post.
_DIRECT = _direct_fields(Post) == _POST_ORDER and _own_slots(Post)
_new_post = Post.__new__


def _plainly_valid(values: dict[str, Any]) -> bool:
    """Whether ``values`` are of exactly the types a :class:`Post` holds, so nothing converts.

    Anything else a plugin platform may hand back (a tuple of parts, a ``str`` subclass, a
    ``bool`` or ``float`` as a length, keys that are not text) goes through validation.
    """
    parts = values["parts"]
    if not (
        type(values["platform"]) is str
        and type(parts) is list
        and type(values["length"]) is int
        and type(values["limit"]) is int
        and type(values["valid"]) is bool
    ):
        return False
    for part in parts:
        if type(part) is not str:
            return False
    return all(type(key) is str for key in values["details"])
