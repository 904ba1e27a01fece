"""What the command line says, in the kit's (or the environment's) language, and how it exits."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from advocacy_kit.cli import get_cli
from advocacy_kit.errors import UsageError
from advocacy_kit.exporters.manifest import MANIFEST_NAME, Manifest
from advocacy_kit.exporters.markdown_edits import parse_edited_drafts
from advocacy_kit.i18n import counted
from advocacy_kit.weeks import IsoWeek, parse_week

from .conftest import ENGLISH_KIT, GERMAN_KIT

WEEK = ("--week", "2026-W49")


def _plan(run_cli: Callable[..., Result], kit: Path, out: Path, *args: str) -> Result:
    return run_cli("plan", str(kit), *WEEK, "--out", str(out), *args)


# --- weeks --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("garbage", "en", "'garbage' is not a week\n  hint: write it as 2026-W49, this, next"),
        ("garbage", "de", "'garbage' ist keine Woche\n  Hinweis: schreib sie als 2026-W49"),
        ("2026-W99", "en", "'2026-W99': 2026 has no ISO week 99\n  hint: use a week from 1 to 53"),
        ("2026-W99", "de", "2026 hat keine ISO-Woche 99\n  Hinweis: nimm eine Woche von 1 bis 53"),
        ("2027-W53", "de", "Hinweis: nimm eine Woche von 1 bis 52, etwa 2027-W52"),
    ],
    ids=["garbage-en", "garbage-de", "week-99-en", "week-99-de", "week-53-of-52"],
)
def test_parse_week_speaks_the_language_asked_for(text: str, language: str, expected: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_week(text, language=language)
    assert expected in str(caught.value)


def test_parse_week_keeps_its_old_signature() -> None:
    import datetime as dt

    assert parse_week("next", dt.date(2026, 12, 1)) == IsoWeek(2026, 50)
    with pytest.raises(UsageError, match="is not a week"):
        parse_week("garbage")


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (("plan", str(GERMAN_KIT), "--week", "garbage"), "Fehler: 'garbage' ist keine Woche"),
        (("plan", str(ENGLISH_KIT), "--week", "2026-W99"), "Error: '2026-W99': 2026 has no"),
        (("check", str(GERMAN_KIT), "--week", "2026-W99"), "2026 hat keine ISO-Woche 99"),
        (("history", str(GERMAN_KIT), "--week", "nope"), "'nope' ist keine Woche"),
    ],
    ids=["plan-de", "plan-en", "check-de", "history-de"],
)
def test_week_errors_follow_the_kit_language(
    run_cli: Callable[..., Result], tmp_path: Path, command: tuple[str, ...], expected: str
) -> None:
    result = (
        run_cli(*command, "--out", str(tmp_path)) if command[0] == "plan" else run_cli(*command)
    )
    assert result.exit_code == 2
    assert expected in result.output
    assert not list(tmp_path.iterdir())


# --- formats and names --------------------------------------------------------------------------


@pytest.mark.parametrize("formats", ["", ",", " , "], ids=["empty", "comma", "spaces"])
def test_plan_with_no_format_is_a_usage_error(
    run_cli: Callable[..., Result], tmp_path: Path, formats: str
) -> None:
    result = _plan(run_cli, ENGLISH_KIT, tmp_path / "out", "--format", formats)
    assert result.exit_code == 2
    assert "--format names no format" in result.output
    assert (
        "hint: name one or more of csv-hootsuite, csv-sprout, html, ics, json, markdown, md"
        in result.output
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Error: unknown platform 'myspace'; known: bluesky"),
        ("de", "Fehler: unbekannte Plattform 'myspace'; bekannt: bluesky"),
    ],
    ids=["english", "german"],
)
def test_unknown_platform_names_the_known_ones_in_the_environment_language(
    run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, language: str, expected: str
) -> None:
    monkeypatch.setenv("ADVOCACY_KIT_LANG", language)
    result = run_cli("count", "--platform", "myspace", "Hello")
    assert result.exit_code == 2
    assert expected in result.output


def test_unknown_format_in_an_english_kit(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    result = _plan(run_cli, ENGLISH_KIT, tmp_path / "out", "--format", "pdf")
    assert result.exit_code == 2
    assert "unknown exporter 'pdf'; known: csv-hootsuite" in result.output


# --- count --------------------------------------------------------------------------------------


def test_count_is_not_valid_when_the_platform_reports_a_problem(
    run_cli: Callable[..., Result],
) -> None:
    tags = "#a #b #c #d #e #f"
    human = run_cli("count", "--platform", "instagram", tags)
    assert human.exit_code == 1
    assert human.output.splitlines()[0].endswith("— not valid")
    assert "6 hashtags; Instagram allows 5" in human.output
    machine = run_cli("count", "--platform", "instagram", "--json", tags)
    assert machine.exit_code == 1
    document = json.loads(machine.output)
    assert document["valid"] is False and document["problems"]


@pytest.mark.parametrize(
    ("args", "stdin", "code"),
    [
        (("Hello",), None, 0),
        (("x" * 281,), None, 1),
        (("--json", "Hello"), None, 0),
        (("--json", "x" * 281), None, 1),
        (("--jsonl",), '"one"\n"two"\n', 0),
        (("--jsonl",), '"one"\n"' + "x" * 281 + '"\n', 1),
        (("-",), "Hello\n", 0),
    ],
    ids=["valid", "too-long", "json-valid", "json-too-long", "jsonl-valid", "jsonl-one-invalid",
         "stdin"],
)  # fmt: skip
def test_count_exit_status(
    run_cli: Callable[..., Result], args: tuple[str, ...], stdin: str | None, code: int
) -> None:
    result = run_cli("count", "--platform", "x", *args, input=stdin)
    assert result.exit_code == code, result.output


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (("--json", "--jsonl"), '"a"\n', "--json and --jsonl cannot be used together"),
        ((), "", "no text to count\n  hint: give the text as an argument"),
        ((), "\n", "no text to count"),
        (("-",), "", "no text to count"),
        (("--jsonl", "Hello"), "", "--jsonl reads stdin and takes no TEXT"),
        (("--jsonl",), '"ok"\n{"a": 1}\n', "stdin line 2: expected a JSON string, got dict\n"
         '  hint: give one JSON string per line, e.g. "Hello"'),
        (("--jsonl",), "not json\n", "stdin line 1: not JSON"),
    ],
    ids=["json-and-jsonl", "empty-stdin", "only-a-newline", "dash-empty", "jsonl-with-text",
         "jsonl-object", "jsonl-not-json"],
)  # fmt: skip
def test_count_usage_errors(
    run_cli: Callable[..., Result], args: tuple[str, ...], stdin: str, expected: str
) -> None:
    result = run_cli("count", "--platform", "x", *args, input=stdin)
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output


def test_count_usage_errors_in_german(
    run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVOCACY_KIT_LANG", "de")
    both = run_cli("count", "--platform", "x", "--json", "--jsonl", input="")
    assert "Fehler: --json und --jsonl gehen nicht zusammen\n  Hinweis:" in both.output
    empty = run_cli("count", "--platform", "x", input="")
    assert "Fehler: kein Text zum Zählen" in empty.output
    line = run_cli("count", "--platform", "x", "--jsonl", input="[1]\n")
    assert "stdin Zeile 1: JSON-String erwartet, bekommen: list" in line.output


def test_a_lone_surrogate_line_is_reported_with_its_number(tmp_path: Path) -> None:
    """The case from a shell: ``printf '"\\ud800 #tag"\\n' | advocacy-kit count … --jsonl``."""
    stdin = '"fine"\n"\\ud800 #tag"\n"never read"\n'
    result = CliRunner().invoke(
        get_cli(), ["count", "--platform", "linkedin", "--jsonl"], input=stdin
    )
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    [first] = [json.loads(line) for line in result.stdout.splitlines()]
    assert first["length"] == 4  # lines before the bad one were counted and printed
    assert "stdin line 2: not valid Unicode text (a lone surrogate \\ud800)" in result.output


def test_bytes_that_are_not_utf8_on_a_jsonl_line_are_named_as_such() -> None:
    """What ``printf '"\ud800"'`` in bash sends: a surrogate's bytes, which UTF-8 forbids."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "advocacy_kit", "count", "--platform", "linkedin", "--jsonl"],
        input=b'"ok"\n"\xed\xa0\x80 #tag"\n',
        capture_output=True,
        env={"ADVOCACY_KIT_LANG": "en", "LC_ALL": "C", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert b"line 2: not UTF-8 text" in result.stderr or b"stdin is not UTF-8 text" in (
        result.stderr
    )


def test_a_surrogate_pair_is_one_character(run_cli: Callable[..., Result]) -> None:
    result = run_cli("count", "--platform", "linkedin", "--jsonl", input='"\\ud83d\\udc4b"\n')
    assert result.exit_code == 0
    assert json.loads(result.output)["length"] == 1


# --- sync and edit protection -------------------------------------------------------------------


def test_sync_of_a_calendar_that_is_not_utf8_names_the_file(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    assert _plan(run_cli, GERMAN_KIT, tmp_path, "--format", "md").exit_code == 0
    markdown = tmp_path / "calendar.md"
    text = markdown.read_text(encoding="utf-8")
    markdown.write_bytes(text.encode("latin-1", errors="replace"))  # an editor saved Latin-1
    result = run_cli("sync", str(GERMAN_KIT), str(tmp_path))
    assert result.exit_code == 2
    first_bad = text.encode("latin-1", errors="replace").decode("utf-8", errors="replace")
    line = first_bad[: first_bad.index("\ufffd")].count("\n") + 1
    assert re.search(
        rf"^Fehler: {re.escape(str(markdown))}:{line}: kein UTF-8-Text \(Byte \d+\)\n"
        r"  Hinweis: speichere die Datei im Editor als UTF-8",
        result.output,
        re.M,
    )


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("<!-- draft: a -->\n> x\n", "de", "calendar.md:1: Entwurf 'a' hat keine Endmarke\n"
         "  Hinweis: ergänze <!-- end: a --> nach seinem Text"),
        ("<!-- draft: a -->\n> x\n", "en", "calendar.md:1: draft 'a' has no end marker\n"
         "  hint: add <!-- end: a --> after its text"),
        ("> x\n<!-- end: b -->\n", "de", "calendar.md:2: Endmarke für 'b' ohne ihren Anfang"),
        ("<!-- draft: a -->\n<!-- end: a -->\n<!-- draft: a -->\n<!-- end: a -->\n", "de",
         "calendar.md:3: Entwurf 'a' steht zweimal da"),
    ],
    ids=["no-end-de", "no-end-en", "no-start-de", "twice-de"],
)  # fmt: skip
def test_marker_errors_speak_the_kit_language(text: str, language: str, expected: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_edited_drafts(text, "calendar.md", language=language)
    assert str(caught.value).startswith(expected)
    assert ("\n  Hinweis: " if language == "de" else "\n  hint: ") in str(caught.value)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "die Liste der geschriebenen Dateien ist nicht lesbar"),
        ("en", "cannot read the record of written files"),
    ],
    ids=["german", "english"],
)
def test_a_broken_manifest_is_reported_in_the_language(
    tmp_path: Path, language: str, expected: str
) -> None:
    from advocacy_kit.errors import ExportError

    (tmp_path / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        Manifest.load(tmp_path, language=language)
    assert expected in str(caught.value)
    assert ("Hinweis: lösche sie" if language == "de" else "hint: delete it") in str(caught.value)


# --- singular and plural ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("noun", "count", "language", "expected"),
    [
        ("n.draft", 1, "de", "1 Entwurf"),
        ("n.draft", 2, "de", "2 Entwürfe"),
        ("n.draft", 0, "en", "0 drafts"),
        ("n.draft", 1, "en", "1 draft"),
        ("n.warning", 1, "de", "1 Warnung"),
        ("n.warning", 3, "de", "3 Warnungen"),
        ("n.slot", 1, "de", "1 Termin"),
        ("n.person", 1, "en", "1 person"),
        ("n.person", 2, "en", "2 people"),
        ("n.draft_dative", 7, "de", "7 Entwürfen"),
        ("duration.minutes", 1, "en", "1 minute"),
    ],
    ids=lambda value: str(value),
)
def test_counted_nouns(noun: str, count: int, language: str, expected: str) -> None:
    assert counted(noun, count, language) == expected


