"""One slot's careful look at a topic: may the slot take it, and at which time?

The planner's search decides most topics with a quick test written out where it walks the
topics (the person has it already, it is not valid that day, or no colleague's time that day is
too close). A :class:`SlotLook` is made only for a slot that meets a colleague's time too close,
and answers with the spacing rules and the memos that keep a crowded week fast. Asked about a
topic the quick test passed, it gives the same answer: nothing changes while one slot is looked
at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Set

from .calendar import Slot
from .models import Person
from .spacing import ColleagueSpacing
from .topic_fit import TopicFields

__all__ = ["SlotLook"]


class SlotLook:
    """Whether topics fit one slot, with the time each takes (:attr:`placed`)."""

    __slots__ = (
        "blocked",
        "day",
        "full",
        "instant",
        "person",
        "placed",
        "refused",
        "room",
        "slot",
        "spacing",
        "stale",
        "times",
        "used",
    )

    def __init__(
        self,
        spacing: ColleagueSpacing,
        slot: Slot,
        person: Person,
        room: float,
        excluded: tuple[Set[str], Set[str]],
        when: tuple[dt.datetime, dt.date],
        times: Mapping[str, list[dt.datetime]],
    ) -> None:
        self.spacing = spacing
        self.slot = slot
        self.person = person
        self.room = room
        # Topics the person had this week and those the history rules out (or none of either).
        self.used, self.stale = excluded
        # The slot's start in UTC and its local day; the day's times taken per topic.
        self.instant, self.day = when
        self.times = times
        # Per topic that fits: the slot, or the slot moved for colleague spacing.
        self.placed: dict[str, Slot] = {}
        self.refused: set[str] = set()
        # Topics too full at this time for this much room (see ColleagueSpacing.full_at), and
        # topics no move of this slot finds a time for (see ColleagueSpacing.blocked_at): both
        # looked up only when a colleague's time is too close, which most slots never meet.
        self.full: set[str] | None = None
        self.blocked: set[str] | None = None

    def fits(self, topic: TopicFields) -> bool:
        """Whether the slot may take ``topic``; :attr:`placed` then holds the slot it takes."""
        # Nothing changes while one slot is looked at, so a topic met again (in a second area
        # or language) gets the answer it got the first time.
        topic_id = topic.id
        if topic_id in self.used or topic_id in self.stale:
            return False
        day = self.day
        if topic.valid_from is not None and day < topic.valid_from:
            return False  # as topic_fit.valid_on: before the topic's first day
        if topic.valid_until is not None and day > topic.valid_until:
            return False  # … or after its last
        placed = self.placed
        if topic_id in placed:
            return True
        if topic_id in self.refused:
            return False
        slot = self.slot
        spacing = self.spacing
        # As ColleagueSpacing.place, with the slot's UTC time and the room worked out once.
        others = self.times.get(topic_id)
        if not others or not spacing.spacing:
            placed[topic_id] = slot
            return True
        instant = self.instant
        if spacing.clear(others, instant):
            placed[topic_id] = slot
            return True
        # A topic full at this time was refused with a colleague's time too close; times are
        # only ever added, so one still is, and it is refused here as before.
        full = self.full
        if full is None:
            full = self.full = spacing.full_at(instant, self.room, day)
        if topic_id in full:
            return False
        self.refused.add(topic_id)  # unless it moves, below
        if len(others) > self.room:  # as move() finds: no time in the sharing hours is free
            full.add(topic_id)
            return False
        blocked = self.blocked
        if blocked is None:
            blocked = self.blocked = spacing.blocked_at(slot, self.person)
        if topic_id in blocked:
            return False  # move() found no time before, and colleagues only add times
        moved = spacing.move(slot, others, self.person)
        if moved is None:
            blocked.add(topic_id)
            return False
        self.refused.discard(topic_id)
        placed[topic_id] = moved
        return True
