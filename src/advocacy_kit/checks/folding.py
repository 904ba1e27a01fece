"""Text folded for comparison: case- and accent-insensitive, with a map back to the original.

``Projektfalke``, ``PROJEKTFALKE`` and ``Projektfälke`` all fold to ``projektfalke``; ``ß`` folds
to ``ss``. The map lets a finding quote the words as the person wrote them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import chain

__all__ = ["Folded", "WordFolder", "fold", "fold_text"]


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


class WordFolder:
    """The words of folded texts: ``re.findall(r"\\w+", fold_text(text))``, for many texts.

    Folding goes character by character. Unless a character's folding would move the edge of a
    word — it folds to nothing (a combining mark), or a word character folds to something that
    is not (``½`` → ``1⁄2``), or the other way round (``™`` → ``tm``) — each word of the text
    folds into exactly one word of the folded text, so the words are found in the text as it is
    and each distinct word is folded once. ASCII characters never move an edge; other characters
    are looked at once each. A text with a character that would move an edge is folded whole.
    """

    def __init__(self) -> None:
        self._folded = _FoldedWords()
        self._numbers = _Numbers()
        self._numbered = _NumberedWords(self._folded, self._numbers)
        self._lines = _NumberedLines(self._numbered, self._numbers)

    def __call__(self, text: str) -> list[str]:
        """The words of ``fold_text(text)``."""
        if _words_stay(text):
            return list(map(self._folded.__getitem__, _WORDS.findall(text)))
        return _WORDS.findall(_folded(text))

    def numbered(self, text: str) -> list[int]:
        """The words of ``fold_text(text)`` as numbers: :meth:`number` of each.

        Texts made from templates share most of their lines, so the words are found line by
        line, each line once. That is exact: folding goes character by character (NFKD only
        reorders combining marks, never across a line break, which has none), a line break
        folds to itself and is no word character, so no word of the folded text spans two
        lines, and its words are those of its lines, one after the other.
        """
        return list(chain.from_iterable(map(self._lines.__getitem__, text.split("\n"))))

    @property
    def lines(self) -> Mapping[str, tuple[int, ...]]:
        """Lines (without a line break) → their words as numbers, as :meth:`numbered` finds
        them: ``numbered(text)`` is the numbers of ``text.split("\\n")``, one line after the other."""
        return self._lines

    def number(self, folded_word: str) -> int:
        """The number of a folded word: the same for the same word, ``0 …`` in the order seen."""
        return self._numbers[folded_word]

    @property
    def vocabulary(self) -> int:
        """How many words are numbered: every number is below this."""
        return len(self._numbers)


def _words_stay(text: str) -> bool:
    """Whether folding ``text`` leaves the edges of all its words where they are."""
    others = _NOT_ASCII.findall(text)
    return not others or _KEEPS_WORDS.issuperset(others) or all(map(_keeps_words, others))


_WORDS = re.compile(r"\w+")
_WORD_CHARACTER = re.compile(r"\w")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_KEEPS_WORDS: set[str] = set()
_MOVES_WORDS: set[str] = set()


def _keeps_words(character: str) -> bool:
    """Whether folding ``character`` leaves the edges of words where they are."""
    if character in _KEEPS_WORDS:
        return True
    if character in _MOVES_WORDS:
        return False
    folded = _folded(character)
    word = _WORD_CHARACTER.match(character) is not None
    keeps = bool(folded) and all(
        (_WORD_CHARACTER.match(part) is not None) is word for part in folded
    )
    (_KEEPS_WORDS if keeps else _MOVES_WORDS).add(character)
    return keeps


class _FoldedWords(dict[str, str]):
    """Words → the same words folded, remembered."""

    def __missing__(self, word: str) -> str:
        # NFKD leaves ASCII alone and casefolding ASCII is lowering it.
        folded = word.lower() if word.isascii() else _folded(word)
        self[word] = folded
        return folded


class _NumberedLines(dict[str, tuple[int, ...]]):
    """Lines → their numbered words, each line looked at once."""

    def __init__(self, numbered: _NumberedWords, numbers: _Numbers) -> None:
        super().__init__()
        self._numbered = numbered
        self._numbers = numbers

    def __missing__(self, line: str) -> tuple[int, ...]:
        # ``isascii`` is a flag of the string, read at once: an ASCII line keeps its words.
        if line.isascii() or _words_stay(line):
            numbers = tuple(map(self._numbered.__getitem__, _WORDS.findall(line)))
        else:
            numbers = tuple(map(self._numbers.__getitem__, _WORDS.findall(_folded(line))))
        self[line] = numbers
        return numbers


class _Numbers(dict[str, int]):
    """Folded words → their numbers, a new one for each word not seen before."""

    def __missing__(self, word: str) -> int:
        number = self[word] = len(self)
        return number


class _NumberedWords(dict[str, int]):
    """Words as they are written → the numbers of the same words folded, remembered."""

    def __init__(self, folded: _FoldedWords, numbers: _Numbers) -> None:
        super().__init__()
        self._folded = folded
        self._numbers = numbers

    def __missing__(self, word: str) -> int:
        number = self[word] = self._numbers[self._folded[word]]
        return number


class _MarkRemover(dict[int, int | None]):
    """A ``str.translate`` table that drops combining marks, filled in as characters are seen."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _MarkRemover()
