"""The employer's links get the kit's tracking parameters; other links are left alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import advocacy_kit
from advocacy_kit.tracking import track_links

from .conftest import ENGLISH_KIT, MINIMAL_KIT

TRACKED_KIT = MINIMAL_KIT.replace(
    "areas:\n",
    "guidelines:\n"
    "  employer_domains: [acme.example]\n"
    "  tracking_parameters: {utm_source: advocacy, utm_medium: social}\n"
    "areas:\n",
    1,
)


@pytest.fixture
def kit(write_kit: Callable[..., Path]) -> advocacy_kit.Kit:
    return advocacy_kit.load_kit(write_kit(TRACKED_KIT))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Read https://acme.example/blog.",
            "Read https://acme.example/blog?utm_source=advocacy&utm_medium=social.",
        ),
        (
            "See (https://www.acme.example/a?x=1)",
            "See (https://www.acme.example/a?x=1&utm_source=advocacy&utm_medium=social)",
        ),
        (
            "Elsewhere: https://other.example/acme.example",
            "Elsewhere: https://other.example/acme.example",
        ),
        (
            "Already https://acme.example/?utm_source=advocacy&utm_medium=social",
            "Already https://acme.example/?utm_source=advocacy&utm_medium=social",
        ),
        (
            "Two https://acme.example/a and https://acme.example/a/b",
            "Two https://acme.example/a?utm_source=advocacy&utm_medium=social and "
            "https://acme.example/a/b?utm_source=advocacy&utm_medium=social",
        ),
        ("No links at all.", "No links at all."),
        (
            "Odd https://＃a.example and https://acme.example/x",
            "Odd https://＃a.example and https://acme.example/x?utm_source=advocacy&utm_medium=social",
        ),
    ],
    ids=[
        "sentence-end",
        "subdomain-and-query",
        "other-domain",
        "already-tracked",
        "prefix",
        "none",
        "unreadable-host-left-alone",
    ],
)
def test_track_links(kit: advocacy_kit.Kit, text: str, expected: str) -> None:
    assert track_links(text, kit) == expected


def test_without_parameters_nothing_changes(write_kit: Callable[..., Path]) -> None:
    plain = advocacy_kit.load_kit(write_kit())
    assert track_links("https://acme.example/x", plain) == "https://acme.example/x"


def test_planned_posts_carry_the_parameters_and_no_ak701() -> None:
    kit = advocacy_kit.load_kit(ENGLISH_KIT)
    calendar = advocacy_kit.plan_week(kit, "2026-W49")
    linked = [e for e in calendar.entries if "larkspur.example/" in e.post.text]
    assert linked, "the example week shares the employer's blog post"
    for entry in linked:
        assert "utm_source=advocacy&utm_medium=social" in entry.post.text
        assert entry.post.length <= entry.post.limit
    assert not [f for f in calendar.findings if f.code == "AK701"]


def test_a_part_pushed_over_the_limit_by_tracking_is_split_again(
    write_kit: Callable[..., Path],
) -> None:
    # Bluesky counts links as written, so the parameters make the post longer.
    link = "https://acme.example/" + "a" * 200
    kit_yaml = TRACKED_KIT.replace(
        "    title: Flaky tests are bugs\n",
        f"    title: Flaky tests are bugs\n    link: {link}\n    kind: article_share\n",
    ).replace("      linkedin:\n", "      bluesky:\n")
    kit = advocacy_kit.load_kit(write_kit(kit_yaml))
    [entry] = advocacy_kit.plan_week(kit, "2026-W49").entries
    assert "utm_source=advocacy" in entry.post.text
    assert entry.post.valid, entry.post.parts
