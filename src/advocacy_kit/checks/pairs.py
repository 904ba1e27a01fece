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
from collections.abc import Hashable, Sequence
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
    groups, shared_from = _same_words(texts)
    pairs: list[tuple[int, int]] = []
    # Texts with the same words share all of them: quick_ratio 1.0 (also for two empty texts).
    for members in groups.values():
        pairs.extend(combinations(members, 2))
    keys = list(groups)
    for first, second in _joined(keys, threshold, shared_from):
        pairs.extend(
            (i, j) if i < j else (j, i) for i in groups[keys[first]] for j in groups[keys[second]]
        )
    pairs.sort()
    return pairs


def _same_words(
    texts: Sequence[Sequence[str]],
) -> tuple[dict[tuple[int, ...], list[int]], int]:
    """Text indexes grouped by their words as a multiset: ascending word numbers, rarest first.

    Also the first number of a word that more than one group may have: the ones below it are
    words of a single group.
    """
    # Identical texts (a template nobody has filled in yet) are numbered once.
    alike: dict[tuple[str, ...], list[int]] = {}
    for index, words in enumerate(texts):
        alike.setdefault(tuple(words), []).append(index)
    tokens = [_numbered(words) for words in alike]
    frequency = Counter(chain.from_iterable(tokens))
    # Rarest first; ties in the order first seen, so every run numbers the words the same way.
    rank = {
        token: place for place, token in enumerate(sorted(frequency, key=frequency.__getitem__))
    }
    groups: dict[tuple[int, ...], list[int]] = {}
    for numbered, members in zip(tokens, alike.values(), strict=True):
        key = tuple(sorted(map(rank.__getitem__, numbered)))
        groups.setdefault(key, []).extend(members)
    for members in groups.values():
        members.sort()
    return groups, sum(1 for count in frequency.values() if count == 1)


def _joined(
    texts: list[tuple[int, ...]], threshold: float, shared_from: int
) -> list[tuple[int, int]]:
    """Index pairs of distinct word sets whose ``quick_ratio`` reaches ``threshold`` (PPJoin)."""
    # With sizes a ≤ b, quick_ratio ≥ t needs shared ≥ t × (a + b) / 2, so b ≤ a / share and,
    # from the longer text's side, shared ≥ share × b; from the shorter one's, shared ≥ t × a.
    share = threshold / (2 - threshold)
    half = threshold / 2
    sizes_by_text = [len(words) for words in texts]
    order = sorted(range(len(texts)), key=sizes_by_text.__getitem__)
    sizes = [sizes_by_text[text] for text in order]  # by place in ``order``
    index: dict[int, list[tuple[int, int]]] = {}
    starts: dict[int, int] = {}
    found: list[tuple[int, int]] = []
    for position, text in enumerate(order):
        words = texts[text]
        size = sizes[position]
        if not size:
            continue  # an empty text shares nothing with a non-empty one
        # Earlier texts are at most as long: one of this text's first ``probe`` words is shared.
        probe = size - max(math.ceil(share * size - _MARGIN), 1) + 1
        # Later texts are at least as long: a shorter prefix is enough in the index.
        indexed = size - max(math.ceil(threshold * size - _MARGIN), 1) + 1
        shortest = share * size - _MARGIN
        first_shared = bisect_left(words, shared_from)
        shared: dict[int, int] = {}
        for place in range(first_shared, probe):
            postings = index.get(words[place])
            if postings is None:
                continue
            word = words[place]
            start = starts[word]
            while start < len(postings) and sizes[postings[start][0]] < shortest:
                start += 1
            starts[word] = start
            left = size - place
            for other, other_place in postings[start:] if start else postings:
                count = shared.get(other, 0)
                if count < 0:
                    continue  # already ruled out
                other_size = sizes[other]
                # Matches are found in order, so ``count`` is every shared word before this one.
                if (
                    count + min(left, other_size - other_place)
                    >= half * (size + other_size) - _MARGIN
                ):
                    shared[other] = count + 1
                else:
                    shared[other] = -1
        for place in range(first_shared, indexed):
            word = words[place]
            postings = index.get(word)
            if postings is None:
                index[word] = [(position, place)]
                starts[word] = 0
            else:
                postings.append((position, place))
        if not shared:
            continue
        own = set(words)
        for other, count in shared.items():
            if count <= 0:
                continue
            other_words = texts[order[other]]
            # difflib's quick_ratio, exactly: the shared words of the multisets over both sizes.
            matches = len(own.intersection(other_words))
            if 2.0 * matches / (size + sizes[other]) >= threshold:
                found.append((order[other], text))
    return found


def _numbered(words: Sequence[str]) -> list[Hashable]:
    """The words with the n-th repeat of a word told apart as ``(word, n)``."""
    if len(set(words)) == len(words):
        return list(words)  # the usual case: no word twice
    seen: dict[str, int] = {}
    numbered: list[Hashable] = []
    for word in words:
        count = seen.get(word, 0)
        numbered.append((word, count) if count else word)
        seen[word] = count + 1
    return numbered
