"""Which accounts' options are alike, so that what depends only on them is worked out once."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from ..platforms.base import plain_options_key

if TYPE_CHECKING:
    from ..platforms.base import Platform

__all__ = ["options_key"]


def options_key(
    platform: Platform | None, name: str, options: dict[str, Any] | None, account: Hashable
) -> Hashable:
    """A key equal for accounts on ``name`` whose validated options are alike, else ``account``.

    A room and a platform's limits depend on the account only through its validated options:
    options alike (:func:`~advocacy_kit.platforms.base.plain_options_key`) give the same counts
    and limits. Anything else keeps the account's own key, as if no other account were alike.
    """
    if platform is None:
        return (None, name)  # limits and rooms without a platform ignore the options
    if type(platform).__hash__ is not object.__hash__:
        return account  # a platform that compares otherwise than by identity: no sharing
    alike = plain_options_key(platform.options(options))
    return account if alike is None else (platform, name, alike)
