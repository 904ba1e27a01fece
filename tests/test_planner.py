"""Planning: expertise, levels, campaign windows, valid dates, balance, colleague spread, reasons."""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit import load_kit, plan_week
from advocacy_kit.models import Kit
from advocacy_kit.planner import KINDS_BY_LEVEL, PastUse, plan_slots
from advocacy_kit.schedule import schedule_week
from advocacy_kit.weeks import parse_week

from .conftest import ENGLISH_KIT, GERMAN_KIT

BASE = """\
organization: {{name: Acme, timezone: Europe/Berlin, language: {language}}}
areas:
  - {{id: testing, name: Testing}}
  - {{id: security, name: Security}}
  - {{id: design, name: Design}}
topics:
{topics}
campaigns:
{campaigns}
people:
{people}
"""


def build(
    write_kit: Callable[..., Path],
    topics: str,
    people: str,
    campaigns: str = "",
    language: str = "en",
    settings: str = "",
) -> Kit:
    """Load a kit made of the given YAML blocks (each dedented and indented into place)."""

    def block(text: str) -> str:
        return textwrap.indent(textwrap.dedent(text).strip("\n"), "  ") or "  []"

    text = BASE.format(
        language=language,
        topics=block(topics),
        campaigns=block(campaigns) if campaigns else "  []",
        people=block(people),
    )
    text = text.replace("campaigns:\n  []", "campaigns: []")
    return load_kit(write_kit(f"{text}\nsettings: {settings}\n" if settings else text))


def person(pid: str, expertise: str, cadence: str, cap: int = 5) -> str:
    return (
        f"- {{id: {pid}, name: {pid.title()}, languages: [en], expertise: {expertise}, "
        f'weekly_cap: {cap}, accounts: {{linkedin: {{cadence: "{cadence}"}}}}}}\n'
    )


def topic(tid: str, areas: str, extra: str = "") -> str:
    return f"- {{id: {tid}, title: {tid.title()}, areas: {areas}{extra}}}\n"


def plan(kit: Kit, week: str, past: PastUse | None = None) -> tuple[list, list]:  # type: ignore[type-arg]
    iso = parse_week(week)
    slots, _ = schedule_week(kit, iso)
    return plan_slots(kit, iso, slots, past)


def test_topics_come_only_from_the_persons_areas_and_level_picks_the_kind(
    write_kit: Callable[..., Path],
) -> None:
    kit = build(
        write_kit,
        topic("unit", "[testing]") + topic("xss", "[security]") + topic("grid", "[design]"),
        person("ada", "{testing: learning, security: expert}", "mon, tue, wed, thu 09:00"),
    )
    assignments, empty = plan(kit, "2026-W49")
    by_topic = {a.topic_id: a for a in assignments}
    assert set(by_topic) == {"unit", "xss"}
    assert by_topic["unit"].kind in KINDS_BY_LEVEL["learning"]
    assert by_topic["xss"].kind in KINDS_BY_LEVEL["expert"]
    # Two slots are left: nothing else fits, so they stay empty rather than take "grid".
    assert [e.code for e in empty] == ["no_topic", "no_topic"]


def test_areas_are_balanced_within_the_week(write_kit: Callable[..., Path]) -> None:
    topics = "".join(topic(f"t{i}", "[testing]") for i in range(4)) + topic("s1", "[security]")
    kit = build(
        write_kit, topics, person("ada", "{testing: expert, security: expert}", "mon, wed 09:00")
    )
    assignments, _ = plan(kit, "2026-W49")
    assert sorted(a.topic_id[0] for a in assignments) == ["s", "t"]


def test_campaign_topics_only_inside_their_window_and_first_there(
    write_kit: Callable[..., Path],
) -> None:
    kit = build(
        write_kit,
        topic("launch", "[testing]") + topic("a", "[testing]") + topic("b", "[testing]"),
        person("ada", "{testing: expert}", "mon, wed, fri 09:00"),
        campaigns="- {id: spring, title: Spring, starts: 2026-12-02, ends: 2026-12-02, topics: [launch]}\n",
    )
    assignments, _ = plan(kit, "2026-W49")  # Mon 30 Nov, Wed 2 Dec, Fri 4 Dec
    by_day = {a.slot.start.date(): a for a in assignments}
    assert by_day[dt.date(2026, 12, 2)].topic_id == "launch"
    assert by_day[dt.date(2026, 12, 2)].campaign_id == "spring"
    assert "launch" not in {by_day[d].topic_id for d in by_day if d != dt.date(2026, 12, 2)}
    assert any("spring" in reason for reason in by_day[dt.date(2026, 12, 2)].reasons)


