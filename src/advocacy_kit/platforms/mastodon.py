"""Mastodon: graphemes of content warning and text, scheme URLs as 23, remote mentions as @user."""

from __future__ import annotations

from collections.abc import Callable

import regex
from pydantic import Field

from ..hookspecs import hookimpl
from ..text import grapheme_count
from .base import Count, Platform, PlatformOptions

# Mirrors the server's StatusLengthValidator: a URL with a scheme, and @user@domain mentions.
_URL = regex.compile(r"(?<![\w/])https?://[^\s<>\"]+", regex.IGNORECASE)
_REMOTE_MENTION = regex.compile(r"(?<![\w/@])@(\w+(?:[\w.-]+\w+)?)@([\w.-]+\w)", regex.IGNORECASE)


class MastodonOptions(PlatformOptions):
    """Each instance publishes its own limits; these are the defaults of mastodon.social."""

    max_characters: int = Field(default=500, ge=1)
    characters_reserved_per_url: int = Field(default=23, ge=0)


class Mastodon(Platform):
    """Mastodon (any instance). Long drafts become a thread of replies."""

    name = "mastodon"
    display_name = "Mastodon"
    limit = 500
    counting = "graphemes; each http(s) URL counts 23, @user@domain counts as @user"
    supports_threads = True
    Options = MastodonOptions

    def limit_for(self, options: PlatformOptions | None = None) -> int:
        if isinstance(options, MastodonOptions):
            return options.max_characters
        return self.limit

    def count(self, text: str, options: PlatformOptions | None = None) -> Count:
        per_url = (
            options.characters_reserved_per_url
            if isinstance(options, MastodonOptions)
            else MastodonOptions().characters_reserved_per_url
        )
        stand_in = "x" * per_url

        def url(match: regex.Match[str]) -> str:
            return stand_in if len(match[0]) <= 4096 else match[0]

        def mention(match: regex.Match[str]) -> str:
            return f"@{match[1]}" if len(match[2]) <= 253 else match[0]

        counted = _REMOTE_MENTION.sub(mention, _URL.sub(url, text))
        limit = self.limit_for(options)
        length = grapheme_count(counted)
        return Count(length, limit, 0 < length <= limit, "characters")

    def split(self, text: str, options: PlatformOptions | None = None) -> list[str]:
        parts: list[str] = []
        current = ""
        for word in text.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and not self.count(candidate, options).valid:
                parts.append(current)
                current = word
            else:
                current = candidate
        if current:
            parts.append(current)
        return parts


@hookimpl
def register_platforms(register: Callable[[Platform], None]) -> None:
    register(Mastodon())
