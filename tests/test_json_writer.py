"""The fast ``calendar.json`` writer writes what the standard library writes, for every value."""

from __future__ import annotations

import datetime as dt
import enum
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_kit import Calendar, load_kit, plan_week
from advocacy_kit.calendar import CalendarEntry, Post, Slot
from advocacy_kit.exporters.json import calendar_json_bytes
from advocacy_kit.exporters.json_writer import fast_calendar_json

from .conftest import ENGLISH_KIT, GERMAN_KIT, make_entry, sample_calendar


def _stdlib_bytes(calendar: Calendar) -> bytes:
    """The definition of ``calendar.json``: the standard library's output, entries in order."""
    entries = sorted(
        calendar.entries, key=lambda e: (e.slot.start, e.slot.person_id, e.slot.platform)
    )
    data = calendar.model_copy(update={"entries": entries}).model_dump(mode="json")
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()


def _with_details(calendar: Calendar, details: dict[str, Any]) -> Calendar:
    first = calendar.entries[0]
    post = first.post.model_copy(update={"details": details})
    entry = first.model_copy(update={"post": post})
    return calendar.model_copy(update={"entries": [entry, *calendar.entries[1:]]})


class Level(enum.IntEnum):
    HIGH = 3


class Colour(enum.StrEnum):
    RED = "red"


class Name(str):
    """A str subclass, as a plugin might put into details."""


DETAILS: dict[str, Any] = {
    "empty": {},
    "unsorted-nested": {"z": 1, "a": {"y": [], "b": {}}, "m": [{"q": None, "c": True}]},
    "non-ascii": {"text": "Grüße aus Köln – „so“ — ß", "ключ": "значение", "日本": "語"},
    "emoji": {"text": "🧪👩🏽‍💻🇩🇪", "flag": "🏳️‍🌈"},
    "control-characters": {"text": "".join(chr(c) for c in range(32)) + "\x7f\u2028\u2029\ufeff"},
    "quotes-and-slashes": {"text": '"quoted" \\ back / forward </script>'},
    "large-ints": {"big": 2**63 - 1, "bigger": 2**64 - 1, "negative": -(2**63)},
    "ints-beyond-64-bits": {"huge": 2**64, "negative": -(2**63) - 1, "enormous": 10**40},
    "floats": {"small": 0.00001, "large": 1e16, "plain": 0.1, "whole": 2.0, "zero": -0.0},
    "float-nested": {"ratios": [1, [1e-07]]},
    "floats-written-alike": {"half": 0.5, "list": [1.25, 3.0]},
    "not-a-number": {"nan": float("nan"), "inf": float("inf"), "minus": float("-inf")},
    "none-and-bools": {"none": None, "yes": True, "no": False, "zero": 0},
    "tuple": {"pair": (1, "two")},
    "int-enum": {"level": Level.HIGH},
    "str-enum": {"colour": Colour.RED},
    "str-subclass": {"name": Name("Lena")},
    "datetime": {"at": dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC)},
    "int-keys": {"1": "a", 2: "b"},  # type: ignore[dict-item]
}


@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")  # the int key
@pytest.mark.parametrize("details", DETAILS.values(), ids=DETAILS.keys())
def test_odd_details_are_written_as_the_stdlib_writes_them(details: dict[str, Any]) -> None:
    calendar = _with_details(sample_calendar("de"), details)
    assert calendar_json_bytes(calendar) == _stdlib_bytes(calendar)


@pytest.mark.parametrize(
    ("name", "fast"),
    [("floats", False), ("float-nested", False), ("not-a-number", False),
     ("ints-beyond-64-bits", False), ("datetime", False), ("int-keys", False),
     ("str-subclass", False), ("floats-written-alike", True), ("unsorted-nested", True), ("emoji", True), ("large-ints", True)],
    ids=str,
)  # fmt: skip
def test_only_values_written_alike_take_the_fast_path(name: str, fast: bool) -> None:
    calendar = _with_details(sample_calendar("en"), DETAILS[name])
    written = fast_calendar_json(calendar)
    assert (written is not None) == fast
    if written is not None:
        assert written == _stdlib_bytes(calendar)


def _texts(text: str) -> Calendar:
    zone = ZoneInfo("Europe/Berlin")
    entry = make_entry("lena", "mastodon", dt.datetime(2026, 12, 1, 9, tzinfo=zone), [text])
    draft = entry.draft.model_copy(update={"text": text, "prompts": [text]})
    return sample_calendar("en").model_copy(
        update={"entries": [entry.model_copy(update={"draft": draft})], "organization": text}
    )


