"""Instagram: captions up to 2,200 characters, a hashtag cap, no clickable links ("link in bio")."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import Field

from ..hookspecs import hookimpl
from ..text.entities import few_hashtags, hashtags
from ..text.urls import extract_urls
from .base import Platform, PlatformOptions
from .messages import message


class InstagramOptions(PlatformOptions):
    """Since late 2025 Instagram shows at most 5 hashtags (earlier 30); the cap is a setting."""

    max_characters: int = Field(default=2200, ge=1)
    max_hashtags: int = Field(default=5, ge=0, le=30)


class Instagram(Platform):
    """Instagram captions. No threads; links become a "link in bio" note."""

    name = "instagram"
    display_name = "Instagram"
    limit = 2200
    counting = "characters (Unicode code points); hashtags capped (default 5); links not clickable"
    Options = InstagramOptions

    def prepare(
        self, text: str, options: PlatformOptions | None = None, language: str = "en"
    ) -> str:
        text = super().prepare(text, options, language)
        note = message("link_in_bio", language)
        # Replace from the end so earlier spans stay right.
        for url in reversed(extract_urls(text)):
            text = text[: url.start] + note + text[url.end :]
        return text

    def extra_problems(
        self, text: str, options: PlatformOptions | None = None, *, language: str = "en"
    ) -> list[str]:
        problems: list[str] = []
        cap = self.hashtag_cap(options)
        if cap is not None and not few_hashtags(text, cap) and (tags := len(hashtags(text))) > cap:
            problems.append(
                message(
                    "too_many_tags",
                    language,
                    count=tags,
                    platform=self.display_name,
                    limit=cap,
                    excess=tags - cap,
                )
            )
        for url in extract_urls(text):
            problems.append(
                message("links_not_clickable", language, platform=self.display_name, url=url.url)
            )
        return problems


@hookimpl
def register_platforms(register: Callable[[Platform], None]) -> None:
    register(Instagram())
