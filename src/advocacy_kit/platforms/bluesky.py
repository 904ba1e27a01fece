"""Bluesky: 300 graphemes and 3000 UTF-8 bytes; facets for links, tags, cashtags and mentions."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import Field

from ..hookspecs import hookimpl
from ..text.graphemes import grapheme_count
from ..text.offsets import utf8_length
from ..text.richtext import detect_facets
from .base import Count, Platform, PlatformOptions, ThreadOptions, counted
from .messages import message


class BlueskyOptions(ThreadOptions):
    """Bluesky's limits come from the app's lexicon; settings in case they change."""

    max_characters: int = Field(default=300, ge=1, description="Grapheme clusters per post.")
    max_bytes: int = Field(default=3000, ge=1, description="UTF-8 bytes per post.")


class Bluesky(Platform):
    """Bluesky posts. Long drafts become a thread of replies."""

    name = "bluesky"
    display_name = "Bluesky"
    limit = 300
    counting = "graphemes (and at most 3000 UTF-8 bytes)"
    unit = "graphemes"
    supports_threads = True
    Options = BlueskyOptions

    def count(self, text: str, options: PlatformOptions | None = None) -> Count:
        opts = self._options(options)
        assert isinstance(opts, BlueskyOptions)
        graphemes = grapheme_count(text)
        size = utf8_length(text)
        valid = 0 < graphemes <= opts.max_characters and size <= opts.max_bytes
        details = {
            "graphemes": graphemes,
            "bytes": size,
            "max_bytes": opts.max_bytes,
            "facets": detect_facets(text),
        }
        return counted(graphemes, opts.max_characters, valid, self.unit, details)

    def extra_problems(
        self, text: str, options: PlatformOptions | None = None, *, language: str = "en"
    ) -> list[str]:
        problems: list[str] = []
        opts = self._options(options)
        assert isinstance(opts, BlueskyOptions)
        if type(text) is str and len(text) * 4 <= opts.max_bytes:
            return problems  # no character takes more than four bytes: the text fits
        size = utf8_length(text)
        if size > opts.max_bytes:
            problems.append(
                message(
                    "over_bytes",
                    language,
                    over=size - opts.max_bytes,
                    platform=self.display_name,
                    limit=opts.max_bytes,
                )
            )
        return problems


@hookimpl
def register_platforms(register: Callable[[Platform], None]) -> None:
    register(Bluesky())
