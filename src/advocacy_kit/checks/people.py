"""AK6xx: the pace and choices people set — weekly cap, sharing hours, languages, opting out.

The scheduler already keeps to these; the checks hold every calendar to them, whoever built it,
so a plugin or a hand-made plan cannot quietly ask more of someone than they agreed to.
"""

from __future__ import annotations

from collections import defaultdict

from ..calendar import CalendarEntry, Finding
from ..models import Kit, Person
from .messages import say
from .where import Where

__all__ = ["people_findings"]


def _absent(person: Person, entry: CalendarEntry, language: str) -> str | None:
    """Why ``person`` must not have this slot, in words, or ``None``."""
    if not person.active:
        return say("AK604-opted-out", language)
    account = person.accounts.get(entry.slot.platform)
    if account is None or not account.active:
        return say("AK604-paused", language)
    day = entry.slot.start.date()
    if any(period.starts <= day <= period.ends for period in person.away):
        return say("AK604-away", language)
    return None


def people_findings(
    kit: Kit, entries: list[CalendarEntry], language: str
) -> dict[str, list[Finding]]:
    """AK601 (over the cap), AK602 (outside hours), AK603 (language), AK604 (opted out, away)."""
    people = {person.id: person for person in kit.people}
    found: dict[str, list[Finding]] = defaultdict(list)
    planned: dict[str, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    for entry in entries:
        totals[entry.slot.person_id] += 1
    for entry in sorted(entries, key=lambda e: e.slot.start):
        person = people.get(entry.slot.person_id)
        if person is None:
            continue
        where = Where.of_entry(entry, language)
        add = found[entry.draft.id].append
        why = _absent(person, entry, language)
        if why is not None:
            add(where.finding("AK604", say("AK604", language, name=person.name, why=why)))
        planned[person.id] += 1
        cap = kit.weekly_cap_of(person)
        if planned[person.id] > cap:
            count = totals[person.id]
            add(
                where.finding(
                    "AK601", say("AK601", language, count=count, name=person.name, cap=cap)
                )
            )
        hours = person.sharing_hours
        if entry.slot.start.time() not in hours:
            message = say(
                "AK602",
                language,
                time=f"{entry.slot.start:%H:%M}",
                name=person.name,
                start=f"{hours.start:%H:%M}",
                end=f"{hours.end:%H:%M}",
            )
            add(where.finding("AK602", message))
        if entry.assignment.language not in person.languages:
            message = say(
                "AK603",
                language,
                language=entry.assignment.language,
                name=person.name,
                languages=", ".join(person.languages),
            )
            add(where.finding("AK603", message))
    return {key: value for key, value in found.items() if value}
