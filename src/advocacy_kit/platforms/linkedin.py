"""LinkedIn: 3,000 characters for a member post; plain text for copy and paste, or the API form.

Text a person pastes into the app is plain text and is never escaped. Text sent through the Posts
API (``commentary``) is "little text": its 15 reserved characters must be backslash-escaped, or
LinkedIn silently cuts the post at the first unescaped one. :func:`api_text` does that.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import Field

from ..hookspecs import hookimpl
from ..text.entities import hashtags
from .base import Count, Platform, PlatformOptions, counted

__all__ = ["LITTLE_TEXT_RESERVED", "LinkedIn", "LinkedInOptions", "api_text", "escape_little_text"]

LITTLE_TEXT_RESERVED = "|{}@[]()<>#\\*_~"
_RESERVED = re.compile("[" + re.escape(LITTLE_TEXT_RESERVED) + "]")


def escape_little_text(text: str) -> str:
    """Backslash-escape every reserved character, in one pass (so ``\\`` is not escaped twice)."""
    return _RESERVED.sub(lambda m: "\\" + m[0], text)


def api_text(text: str) -> str:
    """The Posts API ``commentary`` for ``text``: escaped, hashtags as ``{hashtag|\\#|word}``."""
    pieces: list[str] = []
    cursor = 0
    for tag in hashtags(text):
        pieces.append(escape_little_text(text[cursor : tag.start]))
        pieces.append("{hashtag|\\#|" + escape_little_text(tag.value) + "}")
        cursor = tag.end
    pieces.append(escape_little_text(text[cursor:]))
    return "".join(pieces)


class LinkedInOptions(PlatformOptions):
    """LinkedIn's limit is widely reported, not documented, so it is a setting."""

    max_characters: int = Field(default=3000, ge=1)


class LinkedIn(Platform):
    """LinkedIn member posts. No threads: an over-long draft is an error to fix by hand."""

    name = "linkedin"
    display_name = "LinkedIn"
    limit = 3000
    counting = "characters (Unicode code points)"
    Options = LinkedInOptions

    def count(self, text: str, options: PlatformOptions | None = None) -> Count:
        measured = super().count(text, options)
        return counted(
            measured.length,
            measured.limit,
            measured.valid,
            measured.unit,
            {"api_text": api_text(text)},
        )


@hookimpl
def register_platforms(register: Callable[[Platform], None]) -> None:
    register(LinkedIn())
