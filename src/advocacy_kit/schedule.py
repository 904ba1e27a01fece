"""Kit + week → the slots people post in, and every slot left out with its reason.

Slots come from each account's cadence as local wall-clock times in the person's IANA zone.
Then, in this order, a slot is left out when the person or the account is inactive, the day is a
public holiday of the organisation's region, the person is away, the time lies outside their
sharing hours, or their weekly cap across platforms is reached. Every removed slot is reported
as a :class:`~advocacy_kit.calendar.SkippedSlot` with a code and a reason in the kit's language.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from .cadence import parse_cadence, week_occurrences
from .calendar import SkippedSlot, Slot
from .models import Account, Kit, Person
from .prevalidated import builder, shared_fields_set
from .reasons import say
from .weeks import IsoWeek

__all__ = ["holidays_in_week", "schedule_week"]

_UTC = ZoneInfo("UTC")
# Slots and skipped slots built from a new dict naming every field in order, as prevalidated()
# builds them (both are frozen: their instances share one fields set naming every field).
_new_slot = builder(Slot)
_EVERY_SLOT_FIELD = shared_fields_set(Slot, Slot.model_fields)
_new_skipped = builder(SkippedSlot)
_EVERY_SKIPPED_FIELD = shared_fields_set(SkippedSlot, SkippedSlot.model_fields)


def holidays_in_week(kit: Kit, week: IsoWeek) -> dict[dt.date, str]:
    """The organisation's public holidays in ``week``, named in the kit's language."""
    region = kit.organization.holiday_region
    if not region:
        return {}
    from .public_holidays import holidays_between

    return holidays_between(region, week.monday, week.sunday, kit.organization.language)


def _offset(moment: dt.datetime) -> str:
    offset = moment.utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _dst_note(start: dt.datetime, zone: ZoneInfo, language: str) -> str | None:
    """Say so when the clocks changed in the seven days before a slot, but its wall time stayed."""
    week_before = (start.replace(tzinfo=None) - dt.timedelta(days=7)).replace(tzinfo=zone)
    if week_before.utcoffset() == start.utcoffset():
        return None
    day = start.date()
    while day > week_before.date():
        noon = dt.datetime.combine(day, dt.time(12), tzinfo=zone)
        earlier = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(12), tzinfo=zone)
        if noon.utcoffset() != earlier.utcoffset():
            break
        day -= dt.timedelta(days=1)
    return say(
        "dst_kept",
        language,
        time=f"{start:%H:%M}",
        day=day.isoformat(),
        before=_offset(week_before),
        after=_offset(start),
    )


# One cadence's slots in one zone, each with its UTC instant, its note, its local day and
# whether its wall time lies inside the sharing hours.
_Occurrence = tuple[dt.datetime, dt.datetime, str | None, dt.date, bool]


class _Occurrences:
    """Each (cadence, zone, sharing hours) expanded once per week, with its notes worked out.

    Thousands of colleagues share a few cadences, zones and sharing hours, so their slots have
    the same local times, the same notes (the notes name only the time, day, zone and offsets),
    the same UTC instants, days and place inside or outside the hours: computing them once per
    combination gives each person exactly what computing them per slot gave.
    """

    def __init__(self, week: IsoWeek, blocked: frozenset[int], language: str) -> None:
        self.monday = week.monday
        self.blocked = blocked
        self.language = language
        self.known: dict[tuple[str, str, tuple[dt.time, dt.time]], tuple[_Occurrence, ...]] = {}
        # The daylight-saving note per (zone, wall time, fold): cadences and sharing hours
        # differ more than the times they give.
        self.dst_notes: dict[tuple[str, dt.datetime, int], str | None] = {}

    def of(
        self, cadence_text: str, zone_name: str, hours: tuple[dt.time, dt.time]
    ) -> tuple[_Occurrence, ...]:
        key = (cadence_text, zone_name, hours)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self._expand(cadence_text, zone_name, hours)
        return found

    def _expand(
        self, cadence_text: str, zone_name: str, hours: tuple[dt.time, dt.time]
    ) -> tuple[_Occurrence, ...]:
        zone = ZoneInfo(zone_name)
        language = self.language
        cadence = parse_cadence(cadence_text)
        expanded = []
        for start, moved in week_occurrences(cadence, self.monday, zone, hours, self.blocked):
            notes = []
            if moved is not None:
                wanted = moved.partition(" does not exist")[0]
                notes.append(
                    say(
                        "gap",
                        language,
                        time=wanted,
                        day=start.date().isoformat(),
                        zone=zone_name,
                        moved=f"{start:%H:%M}",
                    )
                )
            # _dst_note reads only the zone, the wall time and its fold (which of two equal
            # wall times in a clock change); aware times that equal each other may differ in fold.
            key = (zone_name, start.replace(tzinfo=None), start.fold)
            if key in self.dst_notes:
                dst = self.dst_notes[key]
            else:
                dst = self.dst_notes[key] = _dst_note(start, zone, language)
            if dst is not None:
                notes.append(dst)
            inside = hours[0] <= start.time() <= hours[1]  # as `time in person.sharing_hours`
            expanded.append(
                (start, start.astimezone(_UTC), "; ".join(notes) or None, start.date(), inside)
            )
        return tuple(expanded)


# A person's slot with its UTC instant, platform, running number, day, place in the sharing
# hours and account.
_Timed = tuple[dt.datetime, str, int, Slot, dt.date, bool, Account]


def _person_slots(kit: Kit, person: Person, occurrences: _Occurrences) -> list[_Timed]:
    """The person's slots, each with its UTC instant, in order of time and then platform."""
    zone_name = kit.timezone_of(person)
    hours = (person.sharing_hours.start, person.sharing_hours.end)
    person_id = person.id
    timed: list[_Timed] = []
    for platform, account in sorted(person.accounts.items()):
        for start, instant, note, day, inside in occurrences.of(account.cadence, zone_name, hours):
            # Built from values of a validated kit: no need to validate them again.
            slot = _new_slot(
                {
                    "person_id": person_id,
                    "platform": platform,
                    "start": start,
                    "timezone": zone_name,
                    "note": note,
                },
                _EVERY_SLOT_FIELD,
            )
            timed.append((instant, platform, len(timed), slot, day, inside, account))
    # The running number keeps slots with the same time and platform in the order they came,
    # as a stable sort by (time, platform) does; it also keeps the slots from being compared.
    timed.sort()
    return timed


