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
    kept = unicodedata.normalize("NFKD", text).translate(_WITHOUT_MARKS).casefold()
    return _WHITESPACE.sub(" ", kept).strip()


class _MarkRemover(dict[int, int | None]):
    """A ``str.translate`` table that drops combining marks, filled in as characters are seen."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _MarkRemover()
