"""What a draft template sees: person, level, topic, campaign, organisation, slot, platform room.

Every value is data. Strings from the kit are printed as they are and never parsed as template
code. docs/templates.md lists each name; keep the two in step.

Drafting adds the disclosure after a template ran, so a template cannot see it in its own output;
:class:`Room` tells it how much of the post is left once the disclosure is in, and fits a title
into that room measured the way the platform counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..text import grapheme_count
from ..tracking import track_links
from .context_parts import (
    PlatformLimits,
    SlotView,
    _level,
    disclosure_text,
    level_for,
)
from .filters import shorten
from .options_key import options_key

if TYPE_CHECKING:
    from ..calendar import Assignment
    from ..models import Campaign, ExpertiseArea, Kit, Level, Person, Topic
    from ..platforms.base import Platform

__all__ = [
    "ContextMemo",
    "PlatformLimits",
    "Room",
    "SlotView",
    "disclosure_text",
    "level_for",
    "template_context",
]


@dataclass(frozen=True)
class Room:
    """How much of a post a template may fill once drafting has added the disclosure.

    ``accepts`` and ``length`` measure text the way the platform does (X weighs links and wide
    characters, Bluesky counts graphemes and bytes), after the kit's tracking parameters are on
    the employer's links, as they will be when the post is checked.
    """

    limit: int
    disclosure: str
    disclosure_first: bool
    accepts: Callable[[str], bool]
    length: Callable[[str], int]

    @property
    def characters(self) -> int:
        """What is left of the limit for the template's own text.

        The limit less the disclosure and the blank line drafting puts before (or after) it.
        """
        if not self.disclosure:
            return self.limit
        return self.limit - self.length(f"\n\n{self.disclosure}")

    def post(self, parts: Sequence[object]) -> str:
        """The post as drafting will assemble it: the parts a blank line apart, then the disclosure."""
        body = "\n\n".join(text for text in (str(part).strip() for part in parts) if text)
        body = re.sub(r"\n{3,}", "\n\n", body).strip()
        if not self.disclosure:
            return body
        if self.disclosure_first:
            return f"{self.disclosure}\n\n{body}"
        return f"{body}\n\n{self.disclosure}"

    def fit(self, line: Callable[[str], object], title: object, *after: object) -> str:
        """``line`` rendered with the longest ``title`` that lets the whole post fit.

        ``line`` is a macro that writes the post's first paragraph around a title; ``after`` are
        the paragraphs that follow it (link, hashtags). The title is shortened at a word boundary
        (see :func:`~advocacy_kit.drafting.shorten`) only as far as needed. Where even an empty
        title leaves the post too long (a very long disclosure or hashtags), the title stays whole
        and the check AK101 reports the length.
        """
        text = " ".join(str(title).split())

        def render(width: int) -> str:
            return str(line(shorten(text, width))).strip()

        def fits(rendered: str) -> bool:
            return self.accepts(self.post([rendered, *after]))

        count = grapheme_count(text)
        whole = render(count)
        if fits(whole):
            return whole
        # Longer titles make longer posts, so the widest width that fits is a binary search away.
        best, low, high = None, 0, count - 1
        while low <= high:
            middle = (low + high) // 2
            candidate = render(middle)
            if fits(candidate):
                best, low = candidate, middle + 1
            else:
                high = middle - 1
        return best if best is not None else whole

    @classmethod
    def of(
        cls,
        kit: Kit,
        topic: Topic,
        language: str,
        platform: Platform | None,
        options: dict[str, Any] | None = None,
    ) -> Room:
        """The room on ``platform`` for an account's options (3000 code points without one)."""
        disclosure = disclosure_text(kit, topic, language) or ""
        first = kit.guidelines.disclosure.position == "start"
        if platform is None:
            return cls(3000, disclosure, first, lambda text: 0 < len(text) <= 3000, len)
        opts = platform.options(options)

        def accepts(text: str) -> bool:
            return platform.count(track_links(text, kit), opts).valid

        def length(text: str) -> int:
            return platform.count(track_links(text, kit), opts).length

        return cls(platform.limit_for(opts), disclosure, first, accepts, length)


