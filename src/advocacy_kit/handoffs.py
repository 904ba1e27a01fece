"""Quick turns for helper threads while this process's main thread keeps working.

Only one thread of a Python process runs Python code at a time. A helper thread that wants its
turn back (the thread writing ``calendar.json`` after each write and hash, the threads that pass
work to and from a forked worker) waits until the running thread gives it up, and the running
thread is asked to only after the switch interval, 5 ms by default. A main thread busy making
pieces or drafting lets go only then, so each helper waited up to 5 ms several times per piece
it handled: measured on two cores, writing a 240 MB ``calendar.json`` beside making it took
0.81–0.86 s, and 0.65–0.67 s with an interval of half a millisecond, the writer's own share
falling from 0.37 to 0.13–0.16 s.

:func:`quick_handoffs` shortens the interval while such helpers run and restores the one it
found when the last helper is done (blocks may nest and overlap across threads). A program that
set a shorter interval itself keeps it.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator

__all__ = ["HANDOFF_SECONDS", "quick_handoffs"]

HANDOFF_SECONDS = 0.0005
"""The switch interval while helper threads run: a helper waits at most this long for its turn."""

_lock = threading.Lock()
_depth = 0
_before = 0.0


@contextlib.contextmanager
def quick_handoffs() -> Iterator[None]:
    """Within this block, a waiting thread gets its turn within :data:`HANDOFF_SECONDS`."""
    global _depth, _before
    with _lock:
        if _depth == 0:
            _before = sys.getswitchinterval()
            if _before > HANDOFF_SECONDS:
                sys.setswitchinterval(HANDOFF_SECONDS)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _before > HANDOFF_SECONDS:
                sys.setswitchinterval(_before)
