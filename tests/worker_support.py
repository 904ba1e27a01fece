"""A drafting worker over whole numbers, for the tests of the worker itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from advocacy_kit.draft_worker import DraftWorker


def _same(value: Any) -> Any:
    return value


def _whole(item: int, packed: Any) -> int:
    return int(packed)


def int_worker(
    work: Callable[[int], int],
    *,
    expected: int,
    pack: Callable[[Any], Any] = _same,
    **options: Any,
) -> DraftWorker[int, int]:
    """A worker whose items travel as they are and whose results come back as ``int``."""
    return DraftWorker(
        work,
        encode=_same,
        decode=_same,
        pack=pack,
        unpack=_whole,
        expected=expected,
        **options,
    )
