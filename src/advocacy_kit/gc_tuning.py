"""No garbage-collector passes while a large kit is loaded, planned and exported.

Loading and planning create millions of small objects that all stay alive until the calendar is
written. Python's cyclic collector examines young objects every few hundred allocations and the
survivors again and again, which for an organisation of 10,000 people cost about a third of the
run even with a raised threshold. The work makes few reference cycles (reference counting frees
almost everything; a template macro leaves a dozen small objects per draft), so the collector is
switched off while it runs. At the end everything made meanwhile joins the oldest generation
without being examined (``gc.freeze()`` then ``gc.unfreeze()``), so the collector does not
walk the whole calendar at the next allocation; the few cycles are collected by its next full
pass, as any long-lived garbage is. Where the program froze objects of its own (a pre-fork
server), they are left alone, and the collector simply runs again.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterator
from functools import wraps
from typing import ParamSpec, TypeVar

__all__ = ["fewer_collections", "shared_with_workers"]

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_depth = 0
_was_enabled = True


def fewer_collections(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` with the cyclic collector paused; restore it afterwards."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        global _depth, _was_enabled
        with _lock:
            if _depth == 0:
                _was_enabled = gc.isenabled()
                gc.disable()
            _depth += 1
        try:
            return function(*args, **kwargs)
        finally:
            with _lock:
                _depth -= 1
                if _depth == 0:
                    if gc.get_freeze_count() == 0:
                        # Into the oldest generation, unexamined (see the module text).
                        gc.freeze()
                        gc.unfreeze()
                    if _was_enabled:
                        gc.enable()

    return run


@contextlib.contextmanager
def shared_with_workers() -> Iterator[None]:
    """Fork workers inside this block: objects alive now stay out of the collector's way there.

    A forked worker only reads what it inherits; frozen, the collector leaves those objects
    alone in the worker, which keeps their memory pages shared instead of copied. Nothing is
    frozen while the collector is paused anyway, or where the program froze objects of its own
    (unfreezing afterwards would thaw those too).
    """
    freeze = gc.isenabled() and gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        yield
    finally:
        if freeze:
            gc.unfreeze()
