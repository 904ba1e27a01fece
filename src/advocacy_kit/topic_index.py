"""Topics indexed by (area, language) for planning in about linear time.

Each pool holds one area's topics for one language (``*`` for topics that suit any language),
in a fixed order for the week, grouped by how often each topic was used (across the kit: recent
history plus this week). A search walks the lowest count first and stops at the first fitting
topic, so choosing a topic does not get slower as the week fills up.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping

from .models import Topic

__all__ = ["TopicIndex"]

_ANY = "*"
Key = tuple[str, str]


class _Pool:
    """One (area, language) pool: for each use count, its topics in the week's order.

    Topics only ever move up one count at a time. A moved topic stays behind in its old list
    until the cursor passes it (lazy deletion), so finding the first topic at a count is
    amortised constant time however many topics were used before it.
    """

    def __init__(self) -> None:
        self.levels: dict[int, list[Topic]] = defaultdict(list)
        self.cursors: Counter[int] = Counter()
        self.sizes: Counter[int] = Counter()

    def add(self, topic: Topic, uses: int, order: Mapping[str, int]) -> None:
        entries = self.levels[uses]
        index = bisect.bisect_right(entries, order[topic.id], key=lambda t: order[t.id])
        entries.insert(index, topic)
        # A topic that lands before the cursor must not be skipped: the cursor goes back to it.
        if index < self.cursors[uses]:
            self.cursors[uses] = index
        self.sizes[uses] += 1

    def move(self, topic: Topic, before: int, order: Mapping[str, int]) -> None:
        self.sizes[before] -= 1
        if not self.sizes[before]:
            del self.sizes[before]
        self.add(topic, before + 1, order)

    def at(self, level: int, uses: Counter[str]) -> Iterator[Topic]:
        """Topics that currently have ``level`` uses, in order."""
        entries = self.levels[level]
        cursor = self.cursors[level]
        while cursor < len(entries) and uses[entries[cursor].id] != level:
            cursor += 1
        self.cursors[level] = cursor
        return (
            topic for topic in itertools.islice(entries, cursor, None) if uses[topic.id] == level
        )


class TopicIndex:
    """Topics by area and language, with use counts for fair rotation."""

    def __init__(
        self, topics: Iterable[Topic], order: Mapping[str, int], uses: Mapping[str, int]
    ) -> None:
        self.order = order
        self.uses: Counter[str] = Counter(uses)
        self.pools: dict[Key, _Pool] = defaultdict(_Pool)
        self.keys_of: dict[str, list[Key]] = defaultdict(list)
        self.topics: dict[str, Topic] = {}
        for topic in topics:
            self.topics[topic.id] = topic
            for area in topic.areas:
                for language in topic.languages or [_ANY]:
                    self.pools[(area, language)].add(topic, self.uses[topic.id], order)
                    self.keys_of[topic.id].append((area, language))

    def use(self, topic_id: str) -> None:
        """Count one more use of a topic."""
        before = self.uses[topic_id]
        self.uses[topic_id] = before + 1
        for key in self.keys_of.get(topic_id, []):
            self.pools[key].move(self.topics[topic_id], before, self.order)

    def rank(self, topic: Topic) -> tuple[int, int]:
        """Fewest uses first, then the week's fixed order."""
        return self.uses[topic.id], self.order[topic.id]

    def best(
        self, area: str, languages: Iterable[str], fits: Callable[[Topic], bool]
    ) -> Topic | None:
        """The fitting topic of ``area`` in one of ``languages`` with the lowest :meth:`rank`."""
        best: Topic | None = None
        for key in [(area, _ANY), *((area, language) for language in languages)]:
            pool = self.pools.get(key)
            if pool is None:
                continue
            for level in sorted(pool.sizes):
                if best is not None and level > self.uses[best.id]:
                    break
                found = next((topic for topic in pool.at(level, self.uses) if fits(topic)), None)
                if found is not None:
                    if best is None or self.rank(found) < self.rank(best):
                        best = found
                    break
        return best
