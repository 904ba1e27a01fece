"""prevalidated() builds exactly what model_construct builds, faster when every field is given."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import BaseModel, Field

from advocacy_kit.calendar import Finding, Slot
from advocacy_kit.prevalidated import prevalidated

START = dt.datetime(2026, 11, 30, 8, 30, tzinfo=ZoneInfo("Europe/Berlin"))
SLOT = {"person_id": "lena", "platform": "x", "start": START, "timezone": "Europe/Berlin"}


class _Aliased(BaseModel):
    name: str = Field(alias="title")


def _state(model: BaseModel) -> tuple[Any, ...]:
    return (
        type(model),
        list(model.__dict__.items()),
        model.model_fields_set,
        model.__pydantic_extra__,
        model.__pydantic_private__,
    )


@pytest.mark.parametrize(
    ("cls", "values", "fields_set"),
    [
        pytest.param(Slot, {**SLOT, "note": None}, None, id="every-field-in-order"),
        pytest.param(Slot, SLOT, None, id="default-left-out"),
        pytest.param(Slot, {"note": "x", **SLOT}, None, id="other-order"),
        pytest.param(Slot, {**SLOT, "note": None}, {"person_id"}, id="own-fields-set"),
        pytest.param(
            Finding,
            {"code": "AK101", "severity": "error", "message": "m", "person_id": None}
            | {"slot_id": None, "platform": None, "template": None},
            None,
            id="finding",
        ),
        pytest.param(_Aliased, {"title": "t"}, None, id="alias"),
    ],
)
def test_same_as_model_construct(
    cls: type[BaseModel], values: dict[str, Any], fields_set: set[str] | None
) -> None:
    expected = cls.model_construct(fields_set, **dict(values))
    built = prevalidated(cls, dict(values), fields_set)
    assert _state(built) == _state(expected)
    assert built == expected
    assert built.model_dump_json() == expected.model_dump_json()


def test_direct_path_keeps_the_given_dict() -> None:
    values = {**SLOT, "note": None}
    assert prevalidated(Slot, values).__dict__ is values
