"""Drafting a large week while it is still being planned, in a second process.

Planning a week is one long sequence of choices (each slot's topic depends on every choice
before it), but drafting, formatting and checking one post depends on nothing but its
assignment. On a machine with two cores a forked worker therefore starts drafting the first
assignments while this process still plans the rest: the planner hands over each assignment as
it is made, and every :data:`CHUNK` of them goes to a queue as plain values — but never more than
:data:`AHEAD` chunks waiting for the worker, so the rest stay here as they are. Once planning is
done, this process drafts those itself (nothing to encode) while it keeps the worker's queue
filled, in chunks that shrink to a quarter of what is left (no fewer than :data:`LAST` items),
and at the end takes what still waits in the queue, so both finish at about the same time; a
worker that sent every result ends by itself, without this process waiting for it. The
worker's results (plain field values) are rebuilt here into the same frozen values a single
process makes, a chunk's at once. Chunks travel by :mod:`marshal` when they hold only
plain built-in values and by :mod:`pickle` otherwise; results by pickle alone if asked (values
marshal would change, such as a ``bytearray``, then need no look first). Each queue's pipe is
asked for room for a whole chunk (:data:`PIPE_BYTES`), so neither process waits in the middle of
a message for the other to write the rest.

The calendar is the same byte for byte: each result is put back in the place of its
assignment. Errors are too: if anything fails on either side, or the worker dies, every draft
is gone through once more here in the calendar's order, reusing the results that are known
good, so the first failing assignment raises exactly what a single process would raise.
Small weeks and machines without ``fork`` draft in this process after planning, as before.

Given a function ``later``, the worker stays once drafting is done, as a
:class:`~advocacy_kit.parallel.Helper` that runs it on what :meth:`DraftWorker.send` gives it
(the week's checks compare some days there): it ends when the ``with`` block does.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import queue
from collections.abc import Callable, Sequence
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

from . import parallel
from .gc_tuning import shared_with_workers
from .handoffs import quick_handoffs
from .worker_pipes import PIPE_BYTES, as_bytes, from_bytes, widen

__all__ = ["AHEAD", "CHUNK", "LAST", "PIPE_BYTES", "THRESHOLD", "DraftWorker"]

T = TypeVar("T")
R = TypeVar("R")

THRESHOLD = 5_000
"""Weeks with fewer slots than this are drafted in one process: a worker costs more."""

CHUNK = 200
"""Assignments handed over at a time; small enough that both processes end close together."""

AHEAD = 2
"""Chunks queued for the worker besides the one it drafts: enough that it never waits for work
while this process drafts one chunk of its own, few enough that both end close together."""

LAST = 20
"""The fewest items in a chunk once planning is done: chunks shrink towards the end (to a
quarter of what is left), so neither process drafts a long chunk alone while the other is done."""

_FEED_EVERY = 20  # items drafted here between looks at the worker's queue

_WAIT = 0.5  # seconds between checks that the worker is still alive while waiting for it
_DONE = None  # the end of the queue; whoever takes it puts it back for the other process
_LATER = -1  # where a result of ``later`` would have a chunk's start
_MISSING: Any = object()  # the place of a result not made yet


def _serve(
    tasks: Any,
    results: Any,
    taken: Any,
    work: Callable[[Any], Any],
    pack: Callable[[Any], Any],
    decode: Callable[[Any], Any],
    by_pickle: bool,
    later: tuple[Any, Callable[[Any], Any]] | None,
) -> None:
    """The worker: draft chunks from ``tasks`` until the end, sending back packed results;
    then, with ``later`` (a queue and a function), run that on each payload from the queue."""
    while True:
        task = tasks.get()
        if task is _DONE:
            tasks.put(_DONE)
            break
        taken.value += 1  # only this process writes it; the other one reads it
        start, payload = task
        try:
            packed = [pack(work(decode(item))) for item in from_bytes(payload)]
            data: tuple[bool, bytes] | None = (
                (False, pickle.dumps(packed, protocol=5)) if by_pickle else as_bytes(packed)
            )
        except Exception:  # this process does the chunk again and reports the error itself
            data = None
        results.put((start, data))
    if later is None:
        return
    payloads, function = later
    while True:
        payload = payloads.get()
        if payload is _DONE:
            return
        try:
            data = as_bytes([function(from_bytes(payload)[0])])
        except Exception:  # the other process does it again and reports the error itself
            data = None
        results.put((_LATER, data))


class DraftWorker(Generic[T, R]):
    """Work on planned items in a forked worker while planning goes on; see the module text.

    ``work`` turns an item into a result; ``encode``/``decode`` carry an item to the worker as
    plain values and back into an item there; ``pack``/``unpack`` do the same for its result.
    The worker packs what ``work_there`` gives if that is given (less than a whole result, say,
    that ``unpack`` completes), and with ``results_by_pickle`` sends its results by pickle
    only, for packed values that marshal would not give back as they were.
    Use :meth:`planned` as the planner's callback and :meth:`results` once planning is done;
    use it in a ``with`` block, so the worker stops when planning fails. With ``later``, the
    worker stays after drafting as :attr:`helper`, running ``later`` on plain values.
    """

    def __init__(
        self,
        work: Callable[[T], R],
        *,
        encode: Callable[[T], Any],
        decode: Callable[[Any], T],
        pack: Callable[[Any], Any],  # R, or what work_there gives
        unpack: Callable[[T, Any], R],
        expected: int,
        work_there: Callable[[T], Any] | None = None,
        results_by_pickle: bool = False,
        later: Callable[[Any], Any] | None = None,
    ) -> None:
        self.work, self.encode, self.unpack = work, encode, unpack
        self.helper: DraftWorker[T, R] | None = None  # self, once drafting is done, with later
        self.made: list[T] = []  # in the order the planner made them
        self._next = 0  # the first item neither sent to the worker nor kept here
        self._queued = 0  # chunks put in the worker's queue
        self._kept: list[int] = []  # chunks this process does itself: they could not travel
        self._stops: dict[int, int] = {}  # where each chunk ends, by where it starts
        self._due = CHUNK  # how many items made when the worker's queue is looked at next
        self._process: BaseProcess | None = None
        self._handoffs = contextlib.ExitStack()
        self._payloads: Any = None  # later's queue
        if expected < THRESHOLD or not parallel.can_fork():
            return
        context = multiprocessing.get_context("fork")
        self._tasks: Any = context.Queue()
        self._results: Any = context.Queue()
        self._taken: Any = context.RawValue("q", 0)  # chunks the worker took from its queue
        widen(self._tasks)
        widen(self._results)
        if later is not None:
            self._payloads = context.Queue()
            widen(self._payloads)
        with shared_with_workers():
            self._process = context.Process(
                target=_serve,
                args=(
                    self._tasks,
                    self._results,
                    self._taken,
                    work if work_there is None else work_there,
                    pack,
                    decode,
                    results_by_pickle,
                    None if later is None else (self._payloads, later),
                ),
                daemon=True,
            )
            self._process.start()
        # The queues' threads pass chunks and results between drafts here: quick turns for them.
        self._handoffs.enter_context(quick_handoffs())

    def __enter__(self) -> DraftWorker[T, R]:
        return self

    def __exit__(self, kind: object, *exc_info: object) -> None:
        # A worker that did its work ends by itself (see _stop); after an error, it is ended.
        self._stop(wait=kind is not None)

    def planned(self, item: T) -> None:
        """The planner made ``item``; full chunks go to the queue while the worker needs them."""
        made = self.made
        made.append(item)
        if len(made) >= self._due and self._process is not None:
            self._feed(whole=True)
            # A whole chunk is waiting only if the worker's queue is full: look again after a
            # few more items then (it holds enough work meanwhile), else once a chunk is made.
            self._due = max(self._next + CHUNK, len(made) + _FEED_EVERY)

    def _take(self, *, whole: bool) -> int | None:
        """The start of the next chunk from :attr:`_next` on, or None if none is (whole) left.

        While planning goes on (``whole``) a chunk has :data:`CHUNK` items; once it is done,
        a quarter of what is left, between :data:`LAST` and :data:`CHUNK`.
        """
        start, made = self._next, len(self.made)
        if whole:
            if made - start < CHUNK:
                return None
            size = CHUNK
        elif start == made:
            return None
        else:
            size = min(CHUNK, max(LAST, (made - start) // 4))
        self._next = self._stops[start] = min(start + size, made)
        return start

    def _feed(self, *, whole: bool) -> None:
        """Send chunks from :attr:`_next` on while fewer than :data:`AHEAD` wait in the queue."""
        while self._queued - self._taken.value < AHEAD:
            start = self._take(whole=whole)
            if start is None:
                return
            try:
                payload = as_bytes(list(map(self.encode, self._chunk(start))))
            except Exception:  # drafted here, where any error is raised as it would be alone
                self._kept.append(start)
                continue
            self._tasks.put((start, payload))
            self._queued += 1

    def results(self, items: Sequence[T], done: Callable[[int], None] | None = None) -> list[R]:
        """``[work(item) for item in items]`` — ``items`` are the planned ones in any order."""
        if self._process is None:
            made: list[R] = []
            for item in items:
                made.append(self.work(item))
                if done is not None:
                    done(len(made))
            return made
        # Results by the place of their item in self.made: a chunk's results go in by one slice.
        self._got: list[Any] = [_MISSING] * len(self.made)
        self._done, self._count = done, 0
        # The place of each asked item among the made ones, found while the worker drafts: at the
        # end, when this process alone works, the results are put in the asked order in one C loop.
        # (Items live during this call: their ids stay their own.)
        places = dict(zip(map(id, self.made), range(len(self.made)), strict=True))
        order = list(map(places.get, map(id, items)))
        planned = None not in order  # else an item that was never planned is drafted here
        failed = True
        try:
            failed = self._share()
        finally:
            if failed or self._payloads is None:
                self._stop(wait=failed)
            else:
                self.helper = self  # stays for later's work, until the with block ends
        got = self._got
        if not failed and self._count == len(got) and planned:
            return list(map(got.__getitem__, order))  # type: ignore[arg-type]
        # Once more in order: known results stay, the first failure raises as it would alone.
        ready = dict(zip(map(id, self.made), got, strict=True))
        for item in items:
            if ready.get(id(item), _MISSING) is _MISSING:
                ready[id(item)] = self.work(item)
                self._count += 1
                if done is not None:
                    done(self._count)
        return list(map(ready.__getitem__, map(id, items)))  # the asked order, in one C loop

    def _chunk(self, start: int) -> list[T]:
        return self.made[start : self._stops[start]]

    def _share(self) -> bool:
        """Both processes draft until no chunk is left; True if any chunk failed."""
        handled = 0  # items drafted here or whose chunk came back (or failed) from the worker
        failed = False
        got, done = self._got, self._done

        def collect(block: bool) -> None:
            nonlocal failed, handled
            while True:
                try:
                    start, data = self._results.get(block, _WAIT if block else None)
                except queue.Empty:
                    return
                chunk = self._chunk(start)
                handled += len(chunk)
                if data is None:
                    failed = True
                    continue
                packed = from_bytes(data)
                if len(packed) != len(chunk):
                    raise ValueError(f"{len(packed)} results for a chunk of {len(chunk)}")
                count = self._count
                got[start : start + len(chunk)] = map(self.unpack, chunk, packed)
                self._count = count + len(chunk)
                if done is not None:
                    for counted in range(count + 1, self._count + 1):
                        done(counted)
                # Results of a whole planning run may be waiting: keep the worker busy meanwhile.
                self._feed(whole=False)
                if block:
                    return

        def draft_here(start: int) -> bool:
            nonlocal handled
            chunk, work = self._chunk(start), self.work
            handled += len(chunk)
            try:
                for count, item in enumerate(chunk):
                    if not count % _FEED_EVERY:
                        # A chunk here may take long (the first one loads the templates), and
                        # the worker has only a few queued: look whether it needs more.
                        self._feed(whole=False)
                    got[start + count] = work(item)
                    self._count += 1
                    if done is not None:
                        done(self._count)
            except Exception:  # gone through again in order, where it raises as it would alone
                return False
            collect(block=False)
            return True

        # The chunks not handed out yet are drafted here as they are, the worker's queue kept full.
        while True:
            self._feed(whole=False)
            start = self._kept.pop() if self._kept else self._take(whole=False)
            if start is None:
                break
            if not draft_here(start):
                return True
        # Then what still waits for the worker: whoever is free first takes it.
        self._tasks.put(_DONE)
        while True:
            task = self._tasks.get()
            if task is _DONE:
                self._tasks.put(_DONE)
                break
            if not draft_here(task[0]):
                return True
        while handled < len(self.made):
            assert self._process is not None
            if not self._process.is_alive() and self._results.empty():
                return True  # the worker is gone: what it did not send is done here
            collect(block=True)
        return failed

    def send(self, payload: Any) -> bool:
        """Start ``later`` on ``payload`` (plain values) in the worker; False if it is gone."""
        if self.helper is None or self._process is None or not self._process.is_alive():
            return False
        try:
            data = as_bytes([payload])
        except Exception:  # not plain values after all: the caller does that work itself
            return False
        self._payloads.put(data)
        return True

    def take(self) -> tuple[bool, Any]:
        """The next of ``later``'s results, in the order sent: ``(True, result)``, or
        ``(False, None)`` if it failed in the worker or the worker is gone."""
        while self.helper is not None and self._process is not None:
            try:
                start, data = self._results.get(True, _WAIT)
            except queue.Empty:
                if self._process.is_alive():
                    continue
                self.helper = None  # gone: no more results will come
                break
            if start == _LATER and data is not None:
                return True, from_bytes(data)[0]
            break
        return False, None

    def _stop(self, *, wait: bool = True) -> None:
        """End the worker; without ``wait``, once it sent every result and was told it is done.

        Such a worker ends by itself, and the system takes its memory back meanwhile: this process
        goes on (multiprocessing reaps it when it starts another process, or at exit).
        """
        process = self._process
        self._process = None
        self.helper = None
        if process is None:
            return
        self._tasks.put(_DONE)  # a worker still waiting for work (planning failed) ends now
        if self._payloads is not None:
            self._payloads.put(_DONE)  # … and one waiting for later's work
        if wait:
            process.join(timeout=_WAIT)
            if process.is_alive():
                process.kill()
                process.join()
        self._tasks.cancel_join_thread()
        self._results.cancel_join_thread()
        self._tasks.close()
        self._results.close()
        if self._payloads is not None:
            self._payloads.cancel_join_thread()
            self._payloads.close()
        self._handoffs.close()
