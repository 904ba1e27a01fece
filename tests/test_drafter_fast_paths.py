"""The drafter's fast paths give what the careful steps give, draft by draft.

The careful results come from the methods one by one (a subclass of :class:`Drafter` takes
them), from :func:`level_for`, from ``ContextMemo.account_values`` updated with the draft's own
values, from the blank-line pattern, strftime and ``prevalidated``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from advocacy_kit.calendar import Assignment, Calendar, CalendarEntry, Draft, Slot
from advocacy_kit.drafting import Drafter
from advocacy_kit.drafting.context import ContextMemo, SlotView, level_for, template_context
from advocacy_kit.drafting.context_parts import _level
from advocacy_kit.drafting.drafter import _without_blank_lines
from advocacy_kit.loading import load_kit
from advocacy_kit.models import Kit, Person, Topic
from advocacy_kit.pipeline import plan_week
from advocacy_kit.platforms.base import Platform
from advocacy_kit.plugins import get_platforms
from advocacy_kit.prevalidated import prevalidated

from .conftest import DRAFTING_KIT, ENGLISH_KIT, GERMAN_KIT

KITS = pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])


class StepByStep(Drafter):
    """A drafter that takes every step through its own method (the careful path)."""


def _outcome(make: Callable[[], object]) -> tuple[object, ...]:
    try:
        return ("value", make())
    except Exception as error:  # the same error with the same message is what counts
        return ("error", type(error).__name__, str(error))


# --- levels -----------------------------------------------------------------------------------

EXPERTISE = {
    "none": {},
    "one": {"a": "practitioner"},
    "ties": {"a": "expert", "b": "expert"},
    "rising": {"a": "learning", "b": "practitioner", "c": "expert"},
    "falling": {"a": "expert", "b": "practitioner", "c": "learning"},
    "learning only": {"b": "learning"},
    "not a level": {"a": "guru"},
    "none as level": {"a": None},
    "not a level after the best": {"a": "expert", "b": "guru"},
}
AREAS = {
    "no areas": [],
    "a": ["a"],
    "a twice": ["a", "a"],
    "c b a": ["c", "b", "a"],
    "unknown": ["z"],
    "unknown then b": ["z", "b"],
}


@pytest.mark.parametrize("expertise", EXPERTISE.values(), ids=EXPERTISE.keys())
@pytest.mark.parametrize("areas", AREAS.values(), ids=AREAS.keys())
def test_level_is_level_for(expertise: dict[str, Any], areas: list[str]) -> None:
    person = Person.model_construct(id="p", name="P", languages=["en"], expertise=dict(expertise))
    topic = Topic.model_construct(id="t", title="T", areas=list(areas))
    assert _outcome(lambda: _level(person, topic)) == _outcome(lambda: level_for(person, topic))


class LevelsByDefault(dict[str, Any]):
    """Expertise that answers every area, as a mapping other than a plain dict may."""

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str) -> Any:
        return "expert"


def test_level_of_expertise_that_is_not_a_plain_dict_is_level_for() -> None:
    person = Person.model_construct(id="p", name="P", languages=["en"], expertise=LevelsByDefault())
    topic = Topic.model_construct(id="t", title="T", areas=["a"])
    assert _level(person, topic) == level_for(person, topic) == "expert"


# --- contexts ---------------------------------------------------------------------------------


def _careful_context(
    kit: Kit,
    assignment: Assignment,
    person: Person,
    topic: Topic,
    platform: Platform | None,
    memo: ContextMemo,
) -> dict[str, Any]:
    """The context as account_values updated with the draft's own values gives it."""
    slot = assignment.slot
    room, characters = memo.room(topic, assignment.language, platform, person, slot.platform)
    context = memo.account_values(platform, person, slot.platform)
    campaign = memo.campaigns.get(assignment.campaign_id) if assignment.campaign_id else None
    context.update(
        level=level_for(person, topic),
        topic=topic,
        campaign=campaign,
        areas=memo.areas(topic),
        slot=SlotView(slot.start, slot.platform, slot.timezone, assignment.language),
        kind=assignment.kind,
        variant=assignment.variant,
        language=assignment.language,
        disclosure=room.disclosure,
        room=characters,
        fit=room.fit,
    )
    return context


def _same_contexts(fast: dict[str, Any], careful: dict[str, Any], *, one_memo: bool = True) -> None:
    assert list(fast) == list(careful)  # the same names in the same order
    for name, value in careful.items():
        if name == "fit":  # a bound method of the room: the very room, or one alike
            room, expected = fast[name].__self__, value.__self__
            assert fast[name].__func__ is value.__func__
            if one_memo:
                assert room is expected
            else:
                assert (room.limit, room.disclosure, room.disclosure_first) == (
                    expected.limit,
                    expected.disclosure,
                    expected.disclosure_first,
                )
        else:
            assert fast[name] == value, name
            assert type(fast[name]) is type(value), name


