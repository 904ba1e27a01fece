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
import functools
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from .i18n import say

__all__ = [
    "Cadence",
    "CadenceSyntaxError",
    "describe_cadence",
    "parse_cadence",
    "pick_days",
    "pick_time",
    "week_occurrences",
]

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
_DAY_WORDS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
}
_RRULE_DAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
# Posting times that tend to reach colleagues in the field, in order of preference.
_GOOD_TIMES = tuple(
    dt.time(*hm) for hm in ((9, 0), (12, 30), (8, 30), (10, 0), (11, 0), (14, 0), (16, 0))
)
_ANCHOR = dt.date(2024, 1, 1)  # a Monday; fixed start for RRULEs with INTERVAL or COUNT
_MAX_PER_WEEK = 50
_PER_WEEK = re.compile(r"^(\d+)\s*(?:x\s*)?(?:per|a|/|pro|mal pro|mal die)\s*(?:week|woche)$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


class CadenceSyntaxError(ValueError):
    """A cadence that cannot be read; ``hint`` says how to write it.

    ``key`` and ``values`` name the text in :mod:`advocacy_kit.i18n`, so the message and hint
    can be shown in the kit's language (:meth:`message` and :meth:`hint_in`); ``str()`` and
    ``hint`` are English.
    """

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.message("en"))
        self.hint = self.hint_in("en")

    def message(self, language: str) -> str:
        """What is wrong, in ``language``."""
        return say(self.key, language, **self.values)

    def hint_in(self, language: str) -> str:
        """How to write it instead, in ``language``."""
        return say(f"{self.key}.hint", language, **self.values)


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
        raise CadenceSyntaxError("cadence.not_a_time", token=token)
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise CadenceSyntaxError("cadence.time_range", token=token)
    return dt.time(hour, minute)


def _rrule_parts(body: str) -> dict[str, str]:
    return {
        key: value
        for key, _, value in (part.partition("=") for part in body.upper().split(";") if part)
    }


_CADENCE_FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _impossible_month_days(parts: dict[str, str]) -> bool:
    """BYMONTH and BYMONTHDAY that never meet, such as 30 February."""
    if "BYMONTH" not in parts or "BYMONTHDAY" not in parts:
        return False
    try:
        months = [int(m) for m in parts["BYMONTH"].split(",")]
        days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
    except ValueError:
        return False  # dateutil reports the syntax
    return all(
        not 1 <= month <= 12
        or (
            all(day > _MONTH_DAYS[month - 1] for day in days if day > 0)
            and not any(day < 0 for day in days)
        )
        for month in months
    )


def _check_rrule(text: str) -> str:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    if "\n" in body or "DTSTART" in body.upper():
        raise CadenceSyntaxError("cadence.dtstart")
    parts = _rrule_parts(body)
    if "BYHOUR" not in parts:
        raise CadenceSyntaxError("cadence.no_byhour")
    until = parts.get("UNTIL", "")
    if until and not until.endswith("Z"):
        raise CadenceSyntaxError("cadence.until_utc", until=until)
    if parts.get("FREQ") not in _CADENCE_FREQS:
        raise CadenceSyntaxError("cadence.freq", freq=parts.get("FREQ", ""))
    exotic = sorted(set(parts) & {"BYYEARDAY", "BYWEEKNO", "BYEASTER"})
    if exotic:
        raise CadenceSyntaxError("cadence.unsupported", parts=", ".join(exotic))
    if _impossible_month_days(parts):
        raise CadenceSyntaxError("cadence.never", rule=body)
    for name in ("INTERVAL", "COUNT"):
        value = parts.get(name)
        if value is not None and not (value.isdigit() and int(value) >= 1):
            # INTERVAL=0 would make the expansion spin forever.
            raise CadenceSyntaxError("cadence.positive", name=name, value=value)
    probe = dt.datetime(2026, 1, 5, tzinfo=ZoneInfo("UTC"))
    try:
        rule = rrulestr(body, dtstart=probe)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise CadenceSyntaxError("cadence.invalid_rrule", error=error) from None
    # A rule that never fires would be expanded until the year 9999 (dateutil checks UNTIL only
    # against dates it finds). The checks above rule out the usual causes; this catches the rest.
    horizon = probe + dt.timedelta(days=2 * 366)
    if rule.replace(count=None, until=horizon).after(probe, inc=True) is None:
        raise CadenceSyntaxError("cadence.never", rule=body)
    return body


