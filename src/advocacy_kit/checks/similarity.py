"""AK5xx: colleagues' drafts on the same day that read (almost) the same.

Forty employees posting one text on one day looks staged. Texts are compared as words of the
folded text (case and accents ignored), with prompts and the disclosure taken out — the disclosure
is meant to be the same everywhere. The measure is difflib's ratio over the word sequences
(1.0 = identical); pairs at or above ``settings.similarity_threshold`` are reported.

While a draft still has prompts, the person's own words will set it apart: a warning (AK501).
When neither draft has anything left to fill, the same words would be posted twice: an error (AK502).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher

from .. import parallel
from ..calendar import CalendarEntry, Finding
from ..models import Kit
from .folding import fold_text
from .messages import say
from .prompts import find_prompts
from .where import Where

__all__ = ["comparable_words", "similarity", "similarity_findings"]

_WORD = re.compile(r"\w+")


def comparable_words(text: str, kit: Kit) -> list[str]:
    """The words of ``text`` that matter for a comparison (no prompts, no disclosure)."""
    opening, closing = (re.escape(marker) for marker in kit.settings.prompt_marker)
    text = re.sub(f"{opening}.*?{closing}", " ", text, flags=re.DOTALL)
    folded = fold_text(text)
    for disclosure in _folded_disclosures(tuple(kit.guidelines.disclosure.texts.values())):
        folded = folded.replace(disclosure, " ")
    return _WORD.findall(folded)


@functools.lru_cache(maxsize=16)
def _folded_disclosures(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold_text(text) for text in texts)


def similarity(first: list[str], second: list[str]) -> float:
    """How alike two word sequences are, from 0.0 to 1.0."""
    if not first and not second:
        return 1.0
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    return matcher.ratio()


def _candidate_pairs(texts: list[list[str]], threshold: float) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that can reach ``threshold``; every other pair cannot.

    Comparing every pair of a day is quadratic, and a large organisation has thousands of drafts
    a day. difflib's ``quick_ratio`` (an upper bound of the ratio) is the Dice coefficient of the
    two word multisets: a pair reaches the threshold only if it shares at least
    ``threshold × (len_a + len_b) / 2`` words. The n-th "the" of a text counts as a word of its
    own, which turns multisets into sets, and the set-similarity join PPJoin (Xiao et al., 2008)
    finds every pair that can share that many words without looking at the others: with each
    text's words ordered rarest first, such a pair shares one of the first few words of each
    (prefix filter), and once a shared word is found late in either text, too few words may be
    left to reach the overlap (positional filter). The pairs found are then counted exactly: only
    those whose ``quick_ratio`` reaches the threshold are returned, and they still go through the
    usual comparison, so the result is the same as comparing every pair.
    """
    # A small margin keeps float rounding from dropping a pair right at the threshold.
    margin = 1e-9
    share = threshold / (2 - threshold)
    half = threshold / 2
    tokens: list[list[tuple[str, int]]] = []
    frequency: Counter[tuple[str, int]] = Counter()
    for words in texts:
        if len(set(words)) == len(words):
            numbered = [(word, 0) for word in words]  # the usual case: no word twice
        else:
            seen: dict[str, int] = {}
            numbered = []
            for word in words:
                count = seen.get(word, 0)
                numbered.append((word, count))
                seen[word] = count + 1
        tokens.append(numbered)
        frequency.update(numbered)
    # One global order, rarest first (ties by the word, so the order is the same on every run).
    rank = {
        token: place
        for place, token in enumerate(sorted(frequency, key=lambda t: (frequency[t], t)))
    }
    sizes = [len(numbered) for numbered in tokens]
    # Shortest texts first (length filter, Bayardo et al., 2007): a text of size b can reach the
    # threshold with one of size a ≥ b only if b ≥ share × a, so as sizes grow, the start of each
    # posting list is dropped for good and no walk goes over texts that are too short.
    index: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    starts: dict[tuple[str, int], int] = defaultdict(int)
    empty: list[int] = []
    for position in sorted(range(len(tokens)), key=sizes.__getitem__):
        numbered = tokens[position]
        size = sizes[position]
        if not size:
            # Two empty texts are identical (ratio 1.0); an empty and a non-empty one share nothing.
            yield from ((min(earlier, position), max(earlier, position)) for earlier in empty)
            empty.append(position)
            continue
        ordered = sorted(numbered, key=rank.__getitem__)
        needed = max(math.ceil(share * size - margin), 1)
        shortest = share * size - margin
        # Texts after this one are at least as long, so they share at least threshold × size
        # words with it: a shorter prefix is enough in the index (PPJoin's indexing prefix).
        indexed = size - max(math.ceil(threshold * size - margin), 1) + 1
        shared: dict[int, int] = {}
        for place, token in enumerate(ordered[: size - needed + 1]):
            postings = index[token]
            first = starts[token]
            while first < len(postings) and sizes[postings[first][0]] < shortest:
                first += 1
            starts[token] = first
            for other, other_place in postings[first:]:
                count = shared.get(other, 0)
                if count < 0:
                    continue  # already ruled out
                other_size = sizes[other]
                required = math.ceil(half * (size + other_size) - margin)
                if count + 1 + min(size - place - 1, other_size - other_place - 1) >= required:
                    shared[other] = count + 1
                else:
                    shared[other] = -1
            if place < indexed:
                postings.append((position, place))
        if not shared:
            continue
        own = set(numbered)
        for other in sorted(shared):
            if shared[other] <= 0:
                continue
            # difflib's quick_ratio, exactly: the shared words of the multisets over both sizes.
            matches = len(own.intersection(tokens[other]))
            if 2.0 * matches / (size + sizes[other]) >= threshold:
                yield (other, position) if other < position else (position, other)