def test_topics_outside_their_valid_dates_are_never_used(write_kit: Callable[..., Path]) -> None:
    kit = build(
        write_kit,
        topic("late", "[testing]", ", valid_from: 2026-12-03")
        + topic("early", "[testing]", ", valid_until: 2026-11-30"),
        person("ada", "{testing: expert}", "mon, tue, thu, fri 09:00"),
    )
    assignments, empty = plan(kit, "2026-W49")
    used = {(a.slot.start.date(), a.topic_id) for a in assignments}
    assert used == {(dt.date(2026, 11, 30), "early"), (dt.date(2026, 12, 3), "late")}
    assert len(empty) == 2


def test_freshness_from_the_history_blocks_recent_topics(write_kit: Callable[..., Path]) -> None:
    kit = build(
        write_kit,
        topic("a", "[testing]") + topic("b", "[testing]"),
        person("ada", "{testing: expert}", "tue 09:00"),
    )
    recent = PastUse(last_week={"ada": {"a": "2026-W45"}})
    (assignment,), _ = plan(kit, "2026-W49", recent)
    assert assignment.topic_id == "b"
    both = PastUse(last_week={"ada": {"a": "2026-W45", "b": "2026-W48"}})
    assignments, (empty,) = plan(kit, "2026-W49", both)
    assert assignments == []
    assert "last 6 weeks" in empty.reason
    old = PastUse(last_week={"ada": {"a": "2026-W43", "b": "2026-W48"}})  # six weeks ago
    (assignment,), _ = plan(kit, "2026-W49", old)
    assert assignment.topic_id == "a"
    assert any("2026-W43" in reason for reason in assignment.reasons)


def test_colleagues_on_the_same_topic_get_other_angles_and_times(
    write_kit: Callable[..., Path],
) -> None:
    people = "".join(person(p, "{testing: expert}", "tue 09:00") for p in ("ada", "bo", "cy"))
    kit = build(write_kit, topic("only", "[testing]"), people)
    assignments, _ = plan(kit, "2026-W49")
    assert len(assignments) == 3
    angles = {(a.kind, a.variant) for a in assignments}
    assert len(angles) == 3
    starts = sorted(a.slot.start for a in assignments)
    assert all(b - a >= dt.timedelta(minutes=30) for a, b in itertools.pairwise(starts))
    moved = [a for a in assignments if a.slot.note]
    assert len(moved) == 2 and all("30 minutes" in a.slot.note for a in moved)  # type: ignore[operator]


def test_colleagues_get_different_topics_when_there_are_enough(
    write_kit: Callable[..., Path],
) -> None:
    people = "".join(person(p, "{testing: expert}", "tue 09:00") for p in ("ada", "bo"))
    kit = build(write_kit, topic("a", "[testing]") + topic("b", "[testing]"), people)
    assignments, _ = plan(kit, "2026-W49")
    assert sorted(a.topic_id for a in assignments) == ["a", "b"]
    assert all(a.slot.note is None for a in assignments)


def test_planning_is_deterministic(write_kit: Callable[..., Path]) -> None:
    kit = load_kit(GERMAN_KIT)
    first = plan_week(kit, "2026-W49")
    second = plan_week(load_kit(GERMAN_KIT), "2026-W49")
    assert first.model_dump() == second.model_dump()


