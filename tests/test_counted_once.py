"""A post's parts are counted once: the checks given those counts find what they find counting."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advocacy_kit import load_kit
from advocacy_kit.checks import check_post
from advocacy_kit.models import Kit
from advocacy_kit.plugins import get_platforms
from advocacy_kit.posting import format_and_count, format_post, measure_and_count, measure_parts

from .conftest import ENGLISH_KIT, GERMAN_KIT, make_entry

START = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)
TEXTS = [
    "",
    "Kurz.",
    "Flaky tests are bugs. [[what broke last]] #testing #ci",
    "Zu lang " * 200 + "#lang",
    "Ein Thread. " * 120 + "https://example.org/a?utm_source=x #eins #zwei #drei #vier #fünf",
    "👩‍👩‍👧‍👦 " * 400,
    "#a #b #c #d #e #f #g #h #i #j #k #l #m #n #o #p #q #r #s #t #u #v #w #x #y #z",
]


@pytest.fixture(scope="module", params=[ENGLISH_KIT, GERMAN_KIT], ids=["en", "de"])
def kit(request: pytest.FixtureRequest) -> Kit:
    loaded: Kit = load_kit(request.param)
    return loaded


def _findings_both_ways(kit: Kit, platform_name: str, text: str, language: str) -> None:
    platform = get_platforms()[platform_name]
    options = platform.options(None)
    post, counts = format_and_count(
        platform, text, options, disclosure="Werbung", language=language
    )
    assert post == format_post(platform, text, options, disclosure="Werbung", language=language)
    assert counts == [platform.count(part, options) for part in post.parts]
    draft = make_entry("ada", platform_name, START, [text or "x"], language=language).draft
    for edited in (False, True):
        counting = check_post(post, draft, kit, platform, options, edited=edited)
        given_counts = check_post(post, draft, kit, platform, options, edited=edited, counts=counts)
        assert given_counts == counting


@pytest.mark.parametrize("platform_name", sorted(get_platforms()))
@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_the_checks_find_the_same_with_the_counts_given(
    kit: Kit, platform_name: str, text: str
) -> None:
    _findings_both_ways(kit, platform_name, text, kit.organization.language)


@settings(max_examples=60, deadline=None)
@given(
    platform_name=st.sampled_from(sorted(get_platforms())),
    text=st.text(st.characters(codec="utf-8"), max_size=700),
)
def test_any_text_gives_the_same_findings(platform_name: str, text: str) -> None:
    _findings_both_ways(load_kit(ENGLISH_KIT), platform_name, text, "en")


def test_counts_of_other_parts_are_not_used(kit: Kit) -> None:
    platform = get_platforms()["x"]
    options = platform.options(None)
    post, counts = format_and_count(platform, "Zu lang " * 200, options)
    assert len(post.parts) > 1
    draft = make_entry("ada", "x", START, ["x"]).draft
    careful = check_post(post, draft, kit, platform, options)
    assert check_post(post, draft, kit, platform, options, counts=counts[:1]) == careful


def test_measured_parts_come_with_their_counts() -> None:
    platform = get_platforms()["bluesky"]
    options = platform.options(None)
    for parts in (["eins"], ["eins", "zwei " * 100], ["x" * 400]):
        post, counts = measure_and_count(platform, parts, options)
        assert post == measure_parts(platform, parts, options)
        assert counts == [platform.count(part, options) for part in parts]


@pytest.mark.parametrize("platform_name", sorted(get_platforms()))
def test_each_edited_part_is_checked_by_its_own_count(kit: Kit, platform_name: str) -> None:
    """Parts a person wrote may be empty or too long in any place: each is read by its count."""
    platform = get_platforms()[platform_name]
    options = platform.options(None)
    for parts in (["ok", "", "x" * 70_000], ["", "ok"], ["x" * 70_000, "ok", ""]):
        post, counts = measure_and_count(platform, parts, options)
        draft = make_entry("ada", platform_name, START, parts).draft
        counting = check_post(post, draft, kit, platform, options, edited=True)
        assert check_post(post, draft, kit, platform, options, edited=True, counts=counts) == (
            counting
        )
        codes = {finding.code for finding in counting}
        assert "AK102" in codes
        assert ("AK101" in codes) == ("x" * 70_000 in parts)
