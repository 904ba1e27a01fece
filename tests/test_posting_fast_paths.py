"""Formatting, measuring and checking a post: each fast path gives the careful result.

The careful results come from the patterns and steps the fast paths replace: the cluster regex
for grapheme counts, the look-behind-first patterns, validation of every post, and
``Platform.validate`` asked for each part.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit.calendar import Draft, Post
from advocacy_kit.checks import check_post
from advocacy_kit.checks.platform_rules import HASHTAG, count_hashtags, platform_findings
from advocacy_kit.checks.where import Where
from advocacy_kit.drafting import shorten
from advocacy_kit.loading import load_kit
from advocacy_kit.models import Kit
from advocacy_kit.platforms.base import Platform, PlatformOptions
from advocacy_kit.plugins import get_platforms
from advocacy_kit.posting import format_post, measure_parts
from advocacy_kit.text import entities, richtext, urls
from advocacy_kit.text.graphemes import _GRAPHEME, clusters, grapheme_count

from .conftest import ENGLISH_KIT, GERMAN_KIT, make_entry

# Pieces that meet every rule the fast paths lean on: joining characters (combining marks, ZWJ,
# regional indicators, Hangul), CR LF, controls above U+0300, tag and mention signs after all
# kinds of characters, dotted names, schemes, prompts, invalid characters and long runs.
PIECES = [
    "a", "Z", "é", "e\u0301", "ß", " ", "  ", "\n", "\r", "\r\n", "\t", "\u00a0", "\u200b",
    "\u2028", "\u00ad", "#", "＃", "#1", "#tag", "#open_source", "#Ünïcode", "#a-b", "&", "/",
    "_", "-", "1", "42", ".", ",", ":", "!", "?", ")", "(", "@", "@ada", "@bo@social.example",
    "$", "$ACME", "https://", "http://", "example.com", "acme.example", "x.co", "e.g.", "a.b",
    "ｅ.ｆ", "\u212a.de", "ſ.de", "\ufffe", "\ufeff", "\u200d", "\ufe0f", "👩", "👩\u200d💻",
    "🇩🇪", "🇩", "–", "“", "”", "„", "[[", "]]", "ᄀ", "ᅡ", "가", "ก", "\u0e33", "क्", "ष",
    "日本語", "word", "Projekt", "x" * 40,
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
ANY_TEXT = st.one_of(TEXTS, st.text(max_size=60))


@given(ANY_TEXT)
@settings(max_examples=600)
def test_grapheme_count_is_the_number_of_clusters(text: str) -> None:
    assert grapheme_count(text) == len(_GRAPHEME.findall(text))


@pytest.mark.parametrize(
    "text",
    ["", "\r\n", "\n\r", "e\u0301", "🇩🇪🇩", "👩\u200d💻", "가각", "가", "क्ष", "a\u200bb", "–“”"],
    ids=["empty", "crlf", "lfcr", "combining", "flags", "zwj", "hangul", "jamo", "conjunct",
         "zwsp", "punctuation"],
)  # fmt: skip
def test_grapheme_count_of_joining_characters(text: str) -> None:
    assert grapheme_count(text) == len(_GRAPHEME.findall(text))


@given(ANY_TEXT)
@settings(max_examples=600)
def test_clusters_index_like_the_split_into_clusters(text: str) -> None:
    found = clusters(text)
    split = _GRAPHEME.findall(text)
    assert list(found) == split
    if isinstance(found, str):  # the text itself only where each character is one cluster
        assert found is text


@given(ANY_TEXT, st.integers(min_value=0, max_value=50))
@settings(max_examples=600)
def test_shorten_cuts_where_the_split_into_clusters_cuts(text: str, width: int) -> None:
    assert shorten(text, width) == _shorten_by_the_split(text, width)


def _shorten_by_the_split(text: str, width: int, placeholder: str = "…") -> str:
    """``shorten`` as it was written first: every text split into clusters by the regex."""
    value = " ".join(text.split())
    parts = _GRAPHEME.findall(value)
    if len(parts) <= width:
        return value
    room = max(width - len(_GRAPHEME.findall(placeholder)), 0)
    head = "".join(parts[:room])
    space = head.rfind(" ")
    if parts[room] != " " and space >= len(head) // 2:
        head = head[:space]
    return head.rstrip(" ,;:–—-") + placeholder


@given(ANY_TEXT)
@settings(max_examples=600)
def test_ak104_tags_are_those_of_the_look_behind_pattern(text: str) -> None:
    assert count_hashtags(text) == len(HASHTAG.findall(text))


_DOTTED_CAREFUL = re.compile(rf"{urls._DOMAIN_CHAR}\.{urls._DOMAIN_CHAR}")


@given(ANY_TEXT)
@settings(max_examples=600)
def test_dotted_test_finds_what_the_character_first_pattern_finds(text: str) -> None:
    assert (urls._DOTTED.search(text) is None) == (_DOTTED_CAREFUL.search(text) is None)


@given(ANY_TEXT)
@settings(max_examples=400)
def test_facets_are_those_of_trying_the_link_pattern_everywhere(text: str) -> None:
    fast = richtext.detect_facets(text)
    always = regex.compile("")  # a search that always finds: the link pattern always runs
    original = richtext._MAYBE_DOMAIN
    richtext._MAYBE_DOMAIN = always
    try:
        careful = richtext.detect_facets(text)
    finally:
        richtext._MAYBE_DOMAIN = original
    assert fast == careful


@given(ANY_TEXT)
@settings(max_examples=300)
def test_remembered_tags_are_the_tags_found_anew(text: str) -> None:
    careful = [
        entities.Entity(m[1], m[0], m.start(), m.end()) for m in entities._HASHTAG.finditer(text)
    ]
    first = entities.hashtags(text)
    assert first == careful
    first.append(entities.Entity("x", "#x", 0, 2))  # a caller's list is its own
    assert entities.hashtags(text) == careful


def test_tags_of_a_str_subclass_are_found_as_of_its_text() -> None:
    class Text(str):
        pass

    assert entities.hashtags(Text("a #tag")) == entities.hashtags("a #tag")


# --- posts built without a second validation -------------------------------------------------


def _careful_post(platform: Platform, parts: Any, options: PlatformOptions) -> Post:
    counts = [platform.count(part, options) for part in parts]
    longest = max(counts, key=lambda count: count.length)
    return Post(
        platform=platform.name,
        parts=parts,
        length=longest.length,
        limit=longest.limit,
        valid=all(count.valid for count in counts),
        details=dict(longest.details),
    )


def _same_post(fast: Post, careful: Post) -> None:
    assert fast == careful
    assert fast.model_dump_json() == careful.model_dump_json()
    assert fast.model_fields_set == careful.model_fields_set
    assert [type(part) for part in fast.parts] == [str] * len(careful.parts)
    assert fast.parts is not careful.parts


PLATFORM_NAMES = ["x", "linkedin", "mastodon", "bluesky", "threads", "instagram", "facebook"]


@pytest.mark.parametrize("name", PLATFORM_NAMES)
@given(parts=st.lists(TEXTS, min_size=1, max_size=3))
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_measured_post_is_the_validated_post(name: str, parts: list[str]) -> None:
    platform = get_platforms()[name]
    options = platform.options(None)
    _same_post(
        measure_parts(platform, list(parts), options), _careful_post(platform, parts, options)
    )


class _Text(str):
    pass


ODD_PARTS = {
    "tuple": ("one", "two"),
    "str-subclass": [_Text("one #tag")],
    "mixed": ["one", _Text("two")],
}


@pytest.mark.parametrize("parts", ODD_PARTS.values(), ids=ODD_PARTS.keys())
def test_odd_parts_from_a_plugin_are_validated(parts: Any) -> None:
    platform = get_platforms()["facebook"]
    options = platform.options(None)
    _same_post(
        measure_parts(platform, parts, options), _careful_post(platform, list(parts), options)
    )


def test_odd_counts_from_a_plugin_are_validated() -> None:
    from advocacy_kit.platforms.base import Count

    class Odd(Platform):
        name = "odd"
        display_name = "Odd"
        limit = 10

        def count(self, text: str, options: PlatformOptions | None = None) -> Count:
            return Count(True, 10, True, "characters", {"n": 1})

    platform = Odd()
    post = measure_parts(platform, ["a"], platform.options(None))
    assert type(post.length) is int and post.length == 1


def test_details_with_keys_that_are_not_text_are_refused_as_before() -> None:
    from pydantic import ValidationError

    from advocacy_kit.platforms.base import Count

    class Odd(Platform):
        name = "odd"
        display_name = "Odd"
        limit = 10

        def count(self, text: str, options: PlatformOptions | None = None) -> Count:
            return Count(1, 10, True, "characters", {1: "one"})  # type: ignore[dict-item]

    platform = Odd()
    with pytest.raises(ValidationError):
        measure_parts(platform, ["a"], platform.options(None))


# --- findings without validating each part again ---------------------------------------------


def _careful(platform: Platform) -> Platform:
    """The same platform with its own ``validate``: the checks then ask it for each part."""
    kind = type(platform)

    def validate(
        self: Platform, text: str, options: PlatformOptions | None = None, *, language: str = "en"
    ) -> list[str]:
        return kind.validate(self, text, options, language=language)

    careful: Platform = type(f"Careful{kind.__name__}", (kind,), {"validate": validate})()
    return careful


@pytest.fixture(scope="module", params=[ENGLISH_KIT, GERMAN_KIT], ids=["en", "de"])
def kit(request: pytest.FixtureRequest) -> Kit:
    loaded: Kit = load_kit(request.param)
    return loaded


SMALL_LIMITS: dict[str, dict[str, Any]] = {
    "x": {"max_weighted_length": 40},
    "linkedin": {"max_characters": 40},
    "mastodon": {"max_characters": 40, "content_warning": "cw"},
    "bluesky": {"max_characters": 40, "max_bytes": 60},
    "threads": {"max_characters": 40, "max_links": 1},
    "instagram": {"max_characters": 40, "max_hashtags": 1},
    "facebook": {"max_characters": 40},
}


def _draft(kit: Kit, platform: str, text: str) -> Draft:
    start = dt.datetime(2026, 11, 3, 9, tzinfo=dt.UTC)
    person = kit.people[0].id
    return make_entry(person, platform, start, [text or " "]).draft.model_copy(
        update={"text": text}
    )


@pytest.mark.parametrize("name", PLATFORM_NAMES)
@pytest.mark.parametrize("small", [False, True], ids=["default-limits", "small-limits"])
@given(text=TEXTS)
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_findings_are_those_of_validating_each_part(
    kit: Kit, name: str, small: bool, text: str
) -> None:
    platform = get_platforms()[name]
    careful = _careful(platform)
    options = platform.options(SMALL_LIMITS[name] if small else None)
    draft = _draft(kit, name, text)
    fast_post = _outcome(format_post, platform, text, options, disclosure=None, language="en")
    careful_post = _outcome(format_post, careful, text, options, disclosure=None, language="en")
    assert fast_post == careful_post
    post = fast_post
    if not isinstance(post, Post):
        return  # both failed alike (no parts to measure)
    for edited in (False, True):
        fast = _outcome(check_post, post, draft, kit, platform, options, edited=edited)
        slow = _outcome(check_post, post, draft, kit, careful, options, edited=edited)
        assert fast == slow
    where = Where.of(draft, name, "de")
    assert platform_findings(post, kit, platform, options, where) == platform_findings(
        post, kit, careful, options, where
    )


def _outcome(function: Any, /, *args: Any, **kwargs: Any) -> Any:
    """What ``function`` returns, or the type and text of what it raises (the same either way)."""
    try:
        return function(*args, **kwargs)
    except ValueError as error:
        return (type(error), str(error))


def test_a_platform_that_changes_its_length_problems_is_asked_for_them() -> None:
    kind = type(get_platforms()["facebook"])

    class Strict(kind):  # type: ignore[valid-type,misc]
        def length_problems(self, text: str, measured: Any, *, language: str = "en") -> list[str]:
            return ["too plain", *super().length_problems(text, measured, language=language)]

    kit = load_kit(ENGLISH_KIT)
    platform = Strict()
    options = platform.options(None)
    post = measure_parts(platform, ["hello"], options)
    where = Where.of(_draft(kit, "facebook", "hello"), "facebook", "en")
    codes = [finding.code for finding in platform_findings(post, kit, platform, options, where)]
    assert codes == ["AK103"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_where_of_a_draft_is_the_dataclass_of_its_fields(language: str) -> None:
    draft = make_entry("ada", "x", dt.datetime(2026, 11, 3, 9, tzinfo=dt.UTC), ["a"]).draft
    where = Where.of(draft, "x", language)
    careful = Where(
        person_id="ada",
        slot_id=draft.id,
        platform="x",
        template=draft.template,
        language=language,
    )
    assert (where, hash(where), repr(where)) == (careful, hash(careful), repr(careful))
    with pytest.raises(AttributeError):
        where.language = "fr"  # type: ignore[misc]
