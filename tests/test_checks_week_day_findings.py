"""A day's near-duplicate findings made from the pairs' places, against findings_of_pairs.

When every draft id of a day is there once, :meth:`ClosePairs.findings` finds the entries with a
close colleague by their places in the pairs; it must give exactly what
:func:`findings_of_pairs` gives for the day, in the same order: for random days with and
without prompts, people the kit does not know, any pairs and scores, both languages.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit import CalendarEntry, Finding, Kit
from advocacy_kit.checks.similarity import ClosePairs, findings_of_pairs

from .checks_support import TUESDAY, make_entry, make_kit

KITS = {language: make_kit(language) for language in ("de", "en")}

# Few words, so that drafts come out alike; a prompt now and then.
WORDS = ["metrology", "patience", "temperature", "matters", "Grüße", "[[your example]]"]
day_strategy = st.lists(
    st.tuples(
        st.lists(st.sampled_from(WORDS), min_size=0, max_size=8),
        st.sampled_from(["ada", "bo", "cy"]),  # Cy is not one of the kit's people
    ),
    max_size=14,
)


def _day(kit: Kit, drafts: list[tuple[list[str], str]]) -> list[CalendarEntry]:
    """One entry per draft, each in its own minute: every draft id once."""
    return [
        make_entry(kit, " ".join(words), person=person, start=TUESDAY + dt.timedelta(minutes=at))
        for at, (words, person) in enumerate(drafts)
    ]


def _dumped(found: dict[str, list[Finding]]) -> list[tuple[str, list[dict[str, object]]]]:
    return [(slot_id, [f.model_dump() for f in findings]) for slot_id, findings in found.items()]


def _same(kit: Kit, day: list[CalendarEntry], pairs: list[tuple[int, int, float]]) -> None:
    language = kit.organization.language
    careful = findings_of_pairs(kit, day, [(day, pairs)], language)
    assert _dumped(ClosePairs(kit).findings(day, pairs, language)) == _dumped(careful)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts=day_strategy, language=st.sampled_from(sorted(KITS)))
def test_findings_of_a_days_close_pairs(drafts: list[tuple[list[str], str]], language: str) -> None:
    kit = KITS[language]
    day = _day(kit, drafts)
    _same(kit, day, ClosePairs(kit)(day))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    drafts=day_strategy.filter(lambda drafts: len(drafts) >= 2),
    data=st.data(),
    language=st.sampled_from(sorted(KITS)),
)
def test_findings_of_any_pairs(
    drafts: list[tuple[list[str], str]], data: st.DataObject, language: str
) -> None:
    kit = KITS[language]
    day = _day(kit, drafts)
    place = st.integers(0, len(day) - 1)
    chosen = data.draw(
        st.lists(
            st.tuples(place, place, st.floats(0.0, 1.0)).filter(lambda pair: pair[0] < pair[1]),
            max_size=10,
        )
    )
    _same(kit, day, sorted(chosen))


@pytest.mark.parametrize("language", sorted(KITS), ids=str)
def test_findings_of_a_day_with_one_text_many_times(language: str) -> None:
    kit = KITS[language]
    text = "Three things I learned about metrology: temperature matters, patience matters."
    drafts = [
        (text.split(), "ada"),
        (text.split(), "bo"),
        ([*text.split(), "[[your example]]"], "bo"),
        (text.split(), "cy"),
        (["something", "else"], "ada"),
    ]
    day = _day(kit, drafts)
    pairs = ClosePairs(kit)(day)
    assert len(pairs) >= 4
    _same(kit, day, pairs)
    found = ClosePairs(kit).findings(day, pairs, language)
    assert {finding.code for findings in found.values() for finding in findings} == {
        "AK501",
        "AK502",
    }


def test_no_pairs_no_findings() -> None:
    kit = KITS["en"]
    day = _day(kit, [(["a"], "ada"), (["b"], "bo")])
    assert ClosePairs(kit).findings(day, [], "en") == {}
    _same(kit, day, [])
