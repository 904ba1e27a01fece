"""The planner's written-out search finds what the careful look finds, on every slot.

``_Planner._find`` decides most topics with a quick test (the person has it, it is not valid
that day, no colleague's time that day is too close) and asks :class:`SlotLook` only about the
rest; it walks the index's pools itself and reads topics through :class:`TopicFacts`. Here every
slot of many kits (holidays, people away, caps, inactive people and accounts, campaigns, dated
topics, a history with fresh and stale topics, kept drafts, German and English, spacing from
none to hours, no topics at all) is also looked at the careful way, with ``SlotLook.fits`` for
every topic, ``TopicIndex.search`` over the pools and ``min()`` over the running campaigns, and
both must give the same topic at the same time. Scheduling's directly built slots equal the
ones pydantic builds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from advocacy_kit.calendar import SkippedSlot, Slot
from advocacy_kit.models import Kit, Topic
from advocacy_kit.past_use import PastUse
from advocacy_kit.plan_look import SlotLook
from advocacy_kit.plan_views import PersonView
from advocacy_kit.planner import _Planner, plan_slots
from advocacy_kit.schedule import schedule_week
from advocacy_kit.topic_fit import TopicFacts, TopicFields
from advocacy_kit.weeks import IsoWeek, parse_week

from .test_planning_fast_paths import varied_kit, varied_past
from .test_planning_memos import _crowded_kit

_NOTHING: frozenset[str] = frozenset()


def _careful_find(
    planner: _Planner,
    slot: Slot,
    view: PersonView,
    fresh_only: bool,
    instant: dt.datetime,
    day: dt.date,
) -> tuple[TopicFields, Slot] | None:
    """What ``_find`` gives, with the careful look asked about every topic."""
    excluded = (view.used, view.stale) if fresh_only else (_NOTHING, _NOTHING)
    spacing = planner.spacing
    times = spacing.on_day(day)
    look = SlotLook(spacing, slot, view.person, view.room, excluded, (instant, day), times)
    profile = view.profile
    running = profile.running_on(day, planner.campaign) if profile.campaign_topics else []
    if running:
        crowded = look.full = spacing.full_at(instant, view.room, day)
        fitting = [
            (-campaign[0], planner.index.rank(topic), number, topic)
            for number, (topic, campaign) in enumerate(running)
            if topic.id not in crowded and look.fits(topic)
        ]
        if fitting:
            best = min(fitting, key=lambda found: found[:3])[3]
            return best, look.placed[best.id]
    pools = profile.pools_on(day)
    counts = [view.area_use[area] for area in view.areas]
    for count in sorted(set(counts)):
        choice = None
        for place, pool_list in enumerate(pools):
            if counts[place] == count or len(pools) == 1:
                lower = planner.index.search(pool_list, look.fits, choice)
                choice = lower if lower is not None else choice
        if choice is not None:
            return choice, look.placed[choice.id]
        if len(pools) == 1:
            break
    return None


class _Comparing(_Planner):
    """A planner that looks at every slot both ways before it plans it."""

    looked = 0

    def _find(
        self,
        slot: Slot,
        view: PersonView,
        fresh_only: bool,
        instant: dt.datetime,
        day: dt.date,
    ) -> tuple[TopicFacts, Slot] | None:
        found = super()._find(slot, view, fresh_only, instant, day)
        careful = _careful_find(self, slot, view, fresh_only, instant, day)
        if careful is None:
            assert found is None
        else:
            assert found is not None
            assert found[0] is careful[0]
            assert found[1] == careful[1]
            assert found[1].model_fields_set == careful[1].model_fields_set
        type(self).looked += 1
        return found


def _plan_comparing(
    kit: Kit, week: IsoWeek, slots: list[Slot], past: PastUse | None, monkeypatch: Any
) -> None:
    import advocacy_kit.planner as planner_module

    monkeypatch.setattr(planner_module, "_Planner", _Comparing)
    _Comparing.looked = 0
    plan_slots(kit, week, slots, past)
    # Slots beyond the drafts kept from the history are looked at.
    if len(slots) > (len(past.kept) if past else 0):
        assert _Comparing.looked > 0


@pytest.mark.parametrize("with_past", [False, True], ids=["no-history", "history"])
@pytest.mark.parametrize("seed", range(0, 240, 3), ids=lambda seed: f"seed-{seed}")
def test_the_quick_search_finds_what_the_careful_look_finds(
    seed: int, with_past: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit, week = varied_kit(seed)
    slots, _ = schedule_week(kit, week)
    past = varied_past(seed, kit, week, slots) if with_past else None
    _plan_comparing(kit, week, list(slots), past, monkeypatch)


@pytest.mark.parametrize("with_past", [False, True], ids=["no-history", "history"])
@pytest.mark.parametrize("seed", range(1, 240, 6), ids=lambda seed: f"seed-{seed}")
def test_topics_sharing_order_values_search_as_the_careful_look(
    seed: int, with_past: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Topics with equal order values: the index keeps no day pools, and the search itself
    must leave out topics not valid on the slot's day."""
    import advocacy_kit.plan_state as plan_state

    monkeypatch.setattr(plan_state, "stable_hash", lambda *parts: len(str(parts[0])) % 3)
    kit, week = varied_kit(seed)
    slots, _ = schedule_week(kit, week)
    past = varied_past(seed, kit, week, slots) if with_past else None
    _plan_comparing(kit, week, list(slots), past, monkeypatch)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("spacing", [0, 30, 120])
