"""What planning a week produces: slots, assignments, drafts, posts, findings — the Calendar.

These are plain frozen values. Each pipeline step adds one of them; exporters only read them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Assignment",
    "Calendar",
    "CalendarEntry",
    "Draft",
    "Finding",
    "PersonSummary",
    "Post",
    "Severity",
    "SkippedSlot",
    "Slot",
]

Severity = Literal["error", "warning", "hint"]

# Each minute's part of a slot id, by its local year, month, day, hour and minute: written once
# for every slot at that minute (a week has many slots at each time of its cadences). Dropped
# when full, so a process planning week after week keeps only so many.
_STAMPS: dict[tuple[int, int, int, int, int], str] = {}
_STAMPED = 10_000


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Slot(_Value):
    """A moment at which a person plans to post on one platform (local time, with its zone)."""

    person_id: str
    platform: str
    start: dt.datetime = Field(description="Aware local time in the person's IANA zone.")
    timezone: str
    note: str | None = Field(default=None, description="Why the time moved, if it did.")

    @property
    def id(self) -> str:
        """Stable id: the same person, platform and local time always give the same id."""
        start = self.start
        minute = (start.year, start.month, start.day, start.hour, start.minute)
        stamp = _STAMPS.get(minute)
        if stamp is None:
            if start.year < 1000:  # strftime's own way with short years
                return f"{self.person_id}-{self.platform}-{start:%Y%m%dT%H%M}"
            # The same text as %Y%m%dT%H%M without strftime, which costs more than the rest of
            # a week's bookkeeping of ids; %-formatting pads the (int) fields as "02" does.
            if len(_STAMPS) >= _STAMPED:
                _STAMPS.clear()
            stamp = _STAMPS[minute] = "%d%02d%02dT%02d%02d" % minute  # noqa: UP031
        return "%s-%s-%s" % (self.person_id, self.platform, stamp)  # noqa: UP031


class SkippedSlot(_Value):
    """A slot the cadence would give but that is not planned, and why."""

    slot: Slot
    code: Literal["holiday", "away", "cap", "outside_hours", "inactive", "no_topic"]
    reason: str


class Assignment(_Value):
    """A topic chosen for a slot, with the post kind, template variant and the reasons."""

    slot: Slot
    topic_id: str
    topic_title: str
    kind: str
    variant: int = 0
    language: str
    campaign_id: str | None = None
    reasons: list[str] = Field(default_factory=list)


class Draft(_Value):
    """The text a person starts from: rendered template plus the disclosure the employer owes."""

    id: str
    assignment: Assignment
    text: str
    template: str
    disclosure: str | None = None
    prompts: list[str] = Field(default_factory=list, description="Places left for own words.")
    edited: bool = Field(
        default=False, description="True when the text is the person's own edit (from the history)."
    )


class Post(_Value):
    """A draft formatted for its platform: one part, or several for a thread."""

    platform: str
    parts: list[str]
    length: int = Field(description="Length of the longest part, as the platform counts it.")
    limit: int
    valid: bool
    details: dict[str, Any] = Field(default_factory=dict)

    @property
    def text(self) -> str:
        """All parts, separated by blank lines."""
        return "\n\n".join(self.parts)


class Finding(_Value):
    """Something a person should look at before posting."""

    code: str = Field(description="Stable code such as AK101.")
    severity: Severity
    message: str
    person_id: str | None = None
    slot_id: str | None = None
    platform: str | None = None
    template: str | None = None


class CalendarEntry(_Value):
    """One planned post: its slot, why it got its topic, the draft, the formatted post, findings."""

    slot: Slot
    assignment: Assignment
    draft: Draft
    post: Post
    findings: list[Finding] = Field(default_factory=list)


class PersonSummary(_Value):
    """Who is in the calendar (no follower counts: the product does not measure people)."""

    id: str
    name: str
    role: str = ""
    timezone: str
    language: str
    platforms: list[str]
    active: bool = Field(
        default=True, description="False for people who opted out: named, never reminded."
    )


class Calendar(_Value):
    """A week's plan for everyone in a kit. Iterate ``calendar.drafts`` or ``calendar.entries``."""

    week: str
    starts: dt.date
    ends: dt.date
    organization: str
    language: str
    people: list[PersonSummary]
    entries: list[CalendarEntry]
    skipped: list[SkippedSlot] = Field(default_factory=list)
    prompt_marker: tuple[str, str] = Field(
        default=("[[", "]]"), description="How drafts mark places for the person's own words."
    )

    @property
    def drafts(self) -> list[Draft]:
        """Every draft, in calendar order (by local time, then person and platform)."""
        return [entry.draft for entry in self.entries]

    @property
    def findings(self) -> list[Finding]:
        """All findings of all entries."""
        return [finding for entry in self.entries for finding in entry.findings]

    def entries_for(self, person_id: str) -> list[CalendarEntry]:
        """The entries of one person."""
        return [entry for entry in self.entries if entry.slot.person_id == person_id]
