"""Bluesky's rich-text detection vectors (atproto SDK), loaded from tests/data at test time.

Mentions are compared by handle: the vectors hold ``did:fake:<handle>`` from a mock resolver,
and resolving a handle to a DID needs the network, which the planner never uses.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from advocacy_kit.text import detect_facets

DATA = json.loads(
    (Path(__file__).parent / "data" / "bluesky" / "rich-text-detection.json").read_text("utf-8")
)


def _cases(group: str) -> list[Any]:
    return [
        pytest.param(case, id=f"{group}-{number:02d}-{case['input'][:40]!r}")
        for number, case in enumerate(DATA[group], 1)
    ]


def _segments(text: str, facets: list[dict[str, Any]]) -> list[list[str]]:
    """The text cut at facets, as the SDK's ``RichText.segments()`` gives it."""
    data = text.encode("utf-8")
    segments: list[list[str]] = []
    cursor = 0
    for facet in facets:
        start, end = facet["index"]["byteStart"], facet["index"]["byteEnd"]
        if start > cursor:
            segments.append([data[cursor:start].decode("utf-8")])
        feature = facet["features"][0]
        kind = feature["$type"].rsplit("#", 1)[1]
        if kind == "mention":
            value = f"did:fake:{feature['handle']}"
        elif kind == "link":
            value = feature["uri"]
        else:
            value = ""
        segments.append([data[start:end].decode("utf-8"), value])
        cursor = end
    if cursor < len(data):
        segments.append([data[cursor:].decode("utf-8")])
    return segments


def test_bluesky_vector_counts() -> None:
    assert (len(DATA["segments"]), len(DATA["tags"]), len(DATA["cashtags"])) == (40, 39, 18)


@pytest.mark.parametrize("case", _cases("segments"))
def test_conformance_bluesky_segments(case: dict[str, Any]) -> None:
    assert _segments(case["input"], detect_facets(case["input"])) == case["expected"]


def _tag_facets(text: str, cashtags: bool) -> list[dict[str, Any]]:
    return [
        facet
        for facet in detect_facets(text)
        if facet["features"][0]["$type"] == "app.bsky.richtext.facet#tag"
        and facet["features"][0]["tag"].startswith("$") == cashtags
    ]


@pytest.mark.parametrize("case", _cases("tags"))
def test_conformance_bluesky_tags(case: dict[str, Any]) -> None:
    facets = _tag_facets(case["input"], cashtags=False)
    assert [f["features"][0]["tag"] for f in facets] == case["tags"]
    assert [f["index"] for f in facets] == case["indices"]


@pytest.mark.parametrize("case", _cases("cashtags"))
def test_conformance_bluesky_cashtags(case: dict[str, Any]) -> None:
    facets = _tag_facets(case["input"], cashtags=True)
    assert [f["features"][0]["tag"] for f in facets] == case["tags"]
    assert [f["index"] for f in facets] == case["indices"]
