"""Formatting and checking one post: each shortcut gives what the careful steps give.

The careful results come from the steps the shortcuts skip: searching for tags, mentions and
links in every text, counting tags whatever the cap, filling in each prompt's message anew,
building counts and findings through their constructors, and working out limits and rooms once
per account.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit.calendar import Draft, Finding, Post
from advocacy_kit.checks import check_post
from advocacy_kit.checks import prompts as prompt_checks
from advocacy_kit.checks.disclosure import disclosure_findings
from advocacy_kit.checks.links import link_findings
from advocacy_kit.checks.messages import language_of, say
from advocacy_kit.checks.platform_rules import HASHTAG, platform_findings
from advocacy_kit.checks.prompts import find_prompts, prompt_findings
from advocacy_kit.checks.terms import term_findings
from advocacy_kit.checks.where import Where
from advocacy_kit.drafting.context import ContextMemo, template_context
from advocacy_kit.drafting.options_key import options_key
from advocacy_kit.loading import load_kit
from advocacy_kit.models import Kit
from advocacy_kit.pipeline import plan_week
from advocacy_kit.platforms.base import Count, Platform, PlatformOptions, counted
from advocacy_kit.plugins import get_platforms
from advocacy_kit.posting import format_post, measure_parts
from advocacy_kit.prevalidated import prevalidated
from advocacy_kit.text import entities, urls

from .conftest import ENGLISH_KIT, GERMAN_KIT, make_entry

PIECES = [
    "a", "é", "e\u0301", " ", "\n", "\r\n", "#", "＃", "#1", "#tag", "#open_source", "#Ünïcode",
    "＃tag", "＃Thema", "&", "/", "_", "@", "＠", "＠ada", "@ada", "@bo@social.example", "$ACME",
    "https://", "example.com",
    "larkspur.example", "brueckner-werkzeugbau.example/a?utm_source=advocacy", ".", "?", "a.b",
    "\ufffe", "👩\u200d💻", "🇩🇪", "[[", "]]", "{{", "}}", "Project Heron", "Projektfalke",
    "vertraulich", "I work at Larkspur Analytics.", "Ich arbeite bei Brückner Werkzeugbau.",
    "x" * 40,
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
ANY_TEXT = st.one_of(TEXTS, st.text(max_size=60))
PLATFORM_NAMES = ["x", "linkedin", "mastodon", "bluesky", "threads", "instagram", "facebook"]


@given(ANY_TEXT)
@settings(max_examples=400)
def test_tags_and_mentions_without_signs_are_none(text: str) -> None:
    tags = [
        entities.Entity(m[1], m[0], m.start(), m.end()) for m in entities._HASHTAG.finditer(text)
    ]
    found = [
        entities.Entity(m[1], m[0], m.start(), m.end(), m[2])
        for m in entities._MENTION.finditer(text)
    ]
    assert entities.hashtags(text) == tags
    assert entities.mentions(text) == found


@given(ANY_TEXT)
@settings(max_examples=400)
def test_remembered_links_are_the_links_found_anew(text: str) -> None:
    careful = urls._find_urls(text) if "." in text else []
    first = urls.extract_urls(text)
    assert first == careful
    first.append(urls.UrlMatch("x.co", 0, 4, False))  # a caller's list is its own
    assert urls.extract_urls(text) == careful


def test_links_of_a_str_subclass_are_found_as_of_its_text() -> None:
    class Text(str):
        pass

    assert urls.extract_urls(Text("see example.com")) == urls.extract_urls("see example.com")


@pytest.mark.parametrize(
    ("length", "limit", "valid", "details"),
    [(3, 10, True, None), (0, 1, False, {"bytes": 0})],
    ids=["no-details", "details"],
)
def test_counted_is_the_dataclass_count(
    length: int, limit: int, valid: bool, details: dict[str, Any] | None
) -> None:
    fast = counted(length, limit, valid, "units", details)
    careful = (
        Count(length, limit, valid, "units")
        if details is None
        else Count(length, limit, valid, "units", details)
    )
    assert (fast, repr(fast), fast.over_by) == (careful, repr(careful), careful.over_by)
    assert dataclasses.asdict(fast) == dataclasses.asdict(careful)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.length = 1  # type: ignore[misc]
    assert counted(1, 2, True, "u").details is not counted(1, 2, True, "u").details


@pytest.mark.parametrize("valid", [1, 0, True], ids=["one", "zero", "bool"])
def test_one_part_of_a_plugin_with_odd_validity_is_as_before(valid: object) -> None:
    class Odd(Platform):
        name = "odd"
        display_name = "Odd"
        limit = 10

        def count(self, text: str, options: PlatformOptions | None = None) -> Count:
            return Count(len(text), 10, valid, "characters")  # type: ignore[arg-type]

    platform = Odd()
    post = measure_parts(platform, ["abc"], platform.options(None))
    assert post == Post(platform="odd", parts=["abc"], length=3, limit=10, valid=bool(valid))
    assert type(post.valid) is bool


@pytest.fixture(scope="module", params=[ENGLISH_KIT, GERMAN_KIT], ids=["en", "de"])
def kit(request: pytest.FixtureRequest) -> Kit:
    loaded: Kit = load_kit(request.param)
    return loaded


def _draft(kit: Kit, platform: str, text: str, disclosure: str | None) -> Draft:
    start = dt.datetime(2026, 11, 3, 9, tzinfo=dt.UTC)
    entry = make_entry(kit.people[0].id, platform, start, [text or " "])
    return entry.draft.model_copy(update={"text": text, "disclosure": disclosure})


def _careful_prompts(text: str, kit: Kit, where: Where, edited: bool) -> list[Finding]:
    code = "AK402" if edited else "AK401"
    return [
        where.finding(code, say(code, where.language, prompt=prompt))
        for prompt in find_prompts(text, kit)
    ]


def _careful_check(
    post: Post, draft: Draft, kit: Kit, platform: Platform, options: Any, edited: bool
) -> list[Finding]:
    """The checks as they were: every tag counted, every prompt's message filled in anew."""
    where = Where.of(draft, post.platform, language_of(kit))
    text = post.text
    found = [f for f in platform_findings(post, kit, platform, options, where) if f.code != "AK104"]
    cap = kit.guidelines.hashtags.max_per_post
    tags = len(HASHTAG.findall(text))
    if tags > cap:
        found.append(where.finding("AK104", say("AK104", where.language, count=tags, limit=cap)))
    return [
        *found,
        *disclosure_findings(post, draft, kit, where),
        *term_findings(text, kit, where),
        *_careful_prompts(text, kit, where, edited),
        *link_findings(text, kit, where),
    ]


