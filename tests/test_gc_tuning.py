"""The collector is paused while a kit is worked on and comes back exactly as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from advocacy_kit.gc_tuning import fewer_collections


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    enabled, threshold = gc.isenabled(), gc.get_threshold()
    yield
    gc.unfreeze()
    gc.enable() if enabled else gc.disable()
    gc.set_threshold(*threshold)


@fewer_collections
def _inner() -> bool:
    return gc.isenabled()


@fewer_collections
def _outer() -> tuple[bool, bool, bool]:
    before = gc.isenabled()
    inner = _inner()
    return before, inner, gc.isenabled()


@pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled"])
def test_paused_inside_and_restored_after(enabled: bool) -> None:
    gc.enable() if enabled else gc.disable()
    threshold = gc.get_threshold()
    assert _outer() == (False, False, False)  # nested calls keep it paused
    assert gc.isenabled() is enabled
    assert gc.get_threshold() == threshold


def test_objects_made_inside_are_collectable_afterwards() -> None:
    @fewer_collections
    def make_cycle() -> None:
        cycle: list[object] = []
        cycle.append(cycle)

    make_cycle()
    assert gc.get_freeze_count() == 0
    assert gc.collect() >= 1


def test_objects_the_program_froze_stay_frozen() -> None:
    kept = [[] for _ in range(10)]
    gc.freeze()
    frozen = gc.get_freeze_count()
    _inner()
    assert gc.get_freeze_count() == frozen
    assert kept


def test_shared_with_workers_freezes_only_when_it_helps() -> None:
    from advocacy_kit.gc_tuning import shared_with_workers

    gc.enable()
    with shared_with_workers():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    gc.disable()  # paused anyway (as while a week is planned): nothing to freeze
    with shared_with_workers():
        assert gc.get_freeze_count() == 0


def test_shared_with_workers_leaves_the_programs_frozen_objects_frozen() -> None:
    from advocacy_kit.gc_tuning import shared_with_workers

    kept = [[] for _ in range(10)]
    gc.enable()
    gc.freeze()
    frozen = gc.get_freeze_count()
    with shared_with_workers():
        pass
    assert gc.get_freeze_count() == frozen
    assert kept
