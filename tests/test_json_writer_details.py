"""Post details are looked at wherever they stand: any entry, any piece, shared or not."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from advocacy_kit import Calendar
from advocacy_kit.exporters.json import calendar_json_bytes
from advocacy_kit.exporters.json_writer import fast_calendar_json, fast_calendar_json_pieces

from .conftest import make_entry, sample_calendar
from .test_json_writer import DETAILS


def _stdlib_bytes(calendar: Calendar) -> bytes:
    """The definition of ``calendar.json`` (these entries are already in calendar order)."""
    data = calendar.model_dump(mode="json")
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()


def _week(odd: dict[str, Any], at: int, count: int = 7) -> Calendar:
    """``count`` entries in calendar order, plain details, ``odd`` ones on the entry ``at``."""
    zone = ZoneInfo("America/New_York")
    entries = []
    for number in range(count):
        start = dt.datetime(2026, 11, 2, 8, tzinfo=zone) + dt.timedelta(hours=number)
        entry = make_entry("sam", "mastodon", start, [f"Post {number}"])
        details = odd if number == at else {"links": number, "ranges": [0, number]}
        post = entry.post.model_copy(update={"details": details})
        entries.append(entry.model_copy(update={"post": post}))
    return sample_calendar("en").model_copy(update={"entries": entries})


@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")  # the int key
@pytest.mark.parametrize("at", [0, 3, 6], ids=["first", "middle", "last"])
@pytest.mark.parametrize("name", DETAILS.keys(), ids=str)
def test_odd_details_of_any_entry_are_written_as_the_stdlib_writes_them(name: str, at: int) -> None:
    calendar = _week(DETAILS[name], at)
    expected = _stdlib_bytes(calendar)
    assert calendar_json_bytes(calendar) == expected
    for size in (1, 2, 3, 1000):
        assert b"".join(fast_calendar_json_pieces(calendar, size)) == expected


@pytest.mark.parametrize(
    ("details", "fast"),
    [
        ({"deep": [[[{"a": [1, "x", None, True]}]]]}, True),
        ({"deep": [[[{"a": [1, "x", 1e-05]}]]]}, False),
        ({"ints": [2**64 - 1, -(2**63)]}, True),
        ({"ints": [1, 2**64]}, False),
        ({"tuple": (1, 2)}, True),  # a tuple is left to the writers' comparison: alike here
        ({"tuple": (1, 1e-05)}, False),
        ({"bool-as-key": {True: 1}}, False),
    ],
    ids=["deep-plain", "deep-float", "edge-ints", "int-beyond", "tuple", "tuple-float", "key"],
)
@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")  # the bool key
def test_the_last_entrys_details_decide_the_fast_path(details: dict[str, Any], fast: bool) -> None:
    calendar = _week(details, at=6)
    written = fast_calendar_json(calendar)
    assert (written is not None) == fast
    assert calendar_json_bytes(calendar) == _stdlib_bytes(calendar)
    if written is not None:
        assert written == _stdlib_bytes(calendar)


def test_details_shared_by_several_posts_are_written_alike() -> None:
    shared = {"ratio": 0.1, "texts": ["a", "b"]}
    calendar = _week(shared, at=2)
    entries = [
        entry.model_copy(update={"post": entry.post.model_copy(update={"details": shared})})
        for entry in calendar.entries
    ]
    calendar = calendar.model_copy(update={"entries": entries})
    assert calendar_json_bytes(calendar) == _stdlib_bytes(calendar)
    assert b"".join(fast_calendar_json_pieces(calendar, 2)) == _stdlib_bytes(calendar)
