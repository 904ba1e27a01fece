"""Styling tags, measuring one part, adjusting and checking a post: shortcuts and careful steps.

Each shortcut here is compared with the steps it skips: looking at every hashtag before styling,
counting every sign and every tag, building a post or a finding through ``prevalidated`` or
validation, asking ``track_links`` for each part, and asking every check for its findings.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit.calendar import Draft, Finding, Post
from advocacy_kit.checks import check_post
from advocacy_kit.checks.disclosure import disclosure_findings
from advocacy_kit.checks.links import link_findings
from advocacy_kit.checks.messages import language_of, say
from advocacy_kit.checks.platform_rules import platform_findings
from advocacy_kit.checks.prompts import find_prompts, prompt_findings
from advocacy_kit.checks.terms import term_findings
from advocacy_kit.checks.where import Where
from advocacy_kit.loading import load_kit
from advocacy_kit.models import Kit
from advocacy_kit.platforms.base import Count, Platform, PlatformOptions
from advocacy_kit.platforms.messages import message
from advocacy_kit.platforms.tidy import is_tidy, tidied
from advocacy_kit.plugins import get_platforms
from advocacy_kit.posting import format_post, measure_parts
from advocacy_kit.prevalidated import prevalidated, shared_fields_set
from advocacy_kit.text.entities import few_hashtags, hashtags, more_signs_than
from advocacy_kit.text.urls import extract_urls
from advocacy_kit.tracking import adjust_post, track_links

from .conftest import ENGLISH_KIT, GERMAN_KIT, make_entry
from .test_posting_fast_paths import _careful_post
from .test_posting_fast_paths import _same_post as _same_validated_post

# Tags of every kind (full-width signs, underscores, digits only, inside words), the spaces that
# tidying collapses (tabs, no-break, separators), lines, prompts, links, blocked terms, words.
PIECES = [
    "a", "é", " ", "  ", "\t", "\u00a0", "\u2028", "\x1c", "\n", "\r\n", " \n", "\n ", "#",
    "＃", "#1", "#tag", "#Tag", "＃tag", "#open_source", "_", "__", "C#", "a#b", "&#x", "#ü_x",
    "–", "“", "[[", "]]", "[", "]", "{{", "}}", "https://larkspur.example/a", "example.com",
    "https://larkspur.example/b?utm_source=advocacy&utm_medium=social", "word", "x" * 30,
    "https://brueckner-werkzeugbau.example/", "Project Heron", "vertraulich", "Projektfalke",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
ANY_TEXT = st.one_of(TEXTS, st.text(max_size=40))
CAPS = st.one_of(st.none(), st.integers(-1, 4))
PLATFORM_NAMES = ["x", "linkedin", "mastodon", "bluesky", "threads", "instagram", "facebook"]


class _Text(str):
    """A str subclass, as a plugin might hand one over."""


def _styled(style: Literal["as_written", "camel"]) -> Platform:
    class Styled(Platform):
        name = "styled"
        display_name = "Styled"
        limit = 100
        hashtag_style = style

    return Styled()


def _careful_style(platform: Platform, text: str, cap: int | None) -> str:
    """Hashtags styled with every tag looked at (the early answer for nothing to do kept)."""
    if cap is None and platform.hashtag_style == "as_written":
        return text
    return platform._restyled_hashtags(text, cap)


@pytest.mark.parametrize("style", ["as_written", "camel"])
@given(text=ANY_TEXT, cap=CAPS)
@settings(max_examples=300)
def test_styled_tags_are_those_of_looking_at_each_tag(
    style: Literal["as_written", "camel"], text: str, cap: int | None
) -> None:
    platform = _styled(style)
    for written in (text, text.strip(), _Text(text)):
        fast = platform._style_hashtags(written, cap)
        careful = _careful_style(platform, written, cap)
        assert (fast, type(fast)) == (careful, type(careful))


@pytest.mark.parametrize("name", ["mastodon", "threads", "instagram", "x"])
@given(text=ANY_TEXT, language=st.sampled_from(["en", "de"]))
@settings(max_examples=150)
def test_prepared_drafts_are_those_of_looking_at_each_tag(
    name: str, text: str, language: str
) -> None:
    platform = get_platforms()[name]
    careful = type(platform)()
    careful._style_hashtags = lambda t, cap: _careful_style(platform, t, cap)  # type: ignore[method-assign,assignment]
    for raw in (None, {"max_hashtags": 0}, {"max_hashtags": 2}):
        if raw and name != "instagram":
            continue
        options = platform.options(raw)
        assert platform.prepare(text, options, language) == careful.prepare(text, options, language)


@given(text=ANY_TEXT, most=st.integers(-2, 6))
@settings(max_examples=300)
def test_more_signs_than_is_counting_the_signs(text: str, most: int) -> None:
    for written in (text, _Text(text)):
        counted = written.count("#") + written.count("＃")
        assert more_signs_than(written, most) is (counted > most)
        if few_hashtags(written, most):
            assert len(hashtags(written)) <= most


class _CountingStr(str):
    """A str whose ``count`` and ``in`` lie: nothing may be skipped for it."""

    def count(self, *args: Any) -> int:
        return 0

    def __contains__(self, key: object) -> bool:
        return False


def test_a_str_subclass_never_skips_looking_for_tags() -> None:
    text = _CountingStr("#one #two #three")
    assert not few_hashtags(text, 1)
    assert more_signs_than(text, 1) is (text.count("#") + text.count("＃") > 1)


def _careful_threads_valid(platform: Platform, text: str, options: Any) -> bool:
    measured = Platform.count(platform, text, options)
    links = len({u.url.lower() for u in extract_urls(text)})
    return bool(measured.valid and links <= options.max_links and len(hashtags(text)) <= 1)


def _careful_tag_problems(platform: Platform, text: str, cap: int | None) -> list[str]:
    tags = len(hashtags(text))
    if cap is None or tags <= cap:
        return []
    return [
        message(
            "too_many_tags",
            "en",
            count=tags,
            platform=platform.display_name,
            limit=cap,
            excess=tags - cap,
        )
    ]


@given(text=ANY_TEXT)
@settings(max_examples=200)
def test_threads_and_instagram_tags_are_those_of_counting_every_tag(text: str) -> None:
    threads = get_platforms()["threads"]
    for raw in (None, {"max_links": 0, "max_characters": 10}):
        options = threads.options(raw)
        assert threads.count(text, options).valid is _careful_threads_valid(threads, text, options)
        tag_problems = [p for p in threads.extra_problems(text, options) if "tag" in p]
        assert tag_problems == _careful_tag_problems(threads, text, 1)
    instagram = get_platforms()["instagram"]
    for raw in (None, {"max_hashtags": 0}, {"max_hashtags": 1}):
        options = instagram.options(raw)
        problems = instagram.extra_problems(text, options)
        careful = _careful_tag_problems(instagram, text, instagram.hashtag_cap(options))
        assert problems[: len(careful)] == careful
        assert len(problems) == len(careful) + len(extract_urls(text))


# --- one part measured, a post built directly ----------------------------------------------------


def _same_post(fast: Post, careful: Post) -> None:
    _same_validated_post(fast, careful)
    assert fast.details is not careful.details


@pytest.mark.parametrize("name", PLATFORM_NAMES)
@given(text=ANY_TEXT)
@settings(max_examples=60)
def test_formatted_post_is_the_validated_post(name: str, text: str) -> None:
    platform = get_platforms()[name]
    options = platform.options(None)
    parts = platform.format(text, options, language="de")
    fast = format_post(platform, text, options, language="de")
    _same_post(fast, _careful_post(platform, parts, options))
    other = format_post(platform, text, options, language="de")
    # Posts are frozen: they share one set, which no post can change (test_shared_fields_set).
    assert other.model_fields_set is fast.model_fields_set
    assert fast.model_fields_set is shared_fields_set(Post, Post.model_fields)


def _odd(parts: Any, count: Count) -> Platform:
    class Odd(Platform):
        name = "odd"
        display_name = "Odd"
        limit = 10

        def format(self, text: str, *args: Any, **kwargs: Any) -> list[str]:
            return parts  # type: ignore[no-any-return]

        def count(self, text: str, options: PlatformOptions | None = None) -> Count:
            return count

    return Odd()


ODD = {
    "str-subclass": ([_Text("one")], Count(3, 10, True, "characters", {"k": 1})),
    "bool-length": (["one"], Count(True, 10, True, "characters")),
    "float-limit": (["one"], Count(3, 10.0, True, "characters")),  # type: ignore[arg-type]
    "int-validity": (["one"], Count(3, 10, 1, "characters")),  # type: ignore[arg-type]
    "tuple": (("one",), Count(3, 10, True, "characters")),
    "two-parts": (["one", "two"], Count(3, 10, True, "characters", {"k": [1]})),
}


@pytest.mark.parametrize(("parts", "count"), ODD.values(), ids=ODD.keys())
def test_odd_plugin_posts_are_validated_as_before(parts: Any, count: Count) -> None:
    platform = _odd(parts, count)
    options = platform.options(None)
    fast = format_post(platform, "text", options)
    careful = _careful_post(platform, list(parts), options)
    _same_post(fast, careful)
    assert [type(part) for part in fast.parts] == [str] * len(parts)
    _same_post(measure_parts(platform, parts, options), careful)


def test_details_with_keys_that_are_not_text_are_refused_from_format() -> None:
    from pydantic import ValidationError

    platform = _odd(["one"], Count(3, 10, True, "characters", {1: "x"}))  # type: ignore[dict-item]
    with pytest.raises(ValidationError):
        format_post(platform, "one", platform.options(None))


def test_findings_are_what_prevalidated_builds_sharing_one_set() -> None:
    draft = make_entry("ada", "x", dt.datetime(2026, 11, 3, 9, tzinfo=dt.UTC), ["a"]).draft
    where = Where.of(draft, "x", "en")
    first, second = where.finding("AK401", "fill"), where.finding("AK401", "fill")
    values = {
        "code": "AK401",
        "severity": "warning",
        "message": "fill",
        "person_id": "ada",
        "slot_id": draft.id,
        "platform": "x",
        "template": draft.template,
    }
    careful = prevalidated(Finding, values)
    assert first == careful
    assert first.model_fields_set == careful.model_fields_set
    assert first.model_fields_set is second.model_fields_set is careful.model_fields_set


# --- adjusting and checking, each check asked or skipped -----------------------------------------


@pytest.fixture(scope="module", params=[ENGLISH_KIT, GERMAN_KIT], ids=["en", "de"])
def kit(request: pytest.FixtureRequest) -> Kit:
    loaded: Kit = load_kit(request.param)
    return loaded


def _kit(kit: Kit, terms: bool, tracking: bool, domains: bool, marker: tuple[str, str]) -> Kit:
    guidelines = kit.guidelines.model_copy(
        update={
            "blocked_terms": kit.guidelines.blocked_terms if terms else [],
            "tracking_parameters": (
                kit.guidelines.tracking_parameters or {"utm_source": "advocacy"} if tracking else {}
            ),
            "employer_domains": kit.guidelines.employer_domains if domains else [],
        }
    )
    settings_ = kit.settings.model_copy(update={"prompt_marker": marker})
    return kit.model_copy(update={"guidelines": guidelines, "settings": settings_})


def _draft(kit: Kit, platform: str, text: str) -> Draft:
    start = dt.datetime(2026, 11, 3, 9, tzinfo=dt.UTC)
    entry = make_entry(kit.people[0].id, platform, start, [text or " "])
    return entry.draft.model_copy(update={"text": text})


def _careful_adjust(post: Post, draft: Draft, kit: Kit) -> Post | None:
    parts = [track_links(part, kit) for part in post.parts]
    if parts == post.parts:
        return None
    return adjust_post(post=post, draft=draft, kit=kit)


def _careful_check(
    post: Post, draft: Draft, kit: Kit, platform: Platform, options: Any, edited: bool
) -> list[Finding]:
    """Every check asked for its findings, each prompt's message filled in anew."""
    where = Where.of(draft, post.platform, language_of(kit))
    text = post.text
    code = "AK402" if edited else "AK401"
    return [
        *platform_findings(post, kit, platform, options, where),
        *disclosure_findings(post, draft, kit, where),
        *term_findings(text, kit, where),
        *[
            where.finding(code, say(code, where.language, prompt=prompt))
            for prompt in find_prompts(text, kit)
        ],
        *link_findings(text, kit, where),
    ]