@KITS
@pytest.mark.parametrize("shared_memo", [True, False], ids=["one memo", "a memo each"])
def test_contexts_are_the_careful_ones(kit_path: Path, shared_memo: bool) -> None:
    kit = load_kit(kit_path)
    calendar = plan_week(kit, "2026-W49")
    platforms = get_platforms()
    memo = ContextMemo(kit)
    assert calendar.entries
    for entry in calendar.entries:
        assignment = entry.assignment
        person = kit.person(assignment.slot.person_id)
        topic = kit.topic(assignment.topic_id)
        platform = platforms.get(assignment.slot.platform)
        fast = template_context(
            kit, assignment, person, topic, platform, memo=memo if shared_memo else None
        )
        careful = _careful_context(
            kit, assignment, person, topic, platform, memo if shared_memo else ContextMemo(kit)
        )
        _same_contexts(fast, careful, one_memo=shared_memo)


@pytest.mark.parametrize(
    ("topic", "language", "platform", "campaign"),
    [
        ("flaky-tests", "en", "linkedin", None),
        ("launch", "en", "linkedin", "launch-week"),
        ("launch", "de", "linkedin", "launch-week"),
        ("launch", "en", "no-such-platform", None),
        ("flaky-tests", "de", "no-such-platform", "no-such-campaign"),
    ],
    ids=["plain", "disclosure", "disclosure de", "no platform", "unknown campaign"],
)
def test_contexts_of_odd_assignments_are_the_careful_ones(
    drafting_kit: Callable[..., Kit],
    make_assignment: Callable[..., Assignment],
    topic: str,
    language: str,
    platform: str,
    campaign: str | None,
) -> None:
    kit = drafting_kit()
    memo = ContextMemo(kit)
    platforms = get_platforms()
    # Twice with one memo: the first builds the account's record, the second reads it.
    for _ in range(2):
        assignment = make_assignment(
            "tip", topic=topic, language=language, platform=platform, campaign=campaign
        )
        person, chosen = kit.person("ada"), kit.topic(topic)
        found = platforms.get(platform)
        fast = template_context(kit, assignment, person, chosen, found, memo=memo)
        _same_contexts(fast, _careful_context(kit, assignment, person, chosen, found, memo))


def test_each_context_gets_lists_of_its_own(
    drafting_kit: Callable[..., Kit], make_assignment: Callable[..., Assignment]
) -> None:
    drafter = Drafter(drafting_kit())
    first = drafter.context(make_assignment())
    first["areas"].clear()
    second = drafter.context(make_assignment())
    assert second["areas"] and second["areas"] is not first["areas"]


# --- drafts -----------------------------------------------------------------------------------


def _same_drafts(fast: Draft, careful: Draft) -> None:
    assert fast == careful
    assert fast.__dict__ == careful.__dict__
    assert list(fast.__dict__) == list(Draft.model_fields)
    assert fast.model_fields_set == careful.model_fields_set


@KITS
def test_drafts_are_those_of_the_steps_one_by_one(kit_path: Path) -> None:
    kit = load_kit(kit_path)
    calendar = plan_week(kit, "2026-W49")
    fast, careful = Drafter(kit), StepByStep(kit)
    for entry in calendar.entries:
        _same_drafts(fast.draft(entry.assignment), careful.draft(entry.assignment))


def test_a_draft_is_the_one_prevalidated_builds(
    drafting_kit: Callable[..., Kit], make_assignment: Callable[..., Assignment]
) -> None:
    draft = Drafter(drafting_kit()).draft(make_assignment())
    values = dict(draft.__dict__)
    built = prevalidated(Draft, values, {name for name in values if name != "edited"})
    _same_drafts(draft, built)
    assert "edited" not in draft.model_fields_set


TEMPLATES = {
    "blank lines": "{{ topic.title }}\n\n\n\n\n[[{{ kind }}]]\n\n\n",
    "empty": "{% if false %}x{% endif %}",
    "only blank lines": "\n\n\n\n",
    "prompts": "[[one]] {{ prompt('two') }} [[\nthree\n]] [[]] ]] [[",
    "carriage returns": "a\r\n\r\n\r\nb\n\n\nc",
}


@pytest.mark.parametrize("template", TEMPLATES.values(), ids=TEMPLATES.keys())
@pytest.mark.parametrize("position", ["start", "end"])
@pytest.mark.parametrize("topic", ["flaky-tests", "launch"], ids=["no disclosure", "disclosure"])
def test_drafts_of_odd_templates_are_those_of_the_steps(
    drafting_kit: Callable[..., Kit],
    make_assignment: Callable[..., Assignment],
    template: str,
    position: str,
    topic: str,
) -> None:
    kit_yaml = DRAFTING_KIT.replace("  disclosure:\n", f"  disclosure:\n    position: {position}\n")
    kit = drafting_kit(kit_yaml, **{"templates__en__tip.linkedin.j2": template})
    assignment = make_assignment("tip", topic=topic)
    fast = _outcome(lambda: Drafter(kit).draft(assignment))
    assert fast == _outcome(lambda: StepByStep(kit).draft(assignment))
    assert fast[0] == "value"
    assert isinstance(fast[1], Draft) and fast[1].template == "en/tip.linkedin.j2"


