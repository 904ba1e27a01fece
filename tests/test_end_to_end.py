"""The whole path for the example kits: kit → slots → assignments → drafts → posts → export."""

from __future__ import annotations

from pathlib import Path

import pytest

import advocacy_kit

from .conftest import ENGLISH_KIT, GERMAN_KIT

WEEK = "2026-W49"


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_every_active_person_gets_a_draft_on_each_platform(kit_path: Path) -> None:
    kit = advocacy_kit.load_kit(kit_path)
    calendar = advocacy_kit.plan_week(kit, WEEK)
    planned = {(e.slot.person_id, e.slot.platform) for e in calendar.entries}
    expected = {
        (person.id, platform)
        for person in kit.people
        if person.active
        for platform, account in person.accounts.items()
        if account.active
    }
    assert expected <= planned
    inactive = {person.id for person in kit.people if not person.active}
    assert not {person for person, _ in planned} & inactive


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_drafts_are_in_the_persons_language_from_their_expertise(kit_path: Path) -> None:
    kit = advocacy_kit.load_kit(kit_path)
    calendar = advocacy_kit.plan_week(kit, WEEK)
    for entry in calendar.entries:
        person = kit.person(entry.slot.person_id)
        topic = kit.topic(entry.assignment.topic_id)
        assert entry.draft.assignment.language in person.languages
        assert set(topic.areas) & set(person.expertise)
        assert entry.post.valid, entry.findings


def test_planning_is_deterministic() -> None:
    kit = advocacy_kit.load_kit(GERMAN_KIT)
    first = advocacy_kit.plan_week(kit, WEEK).model_dump_json()
    again = advocacy_kit.plan_week(advocacy_kit.load_kit(GERMAN_KIT), WEEK).model_dump_json()
    assert first == again


def test_python_api_round_trip(tmp_path: Path) -> None:
    kit = advocacy_kit.load_kit(ENGLISH_KIT)
    calendar = advocacy_kit.plan_week(kit, WEEK)
    drafts = list(calendar.drafts)
    assert drafts and all(draft.text for draft in drafts)
    [written] = advocacy_kit.export(calendar, "markdown", tmp_path)
    text = written.read_text(encoding="utf-8")
    for draft in drafts:
        assert f"<!-- draft: {draft.id} -->" in text


def test_slots_are_local_times_in_the_persons_zone() -> None:
    kit = advocacy_kit.load_kit(ENGLISH_KIT)
    calendar = advocacy_kit.plan_week(kit, WEEK)
    marcus = calendar.entries_for("marcus")
    assert [(e.slot.start.strftime("%a %H:%M"), e.slot.timezone) for e in marcus] == [
        ("Wed 09:30", "America/Los_Angeles")
    ]


def test_disclosure_is_added_for_promoting_topics() -> None:
    kit = advocacy_kit.load_kit(GERMAN_KIT)
    calendar = advocacy_kit.plan_week(kit, WEEK)
    promoting = [e for e in calendar.entries if kit.topic(e.assignment.topic_id).promotes_employer]
    assert promoting
    for entry in promoting:
        assert "Ich arbeite bei Brückner Werkzeugbau." in entry.post.parts[0]


def test_the_example_script_runs(capsys: pytest.CaptureFixture[str]) -> None:
    import runpy

    script = Path(__file__).parent.parent / "examples" / "scripts" / "weekly_summary.py"
    namespace = runpy.run_path(str(script))
    namespace["main"](str(GERMAN_KIT), WEEK)
    assert "Lena Berger:" in capsys.readouterr().out