def test_every_counted_noun_has_both_forms() -> None:
    from advocacy_kit.i18n import _TEXTS

    nouns = {key.rsplit(".", 1)[0] for key in _TEXTS if key.endswith((".one", ".many"))}
    nouns -= {"problems"}  # a whole sentence with its own pair
    for noun in nouns:
        assert f"{noun}.one" in _TEXTS and f"{noun}.many" in _TEXTS, noun


MINIMAL_GERMAN = """\
organization:
  name: Acme
  timezone: Europe/Berlin
  language: {language}
areas:
  - id: testing
    name: Testing
topics:
  - id: flaky-tests
    title: Flaky tests are bugs
    areas: [testing]
people:
  - id: ada
    name: Ada
    languages: [{language}]
    expertise:
      testing: expert
    accounts:
      linkedin:
        cadence: "tue 09:00"
"""


@pytest.mark.parametrize(
    ("language", "plan_line", "check_lines"),
    [
        ("de", "2026-W49 geplant: 1 Entwurf für 1 Person, 0 Termine nicht geplant.",
         ["  1 Person (1 aktiv), 1 Thema, 1 Fachgebiet, 0 Kampagnen", "  2026-W49: 1 Termin, "]),
        ("en", "Planned 2026-W49: 1 draft for 1 person, 0 slots not planned.",
         ["  1 person (1 active), 1 topic, 1 area, 0 campaigns", "  2026-W49: 1 slot, "]),
    ],
    ids=["german", "english"],
)  # fmt: skip
def test_one_of_everything_is_singular(
    run_cli: Callable[..., Result],
    write_kit: Callable[..., Path],
    tmp_path: Path,
    language: str,
    plan_line: str,
    check_lines: list[str],
) -> None:
    kit = write_kit(MINIMAL_GERMAN.format(language=language))
    planned = _plan(run_cli, kit, tmp_path / "out", "--no-history", "--format", "md")
    assert planned.exit_code == 0, planned.output
    assert plan_line in planned.output.splitlines()
    checked = run_cli("check", str(kit), *WEEK)
    for line in check_lines:
        assert any(shown.startswith(line) for shown in checked.output.splitlines()), line
    total = checked.output.strip().splitlines()[-1]
    assert total.endswith("in 1 Entwurf" if language == "de" else "in 1 draft"), total
    history = run_cli("history", str(kit))
    assert history.output.strip().splitlines()[-1] == (
        "Im Verlauf passt kein Entwurf." if language == "de" else "No drafts in the history match."
    )
