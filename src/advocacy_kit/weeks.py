"""ISO weeks as people write them: ``2026-W49``, ``next``, ``this``, or any date in the week."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .errors import UsageError

__all__ = ["IsoWeek", "parse_week"]

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class IsoWeek:
    """One ISO 8601 week (Monday to Sunday)."""

    year: int
    week: int

    @property
    def monday(self) -> dt.date:
        """The first day of the week."""
        return dt.date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> dt.date:
        """The last day of the week."""
        return dt.date.fromisocalendar(self.year, self.week, 7)

    def days(self) -> list[dt.date]:
        """Monday to Sunday."""
        return [self.monday + dt.timedelta(days=offset) for offset in range(7)]

    def shifted(self, weeks: int) -> IsoWeek:
        """The week ``weeks`` weeks later (earlier when negative)."""
        return IsoWeek.containing(self.monday + dt.timedelta(weeks=weeks))

    @classmethod
    def containing(cls, day: dt.date) -> IsoWeek:
        """The ISO week a date falls in (31 December can belong to week 1 of the next year)."""
        year, week, _ = day.isocalendar()
        return cls(year, week)

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


def parse_week(
    text: str | IsoWeek, today: dt.date | None = None, *, language: str = "en"
) -> IsoWeek:
    """Read ``2026-W49``, ``this``, ``next`` or a date (``2026-12-01``) as an ISO week.

    :param language: the language of the error message for text that is no week (``de``/``en``).
    :raises UsageError: for text that names no week, or a week the year does not have.
    """
    if isinstance(text, IsoWeek):
        return text
    today = today or dt.date.today()
    value = text.strip().lower()
    if value in {"this", "current", "diese"}:
        return IsoWeek.containing(today)
    if value in {"next", "nächste", "naechste"}:
        return IsoWeek.containing(today).shifted(1)
    match = _WEEK.match(value)
    if match:
        year, week = int(match[1]), int(match[2])
        try:
            dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            last = dt.date(year, 12, 28).isocalendar()[1]  # 28 December is always in the last week
            raise UsageError(
                _message("week.no_such", language, text=text, year=year, week=week, last=last)
            ) from None
        return IsoWeek(year, week)
    try:
        return IsoWeek.containing(dt.date.fromisoformat(value))
    except ValueError:
        raise UsageError(_message("week.not_a_week", language, text=text)) from None


def _message(key: str, language: str, **values: object) -> str:
    from .i18n import say

    hint = say(f"{key}.hint", language, **values)
    return f"{say(key, language, **values)}\n  {say('label.hint', language)}: {hint}"
