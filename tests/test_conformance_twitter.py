"""twitter-text's public conformance suite, loaded from tests/data at test time (one id per case)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from advocacy_kit.text import V2, V3, WeightedConfig, extract_urls, weighted_length

DATA = Path(__file__).parent / "data" / "twitter-text"


def _load(name: str) -> dict[str, list[dict[str, Any]]]:
    tests: dict[str, list[dict[str, Any]]] = YAML(typ="safe").load(
        (DATA / name).read_text(encoding="utf-8")
    )["tests"]
    return tests


def _cases(name: str, *groups: str) -> list[Any]:
    tests = _load(name)
    return [
        pytest.param(group, case, id=f"{group}-{number:03d}-{case['description'][:60]}")
        for group in groups or tuple(tests)
        for number, case in enumerate(tests[group], 1)
    ]


CONFIGS: dict[str, WeightedConfig] = {
    "WeightedTweetsCounterTest": V2,
    "WeightedTweetsWithDiscountedEmojiCounterTest": V3,
    "UnicodeDirectionalMarkerCounterTest": V3,
}


@pytest.mark.parametrize(("group", "case"), _cases("validate.yml", *CONFIGS))
def test_conformance_weighted_length(group: str, case: dict[str, Any]) -> None:
    result = weighted_length(case["text"], CONFIGS[group])
    got = {
        "weightedLength": result.weighted_length,
        "valid": result.valid,
        "permillage": result.permillage,
        "displayRangeStart": result.display_range[0],
        "displayRangeEnd": result.display_range[1],
        "validRangeStart": result.valid_range[0],
        "validRangeEnd": result.valid_range[1],
    }
    expected = case["expected"]
    assert {key: got[key] for key in expected} == expected


@pytest.mark.parametrize(("group", "case"), _cases("extract.yml", "urls", "tco_urls_with_params"))
def test_conformance_extract_urls(group: str, case: dict[str, Any]) -> None:
    assert [u.url for u in extract_urls(case["text"])] == (case["expected"] or [])


@pytest.mark.parametrize(
    ("group", "case"),
    _cases("extract.yml", "urls_with_indices", "urls_with_directional_markers"),
)
def test_conformance_extract_urls_with_indices(group: str, case: dict[str, Any]) -> None:
    got = [{"url": u.url, "indices": [u.start, u.end]} for u in extract_urls(case["text"])]
    assert got == case["expected"]


@pytest.mark.parametrize(("group", "case"), _cases("tlds.yml"))
def test_conformance_tlds(group: str, case: dict[str, Any]) -> None:
    assert [u.url for u in extract_urls(case["text"])] == case["expected"]
