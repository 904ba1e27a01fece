"""Draft ids: the drafter writes each minute's part once, ``Slot.id`` writes the whole id anew.

The careful id is ``Slot.id`` itself, as the drafter's steps one by one ask for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from advocacy_kit import calendar as calendar_module
from advocacy_kit.calendar import Assignment, Slot
from advocacy_kit.drafting import Drafter

STARTS = {
    "usual": dt.datetime(2026, 12, 8, 9, 0),
    "midnight": dt.datetime(2026, 1, 1, 0, 0),
    "last minute of a year": dt.datetime(2026, 12, 31, 23, 59),
    "seconds and microseconds": dt.datetime(2026, 12, 8, 9, 5, 59, 999_999),
    "year 1000": dt.datetime(1000, 10, 9, 9, 5),
    "year 999": dt.datetime(999, 7, 7, 7, 7),
    "year 9999": dt.datetime(9999, 2, 28, 12, 30),
}
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"]


class _Steps(Drafter):
    """The drafter's steps one by one (a subclass takes them)."""


class _OwnId(Slot):
    """A slot class with ids of its own."""

    @property
    def id(self) -> str:
        return f"own-{self.person_id}"


class _Time(dt.datetime):
    """A time class of its own, as a plugin might hand one over."""


def _assignment(start: dt.datetime, slot_class: type[Slot] = Slot) -> Assignment:
    slot = slot_class(person_id="ada", platform="linkedin", start=start, timezone=str(start.tzinfo))
    return Assignment(slot=slot, topic_id="flaky-tests", topic_title="x", kind="tip", language="en")


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("start", STARTS.values(), ids=STARTS.keys())
def test_draft_ids_are_the_slots_ids(
    drafting_kit: Callable[..., Any], start: dt.datetime, zone: str
) -> None:
    kit = drafting_kit()
    assignment = _assignment(start.replace(tzinfo=ZoneInfo(zone)))
    twice = [Drafter(kit).draft(assignment).id for _ in range(2)]  # the minute written, then known
    assert twice == [assignment.slot.id] * 2
    assert twice[0] == _Steps(kit).draft(assignment).id


def test_one_minute_in_two_zones_gives_each_its_local_time(
    drafting_kit: Callable[..., Any],
) -> None:
    kit = drafting_kit()
    berlin = dt.datetime(2026, 12, 8, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    london = berlin.astimezone(ZoneInfo("Europe/London"))  # the same moment, 08:00 there
    drafter = Drafter(kit)
    for start in (berlin, london, berlin):
        assignment = _assignment(start)
        assert drafter.draft(assignment).id == assignment.slot.id
    assert drafter.draft(_assignment(london)).id.endswith("T0800")


def test_other_slot_and_time_classes_ask_slot_id(drafting_kit: Callable[..., Any]) -> None:
    kit = drafting_kit()
    own = _assignment(dt.datetime(2026, 12, 8, 9, 0, tzinfo=dt.UTC), _OwnId)
    assert Drafter(kit).draft(own).id == "own-ada"
    start = _Time(2026, 12, 8, 9, 0, tzinfo=dt.UTC)
    slot = Slot.model_construct(person_id="ada", platform="linkedin", start=start, timezone="UTC")
    timed = Assignment(
        slot=slot, topic_id="flaky-tests", topic_title="x", kind="tip", language="en"
    )
    assert type(timed.slot.start) is _Time
    assert Drafter(kit).draft(timed).id == timed.slot.id == _Steps(kit).draft(timed).id


def test_the_minutes_written_are_dropped_when_full(
    drafting_kit: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = drafting_kit()
    monkeypatch.setattr(calendar_module, "_STAMPED", 2)
    monkeypatch.setattr(calendar_module, "_STAMPS", {})
    drafter = Drafter(kit)
    for minute in range(5):
        assignment = _assignment(dt.datetime(2026, 12, 8, 9, minute, tzinfo=dt.UTC))
        assert drafter.draft(assignment).id == assignment.slot.id
        assert len(calendar_module._STAMPS) <= 2
