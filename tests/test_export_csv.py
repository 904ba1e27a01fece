"""Scheduler CSVs: Hootsuite (no header, ≤350 rows, 5-minute steps) and Sprout Social."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from typing import Any
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
    with pytest.warns(ExportWarning, match=r"moved 1 draft to .*11:02 → 2026-12-02 11:05"):
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
    with pytest.warns(ExportWarning, match="less than 10 minutes away.*moved 10 minutes later"):
        [file] = HootsuiteExporter(clock=lambda: now).render(calendar)
    assert _rows(file.content) == [["01/12/2026 09:10", "Soon"]]


def _times(files: list[Any]) -> dict[str, list[str]]:
    return {f.name: [row[0] for row in _rows(f.content)] for f in files}


def _past_week(entry_maker: Callable[..., CalendarEntry], language: str = "en") -> Calendar:
    """Two colleagues posting 15 minutes apart on Tuesday, one again on Wednesday."""
    tuesday = dt.datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN)
    entries = [
        entry_maker("ada", "linkedin", tuesday, ["First"]),
        entry_maker("bo", "linkedin", tuesday + dt.timedelta(minutes=15), ["Second"]),
        entry_maker("ada", "mastodon", tuesday + dt.timedelta(days=1), ["Third"], limit=500),
    ]
    return _big_calendar(entry_maker, 0).model_copy(
        update={"entries": entries, "language": language}
    )


@pytest.mark.parametrize(
    ("now", "expected", "by"),
    [
        # Two days and 1 minute after the first draft: everything moves 2 days 15 minutes.
        (dt.datetime(2026, 12, 3, 8, 1, tzinfo=dt.UTC), ["03/12/2026 09:15", "03/12/2026 09:30",
         "04/12/2026 09:15"], "2 days 15 minutes"),
        # Exactly on time for the 10-minute lead: nothing moves.
        (dt.datetime(2026, 12, 1, 7, 50, tzinfo=dt.UTC), ["01/12/2026 09:00", "01/12/2026 09:15",
         "02/12/2026 09:00"], None),
    ],
    ids=["past-week", "on-time"],
)  # fmt: skip
def test_a_past_week_moves_as_a_whole_keeping_order_and_spacing(
    entry_maker: Callable[..., CalendarEntry],
    now: dt.datetime,
    expected: list[str],
    by: str | None,
) -> None:
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        files = HootsuiteExporter(clock=lambda: now).render(_past_week(entry_maker))
    times = _times(files)
    assert [
        *times["hootsuite/ada-linkedin.csv"],
        *times["hootsuite/bo-linkedin.csv"],
        *times["hootsuite/ada-mastodon.csv"],
    ] == expected
    messages = [str(w.message) for w in caught if issubclass(w.category, ExportWarning)]
    if by is None:
        assert messages == []
    else:
        [message] = messages  # one warning for the whole move
        assert f"moved {by} later" in message
        assert "order and spacing kept" in message


def test_the_week_shift_warning_is_german_for_a_german_kit(
    entry_maker: Callable[..., CalendarEntry],
) -> None:
    now = dt.datetime(2026, 12, 1, 8, 3, tzinfo=dt.UTC)  # 3 minutes after the first draft
    with pytest.warns(ExportWarning) as caught:
        SproutExporter(clock=lambda: now).render(_past_week(entry_maker, "de"))
    [message] = [str(w.message) for w in caught]
    assert message.startswith("Sprout Social: der erste Entwurf der Woche")
    assert "15 Minuten später" in message
    assert "Reihenfolge und Abstände bleiben" in message


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
