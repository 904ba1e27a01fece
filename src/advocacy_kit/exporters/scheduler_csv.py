"""What the scheduler CSV exporters share: times a scheduler accepts, and files of limited size.

Schedulers reject rows in the past, too close to the upload, off their minute grid, or in files
that are too long. Rows are moved to the next time that fits (with one warning that lists them),
threads become one row per part, and long lists are split into several files.
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
from .base import ExportFile, ExportWarning

__all__ = ["Rules", "ScheduledRow", "account_files", "csv_text", "schedule_rows"]

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


def schedule_rows(
    entries: Sequence[CalendarEntry], rules: Rules, now: dt.datetime
) -> tuple[list[ScheduledRow], list[str]]:
    """Rows for one account's entries, and a note for every draft whose time had to move.

    Each part of a thread follows the previous row by at least ``gap_minutes``; no row is earlier
    than ``now`` plus ``lead_minutes``; every time sits on the ``step_minutes`` grid.
    """
    rows: list[ScheduledRow] = []
    moved: list[str] = []
    previous: dt.datetime | None = None
    for entry in sorted(entries, key=lambda e: (e.slot.start, e.slot.platform)):
        zone = ZoneInfo(entry.slot.timezone)
        planned = entry.slot.start.astimezone(zone)
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
    for (person_id, platform), entries in sorted(accounts.items()):
        rows, moved = schedule_rows(entries, rules, now)
        all_moved += moved
        chunks = [rows[i : i + rules.max_rows] for i in range(0, len(rows), rules.max_rows)]
        for number, chunk in enumerate(chunks, 1):
            suffix = f"-{number}" if len(chunks) > 1 else ""
            name = f"{folder}/{person_id}-{platform}{suffix}.csv"
            files.append(ExportFile(name, csv_text(header, (record(row) for row in chunk))))
    if all_moved:
        shown = "; ".join(all_moved[:5])
        more = f" and {len(all_moved) - 5} more" if len(all_moved) > 5 else ""
        warnings.warn(
            ExportWarning(
                f"{rules.tool}: moved {len(all_moved)} drafts to times it accepts (at least "
                f"{rules.lead_minutes} minutes from now, on {rules.step_minutes}-minute steps): "
                f"{shown}{more}"
            ),
            stacklevel=3,
        )
    return files
