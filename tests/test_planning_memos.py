"""What planning and scheduling remember give what working it out every time gave.

Refused spacing moves remembered per wall time, zone and sharing hours, full days looked up only
for crowded topics, area tiers shared by everyone with the same counts, reason phrases read from
their tables and daylight-saving notes per zone and wall time: crowded kits with sharing hours
that differ in start but not in length (same room, other moves), zones that change their clocks
in the week, both languages and a history plan and schedule exactly as the careful reference.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from advocacy_kit.models import Kit
from advocacy_kit.past_use import PastUse
from advocacy_kit.plan_views import AreaTiers
from advocacy_kit.plan_words import ReasonWords
from advocacy_kit.planner import plan_slots
from advocacy_kit.reasons import level_word, say
from advocacy_kit.schedule import schedule_week
from advocacy_kit.spacing import ColleagueSpacing
from advocacy_kit.weeks import parse_week

from .careful_planning import planner as careful_planner
from .careful_planning import schedule as careful_schedule

HOURS = (("08:00", "10:00"), ("08:30", "10:30"), ("09:00", "11:00"), ("07:00", "09:30"))
ZONES = ("Europe/Berlin", "America/New_York", "Europe/London", "Australia/Lord_Howe")
CADENCES = (
    "daily 09:00",
    "weekdays 09:30",
    "mon, wed, fri 09:00",
    "FREQ=DAILY;BYHOUR=1,2,9",  # ambiguous and skipped wall times on clock-change days
    "sun 09:00, 10:00",
)


def _crowded_kit(language: str, spacing: int, people: int = 48) -> Kit:
    topics: list[dict[str, Any]] = [
        {"id": f"c{n}", "title": f"Campaign topic {n}", "areas": ["a"]} for n in range(2)
    ]
    topics += [
        {"id": f"t{n}", "title": f"Topic {n}", "areas": [["a"], ["b"], ["a", "b"], ["c"]][n % 4]}
        for n in range(6)
    ]
    expertise = (
        {"a": "expert", "b": "learning", "c": "practitioner"},
        {"a": "practitioner"},
        {"b": "expert", "c": "learning"},
        {"a": "learning", "b": "practitioner"},
    )
    return Kit.model_validate(
        {
            "organization": {"name": "Acme", "timezone": "Europe/Berlin", "language": language},
            "areas": [{"id": area, "name": f"Area {area}"} for area in ("a", "b", "c")],
            "topics": topics,
            "campaigns": [
                {
                    "id": "launch",
                    "title": "Launch",
                    "starts": "2026-10-27",
                    "ends": "2026-10-29",
                    "topics": ["c0", "c1"],
                    "priority": 1,
                }
            ],
            "people": [
                {
                    "id": f"p{n:02}",
                    "name": f"Person {n}",
                    "languages": ["de", "en"] if n % 3 else ["en"],
                    "timezone": ZONES[n % len(ZONES)],
                    "expertise": expertise[n % len(expertise)],
                    "accounts": {
                        "linkedin": {"cadence": CADENCES[n % len(CADENCES)]},
                        "mastodon": {"cadence": CADENCES[(n // 2) % len(CADENCES)]},
                    },
                    "weekly_cap": 12,
                    "sharing_hours": dict(
                        zip(("start", "end"), HOURS[n % len(HOURS)], strict=True)
                    ),
                }
                for n in range(people)
            ],
            "settings": {"colleague_spacing_minutes": spacing, "freshness_weeks": 1},
        }
    )


def _dump(items: list[Any]) -> list[tuple[str, list[str]]]:
    return [(item.model_dump_json(), sorted(item.model_fields_set)) for item in items]


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("spacing", [0, 30, 45, 120])
@pytest.mark.parametrize("week", ["2026-W44", "2026-W45", "2026-W13"])
@pytest.mark.parametrize("history", [False, True], ids=["no-history", "history"])
def test_crowded_weeks_plan_and_schedule_as_the_careful_reference(
    language: str, spacing: int, week: str, history: bool
) -> None:
    kit = _crowded_kit(language, spacing)
    iso_week = parse_week(week)
    slots, skipped = schedule_week(kit, iso_week)
    careful_slots, careful_skipped = careful_schedule.schedule_week(kit, iso_week)
    assert _dump(slots) == _dump(careful_slots)
    assert _dump(skipped) == _dump(careful_skipped)
    past = None
    if history:
        earlier = str(iso_week.shifted(-2))
        past = PastUse(
            last_week={f"p{n:02}": {"t1": earlier, "c0": earlier} for n in range(0, 48, 5)},
            kit_counts={"t0": 3, "t2": 1},
        )
    fast = plan_slots(kit, iso_week, list(slots), past)
    careful = careful_planner.plan_slots(kit, iso_week, list(slots), past)
    assert _dump(fast[0]) == _dump(careful[0])
    assert _dump(fast[1]) == _dump(careful[1])


def test_the_crowded_kit_meets_remembered_refusals(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refused moves are looked up again with topics in them: the memo above is exercised."""
    looked_up: list[int] = []
    blocked_at = ColleagueSpacing.blocked_at

    def counting(self: ColleagueSpacing, *args: Any) -> set[str]:
        found = blocked_at(self, *args)
        looked_up.append(len(found))
        return found

    monkeypatch.setattr(ColleagueSpacing, "blocked_at", counting)
    kit = _crowded_kit("en", 45)
    week = parse_week("2026-W44")
    slots, _ = schedule_week(kit, week)
    plan_slots(kit, week, list(slots))
    assert any(looked_up)


