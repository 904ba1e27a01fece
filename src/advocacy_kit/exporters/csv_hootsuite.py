"""Hootsuite bulk upload CSV: ``date time, message`` rows, no header, one file per account.

Hootsuite's bulk composer takes at most 350 messages per file, each at least 10 minutes after the
upload and on a 5-minute step; the date is day/month/year with a 24-hour time (choose that format
when uploading). The link column is optional and left out: the link is already where the
template put it in the message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from ..calendar import Calendar
from ..hookspecs import hookimpl
from .base import Exporter, ExportFile
from .scheduler_csv import Clock, Rules, ScheduledRow, account_files

__all__ = ["HOOTSUITE", "HootsuiteExporter"]

HOOTSUITE = Rules(tool="Hootsuite", step_minutes=5, lead_minutes=10, gap_minutes=5, max_rows=350)


def _record(row: ScheduledRow) -> Sequence[str]:
    return [f"{row.when:%d/%m/%Y %H:%M}", row.message]


class HootsuiteExporter(Exporter):
    """``hootsuite/<person>-<platform>[-N].csv`` for Hootsuite's bulk composer.

    :param clock: returns "now" (aware); times are kept at least 10 minutes after it.
    """

    name = "csv-hootsuite"
    description = "Hootsuite bulk-upload CSV, one file per person and platform"
    suffix = ".csv"

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))

    def render(self, calendar: Calendar) -> list[ExportFile]:
        return account_files(calendar, HOOTSUITE, self.clock(), "hootsuite", None, _record)


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(HootsuiteExporter())
