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
from bisect import bisect_left
from collections.abc import Callable, Iterable, Set
from itertools import islice

from .calendar import Assignment, SkippedSlot, Slot
from .models import Kit, Person
from .past_use import KeptDraft, PastUse
from .plan_look import SlotLook
from .plan_state import KINDS_BY_LEVEL, PlanState
from .plan_views import PersonView
from .reasons import say, status_word
from .topic_fit import TopicFacts, valid_on
from .topic_index import _NO_LIMIT  # the rank above every use count, as its search starts
from .weeks import IsoWeek

__all__ = ["KINDS_BY_LEVEL", "KeptDraft", "PastUse", "plan_slots"]

_NOTHING: frozenset[str] = frozenset()
# No topic ruled out (a look beyond freshness): used this week, ruled out by the history.
_NONE_EXCLUDED: tuple[Set[str], Set[str]] = (_NOTHING, _NOTHING)
_NO_TIMES: dict[str, list[dt.datetime]] = {}
_ONE_TIER: list[list[int]] = [[0]]


class _Planner(PlanState):
    def __init__(self, kit: Kit, week: IsoWeek, past: PastUse) -> None:
        super().__init__(kit, week, past)
        # Per start time object (by identity; the entry keeps the object alive): it, in UTC,
        # and its local day. The week's slots share few start objects, one per time and zone.
        self.when: dict[int, tuple[dt.datetime, dt.datetime, dt.date]] = {}

    def when_of(self, start: dt.datetime) -> tuple[dt.datetime, dt.datetime, dt.date]:
        """``start``, the same in UTC and its local day, remembered for the object ``start``.

        By identity, not equality: a time equal to another in its zone but not its fold (or
        of another zone) may be another instant or another day.
        """
        when = self.when[id(start)] = (start, start.astimezone(dt.UTC), start.date())
        return when

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
        if topic.languages and not any(lang in topic.languages for lang in person.languages):
            return None  # the topic no longer suits any of the person's languages: plan anew
        if kept.start is not None and kept.start != slot.start:
            slot = slot.model_copy(update={"start": kept.start.astimezone(slot.start.tzinfo)})
        reason = say("kept", self.language, status=status_word(kept.status, self.language))
        return self.assignment(slot, topic, person, kept.kind, kept.variant, [reason])

    def _find(
        self,
        slot: Slot,
        view: PersonView,
        fresh_only: bool,
        instant: dt.datetime,
        day: dt.date,
    ) -> tuple[TopicFacts, Slot] | None:
        """Campaign topics running that day first, then the person's least-used areas.

        ``instant`` is the slot's start in UTC, ``day`` its local date.
        """
        excluded = (view.used, view.stale) if fresh_only else _NONE_EXCLUDED
        used, stale = excluded
        spacing = self.spacing
        times = spacing.times_on_day.get(day, _NO_TIMES)
        # The careful look (SlotLook.fits), made when a topic needs more than the quick test.
        look: SlotLook | None = None
        when = (instant, day)

        def placed(topic: TopicFacts) -> Slot | None:
            """The slot ``topic`` takes where a colleague's time is too close, or None."""
            nonlocal look
            if look is None:
                look = SlotLook(spacing, slot, view.person, view.room, excluded, when, times)
            return look.placed[topic.id] if look.fits(topic) else None

        profile = view.profile
        if profile.campaign_topics:
            running = profile.running.get(day)
            if running is None:
                running = profile.running_on(day, self.campaign)
            if running:
                spaced = self.spaced
                uses, order = self.index.uses, self.index.order
                # Topics too full at this time for this much room (ColleagueSpacing.full_at),
                # looked up once a topic passes the person's own tests.
                crowded: set[str] | None = None
                # The first of the lowest (-priority, uses, order), as min() over (-priority,
                # rank) gives, with the slot it takes. Every one is in one of the person's
                # areas and suits one of their languages; campaign topics are never used
                # outside their campaign's window.
                best: tuple[tuple[int, int, int], TopicFacts, Slot] | None = None
                for topic, campaign in running:
                    # As "not in crowded and SlotLook.fits", the person's own tests first (as
                    # the search below; none of them changes anything).
                    topic_id = topic.id
                    if topic_id in used or topic_id in stale:
                        continue
                    if topic.valid_from is not None and day < topic.valid_from:
                        continue
                    if topic.valid_until is not None and day > topic.valid_until:
                        continue
                    if crowded is None:
                        crowded = spacing.full_at(instant, view.room, day)
                    if topic_id in crowded:
                        continue
                    taken = slot
                    others = times.get(topic_id)
                    if others and spaced and not spacing.clear(others, instant):
                        moved = placed(topic)
                        if moved is None:
                            continue
                        taken = moved
                    ranked = (-campaign[0], uses[topic_id], order[topic_id])
                    if best is None or ranked < best[0]:
                        best = (ranked, topic, taken)
                if best is not None:
                    return best[1], best[2]
        pools = profile.pools.get(day)
        if pools is None:
            pools = profile.pools_on(day)
        if len(pools) == 1:
            tiers = _ONE_TIER  # one area is a tier of its own, whatever its count
        else:
            # The areas (by their place in ``view.areas``) grouped by their count so far, fewest
            # first, each group in name order; the same for every person with these counts.
            counted = profile.counted
            if counted is not None:
                counts = counted(view.area_use)
            else:
                counts = tuple(map(view.area_use.__getitem__, view.areas))
            tiers = self.tiers[counts]
        spaced = self.spaced
        order = self.index.order
        for tier in tiers:
            # The lowest-ranked fitting topic over the tier's areas (fewest uses, then the
            # week's order); on a tie the first area's. This is TopicIndex.search over each
            # area's pools in turn, each beating the one before, written out with the quick
            # part of SlotLook.fits: a topic the person may take and no colleague's time that
            # day is too close to fits at the slot's own time; any other asks the careful look
            # (which tests again what the quick test passed, with the same answer: nothing
            # changes while one slot is looked at).
            found: TopicFacts | None = None
            found_slot = slot
            top_level: float = _NO_LIMIT  # the rank to beat: no topic ranked higher is asked
            top_key = 0
            for place in tier:
                for pool in pools[place]:
                    levels = pool.levels
                    for level in pool.counts:
                        if level > top_level:
                            break
                        topics: Iterable[TopicFacts] = levels[level]
                        if level == top_level:
                            # Same count: only topics earlier in the order rank lower.
                            topics = islice(topics, bisect_left(pool.keys[level], top_key))
                        for topic in topics:
                            topic_id = topic.id
                            if topic_id in used or topic_id in stale:
                                continue
                            if topic.valid_from is not None and day < topic.valid_from:
                                continue  # as topic_fit.valid_on: before the topic's first day
                            if topic.valid_until is not None and day > topic.valid_until:
                                continue  # … or after its last
                            others = times.get(topic_id)
                            if others and spaced and not spacing.clear(others, instant):
                                moved = placed(topic)
                                if moved is None:
                                    continue
                                found_slot = moved
                            else:
                                found_slot = slot
                            # A topic in a list with ``level`` uses has ``level`` uses.
                            found, top_level, top_key = topic, level, order[topic_id]
                            break
                        else:
                            continue
                        break  # higher counts in this pool rank lower still
            if found is not None:
                return found, found_slot
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
                topic.id in self.campaigns_of and self.campaign(topic.id, day) is None
            ):
                continue
            placed = self.spacing.place(slot, topic.id, person)
            if placed is None:
                continue
            fit = self.fit(topic, person)
            placed_day = placed.start.date()
            kind, variant = self.kind(topic, person, placed_day, fit[1])
            reasons = self.reasons(topic, person, placed_day, fit, kind, variant)
            reasons.insert(1, say("cross_post", self.language, platform=slot.platform))
            return self.assignment(placed, topic, person, kind, variant, reasons)
        return None

    def choose(self, slot: Slot, person: Person) -> Assignment | SkippedSlot:
        """The best fitting topic for the slot, or the slot left empty with the reason."""
        start = slot.start
        when = self.when.get(id(start))  # the start it holds is this one: it keeps it alive
        if when is None:
            when = self.when_of(start)
        instant, day = when[1], when[2]
        view = self.people.get(person.id) or self.view(person)
        found = self._find(slot, view, True, instant, day)
        if found is not None:
            topic, placed = found
            if placed is not slot:  # moved for colleague spacing
                instant, day = self.when_of(placed.start)[1:]
            topic_id = topic.id
            # As fit_of(), when the person's view has it already.
            fit = view.fits.get(topic.fit_key)
            if fit is None:
                fit = self.fit_of(view, topic)
            # Kinds and times are recorded together for a topic's day: a kind taken means a
            # colleague has the topic that day.
            taken = self.kinds_on_day.get((topic_id, day))
            kind, variant = self.kind_among(topic, person.id, day, fit[1], taken)
            # As campaign(): most topics belong to no campaign.
            campaign = self.campaign(topic_id, day) if topic_id in self.campaigns_of else None
            reasons = self.worded(view, topic, day, fit, campaign, (kind, variant), bool(taken))
            return self.record(
                placed,
                topic,
                person,
                kind,
                variant,
                reasons,
                (instant, day),
                view,
                fit[0],
                campaign,
                taken,
            )
        # Sharing one topic on two platforms in a week repeats it for the person's followers on
        # both; only kits that ask for it get it.
        shared = self._cross_post(slot, person) if self.share else None
        if shared is not None:
            return shared
        if self._find(slot, view, False, instant, day) is not None:
            why = say("no_fresh_topic", self.language, name=person.name, weeks=self.freshness)
        else:
            why = say("no_topic", self.language, name=person.name)
        return SkippedSlot(slot=slot, code="no_topic", reason=why)


