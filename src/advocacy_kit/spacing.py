"""Colleagues on the same topic and day post at least ``colleague_spacing_minutes`` apart.

Identical-looking posts from many employees at the same moment look staged; the planner moves a
slot later or earlier inside the person's sharing hours until it is far enough from every
colleague's time, or leaves the topic for another one when the day is full.
"""

from __future__ import annotations

import bisect
import datetime as dt

from .calendar import Slot
from .models import Person
from .prevalidated import prevalidated
from .reasons import say

__all__ = ["ColleagueSpacing"]

_UTC = dt.UTC
# The fields a move sets.
_MOVED = frozenset(("start", "note"))
_NO_TIMES: dict[str, list[dt.datetime]] = {}


# A time a slot may move to: local start, the same in UTC, and the note saying so.
_Move = tuple[dt.datetime, dt.datetime, str]


class ColleagueSpacing:
    """The times already taken per (topic, day), and where a new slot may go."""

    def __init__(self, minutes: int, language: str) -> None:
        self.spacing = dt.timedelta(minutes=minutes)
        self.language = language
        # Per day, per topic: the UTC times taken, sorted. By day first, so a slot looking at
        # many topics of its day finds that day's times once.
        self.times_on_day: dict[dt.date, dict[str, list[dt.datetime]]] = {}
        # How many colleagues' times fit into each person's sharing hours, at the spacing.
        self.room: dict[tuple[dt.time, dt.time], float] = {}
        # Per (UTC time, room, day): topics refused for a full day (see full_at).
        self.full: dict[tuple[dt.datetime, float, dt.date], set[str]] = {}
        # The times a slot may move to, nearest first, per (zone, wall time, sharing hours).
        self.moves: dict[tuple[object, dt.datetime, dt.time, dt.time], tuple[_Move, ...]] = {}
        # Per (zone, wall time, sharing hours): topics no time of the moves has room for.
        self.blocked: dict[tuple[object, dt.datetime, dt.time, dt.time], set[str]] = {}

    def shared(self, topic_id: str, day: dt.date) -> bool:
        """Whether a colleague already has the topic on that day."""
        return bool(self.on_day(day).get(topic_id))

    def on_day(self, day: dt.date) -> dict[str, list[dt.datetime]]:
        """The times taken on ``day`` per topic (sorted, UTC); do not change the result."""
        return self.times_on_day.get(day, _NO_TIMES)

    def record(
        self, topic_id: str, day: dt.date, start: dt.datetime, instant: dt.datetime | None = None
    ) -> None:
        """Take the time of a planned slot (``instant``: its start in UTC, if known)."""
        moment = start.astimezone(_UTC) if instant is None else instant
        topics = self.times_on_day.get(day)
        if topics is None:
            topics = self.times_on_day[day] = {}
        others = topics.get(topic_id)
        if others is None:
            topics[topic_id] = [moment]
        else:
            bisect.insort(others, moment)

    def clear(self, others: list[dt.datetime], instant: dt.datetime) -> bool:
        """Whether no colleague's time in ``others`` (sorted, UTC) is within the spacing."""
        index = bisect.bisect_left(others, instant)
        # others[index - 1] < instant <= others[index]: only these two can be too close.
        if index and instant - others[index - 1] < self.spacing:
            return False
        return index == len(others) or others[index] - instant >= self.spacing

    def place(
        self,
        slot: Slot,
        topic_id: str,
        person: Person,
        day: dt.date | None = None,
        instant: dt.datetime | None = None,
    ) -> Slot | None:
        """The slot, moved later (or earlier) when a colleague posts the topic too close to it.

        ``day`` and ``instant`` (the slot's start in UTC) may be passed in by a caller that
        tries many topics for one slot.
        """
        # A person never has one topic twice in a week, so every time here is a colleague's.
        others = self.on_day(slot.start.date() if day is None else day).get(topic_id)
        if not others or not self.spacing:
            return slot
        if self.clear(others, slot.start.astimezone(_UTC) if instant is None else instant):
            return slot
        return self.move(slot, others, person)

    def full_at(self, instant: dt.datetime, room: float, day: dt.date) -> set[str]:
        """The topics refused on ``day`` to a slot at ``instant`` whose sharing hours have
        ``room`` (:meth:`room_of`) because more colleagues than that have it, and one too close.

        Add to the set when finding one. Colleagues' times are only ever added, so a time too
        close stays too close and a full day stays full: a topic refused so is refused to every
        such slot for the rest of the week, and need not be looked at again.
        """
        key = (instant, room, day)
        found = self.full.get(key)
        if found is None:
            found = self.full[key] = set()
        return found

    def blocked_at(self, slot: Slot, person: Person) -> set[str]:
        """The topics :meth:`move` found no time for, for a slot at the wall time, zone and
        sharing hours of ``slot`` and ``person``.

        Add a topic when :meth:`move` returns None for it. Which times a move tries depends only
        on these (see :meth:`_moves`), and colleagues' times are only ever added: a time too
        close stays too close, so :meth:`move` would return None again for the rest of the week.
        """
        hours = person.sharing_hours
        start = slot.start
        key = (start.tzinfo, start.replace(tzinfo=None), hours.start, hours.end)
        found = self.blocked.get(key)
        if found is None:
            found = self.blocked[key] = set()
        return found

    def room_of(self, person: Person) -> float:
        """How many colleagues' times fit into the person's sharing hours at the spacing."""
        hours = person.sharing_hours
        start, end = hours.start, hours.end
        # It depends only on the sharing hours' start and end: colleagues with the same plain
        # wall times share the answer (times with a zone compare by more than their fields).
        plain = start.tzinfo is None and end.tzinfo is None
        room = self.room.get((start, end)) if plain else None
        if room is None:
            # The length of the sharing hours, the same on every day (wall times, no zone).
            length = dt.datetime.combine(dt.date.min, end) - dt.datetime.combine(dt.date.min, start)
            room = length / self.spacing + 1
            if plain:
                self.room[(start, end)] = room
        return room

    def move(self, slot: Slot, others: list[dt.datetime], person: Person) -> Slot | None:
        """The slot at the nearest time far enough from ``others``; None when there is none.

        For a slot whose own time is too close to a colleague's (``others``: sorted, UTC).
        """
        if len(others) > self.room_of(person):
            return None  # the day is full: no time in the sharing hours is far enough away
        spacing = self.spacing
        bisect_left = bisect.bisect_left
        last = len(others)
        for local, instant, note in self._moves(slot, person):
            # As clear(), written out: most slots try many times against one list.
            index = bisect_left(others, instant)
            if index and instant - others[index - 1] < spacing:
                continue
            if index == last or others[index] - instant >= spacing:
                joined = f"{slot.note}; {note}" if slot.note else note
                if type(slot) is not Slot:  # a subclass may have more to copy
                    return slot.model_copy(update={"start": local, "note": joined})
                # As slot.model_copy(update={"start": local, "note": joined}): the same values
                # and fields set, without copying the slot first.
                return prevalidated(
                    Slot,
                    {
                        "person_id": slot.person_id,
                        "platform": slot.platform,
                        "start": local,
                        "timezone": slot.timezone,
                        "note": joined,
                    },
                    slot.model_fields_set | _MOVED,
                )
        return None

    def _moves(self, slot: Slot, person: Person) -> tuple[_Move, ...]:
        """The wall times inside the sharing hours a slot may move to, nearest first.

        A step of the spacing later, then earlier, then two steps and so on, leaving out times
        a clock change skips. They depend only on the zone, the wall time and the sharing
        hours (never on the colleagues), so colleagues with the same ones share the list.
        """
        hours = person.sharing_hours
        zone = slot.start.tzinfo
        # The wall time's fold plays no part: every move is a whole step away, and adding a
        # step gives a time with fold 0.
        wall = slot.start.replace(tzinfo=None)
        key = (zone, wall, hours.start, hours.end)
        found = self.moves.get(key)
        if found is not None:
            return found
        first = dt.datetime.combine(wall.date(), hours.start)
        last = dt.datetime.combine(wall.date(), hours.end)
        later, earlier = int((last - wall) / self.spacing), int((wall - first) / self.spacing)
        moves = []
        for step in range(1, max(later, earlier) + 1):
            for sign in (1, -1):
                if step > (later if sign > 0 else earlier):
                    continue
                moved = wall + sign * step * self.spacing
                local = moved.replace(tzinfo=zone)
                instant = local.astimezone(_UTC)
                if instant.astimezone(zone) != local:
                    continue  # a wall time skipped by a clock change
                note = say(
                    "spacing",
                    self.language,
                    before=f"{wall:%H:%M}",
                    after=f"{moved:%H:%M}",
                    minutes=int(self.spacing.total_seconds() // 60),
                )
                moves.append((local, instant, note))
        found = self.moves[key] = tuple(moves)
        return found
