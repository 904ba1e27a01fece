"""The example kits' week 2026-W49: language, colleagues' texts, disclosure, prompts."""

from __future__ import annotations

from collections import defaultdict

import pytest

from advocacy_kit import load_kit, plan_week

from .conftest import ENGLISH_KIT, GERMAN_KIT

KITS = {"de-kommunikation": GERMAN_KIT, "en-engineering": ENGLISH_KIT}


@pytest.fixture(params=KITS.values(), ids=KITS.keys())
def week(request):
    kit = load_kit(request.param)
    return kit, plan_week(kit, "2026-W49")


def test_drafts_are_in_the_persons_language(week):
    kit, calendar = week
    assert calendar.entries
    for draft in calendar.drafts:
        person = kit.person(draft.assignment.slot.person_id)
        assert draft.assignment.language == person.language
        assert draft.template.startswith(f"{person.language}/")


def test_colleagues_sharing_a_topic_on_a_day_get_different_texts(week):
    _, calendar = week
    by_day_and_topic = defaultdict(list)
    for draft in calendar.drafts:
        key = (draft.assignment.slot.start.date(), draft.assignment.topic_id)
        by_day_and_topic[key].append(draft)
    shared = [drafts for drafts in by_day_and_topic.values() if len(drafts) > 1]
    for drafts in shared:
        people = {d.assignment.slot.person_id for d in drafts}
        if len(people) < 2:
            continue
        first_lines = [d.text.splitlines()[0] for d in drafts]
        assert len(set(first_lines)) == len(drafts), first_lines


def test_german_kit_has_colleagues_on_the_same_topic_and_day():
    calendar = plan_week(load_kit(GERMAN_KIT), "2026-W49")
    keys = [(d.assignment.slot.start.date(), d.assignment.topic_id) for d in calendar.drafts]
    assert len(keys) > len(set(keys)), "the fixture week no longer shares a topic; pick another"


def test_disclosure_wherever_the_topic_promotes_the_employer(week):
    kit, calendar = week
    for draft in calendar.drafts:
        promotes = kit.topic(draft.assignment.topic_id).promotes_employer
        texts = kit.guidelines.disclosure.texts
        if promotes:
            assert draft.disclosure == texts[draft.assignment.language]
            assert draft.disclosure in draft.text
        else:
            assert draft.disclosure is None


def test_prompts_are_marked_in_every_draft(week):
    _, calendar = week
    for entry in calendar.entries:
        assert entry.draft.prompts
        for prompt in entry.draft.prompts:
            assert f"[[{prompt}]]" in entry.draft.text
        assert {f.code for f in entry.findings} >= {"AK401"}