def _variant(kit: Kit, cap: int, marker: tuple[str, str]) -> Kit:
    guidelines = kit.guidelines.model_copy(
        update={"hashtags": kit.guidelines.hashtags.model_copy(update={"max_per_post": cap})}
    )
    settings_ = kit.settings.model_copy(update={"prompt_marker": marker})
    return kit.model_copy(update={"guidelines": guidelines, "settings": settings_})


@pytest.mark.parametrize("name", PLATFORM_NAMES)
@given(
    text=TEXTS,
    cap=st.integers(0, 3),
    marker=st.sampled_from([("[[", "]]"), ("{{", "}}"), ("[[", "")]),
    disclosed=st.booleans(),
    edited=st.booleans(),
)
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_post_findings_are_the_careful_findings(
    kit: Kit,
    name: str,
    text: str,
    cap: int,
    marker: tuple[str, str],
    disclosed: bool,
    edited: bool,
) -> None:
    variant = _variant(kit, cap, marker)
    platform = get_platforms()[name]
    options = platform.options({"max_characters": 60} if name == "linkedin" else None)
    disclosure = next(iter(kit.guidelines.disclosure.texts.values())) if disclosed else None
    draft = _draft(variant, name, text, disclosure)
    post = format_post(platform, text, options, disclosure=disclosure, language="de")
    fast = check_post(post, draft, variant, platform, options, edited=edited)
    assert fast == _careful_check(post, draft, variant, platform, options, edited)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("edited", [False, True], ids=["fresh", "edited"])
def test_remembered_prompt_messages_are_filled_in_anew(
    kit: Kit, language: str, edited: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompt_checks, "_REMEMBERED", 2)  # the memory fills and is dropped
    draft = _draft(kit, "x", "a", None)
    where = Where.of(draft, "x", language)
    for text in ["[[one]] [[ two ]]", "[[one]]", "[[]] [[three]] [[two]]", "no prompt", ""]:
        fast = prompt_findings(text, kit, where, edited=edited)
        assert fast == _careful_prompts(text, kit, where, edited)
        assert len(prompt_checks._SAID) <= 2


