"""Scheduling a week: holidays, away periods, caps, sharing hours, ISO weeks, bad input."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit import KitError, load_kit
from advocacy_kit.models import Kit
from advocacy_kit.schedule import schedule_week
from advocacy_kit.weeks import IsoWeek, parse_week

from .conftest import ENGLISH_KIT, GERMAN_KIT

KIT = """\
organization:
  name: Acme
  timezone: Europe/Berlin
  language: {language}
  {region}
areas:
  - id: testing
    name: Testing
topics:
  - id: flaky-tests
    title: Flaky tests are bugs
    areas: [testing]
people:
  - id: ada
    name: Ada
    languages: [en]
    expertise: {{testing: expert}}
    weekly_cap: {cap}
    accounts:
      linkedin: {{cadence: "{cadence}"}}
{extra}"""


def kit_text(
    cadence: str = "mon, wed, fri 09:00",
    *,
    region: str | None = None,
    language: str = "en",
    cap: int = 5,
    extra: str = "",
) -> str:
    """A one-person kit; ``extra`` is indented into Ada's entry."""
    return KIT.format(
        cadence=cadence,
        region=f"holiday_region: {region}" if region else "",
        language=language,
        cap=cap,
        extra=textwrap.indent(textwrap.dedent(extra), "    "),
    )


