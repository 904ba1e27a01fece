"""Extended grapheme clusters: what a reader sees as one character (👩‍👩‍👧 is one)."""

from __future__ import annotations

import regex

__all__ = ["grapheme_count", "graphemes"]

_GRAPHEME = regex.compile(r"\X")
_FIRST_COMBINING = "\u0300"


def graphemes(text: str) -> list[str]:
    """The text split into extended grapheme clusters (Unicode UAX #29, via ``regex``)."""
    found: list[str] = _GRAPHEME.findall(text)
    return found


def grapheme_count(text: str) -> int:
    """How many extended grapheme clusters the text has."""
    if not text or max(text) < _FIRST_COMBINING:
        # Below U+0300 no character joins its neighbour except CR LF: one cluster each.
        return len(text) - text.count("\r\n")
    return len(_GRAPHEME.findall(text))