def _names(names: list[str], language: str) -> str:
    shown = names[:3]
    if len(names) > 3:
        shown.append(say("more", language, count=len(names) - 3))
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + say("and", language) + shown[-1]


def similarity_findings(
    kit: Kit, entries: list[CalendarEntry], language: str
) -> dict[str, list[Finding]]:
    """AK501/AK502 for each entry whose text is close to a colleague's on the same local day."""
    threshold = kit.settings.similarity_threshold
    by_day: dict[object, list[CalendarEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.slot.start.date()].append(entry)
    names = {person.id: person.name for person in kit.people}
    days = list(by_day.values())

    def close_pairs(day_entries: list[CalendarEntry]) -> list[tuple[int, int, float]]:
        """Index pairs of one day's entries at or above the threshold, with their score."""
        day_words = [comparable_words(entry.post.text, kit) for entry in day_entries]
        pairs = []
        for index, other in _candidate_pairs(day_words, threshold):
            if day_entries[index].slot.person_id == day_entries[other].slot.person_id:
                continue  # one person sharing on two platforms is not staged
            # Candidates already passed difflib's quick_ratio, an upper bound of the ratio.
            score = similarity(day_words[index], day_words[other])
            if score >= threshold:
                pairs.append((index, other, score))
        return pairs

    # Days are independent: a large week compares them in two processes.
    if len(entries) >= parallel.THRESHOLD:
        found_pairs = parallel.map_in_halves(
            days,
            close_pairs,
            pack=lambda pairs: pairs,
            unpack=lambda _, pairs: pairs,
            minimum=2,
            weight=len,
        )
    else:
        found_pairs = [close_pairs(day_entries) for day_entries in days]
    partners: dict[str, list[tuple[CalendarEntry, float]]] = defaultdict(list)
    for day_entries, pairs in zip(days, found_pairs, strict=True):
        for index, other, score in pairs:
            first, second = day_entries[index], day_entries[other]
            partners[first.draft.id].append((second, score))
            partners[second.draft.id].append((first, score))
    # Only drafts with a close colleague need to know whether prompts are left in them.
    open_prompts = {
        entry.draft.id: bool(find_prompts(entry.post.text, kit))
        for entry in entries
        if entry.draft.id in partners
    }
    found: dict[str, list[Finding]] = {}
    for entry in entries:
        similar = partners.get(entry.draft.id)
        if not similar:
            continue
        fixed = [(other, score) for other, score in similar if not open_prompts[other.draft.id]]
        hard = not open_prompts[entry.draft.id] and fixed
        code, chosen = ("AK502", fixed) if hard else ("AK501", similar)
        people = sorted({names.get(o.slot.person_id, o.slot.person_id) for o, _ in chosen})
        percent = int(max(score for _, score in chosen) * 100)
        message = say(code, language, names=_names(people, language), percent=percent)
        found[entry.draft.id] = [Where.of_entry(entry, language).finding(code, message)]
    return found
