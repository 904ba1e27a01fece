"""Thread splitting: a too-long text becomes parts that each fit, split where a reader expects.

Parts break between sentences where they can, else between words; never inside a URL, mention,
hashtag or emoji (none of which contain whitespace). Only a single word longer than a whole post
is broken, and then between grapheme clusters, never inside one, and never inside a URL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from .graphemes import graphemes
from .urls import extract_urls

__all__ = ["split_thread"]

_WORD = regex.compile(r"(\S+)(\s*)")
_SENTENCE_END = regex.compile(r"[.!?…:;][)\]\"'»«“”‘’]*$")
_MAX_ROUNDS = 6


@dataclass(frozen=True)
class _Word:
    text: str
    space: str  # the whitespace after it, kept as written inside a part

    @property
    def ends_sentence(self) -> bool:
        return "\n" in self.space or bool(_SENTENCE_END.search(self.text))


def _sentences(text: str) -> list[list[_Word]]:
    sentences: list[list[_Word]] = []
    current: list[_Word] = []
    for match in _WORD.finditer(text):
        word = _Word(match[1], match[2])
        current.append(word)
        if word.ends_sentence:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def _join(words: Sequence[_Word]) -> str:
    return "".join(w.text + w.space for w in words[:-1]) + words[-1].text


class _Packer:
    def __init__(
        self, fits: Callable[[str], bool], lead: str | None, numbered: bool, total: int
    ) -> None:
        self.fits, self.lead, self.numbered, self.total = fits, lead, numbered, total
        self.parts: list[list[_Word]] = []
        self.current: list[_Word] = []

    def render(self, words: Sequence[_Word], index: int) -> str:
        body = _join(words)
        if index == 0 and self.lead:
            body = f"{self.lead}\n\n{body}"
        if self.numbered:
            body = f"{body} {index + 1}/{self.total}"
        return body

    def ok(self, words: Sequence[_Word]) -> bool:
        return self.fits(self.render(words, len(self.parts)))

    def flush(self) -> None:
        if self.current:
            self.parts.append(self.current)
            self.current = []

    def add_sentence(self, sentence: list[_Word]) -> None:
        if self.ok([*self.current, *sentence]):
            self.current = [*self.current, *sentence]
            return
        if self.current:
            self.flush()
            if self.ok(sentence):
                self.current = list(sentence)
                return
        for word in sentence:
            self.add_word(word)

    def add_word(self, word: _Word) -> None:
        if self.ok([*self.current, word]):
            self.current.append(word)
            return
        self.flush()
        if self.ok([word]) or extract_urls(word.text):
            # A URL is never cut: if it does not fit, it stands alone and validation says so.
            self.current = [word]
            return
        self.add_pieces(word)

    def add_pieces(self, word: _Word) -> None:
        piece = ""
        for cluster in graphemes(word.text):
            if piece and not self.ok([_Word(piece + cluster, "")]):
                self.current = [_Word(piece, "")]
                self.flush()
                piece = ""
            piece += cluster
        self.current = [_Word(piece, word.space)]


def split_thread(
    text: str,
    fits: Callable[[str], bool],
    *,
    lead: str | None = None,
    numbered: bool = False,
) -> list[str]:
    """Split ``text`` into thread parts for which ``fits(part)`` holds.

    :param fits: whether one rendered part is valid on the platform.
    :param lead: text placed at the top of the first part (a disclosure), followed by a blank line.
    :param numbered: end each part with ``i/n``, counted in when checking that it fits.
    """
    sentences = _sentences(text)
    if not sentences:
        return [lead] if lead else []
    total = 1
    parts: list[str] = []
    for _ in range(_MAX_ROUNDS):
        packer = _Packer(fits, lead, numbered, total)
        for sentence in sentences:
            packer.add_sentence(sentence)
        packer.flush()
        parts = [packer.render(words, i) for i, words in enumerate(packer.parts)]
        if not numbered or len(parts) == total:
            break
        total = len(parts)  # numbering width changed the packing; pack again with the new count
    return parts
