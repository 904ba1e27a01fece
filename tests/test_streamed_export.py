"""calendar.json in pieces: exactly the standard library's bytes, written while the next is made."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from advocacy_kit import Calendar, load_kit, plan_week
from advocacy_kit.calendar import CalendarEntry, Draft
from advocacy_kit.exporters import json_writer
from advocacy_kit.exporters.base import (
    ExportFile,
    ExportWarning,
    Piece,
    StreamedContent,
    write_atomic,
)
from advocacy_kit.exporters.json import JsonExporter, calendar_json_bytes, calendar_json_pieces
from advocacy_kit.exporters.json_writer import fast_calendar_json_pieces
from advocacy_kit.exporters.manifest import MANIFEST_NAME, Manifest, digest, write_protected
from advocacy_kit.exporters.markdown import MarkdownExporter

from .conftest import ENGLISH_KIT, GERMAN_KIT, make_entry, sample_calendar


def _stdlib_bytes(calendar: Calendar) -> bytes:
    """The definition of ``calendar.json`` (entries taken in the order given)."""
    data = calendar.model_dump(mode="json")
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()


def _week(texts: list[str], organization: str = "Acme & Söhne") -> Calendar:
    """A calendar with one entry per text, in calendar order, each text in every text field."""
    zone = ZoneInfo("Europe/Berlin")
    entries = []
    for number, text in enumerate(texts):
        start = dt.datetime(2026, 12, 1, 8, tzinfo=zone) + dt.timedelta(hours=number)
        entry = make_entry("lena", "mastodon", start, [text or "-", text], topic=text or "-")
        draft = entry.draft.model_copy(update={"text": text, "prompts": [text]})
        entries.append(entry.model_copy(update={"draft": draft}))
    return sample_calendar("en").model_copy(
        update={"entries": entries, "organization": organization}
    )


def _joined(calendar: Calendar, size: int) -> bytes:
    return b"".join(fast_calendar_json_pieces(calendar, size))


@pytest.mark.parametrize("count", [0, 1, 2, 3, 5, 7], ids=lambda n: f"{n}-entries")
@pytest.mark.parametrize("size", [1, 2, 3, 1000], ids=lambda n: f"pieces-of-{n}")
def test_pieces_join_to_the_stdlib_bytes_at_every_boundary(count: int, size: int) -> None:
    calendar = _week([f"Post {number}" for number in range(count)])
    assert _joined(calendar, size) == _stdlib_bytes(calendar)


TRICKY = {
    "brackets": "] ]] [ [[ ]",
    "the-cut-marks": '\n  "entries": []\n  ]\n}[\n    0,\n',
    "escaped-cut-marks": '\\n  \\"entries\\": []',
    "newlines": "line\nline\r\n\n\nend",
    "quotes": "\"quoted\" \\ back / forward </script> 'single'",
    "non-ascii": "Grüße aus Köln – „so“ — ß, 北京, ключ",
    "emoji": "Tests zuerst 🧪 — 👩🏽‍💻 🏳️‍🌈",
    "control-characters": "".join(chr(c) for c in range(32)) + "\x7f\u2028\u2029\ufeff",
    "empty": "",
}


@pytest.mark.parametrize("text", TRICKY.values(), ids=TRICKY.keys())
@pytest.mark.parametrize("size", [1, 2, 1000], ids=lambda n: f"pieces-of-{n}")
def test_odd_texts_in_pieces_are_the_stdlib_bytes(text: str, size: int) -> None:
    calendar = _week([text, f"x{text}x", text], organization=text)
    assert _joined(calendar, size) == _stdlib_bytes(calendar)


def _with_details(calendar: Calendar, details: dict[int, dict[str, Any]]) -> Calendar:
    entries = list(calendar.entries)
    for index, value in details.items():
        post = entries[index].post.model_copy(update={"details": value})
        entries[index] = entries[index].model_copy(update={"post": post})
    return calendar.model_copy(update={"entries": entries})


@pytest.fixture
def stdlib_pieces(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What the standard library was asked to write, piece by piece."""
    asked: list[Any] = []
    original = json_writer._stdlib_json

    def spy(data: Any) -> bytes:
        asked.append(data)
        return original(data)

    monkeypatch.setattr(json_writer, "_stdlib_json", spy)
    return asked


