"""What a draft template sees: person, topic, campaign, organisation, slot, platform limits.

Every value is data. Strings from the kit are printed as they are and never parsed as template
code. docs/templates.md lists each name; keep the two in step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .filters import localised_date

if TYPE_CHECKING:
    from ..calendar import Assignment, Slot
    from ..models import Kit, Person, Topic
    from ..platforms.base import Platform

__all__ = ["PlatformLimits", "SlotView", "template_context"]


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
        return cls(slot.start, slot.platform, slot.timezone, language)


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


def template_context(
    kit: Kit,
    assignment: Assignment,
    person: Person,
    topic: Topic,
    platform: Platform | None,
) -> dict[str, Any]:
    """The variables a draft template is rendered with (see docs/templates.md)."""
    campaign = next((c for c in kit.campaigns if c.id == assignment.campaign_id), None)
    account = person.accounts.get(assignment.slot.platform)
    return {
        "person": person,
        "topic": topic,
        "campaign": campaign,
        "areas": [area for area in kit.areas if area.id in topic.areas],
        "formal": person.voice.tone == "formal",
        "organization": kit.organization,
        "organisation": kit.organization,
        "slot": SlotView.of(assignment.slot, assignment.language),
        "kind": assignment.kind,
        "variant": assignment.variant,
        "language": assignment.language,
        "platform": assignment.slot.platform,
        "limits": PlatformLimits.of(
            platform, assignment.slot.platform, account.options if account else None
        ),
        "handle": account.handle if account else "",
    }