def test_crowded_weeks_search_as_the_careful_look(
    language: str, spacing: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Colleagues meet on few topics: moves, full days and refused moves come up often."""
    kit = _crowded_kit(language, spacing)
    week = parse_week("2026-W44")
    slots, _ = schedule_week(kit, week)
    _plan_comparing(kit, week, list(slots), None, monkeypatch)


def test_a_kit_without_topics_leaves_every_slot_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    kit = _crowded_kit("de", 30, people=6).model_copy(update={"topics": [], "campaigns": []})
    week = parse_week("2026-W44")
    slots, _ = schedule_week(kit, week)
    _plan_comparing(kit, week, list(slots), None, monkeypatch)
    assignments, empty = plan_slots(kit, week, list(slots))
    assert assignments == []
    assert [skipped.code for skipped in empty] == ["no_topic"] * len(slots)


@pytest.mark.parametrize(
    "fields",
    [
        {"areas": ["a"]},
        {"areas": ["a", "b"], "kind": "tip", "languages": ["de"]},
        {"areas": ["b"], "valid_from": "2026-10-27", "valid_until": "2026-10-28"},
        {"areas": ["a", "b", "c"], "languages": ["de", "en"], "valid_until": "2026-01-01"},
    ],
    ids=["plain", "kind-language", "dated", "three-areas"],
)
def test_topic_facts_read_as_the_topic(fields: dict[str, Any]) -> None:
    topic = Topic.model_validate({"id": "t1", "title": "Topic 1", **fields})
    facts = TopicFacts(topic)
    for name in ("id", "title", "areas", "kind", "languages", "valid_from", "valid_until"):
        assert getattr(facts, name) == getattr(topic, name)
    assert facts.topic is topic
    areas = topic.areas
    assert facts.fit_key == (areas[0] if len(areas) == 1 else tuple(areas))


@pytest.mark.parametrize("seed", range(0, 120, 5), ids=lambda seed: f"seed-{seed}")
def test_scheduled_slots_built_directly_equal_the_constructed_ones(seed: int) -> None:
    kit, week = varied_kit(seed)
    slots, skipped = schedule_week(kit, week)
    for slot in [*slots, *(item.slot for item in skipped)]:
        constructed = Slot.model_construct(None, **dict(slot.__dict__))
        assert type(slot) is Slot
        assert slot == constructed
        assert slot.model_fields_set == constructed.model_fields_set
    for item in skipped:
        built = SkippedSlot.model_construct(None, **dict(item.__dict__))
        assert type(item) is SkippedSlot
        assert item == built
        assert item.model_fields_set == built.model_fields_set
