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
from collections import defaultdict

from .calendar import Assignment, SkippedSlot, Slot
from .models import Kit, Level, Person, Topic
from .past_use import KeptDraft, PastUse, weeks_between
from .plan_words import ReasonWords
from .prevalidated import prevalidated
from .reasons import say, status_word
from .spacing import ColleagueSpacing
from .topic_fit import draft_language, valid_in, valid_on
from .topic_index import TopicIndex
from .weeks import IsoWeek

__all__ = ["KINDS_BY_LEVEL", "KeptDraft", "PastUse", "plan_slots"]

KINDS_BY_LEVEL: dict[Level, tuple[str, ...]] = {
    # Learners ask and share what they learned; experts explain, compare and bust myths.
    "learning": ("question", "lesson_learned"),
    "practitioner": ("tip", "lesson_learned", "behind_the_scenes"),
    "expert": ("tip", "opinion", "myth_vs_fact"),
}
_LEVEL_ORDER = {"learning": 0, "practitioner": 1, "expert": 2}
_UTC = dt.UTC
_NOTHING: frozenset[str] = frozenset()


def _stable(*parts: object) -> int:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")


class _Person:
    """What the planner looks up for a person on every slot, worked out once for the week."""

    __slots__ = ("areas", "campaign_topics", "languages", "stale")

    def __init__(self, person: Person, campaign_topics: list[Topic], stale: set[str]) -> None:
        self.areas = sorted(person.expertise)
        self.languages = tuple(person.languages)
        # Campaign topics of the person's areas that suit one of their languages, in the order
        # they are tried (areas by name, then each area's campaign topics).
        self.campaign_topics = campaign_topics
        self.stale = stale


