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
  filter), so the start of each posting list is dropped for good as texts grow;
- once a shared word is found late in either text, too few words may be left (positional
  filter);
- the pairs left are counted exactly (repeats counted only where they could matter).

Two kinds of text need no search at all: the same text twice shares every word, and a word
that occurs once in the whole day can never be shared, so it is neither indexed nor looked up.
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
    alike: dict[tuple[str, ...], list[int]] = {}
    for index, words in enumerate(texts):
        alike.setdefault(tuple(words), []).append(index)
    distinct = list(alike)
    pairs: list[tuple[int, int]] = []
    # The same text twice shares all its words: quick_ratio 1.0 (also for two empty texts).
    for members in alike.values():
        if len(members) > 1:
            pairs.extend(combinations(members, 2))
    members_of = list(alike.values())
    for one, another in _joined(distinct, threshold):
        firsts, seconds = members_of[one], members_of[another]
        if len(firsts) == 1 and len(seconds) == 1:
            first, second = firsts[0], seconds[0]
            pairs.append((first, second) if first < second else (second, first))
        else:
            pairs.extend((i, j) if i < j else (j, i) for i in firsts for j in seconds)
    pairs.sort()
    return pairs


def _joined(texts: list[tuple[str, ...]], threshold: float) -> list[tuple[int, int]]:
    """Index pairs of different texts whose ``quick_ratio`` reaches ``threshold`` (PPJoin).

    Each text is searched by its distinct words, rarest first (``frequency``); a text with
    ``repeats`` words more than distinct ones can share at most that many more with another.
    """
    frequency = Counter(chain.from_iterable(texts))
    # Rarest first; ties in the order first seen, so every run numbers the words the same way.
    order = sorted(frequency, key=frequency.__getitem__)
    rank = dict(zip(order, range(len(order)), strict=True))
    # Words below this number are in one text only, once: never shared.
    shared_from = sum(1 for count in frequency.values() if count == 1)
    # With sizes a ≤ b, quick_ratio ≥ t needs shared ≥ t × (a + b) / 2, so b ≥ share × a, and
    # shared ≥ share × b on the longer text's side, shared ≥ t × a on the shorter one's.
    share = threshold / (2 - threshold)
    half = threshold / 2
    sizes_by_text = [len(words) for words in texts]
    order_by_size = sorted(range(len(texts)), key=sizes_by_text.__getitem__)
    sizes = [sizes_by_text[text] for text in order_by_size]  # by place in ``order_by_size``
    words_at: list[list[int]] = []
    repeats: list[int] = []
    # Per word: the texts with it in their indexed prefix and its place there, flat (text,
    # place, text, place …), and where the texts long enough for the ones still to come begin.
    index: dict[int, list[int]] = {}
    starts: dict[int, int] = {}
    found: list[tuple[int, int]] = []
    for position, text in enumerate(order_by_size):
        size = sizes[position]
        words = sorted(set(map(rank.__getitem__, texts[text])))
        words_at.append(words)
        repeated = size - len(words)
        repeats.append(repeated)
        if not size:
            continue  # an empty text shares nothing with a non-empty one
        distinct = len(words)
        shortest = share * size - _MARGIN
        first_shared = bisect_left(words, shared_from)
        # Earlier texts are at most as long: one of the first ``probe`` distinct words is shared.
        probe = distinct - max(math.ceil(share * size - _MARGIN) - repeated, 1) + 1
        shared: dict[int, int] = {}
        for place in range(first_shared, probe):
            word = words[place]
            postings = index.get(word)
            if postings is None:
                continue
            start = starts[word]
            end = len(postings)
            if start < end and sizes[postings[start]] < shortest:
                start += 2
                while start < end and sizes[postings[start]] < shortest:
                    start += 2
                starts[word] = start
            left = distinct - place
            found_here = iter(postings[start:] if start else postings)
            for other, other_place in zip(found_here, found_here, strict=True):
                count = shared.get(other, 0)
                if count < 0:
                    continue  # already ruled out
                other_size = sizes[other]
                other_left = len(words_at[other]) - other_place
                # Matches are found in order, so ``count`` is every shared word before this one;
                # repeated words can add at most the fewer repeats of the two.
                other_repeats = repeats[other]
                if (
                    count
                    + (left if left < other_left else other_left)
                    + (repeated if repeated < other_repeats else other_repeats)
                    >= half * (size + other_size) - _MARGIN
                ):
                    shared[other] = count + 1
                else:
                    shared[other] = -1
        # Later texts are at least as long: a shorter prefix is enough in the index.
        indexed = distinct - max(math.ceil(threshold * size - _MARGIN) - repeated, 1) + 1
        for place in range(first_shared, indexed):
            word = words[place]
            postings = index.get(word)
            if postings is None:
                index[word] = [position, place]
                starts[word] = 0
            else:
                postings += (position, place)
        if not shared:
            continue
        own = set(words)
        for other, count in shared.items():
            if count > 0 and _reaches(
                texts[text],
                texts[order_by_size[other]],
                len(own.intersection(words_at[other])),
                min(repeated, repeats[other]),
                threshold,
            ):
                found.append((order_by_size[other], text))
    return found


def _reaches(
    first: Sequence[str], second: Sequence[str], distinct: int, repeats: int, threshold: float
) -> bool:
    """Whether two texts sharing ``distinct`` distinct words reach ``threshold`` (quick_ratio)."""
    total = len(first) + len(second)
    # difflib's arithmetic: ``2.0 * matches / total``; it grows with ``matches``.
    if 2.0 * (distinct + repeats) / total < threshold:
        return False  # even if every repeat were shared
    if not repeats:
        return True
    matches = sum((Counter(first) & Counter(second)).values())
    return 2.0 * matches / total >= threshold
