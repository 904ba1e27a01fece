"""Independent pieces of work in two processes, with exactly the result of doing them in one.

Reading a large kit's files and comparing a large week's days for near-duplicates are lists of
pieces that do not depend on each other, and a machine with two cores can do two at a time.
Above :data:`THRESHOLD` items, :func:`map_in_halves` forks one worker for the second half of the
list (a little more than half) while this process does the first; the worker sends back plain
values in chunks, which are rebuilt here while this process still works on its own part.
Results come back in the original order, so the outcome is the same byte for byte. Where
forking is not available, the list is short, or the worker fails for any reason, everything is
done here, one after the other — which also raises any error exactly as a single process would.
(Drafting has its own worker, which starts while the week is still being planned:
:mod:`advocacy_kit.draft_worker`. Once drafting is done, that worker can go on as a
:class:`Helper`: a process that is there already needs no fork, and the memory pages this one
writes afterwards are not shared with it, so none of them is copied.)
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Generic, Protocol, TypeVar

from .gc_tuning import shared_with_workers
from .handoffs import quick_handoffs

__all__ = ["CHUNKS", "SHARE", "THRESHOLD", "Helper", "can_fork", "map_in_halves"]

T = TypeVar("T")
R = TypeVar("R")

THRESHOLD = 5_000
"""Fewer items than this are done in one process: starting a worker costs more."""

CHUNKS = 8
"""The worker's half comes back in this many pieces, each rebuilt here as soon as it is ready."""

SHARE = 48
"""The percentage of the items this process works on itself (without ``weight``)."""


class Helper(Protocol):
    """A second process that runs one function, fixed when it started, on plain values.

    Whoever asks for a helper says which function it must run (see
    :func:`advocacy_kit.checks.check_week`). Payloads and results are plain built-in values.
    """

    def send(self, payload: Any) -> bool:
        """Start the function on ``payload``; False if the helper takes no more work."""

    def take(self) -> tuple[bool, Any]:
        """The next result, in the order sent: ``(True, result)``, or ``(False, None)`` if the
        function failed there or the helper is gone (the caller then does that work itself)."""


class _Job(Generic[T, R]):
    """The work a forked worker inherits (nothing but the range is sent to it)."""

    def __init__(
        self,
        items: Sequence[T],
        work: Callable[[T], R],
        pack: Callable[[R], Any],
    ) -> None:
        self.items = items
        self.work = work
        self.pack = pack


_job: _Job[Any, Any] | None = None


def _run_range(start: int, stop: int) -> list[Any]:
    assert _job is not None
    return [_job.pack(_job.work(item)) for item in _job.items[start:stop]]


def can_fork() -> bool:
    """Whether a worker can be forked onto a second core (every forked helper asks this)."""
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


def map_in_halves(
    items: Sequence[T],
    work: Callable[[T], R],
    *,
    pack: Callable[[R], Any],
    unpack: Callable[[T, Any], R],
    done: Callable[[int], None] | None = None,
    minimum: int | None = None,
    weight: Callable[[T], int] | None = None,
    first: int | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[R]:
    """``[work(item) for item in items]``, the second half in a forked worker when it pays.

    ``pack`` turns a result into plain picklable values in the worker; ``unpack`` rebuilds it
    here from the item and those values. ``done`` is called with the count of results ready,
    in order, as they are. ``minimum`` is the fewest items worth a worker (:data:`THRESHOLD`
    unless given: a few large items may be worth it too). With ``weight``, the halves are split
    where half the total weight is reached rather than at half the items; with ``first``, this
    process does that many items and the worker the rest. ``meanwhile`` is called here once the
    worker has started, before this process's own items (with no worker, before all items):
    other work that can be done beside the worker, for which ``first`` leaves room.
    """
    global _job
    results: list[R] = []

    def finish(result: R) -> None:
        results.append(result)
        if done is not None:
            done(len(results))

    few = len(items) < (THRESHOLD if minimum is None else max(minimum, 2))
    if few or not can_fork() or (first is not None and first >= len(items)):
        if meanwhile is not None:
            meanwhile()
        for item in items:
            finish(work(item))
        return results
    if first is not None:
        middle = max(first, 0)
    elif weight is not None:
        weights = [weight(item) for item in items]
        total = sum(weights)
        prefixes = list(itertools.accumulate(weights))
        middle = min(range(1, len(items)), key=lambda at: abs(2 * prefixes[at - 1] - total))
    else:  # a little less than half here: this process also rebuilds the worker's results
        middle = max(1, len(items) * SHARE // 100)
    _job = _Job(items, work, pack)
    # The worker's half goes in chunks, so its first results are rebuilt here while this
    # process still works on its own half instead of all of them after it.
    size = max(1, -(-(len(items) - middle) // CHUNKS))
    bounds = [(at, min(at + size, len(items))) for at in range(middle, len(items), size)]
    ready: list[R] = []
    failed_at: int | None = None
    try:
        # The pool's threads hand work and results to and from the worker between this
        # process's own items: they get their turns quickly.
        with quick_handoffs():
            pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            try:
                with shared_with_workers():  # the worker is forked at the first submit
                    chunks = [pool.submit(_run_range, start, stop) for start, stop in bounds]
                if meanwhile is not None:
                    meanwhile()
                waiting = 0

                def collect(block: bool) -> None:
                    nonlocal waiting, failed_at
                    while failed_at is None and waiting < len(chunks):
                        chunk = chunks[waiting]
                        if not block and not chunk.done():
                            return
                        try:
                            packed = chunk.result()
                        except Exception:  # the worker failed: do the rest here, errors and all
                            failed_at = bounds[waiting][0]
                            return
                        start, stop = bounds[waiting]
                        ready.extend(map(unpack, items[start:stop], packed))
                        waiting += 1

                for item in items[:middle]:
                    finish(work(item))
                    collect(block=False)
                collect(block=True)
                if failed_at is not None:
                    for chunk in chunks:
                        chunk.cancel()
            finally:
                # Not waiting for the worker to end: a large forked process takes a while to give
                # back its memory, which it does on the other core while this one goes on.
                pool.shutdown(wait=False, cancel_futures=True)
    finally:
        _job = None
    for result in ready:
        finish(result)
    if failed_at is not None:
        for item in items[failed_at:]:
            finish(work(item))
    return results
