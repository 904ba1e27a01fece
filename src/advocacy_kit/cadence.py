"""How often a person posts on a platform: RRULEs and friendly forms, turned into local slots.

A cadence is written either as an RFC 5545 RRULE (``FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=9``) or in a
friendly form — ``tue, thu 09:00``, ``weekdays 12:30``, ``3 per week`` (German works too:
``di, do 09:00``, ``werktags 12:30``, ``3 pro Woche``). All forms parse into one :class:`Cadence`.

Slots are wall-clock times in the person's zone: 09:00 stays 09:00 on both sides of a
daylight-saving change. This module only knows strings, dates and zones, so the models can use it
to validate kit files without a cycle.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

__all__ = ["Cadence", "CadenceSyntaxError", "describe_cadence", "parse_cadence", "week_occurrences"]

_DAY_NAMES = {
    # English
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
    # German
    "mo": 0, "montag": 0, "di": 1, "dienstag": 1, "mi": 2, "mittwoch": 2, "do": 3,
    "donnerstag": 3, "fr": 4, "freitag": 4, "sa": 5, "samstag": 5, "so": 6, "sonntag": 6,
}  # fmt: skip
_DAY_GROUPS = {
    "weekdays": (0, 1, 2, 3, 4),
    "werktags": (0, 1, 2, 3, 4),
    "daily": (0, 1, 2, 3, 4, 5, 6),
    "täglich": (0, 1, 2, 3, 4, 5, 6),
}
# Days a "N per week" cadence uses: spread out, weekdays first, never two days in a row if avoidable.
_SPREAD_DAYS = {
    1: (1,),
    2: (1, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}
_DAY_WORDS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
}
_PER_WEEK = re.compile(r"^(\d+)\s*(?:x\s*)?(?:per|a|/|pro|mal pro|mal die)\s*(?:week|woche)$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


class CadenceSyntaxError(ValueError):
    """A cadence that cannot be read; ``hint`` says how to write it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class Cadence:
    """One parsed cadence. Exactly one of ``rrule``, ``weekdays``/``times`` or ``per_week`` is used."""

    text: str
    rrule: str | None = None
    weekdays: tuple[int, ...] = ()
    times: tuple[dt.time, ...] = ()
    per_week: int | None = None
    notes: tuple[str, ...] = field(default=())


def _parse_time(token: str) -> dt.time:
    match = _TIME.match(token)
    if not match:
        raise CadenceSyntaxError(
            f"{token!r} is not a time of day", "write times as HH:MM, e.g. 09:00 or 17:30"
        )
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise CadenceSyntaxError(
            f"{token} is not a time of day", "use HH:MM between 00:00 and 23:59"
        )
    return dt.time(hour, minute)


def _check_rrule(text: str) -> str:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    parts = dict(part.partition("=")[::2] for part in body.upper().split(";"))
    if "BYHOUR" not in parts:
        raise CadenceSyntaxError(
            "the RRULE has no BYHOUR, so its slots would have no time of day",
            "add BYHOUR and BYMINUTE, e.g. FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0",
        )
    until = parts.get("UNTIL", "")
    if until and "T" in until and not until.endswith("Z"):
        raise CadenceSyntaxError(
            f"UNTIL={until} is not in UTC",
            "slots live in a time zone, so RFC 5545 wants UNTIL in UTC: add a Z, e.g. 20271231T235959Z",
        )
    probe = dt.datetime(2026, 1, 5, tzinfo=ZoneInfo("UTC"))
    try:
        rrulestr(body, dtstart=probe)
    except (ValueError, TypeError, KeyError) as error:
        raise CadenceSyntaxError(
            f"invalid RRULE: {error}",
            "write an RFC 5545 rule such as FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=9;BYMINUTE=0",
        ) from None
    return body


