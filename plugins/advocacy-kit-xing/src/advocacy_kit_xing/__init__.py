"""Xing for advocacy-kit: a platform plugin whose limit comes from settings.

Xing publishes no character limit, so none is built in as a fact: an account sets
``max_characters`` in the kit, the environment sets ``ADVOCACY_KIT_XING_MAX_CHARACTERS`` for
everyone, and only without both does the conservative default apply.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from pydantic import Field

from advocacy_kit import hookimpl
from advocacy_kit.errors import UsageError
from advocacy_kit.platforms import Platform, PlatformOptions

__all__ = [
    "DEFAULT_MAX_CHARACTERS",
    "LIMIT_ENV",
    "LimitSettingError",
    "Xing",
    "XingOptions",
    "register_platforms",
]

LIMIT_ENV = "ADVOCACY_KIT_XING_MAX_CHARACTERS"
DEFAULT_MAX_CHARACTERS = 3000

# The plugin's own words (English, German), so it needs nothing from the core's catalogue.
_TEXTS: dict[str, tuple[str, str]] = {
    "bad_limit": (
        "{env}={raw!r} is not a positive whole number",
        "{env}={raw!r} ist keine positive ganze Zahl",
    ),
    "bad_limit.hint": (
        "set it to Xing's character limit, e.g. {env}={default}",
        "setze sie auf Xings Zeichenlimit, etwa {env}={default}",
    ),
    "label.hint": ("hint", "Hinweis"),
}


def _say(key: str, language: str, **values: object) -> str:
    english, german = _TEXTS[key]
    return (german if language.lower().startswith("de") else english).format(**values)


class LimitSettingError(UsageError):
    """``ADVOCACY_KIT_XING_MAX_CHARACTERS`` holds no positive whole number.

    Raised while options are built, before any language is known; the command line asks for
    the message again in its language (:meth:`localised`).
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        super().__init__(self.localised("en"))

    def localised(self, language: str) -> str:
        """The message and its hint in ``language`` (German or English)."""
        values = {"env": LIMIT_ENV, "raw": self.raw, "default": DEFAULT_MAX_CHARACTERS}
        hint = _say("bad_limit.hint", language, **values)
        return f"{_say('bad_limit', language, **values)}\n  {_say('label.hint', language)}: {hint}"


def configured_limit() -> int:
    """The limit from the environment, or the default; a bad value is a clear error."""
    raw = os.environ.get(LIMIT_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_CHARACTERS
    if not raw.isdigit() or int(raw) < 1:
        raise LimitSettingError(raw)
    return int(raw)


class XingOptions(PlatformOptions):
    """Per-account settings for Xing."""

    max_characters: int = Field(
        default_factory=configured_limit,
        ge=1,
        description=f"Characters per post; defaults to ${LIMIT_ENV} or {DEFAULT_MAX_CHARACTERS}.",
    )


class Xing(Platform):
    """Xing posts: counted in characters (code points), no threads."""

    name = "xing"
    display_name = "Xing"
    limit = DEFAULT_MAX_CHARACTERS
    counting = "characters (Unicode code points); limit from settings"
    Options = XingOptions


@hookimpl
def register_platforms(register: Callable[[Platform], None]) -> None:
    """Register Xing with advocacy-kit."""
    register(Xing())
