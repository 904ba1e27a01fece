"""The worker gets only as many chunks as it needs; whatever cannot travel is drafted here."""

from __future__ import annotations

import os
import pickle
from typing import Any

import pytest

from advocacy_kit import draft_worker
from advocacy_kit.draft_worker import DraftWorker
from advocacy_kit.worker_pipes import as_bytes as _dumps
from advocacy_kit.worker_pipes import from_bytes as _loads

PARENT = os.getpid()


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft_worker, "THRESHOLD", 0)
    monkeypatch.setattr(draft_worker, "CHUNK", 2)


def _run(made: list[int], encode: Any = lambda item: item) -> tuple[list[int], list[int], int]:
    """Square ``made`` through a worker; the results, the progress seen, and how many the
    worker did."""
    worker: DraftWorker[int, tuple[int, int]] = DraftWorker(
        lambda n: (n * n, os.getpid()),
        encode=encode,
        decode=lambda item: item,
        pack=list,
        unpack=lambda item, packed: (packed[0], packed[1]),
        expected=len(made),
    )
    objects = {value: value for value in made}  # compared by identity, as assignments are
    for value in made:
        worker.planned(objects[value])
    seen: list[int] = []
    results = worker.results([objects[value] for value in made], done=seen.append)
    by_worker = sum(pid != PARENT for _, pid in results)
    return [square for square, _ in results], seen, by_worker


@pytest.mark.parametrize("ahead", [0, 1, 2, 100], ids=lambda n: f"{n}-ahead")
def test_results_are_the_same_however_far_the_worker_is_fed(
    ahead: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(draft_worker, "AHEAD", ahead)
    made = list(range(1000, 1025))
    results, seen, by_worker = _run(made)
    assert results == [n * n for n in made]
    assert seen == list(range(1, len(made) + 1))
    if ahead == 0:
        assert by_worker == 0  # nothing was ever handed over


def test_items_that_cannot_travel_are_drafted_here() -> None:
    made = list(range(1000, 1030))

    def encode(item: int) -> object:
        return (lambda: item) if item % 7 == 0 else item

    results, seen, _ = _run(made, encode=encode)
    assert results == [n * n for n in made]
    assert seen == list(range(1, len(made) + 1))


@pytest.mark.parametrize(
    ("values", "by_marshal"),
    [
        pytest.param([1, "ä", (None, 2.5), {"k": [b"x", {1, 2}]}], True, id="plain"),
        pytest.param([], True, id="empty"),
        pytest.param([os.stat_result(range(10))], False, id="object"),
        pytest.param([bytearray(b"x")], True, id="buffer-becomes-bytes"),
    ],
)
def test_chunks_travel_by_marshal_when_they_can(values: list[Any], by_marshal: bool) -> None:
    data = _dumps(values)
    assert data[0] is by_marshal
    got = _loads(data)
    assert got == values
    if values and isinstance(values[0], bytearray):
        assert type(got[0]) is bytes  # why plain_values never hands such objects over


def test_a_chunk_neither_can_carry_raises() -> None:
    with pytest.raises((pickle.PicklingError, AttributeError)):
        _dumps([lambda: None])
