"""Which accounts' options are alike, so that what depends only on them is worked out once."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..platforms.base import Platform

__all__ = ["options_key"]

# Option values whose equal values behave alike wherever they are used (unlike 0.0 and -0.0).
_PLAIN_VALUES = (str, int, bool, type(None))


def options_key(
    platform: Platform | None, name: str, options: dict[str, Any] | None, account: Hashable
) -> Hashable:
    """A key equal for accounts on ``name`` whose validated options are alike, else ``account``.

    A room and a platform's limits depend on the account only through its validated options:
    options of the same class, with the same values of the same plain types, give the same
    counts and limits. Anything else (other value types, private or extra attributes) keeps
    the account's own key, as if no other account were alike.
    """
    if platform is None:
        return (None, name)  # limits and rooms without a platform ignore the options
    if type(platform).__hash__ is not object.__hash__:
        return account  # a platform that compares otherwise than by identity: no sharing
    validated = platform.options(options)
    if validated.__pydantic_extra__ or validated.__pydantic_private__:
        return account
    values = []
    for field, value in validated.__dict__.items():
        if type(value) not in _PLAIN_VALUES:
            return account
        values.append((field, type(value), value))
    return (platform, name, type(validated), tuple(values))
