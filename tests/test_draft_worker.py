"""Drafting while planning: the same results, in the same order, with the same errors as alone."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from advocacy_kit import draft_worker
from advocacy_kit.history import History
from advocacy_kit.loading import load_kit
from advocacy_kit.pipeline import plan_week

from .conftest import ENGLISH_KIT, GERMAN_KIT
from .worker_support import int_worker

PARENT = os.getpid()


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft_worker, "THRESHOLD", 0)
    monkeypatch.setattr(draft_worker, "CHUNK", 2)


def _run(
    work: Callable[[int], int],
    made: list[int],
    order: list[int],
    pack: Callable[[int], object] = lambda result: result,
) -> tuple[list[int], list[int]]:
    """Plan ``made`` through a worker, then ask for the results in ``order``; progress seen."""
    worker = int_worker(work, pack=pack, expected=len(made))
    # Items are compared by identity, as assignments are: use the very objects planned.
    objects = {value: value for value in made}
    for value in made:
        worker.planned(objects[value])
    seen: list[int] = []
    return worker.results([objects[value] for value in order], done=seen.append), seen


@pytest.mark.parametrize("count", [0, 1, 2, 5, 40], ids=lambda n: f"{n}-items")
def test_results_come_back_in_the_asked_order(count: int) -> None:
    made = [1000 + n for n in range(count)]
    order = sorted(made, key=lambda n: (n * 7919) % 101)
    results, seen = _run(lambda n: n * n, made, order)
    assert results == [n * n for n in order]
    assert seen == list(range(1, count + 1))


def test_a_chunk_the_worker_cannot_do_is_done_here() -> None:
    def work(n: int) -> int:
        if os.getpid() != PARENT and n % 3 == 0:
            raise ValueError(n)
        return n + 1

    made = list(range(1000, 1030))
    assert _run(work, made, made)[0] == [n + 1 for n in made]


def test_a_result_that_cannot_travel_back_is_made_here() -> None:
    made = list(range(1000, 1020))

    def pack(result: int) -> object:
        return (lambda: result) if os.getpid() != PARENT else result

    assert _run(lambda n: -n, made, made, pack=pack)[0] == [-n for n in made]


def test_a_worker_that_dies_leaves_its_work_here() -> None:
    def work(n: int) -> int:
        if os.getpid() != PARENT:
            os._exit(3)
        return n * 2

    made = list(range(1000, 1020))
    assert _run(work, made, made)[0] == [n * 2 for n in made]


def test_the_first_failure_in_the_asked_order_is_raised() -> None:
    def work(n: int) -> int:
        if n in (1003, 1017):
            raise ValueError(f"item {n}")
        return n

    made = list(range(1000, 1030))
    with pytest.raises(ValueError, match="item 1017"):
        _run(work, made, list(reversed(made)))
    with pytest.raises(ValueError, match="item 1003"):
        _run(work, made, made)


def test_the_worker_stops_when_planning_fails() -> None:
    worker = int_worker(lambda n: n, expected=10)
    process = worker._process
    assert process is not None
    with pytest.raises(RuntimeError), worker:
        worker.planned(1000)
        raise RuntimeError("planning failed")
    process.join(timeout=5)
    assert not process.is_alive()


@pytest.mark.parametrize("kit_folder", ["de", "en"])
def test_kept_and_edited_drafts_come_out_the_same_from_the_worker(
    kit_folder: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = load_kit(GERMAN_KIT if kit_folder == "de" else ENGLISH_KIT)
    with History(tmp_path / "history.sqlite3") as history:
        first = plan_week(kit, "2026-W49", history=history)
        ids = [draft.id for draft in first.drafts]
        history.mark(ids[0], "approved")
        history.mark(ids[1], "posted")
        history.set_edited_text(ids[2], "My own words, with a [[prompt]] left in.")
        monkeypatch.setattr(draft_worker, "THRESHOLD", 10**9)
        alone = plan_week(kit, "2026-W49", history=history, record=False)
        monkeypatch.setattr(draft_worker, "THRESHOLD", 0)
        shared = plan_week(kit, "2026-W49", history=history, record=False)
    assert shared.model_dump_json() == alone.model_dump_json()
    assert any(entry.draft.edited for entry in shared.entries)
