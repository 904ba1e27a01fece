"""The drafter's memo of repeating context parts gives every draft the context it had without one."""

from __future__ import annotations

from typing import Any

import pytest

from advocacy_kit.drafting import Drafter
from advocacy_kit.drafting.context import ContextMemo, template_context
from advocacy_kit.loading import load_kit
from advocacy_kit.pipeline import plan_week
from advocacy_kit.plugins import get_platforms

from .conftest import ENGLISH_KIT, GERMAN_KIT


def _comparable(context: dict[str, Any]) -> dict[str, Any]:
    room = context.pop("fit").__self__  # a bound method of the room: compare the room's values
    return {**context, "room_values": (room.limit, room.disclosure, room.disclosure_first)}


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_memo_gives_the_same_contexts(kit_path: Any) -> None:
    kit = load_kit(kit_path)
    calendar = plan_week(kit, "2026-W49")
    platforms = get_platforms()
    memo = ContextMemo(kit)
    assert calendar.entries
    for entry in calendar.entries:
        assignment = entry.assignment
        person = kit.person(assignment.slot.person_id)
        topic = kit.topic(assignment.topic_id)
        platform = platforms.get(assignment.slot.platform)
        alone = template_context(kit, assignment, person, topic, platform)
        remembered = template_context(kit, assignment, person, topic, platform, memo=memo)
        assert _comparable(remembered) == _comparable(alone)


def test_a_template_that_changes_its_areas_does_not_change_the_next_draft() -> None:
    kit = load_kit(ENGLISH_KIT)
    entry = plan_week(kit, "2026-W49").entries[0]
    drafter = Drafter(kit)
    first = drafter.context(entry.assignment)
    first["areas"].clear()
    assert drafter.context(entry.assignment)["areas"]
