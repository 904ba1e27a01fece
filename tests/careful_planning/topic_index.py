"""Topics indexed by (area, language) for planning in about linear time.

Each pool holds one area's topics for one language (``*`` for topics that suit any language),
in a fixed order for the week, grouped by how often each topic was used (across the kit: recent
history plus this week). A search walks the lowest count first and stops at the first fitting
topic, so choosing a topic does not get slower as the week fills up.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping

from advocacy_kit.models import Topic

__all__ = ["TopicIndex"]

_ANY = "*"
Key = tuple[str, str]


class _Pool:
    """One (area, language) pool: for each use count, its topics in the week's order.

    Topics only ever move up one count at a time. A moved topic leaves its old list at once,
    so a search never walks past topics that are no longer at the count it looks at; each list
    keeps the topics' order values beside it, so finding a place is a bisection in C.
    """

    def __init__(self) -> None:
        self.levels: dict[int, list[Topic]] = {}
        self.keys: dict[int, list[int]] = {}

    def add(self, topic: Topic, uses: int, order: Mapping[str, int]) -> None:
        key = order[topic.id]
        keys = self.keys.get(uses)
        if keys is None:
            self.levels[uses] = [topic]
            self.keys[uses] = [key]
            return
        # After equal keys: a topic that arrives later comes later, as it always has.
        index = bisect.bisect_right(keys, key)
        keys.insert(index, key)
        self.levels[uses].insert(index, topic)

    def remove(self, topic: Topic, uses: int, order: Mapping[str, int]) -> None:
        keys, entries = self.keys[uses], self.levels[uses]
        index = bisect.bisect_left(keys, order[topic.id])
        while entries[index] is not topic:
            index += 1  # another topic with the same order value comes first
        del keys[index], entries[index]
        if not entries:
            del self.keys[uses], self.levels[uses]

    def move(self, topic: Topic, before: int, order: Mapping[str, int]) -> None:
        self.remove(topic, before, order)
        self.add(topic, before + 1, order)

    def at(self, level: int) -> list[Topic]:
        """Topics that currently have ``level`` uses, in order."""
        return self.levels.get(level, [])


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
            for level in sorted(pool.levels):
                if best is not None and level > self.uses[best.id]:
                    break
                found = next((topic for topic in pool.at(level) if fits(topic)), None)
                if found is not None:
                    if best is None or self.rank(found) < self.rank(best):
                        best = found
                    break
        return best
