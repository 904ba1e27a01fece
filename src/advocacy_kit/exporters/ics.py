"""iCalendar: one event per draft at the slot's local time, for people's own calendar apps.

Files: ``calendar.ics`` for everyone and ``calendar-<person>.ics`` for each person. Events carry
the slot's zone (``TZID`` plus a ``VTIMEZONE``) and a UID made from the slot id and the
organisation, so exporting the week again updates the events instead of adding copies, and two
organisations' kits never share a UID. Built with the ``icalendar`` library.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from ..calendar import Calendar, CalendarEntry
from ..hookspecs import hookimpl
from .base import Exporter, ExportFile

__all__ = ["IcsExporter", "event_uid", "organization_slug"]

_WORDS = {
    "en": {"calendar": "Drafts", "everyone": "everyone", "remind": "Time to post",
           "part": "Part", "topic": "Topic", "check": "Check before posting"},
    "de": {"calendar": "Entwürfe", "everyone": "alle", "remind": "Zeit zum Posten",
           "part": "Teil", "topic": "Thema", "check": "Vor dem Posten prüfen"},
}  # fmt: skip
PRODID = "-//advocacy-kit//advocacy-kit//EN"
EVENT_MINUTES = 15
"""How long an event blocks: enough to personalise and post one draft."""


_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                                  "ß": "ss"})  # fmt: skip


def organization_slug(name: str) -> str:
    """``Acme & Söhne`` → ``acme-soehne``: a DNS-label-like name for the organisation.

    A name with no Latin letters or digits (``株式会社``) gets ``org-`` and a short hash of the
    name instead, so it is still stable and distinct.
    """
    import hashlib
    import unicodedata

    # German umlauts and ß as Germans transliterate them; other accents simply drop.
    text = name.translate(_TRANSLITERATION)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:63].rstrip("-")
    if slug:
        return slug
    return "org-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def event_uid(entry: CalendarEntry, organization: str = "") -> str:
    """The stable UID of a draft's event: ``<slot id>@<organisation slug>.advocacy-kit``.

    The same slot of the same organisation always gives the same UID (re-exports update events);
    two organisations with the same person id and time do not collide in one calendar app.
    Without ``organization`` the UID is ``<slot id>@advocacy-kit``.
    """
    if not organization:
        return f"{entry.slot.id}@advocacy-kit"
    return f"{entry.slot.id}@{organization_slug(organization)}.advocacy-kit"


def _platform_name(name: str) -> str:
    from ..plugins import get_platforms

    platform = get_platforms().get(name)
    return platform.display_name if platform is not None else name


def _description(entry: CalendarEntry, words: dict[str, str]) -> str:
    parts = entry.post.parts
    if len(parts) == 1:
        body = parts[0]
    else:
        body = "\n\n".join(
            f"{words['part']} {number}/{len(parts)}\n{text}" for number, text in enumerate(parts, 1)
        )
    if entry.findings:
        body += f"\n\n{words['check']}:\n" + "\n".join(
            f"- {finding.code}: {finding.message}" for finding in entry.findings
        )
    return body


class IcsExporter(Exporter):
    """``calendar.ics`` plus one ``.ics`` per person: each draft as an event with a reminder.

    :param clock: returns "now" (aware); used for DTSTAMP. Tests pass a fixed one.
    :param alarm_minutes: minutes before the slot for a reminder; ``None`` for none.
    """

    name = "ics"
    description = "iCalendar files for calendar apps: one for everyone, one per person"
    suffix = ".ics"

    def __init__(
        self,
        clock: Callable[[], dt.datetime] | None = None,
        alarm_minutes: int | None = 15,
    ) -> None:
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.alarm_minutes = alarm_minutes

    def render(self, calendar: Calendar) -> list[ExportFile]:
        words = _WORDS.get(calendar.language, _WORDS["en"])
        stamp = self.clock().astimezone(dt.UTC).replace(microsecond=0)
        names = {person.id: person.name for person in calendar.people}
        files = [
            ExportFile(
                "calendar.ics",
                self._document(
                    calendar, calendar.entries, f"{words['calendar']} {calendar.week} · "
                    f"{calendar.organization} · {words['everyone']}", stamp, names,
                ),
            )
        ]  # fmt: skip
        # Calendar files are reminders: none for people who opted out.
        for person in sorted((p for p in calendar.people if p.active), key=lambda p: p.id):
            entries = calendar.entries_for(person.id)
            title = f"{words['calendar']} {calendar.week} · {person.name}"
            files.append(
                ExportFile(
                    f"calendar-{person.id}.ics",
                    self._document(calendar, entries, title, stamp, names=None),
                )
            )
        return files

    def _document(
        self,
        calendar: Calendar,
        entries: list[CalendarEntry],
        title: str,
        stamp: dt.datetime,
        names: dict[str, str] | None,
    ) -> bytes:
        import icalendar

        words = _WORDS.get(calendar.language, _WORDS["en"])
        document = icalendar.Calendar()
        document.add("prodid", PRODID)
        document.add("version", "2.0")
        document.add("calscale", "GREGORIAN")
        document.add("x-wr-calname", title)
        for entry in sorted(entries, key=lambda e: (e.slot.start, e.slot.person_id)):
            event = self._event(entry, stamp, words, names, icalendar)
            event.add("uid", event_uid(entry, calendar.organization))
            document.add_component(event)
        # Only the transitions around this week: a full 1970–2038 table would bloat every file.
        year = dt.timedelta(days=366)
        document.add_missing_timezones(calendar.starts - year, calendar.ends + year)
        # The library adds zones in set order; sort them so the same week gives the same bytes.
        zones = sorted(document.timezones, key=lambda zone: str(zone["TZID"]))
        events = [c for c in document.subcomponents if c.name != "VTIMEZONE"]
        document.subcomponents[:] = [*zones, *events]
        data: bytes = document.to_ical()
        return data

    def _event(
        self,
        entry: CalendarEntry,
        stamp: dt.datetime,
        words: dict[str, str],
        names: dict[str, str] | None,
        icalendar: Any,
    ) -> Any:
        slot = entry.slot
        summary = f"{_platform_name(slot.platform)}: {entry.assignment.topic_title}"
        if names is not None:
            summary += f" ({names.get(slot.person_id, slot.person_id)})"
        event = icalendar.Event()
        event.add("dtstamp", stamp)
        event.add("dtstart", slot.start)
        event.add("dtend", slot.start + dt.timedelta(minutes=EVENT_MINUTES))
        event.add("summary", summary)
        event.add("description", _description(entry, words))
        event.add("categories", [slot.platform])
        if self.alarm_minutes is not None:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{words['remind']}: {summary}")
            alarm.add("trigger", dt.timedelta(minutes=-self.alarm_minutes))
            event.add_component(alarm)
        return event


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(IcsExporter())
