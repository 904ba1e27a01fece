"""Slots → assignments: a topic from the person's own expertise for each slot, with reasons.

Deterministic by construction: every choice is a sort by score, then by a stable hash of
(person, topic, week), never by dict order or Python's randomised ``hash``.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from .calendar import Assignment, SkippedSlot, Slot
from .models import Kit, Level, Person, Topic
from .weeks import IsoWeek

__all__ = ["KINDS_BY_LEVEL", "plan_slots"]

KINDS_BY_LEVEL: dict[Level, tuple[str, ...]] = {
    # Learners ask and share what they learned; experts explain, compare and bust myths.
    "learning": ("question", "lesson_learned"),
    "practitioner": ("tip", "lesson_learned", "behind_the_scenes"),
    "expert": ("tip", "opinion", "myth_vs_fact"),
}


def _stable(*parts: object) -> int:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _topic_fits(topic: Topic, person: Person, week: IsoWeek) -> bool:
    if not set(topic.areas) & set(person.expertise):
        return False
    if topic.languages and not set(topic.languages) & set(person.languages):
        return False
    if topic.valid_from and topic.valid_from > week.sunday:
        return False
    return not (topic.valid_until and topic.valid_until < week.monday)


def _language(topic: Topic, person: Person) -> str:
    if not topic.languages or person.language in topic.languages:
        return person.language
    return next(lang for lang in person.languages if lang in topic.languages)


class _Planner:
    def __init__(self, kit: Kit, week: IsoWeek) -> None:
        self.kit = kit
        self.week = week
        self.topics_by_area: dict[str, list[Topic]] = defaultdict(list)
        for topic in kit.topics:
            for area in topic.areas:
                self.topics_by_area[area].append(topic)
        self.campaign_of: dict[str, tuple[str, int]] = {}
        for campaign in kit.campaigns:
            if campaign.starts <= week.sunday and campaign.ends >= week.monday:
                for topic_id in campaign.topics:
                    best = self.campaign_of.get(topic_id)
                    if best is None or campaign.priority > best[1]:
                        self.campaign_of[topic_id] = (campaign.id, campaign.priority)
        self.outside_campaign = {
            topic_id for campaign in kit.campaigns for topic_id in campaign.topics
        } - set(self.campaign_of)
        self.used_by_person: dict[str, Counter[str]] = defaultdict(Counter)
        self.used_overall: Counter[str] = Counter()
        self.area_use: dict[str, Counter[str]] = defaultdict(Counter)
        self.kinds_on_day: dict[tuple[str, object], set[tuple[str, int]]] = defaultdict(set)

    def candidates(self, person: Person) -> list[Topic]:
        seen: dict[str, Topic] = {}
        for area in sorted(person.expertise):
            for topic in self.topics_by_area.get(area, []):
                if topic.id in self.outside_campaign:
                    continue
                if _topic_fits(topic, person, self.week):
                    seen.setdefault(topic.id, topic)
        return list(seen.values())

    def choose(self, slot: Slot, person: Person) -> Assignment | None:
        options = self.candidates(person)
        if not options:
            return None

        def score(topic: Topic) -> tuple[int, ...]:
            campaign = self.campaign_of.get(topic.id)
            area = min(topic.areas, key=lambda a: self.area_use[person.id][a])
            return (
                self.used_by_person[person.id][topic.id],  # no repeat inside the week
                -(campaign[1] if campaign else 0),  # campaigns first inside their window
                self.area_use[person.id][area],  # balance across the person's areas
                self.used_overall[topic.id],  # rotate topics fairly across people
                _stable(person.id, topic.id, self.week),
            )

        topic = min(options, key=score)
        reasons = [self._area_reason(topic, person)]
        campaign = self.campaign_of.get(topic.id)
        if campaign:
            reasons.append(f"campaign {campaign[0]!r} runs this week (priority {campaign[1]})")
        if self.used_by_person[person.id][topic.id]:
            reasons.append("every fitting topic is already used this week, so one repeats")
        else:
            reasons.append("not yet used by this person this week")
        kind, variant = self._kind(topic, person, slot)
        reasons.append(f"post kind {kind!r} fits level {self._level(topic, person)!r}")
        self.used_by_person[person.id][topic.id] += 1
        self.used_overall[topic.id] += 1
        for area in topic.areas:
            self.area_use[person.id][area] += 1
        return Assignment(
            slot=slot,
            topic_id=topic.id,
            topic_title=topic.title,
            kind=kind,
            variant=variant,
            language=_language(topic, person),
            campaign_id=campaign[0] if campaign else None,
            reasons=reasons,
        )

    def _level(self, topic: Topic, person: Person) -> Level:
        order = {"learning": 0, "practitioner": 1, "expert": 2}
        levels = [person.expertise[a] for a in topic.areas if a in person.expertise]
        return max(levels, key=lambda level: order[level])

    def _area_reason(self, topic: Topic, person: Person) -> str:
        areas = [a for a in topic.areas if a in person.expertise]
        return f"matches {person.name}'s expertise in {', '.join(areas)}"

    def _kind(self, topic: Topic, person: Person, slot: Slot) -> tuple[str, int]:
        day_key = (topic.id, slot.start.date())
        taken = self.kinds_on_day[day_key]
        kinds = (topic.kind,) if topic.kind else KINDS_BY_LEVEL[self._level(topic, person)]
        start = _stable(person.id, topic.id, slot.start.date()) % len(kinds)
        ordered = kinds[start:] + kinds[:start]
        for variant in range(8):
            for kind in ordered:
                if (kind, variant) not in taken:
                    taken.add((kind, variant))
                    return kind, variant
        return ordered[0], 0


def plan_slots(
    kit: Kit, week: IsoWeek, slots: list[Slot]
) -> tuple[list[Assignment], list[SkippedSlot]]:
    """Give each slot a topic; a slot without a fitting topic is left empty and reported."""
    planner = _Planner(kit, week)
    people = {person.id: person for person in kit.people}
    assignments: list[Assignment] = []
    empty: list[SkippedSlot] = []
    for slot in slots:
        person = people[slot.person_id]
        assignment = planner.choose(slot, person)
        if assignment is None:
            empty.append(
                SkippedSlot(
                    slot=slot,
                    code="no_topic",
                    reason=f"no topic this week fits {person.name}'s expertise and languages",
                )
            )
        else:
            assignments.append(assignment)
    return assignments, empty