def _one_topic_kit(hours: list[tuple[str, str]], zones: list[str]) -> Kit:
    """One topic for everyone: each person after the first must move, or gets nothing."""
    return Kit.model_validate(
        {
            "organization": {"name": "Acme", "timezone": "Europe/Berlin"},
            "areas": [{"id": "a", "name": "Area A"}],
            "topics": [{"id": "t0", "title": "Topic 0", "areas": ["a"]}],
            "people": [
                {
                    "id": f"p{n}",
                    "name": f"Person {n}",
                    "languages": ["en"],
                    "expertise": {"a": "expert"},
                    "timezone": zone,
                    "accounts": {"linkedin": {"cadence": "mon 09:00"}},
                    "sharing_hours": {"start": start, "end": end},
                }
                for n, ((start, end), zone) in enumerate(zip(hours, zones, strict=True))
            ],
            "settings": {"colleague_spacing_minutes": 60},
        }
    )


@pytest.mark.parametrize(
    ("hours", "zones"),
    [
        # Two colleagues fill 09:00-10:00; the third finds no time, the fourth (same end, earlier
        # start) may go to 08:00 and the fifth (later end) to 11:00.
        (
            [("09:00", "10:00")] * 3 + [("08:00", "10:00"), ("09:00", "11:00")],
            ["Europe/Berlin"] * 5,
        ),
        # The same wall time and hours an hour later in UTC: 10:00 there is free.
        ([("09:00", "10:00")] * 4, ["Europe/Berlin"] * 3 + ["Europe/London"]),
    ],
    ids=["other-hours", "other-zone"],
)
def test_a_refused_move_is_not_refused_to_other_hours_or_zones(
    hours: list[tuple[str, str]], zones: list[str]
) -> None:
    kit = _one_topic_kit(hours, zones)
    week = parse_week("2026-W44")
    slots, _ = schedule_week(kit, week)
    fast = plan_slots(kit, week, list(slots))
    careful = careful_planner.plan_slots(kit, week, list(slots))
    assert _dump(fast[0]) == _dump(careful[0])
    assert _dump(fast[1]) == _dump(careful[1])
    # The third person was refused; someone planned after them was not.
    assert [skipped.slot.person_id for skipped in fast[1]] == ["p2"]
    assert "p3" in {assignment.slot.person_id for assignment in fast[0]}


def test_refused_moves_are_remembered_per_wall_time_zone_and_hours() -> None:
    kit = _crowded_kit("en", 30)
    spacing = ColleagueSpacing(30, "en")
    slots, _ = schedule_week(kit, parse_week("2026-W44"))
    people = {person.id: person for person in kit.people}
    slot = slots[0]
    person = people[slot.person_id]
    spacing.blocked_at(slot, person).add("t1")
    assert spacing.blocked_at(slot, person) == {"t1"}
    later = slot.model_copy(update={"start": slot.start + dt.timedelta(minutes=30)})
    assert spacing.blocked_at(later, person) == set()
    other_hours = person.model_copy(
        update={"sharing_hours": person.sharing_hours.model_copy(update={"start": dt.time(6)})}
    )
    assert spacing.blocked_at(slot, other_hours) == set()
    # The other of two equal wall times in a clock change tries the same moves.
    folded = slot.model_copy(update={"start": slot.start.replace(fold=1)})
    assert spacing.blocked_at(folded, person) == {"t1"}


@pytest.mark.parametrize("size", [2, 3, 4])
def test_area_tiers_group_places_by_count_fewest_first(size: int) -> None:
    tiers = AreaTiers()
    for counts in itertools.product(range(3), repeat=size):
        expected = [
            [place for place, count in enumerate(counts) if count == level]
            for level in sorted(set(counts))
        ]
        assert counts not in tiers
        assert tiers[counts] == expected
        assert tiers[counts] is tiers[counts]  # grouped once


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_reason_phrases_read_from_their_tables_are_the_worded_ones(language: str) -> None:
    words = ReasonWords(language, {"a": "Area A"})
    for _ in range(2):  # worded first, then read from the tables
        for count in (1, 2, 17):
            assert words.rotation(count) == say("rotation", language, count=count)
            assert words.rotations[count] == words.rotation(count)
        for kind, level, fixed in itertools.product(
            ("tip", "question", "event"), ("learning", "expert"), (False, True)
        ):
            text = words.kind(kind, level, fixed)
            assert words.kinds[(kind, level, fixed)] == text
            if not fixed:
                assert level_word(level, language) in text
        for kind, variant in itertools.product(("tip", "opinion"), range(3)):
            text = words.colleague_angle(kind, variant)
            assert words.angles[(kind, variant)] == text
            assert str(variant + 1) in text
