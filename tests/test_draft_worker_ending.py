"""Both processes end drafting together: chunks shrink at the end, the worker ends by itself."""

from __future__ import annotations

import pytest

from advocacy_kit import draft_worker
from advocacy_kit.draft_worker import CHUNK, LAST, DraftWorker

from .worker_support import int_worker


def _alone(count: int) -> DraftWorker[int, int]:
    """A worker object without a process: its chunks are cut as a forked one's are."""
    worker = int_worker(abs, expected=0)
    for n in range(count):
        worker.planned(n)
    return worker


@pytest.mark.parametrize("count", [0, 1, 19, 20, 21, 199, 200, 801, 5_000], ids=str)
def test_chunks_cover_every_item_once_and_shrink_after_planning(count: int) -> None:
    worker = _alone(count)
    sizes: list[int] = []
    starts: list[int] = []
    while (start := worker._take(whole=True)) is not None:
        assert worker._stops[start] - start == CHUNK  # while planning: whole chunks only
        starts.append(start)
    while (start := worker._take(whole=False)) is not None:
        left = count - start
        size = worker._stops[start] - start
        assert size == min(CHUNK, max(LAST, left // 4), left)
        sizes.append(size)
        starts.append(start)
    covered = [n for start in starts for n in range(start, worker._stops[start])]
    assert covered == list(range(count))
    assert sizes == sorted(sizes, reverse=True)  # never larger towards the end


def test_a_worker_that_sent_everything_ends_by_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft_worker, "THRESHOLD", 0)
    monkeypatch.setattr(draft_worker, "CHUNK", 4)
    monkeypatch.setattr(draft_worker, "LAST", 1)
    made = list(range(1000, 1050))
    worker = int_worker(lambda n: n + 1, expected=len(made))
    process = worker._process
    assert process is not None
    objects = {value: value for value in made}
    with worker:
        for value in made:
            worker.planned(objects[value])
        assert worker.results([objects[v] for v in made]) == [n + 1 for n in made]
    process.join(timeout=10)
    assert not process.is_alive()
    assert process.exitcode == 0
