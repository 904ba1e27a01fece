"""Text folded for comparison: case- and accent-insensitive, with a map back to the original.

``Projektfalke``, ``PROJEKTFALKE`` and ``Projektfälke`` all fold to ``projektfalke``; ``ß`` folds
to ``ss``. The map lets a finding quote the words as the person wrote them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

__all__ = ["Folded", "FoldedPieces", "fold", "fold_text"]


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
    # at once. ``str.split()`` breaks at exactly the characters ``\s`` matches (``isspace``),
    # so joining its pieces with one space is ``re.sub(r"\s+", " ", folded).strip()``.
    return " ".join(_folded(text).split())


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKD", text).translate(_WITHOUT_MARKS).casefold()


class FoldedPieces(dict[str, tuple[str, ...]]):
    """Runs of text without whitespace → the pieces of their folded text, remembered.

    ``fold_text(text) == " ".join(piece for run in text.split() for piece in pieces[run])``:
    folding goes character by character and every whitespace character folds to one or more
    whitespace characters (a test checks all of them), so the whitespace between runs stays a
    break; whitespace a run folds into (``¨`` → space and a mark) is split again. A week's
    drafts use far fewer distinct runs than they have, so most runs are folded once.
    """

    def __missing__(self, run: str) -> tuple[str, ...]:
        pieces = tuple(_folded(run).split())
        self[run] = pieces
        return pieces


class _MarkRemover(dict[int, int | None]):
    """A ``str.translate`` table that drops combining marks, filled in as characters are seen."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _MarkRemover()
