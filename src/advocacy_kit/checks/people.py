"""AK6xx: the pace and choices people set — weekly cap, sharing hours, languages, opting out.

The scheduler already keeps to these; the checks hold every calendar to them, whoever built it,
so a plugin or a hand-made plan cannot quietly ask more of someone than they agreed to.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from operator import attrgetter, itemgetter

from ..calendar import CalendarEntry, Finding
from ..models import AwayPeriod, Kit, Person
from .messages import say
from .where import Where

__all__ = ["people_findings"]

_START = attrgetter("slot.start")
_FACTS = attrgetter("slot.person_id", "slot.platform", "slot.start", "assignment.language")
_DRAFT_ID = attrgetter("draft.id")

# What a person's entries are held to: platforms with an active account, the first and last
# minute of the sharing hours, languages, away periods. ``None``: every entry needs a look.
_Look = tuple[frozenset[str], dt.time, dt.time, frozenset[str], tuple[AwayPeriod, ...]] | None
_UNKNOWN: _Look = (
    frozenset(),
    dt.time(),
    dt.time(),
    frozenset(),
    (),
)  # not one of the kit's people


def _look(person: Person, over_cap: bool) -> _Look:
    """What the first look holds ``person``'s entries to."""
    if over_cap or not person.active:
        return None
    return (
        frozenset(platform for platform, account in person.accounts.items() if account.active),
        person.sharing_hours.start,
        person.sharing_hours.end,
        frozenset(person.languages),
        tuple(person.away),
    )


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
    # What the first look needs of each entry, read in one pass: the entries' objects are
    # spread over memory, and a second pass would fetch them again.
    facts = list(map(_FACTS, entries))
    totals = Counter(map(itemgetter(0), facts))
    caps = {
        person_id: kit.weekly_cap_of(people[person_id])
        for person_id in totals
        if person_id in people
    }
    over_cap = {person_id for person_id, cap in caps.items() if totals[person_id] > cap}
    # Most entries have nothing to report: a first look in the given order keeps the ones that
    # may, and every entry of a person over the cap, whose count needs them all. Counting only
    # these in time order gives the same counts where they matter.
    looks = {person_id: _look(people[person_id], person_id in over_cap) for person_id in caps}
    closer: list[CalendarEntry] = []
    for entry, (person_id, platform, start, written_in) in zip(entries, facts, strict=True):
        look = looks.get(person_id, _UNKNOWN)
        if look is None:
            closer.append(entry)  # over the cap or opted out: every entry has something to say
        elif look is not _UNKNOWN:
            platforms, earliest, latest, languages, away = look
            # ``SharingHours.__contains__`` and :func:`_absent`, on the values taken out once.
            if (
                platform not in platforms
                or not earliest <= start.time() <= latest
                or written_in not in languages
                or (away and any(period.starts <= start.date() <= period.ends for period in away))
            ):
                closer.append(entry)
    found: dict[str, list[Finding]] = {}
    planned: dict[str, int] = {}
    for entry in sorted(closer, key=_START):
        slot = entry.slot
        person = people[slot.person_id]
        messages: list[tuple[str, str]] = []
        why = _absent(person, entry, language)
        if why is not None:
            messages.append(("AK604", say("AK604", language, name=person.name, why=why)))
        count = planned[person.id] = planned.get(person.id, 0) + 1
        cap = caps[person.id]
        if count > cap:
            total = totals[person.id]
            messages.append(
                ("AK601", say("AK601", language, count=total, name=person.name, cap=cap))
            )
        hours = person.sharing_hours
        if slot.start.time() not in hours:
            message = say(
                "AK602",
                language,
                time=f"{slot.start:%H:%M}",
                name=person.name,
                start=f"{hours.start:%H:%M}",
                end=f"{hours.end:%H:%M}",
            )
            messages.append(("AK602", message))
        if entry.assignment.language not in person.languages:
            message = say(
                "AK603",
                language,
                language=entry.assignment.language,
                name=person.name,
                languages=", ".join(person.languages),
            )
            messages.append(("AK603", message))
        if messages:
            where = Where.of_entry(entry, language)
            found.setdefault(entry.draft.id, []).extend(
                where.finding(code, message) for code, message in messages
            )
    if len(found) > 1 and len(set(map(_DRAFT_ID, entries))) < len(entries):
        # A draft in two entries: its findings come where it was first seen, with or without any.
        seen: dict[str, int] = {}
        for place, entry in enumerate(sorted(entries, key=_START)):
            if entry.slot.person_id in people:
                seen.setdefault(entry.draft.id, place)
        return dict(sorted(found.items(), key=lambda item: seen[item[0]]))
    return found
