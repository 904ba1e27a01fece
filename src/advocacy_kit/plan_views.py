"""What the planner looks up on every slot, worked out once: per person and per kind of person.

A large week plans tens of thousands of slots for thousands of people, and most people share
their areas and languages with hundreds of colleagues. What depends only on those (the campaign
topics they may get, which of them run on a day, which pools of the topic index a search walks)
is kept in a :class:`Profile` shared by all of them; what is the person's own (their uses this
week, their history, their words) in their :class:`PersonView`. Nothing kept here changes while
a week is planned, except the person's record, which is the plan's own record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from operator import itemgetter

from .models import Level, Person
from .topic_fit import TopicFacts
from .topic_index import Pool, TopicIndex

__all__ = ["AreaTiers", "PersonView", "Profile"]

_NO_HISTORY: dict[str, str] = {}
# A campaign as the planner ranks it: (priority, campaign id).
Running = tuple[int, str]


class Profile:
    """The campaign topics and index pools of everyone with the same areas and languages."""

    __slots__ = ("areas", "campaign_topics", "counted", "index", "languages", "pools", "running")

    def __init__(
        self,
        areas: list[str],
        languages: tuple[str, ...],
        campaign_topics: list[TopicFacts],
        index: TopicIndex[TopicFacts],
    ) -> None:
        self.areas = areas
        self.languages = languages
        # Campaign topics of the areas that suit one of the languages, in the order they are
        # tried (areas by name, then each area's campaign topics).
        self.campaign_topics = campaign_topics
        self.index = index
        self.running: dict[dt.date, list[tuple[TopicFacts, Running]]] = {}
        self.pools: dict[dt.date, list[list[Pool[TopicFacts]]]] = {}
        # A person's counts per area (``area_use``) in :attr:`areas` order, as a tuple; for
        # two areas or more (one area's count is never needed: it is a tier of its own).
        self.counted: Callable[[dict[str, int]], tuple[int, ...]] | None = (
            itemgetter(*areas) if len(areas) > 1 else None
        )

    def running_on(
        self, day: dt.date, campaign: Callable[[str, dt.date], Running | None]
    ) -> list[tuple[TopicFacts, Running]]:
        """The campaign topics whose campaign runs on ``day``, each with that campaign.

        ``campaign`` is PlanState.campaign, which depends only on the topic and the day.
        """
        found = self.running.get(day)
        if found is None:
            found = self.running[day] = [
                (topic, running)
                for topic in self.campaign_topics
                if (running := campaign(topic.id, day)) is not None
            ]
        return found

    def pools_on(self, day: dt.date) -> list[list[Pool[TopicFacts]]]:
        """Per area (in :attr:`areas` order), the pools a search on ``day`` walks."""
        found = self.pools.get(day)
        if found is None:
            pools_for = self.index.pools_for
            found = self.pools[day] = [pools_for(area, self.languages, day) for area in self.areas]
        return found


class AreaTiers(dict[tuple[int, ...], list[list[int]]]):
    """Per counts of a person's areas so far: the areas' places grouped by count, fewest
    first, each group in place order. Everyone with the same counts shares the result (do not
    change it); a count vector met the first time is grouped then.
    """

    def __missing__(self, counts: tuple[int, ...]) -> list[list[int]]:
        if min(counts) == max(counts):
            tiers = [list(range(len(counts)))]
        else:
            grouped: dict[int, list[int]] = {}
            for place, count in enumerate(counts):
                grouped.setdefault(count, []).append(place)
            tiers = [grouped[count] for count in sorted(grouped)]
        self[counts] = tiers
        return tiers


class PersonView:
    """What the planner looks up for a person on every slot, worked out once for the week."""

    __slots__ = (
        "area_use",
        "areas",
        "fits",
        "fresh_never",
        "language",
        "languages",
        "last",
        "name",
        "person",
        "profile",
        "room",
        "stale",
        "used",
    )

    def __init__(self, person: Person, profile: Profile, stale: set[str], room: float) -> None:
        self.person = person
        self.profile = profile
        self.areas = profile.areas
        self.languages = profile.languages
        self.language = person.language
        self.name = person.name
        # Topics the history rules out for the person this week.
        self.stale = stale
        # How many colleagues' times fit into the sharing hours at the spacing.
        self.room = room
        # Filled in by PlanState.view: the person's record and their words of the week.
        self.used: set[str] = set()
        self.area_use: dict[str, int] = {}
        self.last: dict[str, str] = _NO_HISTORY
        self.fresh_never = ""
        # Per topic areas (the area itself for a topic of one area): the person's areas among
        # them, their level there and the expertise reason; the same for every such topic.
        self.fits: dict[object, tuple[tuple[str, ...], Level, str]] = {}