def test_a_finding_is_what_prevalidated_builds() -> None:
    draft = _draft(load_kit(ENGLISH_KIT), "x", "a", None)
    where = Where.of(draft, "x", "de")
    fast = where.finding("AK401", "message")
    careful = prevalidated(
        Finding,
        {
            "code": "AK401",
            "severity": "warning",
            "message": "message",
            "person_id": where.person_id,
            "slot_id": where.slot_id,
            "platform": "x",
            "template": where.template,
        },
    )
    assert fast.__dict__ == careful.__dict__
    assert fast.model_fields_set == careful.model_fields_set
    assert (fast.__pydantic_extra__, fast.__pydantic_private__) == (None, None)
    assert fast.model_dump_json() == careful.model_dump_json()


# --- limits and rooms shared by accounts with alike options ----------------------------------


OPTIONS: list[dict[str, Any] | None] = [
    None,
    {},
    {"max_characters": 400},
    {"max_characters": 400},
    {"content_warning": "cw"},
    {"content_warning": ""},
    {"number_parts": False},
]


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_accounts_sharing_rooms_get_their_own_contexts(kit_path: Any) -> None:
    kit = load_kit(kit_path)
    # Every person on Mastodon, with options alike and unlike by turns.
    people = []
    for index, person in enumerate(kit.people):
        account = person.accounts.get("mastodon") or next(iter(person.accounts.values()))
        options = OPTIONS[index % len(OPTIONS)]
        mastodon = account.model_copy(update={"options": options or {}})
        people.append(
            person.model_copy(update={"accounts": {**person.accounts, "mastodon": mastodon}})
        )
    kit = kit.model_copy(update={"people": people})
    calendar = plan_week(load_kit(kit_path), "2026-W49")
    platforms = get_platforms()
    memo = ContextMemo(kit)
    for entry in calendar.entries:
        assignment = entry.assignment
        for name in ("mastodon", assignment.slot.platform, "unknown"):
            slot = assignment.slot.model_copy(update={"platform": name})
            moved = assignment.model_copy(update={"slot": slot})
            person = kit.person(slot.person_id)
            topic = kit.topic(assignment.topic_id)
            platform = platforms.get(name)
            alone = template_context(kit, moved, person, topic, platform)
            shared = template_context(kit, moved, person, topic, platform, memo=memo)
            room_alone, room_shared = alone.pop("fit").__self__, shared.pop("fit").__self__
            assert shared == alone
            assert (room_shared.limit, room_shared.disclosure, room_shared.disclosure_first) == (
                room_alone.limit,
                room_alone.disclosure,
                room_alone.disclosure_first,
            )
            sample = "a" * 450 + " https://example.com/" + " #tag"
            assert room_shared.accepts(sample) == room_alone.accepts(sample)
            assert room_shared.length(sample) == room_alone.length(sample)


def test_options_key_tells_alike_options_from_others() -> None:
    mastodon = get_platforms()["mastodon"]
    assert options_key(mastodon, "mastodon", {}, "a") == options_key(
        mastodon, "mastodon", None, "b"
    )
    assert options_key(mastodon, "mastodon", {"max_characters": 400}, "a") != options_key(
        mastodon, "mastodon", None, "b"
    )
    assert options_key(None, "nowhere", {"x": 1}, "a") == options_key(None, "nowhere", None, "b")


def test_options_of_other_value_types_keep_their_account() -> None:
    from pydantic import Field

    class FloatOptions(PlatformOptions):
        weight: float = Field(default=0.0)

    class Weighed(Platform):
        name = "weighed"
        display_name = "Weighed"
        limit = 10
        Options = FloatOptions

    class Equal(Platform):
        name = "equal"
        display_name = "Equal"
        limit = 10

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Equal)

        def __hash__(self) -> int:
            return 0

    weighed = Weighed()
    assert options_key(weighed, "weighed", {"weight": -0.0}, "a") == "a"
    assert options_key(Equal(), "equal", {}, "b") == "b"


def test_alike_options_are_one_object_equal_to_a_fresh_validation() -> None:
    mastodon = get_platforms()["mastodon"]
    first, second = mastodon.options({}), mastodon.options({"max_characters": 500})
    assert first is second
    assert first == type(first).model_validate({})
    assert mastodon.options({"content_warning": "cw"}) is not first
    assert mastodon.options({"content_warning": "cw"}) == type(first)(content_warning="cw")