@pytest.mark.parametrize(
    ("details", "by_stdlib"),
    [
        ({0: {"ratio": 1e-05}}, 1),
        ({1: {"small": 1e-06}, 4: {"nested": [1, [1e-07]]}}, 2),
        ({2: {"huge": 2**64}}, 1),
        ({3: {"nan": float("nan")}, 4: {"plain": "text", "n": 3}}, 1),
        ({0: {"half": 0.5}, 1: {"list": [1.25, 3.0]}}, 0),  # floats both write alike
        ({0: {"plain": [None, True, "x", 2**63 - 1]}}, 0),
    ],
    ids=["small-float", "two-floats", "huge-integer", "nan-beside-plain", "alike", "plain"],
)
def test_a_piece_orjson_cannot_write_exactly_is_written_by_the_stdlib(
    details: dict[int, dict[str, Any]], by_stdlib: int, stdlib_pieces: list[Any]
) -> None:
    calendar = _with_details(_week([f"Post {n}" for n in range(5)]), details)
    assert _joined(calendar, 1) == _stdlib_bytes(calendar)
    # Only the pieces holding such details were the standard library's; the rest orjson's.
    assert len(stdlib_pieces) == by_stdlib
    assert all(len(asked["entries"]) in (1, 2) for asked in stdlib_pieces)


class Name(str):
    """A str subclass, as a plugin might put into a model built without validation."""


def test_a_value_the_writer_refuses_sends_its_piece_to_the_stdlib(
    stdlib_pieces: list[Any],
) -> None:
    calendar = _week(["one", "two", "three"])
    second = calendar.entries[1]
    draft = Draft.model_construct(**{**second.draft.__dict__, "text": Name("two, subclassed")})
    odd = CalendarEntry.model_construct(**{**second.__dict__, "draft": draft})
    calendar = calendar.model_copy(
        update={"entries": [calendar.entries[0], odd, *calendar.entries[2:]]}
    )
    assert _joined(calendar, 1) == _stdlib_bytes(calendar)
    assert [len(asked["entries"]) for asked in stdlib_pieces] == [2]  # the placeholder and it


def test_an_unusual_calendar_text_sends_the_head_and_tail_to_the_stdlib(
    stdlib_pieces: list[Any],
) -> None:
    calendar = _week(["one", "two"])
    calendar = Calendar.model_construct(**{**calendar.__dict__, "organization": Name("Acme")})
    assert _joined(calendar, 1) == _stdlib_bytes(calendar)
    assert [asked["entries"] for asked in stdlib_pieces] == [[]]


def test_changed_models_leave_the_whole_file_to_the_stdlib(
    monkeypatch: pytest.MonkeyPatch, stdlib_pieces: list[Any]
) -> None:
    monkeypatch.setattr(json_writer, "_models_written_as_their_fields", lambda: None)
    calendar = _week(["one", "two", "three"])
    pieces = list(fast_calendar_json_pieces(calendar, 1))
    assert pieces == [_stdlib_bytes(calendar)]
    assert len(stdlib_pieces) == 1


@pytest.mark.parametrize("calendar_of", [lambda: sample_calendar("de"), lambda: sample_calendar("en"),
    lambda: plan_week(load_kit(GERMAN_KIT), "2026-W49"), lambda: plan_week(load_kit(ENGLISH_KIT), "2026-W49")],
    ids=["sample-de", "sample-en", "planned-de", "planned-en"])  # fmt: skip
def test_calendar_pieces_are_the_calendar_bytes_in_calendar_order(
    calendar_of: Callable[[], Calendar],
) -> None:
    calendar = calendar_of()
    shuffled = calendar.model_copy(update={"entries": list(reversed(calendar.entries))})
    whole = calendar_json_bytes(calendar)
    assert b"".join(calendar_json_pieces(shuffled)) == whole
    assert b"".join(calendar_json_pieces(calendar)) == whole


def test_a_lone_surrogate_fails_and_keeps_the_old_file(tmp_path: Path) -> None:
    JsonExporter().export(_week(["fine"]), tmp_path)
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    with pytest.raises(UnicodeEncodeError):
        JsonExporter().export(_week(["half a pair: \ud83e"]), tmp_path, force=True)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before


