"""Scheduling and planning give exactly what the careful reference gives, on many varied kits.

The reference (``tests/careful_planning``) is the plain code the fast paths replaced. Each kit
here is drawn from a seed and mixes what a real organisation has: both languages, zones with
daylight-saving changes in or just before the week (also half-hour ones), holidays, people away,
paused accounts, caps, odd sharing hours, cadences with gaps and times outside the hours,
campaigns, topics valid on some days only, fixed post kinds, topic languages, a history with
earlier uses, kit-wide counts and kept drafts (also moved ones), spacing from none to four hours,
and sharing across platforms. Few topics for many people make colleagues meet on a topic often.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from advocacy_kit.calendar import Slot
from advocacy_kit.models import Kit
from advocacy_kit.past_use import KeptDraft, PastUse
from advocacy_kit.planner import plan_slots
from advocacy_kit.schedule import schedule_week
from advocacy_kit.weeks import IsoWeek, parse_week

from .careful_planning import planner as careful_planner
from .careful_planning import schedule as careful_schedule

ZONES = (
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Australia/Lord_Howe",  # a half-hour daylight-saving change
    "Pacific/Chatham",
    "UTC",
)
# Weeks with clock changes in them or in the week before, a holiday week and a plain one.
WEEKS = ("2026-W10", "2026-W11", "2026-W13", "2026-W14", "2026-W44", "2026-W45", "2026-W53")
WEEKS += ("2026-W01", "2026-W49", "2027-W14")
PLATFORMS = ("linkedin", "mastodon", "bluesky", "x")
CADENCES = (
    "mon, wed 09:00",
    "tue, thu 12:30",
    "weekdays 08:00",
    "daily 10:00, 16:00",
    "sat, sun 11:00",
    "di, do 09:00",
    "werktags 17:45",
    "2 per week",
    "3 pro Woche",
    "1 per week",
    "7 per week",
    "mon 06:00",  # before most sharing hours
    "fri 22:30",  # after them
    "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9",
    "FREQ=DAILY;BYHOUR=2;BYMINUTE=30",  # inside spring-forward gaps
    "FREQ=DAILY;BYHOUR=1,2,3",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=14",
    "FREQ=WEEKLY;BYDAY=SU;BYHOUR=9,10;BYMINUTE=0,30",
    "FREQ=WEEKLY;COUNT=200;BYDAY=TH;BYHOUR=11",
)
HOURS = (
    None,
    ("08:00", "18:00"),
    ("07:00", "19:30"),
    ("09:15", "11:00"),
    ("00:00", "23:59"),
    ("12:00", "12:30"),
)
KINDS = (None, None, None, "tip", "question", "opinion", "event")


def _topics(
    rng: random.Random, areas: list[str], monday: dt.date, count: int
) -> list[dict[str, Any]]:
    topics = []
    for number in range(count):
        topic: dict[str, Any] = {
            "id": f"t{number}",
            "title": f"Topic {number}",
            "areas": rng.sample(areas, min(len(areas), rng.choice((1, 1, 2)))),
        }
        if kind := rng.choice(KINDS):
            topic["kind"] = kind
        if rng.random() < 0.3:
            topic["languages"] = rng.choice((["de"], ["en"], ["de", "en"], ["fr"]))
        if rng.random() < 0.3:
            start = monday + dt.timedelta(days=rng.randint(-10, 6))
            if rng.random() < 0.7:
                topic["valid_from"] = start.isoformat()
            if rng.random() < 0.7:
                topic["valid_until"] = (start + dt.timedelta(days=rng.randint(0, 9))).isoformat()
        if rng.random() < 0.2:
            topic["evergreen"] = False
        topics.append(topic)
    return topics


def _campaigns(rng: random.Random, topic_ids: list[str], monday: dt.date) -> list[dict[str, Any]]:
    campaigns = []
    for number in range(rng.choice((0, 0, 1, 2, 3))):
        starts = monday + dt.timedelta(days=rng.randint(-8, 6))
        campaigns.append(
            {
                "id": f"c{number}",
                "title": f"Campaign {number}",
                "starts": starts.isoformat(),
                "ends": (starts + dt.timedelta(days=rng.randint(0, 8))).isoformat(),
                "topics": rng.sample(topic_ids, min(len(topic_ids), rng.randint(1, 4))),
                "priority": rng.randint(1, 3),
            }
        )
    return campaigns


def _person(rng: random.Random, number: int, areas: list[str], monday: dt.date) -> dict[str, Any]:
    person: dict[str, Any] = {
        "id": f"p{number}",
        "name": f"Person {number}",
        "languages": rng.choice((["en"], ["de"], ["de", "en"], ["en", "de"])),
        "expertise": {
            area: rng.choice(("learning", "practitioner", "expert"))
            for area in rng.sample(areas, rng.randint(1, min(3, len(areas))))
        },
        "accounts": {
            platform: {"cadence": rng.choice(CADENCES), "active": rng.random() > 0.05}
            for platform in rng.sample(PLATFORMS, rng.randint(1, 3))
        },
    }
    if rng.random() < 0.6:
        person["timezone"] = rng.choice(ZONES)
    if rng.random() < 0.5:
        person["weekly_cap"] = rng.randint(0, 9)
    if hours := rng.choice(HOURS):
        person["sharing_hours"] = {"start": hours[0], "end": hours[1]}
    if rng.random() < 0.15:
        starts = monday + dt.timedelta(days=rng.randint(-3, 6))
        ends = starts + dt.timedelta(days=rng.randint(0, 4))
        person["away"] = [{"starts": starts.isoformat(), "ends": ends.isoformat(), "reason": ""}]
    if rng.random() < 0.05:
        person["active"] = False
    return person


def varied_kit(seed: int) -> tuple[Kit, IsoWeek]:
    """A kit and week drawn from ``seed``."""
    rng = random.Random(seed)
    week = parse_week(rng.choice(WEEKS))
    areas = [f"a{number}" for number in range(rng.randint(1, 5))]
    people = rng.randint(3, 60)
    # Few topics for many people: colleagues share topics on a day, and spacing moves them.
    topics = _topics(
        rng, areas, week.monday, rng.randint(1, max(2, people // rng.choice((1, 3, 8))))
    )
    kit = Kit.model_validate(
        {
            "organization": {
                "name": "Acme",
                "timezone": rng.choice(ZONES),
                "language": rng.choice(("en", "de")),
                "holiday_region": rng.choice((None, "DE", "DE-BY", "US")),
            },
            "areas": [{"id": area, "name": f"Area {area}"} for area in areas],
            "topics": topics,
            "campaigns": _campaigns(rng, [t["id"] for t in topics], week.monday),
            "people": [_person(rng, number, areas, week.monday) for number in range(people)],
            "settings": {
                "freshness_weeks": rng.choice((0, 1, 3, 6)),
                "default_weekly_cap": rng.randint(0, 8),
                "colleague_spacing_minutes": rng.choice((0, 1, 15, 30, 30, 45, 90, 240)),
                "share_across_platforms": rng.random() < 0.5,
            },
        }
    )
    return kit, week


def varied_past(seed: int, kit: Kit, week: IsoWeek, slots: list[Slot]) -> PastUse:
    """Earlier uses, kit-wide counts and kept drafts drawn from ``seed``."""
    rng = random.Random(seed * 7919)
    topic_ids = [topic.id for topic in kit.topics] + ["gone"]
    last_week: dict[str, dict[str, str]] = {}
    for person in kit.people:
        if rng.random() < 0.5:
            last_week[person.id] = {
                topic_id: str(week.shifted(-rng.randint(1, 10)))
                for topic_id in rng.sample(topic_ids, rng.randint(0, len(topic_ids)))
            }
    kit_counts = {topic_id: rng.randint(0, 5) for topic_id in topic_ids if rng.random() < 0.5}
    kept: dict[str, KeptDraft] = {}
    people = {person.id: person for person in kit.people}
    for slot in rng.sample(slots, min(len(slots), rng.randint(0, 6))):
        # A kept draft was planned for the person: its topic suits one of their languages.
        languages = set(people[slot.person_id].languages)
        suiting = [
            topic.id
            for topic in kit.topics
            if not topic.languages or languages & set(topic.languages)
        ]
        key = slot.id
        start = None
        if rng.random() < 0.4:  # the draft was moved: its id has the moved time
            start = slot.start + dt.timedelta(minutes=rng.choice((-30, 30, 60)))
            key = f"{slot.id[: -len('HHMM')]}{start:%H%M}"
        kept[key] = KeptDraft(
            topic_id=rng.choice([*suiting, "gone"]),
            kind=rng.choice(("tip", "question", "opinion")),
            variant=rng.randint(0, 2),
            status=rng.choice(("planned", "approved", "posted", "edited")),
            start=start,
        )
    return PastUse(last_week=last_week, kit_counts=kit_counts, kept=kept)


def _dump(items: list[Any]) -> list[tuple[str, list[str]]]:
    """Each model as JSON, with the fields it says were set (a careless copy could lose them)."""
    return [(item.model_dump_json(), sorted(item.model_fields_set)) for item in items]


@pytest.mark.parametrize("seed", range(120), ids=lambda seed: f"seed-{seed}")
def test_scheduling_matches_the_careful_reference(seed: int) -> None:
    kit, week = varied_kit(seed)
    fast_slots, fast_skipped = schedule_week(kit, week)
    careful_slots, careful_skipped = careful_schedule.schedule_week(kit, week)
    assert _dump(fast_slots) == _dump(careful_slots)
    assert _dump(fast_skipped) == _dump(careful_skipped)
    assert [s.start.tzinfo for s in fast_slots] == [s.start.tzinfo for s in careful_slots]


@pytest.mark.parametrize("with_past", [False, True], ids=["no-history", "history"])
@pytest.mark.parametrize("seed", range(120), ids=lambda seed: f"seed-{seed}")
def test_planning_matches_the_careful_reference(seed: int, with_past: bool) -> None:
    kit, week = varied_kit(seed)
    slots, _ = careful_schedule.schedule_week(kit, week)
    past = varied_past(seed, kit, week, slots) if with_past else None
    fast = plan_slots(kit, week, list(slots), past)
    careful = careful_planner.plan_slots(kit, week, list(slots), past)
    assert _dump(fast[0]) == _dump(careful[0])
    assert _dump(fast[1]) == _dump(careful[1])


def test_the_varied_kits_reach_the_cases_the_fast_paths_must_keep() -> None:
    """The seeds above do meet spacing moves, full days, kept drafts, cross-posts and skips."""
    seen: set[str] = set()
    for seed in range(120):
        kit, week = varied_kit(seed)
        slots, skipped = careful_schedule.schedule_week(kit, week)
        seen.update(s.code for s in skipped)
        notes = [s.note or "" for s in [*slots, *(skip.slot for skip in skipped)]]
        seen.update("gap" for note in notes if "does not exist" in note)
        seen.update("dst" for note in notes if "local time" in note)
        past = varied_past(seed, kit, week, slots)
        assignments, empty = careful_planner.plan_slots(kit, week, list(slots), past)
        for assignment in assignments:
            text = " ".join(assignment.reasons)
            seen.update(
                word
                for word in ("kept from", "shared on", "campaign", "different angle", "last had")
                if word in text
            )
            if assignment.slot.note and "moved from" in assignment.slot.note:
                seen.add("spacing")
        seen.update("no_topic" for _ in empty[:1])
    assert seen >= {
        "holiday", "away", "cap", "outside_hours", "inactive", "gap", "dst", "kept from",
        "shared on", "campaign", "different angle", "last had", "spacing", "no_topic",
    }  # fmt: skip
