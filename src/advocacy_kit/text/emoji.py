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
    # Jumping from one possible first character to the next keeps plain text cheap to scan.
    starts = re.compile("[" + "".join(re.escape(first) for first in sorted(by_first)) + "]")
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
        for length in by_first[text[index]]:
            if index + length <= size and text[index : index + length] in sequences:
                spans.append((index, index + length))
                step = length
                break
        found = starts.search(text, index + step)
    return spans