def parse_cadence(text: str) -> Cadence:
    """Read a cadence in any accepted form; raise :class:`CadenceSyntaxError` with a hint."""
    stripped = text.strip()
    lowered = stripped.lower()
    if not lowered:
        raise CadenceSyntaxError("the cadence is empty", "write e.g. `tue, thu 09:00`")
    if "freq=" in lowered:
        return Cadence(text=stripped, rrule=_check_rrule(stripped))
    per_week = _PER_WEEK.match(lowered)
    if per_week:
        count = int(per_week[1])
        if not 1 <= count <= 7:
            raise CadenceSyntaxError(
                f"{count} per week is not possible", "use a number from 1 to 7"
            )
        return Cadence(text=stripped, per_week=count)
    days: list[int] = []
    times: list[dt.time] = []
    for token in re.split(r"[\s,;]+|\b(?:and|und)\b", lowered):
        if not token:
            continue
        if token in _DAY_GROUPS:
            days.extend(_DAY_GROUPS[token])
        elif token in _DAY_NAMES:
            days.append(_DAY_NAMES[token])
        elif token[0].isdigit():
            times.append(_parse_time(token))
        else:
            raise CadenceSyntaxError(
                f"unknown weekday {token!r}",
                "use mon … sun (or mo … so), weekdays/werktags, daily/täglich, "
                "or `3 per week`; an RRULE works too",
            )
    if not days:
        raise CadenceSyntaxError(
            f"{stripped!r} names no day", "name days and a time, e.g. `tue, thu 09:00`"
        )
    if not times:
        raise CadenceSyntaxError(
            f"{stripped!r} names no time of day", "add a time, e.g. `tue, thu 09:00`"
        )
    return Cadence(
        text=stripped, weekdays=tuple(sorted(set(days))), times=tuple(sorted(set(times)))
    )


def _localise(naive: dt.datetime, zone: ZoneInfo) -> tuple[dt.datetime, str | None]:
    """Attach the zone; a wall time skipped by a spring-forward change moves past the gap."""
    aware = naive.replace(tzinfo=zone)
    real = aware.astimezone(dt.UTC).astimezone(zone)
    if real.replace(tzinfo=None) != naive:
        return (
            real,
            f"{naive:%H:%M} does not exist on {naive:%Y-%m-%d} in {zone.key}; moved to {real:%H:%M}",
        )
    return aware, None


def week_occurrences(
    cadence: Cadence,
    monday: dt.date,
    zone: ZoneInfo,
    sharing_hours: tuple[dt.time, dt.time] = (dt.time(8), dt.time(18)),
) -> list[tuple[dt.datetime, str | None]]:
    """The cadence's slots in the ISO week starting ``monday``, as aware local datetimes.

    Each comes with a note when its wall time had to move (a spring-forward gap). A
    ``per week`` cadence places its slots on spread-out weekdays, one hour into the sharing hours.
    """
    week_start = dt.datetime.combine(monday, dt.time())
    week_end = week_start + dt.timedelta(days=7)
    naive: list[dt.datetime] = []
    if cadence.rrule is not None:
        start = week_start.replace(tzinfo=zone)
        # Aware DTSTART keeps UNTIL comparisons exact; dateutil builds each occurrence on the
        # wall clock (date + time + tzinfo), so local times survive DST changes.
        rule = rrulestr(cadence.rrule, dtstart=start)
        end = week_end.replace(tzinfo=zone)
        naive = [moment.replace(tzinfo=None) for moment in rule.between(start, end, inc=True)][:50]
    elif cadence.per_week is not None:
        first, last = sharing_hours
        hour = min(first.hour + 1, last.hour)
        at = dt.time(hour, first.minute)
        naive = [
            dt.datetime.combine(monday + dt.timedelta(days=day), at)
            for day in _SPREAD_DAYS[cadence.per_week]
        ]
    else:
        naive = [
            dt.datetime.combine(monday + dt.timedelta(days=day), moment)
            for day in cadence.weekdays
            for moment in cadence.times
        ]
    return [_localise(moment, zone) for moment in sorted(naive) if week_start <= moment < week_end]


def _join(words: list[str], language: str) -> str:
    conjunction = " und " if language == "de" else " and "
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + conjunction + words[-1]


def describe_cadence(cadence: Cadence, language: str = "en") -> str:
    """The cadence in words: "Tuesday and Thursday at 09:00" / "Dienstag und Donnerstag um 09:00"."""
    lang = "de" if language == "de" else "en"
    if cadence.per_week is not None:
        return (
            f"{cadence.per_week}× pro Woche, Tage und Zeiten nach Wahl"
            if lang == "de"
            else f"{cadence.per_week} per week, days and times picked for you"
        )
    if cadence.rrule is not None:
        return f"RRULE {cadence.rrule}"
    if cadence.weekdays == (0, 1, 2, 3, 4):
        days = "werktags" if lang == "de" else "weekdays"
    else:
        days = _join([_DAY_WORDS[lang][d] for d in cadence.weekdays], lang)
    at = " um " if lang == "de" else " at "
    return days + at + _join([f"{t:%H:%M}" for t in cadence.times], lang)
