"""prevalidated() sets a model's slots directly only where that is what setting them does."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from advocacy_kit.calendar import Assignment, CalendarEntry, Draft, Finding, Post, Slot
from advocacy_kit.prevalidated import _own_slots, prevalidated


class _Plain(BaseModel):
    name: str
    count: int = 0


class _Shadowed(BaseModel):
    """A class attribute in the way of a slot: ``object.__setattr__`` no longer reaches it."""

    name: str
    count: int = 0


type.__setattr__(_Shadowed, "__pydantic_private__", None)


@pytest.mark.parametrize(
    "cls", [Slot, Assignment, Draft, Post, Finding, CalendarEntry, _Plain], ids=lambda c: c.__name__
)
def test_pydantic_models_keep_their_values_in_basemodels_slots(cls: type[BaseModel]) -> None:
    assert _own_slots(cls)


def test_a_shadowed_slot_is_set_as_model_construct_sets_it() -> None:
    assert not _own_slots(_Shadowed)
    values: dict[str, Any] = {"name": "n", "count": 2}
    built = prevalidated(_Shadowed, dict(values))
    expected = _Shadowed.model_construct(None, **values)
    assert type(built) is _Shadowed
    assert built.__dict__ == expected.__dict__
    assert built.model_fields_set == expected.model_fields_set
    assert prevalidated(_Plain, dict(values)) == _Plain.model_construct(None, **values)
