"""The context the drafter renders with: its own shortcut against ``template_context``.

The drafter reads an assignment's fields from its dictionary and builds the context itself; the
careful context is the one its steps one by one give (``Drafter.context``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from advocacy_kit.calendar import CalendarEntry
from advocacy_kit.drafting import Drafter
from advocacy_kit.drafting import drafter as drafter_module
from advocacy_kit.loading import load_kit
from advocacy_kit.pipeline import plan_week

from .conftest import ENGLISH_KIT, GERMAN_KIT


class _Steps(Drafter):
    """The drafter's steps one by one (a subclass takes them)."""


def _comparable(context: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The context's names in order with their values; ``fit`` by the room it fits into."""
    return [
        (name, (value.__self__, value.__func__) if name == "fit" else value)
        for name, value in context.items()
    ]


def _rendered_with(drafter: Drafter, entry: CalendarEntry, monkeypatch: pytest.MonkeyPatch) -> Any:
    seen: list[Mapping[str, Any]] = []
    render: Callable[[Any, Mapping[str, Any]], str] = drafter_module.__dict__["render_template"]

    def keeping(template: Any, context: Mapping[str, Any]) -> str:
        seen.append(dict(context))
        return render(template, context)

    monkeypatch.setattr(drafter_module, "render_template", keeping)
    draft = drafter.draft(entry.assignment)
    monkeypatch.setattr(drafter_module, "render_template", render)
    return draft, _comparable(seen[0])


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_contexts_and_drafts_are_those_of_the_steps(
    kit_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = load_kit(kit_path)
    entries = plan_week(kit, "2026-W50").entries
    fast, steps = Drafter(kit), _Steps(kit)
    steps._memo = fast._memo  # one memo: the very rooms, so each context's fit is the same
    for entry in entries:
        assert _rendered_with(fast, entry, monkeypatch) == _rendered_with(steps, entry, monkeypatch)


def test_an_assignment_without_a_field_fails_as_the_steps_fail(
    drafting_kit: Callable[..., Any], make_assignment: Callable[..., Any]
) -> None:
    kit = drafting_kit()
    whole = make_assignment()
    for missing in ("slot", "kind", "variant", "campaign_id", "language", "topic_id"):
        values = {name: value for name, value in whole.__dict__.items() if name != missing}
        assignment = type(whole).model_construct(**values)
        outcomes: list[tuple[object, ...]] = []
        for drafter in (Drafter(kit), _Steps(kit)):
            try:
                outcomes.append(("value", drafter.draft(assignment)))
            except Exception as error:  # the same error with the same message is what counts
                outcomes.append(("error", type(error).__name__, str(error)))
        assert outcomes[0] == outcomes[1]
        if missing not in ("variant", "campaign_id"):  # the others have no default to take
            assert outcomes[0][0] == "error"
