"""HTML: one self-contained page (``index.html``) with the week as a grid by day and person.

Styles and script are inlined from ``html_page/``, so the page works offline from ``file://`` and
can be mailed around. No web fonts, no CDN, no tracking.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..calendar import Calendar, CalendarEntry
from ..hookspecs import hookimpl
from .base import Exporter, ExportFile
from .html_words import day_label, words_for

__all__ = ["HtmlExporter", "render_html"]

PAGE_DIR = Path(__file__).parent / "html_page"


@dataclass(frozen=True)
class Segment:
    """A run of draft text; ``prompt`` marks a place for the person's own words."""

    text: str
    prompt: bool = False


@dataclass
class Card:
    """One draft as the page shows it."""

    entry: CalendarEntry
    platform_name: str
    parts: list[list[Segment]]
    meter_max: int


@dataclass
class Row:
    """One person's line in the grid: a list of cards per day."""

    person_id: str
    name: str
    role: str
    timezone: str
    cells: list[list[Card]] = field(default_factory=list)


def split_prompts(text: str, marker: tuple[str, str]) -> list[Segment]:
    """The text cut into plain runs and marked prompts (markers kept, so copying keeps them)."""
    open_, close = (re.escape(m) for m in marker)
    segments: list[Segment] = []
    position = 0
    for match in re.finditer(f"{open_}.+?{close}", text, flags=re.DOTALL):
        if match.start() > position:
            segments.append(Segment(text[position : match.start()]))
        segments.append(Segment(match.group(0), prompt=True))
        position = match.end()
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


def _platform_names() -> dict[str, str]:
    from ..plugins import get_platforms

    return {name: platform.display_name for name, platform in get_platforms().items()}


def _days(calendar: Calendar) -> list[dt.date]:
    """Monday to Friday, plus a weekend day only when something is planned on it."""
    used = {entry.slot.start.date() for entry in calendar.entries}
    days = [calendar.starts + dt.timedelta(days=offset) for offset in range(7)]
    return [day for day in days if day.weekday() < 5 or day in used]


def page_context(calendar: Calendar) -> dict[str, Any]:
    """Everything the page template needs, prepared so the template only lays it out."""
    words = words_for(calendar.language)
    platform_names = _platform_names()
    days = _days(calendar)
    column = {day: index for index, day in enumerate(days)}
    rows: dict[str, Row] = {}
    for person in calendar.people:
        if not person.active:
            continue  # opted out: no row, no reminders
        rows[person.id] = Row(person.id, person.name, person.role, person.timezone)
    for entry in calendar.entries:
        person_id = entry.slot.person_id
        if person_id not in rows:
            rows[person_id] = Row(person_id, person_id, "", entry.slot.timezone)
    for row in rows.values():
        row.cells = [[] for _ in days]
    ordered = sorted(calendar.entries, key=lambda e: (e.slot.start, e.slot.platform))
    for entry in ordered:
        card = Card(
            entry=entry,
            platform_name=platform_names.get(entry.slot.platform, entry.slot.platform),
            parts=[split_prompts(part, calendar.prompt_marker) for part in entry.post.parts],
            meter_max=max(entry.post.limit, entry.post.length, 1),
        )
        rows[entry.slot.person_id].cells[column[entry.slot.start.date()]].append(card)
    platforms = sorted({entry.slot.platform for entry in calendar.entries})
    return {
        "calendar": calendar,
        "words": words,
        "days": [(day, day_label(day, calendar.language)) for day in days],
        "rows": [row for row in rows.values() if any(row.cells)],
        "platforms": [(name, platform_names.get(name, name)) for name in platforms],
        "total": len(calendar.entries),
        "names": {person.id: person.name for person in calendar.people},
        "period": f"{day_label(calendar.starts, calendar.language)} – "
        f"{day_label(calendar.ends, calendar.language)} {calendar.ends.year}",
        "css": (PAGE_DIR / "page.css").read_text(encoding="utf-8"),
        "js": (PAGE_DIR / "page.js").read_text(encoding="utf-8"),
    }


def render_html(calendar: Calendar) -> str:
    """The calendar as one self-contained HTML page."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PAGE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("index.html.j2").render(page_context(calendar))


class HtmlExporter(Exporter):
    """``index.html``: the week to open in a browser, filter, copy from and print."""

    name = "html"
    description = "a self-contained HTML page: the week by day and person"
    suffix = ".html"

    def render(self, calendar: Calendar) -> list[ExportFile]:
        return [ExportFile("index.html", render_html(calendar))]


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(HtmlExporter())
