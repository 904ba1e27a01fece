"""quick_handoffs() shortens the switch interval while helpers run, and restores it after."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from advocacy_kit.handoffs import HANDOFF_SECONDS, quick_handoffs


@pytest.fixture(autouse=True)
def default_interval() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    yield
    sys.setswitchinterval(before)


def test_shorter_inside_and_restored_after() -> None:
    with quick_handoffs():
        assert sys.getswitchinterval() == pytest.approx(HANDOFF_SECONDS)
    assert sys.getswitchinterval() == pytest.approx(0.005)


def test_nested_blocks_restore_only_at_the_end() -> None:
    with quick_handoffs():
        with quick_handoffs():
            pass
        assert sys.getswitchinterval() == pytest.approx(HANDOFF_SECONDS)
    assert sys.getswitchinterval() == pytest.approx(0.005)


def test_restored_when_the_block_fails() -> None:
    with pytest.raises(RuntimeError), quick_handoffs():
        raise RuntimeError("stop")
    assert sys.getswitchinterval() == pytest.approx(0.005)


def test_a_shorter_interval_of_the_program_is_kept() -> None:
    sys.setswitchinterval(0.0001)
    with quick_handoffs():
        assert sys.getswitchinterval() == pytest.approx(0.0001)
    assert sys.getswitchinterval() == pytest.approx(0.0001)


def test_blocks_overlapping_in_two_threads() -> None:
    entered, leave = threading.Event(), threading.Event()

    def helper() -> None:
        with quick_handoffs():
            entered.set()
            leave.wait(5)

    thread = threading.Thread(target=helper)
    with quick_handoffs():
        thread.start()
        entered.wait(5)
    # This block ended first: the helper's is still open.
    assert sys.getswitchinterval() == pytest.approx(HANDOFF_SECONDS)
    leave.set()
    thread.join()
    assert sys.getswitchinterval() == pytest.approx(0.005)


def test_the_streamed_writer_runs_with_quick_handoffs(tmp_path: Path) -> None:
    from advocacy_kit.exporters.base import StreamedContent, write_atomic

    seen: list[float] = []

    def pieces() -> Iterator[bytes]:
        for number in range(3):
            seen.append(sys.getswitchinterval())
            yield b"%d\n" % number

    path = write_atomic(tmp_path / "out.txt", StreamedContent(pieces))
    assert path.read_bytes() == b"0\n1\n2\n"
    assert seen == [pytest.approx(HANDOFF_SECONDS)] * 3
    assert sys.getswitchinterval() == pytest.approx(0.005)
