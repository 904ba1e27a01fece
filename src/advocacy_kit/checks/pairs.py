"""Which word lists of one day can be near-duplicates, without comparing every pair.

:func:`candidate_pairs` returns exactly the index pairs whose difflib ``quick_ratio`` reaches the
threshold. ``quick_ratio`` is an upper bound of the ratio that decides a near-duplicate, so a pair
it leaves out cannot be one; the pairs it returns still go through the full comparison.

``quick_ratio`` is the Dice coefficient of the two word multisets: ``2 × shared / (len_a +
len_b)``. The set-similarity join PPJoin (Xiao et al., 2008) finds every pair that can share
enough words without looking at the others. It runs on each text's distinct words: two texts
share at most as many more words (repeats) as the one with fewer repeated words has, so every
bound below allows for that many, and the sizes stay those of the multisets:

- words are numbered rarest first, one order for the whole day, and each text sorted by it;
- a pair that shares enough words shares one of the first few of each text (prefix filter), so
  only those go into the index and only those are looked up;
- shortest texts first: a text can reach the threshold only with texts not much shorter (length
  filter), found by halving in each posting list, which holds texts in the order they came;
- the pairs left are counted exactly: their distinct shared words by one set intersection, the
  multisets only where repeats could matter.

Two kinds of text need no search at all: the same text twice shares every word, and a word
that occurs once in the whole day can never be shared, so it is neither indexed nor looked up.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from itertools import chain, combinations, compress
from operator import countOf, not_
from typing import cast

__all__ = ["candidate_pairs", "quick_ratio"]

# A small margin keeps float rounding from dropping a pair right at the threshold in the filters;
# the final test is difflib's own arithmetic, without a margin.
_MARGIN = 1e-9


def quick_ratio(first: Sequence[Hashable], second: Sequence[Hashable]) -> float:
    """difflib's ``SequenceMatcher.quick_ratio``: the shared words of both multisets."""
    total = len(first) + len(second)
    if not total:
        return 1.0
    matches = sum((Counter(first) & Counter(second)).values())
    return 2.0 * matches / total


def candidate_pairs(
    texts: Sequence[Sequence[Hashable]],
    threshold: float,
    *,
    vocabulary: int | None = None,
    keys: Sequence[Hashable] | None = None,
) -> list[tuple[int, int]]:
    """The index pairs ``(i, j)``, ``i < j``, whose ``quick_ratio`` reaches ``threshold``, sorted.

    Words are strings, or any values compared by equality; with ``vocabulary``, they are
    numbers ``0 … vocabulary - 1``, which are looked up in a list rather than a dict.

    ``keys``, one for each text, the same for texts with the same words (such as the strings
    the words were read from), group the texts more cheaply than their words do. Texts with the
    same words under different keys are paired like any other two texts.
    """
    if not 0 < threshold <= 1:
        # Outside the range the settings allow the filters prove nothing: compare every pair.
        return [
            (i, j)
            for i, j in combinations(range(len(texts)), 2)
            if quick_ratio(texts[i], texts[j]) >= threshold
        ]
    alike: dict[Hashable, list[int]] = {}
    if keys is None:
        for index, words in enumerate(texts):
            alike.setdefault(tuple(words), []).append(index)
    else:
        for index, key in enumerate(keys):
            alike.setdefault(key, []).append(index)
    members_of = list(alike.values())
    distinct: list[Sequence[Hashable]] = (
        cast(list[Sequence[Hashable]], list(alike))
        if keys is None
        else [texts[members[0]] for members in members_of]
    )
    pairs: list[tuple[int, int]] = []
    # The same text twice shares all its words: quick_ratio 1.0 (also for two empty texts).
    for members in members_of:
        if len(members) > 1:
            pairs.extend(combinations(members, 2))
    if keys is not None:
        # The search below pairs texts with the same words under different keys, as it pairs
        # any two; not empty ones (it leaves those out): two empty texts are paired here.
        empty = list(compress(members_of, map(not_, distinct)))
        for firsts, seconds in combinations(empty, 2):
            pairs.extend((i, j) if i < j else (j, i) for i in firsts for j in seconds)
    for one, another in _joined(distinct, threshold, vocabulary):
        firsts, seconds = members_of[one], members_of[another]
        if len(firsts) == 1 and len(seconds) == 1:
            first, second = firsts[0], seconds[0]
            pairs.append((first, second) if first < second else (second, first))
        else:
            pairs.extend((i, j) if i < j else (j, i) for i in firsts for j in seconds)
    pairs.sort()
    return pairs


