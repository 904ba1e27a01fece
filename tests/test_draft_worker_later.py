"""The drafting worker as a helper once drafting is done: ``later`` run there on plain values."""

from __future__ import annotations

from typing import Any

import pytest

from advocacy_kit import draft_worker
from advocacy_kit.draft_worker import DraftWorker

from .worker_support import int_worker


def _later(payload: Any) -> Any:
    if payload == "fail":
        raise ValueError("this one fails there")
    return [value * 2 for value in payload]


def _worker(later: Any, expected: int = 1) -> DraftWorker[int, int]:
    return int_worker(lambda n: n + 1, expected=expected, later=later)


def _drafted(worker: DraftWorker[int, int]) -> None:
    worker.planned(1)
    worker.planned(2)
    assert worker.results([2, 1]) == [3, 2]


def test_later_runs_there_in_the_order_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft_worker, "THRESHOLD", 0)
    with _worker(_later) as worker:
        assert not worker.send([1])  # not while drafting
        _drafted(worker)
        assert worker.helper is worker
        assert worker.send([1, 2])
        assert worker.send("fail")
        assert worker.send(["a", 1.5])
        assert worker.send([[1], (2,)])
        assert worker.take() == (True, [2, 4])
        assert worker.take() == (False, None)  # failed there: the caller does it itself
        assert worker.take() == (True, ["aa", 3.0])
        assert worker.take() == (True, [[1, 1], (2, 2)])
        process = worker._process
    assert process is not None
    process.join(timeout=10)
    assert not process.is_alive()
    assert worker.helper is None  # ended with the with block; it takes no more work
    assert not worker.send([1])
    assert worker.take() == (False, None)


def test_a_worker_that_is_gone_gives_no_results(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft_worker, "THRESHOLD", 0)
    monkeypatch.setattr(draft_worker, "_WAIT", 0.05)
    with _worker(_later) as worker:
        _drafted(worker)
        process = worker._process
        assert process is not None
        process.kill()
        process.join()
        assert worker.take() == (False, None)
        assert worker.helper is None
        assert not worker.send([1])


def test_no_helper_without_later_or_without_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    with _worker(_later, expected=0) as alone:  # a small week: no worker at all
        _drafted(alone)
        assert alone.helper is None
        assert not alone.send([1])
    monkeypatch.setattr(draft_worker, "THRESHOLD", 0)
    with _worker(None) as worker:
        _drafted(worker)
        assert worker.helper is None
        assert worker._process is None  # told to end once drafting was done
