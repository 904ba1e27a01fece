"""What a template context holds beside the room: the slot, the platform's limits, the level,
the disclosure.

Each but the slot depends only on the kit, the person's account, the topic and the language, so
:class:`~advocacy_kit.drafting.context.ContextMemo` works each out once where it can.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .filters import localised_date

if TYPE_CHECKING:
    from ..calendar import Slot
    from ..models import Kit, Level, Person, Topic
    from ..platforms.base import Platform

__all__ = ["PlatformLimits", "SlotView", "disclosure_text", "level_for"]

_LEVELS: tuple[Level, ...] = ("learning", "practitioner", "expert")


@dataclass(frozen=True)
class PlatformLimits:
    """How much room the platform gives a post, so a template can choose a short form."""

    name: str
    display_name: str
    characters: int
    unit: str
    threads: bool

    @property
    def short(self) -> bool:
        """True where a post is at most 300 characters (X, Bluesky)."""
        return self.characters <= 300

    @classmethod
    def of(
        cls, platform: Platform | None, name: str, options: dict[str, Any] | None = None
    ) -> PlatformLimits:
        """Limits of a registered platform for an account's options, or generous defaults."""
        if platform is None:
            return cls(name, name, 3000, "characters", False)
        return cls(
            platform.name,
            platform.display_name,
            platform.limit_for(platform.options(options)),
            platform.counting,
            platform.supports_threads,
        )


@dataclass(frozen=True)
class SlotView:
    """The slot as a template needs it: when, where, and the date in the draft's language."""

    start: dt.datetime
    platform: str
    timezone: str
    language: str

    @property
    def date(self) -> dt.date:
        """The local date of the slot."""
        return self.start.date()

    @property
    def weekday(self) -> str:
        """``Dienstag`` / ``Tuesday``."""
        return localised_date(self.start, self.language, "weekday")

    @property
    def day(self) -> str:
        """``Dienstag, 8. Dezember`` / ``Tuesday, December 8``."""
        return localised_date(self.start, self.language, "weekday_day_month")

    @property
    def time(self) -> str:
        """``08:30`` / ``8:30 AM``."""
        return localised_date(self.start, self.language, "time")

    @classmethod
    def of(cls, slot: Slot, language: str) -> SlotView:
        """The view of a planned slot."""
        # Every draft has one: set the fields as the frozen dataclass's __init__ would (it has
        # no defaults or post-init), without its one object.__setattr__ call per field.
        view = _new(cls)
        _set(
            view,
            "__dict__",
            {
                "start": slot.start,
                "platform": slot.platform,
                "timezone": slot.timezone,
                "language": language,
            },
        )
        return view


_new = object.__new__
_set = object.__setattr__


def level_for(person: Person, topic: Topic) -> Level:
    """The person's highest level in the topic's areas; ``learning`` if they have none of them.

    The same rule the planner picks post kinds by, so the wording matches the kind. With no level
    on record a draft claims no expertise: saying too little is better than saying what is false.
    """
    levels = [person.expertise[area] for area in topic.areas if area in person.expertise]
    return max(levels, key=_LEVELS.index, default="learning")


_RANKS: dict[object, int] = {level: rank for rank, level in enumerate(_LEVELS)}
_ABSENT = object()


def _level(person: Person, topic: Topic) -> Level:
    """:func:`level_for`, without a list and ``tuple.index`` per area.

    The highest-ranked level in the topic's areas' order, the first of equals (they are the same
    text), ``learning`` with none. Expertise that is not a plain dictionary, or holds a value
    that is not a level (``level_for`` raises for it), goes to ``level_for`` itself.
    """
    expertise = person.expertise
    if type(expertise) is not dict:
        return level_for(person, topic)
    best = -1
    for area in topic.areas:
        level = expertise.get(area, _ABSENT)
        if level is _ABSENT:
            continue
        rank = _RANKS.get(level) if type(level) is str else None
        if rank is None:
            return level_for(person, topic)
        if rank > best:
            best = rank
    return _LEVELS[best] if best >= 0 else "learning"


def disclosure_text(kit: Kit, topic: Topic, language: str) -> str | None:
    """The disclosure the guidelines require for this topic in this language, if any.

    Falls back to the organisation's language, then to any text the guidelines give; stripped
    the way a draft is, so it stands in the post verbatim.
    :meth:`~advocacy_kit.drafting.Drafter.disclosure_for` adds this text to the draft.
    """
    rules = kit.guidelines.disclosure
    if not (topic.promotes_employer or rules.applies_to == "all"):
        return None
    texts = {lang: text.strip() for lang, text in rules.texts.items() if text.strip()}
    found = texts.get(language) or texts.get(kit.organization.language)
    return found or next(iter(texts.values()), None)
