"""Markdown export: golden files, and reading a person's edits back out of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from advocacy_kit import Calendar, UsageError, load_kit, plan_week
from advocacy_kit.exporters.markdown import MarkdownExporter, render_markdown
from advocacy_kit.exporters.markdown_edits import parse_edited_drafts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("language", ["de", "en"], ids=["german", "english"])
def test_markdown_matches_golden(
    language: str, sample_calendar_of: Callable[[str], Calendar], golden: Callable[..., None]
) -> None:
    [file] = MarkdownExporter().render(sample_calendar_of(language))
    assert file.name == "calendar.md"
    golden(f"markdown/calendar-{language}.md", file.content)


def test_unedited_markdown_reads_back_as_every_post(
    sample_calendar_of: Callable[[str], Calendar],
) -> None:
    calendar = sample_calendar_of("de")
    drafts = parse_edited_drafts(render_markdown(calendar))
    assert [(d.draft_id, list(d.parts)) for d in drafts] == [
        (entry.draft.id, entry.post.parts)
        for entry in sorted(calendar.entries, key=lambda e: (e.slot.start, e.slot.person_id))
    ]


@pytest.mark.parametrize("kit", ["de-kommunikation", "en-engineering"])
def test_example_kits_read_back_exactly(kit: str) -> None:
    calendar = plan_week(load_kit(EXAMPLES / kit), "2026-W49")
    texts = {d.draft_id: d.text for d in parse_edited_drafts(render_markdown(calendar))}
    assert texts == {entry.draft.id: entry.post.text for entry in calendar.entries}


def test_edits_inside_markers_are_read_and_outside_ignored() -> None:
    text = """# Calendar

<!-- draft: ada-linkedin-20261201T0900 -->
**Flaky tests** (tip) — length 40/3000

> My own first line.
>
> Second paragraph, rewritten.
I forgot the quote sign here.

<!-- end: ada-linkedin-20261201T0900 -->

Why this topic: anything I write here is not part of the draft.
"""
    [draft] = parse_edited_drafts(text)
    assert draft.draft_id == "ada-linkedin-20261201T0900"
    assert draft.line == 3
    assert draft.text == (
        "My own first line.\n\nSecond paragraph, rewritten.\nI forgot the quote sign here."
    )


def test_thread_parts_are_read_separately() -> None:
    text = (
        "<!-- draft: x -->\n**T** (tip) — length 3/500\n\n*Part 1/2*\n\n> one\n\n"
        "*Teil 2/2*\n\n> two\n\n<!-- end: x -->\n"
    )
    [draft] = parse_edited_drafts(text)
    assert draft.parts == ("one", "two")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("<!-- draft: a -->\n> text\n", 1, "draft 'a' has no end marker"),
        ("<!-- draft: a -->\n<!-- draft: b -->\n<!-- end: b -->\n", 1, "no end marker"),
        ("> text\n<!-- end: a -->\n", 2, "end marker for 'a' without its start"),
        ("<!-- draft: a -->\n<!-- end: a -->\n<!-- draft: a -->\n<!-- end: a -->\n", 3, "twice"),
    ],
    ids=["missing-end", "nested-start", "stray-end", "duplicate"],
)
def test_broken_markers_name_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(UsageError, match=message) as caught:
        parse_edited_drafts(text, "out/calendar.md")
    assert f"out/calendar.md:{line}:" in str(caught.value)
    assert "hint:" in str(caught.value)