def parse_cadence(text: str) -> Cadence:
    """Read a cadence in any accepted form; raise :class:`CadenceSyntaxError` with a hint."""
    return _parse_cadence(text)


# A large kit repeats a few cadences thousands of times, each read when the kit is loaded and
# again when its week is planned; a Cadence is frozen, so one reading serves them all.
@functools.lru_cache(maxsize=4096)
def _parse_cadence(text: str) -> Cadence:
    stripped = text.strip()
    lowered = stripped.lower()
    if not lowered:
        raise CadenceSyntaxError("cadence.empty")
    if "freq=" in lowered:
        return Cadence(text=stripped, rrule=_check_rrule(stripped))
    per_week = _PER_WEEK.match(lowered)
    if per_week:
        count = int(per_week[1])
        if not 1 <= count <= 7:
            raise CadenceSyntaxError("cadence.per_week", count=count)
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
            raise CadenceSyntaxError("cadence.unknown_weekday", token=token)
    if not days:
        raise CadenceSyntaxError("cadence.no_day", text=stripped)
    if not times:
        raise CadenceSyntaxError("cadence.no_time", text=stripped)
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


def _spread(days: list[int], count: int) -> list[int]:
    """``count`` of ``days`` spread evenly: 3 of Mon–Fri → Mon, Wed, Fri; 2 → Tue, Thu."""
    if count >= len(days):
        return days
    return [days[round((index + 0.5) * len(days) / count - 0.5)] for index in range(count)]


