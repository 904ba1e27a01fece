"""Extended grapheme clusters: what a reader sees as one character (👩‍👩‍👧 is one)."""

from __future__ import annotations

import regex

__all__ = ["grapheme_count", "graphemes"]

_GRAPHEME = regex.compile(r"\X")
# A character whose Grapheme_Cluster_Break is none of Other, Control, CR and LF: only these
# (Extend, ZWJ, SpacingMark, Prepend, Regional_Indicator and the Hangul jamo and syllables) can
# join a neighbour into one cluster. Where none occurs, UAX #29 breaks between every two
# characters except CR LF (GB3): its joining rules GB6–GB9c, GB11 and GB12/13 each need one of
# them, and Other (emoji and Indic consonants included) never joins Other without them.
_JOINING = regex.compile(
    r"[^\p{Grapheme_Cluster_Break=Other}\p{Grapheme_Cluster_Break=Control}"
    r"\p{Grapheme_Cluster_Break=CR}\p{Grapheme_Cluster_Break=LF}]"
)


def graphemes(text: str) -> list[str]:
    """The text split into extended grapheme clusters (Unicode UAX #29, via ``regex``)."""
    found: list[str] = _GRAPHEME.findall(text)
    return found


def grapheme_count(text: str) -> int:
    """How many extended grapheme clusters the text has."""
    if _JOINING.search(text) is None:
        # No character that could join a neighbour: one cluster each, CR LF being one.
        return len(text) - text.count("\r\n")
    return len(_GRAPHEME.findall(text))
