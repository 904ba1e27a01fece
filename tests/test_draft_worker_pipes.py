"""The pipes to and from the worker hold a whole chunk, and messages larger than that still pass."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from advocacy_kit import draft_worker
from advocacy_kit.draft_worker import DraftWorker
from advocacy_kit.worker_pipes import PIPE_BYTES
from advocacy_kit.worker_pipes import widen as _widen

PARENT = os.getpid()
_MAX = int(Path("/proc/sys/fs/pipe-max-size").read_text()) if Path("/proc/sys/fs").is_dir() else 0


class _Pipe:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def fileno(self) -> int:
        return self.fd


def _room(fd: int) -> int:
    return fcntl.fcntl(fd, getattr(fcntl, "F_GETPIPE_SZ", 1032))


def test_a_pipe_gets_the_room_asked_for_where_the_system_allows_it() -> None:
    reader, writer = os.pipe()
    try:
        before = _room(reader)
        _widen(_Pipe(reader))
        allowed = hasattr(fcntl, "F_SETPIPE_SZ") and PIPE_BYTES <= _MAX
        assert _room(reader) == (PIPE_BYTES if allowed else before)
        assert _room(writer) == _room(reader)  # one pipe: both ends see its room
    finally:
        os.close(reader)
        os.close(writer)


def test_a_pipe_that_cannot_be_widened_stays_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    reader, writer = os.pipe()
    try:
        before = _room(reader)
        monkeypatch.delattr(fcntl, "F_SETPIPE_SZ", raising=False)
        _widen(_Pipe(reader))
        assert _room(reader) == before
        _widen(_Pipe(-1))  # closed or not a pipe: nothing raised, nothing changed
    finally:
        os.close(reader)
        os.close(writer)


@pytest.mark.parametrize(
    "size", [10, 70_000, 3 * PIPE_BYTES], ids=["small", "over-64k", "over-room"]
)
def test_messages_of_any_size_travel_both_ways(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft_worker, "THRESHOLD", 0)
    monkeypatch.setattr(draft_worker, "CHUNK", 2)
    made = list(range(12))
    worker: DraftWorker[int, str] = DraftWorker(
        lambda n: f"{n}:" + "ä" * size,
        encode=lambda item: (item, "ü" * size),  # chunks as large as the results
        decode=lambda item: int(item[0]) if item[1] == "ü" * size else -1,
        pack=lambda result: result,
        unpack=lambda item, packed: str(packed),
        expected=len(made),
    )
    objects = {value: value for value in made}
    with worker:
        for value in made:
            worker.planned(objects[value])
        got = worker.results([objects[value] for value in made])
    assert got == [f"{n}:" + "ä" * size for n in made]


def test_the_worker_s_queues_get_the_room(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft_worker, "THRESHOLD", 0)
    with DraftWorker(
        str,
        encode=lambda item: item,
        decode=lambda item: item,
        pack=lambda result: result,
        unpack=lambda item, packed: str(packed),
        expected=1,
    ) as worker:
        allowed = hasattr(fcntl, "F_SETPIPE_SZ") and PIPE_BYTES <= _MAX
        for queue in (worker._tasks, worker._results):
            assert (_room(queue._reader.fileno()) == PIPE_BYTES) is allowed
        worker.planned(7)
        assert worker.results([7]) == ["7"]
