"""X (Twitter): weighted length of twitter-text configuration v3; threads for long drafts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from pydantic import Field

from ..hookspecs import hookimpl
from ..text.weighted import V3, weighted_length
from .base import Count, Platform, PlatformOptions, ThreadOptions, counted
from .messages import message

_INVALID = "\ufffe\ufeff\uffff"


class XOptions(ThreadOptions):
    """Accounts with a subscription may post longer; the default is the standard 280."""

    max_weighted_length: int = Field(default=280, ge=1)


class X(Platform):
    """X posts: URLs count 23, emoji 2, CJK 2, Latin 1; long drafts become a thread."""

    name = "x"
    display_name = "X"
    limit = 280
    counting = "weighted characters (twitter-text v3: URL 23, emoji 2, CJK 2)"
    unit = "weighted characters"
    supports_threads = True
    Options = XOptions

    def limit_for(self, options: PlatformOptions | None = None) -> int:
        opts = self._options(options)
        return opts.max_weighted_length if isinstance(opts, XOptions) else self.limit

    def count(self, text: str, options: PlatformOptions | None = None) -> Count:
        limit = self.limit_for(options)
        config = V3 if limit == V3.max_weighted_length else replace(V3, max_weighted_length=limit)
        result = weighted_length(text, config)
        return counted(
            result.weighted_length,
            limit,
            result.valid,
            self.unit,
            {
                "weighted_length": result.weighted_length,
                "permillage": result.permillage,
                "valid_range": list(result.valid_range),
                "display_range": list(result.display_range),
            },
        )

    def extra_problems(
        self, text: str, options: PlatformOptions | None = None, *, language: str = "en"
    ) -> list[str]:
        problems: list[str] = []
        if _INVALID[0] not in text and _INVALID[1] not in text and _INVALID[2] not in text:
            return problems  # none of them: nothing to sort or say
        # The same set as looking at each character of the text, at three substring searches.
        bad = sorted({f"U+{ord(c):04X}" for c in _INVALID if c in text})
        if bad:
            problems.append(
                message("invalid_chars", language, platform=self.display_name, chars=", ".join(bad))
            )
        return problems


@hookimpl
def register_platforms(register: Callable[[Platform], None]) -> None:
    register(X())