@pytest.mark.parametrize(
    ("kit_path", "words", "foreign"),
    [(GERMAN_KIT, "passt zu", "matches"), (ENGLISH_KIT, "matches", "passt zu")],
    ids=["de", "en"],
)
def test_every_assignment_has_reasons_in_the_kit_language(
    kit_path: Path, words: str, foreign: str
) -> None:
    calendar = plan_week(load_kit(kit_path), "2026-W44")
    assert calendar.entries
    for entry in calendar.entries:
        reasons = entry.assignment.reasons
        assert len(reasons) >= 3
        assert words in reasons[0]
        assert not any(foreign in reason for reason in reasons)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    areas=st.lists(
        st.lists(
            st.sampled_from(["testing", "security", "design"]), min_size=1, max_size=2, unique=True
        ),
        min_size=1,
        max_size=6,
    ),
    starts=st.lists(st.integers(0, 20), min_size=6, max_size=6),
    lengths=st.lists(st.integers(0, 10), min_size=6, max_size=6),
    expertise=st.lists(st.sampled_from(["testing", "security", "design"]), min_size=1, unique=True),
    week=st.integers(45, 53),
)
def test_no_topic_outside_its_window_or_the_persons_areas(
    write_kit: Callable[..., Path],
    areas: list[list[str]],
    starts: list[int],
    lengths: list[int],
    expertise: list[str],
    week: int,
) -> None:
    first = dt.date(2026, 11, 2)
    topics = ""
    for index, topic_areas in enumerate(areas):
        begin = first + dt.timedelta(days=starts[index] * 3)
        end = begin + dt.timedelta(days=lengths[index] * 3)
        dates = f", valid_from: {begin}, valid_until: {end}" if index % 2 else ""
        topics += topic(f"t{index}", f"[{', '.join(topic_areas)}]", dates)
    campaign = f"- {{id: c, title: C, starts: {first + dt.timedelta(days=starts[0] * 3)}, "
    campaign += f"ends: {first + dt.timedelta(days=(starts[0] + lengths[0]) * 3)}, topics: [t0]}}\n"
    levels = ", ".join(f"{area}: expert" for area in expertise)
    kit = build(
        write_kit, topics, person("ada", f"{{{levels}}}", "weekdays 09:00, 15:00", cap=10), campaign
    )
    assignments, _ = plan(kit, f"2026-W{week}")
    window = kit.campaigns[0]
    for assignment in assignments:
        chosen = kit.topic(assignment.topic_id)
        day = assignment.slot.start.date()
        assert set(chosen.areas) & set(expertise)
        assert chosen.valid_from is None or chosen.valid_from <= day
        assert chosen.valid_until is None or day <= chosen.valid_until
        if chosen.id == "t0":
            assert window.starts <= day <= window.ends
    assert len({a.topic_id for a in assignments}) == len(assignments)


SHARING_PEOPLE = (
    "- {id: ada, name: Ada, languages: [en], expertise: {testing: expert},\n"
    '   accounts: {linkedin: {cadence: "tue, thu 09:00"}, mastodon: {cadence: "wed 09:00"}}}\n'
)


def test_without_a_fresh_topic_a_slot_stays_empty_by_default(
    write_kit: Callable[..., Path],
) -> None:
    kit = build(write_kit, topic("only", "[testing]"), SHARING_PEOPLE)
    assignments, empty = plan(kit, "2026-W49")
    assert [(a.slot.platform, a.topic_id) for a in assignments] == [("linkedin", "only")]
    assert [(e.slot.platform, e.code) for e in empty] == [
        ("mastodon", "no_topic"),
        ("linkedin", "no_topic"),
    ]


def test_a_topic_is_shared_on_another_platform_only_when_the_kit_asks_and_nothing_fresh_is_left(
    write_kit: Callable[..., Path],
) -> None:
    kit = build(
        write_kit,
        topic("only", "[testing]"),
        SHARING_PEOPLE,
        settings="{share_across_platforms: true}",
    )
    assignments, empty = plan(kit, "2026-W49")
    assert [(a.slot.platform, a.topic_id) for a in assignments] == [
        ("linkedin", "only"),
        ("mastodon", "only"),
    ]
    assert "shared on mastodon too" in assignments[1].reasons[1]
    # Thursday's LinkedIn slot would repeat the topic on the same platform: it stays empty.
    assert [(e.slot.platform, e.slot.start.date()) for e in empty] == [
        ("linkedin", dt.date(2026, 12, 3))
    ]
