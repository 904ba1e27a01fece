"""The week's checks with the days split in two halves give what one pass over the week gives."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit import CalendarEntry, Finding, Kit
from advocacy_kit.checks import check_week, week_findings

from .checks_support import TUESDAY, make_entry, make_kit

# A few texts, each with a word or two more or less: many drafts come out close.
TEXTS = [
    "three things I learned about metrology temperature matters patience matters",
    "Drei Dinge über Messtechnik: Temperatur zählt, Geduld zählt",
    "the log matters most",
]
WORDS = ["metrology", "patience", "matters", "the", "log", "Geduld", "zählt"]

entry_choices = st.tuples(
    st.sampled_from(["ada", "bo", "someone-else"]),
    st.integers(0, 2),  # day
    st.integers(7, 19),  # hour
    st.tuples(st.sampled_from(TEXTS), st.lists(st.sampled_from(WORDS), max_size=2)),
    st.booleans(),  # a prompt left in
    st.booleans(),  # a plugin's finding without a place
)


def _entries(
    kit: Kit,
    picked: list[tuple[str, int, int, tuple[str, list[str]], bool, bool]],
    twice: list[int],
    moved: list[tuple[int, int]],
) -> list[CalendarEntry]:
    entries = []
    for at, (person, day, hour, (base, words), prompt, placeless) in enumerate(picked):
        text = " ".join([base, *words]) + (" [[your example]]" if prompt else "")
        entry = make_entry(
            kit,
            text,
            person=person,
            start=TUESDAY.replace(hour=hour, minute=at % 60) + dt.timedelta(days=day),
        )
        finding = Finding(code="HOUSE1", severity="hint", message="say hi")
        if not placeless:
            finding = finding.model_copy(update={"person_id": person, "slot_id": entry.draft.id})
            finding = finding.model_copy(update={"platform": "linkedin", "template": "t"})
        entries.append(entry.model_copy(update={"findings": [finding]}))
    # A draft listed twice: the same entry again, or its draft in another day's slot.
    entries += [entries[at] for at in twice if at < len(entries)]
    for at, other in moved:
        if at < len(picked) and other < len(picked):
            slot = entries[other].slot
            entries.append(entries[at].model_copy(update={"slot": slot}))
    return entries


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    picked=st.lists(entry_choices, max_size=24),
    twice=st.lists(st.integers(0, 7), max_size=2),
    moved=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=2),
    language=st.sampled_from(["en", "de"]),
    threshold=st.sampled_from([0.5, 0.85, 1.0]),
)
def test_week_in_halves_is_the_week_at_once(
    picked: list[tuple[str, int, int, tuple[str, list[str]], bool, bool]],
    twice: list[int],
    moved: list[tuple[int, int]],
    language: str,
    threshold: float,
) -> None:
    kit = make_kit(language, settings={"default_weekly_cap": 4, "similarity_threshold": threshold})
    entries = _entries(kit, picked, twice, moved)
    at_once = week_findings(kit, entries)
    checked_at_once = check_week(kit, entries)
    with pytest.MonkeyPatch.context() as patch:
        # The halves one after the other here: the same jobs and merging, without a fork.
        patch.setattr("advocacy_kit.parallel.THRESHOLD", 0)
        patch.setattr("advocacy_kit.parallel.can_fork", lambda: False)
        in_halves = week_findings(kit, entries)
        checked_in_halves = check_week(kit, entries)
    assert list(in_halves) == list(at_once)
    assert in_halves == at_once
    assert [entry.model_dump() for entry in checked_in_halves] == [
        entry.model_dump() for entry in checked_at_once
    ]
    # Entries that gain nothing stay the very same objects.
    for before, after in zip(entries, checked_in_halves, strict=True):
        if before.draft.id not in at_once and all(f.person_id for f in before.findings):
            assert after is before


def test_check_week_in_two_processes_places_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    kit = make_kit("en")
    no_words: list[str] = []
    picked = [
        (person, day, 9 + at, (TEXTS[2], no_words), at == 1, at == 2)
        for day in range(3)
        for at, person in enumerate(["ada", "bo", "ada", "bo"])
    ]
    entries = _entries(kit, picked, [3], [(0, 5)])
    at_once = check_week(kit, entries)
    monkeypatch.setattr("advocacy_kit.parallel.THRESHOLD", 0)
    forked = check_week(kit, entries)
    assert [entry.model_dump() for entry in forked] == [entry.model_dump() for entry in at_once]
    assert {finding.code for entry in at_once for finding in entry.findings} >= {
        "HOUSE1",
        "AK501",
        "AK502",
    }
    assert all(finding.person_id for entry in forked for finding in entry.findings)
