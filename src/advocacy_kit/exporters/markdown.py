"""Markdown: one readable file for the week, grouped by day, then by person."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from ..calendar import Calendar, CalendarEntry
from ..hookspecs import hookimpl
from ..i18n import kind_label, say
from .base import Exporter, ExportFile

_WORDS = {
    "en": {"title": "Draft calendar", "week": "Week", "nothing": "No drafts this week.",
           "skipped": "Not planned", "reasons": "Why this topic", "findings": "Check before posting",
           "part": "Part", "length": "length"},
    "de": {"title": "Entwurfskalender", "week": "Woche", "nothing": "Keine Entwürfe diese Woche.",
           "skipped": "Nicht geplant", "reasons": "Warum dieses Thema",
           "findings": "Vor dem Posten prüfen", "part": "Teil", "length": "Länge"},
}  # fmt: skip


_DATE_PATTERNS = {"de": "EEEE, d. MMMM y", "en": "EEEE, d MMMM y"}


def long_date(day: dt.date, language: str) -> str:
    """``Tuesday, 1 December 2026`` or ``Dienstag, 1. Dezember 2026``."""
    from babel.dates import format_date

    lang = language if language in _DATE_PATTERNS else "en"
    return str(format_date(day, _DATE_PATTERNS[lang], locale=lang))


def _platform_names() -> dict[str, str]:
    from ..plugins import get_platforms

    return {name: platform.display_name for name, platform in get_platforms().items()}


def _entry(
    entry: CalendarEntry,
    words: dict[str, str],
    names: dict[str, str],
    platforms: dict[str, str],
    language: str,
) -> list[str]:
    slot, post = entry.slot, entry.post
    lines = [
        f"### {slot.start:%H:%M} · {names.get(slot.person_id, slot.person_id)} · "
        f"{platforms.get(slot.platform, slot.platform)}",
        "",
        f"<!-- draft: {entry.draft.id} -->",
        f"**{entry.assignment.topic_title}** ({kind_label(entry.assignment.kind, language)}) — "
        f"{words['length']} {post.length}/{post.limit}",
        "",
    ]
    for index, part in enumerate(post.parts, 1):
        if len(post.parts) > 1:
            lines += [f"*{words['part']} {index}/{len(post.parts)}*", ""]
        lines += [f"> {line}" if line else ">" for line in part.splitlines()]
        lines.append("")
    lines.append(f"<!-- end: {entry.draft.id} -->")
    lines.append("")
    lines.append(f"{words['reasons']}: " + "; ".join(entry.assignment.reasons))
    if entry.findings:
        lines += ["", f"{words['findings']}:"]
        lines += [
            f"- {say(f'severity.{f.severity}', language)} {f.code}: {f.message}"
            for f in entry.findings
        ]
    lines.append("")
    return lines


def render_markdown(calendar: Calendar) -> str:
    """The calendar as a Markdown document."""
    language = calendar.language
    words = _WORDS.get(language, _WORDS["en"])
    names = {person.id: person.name for person in calendar.people}
    platforms = _platform_names()
    lines = [
        f"# {words['title']} · {calendar.organization}",
        "",
        f"{words['week']} {calendar.week}: {long_date(calendar.starts, language)} – "
        f"{long_date(calendar.ends, language)}",
        "",
    ]
    by_day: dict[dt.date, list[CalendarEntry]] = defaultdict(list)
    for entry in calendar.entries:
        by_day[entry.slot.start.date()].append(entry)
    if not by_day:
        lines += [words["nothing"], ""]
    for day in sorted(by_day):
        lines += [f"## {long_date(day, language)}", ""]
        for entry in sorted(by_day[day], key=lambda e: (e.slot.start, e.slot.person_id)):
            lines += _entry(entry, words, names, platforms, language)
    if calendar.skipped:
        lines += [f"## {words['skipped']}", ""]
        lines += [
            f"- {long_date(s.slot.start.date(), language)}, {s.slot.start:%H:%M} · "
            f"{names.get(s.slot.person_id, s.slot.person_id)} · "
            f"{platforms.get(s.slot.platform, s.slot.platform)}: {s.reason}"
            for s in calendar.skipped
        ]
        lines.append("")
    return "\n".join(lines)


class MarkdownExporter(Exporter):
    """``calendar.md``: the week for reading, reviewing and editing drafts in any editor."""

    name = "markdown"
    description = "one Markdown file for the week"
    suffix = ".md"

    def render(self, calendar: Calendar) -> list[ExportFile]:
        return [ExportFile("calendar.md", render_markdown(calendar))]


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(MarkdownExporter())
