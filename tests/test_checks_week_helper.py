"""The week's checks with a helper process comparing some of the days give what one process gives."""

from __future__ import annotations

import datetime as dt
import marshal
from collections import deque
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit import CalendarEntry, Kit
from advocacy_kit import draft_worker as draft_worker_module
from advocacy_kit.checks import check_week, week_helper
from advocacy_kit.checks.similarity import ClosePairs
from advocacy_kit.draft_worker import DraftWorker

from .checks_support import TUESDAY, make_entry, make_kit
from .test_checks_week_halves import TEXTS, _entries, entry_choices
from .worker_support import int_worker


class HelperHere:
    """A helper that runs ``week_helper(kit)`` in this process, through marshal both ways as
    the drafting worker does; it fails the payloads numbered in ``fail`` and takes none after
    ``refuse_from`` of them."""

    def __init__(self, kit: Kit, fail: frozenset[int] = frozenset(), refuse_from: int = 99):
        self.function = week_helper(kit)
        self.fail, self.refuse_from = fail, refuse_from
        self.sent = 0
        self.results: deque[tuple[bool, Any]] = deque()

    def send(self, payload: Any) -> bool:
        if self.sent >= self.refuse_from:
            return False
        if self.sent in self.fail:
            self.results.append((False, None))
        else:
            found = self.function(marshal.loads(marshal.dumps(payload)))
            self.results.append((True, marshal.loads(marshal.dumps(found))))
        self.sent += 1
        return True

    def take(self) -> tuple[bool, Any]:
        return self.results.popleft()


def _dumped(entries: list[CalendarEntry]) -> list[dict[str, Any]]:
    return [entry.model_dump() for entry in entries]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    picked=st.lists(entry_choices, max_size=24),
    twice=st.lists(st.integers(0, 7), max_size=2),
    moved=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=2),
    language=st.sampled_from(["en", "de"]),
    threshold=st.sampled_from([0.5, 0.85, 1.0]),
    fail=st.frozensets(st.integers(0, 3), max_size=2),
    refuse_from=st.integers(0, 4),
)
def test_week_with_a_helper_is_the_week_in_one_process(
    picked: list[tuple[str, int, int, tuple[str, list[str]], bool, bool]],
    twice: list[int],
    moved: list[tuple[int, int]],
    language: str,
    threshold: float,
    fail: frozenset[int],
    refuse_from: int,
) -> None:
    kit = make_kit(language, settings={"default_weekly_cap": 4, "similarity_threshold": threshold})
    entries = _entries(kit, picked, twice, moved)
    alone = check_week(kit, entries)
    helper = HelperHere(kit, fail, refuse_from)
    helped = check_week(kit, entries, helper=helper)
    assert _dumped(helped) == _dumped(alone)
    assert not helper.results  # every result sent was taken
    # Entries that gain nothing stay the very same objects, as in one process.
    for before, after, expected in zip(entries, helped, alone, strict=True):
        assert (after is before) == (expected is before)


def test_one_persons_pairs_are_left_out_as_on_the_entries() -> None:
    """The helper pairs texts whoever wrote them; the pairs of one person are left out here."""
    kit = make_kit("en", settings={"similarity_threshold": 0.5})
    day = [
        make_entry(kit, text, person=person, platform=platform, start=TUESDAY.replace(hour=hour))
        for hour, (person, platform, text) in enumerate(
            [
                ("ada", "linkedin", TEXTS[0]),
                ("ada", "mastodon", TEXTS[0]),  # one person, two platforms: not staged
                ("bo", "linkedin", TEXTS[0] + " patience"),
                ("bo", "mastodon", TEXTS[2]),
                ("ada", "linkedin", ""),
                ("bo", "linkedin", ""),
            ],
            start=8,
        )
    ]
    close_pairs = ClosePairs(kit)
    from_texts = close_pairs.of_texts([entry.post.text for entry in day])
    assert (0, 1, 1.0) in from_texts
    assert ClosePairs.of_colleagues(day, from_texts) == close_pairs(day)
    assert (0, 1, 1.0) not in close_pairs(day)


def _week(kit: Kit) -> list[CalendarEntry]:
    picked = [
        (person, day, 8 + at, (TEXTS[day % 3], ["log"] if at == 3 else []), at == 1, at == 2)
        for day in range(5)
        for at, person in enumerate(["ada", "bo", "someone-else", "ada", "bo"])
    ]
    return _entries(kit, picked, [], [])


def _drafting_worker(monkeypatch: pytest.MonkeyPatch, later: Any) -> DraftWorker[int, int]:
    monkeypatch.setattr(draft_worker_module, "THRESHOLD", 0)
    return int_worker(lambda n: n + 1, expected=1, later=later)


def test_the_drafting_worker_compares_days_for_the_checks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kit = make_kit("en", settings={"default_weekly_cap": 4, "similarity_threshold": 0.5})
    entries = _week(kit)
    alone = check_week(kit, entries)
    with _drafting_worker(monkeypatch, week_helper(kit)) as worker:
        assert worker.helper is None  # not before drafting is done
        worker.planned(41)
        assert worker.results([41]) == [42]
        assert worker.helper is worker
        helped = check_week(kit, entries, helper=worker.helper)
        process = worker._process
    assert _dumped(helped) == _dumped(alone)
    assert {finding.code for entry in alone for finding in entry.findings} >= {"AK501", "AK502"}
    assert process is not None
    process.join(timeout=10)  # the with block told it to end: it does so by itself
    assert not process.is_alive()


def test_days_the_worker_could_not_compare_are_compared_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kit = make_kit("en", settings={"similarity_threshold": 0.5})
    entries = _week(kit)
    alone = check_week(kit, entries)

    def broken(texts: list[str]) -> Any:
        raise RuntimeError("a helper that fails")

    with _drafting_worker(monkeypatch, broken) as worker:
        worker.planned(1)
        worker.results([1])
        helped = check_week(kit, entries, helper=worker.helper)
    assert _dumped(helped) == _dumped(alone)


def test_an_error_in_a_day_is_raised_here_as_in_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A day the helper could not compare raises here exactly what one process raises."""
    kit = make_kit("en")
    entries = _week(kit)
    start = TUESDAY + dt.timedelta(days=4)
    odd = make_entry(kit, "odd", start=start).model_copy(
        update={"post": entries[0].post.model_copy(update={"parts": [1]})}
    )
    entries.append(odd)
    with pytest.raises(Exception) as alone:
        check_week(kit, entries)
    with pytest.raises(Exception) as helped:
        check_week(kit, entries, helper=HelperHere(kit))
    assert type(helped.value) is type(alone.value)
    assert str(helped.value) == str(alone.value)


@pytest.mark.parametrize(
    ("fail", "refuse_from"),
    [(frozenset(), 99), (frozenset({0}), 99), (frozenset({1}), 1), (frozenset(), 0)],
    ids=["all-compared-there", "first-fails", "second-refused", "none-taken"],
)
def test_a_week_of_five_days_with_a_helper(fail: frozenset[int], refuse_from: int) -> None:
    kit = make_kit("de", settings={"default_weekly_cap": 4, "similarity_threshold": 0.5})
    entries = _week(kit)
    helper = HelperHere(kit, fail, refuse_from)
    assert _dumped(check_week(kit, entries, helper=helper)) == _dumped(check_week(kit, entries))
    assert helper.sent == min(refuse_from, 3)  # three of the five days go to the helper
