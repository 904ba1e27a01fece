"""Colleagues on the same topic and day post at least ``colleague_spacing_minutes`` apart.

Identical-looking posts from many employees at the same moment look staged; the planner moves a
slot later or earlier inside the person's sharing hours until it is far enough from every
colleague's time, or leaves the topic for another one when the day is full.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict

from advocacy_kit.calendar import Slot
from advocacy_kit.models import Person
from advocacy_kit.reasons import say

__all__ = ["ColleagueSpacing"]

_UTC = dt.UTC


class ColleagueSpacing:
    """The times already taken per (topic, day), and where a new slot may go."""

    def __init__(self, minutes: int, language: str) -> None:
        self.spacing = dt.timedelta(minutes=minutes)
        self.language = language
        self.times_on_day: dict[tuple[str, dt.date], list[dt.datetime]] = defaultdict(list)
        # How many colleagues' times fit into each person's sharing hours, at the spacing.
        self.room: dict[str, float] = {}

    def shared(self, topic_id: str, day: dt.date) -> bool:
        """Whether a colleague already has the topic on that day."""
        return bool(self.times_on_day.get((topic_id, day)))

    def record(self, topic_id: str, day: dt.date, start: dt.datetime) -> None:
        """Take the time of a planned slot."""
        bisect.insort(self.times_on_day[(topic_id, day)], start.astimezone(_UTC))

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
        others = self.times_on_day[(topic_id, day or slot.start.date())]
        if not others or not self.spacing:
            return slot

        def clear(moment: dt.datetime) -> bool:
            return self.clear(others, moment.astimezone(_UTC))

        if self.clear(others, instant or slot.start.astimezone(_UTC)):
            return slot
        room = self.room.get(person.id)
        if room is None:
            hours = person.sharing_hours
            today = slot.start.date()
            # The length of the sharing hours, the same on every day (wall times, no zone).
            length = dt.datetime.combine(today, hours.end) - dt.datetime.combine(today, hours.start)
            room = self.room[person.id] = length / self.spacing + 1
        if len(others) > room:
            return None  # the day is full: no time in the sharing hours is far enough away
        hours = person.sharing_hours
        wall = slot.start.replace(tzinfo=None)
        first = dt.datetime.combine(wall.date(), hours.start)
        last = dt.datetime.combine(wall.date(), hours.end)
        later, earlier = int((last - wall) / self.spacing), int((wall - first) / self.spacing)
        for step in range(1, max(later, earlier) + 1):
            for sign in (1, -1):
                if step > (later if sign > 0 else earlier):
                    continue
                moved = wall + sign * step * self.spacing
                local = moved.replace(tzinfo=slot.start.tzinfo)
                if local.astimezone(_UTC).astimezone(slot.start.tzinfo) != local:
                    continue  # a wall time skipped by a clock change
                if clear(local):
                    note = say(
                        "spacing",
                        self.language,
                        before=f"{wall:%H:%M}",
                        after=f"{moved:%H:%M}",
                        minutes=int(self.spacing.total_seconds() // 60),
                    )
                    joined = f"{slot.note}; {note}" if slot.note else note
                    return slot.model_copy(update={"start": local, "note": joined})
        return None
