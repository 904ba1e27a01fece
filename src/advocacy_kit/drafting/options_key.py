"""Which accounts' options are alike, so that what depends only on them is worked out once."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from types import NoneType
from typing import TYPE_CHECKING, Any

from ..platforms.base import Platform, plain_options_key

if TYPE_CHECKING:
    from ..platforms.base import PlatformOptions

__all__ = ["account_options", "options_key"]

# The value types whose equal values validate alike (as in platforms.base.plain_options_key).
_PLAIN_VALUES = frozenset({str, int, bool, NoneType})
# Options validated once per platform and content; cleared when full, as the platforms' own.
_BY_CONTENT: dict[tuple[Platform, Hashable], tuple[PlatformOptions, Hashable]] = {}
_KEPT = 100_000


def _content(raw: Mapping[str, Any] | None) -> Hashable | None:
    """A key equal for mappings that validate alike: the same names, types and values in order.

    ``None`` for anything else (another kind of mapping, other value types).
    """
    if raw is None:
        return ()  # validated as an empty mapping, as ``{}`` is
    if type(raw) is not dict:
        return None
    content = []
    for name, value in raw.items():
        if type(name) is not str or type(value) not in _PLAIN_VALUES:
            return None
        content.append((name, type(value), value))
    return tuple(content)


def account_options(platform: Platform, raw: Mapping[str, Any] | None) -> PlatformOptions:
    """``platform.options(raw)``, validated once for all accounts whose options are alike.

    Accounts keep their options in mappings of their own (most of them empty), so the platform's
    memory, which knows a mapping by its identity, validates each account's once. Options of
    plain values in the same order validate to the same values, and the stock
    :meth:`~advocacy_kit.platforms.base.Platform.options` then returns the one object it keeps
    for options alike (``plain_options_key``): that object is what this returns for every such
    mapping. A platform that changes ``options``, or compares otherwise than by identity, other
    mappings, and options the platform does not share are asked every time.
    """
    return _validated(platform, raw)[0]


def _validated(
    platform: Platform, raw: Mapping[str, Any] | None
) -> tuple[PlatformOptions, Hashable | None]:
    """:func:`account_options` and the ``plain_options_key`` of what it gives."""
    kind = type(platform)
    content = None
    if (
        kind.options is Platform.options
        and kind.__hash__ is object.__hash__
        and "options" not in platform.__dict__
    ):
        content = _content(raw)
    if content is None:
        options = platform.options(raw)
        return options, plain_options_key(options)
    key = (platform, content)
    found = _BY_CONTENT.get(key)
    if found is None:
        options = platform.options(raw)
        alike = plain_options_key(options)
        found = (options, alike)
        if alike is None:
            return found  # the platform gives each mapping options of its own
        if len(_BY_CONTENT) >= _KEPT:
            _BY_CONTENT.clear()
        _BY_CONTENT[key] = found
    return found


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
    alike = _validated(platform, options)[1]
    return account if alike is None else (platform, name, alike)
