"""The command line: help with examples, clear errors with exit status 2 and no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import click
import pytest
from click.testing import Result

from advocacy_kit.cli import get_cli

from .conftest import ENGLISH_KIT, GERMAN_KIT, MINIMAL_KIT

COMMANDS = sorted(get_cli().commands)


def test_top_level_help_has_examples(run_cli: Callable[..., Result]) -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_explains_itself_with_an_example(
    run_cli: Callable[..., Result], name: str
) -> None:
    result = run_cli(name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output, f"`advocacy-kit {name} --help` shows no example"
    command = get_cli().commands[name]
    assert isinstance(command, click.Command) and command.help


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (("  language: en\n", "  langauge: en\n"), 4),
        (("  name: Acme\n", "  name: [Acme\n"), 3),
        (("Europe/Berlin", "Mars/Olympus"), 3),
    ],
    ids=["unknown-key", "yaml-syntax", "time-zone"],
)
def test_check_reports_bad_kits_with_line_and_exit_2(
    write_kit: Callable[..., Path], change: tuple[str, str], line: int
) -> None:
    folder = write_kit(MINIMAL_KIT.replace(*change))
    # A real process: the console script must print the message, not a traceback.
    result = subprocess.run(
        [sys.executable, "-m", "advocacy_kit", "check", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert f"kit.yaml:{line}:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "hint:" in result.stderr


@pytest.mark.parametrize("kit", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_check_summarises_example_kits(run_cli: Callable[..., Result], kit: Path) -> None:
    result = run_cli("check", str(kit), "--week", "2026-W49")
    assert result.exit_code == 0, result.output
    assert "Kit OK" in result.output
    assert ("slots" if kit == ENGLISH_KIT else "Termine") in result.output  # the kit's language


def test_plan_writes_markdown_and_says_where(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    result = run_cli("plan", str(ENGLISH_KIT), "--week", "2026-W49", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    written = tmp_path / "calendar.md"
    assert f"Wrote {written}" in result.output
    assert "Priya Raman" in written.read_text(encoding="utf-8")


def test_plan_rejects_bad_week_before_writing(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    result = run_cli("plan", str(ENGLISH_KIT), "--week", "2026-W60", "--out", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "has no ISO week 60" in result.output
    assert not (tmp_path / "o").exists()


def test_plan_rejects_unknown_format(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    result = run_cli("plan", str(ENGLISH_KIT), "--format", "pdf", "--out", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "unknown exporter 'pdf'" in result.output
    assert not (tmp_path / "o").exists()


def test_schema_is_json_schema_of_a_kit(run_cli: Callable[..., Result]) -> None:
    result = run_cli("schema")
    schema = json.loads(result.output)
    assert schema["title"] == "Kit"
    assert {"organization", "people", "topics"} <= set(schema["properties"])


def test_plugins_lists_builtins_with_hooks(run_cli: Callable[..., Result]) -> None:
    result = run_cli("plugins")
    own = f"advocacy-kit {version('advocacy-kit')}"
    assert f"advocacy_kit.platforms.linkedin (built-in, {own}): register_platforms" in result.output


def test_unknown_option_is_a_usage_error(run_cli: Callable[..., Result]) -> None:
    result = run_cli("plan", "--no-such-option")
    assert result.exit_code == 2
    assert "No such option" in result.output


def test_an_unwritable_output_is_one_message_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "index.html").mkdir()  # a folder where the page should go
    result = subprocess.run(
        [sys.executable, "-m", "advocacy_kit", "plan", str(ENGLISH_KIT), "--week", "2026-W49",
         "--out", str(tmp_path), "--no-history"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "index.html: Is a directory" in result.stderr
    assert "hint:" in result.stderr
    assert "Traceback" not in result.stderr


def test_written_files_get_the_usual_permissions(tmp_path: Path) -> None:
    import os

    from advocacy_kit.exporters.base import write_atomic

    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "page.html", "<p>hi</p>")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("kit", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_the_schema_accepts_the_example_kits_file_by_file(
    run_cli: Callable[..., Result], kit: Path
) -> None:
    import jsonschema

    from advocacy_kit.loading import _read_yaml, _walk

    def plain(path: Path) -> object:
        return _walk(_read_yaml(path), (), path, {})

    schemas = {
        part: json.loads(run_cli("schema", "--part", part).output)
        for part in ("kit", "person", "topic", "campaign")
    }
    assert schemas["kit"]["$schema"].endswith("2020-12/schema")
    jsonschema.validate(plain(kit / "kit.yaml"), schemas["kit"])
    for folder, part in (("people", "person"), ("topics", "topic"), ("campaigns", "campaign")):
        for file in sorted((kit / folder).glob("*.yaml")):
            jsonschema.validate(plain(file), schemas[part])


def test_the_schema_rejects_what_loading_rejects(run_cli: Callable[..., Result]) -> None:
    import jsonschema

    schema = json.loads(run_cli("schema").output)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"organization": {"name": "Acme", "followers": 10}}, schema)


def test_a_closed_pipe_stops_quietly() -> None:
    # `advocacy-kit plan --explain | head -1`: the reader leaves early; no error, no traceback.
    command = (
        f"{sys.executable} -m advocacy_kit plan {GERMAN_KIT} --week 2026-W49 --explain "
        '--no-history --format md --out "$(mktemp -d)" | head -1'
    )
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False)
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""