class ContextMemo:
    """The parts of a template context that repeat from draft to draft, each worked out once.

    A week has tens of thousands of drafts but only as many accounts, topics and disclosure
    texts as the kit has; their limits, rooms, areas and levels depend on nothing else. A memo
    belongs to one kit as it stands: make a new one when the kit changes.
    """

    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self.campaigns: dict[str, Campaign] = {}
        for campaign in kit.campaigns:
            self.campaigns.setdefault(campaign.id, campaign)  # the first of an id, as before
        self._areas: dict[str, list[ExpertiseArea]] = {}
        self._levels: dict[tuple[str, str], Level] = {}
        self._limits: dict[tuple[str, str], PlatformLimits] = {}
        self._rooms: dict[tuple[str, str, str | None], tuple[Room, int]] = {}
        self._disclosures: dict[tuple[bool, str], str | None] = {}
        self._accounts: dict[tuple[str, str], dict[str, Any]] = {}
        # Per account: account_values' values in order, then its rooms by (promotes, language).
        self._records: dict[tuple[str, str], tuple[Any, ...]] = {}
        # Most accounts have options alike (often the defaults): their limits and rooms are
        # the same values, worked out once for all of them (see :func:`.options_key`).
        self._alike: dict[tuple[str, str], Hashable] = {}
        self._shared_limits: dict[Hashable, PlatformLimits] = {}
        self._shared_rooms: dict[tuple[Hashable, str | None], tuple[Room, int]] = {}
        # Per options key: its rooms by (promotes the employer, language) (see _record).
        self._alike_rooms: dict[Hashable, dict[tuple[bool, str], tuple[Room, int]]] = {}

    def _options_key(self, platform: Platform | None, person: Person, name: str) -> Hashable:
        """A key the person's account on ``name`` shares with every account whose options are alike."""
        key = (person.id, name)
        found = self._alike.get(key)
        if found is None:
            account = person.accounts.get(name)
            options = account.options if account else None
            found = self._alike[key] = options_key(platform, name, options, key)
        return found

    def disclosure(self, topic: Topic, language: str) -> str | None:
        """:func:`disclosure_text`, which depends only on whether the topic promotes the employer."""
        key = (topic.promotes_employer, language)
        try:
            return self._disclosures[key]
        except KeyError:
            found = self._disclosures[key] = disclosure_text(self.kit, topic, language)
            return found

    def areas(self, topic: Topic) -> list[ExpertiseArea]:
        """The kit's areas the topic belongs to, in the kit's order (a new list each time)."""
        found = self._areas.get(topic.id)
        if found is None:
            found = self._areas[topic.id] = [a for a in self.kit.areas if a.id in topic.areas]
        return list(found)  # a template may change its list; the next draft gets a clean one

    def level(self, person: Person, topic: Topic) -> Level:
        """:func:`level_for`, once per person and topic."""
        key = (person.id, topic.id)
        found = self._levels.get(key)
        if found is None:
            found = self._levels[key] = level_for(person, topic)
        return found

    def account_values(
        self, platform: Platform | None, person: Person, name: str
    ) -> dict[str, Any]:
        """A new dict of the context values that depend only on the person's account on ``name``."""
        key = (person.id, name)
        found = self._accounts.get(key)
        if found is None:
            account = person.accounts.get(name)
            found = self._accounts[key] = {
                "person": person,
                "formal": person.voice.tone == "formal",
                "organization": self.kit.organization,
                "organisation": self.kit.organization,
                "platform": name,
                "limits": self.limits(platform, person, name),
                "handle": account.handle if account else "",
            }
        return dict(found)

    def _record(self, platform: Platform | None, person: Person, name: str) -> tuple[Any, ...]:
        """The values of :meth:`account_values` in their order, then the account's rooms.

        The rooms (by whether the topic promotes the employer and the draft's language, all the
        disclosure depends on) are :meth:`room`'s, which depend on the account only through its
        options: accounts with options alike share one dictionary of them.
        """
        key = (person.id, name)
        alike = self._options_key(platform, person, name)
        known = self._accounts.get(key)
        if known is not None:  # account_values was asked before: the very values it gave
            values = tuple(known.values())
        else:
            limits = self._shared_limits.get(alike)
            if limits is None:
                limits = self.limits(platform, person, name)
            account = person.accounts.get(name)
            organization = self.kit.organization
            values = (
                person,
                person.voice.tone == "formal",
                organization,
                organization,
                name,
                limits,
                account.handle if account else "",
            )
        rooms = self._alike_rooms.get(alike)
        if rooms is None:
            rooms = self._alike_rooms[alike] = {}
        record = self._records[key] = (*values, rooms)
        return record

    def limits(self, platform: Platform | None, person: Person, name: str) -> PlatformLimits:
        """:meth:`PlatformLimits.of` for the person's account on ``name``, once per account."""
        key = (person.id, name)
        found = self._limits.get(key)
        if found is None:
            alike = self._options_key(platform, person, name)
            found = self._shared_limits.get(alike)
            if found is None:
                account = person.accounts.get(name)
                options = account.options if account else None
                found = self._shared_limits[alike] = PlatformLimits.of(platform, name, options)
            self._limits[key] = found
        return found

    def room(
        self, topic: Topic, language: str, platform: Platform | None, person: Person, name: str
    ) -> tuple[Room, int]:
        """:meth:`Room.of` and its ``characters``, once per account and disclosure text."""
        disclosure = self.disclosure(topic, language)
        key = (person.id, name, disclosure)
        found = self._rooms.get(key)
        if found is None:
            shared = (self._options_key(platform, person, name), disclosure)
            found = self._shared_rooms.get(shared)
            if found is None:
                account = person.accounts.get(name)
                options = account.options if account else None
                room = Room.of(self.kit, topic, language, platform, options)
                found = self._shared_rooms[shared] = (room, room.characters)
            self._rooms[key] = found
        return found


