"""Nothing lost: atomic writes, and files a person edited are never overwritten without --force."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from advocacy_kit import Calendar, ExportError, export
from advocacy_kit.exporters.base import ExportFile, ExportWarning, write_atomic
from advocacy_kit.exporters.manifest import MANIFEST_NAME, Manifest, digest, write_protected


def test_first_write_records_every_hash(tmp_path: Path) -> None:
    written = write_protected(tmp_path, [ExportFile("a.md", "A"), ExportFile("sub/b.csv", b"B")])
    assert written == [tmp_path / "a.md", tmp_path / "sub" / "b.csv"]
    record = json.loads((tmp_path / MANIFEST_NAME).read_text())
    assert record["files"] == {"a.md": digest(b"A"), "sub/b.csv": digest(b"B")}


def test_unedited_file_is_replaced(tmp_path: Path) -> None:
    write_protected(tmp_path, [ExportFile("a.md", "old")])
    written = write_protected(tmp_path, [ExportFile("a.md", "new")])
    assert written == [tmp_path / "a.md"]
    assert (tmp_path / "a.md").read_text() == "new"


def test_edited_file_is_kept_and_new_version_written_beside(tmp_path: Path) -> None:
    write_protected(tmp_path, [ExportFile("calendar.md", "old")])
    (tmp_path / "calendar.md").write_text("my edit")
    with pytest.warns(ExportWarning, match=r"calendar\.md was changed since it was written"):
        written = write_protected(tmp_path, [ExportFile("calendar.md", "new")])
    assert written == [tmp_path / "calendar.new.md"]
    assert (tmp_path / "calendar.md").read_text() == "my edit"
    assert (tmp_path / "calendar.new.md").read_text() == "new"
    # The next run replaces its own unedited .new file and still keeps the edit.
    with pytest.warns(ExportWarning):
        write_protected(tmp_path, [ExportFile("calendar.md", "newer")])
    assert (tmp_path / "calendar.md").read_text() == "my edit"
    assert (tmp_path / "calendar.new.md").read_text() == "newer"


def test_edited_new_version_is_kept_too(tmp_path: Path) -> None:
    write_protected(tmp_path, [ExportFile("calendar.md", "v1")])
    (tmp_path / "calendar.md").write_text("edit 1")
    with pytest.warns(ExportWarning):
        write_protected(tmp_path, [ExportFile("calendar.md", "v2")])
    (tmp_path / "calendar.new.md").write_text("edit 2")
    with pytest.warns(ExportWarning):
        written = write_protected(tmp_path, [ExportFile("calendar.md", "v3")])
    assert written == [tmp_path / "calendar.new-2.md"]
    assert (tmp_path / "calendar.new.md").read_text() == "edit 2"


def test_unknown_existing_file_is_kept(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("someone else's page")
    with pytest.warns(ExportWarning, match="was not written by advocacy-kit"):
        written = write_protected(tmp_path, [ExportFile("index.html", "ours")])
    assert written == [tmp_path / "index.new.html"]
    assert (tmp_path / "index.html").read_text() == "someone else's page"


def test_identical_content_needs_no_warning(tmp_path: Path) -> None:
    import warnings

    (tmp_path / "a.md").write_text("same")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert write_protected(tmp_path, [ExportFile("a.md", "same")]) == [tmp_path / "a.md"]
    assert Manifest.load(tmp_path).hashes == {"a.md": digest(b"same")}


def test_force_overwrites_an_edit(tmp_path: Path) -> None:
    write_protected(tmp_path, [ExportFile("a.md", "old")])
    (tmp_path / "a.md").write_text("my edit")
    assert write_protected(tmp_path, [ExportFile("a.md", "new")], force=True) == [tmp_path / "a.md"]
    assert (tmp_path / "a.md").read_text() == "new"
    assert not (tmp_path / "a.new.md").exists()


def test_broken_manifest_stops_with_a_hint(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text("{broken")
    with pytest.raises(ExportError, match="hint: delete it"):
        write_protected(tmp_path, [ExportFile("a.md", "x")])
    assert not (tmp_path / "a.md").exists()


def test_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "x.txt", "content")
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    target = tmp_path / "x.txt"
    target.write_text("old")

    def refuse(source: str, destination: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_python_api_accepts_the_md_alias(
    sample_calendar_of: Callable[[str], Calendar], tmp_path: Path
) -> None:
    assert export(sample_calendar_of("en"), "md", tmp_path) == [tmp_path / "calendar.md"]