def pick_time(sharing_hours: tuple[dt.time, dt.time]) -> dt.time:
    """A good posting time inside the sharing hours: mid-morning first, then lunch, then afternoon."""
    first, last = sharing_hours
    for moment in _GOOD_TIMES:
        if first <= moment <= last:
            return moment
    low, high = first.hour * 60 + first.minute, last.hour * 60 + last.minute
    middle = (low + high) // 2
    rounded = middle - middle % 15  # a quarter hour reads better, if it still fits
    minutes = rounded if rounded >= low else middle
    return dt.time(minutes // 60, minutes % 60)


def pick_days(count: int, blocked: frozenset[int] = frozenset()) -> list[int]:
    """Weekdays (0 = Monday) for ``count`` posts: spread out, workdays first, blocked days last."""
    workdays = [day for day in range(5) if day not in blocked]
    chosen = _spread(workdays, count)
    spare = [day for day in (5, 6, *sorted(blocked)) if day not in chosen]
    return sorted(chosen + spare[: count - len(chosen)])


def _rrule_anchor(rule: str, monday: dt.date) -> dt.date:
    # INTERVAL and COUNT count from DTSTART, so they need one fixed start; any other rule is
    # expanded from the week's own Monday, which keeps the expansion short.
    parts = _rrule_parts(rule)
    if parts.get("INTERVAL", "1") not in {"", "1"} or "COUNT" in parts:
        return _ANCHOR
    return monday


def week_occurrences(
    cadence: Cadence,
    monday: dt.date,
    zone: ZoneInfo,
    sharing_hours: tuple[dt.time, dt.time] = (dt.time(8), dt.time(18)),
    blocked_days: frozenset[int] = frozenset(),
) -> list[tuple[dt.datetime, str | None]]:
    """The cadence's slots in the ISO week starting ``monday``, as aware local datetimes.

    Each comes with a note when its wall time had to move (a spring-forward gap). A
    ``per week`` cadence picks spread-out workdays (avoiding ``blocked_days``, such as public
    holidays, while others are free) at a good time inside the sharing hours.
    """
    return list(_week_occurrences(cadence, monday, zone, sharing_hours, blocked_days))


# Colleagues in one zone often share a cadence and sharing hours: the week is expanded once.
@functools.lru_cache(maxsize=4096)
def _week_occurrences(
    cadence: Cadence,
    monday: dt.date,
    zone: ZoneInfo,
    sharing_hours: tuple[dt.time, dt.time],
    blocked_days: frozenset[int],
) -> tuple[tuple[dt.datetime, str | None], ...]:
    week_start = dt.datetime.combine(monday, dt.time())
    week_end = week_start + dt.timedelta(days=7)
    naive: list[dt.datetime] = []
    if cadence.rrule is not None:
        # DTSTART at local midnight: BYHOUR without BYMINUTE/BYSECOND inherits both from DTSTART,
        # so BYHOUR=9 means 09:00:00. An aware DTSTART keeps UTC UNTIL comparisons exact, and
        # dateutil builds each occurrence on the wall clock (date + time + tzinfo), so local
        # times survive daylight-saving changes.
        anchor = dt.datetime.combine(_rrule_anchor(cadence.rrule, monday), dt.time())
        rule = rrulestr(cadence.rrule, dtstart=anchor.replace(tzinfo=zone))
        start, end = week_start.replace(tzinfo=zone), week_end.replace(tzinfo=zone)
        if not {"COUNT", "UNTIL"} & set(_rrule_parts(cadence.rrule)):
            rule = rule.replace(until=end)  # stop the expansion at the week's end
        naive = [moment.replace(tzinfo=None) for moment in rule.between(start, end, inc=True)]
        naive = naive[:_MAX_PER_WEEK]
    elif cadence.per_week is not None:
        at = pick_time(sharing_hours)
        naive = [
            dt.datetime.combine(monday + dt.timedelta(days=day), at)
            for day in pick_days(cadence.per_week, blocked_days)
        ]
    else:
        naive = [
            dt.datetime.combine(monday + dt.timedelta(days=day), moment)
            for day in cadence.weekdays
            for moment in cadence.times
        ]
    return tuple(
        _localise(moment, zone) for moment in sorted(naive) if week_start <= moment < week_end
    )


def _join(words: list[str], language: str) -> str:
    conjunction = " und " if language == "de" else " and "
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + conjunction + words[-1]


def _rrule_in_words(rule: str) -> tuple[tuple[int, ...], tuple[dt.time, ...]] | None:
    """Days and times of a plain weekly or daily RRULE; None when words would lose meaning."""
    parts = _rrule_parts(rule)
    if set(parts) - {"FREQ", "BYDAY", "BYHOUR", "BYMINUTE", "BYSECOND", "WKST", "INTERVAL"}:
        return None
    if parts.get("INTERVAL", "1") != "1" or parts.get("BYSECOND", "0") not in {"0", "00"}:
        return None
    try:
        hours = [int(h) for h in parts["BYHOUR"].split(",")]
        minutes = [int(m) for m in parts.get("BYMINUTE", "0").split(",")]
        days = [_RRULE_DAYS[d] for d in parts.get("BYDAY", "").split(",") if d]
    except (KeyError, ValueError):
        return None  # BYDAY=1MO and other positional forms stay in RRULE notation
    if parts["FREQ"] == "DAILY" and not days:
        days = list(range(7))
    if parts["FREQ"] not in {"WEEKLY", "DAILY"} or not days:
        return None
    times = tuple(sorted({dt.time(h, m) for h in hours for m in minutes}))
    return tuple(sorted(set(days))), times


def _days_in_words(days: tuple[int, ...], lang: str) -> str:
    if days == (0, 1, 2, 3, 4):
        return "Montag bis Freitag" if lang == "de" else "Monday to Friday"
    if days == tuple(range(7)):
        return "täglich" if lang == "de" else "every day"
    return _join([_DAY_WORDS[lang][d] for d in days], lang)


def describe_cadence(cadence: Cadence, language: str = "en") -> str:
    """The cadence in words: "Tuesday and Thursday at 09:00" / "Dienstag und Donnerstag um 09:00".

    RRULEs that say no more than days and times read the same way; others (every other week,
    the first Monday of a month …) are shown as the rule itself.
    """
    lang = "de" if language == "de" else "en"
    if cadence.per_week is not None:
        return (
            f"{cadence.per_week}× pro Woche, Tage und Uhrzeiten im eigenen Zeitfenster gewählt"
            if lang == "de"
            else f"{cadence.per_week} per week, days and times picked inside the sharing hours"
        )
    days, times = cadence.weekdays, cadence.times
    if cadence.rrule is not None:
        words = _rrule_in_words(cadence.rrule)
        if words is None:
            return f"RRULE {cadence.rrule}"
        days, times = words
    at = " um " if lang == "de" else " at "
    return _days_in_words(days, lang) + at + _join([f"{t:%H:%M}" for t in times], lang)
