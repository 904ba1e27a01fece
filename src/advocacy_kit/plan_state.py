"""What a week's plan knows while it is made: topics, campaigns, uses so far, and the reasons.

:mod:`advocacy_kit.planner` decides which topic each slot gets; this module keeps the record
those decisions read and add to (the topic index, who had which topic, areas used, post kinds
and times taken per topic and day) and words each assignment's reasons. Everything a large week
asks again and again (a person's areas, campaign windows per day, reason phrases) is worked out
once and remembered, since none of it changes while the week is planned.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable
from hashlib import sha256

from .calendar import Assignment, Slot
from .models import Kit, Level, Person
from .past_use import PastUse, weeks_between
from .plan_views import AreaTiers, PersonView, Profile
from .plan_words import ReasonWords
from .prevalidated import builder, shared_fields_set
from .reasons import say
from .spacing import ColleagueSpacing
from .topic_fit import TopicFacts, TopicFields, draft_language, valid_in, valid_on
from .topic_index import TopicIndex
from .weeks import IsoWeek

__all__ = ["KINDS_BY_LEVEL", "PlanState", "stable_hash"]

KINDS_BY_LEVEL: dict[Level, tuple[str, ...]] = {
    # Learners ask and share what they learned; experts explain, compare and bust myths.
    "learning": ("question", "lesson_learned"),
    "practitioner": ("tip", "lesson_learned", "behind_the_scenes"),
    "expert": ("tip", "opinion", "myth_vs_fact"),
}
_LEVEL_ORDER = {"learning": 0, "practitioner": 1, "expert": 2}
_UTC = dt.UTC
_NO_HISTORY: dict[str, str] = {}
# An assignment built from a new dict naming every field in order, as prevalidated() builds it
# (Assignment is frozen: its instances share one fields set naming every field).
_new_assignment = builder(Assignment)
_EVERY_FIELD = shared_fields_set(Assignment, Assignment.model_fields)


def stable_hash(*parts: object) -> int:
    """A number from ``parts`` that is the same in every run (unlike Python's ``hash``)."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")


class PlanState:
    """The record of one week's plan: what is known up front and what is planned so far."""

    def __init__(self, kit: Kit, week: IsoWeek, past: PastUse) -> None:
        self.kit = kit
        self.week = week
        self.past = past
        self.language = kit.organization.language
        self.freshness = kit.settings.freshness_weeks
        self.share = kit.settings.share_across_platforms
        self.spacing = ColleagueSpacing(kit.settings.colleague_spacing_minutes, self.language)
        self.spaced = bool(self.spacing.spacing)
        self.topics = {topic.id: topic for topic in kit.topics}
        self.words = ReasonWords(self.language, {area.id: area.name for area in kit.areas})
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
        # Topics as plain attributes (topic_fit.TopicFacts), read on every slot.
        facts = [TopicFacts(topic) for topic in kit.topics]
        self.campaign_topics: dict[str, list[TopicFacts]] = defaultdict(list)
        for topic in facts:
            running = any(
                starts <= sunday and monday <= ends
                for _, _, starts, ends in self.campaigns_of.get(topic.id, ())
            )
            if running:
                for area in topic.areas:
                    self.campaign_topics[area].append(topic)
        self.order = {t.id: stable_hash(t.id, week) for t in kit.topics}
        self.index = TopicIndex(
            (t for t in facts if t.id not in self.campaigns_of and valid_in(t, monday, sunday)),
            self.order,
            past.kit_counts,
            week.days(),
            valid_on,
        )
        self.people: dict[str, PersonView] = {}
        # A day as stable_hash joins it (str(day)), worked out once per day.
        self.day_text: dict[dt.date, str] = {}
        # Per (areas, languages): what everyone with them shares.
        self.profiles: dict[tuple[tuple[str, ...], tuple[str, ...]], Profile] = {}
        self.campaign_on: dict[tuple[str, dt.date], tuple[int, str] | None] = {}
        self.used_this_week: dict[str, set[str]] = defaultdict(set)
        self.platforms_of: dict[tuple[str, str], set[str]] = defaultdict(set)
        # Posts per area so far this week, per person (every area of theirs from 0 on).
        self.area_use: dict[str, dict[str, int]] = defaultdict(dict)
        # The areas grouped by count, per counts of a person's areas.
        self.tiers = AreaTiers()
        self.kinds_on_day: dict[tuple[str, dt.date], set[tuple[str, int]]] = {}
        # Every assignment with its sort key (UTC start, person, platform, running number).
        self.planned: list[tuple[dt.datetime, str, str, int, Assignment]] = []
        # Told of each assignment as it is made (drafting may start before planning ends).
        self.on_planned: Callable[[Assignment], None] | None = None

    def campaign(self, topic_id: str, day: dt.date) -> tuple[int, str] | None:
        """The highest-priority campaign of the topic running on ``day`` (remembered per day)."""
        if topic_id not in self.campaigns_of:
            return None  # most topics belong to no campaign
        key = (topic_id, day)
        if key in self.campaign_on:
            return self.campaign_on[key]
        running = [
            (p, c) for p, c, starts, ends in self.campaigns_of[topic_id] if starts <= day <= ends
        ]
        found = self.campaign_on[key] = max(running) if running else None
        return found

    def view(self, person: Person) -> PersonView:
        """The person's :class:`PersonView` (made on first use)."""
        found = self.people.get(person.id)
        if found is None:
            room = self.spacing.room_of(person) if self.spacing.spacing else 0.0
            found = PersonView(person, self._profile(person), self._stale(person), room)
            # The same objects as the week's record, so either way of looking sees every use.
            found.used = self.used_this_week[person.id]
            found.area_use = self.area_use[person.id]
            expertise = person.expertise
            fits = found.fits
            name = person.name
            for area in found.areas:
                found.area_use.setdefault(area, 0)
                # fit_of() for a topic of this one area, as fit() gives it: worked out with the
                # view, since nearly everyone gets a topic of each of their areas.
                level = expertise[area]
                mine = (area,)
                fits[area] = (mine, level, self.words.expertise(name, mine, level))
            found.last = self.past.last_week.get(person.id, _NO_HISTORY)
            found.fresh_never = self.words.fresh_never(person.name)
            self.people[person.id] = found
        return found

    def _profile(self, person: Person) -> Profile:
        """The :class:`Profile` of everyone with the person's areas and languages."""
        areas = sorted(person.expertise)
        languages = tuple(person.languages)
        key = (tuple(areas), languages)
        found = self.profiles.get(key)
        if found is None:
            topics = {t.id: t for area in areas for t in self.campaign_topics.get(area, [])}
            wanted = set(languages)
            suiting = [t for t in topics.values() if not t.languages or wanted & set(t.languages)]
            found = self.profiles[key] = Profile(areas, languages, suiting, self.index)
        return found

    def _stale(self, person: Person) -> set[str]:
        """Topics the history rules out for the person this week."""
        blocked = set()
        for topic_id, last in self.past.last_week.get(person.id, {}).items():
            topic = self.topics.get(topic_id)
            if topic is None:
                continue
            if not topic.evergreen or weeks_between(last, self.week) < self.freshness:
                blocked.add(topic_id)
        return blocked

    @staticmethod
    def fit(topic: TopicFields, person: Person) -> tuple[tuple[str, ...], Level]:
        """The topic's areas that are the person's, and the person's highest level in them."""
        expertise = person.expertise
        if len(topic.areas) == 1 and topic.areas[0] in expertise:  # the usual case
            return (topic.areas[0],), expertise[topic.areas[0]]
        areas = tuple(area for area in topic.areas if area in expertise)
        level = max((expertise[a] for a in areas), key=_LEVEL_ORDER.__getitem__)
        return areas, level

    def fit_of(self, view: PersonView, topic: TopicFields) -> tuple[tuple[str, ...], Level, str]:
        """:meth:`fit` and the expertise reason, remembered per person and topic areas.

        Both depend only on the topic's areas and the person, so topics with the same areas
        share them.
        """
        areas = topic.areas
        key: object = areas[0] if len(areas) == 1 else tuple(areas)
        found = view.fits.get(key)
        if found is None:
            person = view.person
            mine, level = self.fit(topic, person)
            found = view.fits[key] = (
                mine,
                level,
                self.words.expertise(person.name, mine, level),
            )
        return found

    def kind(
        self, topic: TopicFields, person: Person, day: dt.date, level: Level
    ) -> tuple[str, int]:
        """The post kind and variant: the level's kinds in a stable turn, one colleagues lack."""
        return self.kind_among(topic, person.id, day, level, self.kinds_on_day.get((topic.id, day)))

    def kind_among(
        self,
        topic: TopicFields,
        person_id: str,
        day: dt.date,
        level: Level,
        taken: set[tuple[str, int]] | None,
    ) -> tuple[str, int]:
        """:meth:`kind`, given the kinds and variants colleagues took (``kinds_on_day``)."""
        kinds = (topic.kind,) if topic.kind else KINDS_BY_LEVEL[level]
        # With one kind the hash picks it anyway (any number % 1 is 0).
        if len(kinds) > 1:
            # stable_hash(person.id, topic.id, day), written out: a day is joined as str(day).
            text = self.day_text.get(day)
            if text is None:
                text = self.day_text[day] = str(day)
            key = f"{person_id}\x1f{topic.id}\x1f{text}".encode()
            start = int.from_bytes(sha256(key).digest()[:8], "big") % len(kinds)
        else:
            start = 0
        if not taken:
            return kinds[start], 0
        ordered = kinds[start:] + kinds[:start]
        for variant in range(8):
            for kind in ordered:
                if (kind, variant) not in taken:
                    return kind, variant
        return ordered[0], 0

    def reasons(
        self,
        topic: TopicFields,
        person: Person,
        day: dt.date,
        fit: tuple[tuple[str, ...], Level],
        kind: str,
        variant: int,
    ) -> list[str]:
        """Why the slot gets this topic, kind and variant, in the kit's language."""
        view = self.view(person)
        areas, level = fit
        full = (areas, level, self.words.expertise(person.name, areas, level))
        campaign = self.campaign(topic.id, day)
        shared = bool(self.kinds_on_day.get((topic.id, day)))
        return self.worded(view, topic, day, full, campaign, (kind, variant), shared)

    def worded(
        self,
        view: PersonView,
        topic: TopicFields,
        day: dt.date,
        fit: tuple[tuple[str, ...], Level, str],
        campaign: tuple[int, str] | None,
        kind_variant: tuple[str, int],
        shared: bool,
    ) -> list[str]:
        """:meth:`reasons`, given the person's view, :meth:`fit_of`, the day's campaign and
        whether colleagues have the topic that day.
        """
        kind, variant = kind_variant
        words = self.words
        areas, level, expertise = fit
        reasons = [expertise]
        if campaign:
            reasons.append(words.campaign(campaign[1], campaign[0]))
        topic_id = topic.id
        last = view.last.get(topic_id)
        if last is None:
            reasons.append(view.fresh_never)
        else:
            reasons.append(
                say(
                    "fresh_since",
                    self.language,
                    name=view.person.name,
                    week=last,
                    weeks=self.freshness,
                )
            )
        use = view.area_use
        area = areas[0] if len(areas) == 1 else min(areas, key=lambda a: use.get(a, 0))
        around = words.balances.get(area)
        if around is None:
            around = words.balance(area)
        # As say("balance", …): the words around the name and the count, the count as format()
        # writes an int.
        reasons.append(f"{around[0]}{view.name}{around[1]}{use.get(area, 0)}{around[2]}")
        # Each phrase as its ReasonWords method gives it, read directly once it is worded.
        uses = self.index.uses[topic_id]
        if uses:
            text = words.rotations.get(uses)
            reasons.append(words.rotation(uses) if text is None else text)
        fixed = bool(topic.kind)
        text = words.kinds.get((kind, level, fixed))
        reasons.append(words.kind(kind, level, fixed) if text is None else text)
        if shared:
            text = words.angles.get((kind, variant))
            reasons.append(words.colleague_angle(kind, variant) if text is None else text)
        return reasons

    def assignment(
        self,
        slot: Slot,
        topic: TopicFields,
        person: Person,
        kind: str,
        variant: int,
        reasons: list[str],
        instant: dt.datetime | None = None,
    ) -> Assignment:
        """The assignment, counted as planned. ``instant``: the slot's start in UTC, if known."""
        if instant is None:
            instant = slot.start.astimezone(_UTC)
        day = slot.start.date()
        expertise = person.expertise
        mine = tuple(area for area in topic.areas if area in expertise)
        return self.record(
            slot,
            topic,
            person,
            kind,
            variant,
            reasons,
            (instant, day),
            self.view(person),
            mine,
            self.campaign(topic.id, day),
            self.kinds_on_day.get((topic.id, day)),
        )

    def record(
        self,
        slot: Slot,
        topic: TopicFields,
        person: Person,
        kind: str,
        variant: int,
        reasons: list[str],
        when: tuple[dt.datetime, dt.date],
        view: PersonView,
        areas: tuple[str, ...],
        campaign: tuple[int, str] | None,
        taken: set[tuple[str, int]] | None,
    ) -> Assignment:
        """:meth:`assignment` with the slot's UTC start and day, and the person's areas of
        the topic (as :meth:`fit` gives them) worked out already.
        """
        instant, day = when
        topic_id = topic.id
        # The record: the person has the topic, the kit one more use of it, the person's areas
        # one more post, and the topic's day a kind, variant and time taken.
        view.used.add(topic_id)
        if self.share:  # only sharing across platforms asks which platforms a topic is on
            self.platforms_of[(person.id, topic_id)].add(slot.platform)
        self.index.use(topic_id)
        use = view.area_use
        for area in areas:
            use[area] = use.get(area, 0) + 1
        if taken is None:
            self.kinds_on_day[(topic_id, day)] = {(kind, variant)}
        else:
            taken.add((kind, variant))
        self.spacing.record(topic_id, day, slot.start, instant)
        # Built from values of a validated kit and a validated slot: no need to validate again.
        assignment = _new_assignment(
            {
                "slot": slot,
                "topic_id": topic_id,
                "topic_title": topic.title,
                "kind": kind,
                "variant": variant,
                "language": (
                    view.language  # as draft_language: the person's first, if the topic suits it
                    if not topic.languages or view.language in topic.languages
                    else draft_language(topic, person)
                ),
                "campaign_id": campaign[1] if campaign else None,
                "reasons": reasons,
            },
            _EVERY_FIELD,
        )
        self.planned.append((instant, slot.person_id, slot.platform, len(self.planned), assignment))
        if self.on_planned is not None:
            self.on_planned(assignment)
        return assignment
