"""Checks over the whole week: near-duplicates among colleagues, and people's pace and choices."""

from __future__ import annotations

import datetime as dt

import pytest

from advocacy_kit import Finding, Kit, load_kit, plan_week
from advocacy_kit.checks import check_week, week_findings
from advocacy_kit.checks.similarity import comparable_words, similarity

from .checks_support import DISCLOSURE, TUESDAY, codes, make_entry, make_kit
from .conftest import ENGLISH_KIT, GERMAN_KIT

LANGUAGES = pytest.mark.parametrize("language", ["de", "en"], ids=["german", "english"])
TEXT = {
    "de": "Drei Dinge, die ich über Messtechnik gelernt habe: Temperatur zählt, Geduld zählt, "
    "und das Protokoll zählt am meisten.",
    "en": "Three things I learned about metrology: temperature matters, patience matters, "
    "and the log matters most.",
}


# --- AK5xx: near-duplicates --------------------------------------------------------------------


@LANGUAGES
def test_same_text_with_nothing_to_fill_is_an_error_for_both(language: str) -> None:
    kit = make_kit(language)
    ada = make_entry(kit, TEXT[language])
    bo = make_entry(kit, TEXT[language], person="bo", start=TUESDAY + dt.timedelta(hours=2))
    found = week_findings(kit, [ada, bo])
    assert codes(found[ada.draft.id]) == ["AK502"]
    assert codes(found[bo.draft.id]) == ["AK502"]
    assert "Bo" in found[ada.draft.id][0].message and "Ada" in found[bo.draft.id][0].message
    assert found[ada.draft.id][0].severity == "error"


@LANGUAGES
def test_same_text_with_prompts_left_is_a_warning(language: str) -> None:
    kit = make_kit(language)
    text = f"{TEXT[language]}\n\n[[your example]]"
    ada = make_entry(kit, text)
    bo = make_entry(kit, text, person="bo")
    found = week_findings(kit, [ada, bo])
    assert codes(found[ada.draft.id]) == ["AK501"]
    assert found[ada.draft.id][0].severity == "warning"


@LANGUAGES
def test_one_small_edit_is_still_near_duplicate(language: str) -> None:
    kit = make_kit(language)
    ada = make_entry(kit, TEXT[language])
    bo = make_entry(
        kit, TEXT[language].replace("Geduld", "Ruhe").replace("patience", "calm"), person="bo"
    )
    assert codes(week_findings(kit, [ada, bo])[ada.draft.id]) == ["AK502"]


@LANGUAGES
@pytest.mark.parametrize(
    "change",
    ["other-day", "same-person", "different-text"],
)
def test_no_near_duplicate_finding(language: str, change: str) -> None:
    kit = make_kit(language)
    ada = make_entry(kit, TEXT[language])
    if change == "other-day":
        other = make_entry(kit, TEXT[language], person="bo", start=TUESDAY + dt.timedelta(days=1))
    elif change == "same-person":
        other = make_entry(kit, TEXT[language], platform="mastodon")
    else:
        other = make_entry(kit, "Something else entirely, in my own words.", person="bo")
    assert week_findings(kit, [ada, other]) == {}


@LANGUAGES
def test_threshold_is_a_setting(language: str) -> None:
    half = TEXT[language].split(":")[0]
    texts = (f"{half}: one two three four", f"{half}: five six seven eight")
    strict, loose = make_kit(language), make_kit(language, settings={"similarity_threshold": 0.5})
    for kit, expected in ((strict, {}), (loose, ["AK502"])):
        ada, bo = make_entry(kit, texts[0]), make_entry(kit, texts[1], person="bo")
        found = week_findings(kit, [ada, bo])
        assert (codes(found[ada.draft.id]) if found else {}) == expected


@LANGUAGES
def test_disclosure_and_prompts_do_not_count_as_shared_words(language: str) -> None:
    kit = make_kit(language, disclosure={"texts": DISCLOSURE})
    words = comparable_words(f"Hallo [[dein Beispiel]]\n\n{DISCLOSURE[language]}", kit)
    assert words == ["hallo"]
    ada = make_entry(kit, f"Mein Punkt eins.\n\n{DISCLOSURE[language]}")
    bo = make_entry(kit, f"A wholly other thought.\n\n{DISCLOSURE[language]}", person="bo")
    assert week_findings(kit, [ada, bo]) == {}


def test_similarity_measure() -> None:
    assert similarity(["a", "b"], ["a", "b"]) == 1.0
    assert similarity(["a", "b"], ["c", "d"]) == 0.0
    assert similarity(["a", "b", "c", "d"], ["a", "b", "c", "x"]) == 0.75


