"""Slots → assignments: a topic from the person's own expertise for each slot, with reasons.

Rules, hardest first:

* only topics from the person's expertise areas, in a language they write, valid on the slot's
  day; campaign topics only inside their campaign's window;
* freshness: a person does not repeat a topic within ``settings.freshness_weeks`` weeks (this
  week and earlier weeks from the history); a topic that is not evergreen is used once per person;
* campaign topics first inside their window, then topics colleagues do not already have that day,
  then the person's least-used area this week, then the topic used least across the kit, then the
  one the person had longest ago;
* colleagues with the same topic on the same day get different post kinds or template variants
  and posting times at least ``settings.colleague_spacing_minutes`` apart.

A slot with no fitting topic stays empty and is reported. Deterministic by construction: ties are
broken by a stable hash of (person, topic, week), never by dict order or Python's ``hash``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict

from advocacy_kit.calendar import Assignment, SkippedSlot, Slot
from advocacy_kit.i18n import kind_label
from advocacy_kit.models import Kit, Level, Person, Topic
from advocacy_kit.past_use import KeptDraft, PastUse, weeks_between
from advocacy_kit.prevalidated import prevalidated
from advocacy_kit.reasons import level_word, say, status_word
from advocacy_kit.topic_fit import draft_language, valid_in, valid_on
from advocacy_kit.weeks import IsoWeek

from .spacing import ColleagueSpacing
from .topic_index import TopicIndex

__all__ = ["KINDS_BY_LEVEL", "KeptDraft", "PastUse", "plan_slots"]

KINDS_BY_LEVEL: dict[Level, tuple[str, ...]] = {
    # Learners ask and share what they learned; experts explain, compare and bust myths.
    "learning": ("question", "lesson_learned"),
    "practitioner": ("tip", "lesson_learned", "behind_the_scenes"),
    "expert": ("tip", "opinion", "myth_vs_fact"),
}
_LEVEL_ORDER = {"learning": 0, "practitioner": 1, "expert": 2}
_UTC = dt.UTC


def _stable(*parts: object) -> int:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")


class _Planner:
    def __init__(self, kit: Kit, week: IsoWeek, past: PastUse) -> None:
        self.kit = kit
        self.week = week
        self.past = past
        self.language = kit.organization.language
        self.freshness = kit.settings.freshness_weeks
        self.spacing = ColleagueSpacing(kit.settings.colleague_spacing_minutes, self.language)
        self.topics = {topic.id: topic for topic in kit.topics}
        self.area_names = {area.id: area.name for area in kit.areas}
        self.campaigns_of: dict[str, list[tuple[int, str, dt.date, dt.date]]] = defaultdict(list)
        for campaign in kit.campaigns:
            for topic_id in campaign.topics:
                self.campaigns_of[topic_id].append(
                    (campaign.priority, campaign.id, campaign.starts, campaign.ends)
                )
        # Campaign topics are few and looked at first; all others go into an index by area and
        # language, so each slot only looks at topics of the person's own areas.
        # Topics that fit on no day of the week (outside their dates, or campaigns not running)
        # are left out up front: no slot could take them, and skipping them on every search
        # made planning slower with every topic a large kit adds.
        monday, sunday = week.monday, week.sunday
        self.campaign_topics: dict[str, list[Topic]] = defaultdict(list)
        for topic in kit.topics:
            running = any(
                starts <= sunday and monday <= ends
                for _, _, starts, ends in self.campaigns_of.get(topic.id, ())
            )
            if running:
                for area in topic.areas:
                    self.campaign_topics[area].append(topic)
        self.order = {t.id: _stable(t.id, week) for t in kit.topics}
        self.index = TopicIndex(
            (
                t
                for t in kit.topics
                if t.id not in self.campaigns_of and valid_in(t, monday, sunday)
            ),
            self.order,
            past.kit_counts,
        )
        self.stale: dict[str, set[str]] = {}
        self.used_this_week: dict[str, set[str]] = defaultdict(set)
        self.platforms_of: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.area_use: dict[str, Counter[str]] = defaultdict(Counter)
        self.kinds_on_day: dict[tuple[str, dt.date], set[tuple[str, int]]] = defaultdict(set)

    def _campaign(self, topic: Topic, day: dt.date) -> tuple[int, str] | None:
        """The highest-priority campaign of the topic running on ``day``."""
        running = [
            (p, c)
            for p, c, starts, ends in self.campaigns_of.get(topic.id, ())
            if starts <= day <= ends
        ]
        return max(running) if running else None

    def _stale(self, person: Person) -> set[str]:
        """Topics the history rules out for the person this week (cached per person)."""
        if person.id not in self.stale:
            blocked = set()
            for topic_id, last in self.past.last_week.get(person.id, {}).items():
                topic = self.topics.get(topic_id)
                if topic is None:
                    continue
                if not topic.evergreen or weeks_between(last, self.week) < self.freshness:
                    blocked.add(topic_id)
            self.stale[person.id] = blocked
        return self.stale[person.id]

    def _areas(self, topic: Topic, person: Person) -> list[str]:
        return [area for area in topic.areas if area in person.expertise]

    def _level(self, topic: Topic, person: Person) -> Level:
        levels = [person.expertise[a] for a in self._areas(topic, person)]
        return max(levels, key=lambda level: _LEVEL_ORDER[level])

    def _kind(self, topic: Topic, person: Person, slot: Slot) -> tuple[str, int]:
        taken = self.kinds_on_day[(topic.id, slot.start.date())]
        kinds = (topic.kind,) if topic.kind else KINDS_BY_LEVEL[self._level(topic, person)]
        start = _stable(person.id, topic.id, slot.start.date()) % len(kinds)
        ordered = kinds[start:] + kinds[:start]
        for variant in range(8):
            for kind in ordered:
                if (kind, variant) not in taken:
                    return kind, variant
        return ordered[0], 0

    def _reasons(
        self, topic: Topic, person: Person, slot: Slot, kind: str, variant: int
    ) -> list[str]:
        lang = self.language
        level = self._level(topic, person)
        areas = self._areas(topic, person)
        reasons = [
            say(
                "expertise",
                lang,
                name=person.name,
                areas=", ".join(self.area_names[a] for a in areas),
                level=level_word(level, lang),
            )
        ]
        campaign = self._campaign(topic, slot.start.date())
        if campaign:
            reasons.append(say("campaign", lang, campaign=campaign[1], priority=campaign[0]))
        last = self.past.last_week.get(person.id, {}).get(topic.id)
        if last is None:
            reasons.append(say("fresh_never", lang, name=person.name))
        else:
            reasons.append(
                say("fresh_since", lang, name=person.name, week=last, weeks=self.freshness)
            )
        area = min(areas, key=lambda a: self.area_use[person.id][a])
        reasons.append(
            say(
                "balance",
                lang,
                name=person.name,
                area=self.area_names[area],
                count=self.area_use[person.id][area],
            )
        )
        uses = self.index.uses[topic.id]
        if uses:
            reasons.append(say("rotation", lang, count=uses))
        if topic.kind:
            reasons.append(say("kind_fixed", lang, kind=kind_label(kind, lang)))
        else:
            reasons.append(
                say("kind", lang, kind=kind_label(kind, lang), level=level_word(level, lang))
            )
        if self.spacing.shared(topic.id, slot.start.date()):
            reasons.append(
                say("colleague_angle", lang, kind=kind_label(kind, lang), variant=variant + 1)
            )
        return reasons

    def _commit(self, slot: Slot, topic: Topic, person: Person, kind: str, variant: int) -> None:
        day = slot.start.date()
        self.used_this_week[person.id].add(topic.id)
        self.platforms_of[(person.id, topic.id)].add(slot.platform)
        self.index.use(topic.id)
        for area in self._areas(topic, person):
            self.area_use[person.id][area] += 1
        self.kinds_on_day[(topic.id, day)].add((kind, variant))
        self.spacing.record(topic.id, day, slot.start)

    def _assignment(
        self, slot: Slot, topic: Topic, person: Person, kind: str, variant: int, reasons: list[str]
    ) -> Assignment:
        campaign = self._campaign(topic, slot.start.date())
        self._commit(slot, topic, person, kind, variant)
        # Built from values of a validated kit and a validated slot: no need to validate again.
        return prevalidated(
            Assignment,
            {
                "slot": slot,
                "topic_id": topic.id,
                "topic_title": topic.title,
                "kind": kind,
                "variant": variant,
                "language": draft_language(topic, person),
                "campaign_id": campaign[1] if campaign else None,
                "reasons": reasons,
            },
        )

    def kept_for(self, slot: Slot) -> KeptDraft | None:
        if not self.past.kept:
            return None  # the usual case, and a slot's id is not free to build
        kept = self.past.kept.get(slot.id)
        if kept is not None:
            return kept
        # A draft moved for colleague spacing keeps the id of its moved time: find it by
        # person, platform and day.
        prefix = slot.id[: -len("HHMM")]
        matches = [k for draft_id, k in self.past.kept.items() if draft_id.startswith(prefix)]
        return matches[0] if len(matches) == 1 else None

    def keep(self, slot: Slot, person: Person) -> Assignment | None:
        """The assignment a kept draft already has, if its topic still fits the person."""
        kept = self.kept_for(slot)
        topic = self.topics.get(kept.topic_id) if kept else None
        if kept is None or topic is None or not self._areas(topic, person):
            return None
        if kept.start is not None and kept.start != slot.start:
            slot = slot.model_copy(update={"start": kept.start.astimezone(slot.start.tzinfo)})
        reason = say("kept", self.language, status=status_word(kept.status, self.language))
        return self._assignment(slot, topic, person, kept.kind, kept.variant, [reason])

    def _find(self, slot: Slot, person: Person, fresh_only: bool) -> tuple[Topic, Slot] | None:
        """Campaign topics running that day first, then the person's least-used areas."""
        day = slot.start.date()
        instant = slot.start.astimezone(_UTC)
        stale = self._stale(person) if fresh_only else set()
        used = self.used_this_week[person.id] if fresh_only else set()
        placed: dict[str, Slot] = {}

        def fits(topic: Topic) -> bool:
            if topic.id in used or topic.id in stale or not valid_on(topic, day):
                return False
            moved = self.spacing.place(slot, topic.id, person, day, instant)
            if moved is None:
                return False
            placed[topic.id] = moved
            return True

        running = []
        campaign_topics = {
            t.id: t for area in sorted(person.expertise) for t in self.campaign_topics.get(area, [])
        }
        for topic in campaign_topics.values():
            campaign = self._campaign(topic, day)
            if campaign is None or not self._areas(topic, person):
                continue  # campaign topics are never used outside their window
            if topic.languages and not set(topic.languages) & set(person.languages):
                continue
            if fits(topic):
                running.append((-campaign[0], self.index.rank(topic), topic))
        if running:
            topic = min(running, key=lambda item: item[:2])[2]
            return topic, placed[topic.id]
        tiers: dict[int, list[str]] = defaultdict(list)
        for area in sorted(person.expertise):
            tiers[self.area_use[person.id][area]].append(area)
        for use in sorted(tiers):
            best = [self.index.best(area, person.languages, fits) for area in tiers[use]]
            found = [candidate for candidate in best if candidate is not None]
            if found:
                choice = min(found, key=self.index.rank)
                return choice, placed[choice.id]
        return None

    def _cross_post(self, slot: Slot, person: Person) -> Assignment | None:
        """Last resort, when ``settings.share_across_platforms`` is on: this week's topic of the
        person, shared on a platform it is not on yet (only when no fresh topic fits the slot).
        """
        day = slot.start.date()
        options = sorted(
            (self.topics[topic_id] for topic_id in self.used_this_week[person.id]),
            key=lambda topic: self.order[topic.id],
        )
        for topic in options:
            if slot.platform in self.platforms_of[(person.id, topic.id)]:
                continue
            if not valid_on(topic, day) or (
                topic.id in self.campaigns_of and self._campaign(topic, day) is None
            ):
                continue
            placed = self.spacing.place(slot, topic.id, person)
            if placed is None:
                continue
            kind, variant = self._kind(topic, person, placed)
            reasons = self._reasons(topic, person, placed, kind, variant)
            reasons.insert(1, say("cross_post", self.language, platform=slot.platform))
            return self._assignment(placed, topic, person, kind, variant, reasons)
        return None

    def choose(self, slot: Slot, person: Person) -> Assignment | SkippedSlot:
        """The best fitting topic for the slot, or the slot left empty with the reason."""
        found = self._find(slot, person, fresh_only=True)
        if found is not None:
            topic, placed = found
            kind, variant = self._kind(topic, person, placed)
            reasons = self._reasons(topic, person, placed, kind, variant)
            return self._assignment(placed, topic, person, kind, variant, reasons)
        # Sharing one topic on two platforms in a week repeats it for the person's followers on
        # both; only kits that ask for it get it.
        shared = (
            self._cross_post(slot, person) if self.kit.settings.share_across_platforms else None
        )
        if shared is not None:
            return shared
        if self._find(slot, person, fresh_only=False) is not None:
            why = say("no_fresh_topic", self.language, name=person.name, weeks=self.freshness)
        else:
            why = say("no_topic", self.language, name=person.name)
        return SkippedSlot(slot=slot, code="no_topic", reason=why)


def plan_slots(
    kit: Kit, week: IsoWeek, slots: list[Slot], past: PastUse | None = None
) -> tuple[list[Assignment], list[SkippedSlot]]:
    """Give each slot a topic; a slot without a fitting topic is left empty and reported.

    ``past`` carries what the history knows (earlier uses, drafts kept as they are); without
    it the week is planned as if nothing had been posted before.
    """
    planner = _Planner(kit, week, past or PastUse())
    people = {person.id: person for person in kit.people}
    assignments: list[Assignment] = []
    empty: list[SkippedSlot] = []
    # Kept drafts first, so new choices see their topics, kinds and times.
    ordered = sorted(slots, key=lambda s: planner.kept_for(s) is None)
    for slot in ordered:
        person = people[slot.person_id]
        result = planner.keep(slot, person) or planner.choose(slot, person)
        if isinstance(result, SkippedSlot):
            empty.append(result)
        else:
            assignments.append(result)
    assignments.sort(
        key=lambda a: (a.slot.start.astimezone(_UTC), a.slot.person_id, a.slot.platform)
    )
    return assignments, empty
