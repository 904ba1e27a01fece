"""What the scheduler CSV exporters share: times a scheduler accepts, and files of limited size.

Schedulers reject rows in the past, too close to the upload, off their minute grid, or in files
that are too long. When the week's first draft is too close to now (or past), every row moves by
the same amount, rounded up to 5 minutes, so the order and spacing of colleagues' posts stay as
planned. Rows off the grid or too close to the previous one move to the next time that fits.
One warning says what moved, by how much and why. Threads become one row per part, and long
lists are split into several files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..calendar import Calendar, CalendarEntry
from ..i18n import counted, say
from .base import ExportFile, ExportWarning

__all__ = [
    "Rules",
    "ScheduledRow",
    "account_files",
    "csv_text",
    "duration_words",
    "schedule_rows",
    "week_shift",
]

Clock = Callable[[], dt.datetime]


@dataclass(frozen=True)
class Rules:
    """A scheduler's limits on times and file sizes."""

    tool: str
    step_minutes: int
    lead_minutes: int
    gap_minutes: int
    max_rows: int


@dataclass(frozen=True)
class ScheduledRow:
    """One message for a scheduler: a draft's part at the local time it will go out."""

    when: dt.datetime
    message: str
    entry: CalendarEntry
    part: int


def _round_up(moment: dt.datetime, step: int) -> dt.datetime:
    """The first time on the ``step``-minute grid at or after ``moment`` (wall clock)."""
    base = moment.replace(second=0, microsecond=0)
    if base < moment:
        base += dt.timedelta(minutes=1)
    extra = -base.minute % step
    return base + dt.timedelta(minutes=extra)


SHIFT_MINUTES = 5
"""A shift of the whole week is rounded up to this many minutes."""


def week_shift(entries: Iterable[CalendarEntry], rules: Rules, now: dt.datetime) -> dt.timedelta:
    """How far every row must move so the first one is ``lead_minutes`` after ``now`` (or 0).

    Rounded up to :data:`SHIFT_MINUTES` (and to the scheduler's step, when that is coarser and a
    multiple of it), so times on the grid stay on it.
    """
    starts = [entry.slot.start for entry in entries]
    if not starts:
        return dt.timedelta(0)
    needed = now + dt.timedelta(minutes=rules.lead_minutes) - min(starts)
    if needed <= dt.timedelta(0):
        return dt.timedelta(0)
    step = rules.step_minutes if rules.step_minutes % SHIFT_MINUTES == 0 else SHIFT_MINUTES
    unit = dt.timedelta(minutes=step)
    return -(-needed // unit) * unit  # ceiling division of timedeltas


def schedule_rows(
    entries: Sequence[CalendarEntry],
    rules: Rules,
    now: dt.datetime,
    shift: dt.timedelta = dt.timedelta(0),
) -> tuple[list[ScheduledRow], list[str]]:
    """Rows for one account's entries, and a note for every draft whose time had to move.

    Every planned time first moves by ``shift`` (the same for the whole week, see
    :func:`week_shift`). Then each part of a thread follows the previous row by at least
    ``gap_minutes``; no row is earlier than ``now`` plus ``lead_minutes``; every time sits on the
    ``step_minutes`` grid. The notes list only moves beyond the shift.
    """
    rows: list[ScheduledRow] = []
    moved: list[str] = []
    previous: dt.datetime | None = None
    for entry in sorted(entries, key=lambda e: (e.slot.start, e.slot.platform)):
        zone = ZoneInfo(entry.slot.timezone)
        # Shift in absolute time, so a daylight-saving change keeps the real spacing.
        planned = (entry.slot.start.astimezone(dt.UTC) + shift).astimezone(zone)
        earliest = (now + dt.timedelta(minutes=rules.lead_minutes)).astimezone(zone)
        for index, text in enumerate(entry.post.parts):
            wanted = planned if index == 0 else max(planned, rows[-1].when)
            candidates = [wanted, earliest]
            if previous is not None:
                candidates.append(previous + dt.timedelta(minutes=rules.gap_minutes))
            when = _round_up(max(candidates), rules.step_minutes)
            if index == 0 and when != planned:
                moved.append(f"{entry.slot.id} {planned:%Y-%m-%d %H:%M} → {when:%Y-%m-%d %H:%M}")
            rows.append(ScheduledRow(when=when, message=text, entry=entry, part=index + 1))
            previous = when
    return rows, moved


def csv_text(header: Sequence[str] | None, records: Iterable[Sequence[str]]) -> str:
    """RFC 4180 CSV (CRLF line ends, quotes where needed), with an optional header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if header is not None:
        writer.writerow(header)
    writer.writerows(records)
    return buffer.getvalue()


def account_files(
    calendar: Calendar,
    rules: Rules,
    now: dt.datetime,
    folder: str,
    header: Sequence[str] | None,
    record: Callable[[ScheduledRow], Sequence[str]],
) -> list[ExportFile]:
    """One CSV per person and platform under ``folder``, split at ``max_rows``; warn on moves."""
    accounts: dict[tuple[str, str], list[CalendarEntry]] = {}
    for entry in calendar.entries:
        accounts.setdefault((entry.slot.person_id, entry.slot.platform), []).append(entry)
    files: list[ExportFile] = []
    all_moved: list[str] = []
    shift = week_shift(calendar.entries, rules, now)
    for (person_id, platform), entries in sorted(accounts.items()):
        rows, moved = schedule_rows(entries, rules, now, shift)
        all_moved += moved
        chunks = [rows[i : i + rules.max_rows] for i in range(0, len(rows), rules.max_rows)]
        for number, chunk in enumerate(chunks, 1):
            suffix = f"-{number}" if len(chunks) > 1 else ""
            name = f"{folder}/{person_id}-{platform}{suffix}.csv"
            files.append(ExportFile(name, csv_text(header, (record(row) for row in chunk))))
    message = _moves_message(calendar, rules, shift, all_moved)
    if message:
        warnings.warn(ExportWarning(message), stacklevel=3)
    return files


def duration_words(span: dt.timedelta, language: str) -> str:
    """``1 day 2 hours 5 minutes`` / ``1 Tag 2 Stunden 5 Minuten`` (whole minutes)."""
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    pieces = [
        counted(f"duration.{unit}", amount, language)
        for unit, amount in (("days", days), ("hours", hours), ("minutes", minutes))
        if amount
    ]
    return " ".join(pieces) or counted("duration.minutes", 0, language)


def _moves_message(calendar: Calendar, rules: Rules, shift: dt.timedelta, moved: list[str]) -> str:
    """One warning about every time that moved: the week's shift, then single adjustments."""
    language = calendar.language
    sentences: list[str] = []
    if shift:
        first = min(calendar.entries, key=lambda e: e.slot.start).slot
        local = first.start.astimezone(ZoneInfo(first.timezone))
        sentences.append(
            say(
                "csv.shifted",
                language,
                tool=rules.tool,
                first=f"{first.id} {local:%Y-%m-%d %H:%M}",
                lead=rules.lead_minutes,
                by=duration_words(shift, language),
                step=rules.step_minutes,
            )
        )
    if moved:
        more = len(moved) - 5
        sentences.append(
            say(
                "csv.adjusted",
                language,
                tool=rules.tool,
                count=counted("n.draft", len(moved), language),
                step=rules.step_minutes,
                gap=rules.gap_minutes,
                shown="; ".join(moved[:5]),
                more=say("csv.more", language, count=more) if more > 0 else "",
            )
        )
    return "; ".join(sentences)
