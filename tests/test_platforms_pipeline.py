"""Platforms inside a planned week: threads carry the disclosure first, overflow is an AK101 error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from advocacy_kit.calendar import CalendarEntry
from advocacy_kit.loading import load_kit
from advocacy_kit.pipeline import plan_week

POINT = (
    "Interne Kommunikation gelingt, wenn Führungskräfte zuhören, bevor sie senden, und wenn "
    "jede Nachricht einen erkennbaren Absender und einen klaren Zweck hat"
)
LONG_KIT = """\
organization:
  name: Acme
  timezone: Europe/Berlin
  language: de
guidelines:
  disclosure:
    texts:
      de: "Ich arbeite bei Acme."
    applies_to: all
    position: end
areas:
  - id: komm
    name: Kommunikation
topics:
  - id: zuhoeren
    title: Zuhören vor Senden
    areas: [komm]
    kind: tip
    key_points:
{points}
people:
  - id: lena
    name: Lena
    languages: [de]
    expertise:
      komm: expert
    accounts:
      x:
        cadence: "tue 09:00"
      linkedin:
        cadence: "wed 09:00"
settings:
  # One topic, two platforms: the same long draft goes to X and to LinkedIn.
  share_across_platforms: true
"""


# The kit's own template writes out every key point, so the draft is long on every platform
# (the built-in short forms for X would shorten it).
LONG_TEMPLATE = "{% for point in topic.key_points %}{{ point }} {% endfor %}"


def _plan(write_kit: Callable[..., Path]) -> dict[str, CalendarEntry]:
    points = "\n".join(f'      - "{POINT} ({n})."' for n in range(1, 21))
    templates = {f"templates__de__tip.{name}.j2": LONG_TEMPLATE for name in ("x", "linkedin")}
    kit = load_kit(write_kit(LONG_KIT.format(points=points), **templates))
    calendar = plan_week(kit, "2026-W49")
    return {entry.slot.platform: entry for entry in calendar.entries}


def test_long_german_draft_is_an_x_thread_and_a_linkedin_error(
    write_kit: Callable[..., Path],
) -> None:
    entries = _plan(write_kit)
    x_entry, linkedin_entry = entries["x"], entries["linkedin"]

    x_post = x_entry.post
    assert len(x_post.parts) > 1
    assert x_post.valid
    assert x_post.parts[0].startswith("Ich arbeite bei Acme.")
    assert not [f for f in x_entry.findings if f.code in {"AK101", "AK201"}]

    linkedin_post = linkedin_entry.post
    assert len(linkedin_post.parts) == 1
    over = len(linkedin_post.parts[0]) - 3000
    assert over > 0
    errors = [f for f in linkedin_entry.findings if f.code == "AK101"]
    assert len(errors) == 1
    assert errors[0].severity == "error"
    # The kit is German, so the finding speaks German.
    assert f"{over} Zeichen über dem LinkedIn-Limit von 3000" in errors[0].message


@pytest.mark.parametrize("name", ["x", "mastodon", "bluesky", "threads", "linkedin"])
def test_an_empty_draft_is_one_empty_post_not_an_error(name: str) -> None:
    from advocacy_kit.plugins import get_platforms
    from advocacy_kit.posting import format_post

    platform = get_platforms()[name]
    post = format_post(platform, "", platform.options({}))
    assert post.parts == [""]
    assert post.length == 0
    assert not post.valid
