"""Loading kits: every kind of bad input names its file, line and field, all at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from advocacy_kit import KitError, load_kit
from advocacy_kit.models import Kit

from .conftest import ENGLISH_KIT, GERMAN_KIT, MINIMAL_KIT


def _problems(folder: Path) -> KitError:
    with pytest.raises(KitError) as caught:
        load_kit(folder)
    return caught.value


def test_minimal_kit_loads(write_kit: Callable[..., Path]) -> None:
    kit = load_kit(write_kit())
    assert isinstance(kit, Kit)
    assert kit.person("ada").accounts["linkedin"].cadence == "tue 09:00"


def test_kit_file_path_works_as_well_as_folder(write_kit: Callable[..., Path]) -> None:
    folder = write_kit()
    assert load_kit(folder / "kit.yaml") == load_kit(folder)


@pytest.mark.parametrize("kit", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_example_kits_load(kit: Path) -> None:
    loaded = load_kit(kit)
    assert loaded.people and loaded.topics


def test_folder_kit_joins_people_files() -> None:
    kit = load_kit(GERMAN_KIT)
    assert {p.id for p in kit.people} == {"lena", "jonas", "aylin"}


YAML_1_2 = MINIMAL_KIT.replace('cadence: "tue 09:00"', "cadence: tue 19:30").replace(
    "name: Acme", "name: no"
)


def test_yaml_1_2_keeps_times_and_no_as_strings(write_kit: Callable[..., Path]) -> None:
    kit = load_kit(write_kit(YAML_1_2))
    assert kit.organization.name == "no"
    assert kit.person("ada").accounts["linkedin"].cadence == "tue 19:30"


# (description, replace this, with that, expected line, expected field, words in the message)
BAD_INPUTS = [
    ("unknown key", "  language: en\n", "  langauge: en\n", 4, "organization.langauge",
     "did you mean `language`"),
    ("wrong type", "      testing: expert", "      testing: 3", 17, "people[0].expertise.testing",
     "Input should be"),
    ("unknown time zone", "timezone: Europe/Berlin", "timezone: Mars/Olympus", 3,
     "organization.timezone", "Mars/Olympus"),
    ("unknown area", "areas: [testing]", "areas: [testng]", 11, "topics[0].areas[0]",
     "unknown area 'testng'"),
    ("invalid rrule", 'cadence: "tue 09:00"', 'cadence: "FREQ=WEEKLY;BYDAY=XX;BYHOUR=9"', 20,
     "people[0].accounts.linkedin.cadence", "invalid RRULE"),
    ("unknown weekday", 'cadence: "tue 09:00"', 'cadence: "tue, thx 09:00"', 20,
     "people[0].accounts.linkedin.cadence", "unknown weekday 'thx'"),
    ("impossible time", 'cadence: "tue 09:00"', 'cadence: "tue 25:00"', 20,
     "people[0].accounts.linkedin.cadence", "25:00 is not a time of day"),
    ("until without Z", 'cadence: "tue 09:00"',
     'cadence: "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;UNTIL=20270101T000000"', 20,
     "people[0].accounts.linkedin.cadence", "not in UTC"),
    ("unknown platform", "      linkedin:\n", "      myspace:\n", 19, "people[0].accounts.myspace",
     "unknown platform 'myspace'"),
    ("missing field", "    name: Ada\n", "", 13, "people[0].name", "Field required"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "words"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_bad_input_names_file_line_and_field(
    write_kit: Callable[..., Path], old: str, new: str, line: int, field: str, words: str
) -> None:
    assert old in MINIMAL_KIT
    error = _problems(write_kit(MINIMAL_KIT.replace(old, new)))
    assert len(error.problems) == 1, str(error)
    problem = error.problems[0]
    assert problem.path is not None and problem.path.name == "kit.yaml"
    assert (problem.line, problem.field) == (line, field), str(error)
    assert words in str(problem)
    assert problem.hint, "every problem says what to do"
    assert f"kit.yaml:{line}:" in str(error)


def test_yaml_syntax_error_names_line(write_kit: Callable[..., Path]) -> None:
    broken = MINIMAL_KIT.replace("  name: Acme\n", "  name: [Acme\n")
    error = _problems(write_kit(broken))
    assert "YAML syntax error" in str(error)
    assert "the construct starts at line 2" in str(error)


def test_duplicate_key_is_a_syntax_error(write_kit: Callable[..., Path]) -> None:
    doubled = MINIMAL_KIT.replace("  language: en\n", "  language: en\n  language: de\n")
    error = _problems(write_kit(doubled))
    assert error.problems[0].line == 5
    assert "duplicate" in str(error)


def test_all_problems_are_reported_at_once(write_kit: Callable[..., Path]) -> None:
    broken = (
        MINIMAL_KIT.replace("Europe/Berlin", "Mars/Olympus")
        .replace("areas: [testing]", "areas: [testng]")
        .replace("      linkedin:\n", "      myspace:\n")
    )
    error = _problems(write_kit(broken))
    assert [p.line for p in error.problems] == [3, 11, 19]
    assert "3 problems found; nothing was written." in str(error)


def test_duplicate_ids_point_at_the_second(write_kit: Callable[..., Path]) -> None:
    doubled = MINIMAL_KIT.replace(
        "topics:\n", "topics:\n  - id: flaky-tests\n    title: Again\n    areas: [testing]\n"
    )
    error = _problems(write_kit(doubled))
    assert [(p.line, p.field) for p in error.problems] == [(12, "topics[1].id")]
    assert "duplicate id 'flaky-tests'" in str(error)


def test_errors_in_split_files_name_that_file(write_kit: Callable[..., Path]) -> None:
    folder = write_kit(
        MINIMAL_KIT.split("people:")[0],
        people__bob_yaml="id: bob\nname: Bob\nlanguages: [en]\nexpertise: {testing: guru}\n",
    )
    (folder / "people" / "bob_yaml").rename(folder / "people" / "bob.yaml")
    error = _problems(folder)
    problem = error.problems[0]
    assert problem.path == folder / "people" / "bob.yaml"
    assert (problem.line, problem.field) == (4, "people[0].expertise.testing")


def test_platform_options_are_validated(write_kit: Callable[..., Path]) -> None:
    kit = MINIMAL_KIT.replace(
        'cadence: "tue 09:00"', 'cadence: "tue 09:00"\n        options: {max_chars: 1}'
    )
    error = _problems(write_kit(kit))
    assert "unknown option 'max_chars'" in str(error)
    assert error.problems[0].field == "people[0].accounts.linkedin.options"


def test_missing_kit_says_what_to_do(tmp_path: Path) -> None:
    error = _problems(tmp_path)
    assert "no kit.yaml in this folder" in str(error)
    error = _problems(tmp_path / "nowhere")
    assert "no such file or folder" in str(error)


def test_kit_error_is_a_value_error(write_kit: Callable[..., Path]) -> None:
    with pytest.raises(ValueError):
        load_kit(write_kit(MINIMAL_KIT.replace("Europe/Berlin", "Mars/Olympus")))
