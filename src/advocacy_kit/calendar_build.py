"""The week's :class:`~advocacy_kit.Calendar` built from values that are valid already.

At the end of a week's plan every part of the calendar is a validated model or a value the kit
holds already: validating them again (10,000 people summaries, then the calendar walking all of
its entries) cost a large week some 0.05 s on one core. Where every value is of exactly the type
its field declares — ``str``, a ``date``, a list of exactly that model, … — pydantic would keep
it as it is, so the model built with :func:`~advocacy_kit.prevalidated.prevalidated` equals the
validated one (fields, fields set, type). Anything else (a subclass, a missing value, a tuple
where a list belongs) goes through validation as before, with its errors.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .calendar import Calendar, CalendarEntry, PersonSummary, SkippedSlot
from .prevalidated import builder, prevalidated, shared_fields_set

if TYPE_CHECKING:
    from .models import Kit

__all__ = ["person_summaries", "week_calendar"]


def _all_of(kind: type, values: Any) -> bool:
    """Whether ``values`` is a list of instances of exactly ``kind`` (kept as they are): for
    ``str``, what ``list[str]`` keeps; for a model, what a list of that model keeps."""
    return type(values) is list and all(type(value) is kind for value in values)


_summary = builder(PersonSummary)
_EVERY_FIELD = shared_fields_set(PersonSummary, PersonSummary.model_fields)
"""The fields set of a summary given every field: the one ``prevalidated`` gives it too."""


def person_summaries(kit: Kit) -> list[PersonSummary]:
    """One :class:`PersonSummary` per person in the kit, in the kit's order."""
    summaries = []
    for person in kit.people:
        values = {
            "id": person.id,
            "name": person.name,
            "role": person.role,
            "timezone": kit.timezone_of(person),
            "language": person.language,
            "platforms": sorted(person.accounts),
            "active": person.active,
        }
        # Every field is a plain str, list[str] or bool without constraints: values of exactly
        # those types are what validation would keep.
        if (
            type(values["id"]) is str
            and type(values["name"]) is str
            and type(values["role"]) is str
            and type(values["timezone"]) is str
            and type(values["language"]) is str
            and type(values["active"]) is bool
            and _all_of(str, values["platforms"])
        ):
            # The dict names every field in the model's order: builder's model equals it.
            summaries.append(_summary(values, _EVERY_FIELD))
        else:
            summaries.append(PersonSummary(**values))
    return summaries


def week_calendar(
    *,
    week: str,
    starts: dt.date,
    ends: dt.date,
    organization: str,
    language: str,
    people: list[PersonSummary],
    entries: list[CalendarEntry],
    skipped: list[SkippedSlot],
    prompt_marker: tuple[str, str],
) -> Calendar:
    """``Calendar(week=…, …)`` with every field given; not validated again where it is valid.

    Pass new lists: the calendar keeps them as its own (pydantic would copy them; for a large
    week each copy touches every entry once more). pydantic keeps a model instance of exactly
    the field's class as it is (instances are not validated again), so the calendar built
    directly holds what the validated one holds.
    """
    values: dict[str, Any] = {
        "week": week,
        "starts": starts,
        "ends": ends,
        "organization": organization,
        "language": language,
        "people": people,
        "entries": entries,
        "skipped": skipped,
        "prompt_marker": prompt_marker,
    }
    marker = prompt_marker
    if (
        type(week) is str
        and type(starts) is dt.date
        and type(ends) is dt.date
        and type(organization) is str
        and type(language) is str
        and type(marker) is tuple
        and len(marker) == 2
        and type(marker[0]) is str
        and type(marker[1]) is str
        and _all_of(PersonSummary, values["people"])
        and _all_of(CalendarEntry, values["entries"])
        and _all_of(SkippedSlot, values["skipped"])
    ):
        return prevalidated(Calendar, values)
    return Calendar(**values)