def plan_slots(
    kit: Kit,
    week: IsoWeek,
    slots: list[Slot],
    past: PastUse | None = None,
    *,
    planned: Callable[[Assignment], None] | None = None,
) -> tuple[list[Assignment], list[SkippedSlot]]:
    """Give each slot a topic; a slot without a fitting topic is left empty and reported.

    ``past`` carries what the history knows (earlier uses, drafts kept as they are); without
    it the week is planned as if nothing had been posted before. ``planned`` is called with
    each assignment as soon as it is made (drafting can start before planning ends).
    """
    planner = _Planner(kit, week, past or PastUse())
    people = {person.id: person for person in kit.people}
    empty: list[SkippedSlot] = []
    planner.on_planned = planned
    if planner.past.kept:
        # Kept drafts first, so new choices see their topics, kinds and times.
        for slot in sorted(slots, key=lambda s: planner.kept_for(s) is None):
            person = people[slot.person_id]
            result = planner.keep(slot, person) or planner.choose(slot, person)
            if isinstance(result, SkippedSlot):
                empty.append(result)
    else:
        for slot in slots:
            result = planner.choose(slot, people[slot.person_id])
            if isinstance(result, SkippedSlot):
                empty.append(result)
    # Sorted by (UTC start, person, platform); the running number keeps ties in planning
    # order, as a stable sort on that key does.
    planner.planned.sort()
    return [entry[-1] for entry in planner.planned], empty