def place_of(text: str, needle: str) -> str:
    """``line:column`` (from 1) where ``needle`` starts in ``text``."""
    before = text[: text.index(needle)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


def _load(write_kit: Callable[..., Path], text: str) -> Kit:
    return load_kit(write_kit(text))


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_example_kits_keep_local_times_on_both_sides_of_the_change(kit_path: Path) -> None:
    kit = load_kit(kit_path)
    before, _ = schedule_week(kit, parse_week("2026-W43"))
    after, _ = schedule_week(kit, parse_week("2026-W44"))
    wall = Counter((s.person_id, s.platform, s.start.weekday(), f"{s.start:%H:%M}") for s in before)
    assert wall == Counter(
        (s.person_id, s.platform, s.start.weekday(), f"{s.start:%H:%M}") for s in after
    )
    berlin = [s for s in before + after if s.timezone == "Europe/Berlin"]
    for slot in berlin:
        expected = dt.timedelta(hours=2 if slot.start.date() < dt.date(2026, 10, 25) else 1)
        assert slot.start.utcoffset() == expected


def test_the_week_after_the_change_explains_why_times_stayed() -> None:
    slots, _ = schedule_week(load_kit(GERMAN_KIT), parse_week("2026-W44"))
    assert slots
    for slot in slots:
        assert slot.note is not None
        assert "Zeitumstellung am 2026-10-25" in slot.note
        assert "UTC+02:00 → UTC+01:00" in slot.note


@pytest.mark.parametrize(
    ("region", "language", "holiday"),
    [("DE-BY", "de", "Heilige Drei Könige"), ("DE-BY", "en", "Epiphany"), ("DE-NW", "de", None)],
    ids=["bavaria-de", "bavaria-en", "north-rhine-westphalia"],
)
def test_holidays_of_the_region_remove_that_days_slots(
    write_kit: Callable[..., Path], region: str, language: str, holiday: str | None
) -> None:
    kit = _load(write_kit, kit_text(region=region, language=language))
    slots, skipped = schedule_week(kit, parse_week("2027-W01"))  # Wed 6 January 2027
    wednesday = dt.date(2027, 1, 6)
    if holiday is None:
        assert wednesday in {s.start.date() for s in slots}
        assert not [s for s in skipped if s.code == "holiday"]
    else:
        assert wednesday not in {s.start.date() for s in slots}
        (removed,) = [s for s in skipped if s.code == "holiday"]
        assert removed.slot.start.date() == wednesday
        assert holiday in removed.reason
        assert region in removed.reason


def test_iso_week_53_runs_across_the_year_boundary(write_kit: Callable[..., Path]) -> None:
    week = parse_week("2026-W53")
    assert (week.monday, week.sunday) == (dt.date(2026, 12, 28), dt.date(2027, 1, 3))
    assert week.shifted(1) == IsoWeek(2027, 1)
    assert parse_week("2027-01-01") == week
    kit = _load(write_kit, kit_text("weekdays 10:00", region="DE"))
    slots, skipped = schedule_week(kit, week)
    days = [s.start.date() for s in slots] + [s.slot.start.date() for s in skipped]
    assert sorted(days) == [dt.date(2026, 12, d) for d in (28, 29, 30, 31)] + [dt.date(2027, 1, 1)]
    assert [s.slot.start.date() for s in skipped if s.code == "holiday"] == [dt.date(2027, 1, 1)]


def test_away_periods_are_inclusive(write_kit: Callable[..., Path]) -> None:
    extra = """\
    away:
      - {starts: 2026-11-30, ends: 2026-12-02, reason: Konferenz}
    """
    kit = _load(write_kit, kit_text(extra=extra))
    slots, skipped = schedule_week(kit, parse_week("2026-W49"))
    assert [s.start.date() for s in slots] == [dt.date(2026, 12, 4)]
    assert [s.code for s in skipped] == ["away", "away"]
    assert "Konferenz" in skipped[0].reason


def test_weekly_cap_counts_across_platforms(write_kit: Callable[..., Path]) -> None:
    extra = """\
    mastodon: {cadence: "tue, thu 12:00"}
    """
    text = kit_text("mon, wed, fri 09:00", cap=3).replace(
        '      linkedin: {cadence: "mon, wed, fri 09:00"}\n',
        '      linkedin: {cadence: "mon, wed, fri 09:00"}\n'
        + textwrap.indent(textwrap.dedent(extra), "      "),
    )
    kit = _load(write_kit, text)
    slots, skipped = schedule_week(kit, parse_week("2026-W49"))
    assert len(slots) == 3
    assert {s.platform for s in slots} == {"linkedin", "mastodon"}
    assert [s.code for s in skipped] == ["cap", "cap"]
    assert "weekly cap of 3" in skipped[0].reason


def test_default_cap_is_a_sustainable_three(write_kit: Callable[..., Path]) -> None:
    kit = _load(write_kit, kit_text("weekdays 09:00").replace("    weekly_cap: 5\n", ""))
    slots, skipped = schedule_week(kit, parse_week("2026-W49"))
    assert (len(slots), len(skipped)) == (3, 2)


def test_slots_outside_sharing_hours_are_removed(write_kit: Callable[..., Path]) -> None:
    extra = 'sharing_hours: {start: "10:00", end: "16:00"}\n'
    kit = _load(write_kit, kit_text("tue 09:00, 12:00", extra=extra))
    slots, skipped = schedule_week(kit, parse_week("2026-W49"))
    assert [f"{s.start:%H:%M}" for s in slots] == ["12:00"]
    assert [s.code for s in skipped] == ["outside_hours"]
    assert "10:00–16:00" in skipped[0].reason


@pytest.mark.parametrize("target", ["person", "account"])
def test_opted_out_people_and_paused_accounts_are_removed(
    write_kit: Callable[..., Path], target: str
) -> None:
    text = kit_text("tue 09:00")
    if target == "person":
        text += "    active: false\n"
    else:
        text = text.replace('{cadence: "tue 09:00"}', '{cadence: "tue 09:00", active: false}')
    slots, skipped = schedule_week(_load(write_kit, text), parse_week("2026-W49"))
    assert slots == []
    assert [s.code for s in skipped] == ["inactive"]


def test_reasons_follow_the_kit_language(write_kit: Callable[..., Path]) -> None:
    kit = _load(write_kit, kit_text("weekdays 09:00", language="de", cap=1))
    _, skipped = schedule_week(kit, parse_week("2026-W49"))
    assert all("Wochenlimit von 1 Beiträgen" in s.reason for s in skipped)


@pytest.mark.parametrize(
    ("replace", "by", "message"),
    [
        ('"mon, wed, fri 09:00"', '"mon, wdn 09:00"', "unknown weekday 'wdn'"),
        ('"mon, wed, fri 09:00"', '"mon 25:00"', "25:00 is not a time of day"),
        ('"mon, wed, fri 09:00"', '"FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=x"', "invalid RRULE"),
        (
            '"mon, wed, fri 09:00"',
            '"FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;UNTIL=20271231T000000"',
            "not in UTC",
        ),
    ],
    ids=["unknown-weekday", "hour-25", "rrule-syntax", "until-without-z"],
)
def test_bad_cadences_point_at_file_line_and_column(
    write_kit: Callable[..., Path], replace: str, by: str, message: str
) -> None:
    text = kit_text().replace(replace, by)
    folder = write_kit(text)
    with pytest.raises(KitError) as caught:
        load_kit(folder)
    (problem,) = caught.value.problems
    assert problem.location() == f"{folder / 'kit.yaml'}:{place_of(text, by)}"
    assert message in problem.message
    assert problem.field == "people[0].accounts.linkedin.cadence"
    assert problem.hint


def test_unknown_holiday_region_points_at_its_place(write_kit: Callable[..., Path]) -> None:
    text = kit_text(region="DE-XX")
    folder = write_kit(text)
    with pytest.raises(KitError) as caught:
        load_kit(folder)
    (problem,) = caught.value.problems
    assert problem.location() == f"{folder / 'kit.yaml'}:{place_of(text, 'DE-XX')}"
    assert "unknown holiday region 'DE-XX'" in problem.message
    assert "DE-BY" in problem.hint and "DE-NW" in problem.hint


def test_away_period_ending_before_it_starts_points_at_it(write_kit: Callable[..., Path]) -> None:
    extra = """\
    away:
      - {starts: 2026-11-10, ends: 2026-11-01}
    """
    text = kit_text(extra=extra)
    folder = write_kit(text)
    with pytest.raises(KitError) as caught:
        load_kit(folder)
    (problem,) = caught.value.problems
    assert problem.location() == f"{folder / 'kit.yaml'}:{place_of(text, '{starts: 2026-11-10')}"
    assert "ends (2026-11-01) before it starts (2026-11-10)" in problem.message


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    times=st.lists(st.integers(0, 23 * 4 + 3), min_size=1, max_size=4),
    days=st.lists(st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), min_size=1),
    start=st.integers(0, 12),
    length=st.integers(1, 11),
    cap=st.integers(0, 6),
    week=st.integers(1, 53),
)
def test_no_slot_outside_sharing_hours_and_no_person_over_cap(
    write_kit: Callable[..., Path],
    times: list[int],
    days: list[str],
    start: int,
    length: int,
    cap: int,
    week: int,
) -> None:
    clock = ", ".join(f"{q // 4:02d}:{q % 4 * 15:02d}" for q in times)
    extra = f'sharing_hours: {{start: "{start:02d}:00", end: "{start + length:02d}:00"}}\n'
    kit = _load(write_kit, kit_text(f"{', '.join(days)} {clock}", cap=cap, extra=extra))
    iso = IsoWeek(2026, week)
    slots, _skipped = schedule_week(kit, iso)
    hours = kit.people[0].sharing_hours
    assert all(hours.start <= s.start.time() <= hours.end for s in slots)
    assert len(slots) <= cap
    assert all(iso.monday <= s.start.date() <= iso.sunday for s in slots)
