"""`plan --format … --force` and `sync` from the command line."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
KIT = str(EXAMPLES / "de-kommunikation")
ENGLISH_KIT = EXAMPLES / "en-engineering"


def test_default_writes_html_and_markdown(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    result = run_cli("plan", KIT, "--week", "2026-W49", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".advocacy-kit-manifest.json",
        "calendar.md",
        "index.html",
    ]


def test_formats_with_alias(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    result = run_cli(
        "plan", KIT, "--week", "2026-W49", "--format", "html,md,ics,json", "--out", str(tmp_path)
    )
    assert result.exit_code == 0, result.output
    names = {p.name for p in tmp_path.iterdir()}
    assert {"index.html", "calendar.md", "calendar.ics", "calendar.json"} <= names


def test_unknown_format_fails_before_writing(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    result = run_cli("plan", KIT, "--format", "html,pdf", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "unbekanntes Exportformat 'pdf'" in result.output  # the kit is German
    assert not (tmp_path / "out").exists()


def test_planning_twice_keeps_an_edited_draft(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    args = ("plan", KIT, "--week", "2026-W49", "--format", "md", "--out", str(tmp_path))
    assert run_cli(*args).exit_code == 0
    markdown = tmp_path / "calendar.md"
    # The person fills the first prompt with their own words.
    edited = re.sub(
        r"\[\[[^\]]+\]\]",
        "Ich war selbst Azubi hier.",
        markdown.read_text(encoding="utf-8"),
        count=1,
    )
    assert edited != markdown.read_text(encoding="utf-8")
    markdown.write_text(edited, encoding="utf-8")
    second = run_cli(*args)
    assert second.exit_code == 0
    assert markdown.read_text(encoding="utf-8") == edited
    assert "wurde seit dem Schreiben geändert; die Datei bleibt" in second.output
    assert (tmp_path / "calendar.new.md").exists()
    forced = run_cli(*args, "--force")
    assert forced.exit_code == 0
    assert "Ich war selbst Azubi hier." not in markdown.read_text(encoding="utf-8")


def test_sync_records_edits_and_planning_again_keeps_them(
    run_cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVOCACY_KIT_HISTORY", str(tmp_path / "history.sqlite3"))
    out = tmp_path / "out"
    args = ("plan", KIT, "--week", "2026-W49", "--format", "md", "--out", str(out))
    assert run_cli(*args).exit_code == 0
    markdown = out / "calendar.md"
    original = markdown.read_text(encoding="utf-8")
    edited = re.sub(r"\[\[[^\]]+\]\]", "Ich war selbst Azubi hier.", original, count=1)
    markdown.write_text(edited, encoding="utf-8")

    result = run_cli("sync", KIT, str(out))
    assert result.exit_code == 0, result.output
    # KIT is German, so sync reports in German (the English wording: tests/test_i18n.py).
    assert "1 bearbeitet," in result.output
    [draft_id] = re.findall(r"Bearbeitung von (\S+) übernommen", result.output)

    again = run_cli("sync", KIT, str(out))
    assert "0 bearbeitet," in again.output, "syncing the same file twice records nothing new"

    import advocacy_kit

    kit = advocacy_kit.load_kit(KIT)
    with advocacy_kit.History.for_kit(kit) as history:
        calendar = advocacy_kit.plan_week(kit, "2026-W49", history=history)
    [entry] = [e for e in calendar.entries if e.draft.id == draft_id]
    assert entry.draft.edited
    assert "Ich war selbst Azubi hier." in entry.post.text


def test_sync_of_a_folder_from_elsewhere_says_so(
    run_cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVOCACY_KIT_HISTORY", str(tmp_path / "history.sqlite3"))
    run_cli(
        "plan", KIT, "--week", "2026-W49", "--format", "md", "--out", str(tmp_path), "--no-history"
    )
    result = run_cli("sync", KIT, str(tmp_path))
    assert result.exit_code == 2
    assert "lena-linkedin-20261201T0830 ist nicht im Verlauf" in result.output  # KIT is German
    assert "keiner der Entwürfe" in result.output


@pytest.mark.parametrize("missing", ["calendar.md"], ids=["no-markdown"])
def test_sync_without_markdown_gives_a_hint(
    run_cli: Callable[..., Any], tmp_path: Path, missing: str
) -> None:
    result = run_cli("sync", KIT, str(tmp_path))
    assert result.exit_code == 2
    assert f"{missing}: Datei gibt es nicht" in result.output  # KIT is German
    assert "Hinweis: führe zuerst `advocacy-kit plan" in result.output


@pytest.mark.parametrize("kit", [KIT, str(ENGLISH_KIT)], ids=["de", "en"])
def test_sync_right_after_plan_finds_nothing_edited(
    run_cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kit: str
) -> None:
    # Exports show the formatted post (threads, tracking parameters): that is the planned text.
    monkeypatch.setenv("ADVOCACY_KIT_HISTORY", str(tmp_path / "history.sqlite3"))
    run_cli("plan", kit, "--week", "2026-W49", "--format", "md", "--out", str(tmp_path / "o"))
    result = run_cli("sync", kit, str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    assert re.search(r"^0 (edited|bearbeitet),", result.output, re.MULTILINE), result.output


def test_an_edited_thread_keeps_its_parts(tmp_path: Path) -> None:
    import advocacy_kit
    from advocacy_kit.history import History

    kit = advocacy_kit.load_kit(KIT)
    with History(tmp_path / "history.sqlite3") as history:
        calendar = advocacy_kit.plan_week(kit, "2026-W49", history=history)
        entry = calendar.entries[0]
        parts = ["Mein eigener erster Teil.", "Und mein zweiter Teil, genau so getrennt."]
        history.set_edited_text(entry.draft.id, "\n\n".join(parts), parts)
        again = advocacy_kit.plan_week(kit, "2026-W49", history=history)
    [kept] = [e for e in again.entries if e.draft.id == entry.draft.id]
    assert kept.post.parts == parts
    assert kept.draft.edited
