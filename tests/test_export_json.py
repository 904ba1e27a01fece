"""JSON export: the whole calendar, its published schema, and the loader back into the models."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from advocacy_kit import Calendar, UsageError, load_kit, plan_week
from advocacy_kit.exporters.json import JsonExporter, calendar_schema, load_calendar, parse_calendar

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("kit", ["de-kommunikation", "en-engineering"])
def test_round_trip_gives_the_same_calendar(kit: str, tmp_path: Path) -> None:
    calendar = plan_week(load_kit(EXAMPLES / kit), "2026-W49")
    [path] = JsonExporter().export(calendar, tmp_path)
    loaded = load_calendar(path)
    assert loaded == calendar
    for original, again in zip(calendar.entries, loaded.entries, strict=True):
        assert again.slot.start.tzinfo == ZoneInfo(original.slot.timezone)
        assert again.slot.start.isoformat() == original.slot.start.isoformat()


def test_output_validates_against_the_published_schema(
    sample_calendar_of: Callable[[str], Calendar],
) -> None:
    [file] = JsonExporter().render(sample_calendar_of("de"))
    jsonschema.validate(json.loads(file.content), calendar_schema())


def test_ordering_is_stable_whatever_the_entry_order(
    sample_calendar_of: Callable[[str], Calendar],
) -> None:
    calendar = sample_calendar_of("en")
    shuffled = calendar.model_copy(update={"entries": list(reversed(calendar.entries))})
    assert JsonExporter().render(calendar) == JsonExporter().render(shuffled)


def test_json_matches_golden(
    sample_calendar_of: Callable[[str], Calendar], golden: Callable[..., None]
) -> None:
    [file] = JsonExporter().render(sample_calendar_of("de"))
    golden("json/calendar.json", file.content)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "calendar.json:1:2: Expecting property name"),
        ('{"week": "2026-W49"}', "calendar.json: starts: Field required"),
    ],
    ids=["syntax", "missing-field"],
)
def test_bad_files_name_the_place(text: str, expected: str) -> None:
    with pytest.raises(UsageError, match="hint:") as caught:
        parse_calendar(text, "calendar.json")
    assert expected in str(caught.value)


def test_schema_command_prints_the_calendar_schema(run_cli: Callable[..., object]) -> None:
    result = run_cli("schema", "--calendar")
    assert result.exit_code == 0  # type: ignore[attr-defined]
    schema = json.loads(result.output)  # type: ignore[attr-defined]
    assert schema == calendar_schema()
    assert "entries" in schema["properties"]