@pytest.mark.parametrize(
    "change",
    ["unknown topic", "unknown person", "unknown kind", "unknown platform"],
)
def test_failures_are_those_of_the_steps(
    drafting_kit: Callable[..., Kit],
    make_assignment: Callable[..., Assignment],
    change: str,
) -> None:
    kit = drafting_kit()
    assignment = {
        "unknown topic": lambda: make_assignment(topic="nothing"),
        "unknown person": lambda: make_assignment(person="nobody"),
        "unknown kind": lambda: make_assignment("no-such-kind"),
        "unknown platform": lambda: make_assignment(platform="no-such-platform"),
    }[change]()
    fast = _outcome(lambda: Drafter(kit).draft(assignment))
    assert fast == _outcome(lambda: StepByStep(kit).draft(assignment))


def test_a_subclass_step_is_taken(
    drafting_kit: Callable[..., Kit], make_assignment: Callable[..., Assignment]
) -> None:
    class Louder(Drafter):
        def context(self, assignment: Assignment) -> dict[str, Any]:
            return {**super().context(assignment), "kind": "LOUD"}

    kit = drafting_kit(**{"templates__en__tip.linkedin.j2": "{{ kind }}"})
    assert Louder(kit).draft(make_assignment()).text == "LOUD"


BLANK_TEXTS = ["", "a", "\n\n\n", "a\n\nb", "a\n\n\nb", " \n\n\n\n x \n", "a\r\n\r\n\r\n", "\t\n\n"]


@pytest.mark.parametrize("text", BLANK_TEXTS, ids=[repr(text) for text in BLANK_TEXTS])
def test_blank_lines_are_those_of_the_pattern(text: str) -> None:
    assert _without_blank_lines(text) == re.sub(r"\n{3,}", "\n\n", text).strip()


# --- slot ids ---------------------------------------------------------------------------------

STARTS = [
    dt.datetime(2026, 1, 1, 0, 0),
    dt.datetime(2026, 12, 31, 23, 59),
    dt.datetime(1000, 10, 9, 9, 5),
    dt.datetime(9999, 2, 28, 12, 30),
    dt.datetime(999, 7, 7, 7, 7),
]


@pytest.mark.parametrize("start", STARTS, ids=[start.isoformat() for start in STARTS])
@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Asia/Kolkata"])
def test_slot_ids_are_those_strftime_writes(start: dt.datetime, zone: str) -> None:
    local = start.replace(tzinfo=ZoneInfo(zone))
    slot = Slot(person_id="ada-2", platform="bluesky", start=local, timezone=zone)
    assert slot.id == f"ada-2-bluesky-{local:%Y%m%dT%H%M}"


# --- the week's entries -----------------------------------------------------------------------


def _dumped(calendar: Calendar) -> list[tuple[str, set[str]]]:
    return [(entry.model_dump_json(), entry.model_fields_set) for entry in calendar.entries]


@KITS
def test_entries_are_those_prevalidated_builds(kit_path: Path) -> None:
    calendar = plan_week(load_kit(kit_path), "2026-W49")
    for entry in calendar.entries:
        built = prevalidated(CalendarEntry, dict(entry.__dict__))
        assert entry == built
        assert list(entry.__dict__) == list(CalendarEntry.model_fields)
        assert entry.model_fields_set == built.model_fields_set


SHARING_KIT = DRAFTING_KIT.replace(
    '      mastodon: {handle: "@bo@social.example", cadence: "tue 10:00"}\n',
    '      mastodon: {handle: "@bo@social.example", cadence: "tue 10:00"}\n'
    "  - id: cy\n    name: Cy\n    languages: [en]\n    expertise: {testing: practitioner}\n"
    '    accounts:\n      mastodon:\n        cadence: "tue 11:00"\n'
    "        options: {max_characters: 1000}\n"
    "  - id: di\n    name: Di\n    languages: [en]\n    expertise: {tooling: expert}\n"
    '    accounts:\n      mastodon:\n        cadence: "tue 12:00"\n'
    "        options: {max_characters: 1000}\n",
)


@pytest.mark.parametrize("values_first", [False, True], ids=["context first", "values first"])
def test_accounts_alike_and_unlike_get_their_own_contexts(
    drafting_kit: Callable[..., Kit],
    make_assignment: Callable[..., Assignment],
    values_first: bool,
) -> None:
    kit = drafting_kit(SHARING_KIT)
    memo, careful_memo = ContextMemo(kit), ContextMemo(kit)
    mastodon = get_platforms()["mastodon"]
    for person_id in ["bo", "cy", "di", "bo", "cy"]:
        for topic_id in ["flaky-tests", "launch"]:
            person, topic = kit.person(person_id), kit.topic(topic_id)
            if values_first:
                memo.account_values(mastodon, person, "mastodon")
            assignment = make_assignment(
                "tip", person=person_id, topic=topic_id, platform="mastodon"
            )
            fast = template_context(kit, assignment, person, topic, mastodon, memo=memo)
            careful = _careful_context(kit, assignment, person, topic, mastodon, careful_memo)
            _same_contexts(fast, careful, one_memo=False)
            assert fast["limits"].characters == (500 if person_id == "bo" else 1000)
