"""Which word lists of one day can be near-duplicates, without comparing every pair.

:func:`candidate_pairs` returns exactly the index pairs whose difflib ``quick_ratio`` reaches the
threshold. ``quick_ratio`` is an upper bound of the ratio that decides a near-duplicate, so a pair
it leaves out cannot be one; the pairs it returns still go through the full comparison.

``quick_ratio`` is the Dice coefficient of the two word multisets: ``2 × shared / (len_a +
len_b)``. The n-th "the" of a text counts as a word of its own, which turns multisets into sets,
and the set-similarity join PPJoin (Xiao et al., 2008) finds every pair that can share enough
words without looking at the others:

- words are numbered rarest first, one order for the whole day, and each text sorted by it;
- a pair that shares enough words shares one of the first few of each text (prefix filter), so
  only those go into the index and only those are looked up;
- shortest texts first: a text can reach the threshold only with texts not much shorter (length
  filter), so the start of each posting list is dropped for good as texts grow;
- once a shared word is found late in either text, too few words may be left (positional
  filter);
- the pairs left are counted exactly.

Two kinds of text need no search at all: texts with the same words (in any order) share every
word, and a word no other text has can never be shared, so it is neither indexed nor looked up.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import chain, combinations

__all__ = ["candidate_pairs", "quick_ratio"]

# A small margin keeps float rounding from dropping a pair right at the threshold in the filters;
# the final test is difflib's own arithmetic, without a margin.
_MARGIN = 1e-9


def quick_ratio(first: Sequence[str], second: Sequence[str]) -> float:
    """difflib's ``SequenceMatcher.quick_ratio``: the shared words of both multisets."""
    total = len(first) + len(second)
    if not total:
        return 1.0
    matches = sum((Counter(first) & Counter(second)).values())
    return 2.0 * matches / total


def candidate_pairs(texts: Sequence[Sequence[str]], threshold: float) -> list[tuple[int, int]]:
    """The index pairs ``(i, j)``, ``i < j``, whose ``quick_ratio`` reaches ``threshold``, sorted."""
    if not 0 < threshold <= 1:
        # Outside the range the settings allow the filters prove nothing: compare every pair.
        return [
            (i, j)
            for i, j in combinations(range(len(texts)), 2)
            if quick_ratio(texts[i], texts[j]) >= threshold
        ]
    keys, firsts, alike, shared_from = _same_words(texts)
    pairs: list[tuple[int, int]] = []
    # Texts with the same words share all of them: quick_ratio 1.0 (also for two empty texts).
    for first, others in alike.items():
        pairs.extend(combinations([first, *others], 2))
    for one, another in _joined(keys, threshold, shared_from):
        first, second = firsts[one], firsts[another]
        if first in alike or second in alike:
            pairs.extend(
                (i, j) if i < j else (j, i)
                for i in [first, *alike.get(first, ())]
                for j in [second, *alike.get(second, ())]
            )
        else:
            pairs.append((first, second) if first < second else (second, first))
    pairs.sort()
    return pairs


def _same_words(
    texts: Sequence[Sequence[str]],
) -> tuple[list[tuple[int, ...]], list[int], dict[int, list[int]], int]:
    """The texts' distinct word multisets, each a tuple of ascending numbers, and who has them.

    Words are numbered rarest first (ties in the order first seen, so every run numbers them
    the same way); the n-th repeat of word number ``w`` in a text is ``w + n × len(words)``, after
    every word. Returned: the multisets, the first text with each, the later texts with the
    same multiset by the first one, and the first number of a word that two multisets may
    share (the ones below it occur only once in all the texts).
    """
    frequency = Counter(chain.from_iterable(texts))
    order = sorted(frequency, key=frequency.__getitem__)
    rank = dict(zip(order, range(len(order)), strict=True))
    repeat = len(order)
    first_with: dict[tuple[int, ...], int] = {}
    alike: dict[int, list[int]] = {}
    for index, words in enumerate(texts):
        numbers = sorted(map(rank.__getitem__, words))
        if len(set(numbers)) != len(numbers):
            numbers = _repeats_apart(numbers, repeat)
        first = first_with.setdefault(tuple(numbers), index)
        if first != index:
            alike.setdefault(first, []).append(index)
    singles = sum(1 for count in frequency.values() if count == 1)
    return list(first_with), list(first_with.values()), alike, singles


