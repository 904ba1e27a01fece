"""Mastodon: graphemes of content warning and text, scheme URLs as 23, remote mentions as @user."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import Field

from ..hookspecs import hookimpl
from ..text.entities import mentions
from ..text.graphemes import grapheme_count
from ..text.urls import extract_urls
from .base import Count, Platform, PlatformOptions, ThreadOptions, counted

_MAX_DOMAIN = 253


class MastodonOptions(ThreadOptions):
    """Each instance publishes its own limits; these are the defaults of mastodon.social."""

    max_characters: int = Field(default=500, ge=1)
    characters_reserved_per_url: int = Field(default=23, ge=0)
    content_warning: str | None = Field(
        default=None, description="A content warning put on every post; it counts too."
    )


class Mastodon(Platform):
    """Mastodon (any instance). Long drafts become a thread of replies."""

    name = "mastodon"
    display_name = "Mastodon"
    limit = 500
    counting = "graphemes; each http(s) URL counts 23, @user@domain counts as @user"
    supports_threads = True
    Options = MastodonOptions
    hashtag_style = "camel"

    def count(self, text: str, options: PlatformOptions | None = None) -> Count:
        opts = self._options(options)
        assert isinstance(opts, MastodonOptions)
        # Mirrors the server's StatusLengthValidator: replace what counts differently, then count.
        replacements: list[tuple[int, int, str]] = [
            (u.start, u.end, "x" * opts.characters_reserved_per_url)
            for u in extract_urls(text)
            if u.has_protocol
        ]
        taken = [(start, end) for start, end, _ in replacements]
        for mention in mentions(text):
            inside_url = any(s <= mention.start < e for s, e in taken)
            if mention.domain and len(mention.domain) <= _MAX_DOMAIN and not inside_url:
                replacements.append((mention.start, mention.end, f"@{mention.value}"))
        pieces, cursor = [], 0
        for start, end, stand_in in sorted(replacements):
            pieces.append(text[cursor:start] + stand_in)
            cursor = end
        pieces.append(text[cursor:])
        limit = self.limit_for(opts)
        length = grapheme_count((opts.content_warning or "") + "".join(pieces))
        return counted(length, limit, 0 < length <= limit, self.unit)


@hookimpl
def register_platforms(register: Callable[[Platform], None]) -> None:
    register(Mastodon())
