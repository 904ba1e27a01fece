"""Text folded for comparison: case- and accent-insensitive, with a map back to the original.

``Projektfalke``, ``PROJEKTFALKE`` and ``Projektfälke`` all fold to ``projektfalke``; ``ß`` folds
to ``ss``. The map lets a finding quote the words as the person wrote them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Folded", "fold", "fold_text"]

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Folded:
    """Folded text and, for each of its characters, the index of the original character."""

    text: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that the folded span ``start:end`` came from."""
        return self.origin[start], self.origin[end - 1] + 1


def fold(text: str) -> Folded:
    """Fold ``text`` character by character (NFKD, marks removed, casefolded)."""
    out: list[str] = []
    origin: list[int] = []
    for index, character in enumerate(text):
        for part in unicodedata.normalize("NFKD", character):
            if unicodedata.combining(part):
                continue
            for folded in part.casefold():
                out.append(folded)
                origin.append(index)
    return Folded("".join(out), tuple(origin))


def fold_text(text: str) -> str:
    """Only the folded text, with runs of whitespace made one space."""
    # The same characters as :func:`fold` without the map back: NFKD only reorders combining
    # marks, which are dropped, and casefolding has no context, so the whole string can be done
    # at once.
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join([c for c in decomposed if not unicodedata.combining(c)]).casefold()
    return _WHITESPACE.sub(" ", kept).strip()