def _skip_reason(
    kit: Kit, person: Person, slot: Slot, holidays: dict[dt.date, str]
) -> tuple[str, str] | None:
    language = kit.organization.language
    if not person.active:
        return "inactive", say("inactive_person", language, name=person.name)
    if not person.accounts[slot.platform].active:
        return "inactive", say(
            "inactive_account", language, name=person.name, platform=slot.platform
        )
    day = slot.start.date()
    if day in holidays:
        region = kit.organization.holiday_region
        return "holiday", say("holiday", language, region=region, holiday=holidays[day])
    for period in person.away:
        if period.starts <= day <= period.ends:
            why = f" ({period.reason})" if period.reason else ""
            return "away", say(
                "away", language, name=person.name, starts=period.starts, ends=period.ends, why=why
            )
    if slot.start.time() not in person.sharing_hours:
        hours = person.sharing_hours
        return "outside_hours", say(
            "outside_hours",
            language,
            time=f"{slot.start:%H:%M}",
            name=person.name,
            start=f"{hours.start:%H:%M}",
            end=f"{hours.end:%H:%M}",
        )
    return None


def schedule_week(kit: Kit, week: IsoWeek) -> tuple[list[Slot], list[SkippedSlot]]:
    """Every person's slots in ``week``, and the slots removed (opted out, holiday, away, hours, cap)."""
    holidays = holidays_in_week(kit, week)
    language = kit.organization.language
    occurrences = _Occurrences(week, frozenset(day.weekday() for day in holidays), language)
    kept: list[tuple[dt.datetime, str, str, int, Slot]] = []
    skipped: list[SkippedSlot] = []
    for person in kit.people:
        person_id = person.id
        cap = kit.weekly_cap_of(person)
        planned = 0
        # What _skip_reason asks of every slot, asked once for the person; a slot it would
        # find nothing against (the usual case) is not sent there.
        clear = person.active and not person.away
        for instant, platform, _, slot, day, inside, account in _person_slots(
            kit, person, occurrences
        ):
            if clear and inside and account.active and day not in holidays:
                reason = None
            else:
                reason = _skip_reason(kit, person, slot, holidays)
            if reason is None and planned >= cap:
                reason = ("cap", say("cap", language, name=person.name, cap=cap))
            if reason is not None:
                # A validated slot and a code and reason made here: nothing to validate again.
                skipped.append(
                    _new_skipped(
                        {"slot": slot, "code": reason[0], "reason": reason[1]},
                        _EVERY_SKIPPED_FIELD,
                    )
                )
                continue
            planned += 1
            kept.append((instant, person_id, platform, len(kept), slot))
    # Sorted by (UTC time, person, platform); the running number keeps ties in the order they
    # came, as a stable sort on that key does.
    kept.sort()
    return [entry[-1] for entry in kept], skipped