def test_the_exporter_writes_and_records_what_render_gives(tmp_path: Path) -> None:
    calendar = plan_week(load_kit(GERMAN_KIT), "2026-W49")
    [path] = JsonExporter().export(calendar, tmp_path)
    [file] = JsonExporter().render(calendar)
    assert (
        path.read_bytes()
        == file.content
        == _stdlib_bytes(
            calendar.model_copy(
                update={
                    "entries": sorted(
                        calendar.entries,
                        key=lambda e: (e.slot.start, e.slot.person_id, e.slot.platform),
                    )
                }
            )
        )
    )
    assert Manifest.load(tmp_path).hashes == {"calendar.json": digest(path.read_bytes())}


def test_an_exporter_streams_what_it_renders_unless_it_says_otherwise() -> None:
    calendar = sample_calendar("de")
    assert MarkdownExporter().stream(calendar) == MarkdownExporter().render(calendar)
    [streamed] = JsonExporter().stream(calendar)
    assert isinstance(streamed.content, StreamedContent)
    assert streamed.data == JsonExporter().render(calendar)[0].content


class Pieces:
    """Streamed content that counts how often it was made, and may fail after some pieces."""

    def __init__(self, pieces: list[bytes], fail_after: int | None = None) -> None:
        self.pieces, self.fail_after, self.made, self.runs = pieces, fail_after, 0, 0

    def __call__(self) -> Iterator[bytes]:
        self.runs += 1
        for number, piece in enumerate(self.pieces):
            if number == self.fail_after:
                raise ValueError("cannot make the next piece")
            self.made += 1
            yield piece


PIECES = [bytes([65 + number]) * (number * 1000 + 1) for number in range(12)]


def test_streamed_content_is_written_piece_by_piece_in_order(tmp_path: Path) -> None:
    seen: list[Piece] = []
    path = write_atomic(
        tmp_path / "x.json", StreamedContent(Pieces(PIECES)), each_piece=seen.append
    )
    assert path.read_bytes() == b"".join(PIECES)
    assert [bytes(piece) for piece in seen] == PIECES
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_a_long_stream_goes_to_the_disk_as_it_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from advocacy_kit.exporters import base

    synced: list[int] = []
    original = os.fdatasync

    def fdatasync(handle: int) -> None:
        synced.append(os.fstat(handle).st_size)
        original(handle)

    monkeypatch.setattr(base, "_SYNC_EVERY", 20_000)
    monkeypatch.setattr(os, "fdatasync", fdatasync)
    path = write_atomic(tmp_path / "x.json", StreamedContent(Pieces(PIECES)))
    assert path.read_bytes() == b"".join(PIECES)
    # Whenever 20,000 bytes or more were written since the last time: all written so far.
    expected, written, unsynced = [], 0, 0
    for piece in PIECES:
        written, unsynced = written + len(piece), unsynced + len(piece)
        if unsynced >= 20_000:
            expected.append(written)
            unsynced = 0
    assert synced == expected
    assert len(expected) >= 2


def test_failing_to_make_a_piece_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    target.write_bytes(b"old")
    with pytest.raises(ValueError, match="next piece"):
        write_atomic(target, StreamedContent(Pieces(PIECES, fail_after=5)))
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_failing_to_write_a_piece_stops_making_them_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    target.write_bytes(b"old")
    made = Pieces(PIECES * 10)

    def refuse(piece: object) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, StreamedContent(made), each_piece=refuse)
    assert made.made < 10  # the first piece failed: at most the few waiting were made after
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def _content(kind: str, data: bytes) -> tuple[str | bytes | StreamedContent, Pieces]:
    made = Pieces([data[:2], data[2:]])
    kinds: dict[str, str | bytes | StreamedContent] = {
        "bytes": data, "text": data.decode(), "streamed": StreamedContent(made)
    }  # fmt: skip
    return kinds[kind], made


KINDS = ["bytes", "text", "streamed"]