class _Planner:
    def __init__(self, kit: Kit, week: IsoWeek, past: PastUse) -> None:
        self.kit = kit
        self.week = week
        self.past = past
        self.language = kit.organization.language
        self.freshness = kit.settings.freshness_weeks
        self.share = kit.settings.share_across_platforms
        self.spacing = ColleagueSpacing(kit.settings.colleague_spacing_minutes, self.language)
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
            week.days(),
            valid_on,
        )
        self.people: dict[str, _Person] = {}
        self.campaign_on: dict[tuple[str, dt.date], tuple[int, str] | None] = {}
        self.used_this_week: dict[str, set[str]] = defaultdict(set)
        self.platforms_of: dict[tuple[str, str], set[str]] = defaultdict(set)
        # Posts per area so far this week, per person (a count read before any post is 0).
        self.area_use: dict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.kinds_on_day: dict[tuple[str, dt.date], set[tuple[str, int]]] = {}
        # Every assignment with its sort key (UTC start, person, platform, running number).
        self.planned: list[tuple[dt.datetime, str, str, int, Assignment]] = []

    def _campaign(self, topic_id: str, day: dt.date) -> tuple[int, str] | None:
        """The highest-priority campaign of the topic running on ``day`` (remembered per day)."""
        key = (topic_id, day)
        if key in self.campaign_on:
            return self.campaign_on[key]
        running = [
            (p, c)
            for p, c, starts, ends in self.campaigns_of.get(topic_id, ())
            if starts <= day <= ends
        ]
        found = self.campaign_on[key] = max(running) if running else None
        return found

    def _person(self, person: Person) -> _Person:
        found = self.people.get(person.id)
        if found is None:
            languages = set(person.languages)
            topics = {
                t.id: t
                for area in sorted(person.expertise)
                for t in self.campaign_topics.get(area, [])
            }
            suiting = [
                t for t in topics.values() if not t.languages or set(t.languages) & languages
            ]
            found = self.people[person.id] = _Person(person, suiting, self._stale(person))
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
    def _fit(topic: Topic, person: Person) -> tuple[tuple[str, ...], Level]:
        """The topic's areas that are the person's, and the person's highest level in them."""
        expertise = person.expertise
        areas = tuple(area for area in topic.areas if area in expertise)
        level = max((expertise[a] for a in areas), key=_LEVEL_ORDER.__getitem__)
        return areas, level

    def _kind(self, topic: Topic, person: Person, day: dt.date, level: Level) -> tuple[str, int]:
        kinds = (topic.kind,) if topic.kind else KINDS_BY_LEVEL[level]
        # With one kind the hash picks it anyway (any number % 1 is 0).
        start = _stable(person.id, topic.id, day) % len(kinds) if len(kinds) > 1 else 0
        ordered = kinds[start:] + kinds[:start]
        taken = self.kinds_on_day.get((topic.id, day))
        if not taken:
            return ordered[0], 0
        for variant in range(8):
            for kind in ordered:
                if (kind, variant) not in taken:
                    return kind, variant
        return ordered[0], 0

    def _reasons(
        self,
        topic: Topic,
        person: Person,
        day: dt.date,
        fit: tuple[tuple[str, ...], Level],
        kind: str,
        variant: int,
    ) -> list[str]:
        words = self.words
        areas, level = fit
        reasons = [words.expertise(person.name, areas, level)]
        campaign = self._campaign(topic.id, day)
        if campaign:
            reasons.append(words.campaign(campaign[1], campaign[0]))
        last = self.past.last_week.get(person.id, {}).get(topic.id)
        if last is None:
            reasons.append(words.fresh_never(person.name))
        else:
            reasons.append(
                say("fresh_since", self.language, name=person.name, week=last, weeks=self.freshness)
            )
        use = self.area_use[person.id]
        area = min(areas, key=use.__getitem__)
        reasons.append(
            say(
                "balance",
                self.language,
                name=person.name,
                area=words.area_names[area],
                count=use[area],
            )
        )
        uses = self.index.uses[topic.id]
        if uses:
            reasons.append(words.rotation(uses))
        reasons.append(words.kind(kind, level, bool(topic.kind)))
        if self.spacing.shared(topic.id, day):
            reasons.append(words.colleague_angle(kind, variant))
        return reasons

    def _commit(
        self,
        slot: Slot,
        instant: dt.datetime,
        topic: Topic,
        person: Person,
        areas: tuple[str, ...],
        taken: tuple[str, int],
    ) -> None:
        day = slot.start.date()
        self.used_this_week[person.id].add(topic.id)
        if self.share:  # only sharing across platforms asks which platforms a topic is on
            self.platforms_of[(person.id, topic.id)].add(slot.platform)
        self.index.use(topic.id)
        use = self.area_use[person.id]
        for area in areas:
            use[area] += 1
        kinds = self.kinds_on_day.get((topic.id, day))
        if kinds is None:
            self.kinds_on_day[(topic.id, day)] = {taken}
        else:
            kinds.add(taken)
        self.spacing.record(topic.id, day, slot.start, instant)

    def _assignment(
        self,
        slot: Slot,
        topic: Topic,
        person: Person,
        kind: str,
        variant: int,
        reasons: list[str],
        instant: dt.datetime | None = None,
    ) -> Assignment:
        """The assignment, counted as planned. ``instant``: the slot's start in UTC, if known."""
        if instant is None:
            instant = slot.start.astimezone(_UTC)
        campaign = self._campaign(topic.id, slot.start.date())
        areas = tuple(area for area in topic.areas if area in person.expertise)
        self._commit(slot, instant, topic, person, areas, (kind, variant))
        # Built from values of a validated kit and a validated slot: no need to validate again.
        assignment = prevalidated(
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
        self.planned.append((instant, slot.person_id, slot.platform, len(self.planned), assignment))
        return assignment

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
        if kept is None or topic is None or not any(a in person.expertise for a in topic.areas):
            return None
        if kept.start is not None and kept.start != slot.start:
            slot = slot.model_copy(update={"start": kept.start.astimezone(slot.start.tzinfo)})
        reason = say("kept", self.language, status=status_word(kept.status, self.language))
        return self._assignment(slot, topic, person, kept.kind, kept.variant, [reason])

    def _find(
        self, slot: Slot, person: Person, fresh_only: bool, instant: dt.datetime
    ) -> tuple[Topic, Slot] | None:
        """Campaign topics running that day first, then the person's least-used areas.

        ``instant`` is the slot's start in UTC.
        """
        day = slot.start.date()
        view = self._person(person)
        stale = view.stale if fresh_only else _NOTHING
        used = self.used_this_week[person.id] if fresh_only else _NOTHING
        times = self.spacing.times_on_day
        clear = self.spacing.clear
        spaced = bool(self.spacing.spacing)
        placed: dict[str, Slot] = {}
        refused: set[str] = set()

        def fits(topic: Topic) -> bool:
            # Nothing changes while one slot is looked at, so a topic met again (in a second
            # area or language) gets the answer it got the first time.
            topic_id = topic.id
            if topic_id in used or topic_id in stale:
                return False
            if topic.valid_from is not None and day < topic.valid_from:
                return False  # as topic_fit.valid_on: before the topic's first day
            if topic.valid_until is not None and day > topic.valid_until:
                return False  # … or after its last
            if topic_id in placed:
                return True
            if topic_id in refused:
                return False
            # As ColleagueSpacing.place, with the slot's UTC time worked out once.
            others = times.get((topic_id, day))
            if not others or not spaced or clear(others, instant):
                placed[topic_id] = slot
                return True
            moved = self.spacing.move(slot, others, person)
            if moved is None:
                refused.add(topic_id)
                return False
            placed[topic_id] = moved
            return True

        running = []
        for topic in view.campaign_topics:
            # Every one is in one of the person's areas and suits one of their languages.
            campaign = self._campaign(topic.id, day)
            if campaign is None:
                continue  # campaign topics are never used outside their window
            if fits(topic):
                running.append((-campaign[0], self.index.rank(topic), topic))
        if running:
            topic = min(running, key=lambda item: item[:2])[2]
            return topic, placed[topic.id]
        use = self.area_use[person.id]
        if len(view.areas) == 1:
            tiers = {0: view.areas}  # one area is a tier of its own, whatever its count
        else:
            tiers = defaultdict(list)
            for area in view.areas:
                tiers[use[area]].append(area)
        for count in sorted(tiers):
            # The lowest-ranked topic over the tier's areas; on a tie the first area's, as
            # min() over them gives.
            choice = None
            for area in tiers[count]:
                lower = self.index.best(area, view.languages, fits, day, choice)
                if lower is not None:
                    choice = lower
            if choice is not None:
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
                topic.id in self.campaigns_of and self._campaign(topic.id, day) is None
            ):
                continue
            placed = self.spacing.place(slot, topic.id, person)
            if placed is None:
                continue
            fit = self._fit(topic, person)
            placed_day = placed.start.date()
            kind, variant = self._kind(topic, person, placed_day, fit[1])
            reasons = self._reasons(topic, person, placed_day, fit, kind, variant)
            reasons.insert(1, say("cross_post", self.language, platform=slot.platform))
            return self._assignment(placed, topic, person, kind, variant, reasons)
        return None

    def choose(self, slot: Slot, person: Person) -> Assignment | SkippedSlot:
        """The best fitting topic for the slot, or the slot left empty with the reason."""
        instant = slot.start.astimezone(_UTC)
        found = self._find(slot, person, True, instant)
        if found is not None:
            topic, placed = found
            fit = self._fit(topic, person)
            day = placed.start.date()
            kind, variant = self._kind(topic, person, day, fit[1])
            reasons = self._reasons(topic, person, day, fit, kind, variant)
            if placed is not slot:
                instant = placed.start.astimezone(_UTC)  # moved for colleague spacing
            return self._assignment(placed, topic, person, kind, variant, reasons, instant)
        # Sharing one topic on two platforms in a week repeats it for the person's followers on
        # both; only kits that ask for it get it.
        shared = self._cross_post(slot, person) if self.share else None
        if shared is not None:
            return shared
        if self._find(slot, person, False, instant) is not None:
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
    empty: list[SkippedSlot] = []
    # Kept drafts first, so new choices see their topics, kinds and times (a stable sort:
    # without kept drafts the order stays as it is).
    ordered = (
        sorted(slots, key=lambda s: planner.kept_for(s) is None) if planner.past.kept else slots
    )
    for slot in ordered:
        person = people[slot.person_id]
        result = planner.keep(slot, person) or planner.choose(slot, person)
        if isinstance(result, SkippedSlot):
            empty.append(result)
    # Sorted by (UTC start, person, platform); the running number keeps ties in planning
    # order, as a stable sort on that key does.
    planner.planned.sort()
    return [entry[-1] for entry in planner.planned], empty