MARKERS = [("[[", "]]"), ("{{", "}}"), ("[[", ""), ("", "]]"), ("", ""), ("[", "]")]


@pytest.mark.parametrize("name", PLATFORM_NAMES)
@given(
    text=TEXTS,
    terms=st.booleans(),
    tracking=st.booleans(),
    domains=st.booleans(),
    marker=st.sampled_from(MARKERS),
    edited=st.booleans(),
)
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_adjusted_and_checked_posts_are_the_careful_ones(
    kit: Kit,
    name: str,
    text: str,
    terms: bool,
    tracking: bool,
    domains: bool,
    marker: tuple[str, str],
    edited: bool,
) -> None:
    variant = _kit(kit, terms, tracking, domains, marker)
    platform = get_platforms()[name]
    options = platform.options(None)
    draft = _draft(variant, name, text)
    post = format_post(platform, text, options, language="en")
    adjusted = adjust_post(post=post, draft=draft, kit=variant)
    assert adjusted == _careful_adjust(post, draft, variant)
    for checked in (post, adjusted or post):  # the links as written, and as tracked
        fast = check_post(checked, draft, variant, platform, options, edited=edited)
        assert fast == _careful_check(checked, draft, variant, platform, options, edited)
    assert prompt_findings(text, variant, Where.of(draft, name, "en"), edited=edited) == [
        Where.of(draft, name, "en").finding(
            "AK402" if edited else "AK401",
            say("AK402" if edited else "AK401", "en", prompt=prompt),
        )
        for prompt in find_prompts(text, variant)
    ]


