"""Markdown: one readable file for the week, grouped by day, then by person."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..calendar import Calendar, CalendarEntry
from ..hookspecs import hookimpl
from .base import Exporter, ExportFile

_WORDS = {
    "en": {"title": "Draft calendar", "week": "Week", "nothing": "No drafts this week.",
           "skipped": "Not planned", "reasons": "Why this topic", "findings": "Check before posting",
           "part": "Part", "length": "length"},
    "de": {"title": "Entwurfskalender", "week": "Woche", "nothing": "Keine Entwürfe diese Woche.",
           "skipped": "Nicht geplant", "reasons": "Warum dieses Thema",
           "findings": "Vor dem Posten prüfen", "part": "Teil", "length": "Länge"},
}  # fmt: skip


def _entry(entry: CalendarEntry, words: dict[str, str], names: dict[str, str]) -> list[str]:
    slot, post = entry.slot, entry.post
    lines = [
        f"### {slot.start:%H:%M} · {names.get(slot.person_id, slot.person_id)} · {slot.platform}",
        "",
        f"<!-- draft: {entry.draft.id} -->",
        f"**{entry.assignment.topic_title}** ({entry.assignment.kind}) — "
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
        lines += [f"- {f.severity} {f.code}: {f.message}" for f in entry.findings]
    lines.append("")
    return lines


def render_markdown(calendar: Calendar) -> str:
    """The calendar as a Markdown document."""
    words = _WORDS.get(calendar.language, _WORDS["en"])
    names = {person.id: person.name for person in calendar.people}
    lines = [
        f"# {words['title']} · {calendar.organization}",
        "",
        f"{words['week']} {calendar.week}: {calendar.starts} – {calendar.ends}",
        "",
    ]
    by_day: dict[str, list[CalendarEntry]] = defaultdict(list)
    for entry in calendar.entries:
        by_day[entry.slot.start.date().isoformat()].append(entry)
    if not by_day:
        lines += [words["nothing"], ""]
    for day in sorted(by_day):
        lines += [f"## {day}", ""]
        for entry in sorted(by_day[day], key=lambda e: (e.slot.start, e.slot.person_id)):
            lines += _entry(entry, words, names)
    if calendar.skipped:
        lines += [f"## {words['skipped']}", ""]
        lines += [
            f"- {s.slot.start:%Y-%m-%d %H:%M} {names.get(s.slot.person_id, s.slot.person_id)} "
            f"· {s.slot.platform}: {s.reason}"
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
