"""Platform options: looked up fast, with getattr's answers, and validated once per mapping."""

from __future__ import annotations

from typing import Any

from advocacy_kit.platforms.base import PlatformOptions, _option
from advocacy_kit.plugins import get_platforms


class _Limited(PlatformOptions):
    max_characters: int = 100


class _Dynamic(PlatformOptions):
    def __getattr__(self, name: str) -> Any:
        if name == "max_hashtags":
            return 7
        return super().__getattr__(name)  # type: ignore[misc]


def test_option_answers_as_getattr_does() -> None:
    assert _option(_Limited(), "max_characters", None) == 100
    assert _option(PlatformOptions(), "max_characters", None) is None
    assert _option(PlatformOptions(), "max_characters", None) is None  # remembered as lacking
    assert _option(_Dynamic(), "max_hashtags", None) == 7
    assert _option(_Dynamic(), "max_characters", 5) == 5


def test_a_field_left_out_by_model_construct_is_not_taken_for_a_lacking_one() -> None:
    class Sized(PlatformOptions):
        size: int

    assert _option(Sized.model_construct(), "size", None) is None
    assert _option(Sized(size=3), "size", None) == 3


def test_options_are_validated_again_when_the_mapping_changes() -> None:
    mastodon = get_platforms()["mastodon"]
    raw: dict[str, Any] = {"max_characters": 1000}
    first = mastodon.options(raw)
    assert mastodon.options(raw) is first
    raw["max_characters"] = 600
    assert mastodon.limit_for(mastodon.options(raw)) == 600
    assert mastodon.limit_for(mastodon.options(None)) == 500
