"""Formatting a draft into a post: ``format_and_count`` against ``Platform.format`` then measuring.

``format_and_count`` takes ``Platform.format``'s steps itself where a platform keeps that method
(and ``Platform.prepare`` where it keeps that too). The careful result asks the platform's own
``format`` for the parts and measures them.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advocacy_kit.calendar import Post
from advocacy_kit.platforms.base import Count, Platform, PlatformOptions, ThreadOptions
from advocacy_kit.plugins import get_platforms
from advocacy_kit.posting import format_and_count, measure_and_count

PIECES = [
    "a", "é", " ", "  ", "\n", "\n\n\n", "\t", "#", "＃", "#tag", "#open_source", "#1", "_",
    "[[", "]]", "https://acme.example/a", "I work at Acme.", "日本語", "👩\u200d💻", "x" * 60,
    "word ",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
DISCLOSURES = st.sampled_from([None, "", "I work at Acme.", "#tag"])
LANGUAGES = st.sampled_from(["en", "de"])


def _careful(
    platform: Platform, text: str, options: PlatformOptions, disclosure: str | None, language: str
) -> tuple[Post, list[Count]]:
    parts = platform.format(text, options, disclosure=disclosure, language=language)
    return measure_and_count(platform, parts, options)


def _calls(platform: Platform) -> list[str]:
    return platform.__dict__.setdefault("calls", [])  # type: ignore[no-any-return]


class Short(Platform):
    """Threads of short parts, tags capped: every step of format is taken."""

    name = "short"
    display_name = "Short"
    limit = 40
    supports_threads = True
    max_hashtags = 1
    Options = ThreadOptions


class OwnFormat(Short):
    """A platform with a format of its own (its parts a tuple)."""

    name = "own-format"

    def format(
        self,
        text: str,
        options: PlatformOptions | None = None,
        *,
        disclosure: str | None = None,
        language: str = "en",
    ) -> list[str]:
        _calls(self).append("format")
        return tuple(super().format(text, options, language=language))  # type: ignore[return-value]


class OwnPrepare(Short):
    """A platform that prepares a draft its own way (in its language)."""

    name = "own-prepare"

    def prepare(
        self, text: str, options: PlatformOptions | None = None, language: str = "en"
    ) -> str:
        _calls(self).append("prepare")
        return f"{text} ({language})"


class OwnSteps(Short):
    """A platform that keeps format and prepare but changes the steps they take."""

    name = "own-steps"
    seen: ClassVar[list[int | None]] = []

    def hashtag_cap(self, options: PlatformOptions | None = None) -> int | None:
        return 0

    def _style_hashtags(self, text: str, cap: int | None) -> str:
        self.seen.append(cap)
        return text.upper()

    def _thread(
        self, text: str, options: PlatformOptions | None, disclosure: str | None
    ) -> list[str]:
        return [text[:20], text[20:]] if len(text) > 20 else [text]


class OddCount(Short):
    """A platform whose count gives values validation must convert."""

    name = "odd-count"

    def count(self, text: str, options: PlatformOptions | None = None) -> Count:
        return Count(length=float(len(text)), limit=True, valid=len(text) < 30, unit="x")  # type: ignore[arg-type]


ODD = [Short(), OwnFormat(), OwnPrepare(), OwnSteps(), OddCount()]


@pytest.mark.parametrize("name", sorted(get_platforms()))
@given(text=TEXTS, disclosure=DISCLOSURES, language=LANGUAGES)
@settings(max_examples=60, deadline=None)
def test_posts_of_the_registered_platforms_are_the_careful_ones(
    name: str, text: str, disclosure: str | None, language: str
) -> None:
    platform = get_platforms()[name]
    options = platform.options(None)
    assert format_and_count(
        platform, text, options, disclosure=disclosure, language=language
    ) == _careful(platform, text, options, disclosure, language)


@pytest.mark.parametrize("platform", ODD, ids=[platform.name for platform in ODD])
@given(text=TEXTS, disclosure=DISCLOSURES, language=LANGUAGES)
@settings(max_examples=60, deadline=None)
def test_posts_of_odd_platforms_are_the_careful_ones(
    platform: Platform, text: str, disclosure: str | None, language: str
) -> None:
    options = platform.options(None)
    assert format_and_count(
        platform, text, options, disclosure=disclosure, language=language
    ) == _careful(platform, text, options, disclosure, language)


@pytest.mark.parametrize(
    ("platform", "step"),
    [(OwnFormat(), "format"), (OwnPrepare(), "prepare")],
    ids=["format", "prepare"],
)
def test_a_platforms_own_step_is_taken(platform: Platform, step: str) -> None:
    post, _ = format_and_count(platform, "short text", platform.options(None), language="de")
    assert _calls(platform) == [step]
    assert post.parts == (["short text (de)"] if step == "prepare" else ["short text"])


def test_steps_set_on_the_platform_object_are_taken() -> None:
    platform = Short()
    options = platform.options(None)

    def prepare(text: str, options: Any = None, language: str = "en") -> str:
        return text.replace("a", "o")

    def format_(text: str, options: Any = None, **_: Any) -> list[str]:
        return [text, "second"]

    platform.prepare = prepare  # type: ignore[method-assign]
    assert format_and_count(platform, "a cat", options)[0].parts == ["o cot"]
    platform.format = format_  # type: ignore[method-assign]
    assert format_and_count(platform, "a cat", options)[0].parts == ["a cat", "second"]


def test_own_steps_are_asked_as_prepare_asks_them() -> None:
    platform = OwnSteps()
    OwnSteps.seen.clear()
    post, _ = format_and_count(
        platform, "  a long text that is surely a thread of parts #a  ", platform.options(None)
    )
    assert OwnSteps.seen == [0]
    assert post.parts == ["A LONG TEXT THAT IS ", "SURELY A THREAD OF PARTS #A"]
