"""Sprout Social bulk scheduling CSV: header ``date,time_24hr,message_text``, one file per account.

Sprout takes at most 350 messages per import, at least 10 minutes after the upload and 10
minutes apart; dates are day/month/year (choose that format when importing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from ..calendar import Calendar
from ..hookspecs import hookimpl
from .base import Exporter, ExportFile
from .scheduler_csv import Clock, Rules, ScheduledRow, account_files

__all__ = ["SPROUT", "SPROUT_HEADER", "SproutExporter"]

SPROUT = Rules(tool="Sprout Social", step_minutes=1, lead_minutes=10, gap_minutes=10, max_rows=350)
SPROUT_HEADER = ("date", "time_24hr", "message_text")


def _record(row: ScheduledRow) -> Sequence[str]:
    return [f"{row.when:%d/%m/%Y}", f"{row.when:%H:%M}", row.message]


class SproutExporter(Exporter):
    """``sprout/<person>-<platform>[-N].csv`` for Sprout Social's bulk scheduling.

    :param clock: returns "now" (aware); times are kept at least 10 minutes after it.
    """

    name = "csv-sprout"
    description = "Sprout Social bulk-scheduling CSV, one file per person and platform"
    suffix = ".csv"

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))

    def render(self, calendar: Calendar) -> list[ExportFile]:
        return account_files(calendar, SPROUT, self.clock(), "sprout", SPROUT_HEADER, _record)


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(SproutExporter())