@pytest.mark.parametrize("kind", KINDS)
def test_protection_is_the_same_for_streamed_content(kind: str, tmp_path: Path) -> None:
    def write(text: str, force: bool = False) -> tuple[list[str], list[str], Pieces]:
        content, made = _content(kind, text.encode())
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            written = write_protected(tmp_path, [ExportFile("a.md", content)], force=force)
        assert all(w.category is ExportWarning for w in caught)
        return [p.name for p in written], [str(w.message) for w in caught], made

    assert write("first")[:2] == (["a.md"], [])
    names, said, made = write("second")  # unedited: replaced, content made once
    assert (names, said, made.runs) == (["a.md"], [], 1 if kind == "streamed" else 0)
    (tmp_path / "a.md").write_text("my edit")
    names, said, made = write("third")  # edited: kept, the new version beside it
    assert names == ["a.new.md"] and "changed since it was written" in said[0]
    assert made.runs == (1 if kind == "streamed" else 0)  # joined once, compared and written
    assert (tmp_path / "a.md").read_text() == "my edit"
    assert (tmp_path / "a.new.md").read_text() == "third"
    assert write("my edit")[:2] == (["a.md"], [])  # the same as the edit: no warning
    (tmp_path / "a.md").write_text("edit again")
    assert write("forced", force=True)[:2] == (["a.md"], [])
    assert (tmp_path / "a.md").read_text() == "forced"
    record = json.loads((tmp_path / MANIFEST_NAME).read_text())["files"]
    assert record == {"a.md": digest(b"forced"), "a.new.md": digest(b"third")}


@pytest.mark.parametrize("kind", KINDS)
def test_a_foreign_file_is_kept_for_streamed_content_too(kind: str, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("someone else's page")
    content, _ = _content(kind, b"ours")
    with pytest.warns(ExportWarning, match="was not written by advocacy-kit"):
        written = write_protected(tmp_path, [ExportFile("index.html", content)])
    assert written == [tmp_path / "index.new.html"]
    assert (tmp_path / "index.html").read_text() == "someone else's page"
    assert (tmp_path / "index.new.html").read_bytes() == b"ours"


@pytest.mark.parametrize("size", [16, 1 << 24], ids=["small", "big"])
def test_a_replaced_file_is_given_back_without_a_descriptor_left_open(
    size: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big file being replaced is held across the rename and closed in a thread of its own."""
    import os
    import threading

    from advocacy_kit.exporters import base

    path = tmp_path / "calendar.json"
    path.write_bytes(b"x" * size)
    closed: list[str] = []  # the threads that closed a descriptor through os.close
    real_close = os.close

    def close(handle: int) -> None:
        closed.append(threading.current_thread().name)
        real_close(handle)

    monkeypatch.setattr(base.os, "close", close)
    before = len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").is_dir() else None
    write_atomic(path, b"new\n")
    for thread in threading.enumerate():
        if thread.name == "free_replaced":
            thread.join(5)
    assert path.read_bytes() == b"new\n"
    # Only the big one was held and given back in a thread; the small one was closed at once.
    assert closed == (["free_replaced"] if size >= base._BIG_FILE else ["MainThread"])
    if before is not None:
        assert len(os.listdir("/proc/self/fd")) == before


def test_a_file_that_cannot_be_read_is_replaced_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from advocacy_kit.exporters import base

    path = tmp_path / "calendar.json"
    path.write_bytes(b"old" * (1 << 23))
    real_open = os.open

    def refuse_reading(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(name) == path and flags == os.O_RDONLY:
            raise PermissionError("no")
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(base.os, "open", refuse_reading)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def _parts_apart(entry: CalendarEntry, which: str) -> CalendarEntry:
    """The entry with one of its shared parts replaced by another value, or by a subclass."""
    from advocacy_kit.calendar import Slot

    class OwnSlot(Slot):  # a type the writer leaves to the standard library
        pass

    if which == "slot-copied":
        return entry.model_copy(update={"slot": entry.slot.model_copy(update={"note": "moved"})})
    if which == "assignment-copied":
        other = entry.assignment.model_copy(update={"topic_title": "Another title"})
        return entry.model_copy(update={"assignment": other})
    if which == "draft-assignment-copied":
        other = entry.assignment.model_copy(update={"kind": "question"})
        draft = entry.draft.model_copy(update={"assignment": other})
        return entry.model_copy(update={"draft": draft})
    if which == "slot-subclass":
        own = OwnSlot(**entry.slot.__dict__)
        return entry.model_copy(update={"slot": own})
    return entry


@pytest.mark.parametrize(
    "which",
    ["shared", "slot-copied", "assignment-copied", "draft-assignment-copied", "slot-subclass"],
)
def test_entries_whose_parts_are_not_shared_are_written_alike(which: str) -> None:
    calendar = _week(["Eins", "Zwei", "Drei"])
    entries = [_parts_apart(entry, which) for entry in calendar.entries]
    changed = calendar.model_copy(update={"entries": entries})
    assert _joined(changed, 2) == _stdlib_bytes(changed)
    assert b"".join(calendar_json_pieces(changed)) == _stdlib_bytes(changed)
