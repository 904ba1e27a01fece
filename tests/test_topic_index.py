"""Fair rotation: the least-used fitting topic is found, whatever order topics were used in."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advocacy_kit.models import Topic
from advocacy_kit.topic_fit import valid_on
from advocacy_kit.topic_index import TopicIndex

from .careful_planning.topic_index import TopicIndex as CarefulIndex


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


WEEK = [dt.date(2026, 11, 30) + dt.timedelta(days=n) for n in range(7)]


@settings(max_examples=300, deadline=None)
@given(
    st.data(),
    st.integers(1, 12),
    st.booleans(),
    st.lists(st.integers(0, 40), max_size=30),
)
def test_day_pools_and_a_rank_to_beat_find_what_the_careful_index_finds(
    data: st.DataObject, count: int, ties: bool, uses: list[int]
) -> None:
    """Topics valid on some days only are searched per day; ties in the order switch that off."""
    topics = []
    for n in range(count):
        first = data.draw(st.integers(-2, 8), label="first")
        last = first + data.draw(st.integers(0, 8), label="length")
        topics.append(
            Topic(
                id=f"t{n}",
                title=f"Topic {n}",
                areas=data.draw(st.sampled_from([["a"], ["b"], ["a", "b"], ["a", "a"]])),
                languages=data.draw(st.sampled_from([[], ["de"], ["en"], ["de", "en"]])),
                valid_from=WEEK[0] + dt.timedelta(days=first) if first > 0 else None,
                valid_until=WEEK[0] + dt.timedelta(days=last) if last < 7 else None,
            )
        )
    order = {t.id: (n % 3 if ties else n * 7 % 13) for n, t in enumerate(topics)}
    fast = TopicIndex(topics, order, {"t0": 2}, WEEK, valid_on)
    careful = CarefulIndex(topics, order, {"t0": 2})
    # Day pools only while the order has no ties.
    assert bool(fast.days) == (len(set(order.values())) == count)
    refused = set(data.draw(st.lists(st.sampled_from([t.id for t in topics]), max_size=4)))
    for step in [*uses, None]:
        day = data.draw(st.sampled_from([*WEEK, WEEK[0] - dt.timedelta(days=1), None]))
        than = data.draw(st.sampled_from([None, *topics]))
        languages = data.draw(st.sampled_from([[], ["de"], ["en", "de"]]))
        for area in ("a", "b"):

            def fits(topic: Topic, day: dt.date | None = day) -> bool:
                return topic.id not in refused and (day is None or valid_on(topic, day))

            def lower(topic: Topic, than: Topic | None = than) -> bool:
                return fits(topic) and (than is None or careful.rank(topic) < careful.rank(than))

            expected = careful.best(area, languages, lower)
            assert fast.best(area, languages, fits, day, than) is expected
        if step is not None:
            topic_id = topics[step % count].id
            fast.use(topic_id)
            careful.use(topic_id)
