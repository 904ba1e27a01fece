"""Field types and validators the kit models share: ids, time zones, cadences, languages.

Each validator raises :func:`problem`, whose ``ctx`` carries a text key and values, so the
loader can tell the problem and its hint in the kit's language.
"""

from __future__ import annotations

import re
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from .cadence import CadenceSyntaxError, parse_cadence
from .i18n import say

__all__ = [
    "CadenceText",
    "Id",
    "LanguageCode",
    "TimeZoneName",
    "check_holiday_region",
    "problem",
]


def problem(kind: str, key: str, **values: object) -> PydanticCustomError:
    """A validation error whose hint survives into the user's message (see loading.py).

    The message and hint are English; ``ctx`` carries the text's ``key`` in
    :mod:`advocacy_kit.i18n` and its values, so the loader can say both in the kit's language.
    """
    text = {name: str(value) for name, value in values.items()}
    ctx = {"key": key, "values": text, "hint": say(f"{key}.hint", "en", **text)}
    return PydanticCustomError(kind, say(key, "en", **text), ctx)


def _check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise problem("timezone", "timezone", name=name) from None
    return name


def _check_cadence(text: str) -> str:
    try:
        parse_cadence(text)
    except CadenceSyntaxError as error:
        raise problem("cadence", error.key, **error.values) from None
    return text


def check_holiday_region(region: str | None) -> str | None:
    """The region, if the holidays package knows it; else a problem naming the valid ones."""
    if region is None:
        return None
    from .public_holidays import HolidayRegionError, check_region

    try:
        return check_region(region)
    except HolidayRegionError as error:
        raise problem("holiday_region", error.key, **error.values) from None


def _check_id(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", value):
        raise problem("id", "id", value=value)
    return value


Id = Annotated[str, AfterValidator(_check_id)]
TimeZoneName = Annotated[str, AfterValidator(_check_timezone)]
CadenceText = Annotated[
    str,
    AfterValidator(_check_cadence),
    Field(
        description="An RFC 5545 RRULE (`FREQ=WEEKLY;BYDAY=TU;BYHOUR=9`) or a friendly form "
        "(`tue, thu 09:00`, `weekdays 12:30`, `3 per week`)."
    ),
]
LanguageCode = Annotated[
    str, Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 code, such as de or en")
]
