"""Kit + week → the slots people post in, and every slot left out with its reason."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from .cadence import parse_cadence, week_occurrences
from .calendar import SkippedSlot, Slot
from .models import Kit, Person
from .weeks import IsoWeek

__all__ = ["schedule_week"]


def _person_slots(kit: Kit, person: Person, week: IsoWeek) -> list[Slot]:
    zone_name = kit.timezone_of(person)
    zone = ZoneInfo(zone_name)
    hours = (person.sharing_hours.start, person.sharing_hours.end)
    slots = []
    for platform, account in sorted(person.accounts.items()):
        cadence = parse_cadence(account.cadence)
        for start, note in week_occurrences(cadence, week.monday, zone, hours):
            slots.append(
                Slot(
                    person_id=person.id,
                    platform=platform,
                    start=start,
                    timezone=zone_name,
                    note=note,
                )
            )
    return sorted(slots, key=lambda s: (s.start, s.platform))


def _skip_reason(kit: Kit, person: Person, slot: Slot) -> tuple[str, str] | None:
    if not person.active:
        return "inactive", f"{person.name} has opted out"
    if not person.accounts[slot.platform].active:
        return "inactive", f"{person.name}'s {slot.platform} account is paused"
    day = slot.start.date()
    for period in person.away:
        if period.starts <= day <= period.ends:
            why = f" ({period.reason})" if period.reason else ""
            return "away", f"{person.name} is away {period.starts} – {period.ends}{why}"
    if slot.start.time() not in person.sharing_hours:
        hours = person.sharing_hours
        return (
            "outside_hours",
            f"{slot.start:%H:%M} lies outside {person.name}'s sharing hours "
            f"{hours.start:%H:%M}–{hours.end:%H:%M}",
        )
    return None


def schedule_week(kit: Kit, week: IsoWeek) -> tuple[list[Slot], list[SkippedSlot]]:
    """Every person's slots in ``week``, and the slots removed (opted out, away, hours, cap)."""
    kept: list[Slot] = []
    skipped: list[SkippedSlot] = []
    for person in kit.people:
        cap = kit.weekly_cap_of(person)
        planned = 0
        for slot in _person_slots(kit, person, week):
            reason = _skip_reason(kit, person, slot)
            if reason is None and planned >= cap:
                reason = ("cap", f"{person.name}'s weekly cap of {cap} posts is reached")
            if reason is not None:
                skipped.append(SkippedSlot(slot=slot, code=reason[0], reason=reason[1]))
                continue
            planned += 1
            kept.append(slot)
    kept.sort(key=lambda s: (s.start.astimezone(ZoneInfo("UTC")), s.person_id, s.platform))
    return kept, skipped
