"""Topics indexed by (area, language) for planning in about linear time.

Each pool holds one area's topics for one language (``*`` for topics that suit any language),
in a fixed order for the week, grouped by how often each topic was used (across the kit: recent
history plus this week). A search walks the lowest count first and stops at the first fitting
topic, so choosing a topic does not get slower as the week fills up.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Generic, Protocol, TypeVar

__all__ = ["Indexed", "Pool", "TopicIndex"]


class Indexed(Protocol):
    """What the index reads of a topic: a :class:`~advocacy_kit.models.Topic`, or an object
    with the same fields (the planner indexes plain copies of them, quicker to read)."""

    @property
    def id(self) -> str: ...

    @property
    def areas(self) -> Sequence[str]: ...

    @property
    def languages(self) -> Sequence[str]: ...


T = TypeVar("T", bound=Indexed)

_ANY = "*"
# Pools of topics that may be posted on every day, and of those that may on only some days.
_WEEK = "week"
_SOME_DAYS = "some days"
Key = tuple[object, str, str]
# Above every use count: a search without a topic to beat looks at every count.
_NO_LIMIT = float("inf")


class Pool(Generic[T]):
    """One (area, language) pool: for each use count, its topics in the week's order.

    Topics only ever move up one count at a time. A moved topic leaves its old list at once,
    so a search never walks past topics that are no longer at the count it looks at; each list
    keeps the topics' order values beside it, so finding a place is a bisection in C.
    """

    def __init__(self) -> None:
        self.levels: dict[int, list[T]] = {}
        self.keys: dict[int, list[int]] = {}
        # The counts that have topics, in ascending order (kept, not sorted on every search).
        self.counts: list[int] = []

    def add(self, topic: T, uses: int, order: Mapping[str, int]) -> None:
        key = order[topic.id]
        keys = self.keys.get(uses)
        if keys is None:
            self.levels[uses] = [topic]
            self.keys[uses] = [key]
            bisect.insort(self.counts, uses)
            return
        # After equal keys: a topic that arrives later comes later, as it always has.
        index = bisect.bisect_right(keys, key)
        keys.insert(index, key)
        self.levels[uses].insert(index, topic)

    def move(self, topic: T, before: int, key: int) -> None:
        """One more use: from the list of ``before`` uses to the next, placed as add() places it.

        ``key`` is the topic's order value.
        """
        keys, entries = self.keys[before], self.levels[before]
        index = bisect.bisect_left(keys, key)
        while entries[index] is not topic:
            index += 1  # another topic with the same order value comes first
        del keys[index], entries[index]
        if not entries:
            del self.keys[before], self.levels[before]
            self.counts.remove(before)
        after = before + 1
        higher = self.keys.get(after)
        if higher is None:
            self.levels[after] = [topic]
            self.keys[after] = [key]
            bisect.insort(self.counts, after)
            return
        index = bisect.bisect_right(higher, key)
        higher.insert(index, key)
        self.levels[after].insert(index, topic)

    def at(self, level: int) -> list[T]:
        """Topics that currently have ``level`` uses, in order."""
        return self.levels.get(level, [])


class TopicIndex(Generic[T]):
    """Topics by area and language, with use counts for fair rotation.

    Given the ``days`` of the week and ``valid_on``, a topic that may be posted on some of those
    days but not all of them is kept apart, once per day it may be posted on: a search for a
    day then never walks past topics that cannot be posted that day (they would stay at the
    lowest counts all week, since they are never used on the others). A search for a day outside
    ``days``, or without a day, looks at all of them. This is only done when no two topics share
    an order value: then "the least-used fitting topic, first in the week's order" is one topic,
    whichever pools it is found in.
    """

    def __init__(
        self,
        topics: Iterable[T],
        order: Mapping[str, int],
        uses: Mapping[str, int],
        days: Sequence[dt.date] = (),
        valid_on: Callable[[T, dt.date], bool] | None = None,
    ) -> None:
        self.order = order
        self.uses: Counter[str] = Counter(uses)
        self.pools: dict[Key, Pool[T]] = defaultdict(Pool)
        self.pools_of: dict[str, list[Pool[T]]] = defaultdict(list)
        self.topics: dict[str, T] = {}
        self.searches: dict[tuple[str, tuple[str, ...], object], list[Pool[T]]] = {}
        everything = list(topics)
        distinct = len({order[t.id] for t in everything}) == len(everything)
        self.days: frozenset[dt.date] = (
            frozenset(days) if distinct and valid_on is not None else frozenset()
        )
        for topic in everything:
            self.topics[topic.id] = topic
            scopes: list[object] = [_WEEK]
            if self.days and valid_on is not None:
                valid = [day for day in sorted(self.days) if valid_on(topic, day)]
                if len(valid) < len(self.days):
                    scopes = [_SOME_DAYS, *valid]
            for scope in scopes:
                for area in topic.areas:
                    for language in topic.languages or [_ANY]:
                        key = (scope, area, language)
                        self.pools[key].add(topic, self.uses[topic.id], order)
                        self.pools_of[topic.id].append(self.pools[key])

    def use(self, topic_id: str) -> None:
        """Count one more use of a topic."""
        before = self.uses[topic_id]
        self.uses[topic_id] = before + 1
        pools = self.pools_of.get(topic_id)
        if pools:
            topic = self.topics[topic_id]
            key = self.order[topic_id]
            for pool in pools:
                pool.move(topic, before, key)

    def rank(self, topic: Indexed) -> tuple[int, int]:
        """Fewest uses first, then the week's fixed order."""
        return self.uses[topic.id], self.order[topic.id]

    def pools_for(
        self, area: str, languages: tuple[str, ...], day: dt.date | None
    ) -> list[Pool[T]]:
        """The pools a search looks at, in the order they have always been searched in.

        The list stays right while topics are used (only their places in the pools change).
        """
        scope = day if day in self.days else _SOME_DAYS
        wanted = (area, languages, scope)
        pools = self.searches.get(wanted)
        if pools is None:
            # Pools come into being only while the index is built, so the list stays right.
            keys = [
                (part, area, language) for part in (_WEEK, scope) for language in (_ANY, *languages)
            ]
            pools = self.searches[wanted] = [self.pools[k] for k in keys if k in self.pools]
        return pools

    def best(
        self,
        area: str,
        languages: Iterable[str],
        fits: Callable[[T], bool],
        day: dt.date | None = None,
        than: T | None = None,
    ) -> T | None:
        """The fitting topic of ``area`` in one of ``languages`` with the lowest :meth:`rank`.

        With ``day``, topics that cannot be posted that day may be left out unasked (``fits``
        must say no to them). With ``than``, only a topic ranked strictly lower than it is
        looked for (None when there is none), so ``fits`` is not asked about the others.
        """
        return self.search(self.pools_for(area, tuple(languages), day), fits, than)

    def search(
        self, pools: list[Pool[T]], fits: Callable[[T], bool], than: T | None = None
    ) -> T | None:
        """:meth:`best` over the ``pools`` that :meth:`pools_for` gives."""
        order = self.order
        found: T | None = None
        # The rank to beat (count, then order value): no topic is asked about unless it would
        # rank lower. Without ``than`` every count is below the first limit.
        top_level: float = _NO_LIMIT if than is None else self.uses[than.id]
        top_key = 0 if than is None else order[than.id]
        for pool in pools:
            levels = pool.levels
            for level in pool.counts:
                if level > top_level:
                    break
                topics: Iterable[T] = levels[level]
                if level == top_level:
                    # Same count: only topics earlier in the order rank lower.
                    topics = itertools.islice(topics, bisect_left(pool.keys[level], top_key))
                for topic in topics:
                    if fits(topic):
                        # A topic in a list with ``level`` uses has ``level`` uses.
                        found, top_level, top_key = topic, level, order[topic.id]
                        break
                else:
                    continue
                break  # higher counts in this pool rank lower still
        return found
