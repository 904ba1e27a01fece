"""The week's checks: days of a calendar in date order picked out as runs, the people checks and
the scan kept in this process, and long posting lists taken whole in the pair search — each
against the careful result.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from difflib import SequenceMatcher
from itertools import combinations
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit import CalendarEntry, Finding, Kit
from advocacy_kit.checks import check_week, week_findings
from advocacy_kit.checks.pairs import candidate_pairs
from advocacy_kit.checks.similarity import ClosePairs, comparable_words, days_of
from advocacy_kit.checks.week_jobs import _balanced

from .checks_support import TUESDAY, make_entry, make_kit


def careful_days(entries: list[CalendarEntry]) -> list[list[CalendarEntry]]:
    by_day: dict[object, list[CalendarEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.slot.start.date()].append(entry)
    return list(by_day.values())


def _ids(days: list[list[CalendarEntry]]) -> list[list[int]]:
    return [[id(entry) for entry in day] for day in days]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    offsets=st.lists(st.integers(-3, 40), max_size=40),
    hours=st.lists(st.integers(0, 23), max_size=40),
    swap=st.booleans(),
)
def test_days_in_date_order_are_the_careful_ones(
    offsets: list[int], hours: list[int], swap: bool
) -> None:
    """Days in date order are runs; one entry out of order takes the careful way."""
    kit = make_kit("en")
    offsets = sorted(offsets)
    entries = [
        make_entry(
            kit,
            f"text {at}",
            start=TUESDAY.replace(hour=hours[at % len(hours)] if hours else 9)
            + dt.timedelta(days=offset),
        )
        for at, offset in enumerate(offsets)
    ]
    if swap and len(entries) > 2:
        entries[0], entries[-1] = entries[-1], entries[0]
    assert _ids(days_of(entries)) == _ids(careful_days(entries))


@pytest.mark.parametrize(
    "offsets",
    [[], [0], [0, 0, 0], [0, 1, 2, 3, 4], [0, 0, 1, 1, 1, 5], [2, 1], [0, 1, 0]],
    ids=["none", "one", "one-day", "a-day-each", "runs", "backwards", "a-day-again"],
)
def test_days_edge_cases(offsets: list[int]) -> None:
    kit = make_kit("de")
    entries = [
        make_entry(kit, "Text", start=TUESDAY + dt.timedelta(days=offset)) for offset in offsets
    ]
    picked = days_of(entries)
    assert _ids(picked) == _ids(careful_days(entries))
    assert all(type(day) is list for day in picked)


def test_a_day_across_midnight_in_utc_is_one_local_day() -> None:
    """Days are the slots' local dates: half past midnight belongs to the next day."""
    kit = make_kit("en")
    late = TUESDAY.replace(hour=23, minute=30)
    entries = [
        make_entry(kit, "a", start=TUESDAY),
        make_entry(kit, "b", start=late),
        make_entry(kit, "c", start=late + dt.timedelta(hours=1)),
    ]
    assert [len(day) for day in days_of(entries)] == [2, 1]


@settings(max_examples=150, deadline=None)
@given(weights=st.lists(st.integers(0, 50), max_size=16))
def test_the_first_job_is_in_the_first_half(weights: list[int]) -> None:
    """The split keeps its balance and each half's order, and the first job stays here."""
    jobs = list(range(len(weights)))
    here, there = _balanced(jobs, weights.__getitem__)
    assert sorted(here + there) == jobs
    assert here == sorted(here) and there == sorted(there)
    if jobs:
        assert here[0] == 0
    total = sum(weights)
    gap = abs(total - 2 * sum(map(weights.__getitem__, here)))
    if len(jobs) <= 12:
        best = min(
            abs(total - 2 * sum(w for at, w in enumerate(weights) if mask >> at & 1))
            for mask in range(1 << len(jobs))
        )
        assert gap == best
    else:
        assert gap <= max(weights)


def _week(kit: Kit, *, twice: bool, placeless: bool) -> list[CalendarEntry]:
    text = "Drei Dinge über Messtechnik: Temperatur zählt, Geduld zählt."
    entries = []
    for day in range(5):
        start = TUESDAY + dt.timedelta(days=day)
        for hour, person in enumerate(["ada", "bo", "ada", "bo"]):
            words = text if hour < 2 else f"{text} [[dein Beispiel]] {day}"
            entries.append(
                make_entry(kit, words, person=person, start=start + dt.timedelta(hours=hour * 9))
            )
    if placeless:
        finding = Finding(code="HOUSE1", severity="hint", message="Hallo")
        entries[5] = entries[5].model_copy(update={"findings": [finding]})
    if twice:
        entries.append(entries[0].model_copy())
    return entries


