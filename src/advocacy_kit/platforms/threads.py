"""Threads (Meta): 500 characters, at most 5 distinct links, one topic tag per post."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import Field

from ..hookspecs import hookimpl
from ..text.entities import few_hashtags, hashtags
from ..text.urls import extract_urls
from .base import Count, Platform, PlatformOptions, ThreadOptions, counted
from .messages import message


class ThreadsOptions(ThreadOptions):
    """How Threads counts emoji is documented inconsistently; the limits are settings."""

    max_characters: int = Field(default=500, ge=1)
    max_links: int = Field(default=5, ge=0)


class Threads(Platform):
    """Threads posts: one topic tag (the first hashtag); long drafts become a thread."""

    name = "threads"
    display_name = "Threads"
    limit = 500
    counting = "characters (Unicode code points); at most 5 links and one topic tag"
    supports_threads = True
    Options = ThreadsOptions
    max_hashtags = 1

    def _links(self, text: str) -> set[str]:
        return {u.url.lower() for u in extract_urls(text)}

    def count(self, text: str, options: PlatformOptions | None = None) -> Count:
        opts = self._options(options)
        assert isinstance(opts, ThreadsOptions)
        measured = super().count(text, options)
        links = len(self._links(text))
        return counted(
            measured.length,
            measured.limit,
            measured.valid
            and links <= opts.max_links
            and (few_hashtags(text, 1) or len(hashtags(text)) <= 1),
            measured.unit,
            {"links": links},
        )

    def extra_problems(
        self, text: str, options: PlatformOptions | None = None, *, language: str = "en"
    ) -> list[str]:
        problems: list[str] = []
        opts = self._options(options)
        assert isinstance(opts, ThreadsOptions)
        links = len(self._links(text))
        if links > opts.max_links:
            problems.append(
                message(
                    "too_many_links",
                    language,
                    count=links,
                    platform=self.display_name,
                    limit=opts.max_links,
                )
            )
        tags = 0 if few_hashtags(text, 1) else len(hashtags(text))  # 0 or 1: all the same here
        if tags > 1:
            problems.append(
                message(
                    "too_many_tags",
                    language,
                    count=tags,
                    platform=self.display_name,
                    limit=1,
                    excess=tags - 1,
                )
            )
        return problems


@hookimpl
def register_platforms(register: Callable[[Platform], None]) -> None:
    register(Threads())
