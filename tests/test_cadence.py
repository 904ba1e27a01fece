"""Cadences: parsing, words, and local slot times across daylight-saving changes."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_kit.cadence import (
    CadenceSyntaxError,
    describe_cadence,
    parse_cadence,
    pick_days,
    week_occurrences,
)
from advocacy_kit.weeks import IsoWeek

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("tue, thu 09:00", "en", "Tuesday and Thursday at 09:00"),
        ("di, do 09:00", "de", "Dienstag und Donnerstag um 09:00"),
        ("FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=9;BYMINUTE=0", "en", "Tuesday and Thursday at 09:00"),
        ("FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=9", "de", "Dienstag und Donnerstag um 09:00"),
        ("RRULE:FREQ=WEEKLY;BYDAY=WE;BYHOUR=12;BYMINUTE=15", "en", "Wednesday at 12:15"),
        ("weekdays 12:30", "en", "Monday to Friday at 12:30"),
        ("werktags 12:30", "de", "Montag bis Freitag um 12:30"),
        ("FREQ=DAILY;BYHOUR=8;BYMINUTE=0,30", "en", "every day at 08:00 and 08:30"),
        ("mon, wed, fri 08:00", "en", "Monday, Wednesday and Friday at 08:00"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9", "en", "RRULE FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9"),
    ],
    ids=["friendly-en", "friendly-de", "rrule-en", "rrule-de", "rrule-prefix", "weekdays-en",
         "werktags-de", "daily-two-times", "three-days", "interval-stays-rule"],
)  # fmt: skip
def test_describe_cadence_in_words(text: str, language: str, words: str) -> None:
    assert describe_cadence(parse_cadence(text), language) == words


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ("tue, thursdai 09:00", "unknown weekday 'thursdai'", "mon … sun"),
        ("tue 25:00", "25:00 is not a time of day", "00:00 and 23:59"),
        ("tue 9h", "'9h' is not a time of day", "HH:MM"),
        ("FREQ=WEEKLY;BYDAY=TX;BYHOUR=9", "invalid RRULE", "RFC 5545"),
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;UNTIL=20271231T000000", "not in UTC", "Z"),
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;UNTIL=20271231", "not in UTC", "T235959Z"),
        ("FREQ=WEEKLY;BYDAY=TU", "no BYHOUR", "BYHOUR"),
        ("9 per week", "not possible", "1 to 7"),
        ("tue", "names no time", "09:00"),
    ],
    ids=["unknown-weekday", "hour-25", "bad-time", "rrule-syntax", "until-without-z",
         "until-date-only", "no-byhour", "too-many-per-week", "no-time"],
)  # fmt: skip
def test_bad_cadences_say_what_to_do(text: str, message: str, hint: str) -> None:
    with pytest.raises(CadenceSyntaxError) as caught:
        parse_cadence(text)
    assert message in str(caught.value)
    assert hint in caught.value.hint


def _times(text: str, week: str, zone: ZoneInfo) -> list[dt.datetime]:
    iso = IsoWeek(int(week[:4]), int(week[6:]))
    return [moment for moment, _ in week_occurrences(parse_cadence(text), iso.monday, zone)]


def test_byhour_takes_minutes_and_seconds_from_midnight_not_from_now() -> None:
    (slot,) = _times("FREQ=WEEKLY;BYDAY=TU;BYHOUR=9", "2026-W49", BERLIN)
    assert (slot.hour, slot.minute, slot.second, slot.microsecond) == (9, 0, 0, 0)


def test_until_in_utc_ends_the_rule() -> None:
    rule = "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;UNTIL=20261208T080000Z"
    assert len(_times(rule, "2026-W50", BERLIN)) == 1  # 8 Dec 09:00 CET is 08:00Z: included
    assert _times(rule, "2026-W51", BERLIN) == []


def test_interval_counts_from_a_fixed_start_so_weeks_alternate() -> None:
    rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9"
    counts = [len(_times(rule, f"2026-W{week:02d}", BERLIN)) for week in range(40, 46)]
    assert sorted(counts) == [0, 0, 0, 1, 1, 1]
    assert all(a != b for a, b in itertools.pairwise(counts))


@pytest.mark.parametrize(
    ("zone", "before", "after", "changed"),
    [
        (BERLIN, "2026-W43", "2026-W44", "2026-10-25"),
        (NEW_YORK, "2026-W44", "2026-W45", "2026-11-01"),
        (BERLIN, "2027-W12", "2027-W13", "2027-03-28"),
        (NEW_YORK, "2027-W10", "2027-W11", "2027-03-14"),
    ],
    ids=["berlin-autumn", "new-york-autumn", "berlin-spring", "new-york-spring"],
)
@pytest.mark.parametrize(
    "cadence",
    ["tue, sun 09:00", "FREQ=WEEKLY;BYDAY=TU,SU;BYHOUR=9;BYMINUTE=0"],
    ids=["friendly", "rrule"],
)
def test_local_time_is_kept_across_daylight_saving_changes(
    zone: ZoneInfo, before: str, after: str, changed: str, cadence: str
) -> None:
    slots = _times(cadence, before, zone) + _times(cadence, after, zone)
    assert [f"{s:%H:%M}" for s in slots] == ["09:00"] * 4
    day = dt.date.fromisoformat(changed)
    offsets_before = {s.utcoffset() for s in slots if s.date() < day}
    offsets_after = {s.utcoffset() for s in slots if s.date() >= day}
    assert len(offsets_before) == len(offsets_after) == 1
    assert offsets_before != offsets_after


@pytest.mark.parametrize(
    ("zone", "week", "day"),
    [(BERLIN, "2027-W12", "2027-03-28"), (NEW_YORK, "2027-W10", "2027-03-14")],
    ids=["berlin", "new-york"],
)
def test_a_time_skipped_by_spring_forward_moves_past_the_gap(
    zone: ZoneInfo, week: str, day: str
) -> None:
    iso = IsoWeek(int(week[:4]), int(week[6:]))
    ((moment, note),) = week_occurrences(parse_cadence("sun 02:30"), iso.monday, zone)
    assert moment.date().isoformat() == day
    assert f"{moment:%H:%M}" == "03:30"
    assert note is not None and "02:30 does not exist" in note


def test_per_week_picks_spread_days_at_a_good_time_inside_sharing_hours() -> None:
    monday = IsoWeek(2026, 49).monday
    slots = week_occurrences(
        parse_cadence("3 per week"), monday, BERLIN, (dt.time(13, 0), dt.time(17, 0))
    )
    assert [s.weekday() for s, _ in slots] == [0, 2, 4]
    assert {f"{s:%H:%M}" for s, _ in slots} == {"14:00"}


def test_per_week_avoids_blocked_days_while_others_are_free() -> None:
    assert pick_days(2) == [1, 3]
    assert 3 not in pick_days(2, frozenset({3}))
    assert pick_days(5, frozenset({2})) == [0, 1, 3, 4, 5]


@given(
    count=st.integers(1, 7),
    start=st.integers(0, 22 * 60),
    length=st.integers(15, 8 * 60),
)
def test_per_week_slots_stay_inside_sharing_hours(count: int, start: int, length: int) -> None:
    end = min(start + length, 23 * 60 + 59)
    hours = (dt.time(start // 60, start % 60), dt.time(end // 60, end % 60))
    slots = week_occurrences(
        parse_cadence(f"{count} per week"), IsoWeek(2026, 44).monday, BERLIN, hours
    )
    assert len(slots) == count
    assert all(hours[0] <= moment.time() <= hours[1] for moment, _ in slots)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=WEEKLY;INTERVAL=0;BYDAY=MO;BYHOUR=9", "INTERVAL=0"),
        ("FREQ=WEEKLY;INTERVAL=-1;BYDAY=MO;BYHOUR=9", "INTERVAL=-1"),
        ("FREQ=WEEKLY;COUNT=0;BYDAY=MO;BYHOUR=9", "COUNT=0"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYHOUR=9", "no date within two years"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31;BYHOUR=9", "no date within two years"),
        ("FREQ=MONTHLY;BYMONTH=4,6;BYMONTHDAY=31;BYHOUR=9", "no date within two years"),
        ("FREQ=HOURLY;BYHOUR=9", "FREQ=HOURLY is not a posting rhythm"),
        ("FREQ=YEARLY;BYWEEKNO=20;BYHOUR=9", "BYWEEKNO is not supported"),
    ],
    ids=[
        "interval-0",
        "interval-negative",
        "count-0",
        "30-february",
        "daily-31-february",
        "31-april-june",
        "hourly",
        "weekno",
    ],
)
def test_rules_that_would_never_fire_are_rejected(rule: str, words: str) -> None:
    with pytest.raises(CadenceSyntaxError, match=re.escape(words)):
        parse_cadence(rule)


def test_a_rule_with_a_real_31st_still_works() -> None:
    assert parse_cadence("FREQ=MONTHLY;BYMONTH=1,4;BYMONTHDAY=31;BYHOUR=9").rrule
