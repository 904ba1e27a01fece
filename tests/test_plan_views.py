"""Planning's remembered parts give what working everything out on every slot gave.

Reasons put together from worded parts equal the whole sentence; a crowded day, where many
colleagues share times, sharing hours and campaign topics (so refusals for a full day are met
again and again), and a slot moved for spacing plan exactly as the careful reference plans them.
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

import pytest

from advocacy_kit.calendar import Slot
from advocacy_kit.models import Kit
from advocacy_kit.planner import plan_slots
from advocacy_kit.reasons import _TEXTS, say, say_around
from advocacy_kit.schedule import schedule_week
from advocacy_kit.spacing import ColleagueSpacing
from advocacy_kit.weeks import parse_week

from .careful_planning import planner as careful_planner

# Every message and each of its plain fields (no conversion, no format spec).
FIELDS = [
    (key, field)
    for key, (english, _) in sorted(_TEXTS.items())
    for field in sorted(
        {name for _, name, spec, conversion in string.Formatter().parse(english) if name}
    )
    if "{" + field + "}" in english and "{" + field + "}" in _TEXTS[key][1]
]
# Values as kits have them, and some that look like format fields themselves.
VALUES: list[object] = ["Ada", "Jörg {name}", "}{", "", 0, 7, 12345, "2026-W44"]


@pytest.mark.parametrize("language", ["en", "de", "fr"])
@pytest.mark.parametrize(("key", "field"), FIELDS, ids=[f"{k}-{f}" for k, f in FIELDS])
def test_words_around_a_field_give_the_whole_message(key: str, field: str, language: str) -> None:
    english = _TEXTS[key][0]
    names = {name for _, name, _, _ in string.Formatter().parse(english) if name}
    for value in VALUES:
        others = {name: f"<{name}>" for name in names if name != field}
        head, tail = say_around(key, language, field, **others)
        assert f"{head}{value}{tail}" == say(key, language, **others, **{field: value})


def test_words_around_a_missing_or_converted_field_are_refused() -> None:
    with pytest.raises(ValueError, match="count"):
        say_around("expertise", "en", "count", name="Ada", areas="Testing", level="expert")
    with pytest.raises(ValueError, match="campaign"):
        say_around("campaign", "en", "campaign", priority=1)


def _crowded_kit(language: str, spacing: int, hours: tuple[str, str]) -> Kit:
    topics: list[dict[str, Any]] = [
        {"id": f"c{n}", "title": f"Campaign topic {n}", "areas": ["a"]} for n in range(3)
    ]
    topics += [
        {"id": f"t{n}", "title": f"Topic {n}", "areas": ["a", "b"][: n % 2 + 1]} for n in range(4)
    ]
    people = [
        {
            "id": f"p{n:02}",
            "name": f"Person {n}",
            "languages": ["de", "en"] if n % 3 else ["en"],
            "timezone": "Europe/Berlin" if n % 4 else "Europe/London",
            "expertise": {"a": "expert", "b": "learning"} if n % 2 else {"a": "practitioner"},
            "accounts": {
                "linkedin": {"cadence": "daily 09:00"},
                "mastodon": {"cadence": "mon, wed, fri 09:00" if n % 5 else "daily 10:00"},
            },
            "weekly_cap": 10,
            "sharing_hours": {"start": hours[0], "end": hours[1]},
        }
        for n in range(40)
    ]
    return Kit.model_validate(
        {
            "organization": {"name": "Acme", "timezone": "Europe/Berlin", "language": language},
            "areas": [{"id": "a", "name": "Area A"}, {"id": "b", "name": "Area B"}],
            "topics": topics,
            "campaigns": [
                {
                    "id": "launch",
                    "title": "Launch",
                    "starts": "2026-10-26",
                    "ends": "2026-10-30",
                    "topics": ["c0", "c1", "c2"],
                    "priority": 2,
                }
            ],
            "people": people,
            "settings": {"colleague_spacing_minutes": spacing, "freshness_weeks": 1},
        }
    )


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("spacing", [15, 30, 60])
@pytest.mark.parametrize("hours", [("08:30", "10:30"), ("09:00", "09:45"), ("07:00", "19:00")])
def test_a_crowded_day_plans_as_the_careful_reference(
    language: str, spacing: int, hours: tuple[str, str]
) -> None:
    kit = _crowded_kit(language, spacing, hours)
    week = parse_week("2026-W44")
    slots, _ = schedule_week(kit, week)
    fast = plan_slots(kit, week, list(slots))
    careful = careful_planner.plan_slots(kit, week, list(slots))
    assert [a.model_dump_json() for a in fast[0]] == [a.model_dump_json() for a in careful[0]]
    assert [s.model_dump_json() for s in fast[1]] == [s.model_dump_json() for s in careful[1]]
    assert [a.slot.model_fields_set for a in fast[0]] == [
        a.slot.model_fields_set for a in careful[0]
    ]


def test_a_full_day_is_remembered_per_time_room_and_day() -> None:
    spacing = ColleagueSpacing(30, "en")
    instant = dt.datetime(2026, 10, 26, 8, tzinfo=dt.UTC)
    day = dt.date(2026, 10, 26)
    spacing.full_at(instant, 3.0, day).add("t1")
    assert spacing.full_at(instant, 3.0, day) == {"t1"}
    assert spacing.full_at(instant, 4.0, day) == set()
    assert spacing.full_at(instant, 3.0, day + dt.timedelta(days=1)) == set()


class _NotedSlot(Slot):
    """A slot of a kind the spacing knows nothing about."""


def test_a_moved_slot_keeps_what_a_copy_keeps() -> None:
    spacing = ColleagueSpacing(30, "en")
    kit = _crowded_kit("en", 30, ("08:00", "12:00"))
    person = kit.people[1]
    start = dt.datetime(2026, 10, 26, 9, tzinfo=dt.UTC)
    others = [start]
    for slot in (
        Slot(person_id="p01", platform="linkedin", start=start, timezone="UTC"),
        Slot(person_id="p01", platform="linkedin", start=start, timezone="UTC", note="kept"),
        _NotedSlot(person_id="p01", platform="linkedin", start=start, timezone="UTC"),
    ):
        moved = spacing.move(slot, others, person)
        assert moved is not None
        copied = slot.model_copy(update={"start": moved.start, "note": moved.note})
        assert type(moved) is type(slot)
        assert moved.model_dump_json() == copied.model_dump_json()
        assert moved.model_fields_set == copied.model_fields_set
