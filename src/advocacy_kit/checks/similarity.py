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
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from difflib import SequenceMatcher
from itertools import compress, islice, repeat
from operator import attrgetter, eq, le, methodcaller

from .. import parallel
from ..calendar import CalendarEntry, Finding
from ..models import Kit
from .folding import WordFolder, fold_text
from .messages import say
from .pairs import candidate_pairs
from .prompts import find_prompts
from .where import Where

__all__ = [
    "ClosePairs",
    "ComparableWords",
    "comparable_words",
    "days_of",
    "findings_of_pairs",
    "similarity",
    "similarity_findings",
]

_WORD = re.compile(r"\w+")
_DRAFT_ID = attrgetter("draft.id")
_POST_TEXT = attrgetter("post.text")

_candidate_pairs = candidate_pairs  # its former name here


def comparable_words(text: str, kit: Kit) -> list[str]:
    """The words of ``text`` that matter for a comparison (no prompts, no disclosure)."""
    return ComparableWords.of(kit)(text)


class ComparableWords:
    """:func:`comparable_words` for one kit, for many texts: the prompt pattern built once and
    each distinct word folded once."""

    def __init__(self, prompt_marker: tuple[str, str], disclosures: tuple[str, ...]) -> None:
        opening, closing = (re.escape(marker) for marker in prompt_marker)
        self._prompt = re.compile(f"{opening}.*?{closing}", re.DOTALL)
        self._disclosures = _folded_disclosures(disclosures)
        self._words = WordFolder()

    @classmethod
    def of(cls, kit: Kit) -> ComparableWords:
        """The words of texts in ``kit`` (its prompt marker and disclosure texts)."""
        return cls(kit.settings.prompt_marker, tuple(kit.guidelines.disclosure.texts.values()))

    def __call__(self, text: str) -> list[str]:
        """The words of ``text`` that matter for a comparison (no prompts, no disclosure)."""
        text = self._prompt.sub(" ", text)
        taken_out = self._without_disclosure(text)
        if taken_out is not None:
            return taken_out
        # Nothing to take out: the words of the folded text.
        return self._words(text)

    def numbered(self, text: str) -> list[int]:
        """The same words as numbers, one for each folded word (see :attr:`vocabulary`).

        Numbers compare as their words do, so they give the same ratios, and they are cheaper
        to look up.
        """
        text = self._prompt.sub(" ", text)
        taken_out = self._without_disclosure(text)
        if taken_out is not None:
            return list(map(self._words.number, taken_out))
        return self._words.numbered(text)

    @property
    def vocabulary(self) -> int:
        """How many words :meth:`numbered` has numbered: every number is below this."""
        return self._words.vocabulary

    def _without_disclosure(self, text: str) -> list[str] | None:
        """The words of the folded text without the disclosure, if it has one."""
        if self._disclosures:
            folded = fold_text(text)
            if any(disclosure in folded for disclosure in self._disclosures):
                for disclosure in self._disclosures:
                    folded = folded.replace(disclosure, " ")
                return _WORD.findall(folded)
        return None


@functools.lru_cache(maxsize=16)
def _folded_disclosures(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold_text(text) for text in texts)


def similarity(first: Sequence[Hashable], second: Sequence[Hashable]) -> float:
    """How alike two word sequences are, from 0.0 to 1.0 (words, or numbers for words)."""
    if not first and not second:
        return 1.0
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    return matcher.ratio()


def _names(names: list[str], language: str) -> str:
    shown = names[:3]
    if len(names) > 3:
        shown.append(say("more", language, count=len(names) - 3))
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + say("and", language) + shown[-1]


def days_of(entries: list[CalendarEntry]) -> list[list[CalendarEntry]]:
    """The entries by their local day (days in the order first seen)."""
    dates = list(map(_DATE, map(_START, entries)))
    if all(map(le, dates, islice(dates, 1, None))):
        # Dates in order (a calendar usually is): each day is one run of the entries, and the
        # runs come in the order their days are first seen; each run's end is found by halving.
        runs = []
        start = 0
        while start < len(dates):
            end = bisect_right(dates, dates[start], start)
            runs.append(entries[start:end])
            start = end
        return runs
    days = dict.fromkeys(dates)
    if len(days) > _FEW_DAYS:
        by_day: dict[object, list[CalendarEntry]] = defaultdict(list)
        for entry, date in zip(entries, dates, strict=True):
            by_day[date].append(entry)
        return list(by_day.values())
    # A week has a few days: each picked out of the entries in one pass that makes no calls.
    return [list(compress(entries, map(eq, dates, repeat(day)))) for day in days]


# Up to this many days, picking out each day's entries in a pass of its own is the quicker way.
_FEW_DAYS = 10
_START = attrgetter("slot.start")
_DATE = methodcaller("date")


