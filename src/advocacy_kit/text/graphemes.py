"""Extended grapheme clusters: what a reader sees as one character (👩‍👩‍👧 is one)."""

from __future__ import annotations

import regex

__all__ = ["clusters", "grapheme_count", "graphemes"]

_GRAPHEME = regex.compile(r"\X")
# A character that may join a neighbour into one cluster. Below U+0300 every character's
# Grapheme_Cluster_Break is Other, Control, CR or LF; from there on this class takes every
# character that is not Other (Control ones too, which keeps it a simple set difference). Only
# Extend, ZWJ, SpacingMark, Prepend, Regional_Indicator and the Hangul jamo and syllables can
# join: where none occurs, UAX #29 breaks between every two characters except CR LF (GB3), as
# its joining rules GB6–GB9c, GB11 and GB12/13 each need one of them, and Other (emoji and
# Indic consonants included) never joins Other without them.
_MAY_JOIN = regex.compile(r"[\u0300-\U0010FFFF--\p{Grapheme_Cluster_Break=Other}]", regex.V1)


def graphemes(text: str) -> list[str]:
    """The text split into extended grapheme clusters (Unicode UAX #29, via ``regex``)."""
    found: list[str] = _GRAPHEME.findall(text)
    return found


def grapheme_count(text: str) -> int:
    """How many extended grapheme clusters the text has."""
    if _one_each(text):
        # No character that could join a neighbour: one cluster each, CR LF being one.
        return len(text) - text.count("\r\n")
    return len(_GRAPHEME.findall(text))


def clusters(text: str) -> str | list[str]:
    """:func:`graphemes`, or the text itself where every character is a cluster of its own.

    Either way ``len()``, indexing and slicing go by clusters; most drafts' titles need no split.
    """
    if _one_each(text) and "\r\n" not in text:
        return text
    return graphemes(text)


def _one_each(text: str) -> bool:
    """Whether no character of the text can join a neighbour (CR LF aside): see above."""
    return text.isascii() or _MAY_JOIN.search(text) is None
