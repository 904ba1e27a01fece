"""Scheduler CSVs: Hootsuite (no header, ≤350 rows, 5-minute steps) and Sprout Social."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

from advocacy_kit import Calendar, CalendarEntry
from advocacy_kit.exporters.base import ExportWarning
from advocacy_kit.exporters.csv_hootsuite import HootsuiteExporter
from advocacy_kit.exporters.csv_sprout import SproutExporter

NOW = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def _rows(content: str | bytes) -> list[list[str]]:
    text = content.decode("utf-8") if isinstance(content, bytes) else content
    return list(csv.reader(io.StringIO(text, newline="")))


def _big_calendar(entry_maker: Callable[..., CalendarEntry], count: int) -> Calendar:
    sample_start = dt.datetime(2026, 12, 1, 8, 0, tzinfo=BERLIN)
    entries = [
        entry_maker("ada", "linkedin", sample_start + dt.timedelta(minutes=15 * n), [f"Post {n}"])
        for n in range(count)
    ]
    return Calendar(
        week="2026-W49",
        starts=dt.date(2026, 11, 30),
        ends=dt.date(2026, 12, 6),
        organization="Acme",
        language="en",
        people=[],
        entries=entries,
    )


def test_hootsuite_splits_400_drafts_into_two_files(
    entry_maker: Callable[..., CalendarEntry],
) -> None:
    files = HootsuiteExporter(clock=lambda: NOW).render(_big_calendar(entry_maker, 400))
    assert [f.name for f in files] == [
        "hootsuite/ada-linkedin-1.csv",
        "hootsuite/ada-linkedin-2.csv",
    ]
    counts = [len(_rows(f.content)) for f in files]
    assert counts == [350, 50]
    messages = [row[1] for f in files for row in _rows(f.content)]
    assert messages == [f"Post {n}" for n in range(400)]


def test_hootsuite_rows_have_no_header_and_day_first_dates(
    sample_calendar_of: Callable[[str], Calendar],
) -> None:
    with pytest.warns(ExportWarning, match=r"moved 1 drafts.*11:02 → 2026-12-02 11:05"):
        files = HootsuiteExporter(clock=lambda: NOW).render(sample_calendar_of("en"))
    by_name = {f.name: _rows(f.content) for f in files}
    assert sorted(by_name) == [
        "hootsuite/lena-linkedin.csv",
        "hootsuite/lena-mastodon.csv",
        "hootsuite/sam-mastodon.csv",
    ]
    [row] = by_name["hootsuite/lena-linkedin.csv"]
    assert row[0] == "01/12/2026 08:30"
    assert row[1].startswith("Flaky Tests sind Bugs.\n")
    # A thread becomes one row per part, each on its own 5-minute step, in order.
    assert by_name["hootsuite/sam-mastodon.csv"] == [
        ["02/12/2026 11:05", '1/2 A thread about <flaky> tests, "quoted", with commas, too.'],
        ["02/12/2026 11:10", "2/2 The end."],
    ]


def test_hootsuite_moves_rows_too_close_to_now(entry_maker: Callable[..., CalendarEntry]) -> None:
    start = dt.datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN)
    now = start.astimezone(dt.UTC) - dt.timedelta(minutes=3)  # 3 minutes before the slot
    calendar = _big_calendar(entry_maker, 0).model_copy(
        update={"entries": [entry_maker("ada", "linkedin", start, ["Soon"])]}
    )
    with pytest.warns(ExportWarning, match="at least 10 minutes from now"):
        [file] = HootsuiteExporter(clock=lambda: now).render(calendar)
    assert _rows(file.content) == [["01/12/2026 09:10", "Soon"]]


def test_no_warning_when_every_time_fits(entry_maker: Callable[..., CalendarEntry]) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        files = HootsuiteExporter(clock=lambda: NOW).render(_big_calendar(entry_maker, 3))
    assert len(_rows(files[0].content)) == 3


def test_sprout_has_its_header_and_ten_minute_gaps(
    sample_calendar_of: Callable[[str], Calendar],
) -> None:
    files = SproutExporter(clock=lambda: NOW).render(sample_calendar_of("en"))
    by_name = {f.name: _rows(f.content) for f in files}
    for rows in by_name.values():
        assert rows[0] == ["date", "time_24hr", "message_text"]
    assert by_name["sprout/sam-mastodon.csv"][1:] == [
        ["02/12/2026", "11:02", '1/2 A thread about <flaky> tests, "quoted", with commas, too.'],
        ["02/12/2026", "11:12", "2/2 The end."],
    ]


def test_sprout_splits_at_350_rows(entry_maker: Callable[..., CalendarEntry]) -> None:
    files = SproutExporter(clock=lambda: NOW).render(_big_calendar(entry_maker, 351))
    assert [len(_rows(f.content)) - 1 for f in files] == [350, 1]


@pytest.mark.parametrize(
    "exporter",
    [HootsuiteExporter(clock=lambda: NOW), SproutExporter(clock=lambda: NOW)],
    ids=["hootsuite", "sprout"],
)
def test_csv_matches_golden(
    exporter: HootsuiteExporter | SproutExporter,
    sample_calendar_of: Callable[[str], Calendar],
    golden: Callable[..., None],
) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExportWarning)
        files = exporter.render(sample_calendar_of("de"))
    for file in files:
        golden(f"csv/{file.name}", file.data)
