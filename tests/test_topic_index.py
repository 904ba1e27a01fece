"""Fair rotation: the least-used fitting topic is found, whatever order topics were used in."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advocacy_kit.models import Topic
from advocacy_kit.topic_index import TopicIndex


def _topics(count: int) -> list[Topic]:
    return [Topic(id=f"t{n}", title=f"Topic {n}", areas=["a"]) for n in range(count)]


def _expected(index: TopicIndex, topics: list[Topic]) -> Topic:
    return min(topics, key=index.rank)


def test_a_topic_whose_count_rises_ahead_of_others_is_still_found() -> None:
    a, b, c = topics = _topics(3)
    index = TopicIndex(topics, {t.id: n for n, t in enumerate(topics)}, {})
    for topic_id in ("t1", "t2"):
        index.use(topic_id)
    assert index.best("a", [], lambda t: t.id != "t0") is b  # level 1 scanned from its start
    index.use("t1")  # b moves on to two uses
    assert index.best("a", [], lambda t: t.id != "t0") is c
    index.use("t0")  # a joins the topics with one use, ahead of c in the order
    assert index.best("a", [], lambda t: True) is a


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 5), max_size=40), st.integers(3, 6))
def test_best_is_always_the_least_used_in_order(uses: list[int], count: int) -> None:
    topics = _topics(count)
    index = TopicIndex(topics, {t.id: n for n, t in enumerate(topics)}, {})
    for step in uses:
        topic = topics[step % count]
        assert index.best("a", [], lambda t: True) is _expected(index, topics)
        index.use(topic.id)
    assert index.best("a", [], lambda t: True) is _expected(index, topics)


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))), ids=str)
def test_every_order_of_use_keeps_the_rotation_fair(order: tuple[int, ...]) -> None:
    topics = _topics(3)
    index = TopicIndex(topics, {t.id: n for n, t in enumerate(topics)}, {})
    for n in order:
        index.use(f"t{n}")
        assert index.best("a", [], lambda t: True) is _expected(index, topics)
