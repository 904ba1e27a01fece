"""The week's checks with texts grouped by their strings, days picked out in passes, and the
check in one process run as jobs: each against the careful result.

Keys group texts instead of their words; texts with the same words under different keys
(punctuation, case, a prompt more or less) and empty texts under several keys must still be
paired exactly as difflib's ``quick_ratio`` pairs them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from difflib import SequenceMatcher
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit import CalendarEntry
from advocacy_kit.checks import check_week, week_findings
from advocacy_kit.checks.pairs import candidate_pairs
from advocacy_kit.checks.people import people_findings
from advocacy_kit.checks.similarity import days_of, similarity_findings

from .checks_support import TUESDAY, make_entry, make_kit

THRESHOLDS = [0.01, 0.3, 0.5, 2 / 3, 0.75, 0.85, 0.9, 0.999, 1.0, 0.0, 1.5]


def brute_force(texts: list[list[str]], threshold: float) -> list[tuple[int, int]]:
    """Every pair whose difflib ``quick_ratio`` reaches ``threshold``, compared one by one."""
    return [
        (i, j)
        for i, j in combinations(range(len(texts)), 2)
        if SequenceMatcher(None, texts[i], texts[j], autojunk=False).quick_ratio() >= threshold
    ]


# Sources of texts: several keys may have the same words (also none), one key has one text.
sources = st.lists(st.lists(st.sampled_from("abcdef"), max_size=10), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words_of_key=sources,
    picks=st.lists(st.integers(0, 7), max_size=24),
    threshold=st.sampled_from(THRESHOLDS),
)
def test_candidate_pairs_grouped_by_keys_are_the_careful_ones(
    words_of_key: list[list[str]], picks: list[int], threshold: float
) -> None:
    keys = [f"text {pick % len(words_of_key)}" for pick in picks]
    texts = [list(words_of_key[pick % len(words_of_key)]) for pick in picks]
    expected = brute_force(texts, threshold)
    assert candidate_pairs(texts, threshold, keys=keys) == expected
    assert candidate_pairs(texts, threshold) == expected


@pytest.mark.parametrize(
    ("texts", "keys"),
    [
        ([[], [], ["a"], []], ["x", "y", "z", "x"]),
        ([[], []], ["x", "y"]),
        ([["a", "b"], ["a", "b"], ["a", "b"]], ["x", "y", "x"]),
        ([["a", "a", "b"], ["a", "b", "a"], ["a", "a", "b"]], ["x", "y", "z"]),
        ([], []),
    ],
    ids=["empty-under-two-keys", "only-empty", "same-words-two-keys", "repeats", "none"],
)
@pytest.mark.parametrize("threshold", [0.5, 0.85, 1.0], ids=str)
def test_candidate_pairs_grouped_by_keys_edge_cases(
    texts: list[list[str]], keys: list[str], threshold: float
) -> None:
    assert candidate_pairs(texts, threshold, keys=keys) == brute_force(texts, threshold)


def careful_days(entries: list[CalendarEntry]) -> list[list[CalendarEntry]]:
    by_day: dict[object, list[CalendarEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.slot.start.date()].append(entry)
    return list(by_day.values())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(offsets=st.lists(st.integers(-3, 40), max_size=40))
def test_days_are_picked_out_as_one_by_one(offsets: list[int]) -> None:
    """Up to 44 different days, in any order: also more than a pass each is worth."""
    kit = make_kit("en")
    entries = [
        make_entry(kit, f"text {at}", start=TUESDAY + dt.timedelta(days=offset, hours=at % 5))
        for at, offset in enumerate(offsets)
    ]
    picked = days_of(entries)
    careful = careful_days(entries)
    assert [[id(entry) for entry in day] for day in picked] == [
        [id(entry) for entry in day] for day in careful
    ]


def _entries(language: str) -> list[CalendarEntry]:
    kit = make_kit(language, settings={"default_weekly_cap": 2})
    base = "Three things I learned about metrology: temperature matters, patience matters."
    texts = [base, base.upper(), f"{base} [[your example]]", "", "[[only a prompt]]", base + "!"]
    entries = []
    for day in range(3):
        start = TUESDAY + dt.timedelta(days=day)
        for at, person in enumerate(["ada", "bo", "ada", "bo", "bo", "ada"]):
            text = texts[(at + day) % len(texts)]
            moment = start + dt.timedelta(hours=at * 3)
            entries.append(make_entry(kit, text, person=person, start=moment))
    return entries


@pytest.mark.parametrize("language", ["de", "en"], ids=str)
@pytest.mark.parametrize("twice", [False, True], ids=["ids-once", "an-id-twice"])
def test_week_findings_in_one_process_are_the_careful_ones(language: str, twice: bool) -> None:
    """The jobs in one process against the similarity and people findings made on their own."""
    kit = make_kit(language, settings={"default_weekly_cap": 2})
    entries = _entries(language)
    if twice:
        entries.append(entries[0].model_copy())
    careful: dict[str, list[object]] = {}
    for part in (
        similarity_findings(kit, entries, language),
        people_findings(kit, entries, language),
    ):
        for slot_id, findings in part.items():
            careful.setdefault(slot_id, []).extend(findings)
    found = week_findings(kit, entries)
    assert list(found) == list(careful)
    assert found == careful
    codes = {finding.code for findings in found.values() for finding in findings}
    assert {"AK501", "AK502", "AK601"} <= codes
    if not twice:  # each entry gains its own draft's findings
        checked = check_week(kit, entries)
        for entry, after in zip(entries, checked, strict=True):
            assert after.findings == [*entry.findings, *found.get(entry.draft.id, [])]
