"""Accounts' options validated once per content are the very options the platform gives.

The careful result is ``platform.options(raw)`` on a platform that has seen nothing yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from advocacy_kit.drafting.options_key import account_options
from advocacy_kit.errors import UsageError
from advocacy_kit.platforms.base import Platform, PlatformOptions
from advocacy_kit.platforms.linkedin import LinkedIn
from advocacy_kit.platforms.mastodon import Mastodon, MastodonOptions


def _outcome(platform: Platform, raw: Mapping[str, Any] | None) -> tuple[object, ...]:
    try:
        return ("value", account_options(platform, raw))
    except UsageError as error:
        return ("error", str(error))


def _careful(platform: Platform, raw: Mapping[str, Any] | None) -> tuple[object, ...]:
    try:
        return ("value", platform.options(raw))
    except UsageError as error:
        return ("error", str(error))


RAWS: dict[str, Mapping[str, Any] | None] = {
    "none": None,
    "empty": {},
    "a limit": {"max_characters": 640},
    "a limit as text": {"max_characters": "640"},
    "a limit as true": {"max_characters": True},
    "an unknown name": {"colour": "blue"},
    "a bad limit": {"max_characters": 0},
    "a list": {"max_characters": [640]},
    "a float": {"max_characters": 640.0},
}


@pytest.mark.parametrize("raw", RAWS.values(), ids=RAWS.keys())
def test_options_are_the_platforms_own(raw: Mapping[str, Any] | None) -> None:
    fast, careful = Mastodon(), Mastodon()
    first = _outcome(fast, raw)
    assert first == _careful(careful, raw)
    # A second account with options alike, in a mapping of its own, gets the same answer.
    again = _outcome(fast, None if raw is None else dict(raw))
    assert again == first
    if first[0] == "value" and raw is not None:
        # The very object the platform itself gives for that mapping.
        assert again[1] is fast.options(dict(raw))


def test_alike_options_of_many_accounts_are_one_object() -> None:
    platform = LinkedIn()
    shared = [account_options(platform, {}) for _ in range(5)]
    assert all(options is shared[0] for options in shared)
    assert platform.options({}) is shared[0]
    assert account_options(platform, None) is platform.options(None)


def test_platforms_keep_their_own_options() -> None:
    linkedin, mastodon = LinkedIn(), Mastodon()
    assert type(account_options(linkedin, {})) is LinkedIn.Options
    assert type(account_options(mastodon, {})) is Mastodon.Options
    assert account_options(mastodon, {}).model_dump() == Mastodon.Options().model_dump()


class Counting(Mastodon):
    """A platform that changes ``options``: every call reaches it."""

    calls = 0

    def options(
        self, raw: Mapping[str, Any] | None = None, *, language: str = "en"
    ) -> PlatformOptions:
        Counting.calls += 1
        return super().options(raw, language=language)


class ComparedByValue(Mastodon):
    """A platform equal to every other of its kind."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return 1


def test_a_platform_that_changes_options_is_asked_each_time() -> None:
    platform = Counting()
    before = Counting.calls
    for _ in range(3):
        account_options(platform, {})
    assert Counting.calls - before == 3


def test_a_platform_compared_by_value_gets_its_own_options() -> None:
    first, second = ComparedByValue(), ComparedByValue()
    assert account_options(first, {}) is first.options({})
    assert account_options(second, {}) is second.options({})


class Odd(MastodonOptions):
    """Options holding a value that is not plain: the platform gives each mapping its own."""

    labels: tuple[str, ...] = ()


class WithOdd(Mastodon):
    Options = Odd


def test_options_the_platform_does_not_share_are_not_shared() -> None:
    fast, careful = WithOdd(), WithOdd()
    first, second = account_options(fast, {}), account_options(fast, {})
    assert first == second == careful.options({})
    assert (first is second) is (careful.options({}) is careful.options({})) is False
