"""Checks end to end: example kits, seeded violations, the `check` command, docs and plugins."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit import Calendar, Kit, load_kit, plan_week
from advocacy_kit.calendar import CalendarEntry
from advocacy_kit.checks import CODES
from advocacy_kit.models import POST_KINDS

from .conftest import ENGLISH_KIT, GERMAN_KIT, ROOT

VIOLATIONS = Path(__file__).parent / "data" / "kits" / "violations"
EXAMPLES = pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["german", "english"])
SEEDED = pytest.mark.parametrize("language", ["de", "en"], ids=["german", "english"])
# Each person of the violation kits carries exactly one violation (see their README).
EXPECTED = {
    "ana": ["AK301"],
    "ben": ["AK201"],
    "cleo": ["AK401"],
    "dev": ["AK101"],
    "eli": ["AK502"],
    "fay": ["AK502"],
}
WHAT_TO_DO = {
    "de": ("streich", "ergänze", "ersetze", "kürze", "schreib"),
    "en": ("remove", "add", "replace", "shorten", "rewrite"),
}


def _by_person(calendar: Calendar) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for entry in calendar.entries:
        found.setdefault(entry.slot.person_id, []).extend(f.code for f in entry.findings)
    return found


# --- example kits and seeded violations --------------------------------------------------------


@EXAMPLES
@pytest.mark.parametrize("week", ["2026-W45", "2026-W49", "2026-W51", "2027-W02"])
def test_example_kits_have_no_error_findings(kit_path: Path, week: str) -> None:
    calendar = plan_week(load_kit(kit_path), week)
    assert calendar.entries
    assert [f for f in calendar.findings if f.severity == "error"] == []


@SEEDED
def test_each_seeded_violation_gives_exactly_its_finding(language: str) -> None:
    calendar = plan_week(load_kit(VIOLATIONS / language), "2026-W49")
    assert _by_person(calendar) == EXPECTED
    for finding in calendar.findings:
        assert finding.message.split(";")[-1].strip().startswith(WHAT_TO_DO[language])


@SEEDED
def test_the_two_colleagues_name_each_other(language: str) -> None:
    calendar = plan_week(load_kit(VIOLATIONS / language), "2026-W49")
    names = {p.id: p.name for p in load_kit(VIOLATIONS / language).people}
    [eli] = calendar.entries_for("eli")[0].findings
    [fay] = calendar.entries_for("fay")[0].findings
    assert names["fay"] in eli.message and names["eli"] in fay.message


# --- the `check` command ----------------------------------------------------------------------


@EXAMPLES
def test_check_exits_0_on_the_example_kits_and_keeps_the_summary(
    run_cli: Callable[..., Any], kit_path: Path
) -> None:
    result = run_cli("check", str(kit_path), "--week", "2026-W49")
    assert result.exit_code == 0, result.output
    kit = load_kit(kit_path)
    assert f"Kit OK: {kit.organization.name}" in result.output
    assert "2026-W49:" in result.output
    cadence_words = (
        "Dienstag und Donnerstag um 08:30" if kit_path == GERMAN_KIT else "Tuesday at 10:00"
    )
    assert cadence_words in result.output
    totals = "0 Fehler" if kit_path == GERMAN_KIT else "0 errors"
    assert totals in result.output


@SEEDED
def test_check_exits_1_on_a_kit_with_errors_and_groups_by_person_and_day(
    run_cli: Callable[..., Any], language: str
) -> None:
    result = run_cli("check", str(VIOLATIONS / language), "--week", "2026-W49")
    assert result.exit_code == 1
    output = result.output
    findings = output[output.index("\n\n") :]
    names = [p.name for p in load_kit(VIOLATIONS / language).people]
    positions = [findings.index(f"\n{name}\n") for name in names]
    assert positions == sorted(positions)
    day = "Do 03.12.2026" if language == "de" else "Thu 2026-12-03"
    assert day in findings
    assert "AK502" in findings and "AK101" in findings
    assert ("5 Fehler" if language == "de" else "5 errors") in output


@SEEDED
def test_check_json_is_for_machines(run_cli: Callable[..., Any], language: str) -> None:
    result = run_cli("check", str(VIOLATIONS / language), "--week", "2026-W49", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert document["week"] == "2026-W49"
    assert document["counts"] == {"error": 5, "warning": 1, "hint": 0}
    by_person = {f["person_id"]: f["code"] for f in document["findings"]}
    assert by_person == {person: codes[0] for person, codes in EXPECTED.items()}
    dev = next(f for f in document["findings"] if f["person_id"] == "dev")
    assert dev["day"] == "2026-12-02" and dev["platform"] == "linkedin"


def test_check_json_on_a_clean_kit_exits_0(run_cli: Callable[..., Any]) -> None:
    result = run_cli("check", str(ENGLISH_KIT), "--week", "2026-W49", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.output)["counts"]["error"] == 0


def test_invalid_kit_still_exits_2(
    run_cli: Callable[..., Any], write_kit: Callable[..., Path]
) -> None:
    folder = write_kit(
        "organization: {name: Acme}\nareas: [{id: a, name: A}]\npeople:\n"
        "  - {id: ada, name: Ada, languages: [en], expertise: {a: expert}, followers: 5000}\n"
    )
    result = run_cli("check", str(folder))
    assert result.exit_code == 2
    assert "followers" in result.output


def test_check_lives_in_its_own_plugin_module() -> None:
    from advocacy_kit.cli import commands
    from advocacy_kit.plugins import DEFAULT_PLUGINS, plugin_infos

    assert not hasattr(commands, "check")
    assert "advocacy_kit.cli.check_command" in DEFAULT_PLUGINS
    info = {i.name: i for i in plugin_infos()}["advocacy_kit.cli.check_command"]
    assert info.hooks == ("register_commands",) and info.builtin


# --- no vanity metrics -------------------------------------------------------------------------


def test_nothing_measures_people_by_followers_shares_or_reach() -> None:
    vanity = re.compile(r"follower|shares|reach|likes|impression|engagement|rank", re.I)
    for model in (Kit, Calendar, CalendarEntry):
        fields = json.dumps(sorted(_field_names(model.model_json_schema())))
        assert not vanity.search(fields), fields


def _field_names(schema: dict[str, Any]) -> set[str]:
    names = set(schema.get("properties", {}))
    for definition in schema.get("$defs", {}).values():
        names |= set(definition.get("properties", {}))
    return names


# --- docs --------------------------------------------------------------------------------------


def test_every_code_is_documented_with_its_severity() -> None:
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    for code, item in CODES.items():
        assert f"| `{code}` | {item.severity} |" in text, code


def _example_plugin() -> object:
    path = ROOT / "docs" / "examples" / "forbid_old_name.py"
    spec = importlib.util.spec_from_file_location("forbid_old_name", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_example_plugin_forbids_the_old_name(
    register_plugin: Callable[[object, str], None],
) -> None:
    plugin = _example_plugin()
    lines = (ROOT / "docs" / "examples" / "forbid_old_name.py").read_text().splitlines()
    assert len([line for line in lines if line.strip()]) <= 10
    register_plugin(plugin, "forbid-old-name")
    data = load_kit(ENGLISH_KIT).model_dump()
    for topic in data["topics"]:
        if topic["id"] == "release-notes":
            topic["title"] = "Our DataPump connector is out"
    calendar = plan_week(Kit.model_validate(data), "2026-W49")
    house = [f for f in calendar.findings if f.code == "ACME001"]
    assert house, "the example topic is planned in 2026-W49"
    entries = {e.draft.id: e for e in calendar.entries}
    for finding in house:
        entry = entries[finding.slot_id or ""]
        assert "DataPump" in entry.post.text
        assert finding.person_id == entry.slot.person_id and finding.platform == entry.post.platform
        assert "Larkspur Ingest" in finding.message
    clean = plan_week(load_kit(ENGLISH_KIT), "2026-W49")
    assert not [f for f in clean.findings if f.code == "ACME001"]


# --- property: built-in templates never produce errors for a valid kit --------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyzäöüßéøñ"
_word = st.text(alphabet=_LETTERS + _LETTERS.upper()[:26], min_size=1, max_size=8)
_phrase = st.lists(_word, min_size=1, max_size=5).map(" ".join)
_CADENCES = [
    "tue 09:00",
    "mon, thu 10:30",
    "3 per week",
    "weekdays 12:00",
    "FREQ=WEEKLY;BYDAY=WE;BYHOUR=9;BYMINUTE=0",
]


@st.composite
def _kits(draw: st.DrawFn) -> Kit:
    areas = ["one", "two"]
    topics = []
    for index in range(draw(st.integers(1, 4))):
        link = draw(
            st.sampled_from(
                [
                    None,
                    "https://acme.example/page",
                    "https://acme.example/p?utm_source=adv",
                    "https://else.example/x",
                ]
            )
        )
        topics.append(
            {
                "id": f"t{index}",
                "title": draw(_phrase),
                "areas": draw(
                    st.lists(st.sampled_from(areas), min_size=1, max_size=2, unique=True)
                ),
                "kind": draw(st.none() | st.sampled_from(POST_KINDS)),
                "key_points": draw(st.lists(_phrase, max_size=2)),
                "hashtags": draw(st.lists(_word, max_size=4)),
                "link": link,
                "promotes_employer": draw(st.booleans()),
                "languages": draw(st.sampled_from([[], ["de"], ["en"]])),
            }
        )
    people = []
    for index in range(draw(st.integers(1, 4))):
        accounts = {
            platform: {"cadence": draw(st.sampled_from(_CADENCES))}
            for platform in draw(
                st.lists(
                    st.sampled_from(["linkedin", "mastodon"]), min_size=1, max_size=2, unique=True
                )
            )
        }
        people.append(
            {
                "id": f"p{index}",
                "name": f"Person {index}",
                "languages": draw(st.sampled_from([["de"], ["en"], ["de", "en"], ["en", "de"]])),
                "expertise": {
                    area: draw(st.sampled_from(["learning", "practitioner", "expert"]))
                    for area in draw(
                        st.lists(st.sampled_from(areas), min_size=1, max_size=2, unique=True)
                    )
                },
                "accounts": accounts,
                "weekly_cap": draw(st.none() | st.integers(0, 5)),
                "active": draw(st.booleans()),
            }
        )
    texts = draw(
        st.sampled_from(
            [
                {"de": "Ich arbeite bei Acme.", "en": "I work at Acme."},
                {"de": "Ich arbeite bei Acme."},
                {"en": "I work at Acme."},
            ]
        )
    )
    return Kit.model_validate(
        {
            "organization": {"name": "Acme", "language": draw(st.sampled_from(["de", "en"]))},
            "guidelines": {
                "disclosure": {
                    "texts": texts,
                    "applies_to": draw(st.sampled_from(["promotional", "all"])),
                    "position": draw(st.sampled_from(["start", "end"])),
                },
                # Digits never occur in generated text, so these terms never match a draft.
                "blocked_terms": [{"term": "codename7", "compounds": True}, "x9"],
                "hashtags": {"max_per_post": draw(st.integers(0, 5))},
                "employer_domains": ["acme.example"],
                "tracking_parameters": draw(st.sampled_from([{}, {"utm_source": "advocacy"}])),
            },
            "areas": [{"id": area, "name": area.title()} for area in areas],
            "topics": topics,
            "people": people,
        }
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kit=_kits())
def test_built_in_templates_give_no_error_findings(kit: Kit) -> None:
    calendar = plan_week(kit, "2026-W49")
    errors = [(f.code, f.message) for f in calendar.findings if f.severity == "error"]
    assert errors == []