@pytest.mark.parametrize("twice", [False, True], ids=["ids-once", "an-id-twice"])
@pytest.mark.parametrize("placeless", [False, True], ids=["placed", "a-finding-to-place"])
def test_people_and_scan_run_here_and_give_the_week_at_once(
    monkeypatch: pytest.MonkeyPatch, twice: bool, placeless: bool
) -> None:
    from advocacy_kit import parallel

    kit = make_kit("de", settings={"default_weekly_cap": 3})
    entries = _week(kit, twice=twice, placeless=placeless)
    alone = week_findings(kit, entries)
    checked_alone = check_week(kit, entries)
    real_map = parallel.map_in_halves
    worker_did: list[Any] = []

    def map_in_halves(jobs: Any, work: Any, **options: Any) -> Any:
        worker_did.extend(jobs[options["first"] :])
        return real_map(jobs, work, **options)

    monkeypatch.setattr("advocacy_kit.parallel.THRESHOLD", 0)
    monkeypatch.setattr(parallel, "map_in_halves", map_in_halves)
    shared = week_findings(kit, entries)
    checked = check_week(kit, entries)
    assert worker_did and all(isinstance(job, list) for job in worker_did)
    assert list(shared) == list(alone)
    assert shared == alone
    assert [entry.model_dump() for entry in checked] == [
        entry.model_dump() for entry in checked_alone
    ]
    codes = {finding.code for found in alone.values() for finding in found}
    assert {"AK501", "AK502", "AK601"} <= codes


def brute_force(texts: list[list[str]], threshold: float) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, j in combinations(range(len(texts)), 2)
        if SequenceMatcher(None, texts[i], texts[j], autojunk=False).quick_ratio() >= threshold
    ]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=12), max_size=60),
    threshold=st.sampled_from([0.3, 0.5, 2 / 3, 0.75, 0.85, 0.9, 1.0]),
)
def test_many_texts_with_few_words_are_paired_as_one_by_one(
    texts: list[list[str]], threshold: float
) -> None:
    """Few words in many texts: long posting lists, wholly or partly long enough."""
    assert candidate_pairs(texts, threshold) == brute_force(texts, threshold)
    numbers = {word: at for at, word in enumerate("abcdefgh")}
    numbered = [[numbers[word] for word in text] for text in texts]
    assert candidate_pairs(numbered, threshold, vocabulary=8) == brute_force(texts, threshold)


EDGE_TEXTS = [
    "",
    "[[nur ein Platzhalter]]",
    "Wort",
    "wort",
    "Drei Dinge über Messtechnik: Temperatur zählt, Geduld zählt.",
    "DREI DINGE ÜBER MESSTECHNIK: TEMPERATUR ZÄHLT, GEDULD ZÄHLT.",
    "Drei Dinge über Messtechnik: Temperatur zählt, Geduld zählt. [[dein Beispiel]]",
    "Drei Dinge über Messtechnik: Temperatur zählt, Geduld zählt immer.",
    "Drei Dinge über Messtechnik – Temperatur zählt!",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fiftee",
    "one two three four five six seven eight nine ten eleven twelve thirteen",
]


@pytest.mark.parametrize(
    "threshold", [0.5, 0.85, 26 / 28, 24 / 30, 1.0], ids=["0.5", "0.85", "at-26", "at-24", "1"]
)
@pytest.mark.parametrize("language", ["de", "en"], ids=str)
def test_close_pairs_of_edge_texts_are_the_careful_ones(threshold: float, language: str) -> None:
    """Empty texts, a prompt only, one word, the same draft twice, German text, a pair exactly
    at the threshold: the day's pairs are difflib's over every pair of colleagues' drafts."""
    kit = make_kit(language, settings={"similarity_threshold": threshold})
    entries = [
        make_entry(kit, text, person=person, start=TUESDAY + dt.timedelta(minutes=at))
        for at, (text, person) in enumerate(
            [(text, person) for text in EDGE_TEXTS for person in ("ada", "bo")]
            + [(EDGE_TEXTS[4], "ada")]
        )
    ]
    words = [comparable_words(entry.post.text, kit) for entry in entries]
    careful = []
    for i, j in combinations(range(len(entries)), 2):
        if entries[i].slot.person_id == entries[j].slot.person_id:
            continue
        if not words[i] and not words[j]:
            score = 1.0
        else:
            score = SequenceMatcher(None, words[i], words[j], autojunk=False).ratio()
        if score >= threshold:
            careful.append((i, j, score))
    assert ClosePairs(kit)(entries) == careful