TEXTS = {
    "non-ascii": "Grüße, Ærø, İstanbul, 北京",
    "emoji": "Tests zuerst 🧪 — 👩🏽‍💻",
    "control-characters": "tab\there\r\nnull\x00bell\x07escape\x1bdelete\x7f",
    "line-separators": "a\u2028b\u2029c\u0085d",
    "empty": "",
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_odd_texts_are_written_as_the_stdlib_writes_them(text: str) -> None:
    calendar = _texts(text)
    assert fast_calendar_json(calendar.model_copy(update={"entries": calendar.entries}))
    assert calendar_json_bytes(calendar) == _stdlib_bytes(calendar)


def test_a_lone_surrogate_fails_as_with_the_stdlib() -> None:
    calendar = _texts("half a pair: \ud83e")
    with pytest.raises(UnicodeEncodeError):
        _stdlib_bytes(calendar)
    with pytest.raises(UnicodeEncodeError):
        calendar_json_bytes(calendar)


ZONES = {
    "utc": dt.UTC,
    "utc-zone": ZoneInfo("UTC"),
    "half-hour": ZoneInfo("Asia/Kolkata"),
    "negative": ZoneInfo("America/St_Johns"),
    "seconds-offset": ZoneInfo("Europe/Amsterdam"),  # local mean time in 1900: +00:19:32
    "fixed": dt.timezone(dt.timedelta(hours=-3, minutes=-30)),
}


@pytest.mark.parametrize("zone", ZONES.values(), ids=ZONES.keys())
@pytest.mark.parametrize("micro", [0, 1, 999999], ids=["whole", "micro", "almost"])
def test_slot_times_are_written_as_pydantic_writes_them(zone: dt.tzinfo, micro: int) -> None:
    year = 1900 if zone is ZONES["seconds-offset"] else 2026
    start = dt.datetime(year, 12, 1, 8, 30, 5, micro, tzinfo=zone)
    entry = make_entry("lena", "x", start, ["text"])
    calendar = sample_calendar("en")
    calendar = calendar.model_copy(update={"entries": [*calendar.entries, entry]})
    assert fast_calendar_json(calendar) is not None
    assert calendar_json_bytes(calendar) == _stdlib_bytes(calendar)


def test_a_week_without_entries_is_written_alike() -> None:
    calendar = sample_calendar("de").model_copy(update={"entries": [], "skipped": []})
    assert calendar_json_bytes(calendar) == _stdlib_bytes(calendar)


def test_separate_but_equal_slots_are_written_alike() -> None:
    calendar = sample_calendar("en")
    first = calendar.entries[0]
    twin = Slot(**first.slot.model_dump())  # equal, not the same object
    assignment = first.assignment.model_copy(update={"slot": twin})
    entry = first.model_copy(update={"assignment": assignment})
    calendar = calendar.model_copy(update={"entries": [entry, *calendar.entries[1:]]})
    assert calendar_json_bytes(calendar) == _stdlib_bytes(calendar)


class LongPost(Post):
    """A post subclass: its own fields are not the calendar's, so the stdlib writes it."""

    extra_note: str = "more"


def test_an_unknown_model_is_left_to_the_stdlib() -> None:
    calendar = sample_calendar("en")
    first = calendar.entries[0]
    post = LongPost(**first.post.model_dump())
    entry = CalendarEntry.model_construct(**{**first.__dict__, "post": post})
    calendar = calendar.model_copy(update={"entries": [entry, *calendar.entries[1:]]})
    assert fast_calendar_json(calendar) is None
    written = calendar_json_bytes(calendar)
    assert written == _stdlib_bytes(calendar)
    assert b"extra_note" not in written  # pydantic writes it as the Post it stands for


@pytest.mark.parametrize("kit", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_planned_weeks_take_the_fast_path(kit: Any) -> None:
    calendar = plan_week(load_kit(kit), "2026-W49")
    entries = sorted(
        calendar.entries, key=lambda e: (e.slot.start, e.slot.person_id, e.slot.platform)
    )
    ordered = calendar.model_copy(update={"entries": entries})
    assert fast_calendar_json(ordered) == _stdlib_bytes(calendar)


@pytest.mark.parametrize("size", [10, (1 << 24) + 3], ids=["small", "big"])
def test_the_manifest_records_the_files_hash_whatever_its_size(tmp_path: Path, size: int) -> None:
    import hashlib

    from advocacy_kit.exporters.base import ExportFile
    from advocacy_kit.exporters.manifest import MANIFEST_NAME, write_protected

    content = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    [path] = write_protected(tmp_path, [ExportFile("calendar.json", content)])
    assert path.read_bytes() == content
    recorded = json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert recorded["files"]["calendar.json"] == "sha256:" + hashlib.sha256(content).hexdigest()


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=12,
)


@given(_JSON_VALUES)
def test_values_called_plain_are_written_alike_by_both(value: object) -> None:
    import orjson

    from advocacy_kit.exporters.json_writer import _plain

    if _plain(value):
        careful = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        fast = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        assert fast == careful.encode("utf-8")