def _joined(
    texts: Sequence[Sequence[Hashable]], threshold: float, vocabulary: int | None
) -> list[tuple[int, int]]:
    """Index pairs of different texts whose ``quick_ratio`` reaches ``threshold`` (PPJoin).

    Each text is searched by its distinct words, rarest first (``frequency``); a text with
    ``repeats`` words more than distinct ones can share at most that many more with another.
    """
    frequency = Counter(chain.from_iterable(texts))
    # Rarest first; ties in the order first seen, so every run numbers the words the same way.
    order = sorted(frequency, key=frequency.__getitem__)
    rank_of: Callable[[Hashable], int]
    if vocabulary is None:
        rank_of = dict(zip(order, range(len(order)), strict=True)).__getitem__
    else:
        ranks = [0] * vocabulary
        for place, word in enumerate(cast(list[int], order)):
            ranks[word] = place
        rank_of = cast(Callable[[Hashable], int], ranks.__getitem__)
    # Words below this number are in one text only, once: never shared.
    shared_from = countOf(frequency.values(), 1)
    # With sizes a ≤ b, quick_ratio ≥ t needs shared ≥ t × (a + b) / 2, so b ≥ share × a, and
    # shared ≥ share × b on the longer text's side, shared ≥ t × a on the shorter one's.
    share = threshold / (2 - threshold)
    # Shortest first, ties in the order given (a stable sort on the sizes, looked up in a list).
    order_by_size = sorted(range(len(texts)), key=list(map(len, texts)).__getitem__)
    by_size = list(map(texts.__getitem__, order_by_size))
    sizes = list(map(len, by_size))  # by place in ``order_by_size``: never decreasing
    # Per size: the prefixes to look up and to index, and where the earlier texts long enough
    # begin (all earlier texts are at most as long: their places come first).
    bounds = {
        size: _bounds(size, threshold, share, bisect_left(sizes, share * size - _MARGIN))
        for size in set(sizes)
    }
    word_sets: list[set[int]] = []
    repeats: list[int] = []
    # Per word: the places (in ``order_by_size``, ascending) of the texts with it in their
    # indexed prefix. Places grow with size, so the texts long enough are a posting list's tail.
    index: dict[int, list[int]] = {}
    index_get = index.get
    found: list[tuple[int, int]] = []
    for position, words_of_text in enumerate(by_size):
        own = set(map(rank_of, words_of_text))
        word_sets.append(own)
        size = len(words_of_text)
        repeated = size - len(own)
        repeats.append(repeated)
        if not size:
            continue  # an empty text shares nothing with a non-empty one
        probe, indexed, long_enough = bounds[size]
        words = sorted(own)
        first_shared = bisect_left(words, shared_from) if shared_from else 0
        met: list[int] = []
        for word in words[first_shared:indexed]:
            postings = index_get(word)
            if postings is None:
                index[word] = [position]
                continue
            if postings[0] >= long_enough:  # all long enough: no halving, no copy
                met += postings
            elif postings[-1] >= long_enough:
                met += postings[bisect_left(postings, long_enough) :]
            postings.append(position)
        for word in words[max(first_shared, indexed) : probe]:
            postings = index_get(word)
            if postings is None:
                continue
            if postings[0] >= long_enough:
                met += postings
            elif postings[-1] >= long_enough:
                met += postings[bisect_left(postings, long_enough) :]
        if not met:
            continue
        # Every candidate is counted exactly: its distinct shared words, plus at most this
        # text's repeats, decide whether the full count is needed at all (only where both
        # texts repeat words: otherwise the distinct shared words are all the matches).
        for other in set(met) if len(met) > 1 else met:
            shared = len(own.intersection(word_sets[other]))
            total = size + sizes[other]
            # difflib's arithmetic (``2.0 * matches / total``), even if every repeat were shared.
            if 2.0 * (shared + repeated) / total < threshold:
                continue
            if repeated:
                if repeats[other]:
                    if not _reaches(words_of_text, by_size[other], threshold):
                        continue
                elif 2.0 * shared / total < threshold:
                    continue  # the other repeats nothing: the distinct words are the matches
            found.append((order_by_size[other], order_by_size[position]))
    return found


def _bounds(size: int, threshold: float, share: float, long_enough: int) -> tuple[int, int, int]:
    """How many of a text's distinct words (rarest first) to look up and to index, and
    ``long_enough``, for a text of ``size`` words.

    A text with ``repeated`` words more than distinct ones needs ``need - repeated`` shared
    distinct words (at least one) to share ``need`` words: one of its first ``distinct - (need -
    repeated) + 1`` distinct words is shared, which is ``size - need + 1`` — or all of them, when
    the repeats alone could make up ``need``; slicing the sorted words stops at their end.
    """
    probe = size - math.ceil(share * size - _MARGIN) + 1
    indexed = size - math.ceil(threshold * size - _MARGIN) + 1
    return probe, indexed, long_enough


def _reaches(first: Sequence[Hashable], second: Sequence[Hashable], threshold: float) -> bool:
    """Whether the ``quick_ratio`` of two texts reaches ``threshold``, counted in full."""
    matches = sum((Counter(first) & Counter(second)).values())
    return 2.0 * matches / (len(first) + len(second)) >= threshold