def _repeats_apart(numbers: list[int], repeat: int) -> list[int]:
    """Ascending word numbers with the n-th repeat of ``w`` made ``w + n × repeat``."""
    apart: list[int] = []
    previous = -1
    seen = 0
    for number in numbers:
        seen = seen + 1 if number == previous else 0
        previous = number
        apart.append(number + seen * repeat)
    apart.sort()
    return apart


def _joined(
    texts: list[tuple[int, ...]], threshold: float, shared_from: int
) -> list[tuple[int, int]]:
    """Index pairs of distinct word sets whose ``quick_ratio`` reaches ``threshold`` (PPJoin)."""
    # With sizes a ≤ b, quick_ratio ≥ t needs shared ≥ t × (a + b) / 2, so b ≥ share × a, and
    # shared ≥ share × b on the longer text's side, shared ≥ t × a on the shorter one's.
    share = threshold / (2 - threshold)
    half = threshold / 2
    sizes_by_text = [len(words) for words in texts]
    order = sorted(range(len(texts)), key=sizes_by_text.__getitem__)
    sizes = [sizes_by_text[text] for text in order]  # by place in ``order``
    longest = sizes[-1] if sizes else 0
    # Earlier texts are at most as long: one of a text's first ``probe`` words is shared.
    probe = [size - max(math.ceil(share * size - _MARGIN), 1) + 1 for size in range(longest + 1)]
    # Later texts are at least as long: a shorter prefix is enough in the index.
    indexed = [
        size - max(math.ceil(threshold * size - _MARGIN), 1) + 1 for size in range(longest + 1)
    ]
    # Per word: the texts that have it in their indexed prefix, at which place, and from where
    # on they are long enough for the texts still to come (sizes only grow).
    index: dict[int, tuple[list[int], list[int], list[int]]] = {}
    found: list[tuple[int, int]] = []
    for position, text in enumerate(order):
        words = texts[text]
        size = sizes[position]
        if not size:
            continue  # an empty text shares nothing with a non-empty one
        shortest = share * size - _MARGIN
        first_shared = bisect_left(words, shared_from)
        shared: dict[int, int] = {}
        for place in range(first_shared, probe[size]):
            postings = index.get(words[place])
            if postings is None:
                continue
            others, places, skip = postings
            start = skip[0]
            end = len(others)
            if start < end and sizes[others[start]] < shortest:
                start += 1
                while start < end and sizes[others[start]] < shortest:
                    start += 1
                skip[0] = start
            left = size - place
            for other, other_place in (
                zip(others[start:], places[start:], strict=True)
                if start
                else zip(others, places, strict=True)
            ):
                count = shared.get(other, 0)
                if count < 0:
                    continue  # already ruled out
                other_size = sizes[other]
                other_left = other_size - other_place
                # Matches are found in order, so ``count`` is every shared word before this one.
                if (
                    count + (left if left < other_left else other_left)
                    >= half * (size + other_size) - _MARGIN
                ):
                    shared[other] = count + 1
                else:
                    shared[other] = -1
        for place in range(first_shared, indexed[size]):
            word = words[place]
            postings = index.get(word)
            if postings is None:
                index[word] = ([position], [place], [0])
            else:
                postings[0].append(position)
                postings[1].append(place)
        if not shared:
            continue
        own = set(words)
        for other, count in shared.items():
            if count > 0:
                # difflib's quick_ratio, exactly: the shared words of both multisets over sizes.
                matches = len(own.intersection(texts[order[other]]))
                if 2.0 * matches / (size + sizes[other]) >= threshold:
                    found.append((order[other], text))
    return found
