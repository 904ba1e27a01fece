"""A post's findings: ``check_post`` (which reads the models' dictionaries) against every check.

The careful findings come from each check asked in turn, through the models' attributes: the
place from ``Where.of``, then the platform's, the disclosure's, the terms', the prompts' and the
links' findings. Models made without all their fields, models of other classes, kits in German
and drafts of topics the kit does not know are among the inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from advocacy_kit import pipeline
from advocacy_kit.calendar import CalendarEntry, Draft, Post
from advocacy_kit.checks import check_post
from advocacy_kit.checks.disclosure import disclosure_findings
from advocacy_kit.checks.links import link_findings
from advocacy_kit.checks.messages import language_of
from advocacy_kit.checks.platform_rules import platform_findings
from advocacy_kit.checks.prompts import prompt_findings
from advocacy_kit.checks.terms import term_findings
from advocacy_kit.checks.where import Where
from advocacy_kit.loading import load_kit
from advocacy_kit.models import Kit
from advocacy_kit.platforms.base import Count, Platform, PlatformOptions
from advocacy_kit.plugins import get_platforms

from .conftest import DRAFTING_KIT, ENGLISH_KIT, GERMAN_KIT


def _careful(
    post: Post, draft: Draft, kit: Kit, platform: Platform, options: PlatformOptions, edited: bool
) -> list[Any]:
    where = Where.of(draft, post.platform, language_of(kit))
    text = post.text
    return [
        *platform_findings(post, kit, platform, options, where),
        *disclosure_findings(post, draft, kit, where),
        *term_findings(text, kit, where),
        *prompt_findings(text, kit, where, edited=edited),
        *link_findings(text, kit, where),
    ]


def _outcome(make: Callable[[], object]) -> tuple[object, ...]:
    try:
        return ("value", make())
    except Exception as error:  # the same error with the same message is what counts
        return ("error", type(error).__name__, str(error))


def _same(post: Any, draft: Any, kit: Kit, edited: bool = False) -> None:
    platform = get_platforms()[post.__dict__.get("platform", "linkedin")]
    options = platform.options(None)
    fast = _outcome(lambda: check_post(post, draft, kit, platform, options, edited=edited))
    careful = _outcome(lambda: _careful(post, draft, kit, platform, options, edited))
    assert fast == careful


def _entries(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> list[CalendarEntry]:
    monkeypatch.setattr(pipeline, "check_week", lambda kit, entries, **options: entries)
    return pipeline.plan_week(kit, "2026-W50").entries


KITS = pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])


@KITS
@pytest.mark.parametrize("edited", [False, True], ids=["fresh", "edited"])
def test_findings_of_planned_posts_are_the_careful_ones(
    kit_path: Path, edited: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = load_kit(kit_path)
    for entry in _entries(kit, monkeypatch):
        _same(entry.post, entry.draft, kit, edited)


DISCLOSURES = {"every post": "all", "promoting posts": "promotional"}


@pytest.mark.parametrize("applies_to", DISCLOSURES.values(), ids=DISCLOSURES.keys())
@pytest.mark.parametrize("language", ["de", "en"])
def test_findings_for_each_disclosure_rule_and_language_are_the_careful_ones(
    write_kit: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    applies_to: str,
    language: str,
) -> None:
    kit = load_kit(write_kit(DRAFTING_KIT))
    guidelines = kit.guidelines.model_copy(
        update={
            "disclosure": kit.guidelines.disclosure.model_copy(update={"applies_to": applies_to})
        }
    )
    organization = kit.organization.model_copy(update={"language": language})
    variant = kit.model_copy(update={"guidelines": guidelines, "organization": organization})
    entries = _entries(variant, monkeypatch)
    assert entries
    for entry in entries:
        _same(entry.post, entry.draft, variant)
        # A draft of a topic the kit does not know: the draft's own disclosure decides.
        for disclosure in (None, "I work at Acme Tools."):
            unknown = entry.assignment.model_copy(update={"topic_id": "nowhere"})
            draft = entry.draft.model_copy(update={"assignment": unknown, "disclosure": disclosure})
            _same(entry.post, draft, variant)


@KITS
def test_models_without_a_field_or_of_other_classes_are_checked_as_before(
    kit_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = load_kit(kit_path)
    entry = _entries(kit, monkeypatch)[0]
    post, draft = entry.post, entry.draft

    class OwnPost(Post):
        pass

    class OwnDraft(Draft):
        pass

    incomplete: dict[str, Any] = {"topic_id": "nowhere"}  # an assignment of a topic alone
    post_values = post.model_dump()
    draft_values = {**draft.__dict__}
    posts: list[Any] = [
        post,
        OwnPost(**post_values),
        Post.model_construct(**{k: v for k, v in post_values.items() if k != "platform"}),
        Post.model_construct(**{k: v for k, v in post_values.items() if k != "parts"}),
    ]
    drafts: list[Any] = [
        draft,
        OwnDraft(**draft_values),
        *(
            Draft.model_construct(**{k: v for k, v in draft_values.items() if k != missing})
            for missing in ("id", "template", "assignment", "disclosure")
        ),
        draft.model_copy(update={"assignment": draft.assignment.model_construct(**incomplete)}),
    ]
    for one_post in posts:
        for one_draft in drafts:
            _same(one_post, one_draft, kit)


class _OwnOver(Count):
    """A count that says by itself how far over it is."""

    @property
    def over_by(self) -> int:
        return 7 if self.length == 3 else 0


COUNTS = {
    "fits": Count(3, 5, True, "characters"),
    "over": Count(6, 5, False, "characters"),
    "at the limit": Count(5, 5, True, "characters"),
    "empty": Count(0, 5, False, "characters"),
    "float length over": Count(5.5, 5, False, "characters"),  # type: ignore[arg-type]
    "float limit": Count(5, 4.5, False, "characters"),  # type: ignore[arg-type]
    "bool limit": Count(1, False, False, "characters"),
    "own over_by": _OwnOver(3, 5, True, "characters"),
    "own over_by, over": _OwnOver(6, 5, False, "characters"),
}


@pytest.mark.parametrize("count", COUNTS.values(), ids=COUNTS.keys())
def test_length_findings_follow_over_by(count: Count, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = load_kit(ENGLISH_KIT)
    entry = next(one for one in _entries(kit, monkeypatch) if len(one.post.parts) == 1)
    platform = get_platforms()[entry.post.platform]
    where = Where.of(entry.draft, entry.post.platform, "en")
    findings = platform_findings(
        entry.post, kit, platform, platform.options(None), where, counts=[count]
    )
    codes = [finding.code for finding in findings]
    over = count.length != 0 and bool(count.over_by)
    assert ("AK101" in codes) is over
    assert ("AK102" in codes) is (count.length == 0)
