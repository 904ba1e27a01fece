"""in_calendar_order gives exactly sorted(key=CALENDAR_ORDER)'s list, zones and folds and all."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advocacy_kit.calendar_order import CALENDAR_ORDER, in_calendar_order

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")  # half-hour daylight saving
ZONES: list[dt.tzinfo] = [
    BERLIN,
    NEW_YORK,
    LORD_HOWE,
    ZoneInfo.no_cache("Europe/Berlin"),  # the same zone as another object: compared by offsets
    ZoneInfo("Asia/Kolkata"),
    dt.UTC,
    dt.timezone(dt.timedelta(hours=1)),
    dt.timezone(dt.timedelta(hours=-3, minutes=-30)),
]


def _item(start: Any, person: str = "lena", platform: str = "x") -> SimpleNamespace:
    return SimpleNamespace(slot=SimpleNamespace(start=start, person_id=person, platform=platform))


def _same_order(items: list[SimpleNamespace]) -> None:
    expected = sorted(items, key=CALENDAR_ORDER)
    found = in_calendar_order(items)
    assert [id(item) for item in found] == [id(item) for item in expected]


class _Moment(dt.datetime):
    """A datetime subclass: may compare its own way, so it is sorted as before."""


FOLD = dt.datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN)  # repeated when the clocks go back
GAP = dt.datetime(2026, 3, 29, 2, 30, tzinfo=BERLIN)  # skipped when they go forward


@pytest.mark.parametrize(
    "starts",
    [
        pytest.param([], id="empty"),
        pytest.param([dt.datetime(2026, 12, 1, 9, tzinfo=BERLIN)], id="one"),
        pytest.param(
            [
                dt.datetime(2026, 12, 1, 9, tzinfo=BERLIN),
                dt.datetime(2026, 12, 1, 3, tzinfo=NEW_YORK),
                dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC),
            ],
            id="one-instant-three-zones",
        ),
        pytest.param(
            [FOLD, FOLD.replace(fold=1), dt.datetime(2026, 10, 25, 1, tzinfo=dt.UTC)],
            id="repeated-local-time",
        ),
        pytest.param(
            [GAP, dt.datetime(2026, 3, 29, 3, 10, tzinfo=BERLIN), GAP.replace(fold=1)],
            id="skipped-local-time",
        ),
        pytest.param(
            [_Moment(2026, 12, 1, 9, tzinfo=BERLIN), dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC)],
            id="datetime-subclass",
        ),
        pytest.param(
            [dt.datetime(1, 1, 1, 0, 30, tzinfo=ZONES[6]), dt.datetime(1, 1, 1, tzinfo=dt.UTC)],
            id="before-year-one-in-utc",
        ),
        pytest.param([dt.datetime(2026, 12, 1, 9), dt.datetime(2026, 12, 1, 8)], id="naive-times"),
    ],
)
def test_odd_starts_are_ordered_as_sorted_orders_them(starts: list[Any]) -> None:
    people = ["sam", "lena", "ana", "lena"]
    _same_order([_item(start, people[at % 4]) for at, start in enumerate(starts * 2)])


def test_mixed_naive_and_aware_times_fail_as_sorted_fails() -> None:
    items = [_item(dt.datetime(2026, 12, 1, 9)), _item(dt.datetime(2026, 12, 1, 9, tzinfo=BERLIN))]
    with pytest.raises(TypeError) as careful:
        sorted(items, key=CALENDAR_ORDER)
    with pytest.raises(TypeError) as fast:
        in_calendar_order(items)
    assert str(fast.value) == str(careful.value)


def test_a_missing_slot_fails_as_sorted_fails() -> None:
    items: list[Any] = [_item(dt.datetime(2026, 12, 1, 9, tzinfo=BERLIN)), SimpleNamespace()]
    with pytest.raises(AttributeError):
        in_calendar_order(items)


def test_shared_start_objects_keep_their_order() -> None:
    start = dt.datetime(2026, 12, 1, 9, tzinfo=BERLIN)
    items = [_item(start, person) for person in ["sam", "lena", "sam", "ana", "lena"]]
    items += [_item(start, "lena", platform) for platform in ["x", "bluesky", "x"]]
    _same_order(items)


def _local_times() -> st.SearchStrategy[dt.datetime]:
    """Times near the daylight-saving changes of 2026 (and some anywhere in the year)."""
    changes = [
        dt.datetime(2026, 3, 8, 2),  # New York forward
        dt.datetime(2026, 3, 29, 2),  # Berlin forward
        dt.datetime(2026, 4, 5, 1, 30),  # Lord Howe back
        dt.datetime(2026, 10, 4, 2),  # Lord Howe forward
        dt.datetime(2026, 10, 25, 2),  # Berlin back
        dt.datetime(2026, 11, 1, 1),  # New York back
    ]
    near = st.builds(
        lambda change, minutes: change + dt.timedelta(minutes=minutes),
        st.sampled_from(changes),
        st.integers(-150, 150),
    )
    anywhere = st.datetimes(dt.datetime(2026, 1, 1), dt.datetime(2026, 12, 31))
    return st.one_of(near, anywhere)


_starts = st.builds(
    lambda local, zone, fold: local.replace(tzinfo=zone, fold=fold),
    _local_times(),
    st.sampled_from(ZONES),
    st.integers(0, 1),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(_starts, st.sampled_from(["ana", "lena", "sam"]), st.sampled_from(["x", "b"])),
        max_size=40,
    ),
    st.data(),
)
def test_any_week_is_ordered_as_sorted_orders_it(
    rows: list[tuple[dt.datetime, str, str]], data: st.DataObject
) -> None:
    items = [_item(start, person, platform) for start, person, platform in rows]
    # Some items share their start object, as slots of one moment do.
    shared = data.draw(st.lists(st.integers(0, max(len(items) - 1, 0)), max_size=5))
    for at in shared:
        if items:
            items.append(_item(items[at].slot.start, "zoe"))
    _same_order(items)


def test_only_plain_starts_take_the_fast_way() -> None:
    from advocacy_kit import calendar_order

    plain = {id(start): start for start in [dt.datetime(2026, 12, 1, 9, tzinfo=BERLIN)]}
    assert calendar_order._instants(plain) is not None
    for odd in [FOLD, GAP, _Moment(2026, 12, 1, 9, tzinfo=BERLIN), dt.datetime(2026, 12, 1)]:
        assert calendar_order._instants({id(odd): odd}) is None