class ClosePairs:
    """One day's pairs of colleagues' entries at or above the kit's threshold."""

    def __init__(self, kit: Kit) -> None:
        self._kit = kit
        self._threshold = kit.settings.similarity_threshold
        self._words = ComparableWords.of(kit)
        # A text's words, kept for the other days this process compares (a draft's text
        # often comes again on another day); only read from here on.
        self._words_of = _WordsOfText(self._words)

    def __call__(self, day_entries: list[CalendarEntry]) -> list[tuple[int, int, float]]:
        """Index pairs ``(i, j)`` of ``day_entries`` that read alike, with their score."""
        threshold = self._threshold
        day_words, found = self._candidates(self.texts(day_entries))
        pairs = []
        for index, other in found:
            if day_entries[index].slot.person_id == day_entries[other].slot.person_id:
                continue  # one person sharing on two platforms is not staged
            # Candidates already passed difflib's quick_ratio, an upper bound of the ratio.
            score = similarity(day_words[index], day_words[other])
            if score >= threshold:
                pairs.append((index, other, score))
        return pairs

    @staticmethod
    def texts(day_entries: list[CalendarEntry]) -> list[str]:
        """The texts of the entries' posts, as they are compared."""
        return list(map(_POST_TEXT, day_entries))

    def of_texts(self, texts: list[str]) -> list[tuple[int, int, float]]:
        """Index pairs of one day's texts that read alike, with their score, whoever wrote them.

        What a second process finds from the texts alone; :meth:`of_colleagues` then leaves out
        the pairs of one person, which gives exactly what :meth:`__call__` gives for the entries.
        """
        threshold = self._threshold
        day_words, found = self._candidates(texts)
        pairs = []
        for index, other in found:
            score = similarity(day_words[index], day_words[other])
            if score >= threshold:
                pairs.append((index, other, score))
        return pairs

    @staticmethod
    def of_colleagues(
        day_entries: list[CalendarEntry], pairs: list[tuple[int, int, float]]
    ) -> list[tuple[int, int, float]]:
        """The pairs of :meth:`of_texts` (for these entries' texts) by two different people."""
        return [
            pair
            for pair in pairs
            if day_entries[pair[0]].slot.person_id != day_entries[pair[1]].slot.person_id
        ]

    def _candidates(self, texts: list[str]) -> tuple[list[list[int]], list[tuple[int, int]]]:
        """Each text's words and the index pairs whose quick ratio reaches the threshold."""
        # Each text's words are found once, as numbers: they give the same ratios as words.
        day_words = list(map(self._words_of.__getitem__, texts))
        vocabulary = self._words.vocabulary
        # The same text has the same words: the texts group them (their hashes are known).
        found = candidate_pairs(day_words, self._threshold, vocabulary=vocabulary, keys=texts)
        return day_words, found

    def findings(
        self, day_entries: list[CalendarEntry], pairs: list[tuple[int, int, float]], language: str
    ) -> dict[str, list[Finding]]:
        """``findings_of_pairs(kit, day_entries, [(day_entries, pairs)], language)`` for a day
        whose draft ids are all different.

        With every draft id once, an entry has a close colleague exactly when its place is in
        a pair: the entries are found by their places, without reading every entry's id.
        """
        if not pairs:
            return {}
        partners: dict[int, list[tuple[CalendarEntry, float]]] = defaultdict(list)
        for index, other, score in pairs:
            partners[index].append((day_entries[other], score))
            partners[other].append((day_entries[index], score))
        # In the order of the day's entries, as findings_of_pairs picks them out.
        close = [(day_entries[index], partners[index]) for index in sorted(partners)]
        return _findings(close, self._kit, self._names, language)

    @functools.cached_property
    def _names(self) -> dict[str, str]:
        return {person.id: person.name for person in self._kit.people}


class _WordsOfText(dict[str, list[int]]):
    """Texts → their comparable words (numbered), each text looked at once."""

    def __init__(self, words: ComparableWords) -> None:
        super().__init__()
        self._numbered = words.numbered

    def __missing__(self, text: str) -> list[int]:
        words = self[text] = self._numbered(text)
        return words


def similarity_findings(
    kit: Kit, entries: list[CalendarEntry], language: str
) -> dict[str, list[Finding]]:
    """AK501/AK502 for each entry whose text is close to a colleague's on the same local day."""
    days = days_of(entries)
    close_pairs = ClosePairs(kit)
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
    return findings_of_pairs(kit, entries, zip(days, found_pairs, strict=True), language)


def findings_of_pairs(
    kit: Kit,
    entries: list[CalendarEntry],
    days: Iterable[tuple[list[CalendarEntry], list[tuple[int, int, float]]]],
    language: str,
) -> dict[str, list[Finding]]:
    """AK501/AK502 from each day's entries and their close pairs (as :class:`ClosePairs` finds)."""
    names = {person.id: person.name for person in kit.people}
    partners: dict[str, list[tuple[CalendarEntry, float]]] = defaultdict(list)
    for day_entries, pairs in days:
        for index, other, score in pairs:
            first, second = day_entries[index], day_entries[other]
            partners[first.draft.id].append((second, score))
            partners[second.draft.id].append((first, score))
    if not partners:
        return {}
    # Only drafts with a close colleague get findings and need to know whether prompts are left
    # in them; they are picked out in the entries' order without a loop over all of them here.
    close = list(compress(entries, map(partners.__contains__, map(_DRAFT_ID, entries))))
    return _findings([(entry, partners[entry.draft.id]) for entry in close], kit, names, language)


def _findings(
    close: list[tuple[CalendarEntry, list[tuple[CalendarEntry, float]]]],
    kit: Kit,
    names: dict[str, str],
    language: str,
) -> dict[str, list[Finding]]:
    """AK501/AK502 for each entry with its close colleagues' entries and their scores."""
    open_prompts = {entry.draft.id: bool(find_prompts(entry.post.text, kit)) for entry, _ in close}
    found: dict[str, list[Finding]] = {}
    for entry, similar in close:
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
