"""A kept draft whose topic no longer suits the person is planned anew instead of failing."""

from __future__ import annotations

from advocacy_kit.loading import load_kit
from advocacy_kit.past_use import KeptDraft, PastUse
from advocacy_kit.planner import plan_slots
from advocacy_kit.schedule import schedule_week
from advocacy_kit.weeks import parse_week

from .conftest import ENGLISH_KIT


def test_kept_topic_in_no_language_of_the_person_is_planned_anew() -> None:
    kit = load_kit(ENGLISH_KIT)
    week = parse_week("2026-W49")
    slots, _ = schedule_week(kit, week)
    slot, topic = next(
        (slot, topic)
        for slot in slots
        for topic in kit.topics
        if set(topic.areas) & set(kit.person(slot.person_id).expertise)
    )
    person = kit.person(slot.person_id)
    foreign = next(lang for lang in ("fr", "it", "es") if lang not in person.languages)
    changed = topic.model_copy(update={"languages": [foreign]})
    kit = kit.model_copy(
        update={"topics": [changed if t.id == topic.id else t for t in kit.topics]}
    )
    kept = {slot.id: KeptDraft(topic_id=topic.id, kind="tip", variant=0, status="approved")}
    assignments, empty = plan_slots(kit, week, slots, PastUse(kept=kept))
    for assignment in assignments:
        assert assignment.topic_id != topic.id  # in no language anyone here writes
    assert len(assignments) + len(empty) == len(slots)