def template_context(
    kit: Kit,
    assignment: Assignment,
    person: Person,
    topic: Topic,
    platform: Platform | None,
    *,
    memo: ContextMemo | None = None,
) -> dict[str, Any]:
    """The variables a draft template is rendered with (see docs/templates.md).

    ``memo`` keeps what repeats between the drafts of one kit (the :class:`Drafter` passes one).
    """
    memo = memo if memo is not None else ContextMemo(kit)
    name = assignment.slot.platform
    record = memo._records.get((person.id, name))
    if record is None:
        record = memo._record(platform, person, name)
    return _context(memo, assignment, person, topic, platform, record)


def _context(
    memo: ContextMemo,
    assignment: Assignment,
    person: Person,
    topic: Topic,
    platform: Platform | None,
    record: tuple[Any, ...],
) -> dict[str, Any]:
    """:func:`template_context` with the record of the person's account on the slot's platform."""
    slot = assignment.slot
    language = assignment.language
    return context_of(
        memo,
        person,
        topic,
        platform,
        record,
        SlotView.of(slot, language),
        (slot.platform, language, assignment.kind, assignment.variant, assignment.campaign_id),
    )


def context_of(
    memo: ContextMemo,
    person: Person,
    topic: Topic,
    platform: Platform | None,
    record: tuple[Any, ...],
    view: SlotView,
    draft_values: tuple[str, str, str, int, str | None],
) -> dict[str, Any]:
    """:func:`_context` from the assignment's values already read: the slot's view, and its
    platform, language, kind, variant and campaign id."""
    name, language, kind, variant, campaign_id = draft_values
    # The account's rooms by what the disclosure depends on (see ContextMemo.disclosure).
    rooms = record[-1]
    room_key = (topic.promotes_employer, language)
    found = rooms.get(room_key)
    if found is None:
        found = rooms[room_key] = memo.room(topic, language, platform, person, name)
    room, characters = found
    areas = memo._areas.get(topic.id)
    # The same names in the same order as account_values(...) updated with the draft's own
    # values; lists a template may change are new for every draft.
    return {
        "person": record[0],
        "formal": record[1],
        "organization": record[2],
        "organisation": record[3],
        "platform": record[4],
        "limits": record[5],
        "handle": record[6],
        "level": _level(person, topic),
        "topic": topic,
        "campaign": memo.campaigns.get(campaign_id) if campaign_id is not None else None,
        "areas": memo.areas(topic) if areas is None else list(areas),
        "slot": view,
        "kind": kind,
        "variant": variant,
        "language": language,
        "disclosure": room.disclosure,
        "room": characters,
        "fit": room.fit,
    }
