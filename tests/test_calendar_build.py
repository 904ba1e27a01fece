"""The week's Calendar built from valid values equals the validated one, for every input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pydantic
import pytest

from advocacy_kit.calendar import Calendar, PersonSummary
from advocacy_kit.calendar_build import person_summaries, week_calendar
from advocacy_kit.loading import load_kit

from .conftest import sample_calendar


def _state(model: pydantic.BaseModel) -> tuple[Any, ...]:
    """Everything that makes two models equal, and the types of their values."""
    return (
        type(model),
        [(name, type(value), value) for name, value in model.__dict__.items()],
        model.model_fields_set,
        model.__pydantic_extra__,
        model.__pydantic_private__,
    )


class _Text(str):
    """A str subclass: validation turns it into a plain str."""


def _careful_summaries(kit: Any) -> list[PersonSummary]:
    return [
        PersonSummary(
            id=person.id,
            name=person.name,
            role=person.role,
            timezone=kit.timezone_of(person),
            language=person.language,
            platforms=sorted(person.accounts),
            active=person.active,
        )
        for person in kit.people
    ]


def test_person_summaries_equal_validated_ones(write_kit: Any) -> None:
    kit = load_kit(write_kit())
    fast, careful = person_summaries(kit), _careful_summaries(kit)
    assert [_state(summary) for summary in fast] == [_state(summary) for summary in careful]
    assert len(fast) == len(kit.people) > 0


def _person(**changes: Any) -> SimpleNamespace:
    values: dict[str, Any] = {
        "id": "lena",
        "name": "Lena",
        "role": "",
        "timezone": None,
        "language": "de",
        "accounts": {"x": None, "linkedin": None},
        "active": True,
    }
    return SimpleNamespace(**{**values, **changes})


class _Kit:
    """A stand-in kit: only what a summary reads (values a plugin or a test may build oddly)."""

    def __init__(self, *people: SimpleNamespace) -> None:
        self.people = list(people)

    def timezone_of(self, person: SimpleNamespace) -> Any:
        return person.timezone or "Europe/Berlin"


@pytest.mark.parametrize(
    "person",
    [
        pytest.param(_person(), id="plain"),
        pytest.param(_person(name=_Text("Lena")), id="str-subclass"),
        pytest.param(_person(role=_Text("")), id="str-subclass-role"),
        pytest.param(_person(timezone=_Text("Europe/Paris")), id="zone-subclass"),
        pytest.param(_person(active=1), id="int-for-bool"),
        pytest.param(_person(accounts={}), id="no-platforms"),
        pytest.param(_person(accounts={_Text("x"): None}), id="platform-subclass"),
    ],
)
def test_odd_person_values_are_validated_as_before(person: SimpleNamespace) -> None:
    kit: Any = _Kit(person)
    (fast,) = person_summaries(kit)
    (careful,) = _careful_summaries(kit)
    assert _state(fast) == _state(careful)


def test_invalid_person_values_raise_as_before() -> None:
    kit: Any = _Kit(_person(name=None))
    with pytest.raises(pydantic.ValidationError) as careful:
        _careful_summaries(kit)
    with pytest.raises(pydantic.ValidationError) as fast:
        person_summaries(kit)
    assert fast.value.errors() == careful.value.errors()


def _fields(calendar: Calendar) -> dict[str, Any]:
    return {name: getattr(calendar, name) for name in Calendar.model_fields}


_SAMPLE = _fields(sample_calendar())


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({}, id="sample"),
        pytest.param({"entries": [], "skipped": [], "people": []}, id="empty-week"),
        pytest.param({"entries": _SAMPLE["entries"][:1]}, id="one-entry"),
        pytest.param({"entries": tuple(_SAMPLE["entries"])}, id="entries-tuple"),
        pytest.param({"prompt_marker": ["<<", ">>"]}, id="marker-list"),
        pytest.param({"prompt_marker": (_Text("<<"), ">>")}, id="marker-subclass"),
        pytest.param({"week": _Text("2026-W49")}, id="week-subclass"),
        pytest.param({"starts": dt.datetime(2026, 11, 30)}, id="midnight-datetime-start"),
        pytest.param({"people": [p.model_dump() for p in _SAMPLE["people"]]}, id="people-as-dicts"),
        pytest.param(
            {"entries": [e.model_dump() for e in _SAMPLE["entries"]]}, id="entries-as-dicts"
        ),
        pytest.param({"skipped": iter(_SAMPLE["skipped"])}, id="skipped-iterator"),
        pytest.param({"skipped": tuple(_SAMPLE["skipped"])}, id="skipped-tuple"),
    ],
)
def test_week_calendar_equals_the_validated_calendar(changes: dict[str, Any]) -> None:
    values = {**_SAMPLE, **changes}
    skipped = list(values["skipped"])  # an iterator is read once: each call gets the same items
    given = iter(skipped) if isinstance(values["skipped"], Iterator) else values["skipped"]
    careful = Calendar(**{**values, "skipped": skipped})
    fast = week_calendar(**{**values, "skipped": given})
    assert _state(fast) == _state(careful)
    assert [_state(entry) for entry in fast.entries] == [_state(e) for e in careful.entries]


def test_week_calendar_keeps_the_lists_it_is_given() -> None:
    entries = list(_SAMPLE["entries"])
    assert week_calendar(**{**_SAMPLE, "entries": entries}).entries is entries


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"starts": "someday"}, id="bad-date"),
        pytest.param({"prompt_marker": ("[[",)}, id="short-marker"),
        pytest.param({"entries": [object()]}, id="not-an-entry"),
    ],
)
def test_invalid_calendar_values_raise_as_before(changes: dict[str, Any]) -> None:
    values = {**_SAMPLE, **changes}
    with pytest.raises(pydantic.ValidationError) as careful:
        Calendar(**values)
    with pytest.raises(pydantic.ValidationError) as fast:
        week_calendar(**values)
    assert fast.value.errors() == careful.value.errors()


def test_planned_week_equals_its_validated_copy(write_kit: Any, tmp_path: Path) -> None:
    from advocacy_kit.pipeline import plan_week

    calendar = plan_week(load_kit(write_kit()), "2026-W49")
    again = Calendar(**_fields(calendar))
    assert _state(calendar) == _state(again)
    assert [_state(person) for person in calendar.people] == [
        _state(person) for person in again.people
    ]