def test_a_post_of_odd_parts_is_adjusted_as_before(kit: Kit) -> None:
    variant = _kit(kit, terms=False, tracking=False, domains=False, marker=("[[", "]]"))
    draft = _draft(variant, "facebook", "hello")
    post = Post.model_construct(
        platform="facebook",
        parts=("hello",),  # type: ignore[arg-type]
        length=5,
        limit=10,
        valid=True,
    )
    adjusted = adjust_post(post=post, draft=draft, kit=variant)
    assert adjusted == _careful_adjust(post, draft, variant)
    assert adjusted is not None and adjusted.parts == ["hello"]


# --- extra problems: asked for only where there can be any ---------------------------------------

ODD_CHARACTERS = st.lists(
    st.sampled_from(["a", "é", "👩", "\ud800", "\ufffe", "\ufeff", "\uffff", "日", " "]),
    max_size=12,
).map("".join)


@given(text=ODD_CHARACTERS, max_bytes=st.integers(1, 40))
@settings(max_examples=300)
def test_extra_problems_are_those_of_looking_at_every_character(text: str, max_bytes: int) -> None:
    x = get_platforms()["x"]
    bad = sorted({f"U+{ord(c):04X}" for c in text if c in "\ufffe\ufeff\uffff"})
    careful_x = [message("invalid_chars", "en", platform="X", chars=", ".join(bad))] if bad else []
    assert x.extra_problems(text, x.options(None)) == careful_x
    bluesky = get_platforms()["bluesky"]
    size = len(text.encode("utf-8", "surrogatepass"))
    careful_bluesky = (
        [message("over_bytes", "en", over=size - max_bytes, platform="Bluesky", limit=max_bytes)]
        if size > max_bytes
        else []
    )
    options = bluesky.options({"max_bytes": max_bytes})
    assert bluesky.extra_problems(text, options) == careful_bluesky
    assert bluesky.extra_problems(_Text(text), options) == careful_bluesky


def test_extra_problems_of_one_platform_object_are_asked_for(kit: Kit) -> None:
    platform = type(get_platforms()["facebook"])()
    platform.extra_problems = lambda *args, **kwargs: ["no links here"]  # type: ignore[method-assign]
    options = platform.options(None)
    post = format_post(platform, "hello", options)
    where = Where.of(_draft(kit, "facebook", "hello"), "facebook", "en")
    findings = platform_findings(post, kit, platform, options, where)
    assert [finding.code for finding in findings] == ["AK103"]
    assert "no links here" in findings[0].message


@given(
    st.lists(
        st.sampled_from(["#", "a", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "＃x"]), max_size=30
    )
)
def test_tidy_is_what_tidying_leaves_alone(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert is_tidy(text) is (tidied(text) == text)
