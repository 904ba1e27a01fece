"""German and English everywhere: kit problems, their hints and the CLI's own summaries."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from advocacy_kit import KitError, load_kit
from advocacy_kit.i18n import language_from_environment, language_in_text, say

from .conftest import ENGLISH_KIT, GERMAN_KIT, MINIMAL_KIT

GERMAN_MINIMAL_KIT = MINIMAL_KIT.replace("  language: en\n", "  language: de\n")
NO_LANGUAGE_KIT = MINIMAL_KIT.replace("  language: en\n", "")
AWAY = "    away:\n      - starts: 2026-12-10\n        ends: 2026-12-01\n"
CADENCE = 'cadence: "tue 09:00"'

# (id, old, new, line, field, German message, German hint, English message)
BROKEN_KITS = [
    ("unknown key", "    name: Ada\n", "    name: Ada\n    nmae: Ada\n", 15, "people[0].nmae",
     "unbekannter Schlüssel", "meintest du `name`? bekannte Felder hier:", "unknown key"),
    ("yaml syntax error", "  name: Acme\n", "  name: [Acme\n", 3, "",
     "YAML-Syntaxfehler", "prüfe Einrückung, Doppelpunkte", "YAML syntax error"),
    ("unknown time zone", "timezone: Europe/Berlin", "timezone: Mars/Olympus", 3,
     "organization.timezone", "unbekannte IANA-Zeitzone 'Mars/Olympus'", "tz-Datenbank",
     "unknown IANA time zone 'Mars/Olympus'"),
    ("unknown weekday", CADENCE, 'cadence: "tue, thx 09:00"', 20,
     "people[0].accounts.linkedin.cadence", "unbekannter Wochentag 'thx'", "werktags/weekdays",
     "unknown weekday 'thx'"),
    ("impossible time", CADENCE, 'cadence: "tue 25:00"', 20,
     "people[0].accounts.linkedin.cadence", "25:00 ist keine Uhrzeit",
     "zwischen 00:00 und 23:59", "25:00 is not a time of day"),
    ("until without Z", CADENCE, 'cadence: "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;UNTIL=20270101T000000"',
     20, "people[0].accounts.linkedin.cadence", "UNTIL=20270101T000000 ist nicht in UTC",
     "als UTC-Zeitpunkt", "UNTIL=20270101T000000 is not in UTC"),
    ("unknown area", "areas: [testing]", "areas: [testng]", 11, "topics[0].areas[0]",
     "unbekanntes Fachgebiet 'testng'", "nimm eines der Fachgebiete des Kits: testing",
     "unknown area 'testng'"),
    ("duplicate id", "topics:\n", "topics:\n  - id: flaky-tests\n    title: Again\n"
     "    areas: [testing]\n", 12, "topics[1].id", "doppelte ID 'flaky-tests'",
     "jeder Eintrag in topics braucht eine eigene ID", "duplicate id 'flaky-tests'"),
    ("unknown platform", "      linkedin:\n", "      myspace:\n", 19, "people[0].accounts.myspace",
     "unbekannte Plattform 'myspace'", "oder installiere ihr Plugin", "unknown platform 'myspace'"),
    ("away period order", "    name: Ada\n", "    name: Ada\n" + AWAY, 16, "people[0].away[0]",
     "die Abwesenheit endet (2026-12-01), bevor sie beginnt (2026-12-10)",
     "vertausche die beiden Daten", "away period ends (2026-12-01) before it starts (2026-12-10)"),
    ("unknown holiday region", "  name: Acme\n", "  name: Acme\n  holiday_region: DE-XX\n", 3,
     "organization.holiday_region", "unbekannte Feiertagsregion 'DE-XX'",
     "nimm das Land allein (DE) oder eine seiner Regionen: DE-BB", "unknown holiday region 'DE-XX'"),
]  # fmt: skip
CASES = pytest.mark.parametrize(
    ("old", "new", "line", "field", "message", "hint", "english"),
    [case[1:] for case in BROKEN_KITS],
    ids=[case[0] for case in BROKEN_KITS],
)


def _problems(folder: Path) -> KitError:
    with pytest.raises(KitError) as caught:
        load_kit(folder)
    return caught.value


def _broken(kit: str, old: str, new: str) -> str:
    assert old in kit
    return kit.replace(old, new, 1)


def _line_shift(kit: str, line: int) -> int:
    """NO_LANGUAGE_KIT lacks line 4 (`language:`), so later lines move up by one."""
    return line - 1 if kit is NO_LANGUAGE_KIT and line > 4 else line


def _assert_german(error: KitError, line: int, field: str, message: str, hint: str) -> None:
    assert len(error.problems) == 1, str(error)
    problem = error.problems[0]
    assert (problem.line, problem.field) == (line, field), str(error)
    assert message in problem.message
    assert hint in problem.hint
    text = str(error)
    assert f"kit.yaml:{line}:" in text
    assert "\n  Hinweis: " in text and "hint:" not in text
    assert text.endswith("1 Problem gefunden; nichts wurde geschrieben.")


@CASES
def test_a_german_kit_gets_german_problems_and_hints(
    write_kit: Callable[..., Path],
    old: str,
    new: str,
    line: int,
    field: str,
    message: str,
    hint: str,
    english: str,
) -> None:
    error = _problems(write_kit(_broken(GERMAN_MINIMAL_KIT, old, new)))
    _assert_german(error, line, field, message, hint)
    assert error.language == "de"


@CASES
def test_the_environment_decides_when_the_kit_has_no_language(
    write_kit: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    old: str,
    new: str,
    line: int,
    field: str,
    message: str,
    hint: str,
    english: str,
) -> None:
    monkeypatch.setenv("ADVOCACY_KIT_LANG", "de")
    kit = _broken(NO_LANGUAGE_KIT, old, new)
    _assert_german(
        _problems(write_kit(kit)), _line_shift(NO_LANGUAGE_KIT, line), field, message, hint
    )


@CASES
def test_an_english_kit_stays_english_whatever_the_environment(
    write_kit: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    old: str,
    new: str,
    line: int,
    field: str,
    message: str,
    hint: str,
    english: str,
) -> None:
    monkeypatch.setenv("ADVOCACY_KIT_LANG", "de")
    error = _problems(write_kit(_broken(MINIMAL_KIT, old, new)))
    assert english in str(error)
    assert "\n  hint: " in str(error)
    assert str(error).endswith("1 problem found; nothing was written.")


def test_german_and_english_problems_stand_at_the_same_places(
    write_kit: Callable[..., Path],
) -> None:
    def places(kit: str) -> list[tuple[int | None, int | None, str]]:
        broken = (
            kit.replace("Europe/Berlin", "Mars/Olympus")
            .replace("areas: [testing]", "areas: [testng]")
            .replace("      linkedin:\n", "      myspace:\n")
        )
        return [(p.line, p.column, p.field) for p in _problems(write_kit(broken)).problems]

    assert places(GERMAN_MINIMAL_KIT) == places(MINIMAL_KIT)
    assert "3 Probleme gefunden" in str(
        _problems(write_kit(GERMAN_MINIMAL_KIT.replace("Europe/Berlin", "Mars/Olympus", 1)
                            .replace("areas: [testing]", "areas: [testng]")
                            .replace("      linkedin:\n", "      myspace:\n")))
    )  # fmt: skip


# pydantic's own messages: (id, old, new, German message, German hint)
PYDANTIC_ERRORS = [
    ("missing", "    name: Ada\n", "", "Pflichtfeld fehlt", "ergänze hier `name:`"),
    ("literal", "testing: expert", "testing: guru",
     "muss 'learning', 'practitioner' oder 'expert' sein", "advocacy-kit schema"),
    ("string type", "title: Flaky tests are bugs", "title: [a, b]", "muss ein Text sein", ""),
    ("int parsing", "    name: Ada\n", "    name: Ada\n    weekly_cap: many\n",
     "muss eine ganze Zahl sein", ""),
    ("int range", "    name: Ada\n", "    name: Ada\n    weekly_cap: 99\n",
     "darf höchstens 21 sein", ""),
    ("bool parsing", "    name: Ada\n", "    name: Ada\n    active: perhaps\n",
     "muss true oder false sein", ""),
    ("date parsing", "    areas: [testing]\n", "    areas: [testing]\n    valid_from: soon\n",
     "muss ein Datum sein", ""),
    ("time parsing", "    name: Ada\n", "    name: Ada\n    sharing_hours: {start: noon}\n",
     "muss eine Uhrzeit sein", ""),
    ("too short", "languages: [en]", "languages: []", "darf nicht leer sein", ""),
    ("pattern", "languages: [en]", "languages: [english]", "passt nicht zum Muster", ""),
    ("list type", "languages: [en]", "languages: en", "muss eine Liste sein", ""),
    ("dict type", "    expertise:\n      testing: expert\n", "    expertise: testing\n",
     "muss eine Zuordnung", ""),
]  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new", "message", "hint"),
    [case[1:] for case in PYDANTIC_ERRORS],
    ids=[case[0] for case in PYDANTIC_ERRORS],
)
def test_pydantic_messages_speak_german(
    write_kit: Callable[..., Path], old: str, new: str, message: str, hint: str
) -> None:
    error = _problems(write_kit(_broken(GERMAN_MINIMAL_KIT, old, new)))
    assert [p.message for p in error.problems] == [message] or message in str(error), str(error)
    assert hint in str(error)
    english = _problems(write_kit(_broken(MINIMAL_KIT, old, new)))
    assert [(p.line, p.field) for p in english.problems] == [
        (p.line, p.field) for p in error.problems
    ]
    assert message not in str(english)


def test_platform_options_speak_german(write_kit: Callable[..., Path]) -> None:
    kit = GERMAN_MINIMAL_KIT.replace(CADENCE, CADENCE + "\n        options: {max_chars: 1}")
    error = _problems(write_kit(kit))
    assert "LinkedIn-Optionen: unbekannte Option 'max_chars' (bekannt: " in str(error)
    assert "`advocacy-kit platforms` zeigt die Optionen" in str(error)


def test_a_broken_split_file_is_told_in_the_kits_language(write_kit: Callable[..., Path]) -> None:
    folder = write_kit(GERMAN_MINIMAL_KIT.split("people:")[0], **{"people__bob.yaml": "id: [bob\n"})
    error = _problems(folder)
    assert (
        "YAML-Syntaxfehler" in str(error) and error.problems[0].path == folder / "people/bob.yaml"
    )


def test_a_missing_kit_is_told_in_the_environments_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVOCACY_KIT_LANG", "de")
    assert "keine kit.yaml in diesem Ordner" in str(_problems(tmp_path))
    assert "Datei oder Ordner gibt es nicht" in str(_problems(tmp_path / "nowhere"))


ENVIRONMENTS = [
    ("nothing set", {}, "en"),
    ("ADVOCACY_KIT_LANG", {"ADVOCACY_KIT_LANG": "de"}, "de"),
    ("ADVOCACY_KIT_LANG beats the locale", {"ADVOCACY_KIT_LANG": "en", "LANG": "de_DE.UTF-8"}, "en"),
    ("LANG", {"LANG": "de_DE.UTF-8"}, "de"),
    ("LC_MESSAGES beats LANG", {"LC_MESSAGES": "de_AT.UTF-8", "LANG": "en_GB.UTF-8"}, "de"),
    ("LC_ALL beats the rest", {"LC_ALL": "C.UTF-8", "LC_MESSAGES": "de_DE", "LANG": "de_DE"}, "en"),
    ("empty values are not set", {"ADVOCACY_KIT_LANG": "", "LC_ALL": "", "LANG": "de_CH"}, "de"),
    ("any other language reads English", {"ADVOCACY_KIT_LANG": "fr"}, "en"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("environ", "expected"),
    [case[1:] for case in ENVIRONMENTS],
    ids=[case[0] for case in ENVIRONMENTS],
)
def test_language_from_environment(environ: dict[str, str], expected: str) -> None:
    assert language_from_environment(environ) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("organization:\n  name: [Acme\n  language: de\n", "de"),
        ("organization:\n  # language: en\n  language: 'de'  # German\n", "de"),
        ("organization:\n  name: Acme\nsettings:\n  language: de\n", None),
        ("people:\n  - language: de\n", None),
    ],
    ids=["broken-yaml", "quoted-and-commented", "other-section", "no-organization"],
)
def test_language_in_text(tmp_path: Path, text: str, expected: str | None) -> None:
    path = tmp_path / "kit.yaml"
    path.write_text(text, encoding="utf-8")
    assert language_in_text(path) == expected


# --- the command line --------------------------------------------------------------------------


def test_check_summary_in_german(run_cli: Callable[..., Result]) -> None:
    result = run_cli("check", str(GERMAN_KIT), "--week", "2026-W49")
    assert result.exit_code == 0, result.output
    # The example kit has one campaign: singular.
    assert re.search(r"^  \d+ Personen \(\d+ aktiv\), \d+ Themen, \d+ Fachgebiete, 1 Kampagne$",
                     result.output, re.M)  # fmt: skip
    assert re.search(r"^  Plattformen: LinkedIn", result.output, re.M)
    assert re.search(r"^  2026-W49: \d+ Termine, \d+ ausgelassen$", result.output, re.M)
    for english in ("people", "topics", "platforms:", "slots", "left out"):
        assert english not in result.output


def test_check_summary_in_english(run_cli: Callable[..., Result]) -> None:
    result = run_cli("check", str(ENGLISH_KIT), "--week", "2026-W49")
    assert re.search(r"^  \d+ people \(\d+ active\), \d+ topics, \d+ areas, \d+ campaigns$",
                     result.output, re.M)  # fmt: skip
    assert re.search(r"^  2026-W49: \d+ slots, \d+ left out$", result.output, re.M)


def test_plan_history_and_mark_in_german(
    run_cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVOCACY_KIT_HISTORY", str(tmp_path / "history.sqlite3"))
    out = tmp_path / "out"
    planned = run_cli("plan", str(GERMAN_KIT), "--week", "2026-W49", "-f", "md", "--out", str(out))
    assert planned.exit_code == 0, planned.output
    assert re.search(
        r"^2026-W49 geplant: \d+ Entwürfe für \d+ Personen, \d+ Termine nicht geplant\.$",
        planned.output,
        re.M,
    )
    assert re.search(r"^Verlauf .*: \d+ neu, 0 aktualisiert, 0 behalten, 0 unverändert, "
                     r"0 zurückgezogen\.$", planned.output, re.M)  # fmt: skip
    assert f"Geschrieben: {out / 'calendar.md'}" in planned.output
    listed = run_cli("history", str(GERMAN_KIT))
    draft_id = listed.output.split()[0]
    assert re.search(r"  geplant  ", listed.output) and re.search(
        r"^\d+ Entwürfe\.$", listed.output, re.M
    )
    marked = run_cli("mark", str(GERMAN_KIT), draft_id, "posted")
    assert marked.output.strip() == f"{draft_id}: gepostet"
    none = run_cli("history", str(GERMAN_KIT), "--week", "2026-W01")
    assert none.output.strip() == "Im Verlauf passt kein Entwurf."
    synced = run_cli("sync", str(GERMAN_KIT), str(out))
    assert re.search(r"^0 bearbeitet, \d+ unverändert, 0 nicht im Verlauf", synced.output, re.M)


def test_sync_in_english(
    run_cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVOCACY_KIT_HISTORY", str(tmp_path / "history.sqlite3"))
    run_cli("plan", str(ENGLISH_KIT), "--week", "2026-W49", "-f", "md", "--out", str(tmp_path))
    synced = run_cli("sync", str(ENGLISH_KIT), str(tmp_path))
    assert re.search(r"^\d+ edited, \d+ unchanged, 0 not in the history \(\d+ drafts in ",
                     synced.output, re.M)  # fmt: skip
    missing = run_cli("sync", str(ENGLISH_KIT), str(tmp_path / "elsewhere"))
    assert "calendar.md: no such file\n  hint: run `advocacy-kit plan" in missing.output
    assert missing.output.startswith("Error: ")


def test_errors_are_labelled_in_the_kits_language(
    run_cli: Callable[..., Result], write_kit: Callable[..., Path]
) -> None:
    broken = write_kit(GERMAN_MINIMAL_KIT.replace("Europe/Berlin", "Mars/Olympus"))
    result = run_cli("check", str(broken))
    assert result.exit_code == 2
    assert result.output.startswith("Fehler: ")
    assert "\n  Hinweis: " in result.output
    bad_week = run_cli("check", str(GERMAN_KIT), "--week", "someday")
    assert bad_week.exit_code == 2 and bad_week.output.startswith("Fehler: ")
    english = run_cli("check", str(ENGLISH_KIT), "--week", "someday")
    assert english.output.startswith("Error: ")


def test_commands_without_a_kit_follow_the_environment(
    run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ADVOCACY_KIT_LANG", "de")
    counted = run_cli("count", "--platform", "x", "Hallo")
    assert counted.output.strip() == "x: 5/280 gewichtete Zeichen — gültig"
    as_json = run_cli("count", "--platform", "x", "--json", "Hallo")
    assert '"valid": true' in as_json.output and "gewichtete" not in as_json.output
    assert "keine Threads" in run_cli("platforms").output
    assert "eingebaut" in run_cli("plugins").output
    missing = run_cli("check", str(tmp_path / "nowhere"))
    assert (
        missing.output.startswith("Fehler: ")
        and "Datei oder Ordner gibt es nicht" in missing.output
    )
    monkeypatch.setenv("ADVOCACY_KIT_LANG", "en")
    assert run_cli("count", "--platform", "x", "Hello").output.strip() == (
        "x: 5/280 weighted characters — valid"
    )


def test_every_text_exists_in_both_languages_with_the_same_values() -> None:
    from advocacy_kit.i18n import _TEXTS

    for key, (english, german) in _TEXTS.items():
        fields = re.compile(r"\{(\w+)")
        assert set(fields.findall(english)) == set(fields.findall(german)), key
        assert english and german, key
    assert (
        say("problems.many", "de_DE", count=2) == "2 Probleme gefunden; nichts wurde geschrieben."
    )
