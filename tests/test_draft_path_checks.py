"""What the pipeline writes for each draft, against the careful steps one by one.

The pipeline takes the prompts of a post from its draft where the post is the draft's text. The
careful steps format the draft's text, call every adjustment and look for the prompts in the
post's text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_kit import pipeline
from advocacy_kit.calendar import Calendar, CalendarEntry, Post
from advocacy_kit.checks import check_post
from advocacy_kit.hookspecs import hookimpl
from advocacy_kit.loading import load_kit
from advocacy_kit.models import Kit
from advocacy_kit.plugins import get_platforms, get_plugin_manager
from advocacy_kit.posting import format_post

from .conftest import ENGLISH_KIT, GERMAN_KIT

PLATFORMS = ["linkedin", "x", "mastodon", "bluesky", "threads", "instagram", "facebook", "xing"]


def _odd_texts(opening: str, closing: str) -> list[str]:
    """Prompts left empty, markers in each other and alone: what the fast path must see through."""
    o, c = opening, closing
    return [
        f"Plain words {o}a prompt{c}",
        f"An empty prompt {o}{c} here",
        f"Nested {o}{o}inner{c} and {o}x{c}{c} after",
        f"Closing first {c} then {o} open",
        f"Both {o} z {c} {o}{c} w",
        f"Only opening {o} left",
    ]


def _kit_yaml(marker: tuple[str, str], disclosure_on_all: bool) -> str:
    topics = [
        {
            "id": f"topic-{at}",
            "title": title,
            "areas": ["testing"],
            "key_points": [title, "Measure first"],
            "hashtags": ["testing", "open_source"],
        }
        for at, title in enumerate(_odd_texts(*marker))
    ]
    people = [
        {
            "id": f"p{at}",
            "name": f"Person {at}",
            "languages": ["en"],
            "expertise": {"testing": "expert"},
            "accounts": {name: {"cadence": "tue 09:00, thu 10:00"} for name in PLATFORMS},
            "weekly_cap": 14,
        }
        for at in range(4)
    ]
    kit: dict[str, Any] = {
        "organization": {"name": "Acme", "timezone": "Europe/Berlin", "language": "en"},
        "guidelines": {
            "disclosure": {
                "applies_to": "all" if disclosure_on_all else "promotional",
                # With a prompt of its own: the post's prompts are not the draft's alone.
                "texts": {"en": f"I work at Acme as {marker[0]}your role{marker[1]}."},
            }
        },
        "areas": [{"id": "testing", "name": "Testing"}],
        "topics": topics,
        "people": people,
        "settings": {"prompt_marker": list(marker)},
    }
    return json.dumps(kit)  # JSON is YAML


def _careful_entry(kit: Kit, entry: CalendarEntry) -> tuple[Post, list[Any]]:
    """The post and findings of an entry's draft, every step taken as it is."""
    pm = get_plugin_manager()
    draft = entry.draft
    platform = get_platforms()[entry.slot.platform]
    account = kit.person(entry.slot.person_id).accounts[entry.slot.platform]
    options = platform.options(account.options)
    post = format_post(
        platform,
        draft.text,
        options,
        disclosure=draft.disclosure,
        language=draft.assignment.language,
    )
    for impl in pm.hook.adjust_post.get_hookimpls():
        adjusted = cast("Post | None", impl.function(post=post, draft=draft, kit=kit))
        if adjusted is not None:
            post = adjusted
    findings = check_post(post, draft, kit, platform, options, edited=draft.edited)
    for extra in pm.hook.check_post(post=post, draft=draft, kit=kit):
        findings.extend(extra or [])
    return post, findings


def _planned(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> Calendar:
    # The week's checks add findings of their own: left out, so each entry holds its post's.
    monkeypatch.setattr(pipeline, "check_week", lambda kit, entries, **options: entries)
    return pipeline.plan_week(kit, "2026-W50")


def _assert_careful(kit: Kit, calendar: Calendar) -> None:
    assert calendar.entries
    for entry in calendar.entries:
        post, findings = _careful_entry(kit, entry)
        assert entry.post == post
        assert entry.findings == findings


MARKERS = {
    "default": ("[[", "]]"),
    "braces": ("{", "}"),
    "one bracket": ("[", "]"),
    "same on both sides": ("|", "|"),
    "no opening": ("", "]]"),
}


@pytest.mark.parametrize("disclosure_on_all", [False, True], ids=["no disclosure", "disclosure"])
@pytest.mark.parametrize("marker", MARKERS.values(), ids=MARKERS.keys())
def test_entries_of_odd_prompts_are_the_careful_ones(
    write_kit: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    marker: tuple[str, str],
    disclosure_on_all: bool,
) -> None:
    kit = load_kit(write_kit(_kit_yaml(marker, disclosure_on_all)))
    calendar = _planned(kit, monkeypatch)
    _assert_careful(kit, calendar)
    texts = [entry.post.text for entry in calendar.entries]
    empty = "".join(marker)
    # Both ways are taken: posts with an empty prompt (looked for), posts without (from the draft).
    assert any(empty in text for text in texts)
    if marker[0]:  # with no opening marker, every prompt ends in an empty one
        assert any(empty not in text for text in texts)


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_entries_of_the_example_kits_are_the_careful_ones(
    kit_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = load_kit(kit_path)
    _assert_careful(kit, _planned(kit, monkeypatch))


class _Tuples:
    """A plugin that hands back posts whose parts are a tuple, as model_construct allows."""

    @hookimpl(tryfirst=True)
    def adjust_post(self, post: Post, draft: object, kit: Kit) -> Post:
        values = post.model_dump()
        values["parts"] = tuple(values["parts"])
        return Post.model_construct(**values)


class _Prompting:
    """A plugin that adds an empty prompt to every post after the built-in adjustments."""

    @hookimpl(trylast=True)
    def adjust_post(self, post: Post, draft: object, kit: Kit) -> Post:
        marker = "".join(kit.settings.prompt_marker)
        return post.model_copy(update={"parts": [*post.parts[:-1], f"{post.parts[-1]} {marker}"]})


@pytest.mark.parametrize("plugin", [_Tuples(), _Prompting()], ids=["tuple parts", "empty prompt"])
def test_entries_adjusted_by_plugins_are_the_careful_ones(
    write_kit: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    register_plugin: Callable[[object, str], None],
    plugin: object,
) -> None:
    register_plugin(plugin, "odd-adjustments")
    kit = load_kit(write_kit(_kit_yaml(("[[", "]]"), disclosure_on_all=False)))
    _assert_careful(kit, _planned(kit, monkeypatch))


# --- the two patterns agree where no prompt is left empty ------------------------------------------

PIECES = ["a", " ", "\n", "[", "]", "[[", "]]", "{", "}", "|", "é", "x y"]


@given(
    text=st.lists(st.sampled_from(PIECES), max_size=24).map("".join),
    marker=st.sampled_from(list(MARKERS.values())),
)
def test_the_drafters_pattern_finds_what_the_checks_pattern_finds(
    text: str, marker: tuple[str, str]
) -> None:
    opening, closing = (re.escape(m) for m in marker)
    drafters = re.compile(f"{opening}(.+?){closing}", flags=re.DOTALL)
    checks = re.compile(f"{opening}(.*?){closing}", flags=re.DOTALL)
    if "".join(marker) not in text:
        assert drafters.findall(text) == checks.findall(text)
