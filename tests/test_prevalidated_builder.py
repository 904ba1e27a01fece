"""builder() makes the same model as the one whose dict it is given, or refuses the class."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from pydantic import BaseModel, Field

from advocacy_kit.calendar import Finding, Slot
from advocacy_kit.prevalidated import builder

START = dt.datetime(2026, 11, 30, 8, 30, tzinfo=ZoneInfo("Europe/Berlin"))


class _Aliased(BaseModel):
    name: str = Field(alias="title")


class _Hooked(BaseModel):
    name: str

    def model_post_init(self, context: object) -> None:
        """Something a plain dict would not do."""


@pytest.mark.parametrize(
    "model",
    [
        pytest.param(
            Slot(person_id="p", platform="x", start=START, timezone="Europe/Berlin"), id="slot"
        ),
        pytest.param(Finding(code="AK1", severity="hint", message="ä"), id="some-fields-set"),
        pytest.param(
            Finding.model_construct(set(), code="AK1"),  # type: ignore[call-arg]  # on purpose
            id="required-fields-left-out",
        ),
    ],
)
def test_same_model_as_the_one_the_dict_came_from(model: BaseModel) -> None:
    build = builder(type(model))
    got = build(dict(model.__dict__), set(model.model_fields_set))
    assert type(got) is type(model)
    assert got == model
    assert got.model_fields_set == model.model_fields_set
    assert list(got.__dict__.items()) == list(model.__dict__.items())
    assert (got.__pydantic_extra__, got.__pydantic_private__) == (None, None)


@pytest.mark.parametrize("cls", [_Aliased, _Hooked], ids=["alias", "post-init"])
def test_classes_that_need_more_are_refused(cls: type[BaseModel]) -> None:
    with pytest.raises(TypeError, match=cls.__name__):
        builder(cls)
