"""Plain values through the pipes between this process and a forked worker.

The drafting worker (:mod:`advocacy_kit.draft_worker`) sends chunks of assignments, results and a
helper's payloads through :mod:`multiprocessing` queues; here is how they become bytes and how
much room each queue's pipe asks for.
"""

from __future__ import annotations

import contextlib
import marshal
import pickle
from typing import Any

__all__ = ["PIPE_BYTES", "as_bytes", "from_bytes", "widen"]

PIPE_BYTES = 1 << 20
"""The room asked for in each pipe between the processes (Linux lets anyone ask for up to 1 MiB):
a chunk or its results (some 70 and 120 kB for a large week) then go in with one write, where the
64 kB a pipe holds by default made the reading process wait in the middle of every message until
the other process's queue thread got a core back to write the rest."""


def as_bytes(values: list[Any]) -> tuple[bool, bytes]:
    """``values`` as bytes: by marshal (faster both ways) if it can, else by pickle."""
    try:
        # marshal refuses every type but the plain built-in ones (subclasses too) and gives
        # those back as they were — except objects with a buffer, which it turns into bytes:
        # the values given to carry must not hold such objects (``plain_values`` sees to it).
        return True, marshal.dumps(values)
    except Exception:
        return False, pickle.dumps(values, protocol=5)


def widen(pipe: Any) -> None:
    """Ask for :data:`PIPE_BYTES` of room in ``pipe`` (or a queue's); else it keeps its own."""
    pipe = getattr(pipe, "_reader", pipe)  # a multiprocessing queue reads from one pipe
    try:
        import fcntl  # not on every system that forks
    except ImportError:
        return
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None)  # Linux only
    if set_size is None:
        return
    with contextlib.suppress(OSError, ValueError):
        fcntl.fcntl(pipe.fileno(), set_size, PIPE_BYTES)


def from_bytes(data: tuple[bool, bytes]) -> Any:
    """What :func:`as_bytes` gave, as the values it was given."""
    by_marshal, payload = data
    return marshal.loads(payload) if by_marshal else pickle.loads(payload)