def test_many_colleagues_are_named_briefly() -> None:
    kit = Kit.model_validate(
        {
            "organization": {"name": "Acme", "language": "en"},
            "areas": [{"id": "work", "name": "Work"}],
            "topics": [{"id": "plain", "title": "Plain", "areas": ["work"]}],
            "people": [
                {
                    "id": f"p{n}",
                    "name": f"Person {n}",
                    "languages": ["en"],
                    "expertise": {"work": "expert"},
                }
                for n in range(6)
            ],
        }
    )
    entries = [make_entry(kit, TEXT["en"], person=f"p{n}") for n in range(6)]
    message = week_findings(kit, entries)[entries[0].draft.id][0].message
    assert "Person 1, Person 2, Person 3 and 2 more" in message


# --- AK6xx: cap, hours, languages, choices -----------------------------------------------------


def _adjusted(kit: Kit, **person: object) -> Kit:
    data = kit.model_dump()
    data["people"][0].update(person)
    return Kit.model_validate(data)


@LANGUAGES
def test_over_the_weekly_cap_flags_the_posts_beyond_it(language: str) -> None:
    kit = _adjusted(make_kit(language), weekly_cap=1)
    first = make_entry(kit, "one")
    second = make_entry(kit, "two", platform="mastodon", start=TUESDAY + dt.timedelta(hours=1))
    found = week_findings(kit, [second, first])
    assert first.draft.id not in found
    [finding] = found[second.draft.id]
    assert finding.code == "AK601" and finding.severity == "error"
    assert "weekly_cap" in finding.message and "2" in finding.message


@LANGUAGES
@pytest.mark.parametrize(
    ("person", "hour", "expected"),
    [
        ({}, 9, []),
        ({"sharing_hours": {"start": "10:00", "end": "17:00"}}, 9, ["AK602"]),
        ({"languages": ["fr"]}, 9, ["AK603"]),
        ({"active": False}, 9, ["AK604"]),
        ({"away": [{"starts": "2026-11-30", "ends": "2026-12-02"}]}, 9, ["AK604"]),
        (
            {"accounts": {"linkedin": {"cadence": "tue 09:00", "active": False}}},
            9,
            ["AK604"],
        ),
    ],
    ids=["fine", "outside-hours", "unlisted-language", "opted-out", "away", "paused-account"],
)
def test_people_choices(
    language: str, person: dict[str, object], hour: int, expected: list[str]
) -> None:
    kit = _adjusted(make_kit(language), **person)
    entry = make_entry(kit, "text", start=TUESDAY.replace(hour=hour))
    findings = week_findings(kit, [entry]).get(entry.draft.id, [])
    assert codes(findings) == expected
    assert all(f.severity == "error" for f in findings)


def test_people_messages_follow_the_kit_language() -> None:
    german = _adjusted(make_kit("de"), active=False)
    english = _adjusted(make_kit("en"), active=False)
    [de] = week_findings(german, [make_entry(german, "x")])["ada-linkedin-20261201T0900"]
    [en] = week_findings(english, [make_entry(english, "x")])["ada-linkedin-20261201T0900"]
    assert "macht nicht mit" in de.message and "has opted out" in en.message


# --- the week step in the pipeline -------------------------------------------------------------


def test_check_week_places_plugin_findings_and_adds_the_week_ones() -> None:
    kit = make_kit("en")
    placeless = Finding(code="HOUSE1", severity="hint", message="say hi")
    ada = make_entry(kit, TEXT["en"]).model_copy(update={"findings": [placeless]})
    bo = make_entry(kit, TEXT["en"], person="bo")
    checked = check_week(kit, [ada, bo])
    assert codes(checked[0].findings) == ["HOUSE1", "AK502"]
    assert checked[0].findings[0].person_id == "ada"
    assert checked[0].findings[0].slot_id == ada.draft.id
    assert checked[0].findings[0].platform == "linkedin"
    assert codes(checked[1].findings) == ["AK502"]


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["german", "english"])
def test_opted_out_people_and_paused_accounts_get_no_slots_and_no_findings(
    kit_path: object,
) -> None:
    kit = load_kit(kit_path)  # type: ignore[arg-type]
    data = kit.model_dump()
    first = data["people"][0]
    first["active"] = False
    second = data["people"][1]
    for account in second["accounts"].values():
        account["active"] = False
    changed = Kit.model_validate(data)
    calendar = plan_week(changed, "2026-W49")
    silent = {first["id"], second["id"]}
    assert not [e for e in calendar.entries if e.slot.person_id in silent]
    assert not [f for f in calendar.findings if f.person_id in silent]
    # Named in the calendar (so "not planned" lists read well), but marked as opted out.
    assert first["id"] not in {p.id for p in calendar.people if p.active}
    assert [p.active for p in calendar.people if p.id == first["id"]] == [False]
