"""Emoji sequences (ZWJ families, skin tones, flags, keycaps) from current RGI data.

The table comes from the ``emoji`` package, which tracks each Unicode release; twitter-text's own
table is from 2019 and misses newer sequences such as 🐦‍⬛. Matching is longest-first at each
position, so a family counts once rather than as its members.
"""

from __future__ import annotations

import functools
import re

__all__ = ["emoji_spans", "is_emoji"]


@functools.cache
def _table() -> tuple[frozenset[str], dict[str, tuple[int, ...]], re.Pattern[str]]:
    import emoji  # heavy: imported on first use, not at start-up

    sequences = frozenset(emoji.EMOJI_DATA)
    lengths: dict[str, set[int]] = {}
    for sequence in sequences:
        lengths.setdefault(sequence[0], set()).add(len(sequence))
    by_first = {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()}
    # A coarse class of a few ranges finds possible starts fast (``re`` tests each range in
    # turn, so the exact set of ~1,400 first characters would be slow); a dict check follows.
    points = sorted({ord(first) for first in by_first})
    bmp_symbols = [p for p in points if 0x2000 <= p < 0x3000]
    rest = [p for p in points if not 0x2000 <= p < 0x3000]
    coarse = [f"\\U{p:08x}" for p in rest if p < 0x1F000]
    astral = [p for p in rest if p >= 0x1F000]
    ranges = [
        f"\\U{min(group):08x}-\\U{max(group):08x}" for group in (bmp_symbols, astral) if group
    ]
    starts = re.compile("[" + "".join(coarse + ranges) + "]")
    return sequences, by_first, starts


def is_emoji(text: str) -> bool:
    """Whether ``text`` is exactly one emoji (any qualification status, or a component)."""
    return text in _table()[0]


def emoji_spans(text: str) -> list[tuple[int, int]]:
    """Code-point spans ``[start, end)`` of the emoji in ``text``, longest match first."""
    sequences, by_first, starts = _table()
    spans: list[tuple[int, int]] = []
    size = len(text)
    found = starts.search(text)
    while found is not None:
        index = found.start()
        step = 1
        for length in by_first.get(text[index], ()):
            if index + length <= size and text[index : index + length] in sequences:
                spans.append((index, index + length))
                step = length
                break
        found = starts.search(text, index + step)
    return spans
