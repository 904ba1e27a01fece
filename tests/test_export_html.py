"""The HTML page as markup: self-contained, in the kit's language, every draft with its parts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from advocacy_kit import Calendar
from advocacy_kit.exporters.html import HtmlExporter, Segment, render_html, split_prompts


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = _Collector()
    collector.feed(page)
    return collector.tags


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["Entwurfskalender", "Text kopieren", "Alle Plattformen", "Dienstag, 1. Dezember"]),
        ("en", ["Draft calendar", "Copy text", "All platforms", "Tuesday, 1 December"]),
    ],
    ids=["german", "english"],
)
def test_words_follow_the_kit_language(
    language: str, expected: list[str], sample_calendar_of: Callable[[str], Calendar]
) -> None:
    page = render_html(sample_calendar_of(language))
    assert f'<html lang="{language}">' in page
    for words in expected:
        assert words in page


def test_page_loads_nothing_from_elsewhere(sample_calendar_of: Callable[[str], Calendar]) -> None:
    tags = _tags(render_html(sample_calendar_of("en")))
    for tag, attrs in tags:
        assert tag not in {"iframe", "object", "embed"}
        if tag == "script":
            assert "src" not in attrs
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not re.match(r"^(https?:)?//", value), (tag, value)


def test_every_draft_part_prompt_and_finding_is_on_the_page(
    sample_calendar_of: Callable[[str], Calendar],
) -> None:
    calendar = sample_calendar_of("en")
    page = render_html(calendar)
    tags = _tags(page)
    drafts = [attrs["data-draft"] for tag, attrs in tags if tag == "article"]
    assert sorted(drafts) == sorted(entry.draft.id for entry in calendar.entries)
    copy_buttons = [attrs["data-copy"] for tag, attrs in tags if tag == "button"]
    assert len(copy_buttons) == sum(len(entry.post.parts) for entry in calendar.entries)
    assert '<mark class="prompt">[[why this matters to you]]</mark>' in page
    assert "&lt;flaky&gt;" in page and "<flaky>" not in page  # text is escaped
    assert "AK101" in page and "AK301" in page
    first = calendar.entries[0].post
    assert f'high="{first.limit}" optimum="0" value="{first.length}"' in page


@pytest.mark.parametrize("language", ["de", "en"], ids=["german", "english"])
def test_only_thread_parts_are_labelled_as_parts(
    language: str, sample_calendar_of: Callable[[str], Calendar]
) -> None:
    calendar = sample_calendar_of(language)
    labels = [
        attrs.get("aria-label")
        for tag, attrs in _tags(render_html(calendar))
        if tag == "section" and attrs.get("class") == "part"
    ]
    part = "Teil {n} von 2" if language == "de" else "Part {n} of 2"
    # The sample week by person: Lena's two single posts, then Sam's thread of two.
    assert labels == [None, None, part.format(n=1), part.format(n=2)]


def test_words_break_between_words_not_anywhere() -> None:
    from advocacy_kit.exporters.html import PAGE_DIR

    css = (PAGE_DIR / "page.css").read_text(encoding="utf-8")
    text_rule = re.search(r"^\.text \{([^}]*)\}", css, re.M)
    assert text_rule is not None
    assert "overflow-wrap: break-word" in text_rule[1]
    assert "anywhere" not in css


def test_landmarks_and_labels(sample_calendar_of: Callable[[str], Calendar]) -> None:
    tags = _tags(render_html(sample_calendar_of("de")))
    names = [tag for tag, _ in tags]
    for landmark in ("header", "main", "footer"):
        assert landmark in names
    ids_labelled = {attrs.get("for") for tag, attrs in tags if tag == "label"}
    for tag, attrs in tags:
        if tag in {"select", "meter"}:
            assert attrs["id"] in ids_labelled


def test_weekend_columns_only_when_used(
    sample_calendar_of: Callable[[str], Calendar], entry_maker: Callable[..., Any]
) -> None:
    calendar = sample_calendar_of("en")
    columns = re.findall(r'<th scope="col"><time datetime="([0-9-]+)">', render_html(calendar))
    assert columns == ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]
    sunday = entry_maker(
        "lena",
        "linkedin",
        dt.datetime(2026, 12, 6, 10, 0, tzinfo=ZoneInfo("Europe/Berlin")),
        ["Sunday post"],
    )
    with_sunday = calendar.model_copy(update={"entries": [*calendar.entries, sunday]})
    columns = re.findall(r'<th scope="col"><time datetime="([0-9-]+)">', render_html(with_sunday))
    assert columns[-1] == "2026-12-06" and "2026-12-05" not in columns


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("plain", [Segment("plain")]),
        ("a [[b]] c", [Segment("a "), Segment("[[b]]", prompt=True), Segment(" c")]),
        ("[[x]][[y]]", [Segment("[[x]]", prompt=True), Segment("[[y]]", prompt=True)]),
    ],
    ids=["none", "middle", "adjacent"],
)
def test_split_prompts(text: str, segments: list[Segment]) -> None:
    assert split_prompts(text, ("[[", "]]")) == segments


def test_custom_prompt_marker_is_highlighted(sample_calendar_of: Callable[[str], Calendar]) -> None:
    calendar = sample_calendar_of("en")
    entry = calendar.entries[0]
    post = entry.post.model_copy(update={"parts": ["Say {{ in your words }} here."]})
    changed = calendar.model_copy(
        update={"prompt_marker": ("{{", "}}"), "entries": [entry.model_copy(update={"post": post})]}
    )
    assert '<mark class="prompt">{{ in your words }}</mark>' in render_html(changed)


def test_html_matches_golden(
    sample_calendar_of: Callable[[str], Calendar], golden: Callable[..., None]
) -> None:
    [file] = HtmlExporter().render(sample_calendar_of("de"))
    assert file.name == "index.html"
    golden("html/index.html", file.content)
