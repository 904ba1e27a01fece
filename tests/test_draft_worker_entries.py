"""The worker's results travel by pickle and become the very entries one process builds."""

from __future__ import annotations

import os
import pickle
from typing import Any

import pytest
from pydantic import BaseModel, Field

from advocacy_kit import draft_worker
from advocacy_kit.calendar import Assignment, CalendarEntry, Draft, Finding, Post
from advocacy_kit.draft_worker import DraftWorker
from advocacy_kit.loading import load_kit
from advocacy_kit.pipeline import plan_week
from advocacy_kit.plain_values import (
    AssignmentCodec,
    build_entry,
    pack_for_pickle,
    pack_written,
    unpack_entry,
    unpack_written,
)
from advocacy_kit.prevalidated import builder, is_shared_fields_set, shared_fields_set

from .conftest import ENGLISH_KIT, GERMAN_KIT
from .test_plain_values_fast import ASSIGNMENT, ASSIGNMENTS, WRITTEN, _same, _travel
from .worker_support import int_worker

PARENT = os.getpid()


def _by_pickle(value: Any) -> Any:
    return pickle.loads(pickle.dumps(value, protocol=5))


def _same_entry(got: CalendarEntry, expected: CalendarEntry) -> None:
    _same(got, expected)
    assert got.slot is expected.slot
    assert got.assignment is expected.assignment
    _same(got.draft, expected.draft)
    _same(got.post, expected.post)
    assert got.findings == expected.findings
    for finding, original in zip(got.findings, expected.findings, strict=True):
        _same(finding, original)
    for key, value in expected.post.details.items():
        assert type(got.post.details[key]) is type(value)


@pytest.mark.parametrize("name", list(WRITTEN), ids=list(WRITTEN))
def test_a_written_draft_comes_back_as_the_entry_one_process_builds(name: str) -> None:
    written = WRITTEN[name]
    expected = build_entry(ASSIGNMENT, written)
    got = unpack_entry(ASSIGNMENT, _by_pickle(pack_for_pickle(written)))
    _same_entry(got, expected)
    assert got.draft.assignment is ASSIGNMENT
    assert got.slot is ASSIGNMENT.slot
    # The careful pair gives the same, by marshal where it can.
    draft, post, findings = unpack_written(ASSIGNMENT, _travel(pack_written(written)))
    _same_entry(build_entry(ASSIGNMENT, (draft, post, findings)), expected)


def test_an_entry_is_what_model_construct_makes() -> None:
    draft, post, findings = WRITTEN["plain"]
    entry = build_entry(ASSIGNMENT, (draft, post, findings))
    careful = CalendarEntry.model_construct(
        slot=ASSIGNMENT.slot, assignment=ASSIGNMENT, draft=draft, post=post, findings=findings
    )
    _same(entry, careful)
    assert entry.__pydantic_fields_set__ is shared_fields_set(
        CalendarEntry, CalendarEntry.model_fields
    )


def test_shared_fields_sets_stay_shared_after_the_trip() -> None:
    draft, post, findings = WRITTEN["plain"]
    shared_draft = Draft.model_construct(
        shared_fields_set(Draft, draft.model_fields_set), **dict(draft)
    )
    got = unpack_entry(ASSIGNMENT, _by_pickle(pack_for_pickle((shared_draft, post, findings))))
    again = unpack_entry(ASSIGNMENT, _by_pickle(pack_for_pickle((shared_draft, post, findings))))
    assert got.draft.__pydantic_fields_set__ is again.draft.__pydantic_fields_set__
    assert is_shared_fields_set(Draft, got.draft.__pydantic_fields_set__)
    assert got.draft.model_fields_set == draft.model_fields_set


def test_an_equal_set_of_its_own_is_not_taken_for_the_shared_one() -> None:
    names = {"code", "severity", "message"}
    shared = shared_fields_set(Finding, names)
    assert is_shared_fields_set(Finding, shared)
    assert not is_shared_fields_set(Finding, set(names))
    assert not is_shared_fields_set(Finding, frozenset(names))
    assert not is_shared_fields_set(Post, shared)  # another class's set
    values: dict[str, Any] = {"code": "AK1", "severity": "hint", "message": "m"}
    own = Finding.model_construct(set(names), **values)
    mine = Finding.model_construct(shared, **values)
    every = Finding.model_construct(None, **values)
    draft, post, _ = WRITTEN["plain"]
    for finding in (mine, own, every, mine, own, every):  # codes by identity and by value agree
        (got,) = unpack_entry(
            ASSIGNMENT, _by_pickle(pack_for_pickle((draft, post, [finding])))
        ).findings
        _same(got, finding)
        assert is_shared_fields_set(Finding, got.__pydantic_fields_set__)


@pytest.mark.parametrize("name", list(ASSIGNMENTS), ids=list(ASSIGNMENTS))
def test_an_assignment_comes_back_as_it_was_by_either_way(name: str) -> None:
    assignment = ASSIGNMENTS[name]
    codec = AssignmentCodec([assignment.slot])
    for _ in range(2):  # the second time its fields set is known by identity, if shared
        got = codec.decode(_travel(codec.encode(assignment)))
        _same(got, assignment)
        assert got.slot is assignment.slot


class _Aliased(BaseModel):
    name: str = Field(alias="title")


def test_the_builder_refuses_what_it_cannot_build_and_builds_the_rest() -> None:
    with pytest.raises(TypeError, match="_Aliased"):
        builder(_Aliased)
    made = builder(Assignment)(dict(ASSIGNMENT.__dict__), ASSIGNMENT.__pydantic_fields_set__)
    _same(made, ASSIGNMENT)


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft_worker, "THRESHOLD", 0)
    monkeypatch.setattr(draft_worker, "CHUNK", 2)


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize("by_pickle", [True, False], ids=["by-pickle", "by-marshal"])
def test_the_worker_does_its_own_work_and_sends_what_it_packs(by_pickle: bool) -> None:
    made = list(range(1000, 1031))
    worker: DraftWorker[int, tuple[str, Any]] = DraftWorker(
        lambda n: ("here", n),
        encode=lambda item: item,
        decode=lambda item: item,
        work_there=lambda n: bytearray(str(n).encode()),
        pack=lambda result: result,
        unpack=lambda item, packed: ("there", packed),
        results_by_pickle=by_pickle,
        expected=len(made),
    )
    objects = {value: value for value in made}  # compared by identity, as assignments are
    for value in made:
        worker.planned(objects[value])
    seen: list[int] = []
    results = worker.results([objects[value] for value in reversed(made)], done=seen.append)
    assert seen == list(range(1, len(made) + 1))
    for n, (where, value) in zip(reversed(made), results, strict=True):
        if where == "here":
            assert value == n
        else:
            # pickle keeps a bytearray one; marshal gives bytes (why pack_written checks).
            assert type(value) is (bytearray if by_pickle else bytes)
            assert value == str(n).encode()


@pytest.mark.usefixtures("small_chunks")
def test_progress_counts_each_result_once_when_the_worker_fails() -> None:
    def work(n: int) -> int:
        if os.getpid() != PARENT and n % 5 == 0:
            raise ValueError(n)
        return n * 3

    made = list(range(1000, 1040))
    worker = int_worker(work, expected=len(made))
    objects = {value: value for value in made}
    for value in made:
        worker.planned(objects[value])
    seen: list[int] = []
    assert worker.results([objects[v] for v in made], done=seen.append) == [n * 3 for n in made]
    assert seen == list(range(1, len(made) + 1))


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_a_week_through_the_worker_is_the_week_of_one_process(
    kit_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = load_kit(kit_path)  # type: ignore[arg-type]
    monkeypatch.setattr(draft_worker, "THRESHOLD", 10**9)
    alone = plan_week(kit, "2026-W49")
    monkeypatch.setattr(draft_worker, "THRESHOLD", 0)
    monkeypatch.setattr(draft_worker, "CHUNK", 3)
    shared = plan_week(kit, "2026-W49")
    assert shared.model_dump_json() == alone.model_dump_json()
    for got, expected in zip(shared.entries, alone.entries, strict=True):
        _same(got.draft, expected.draft)
        assert got.draft.__pydantic_fields_set__ is expected.draft.__pydantic_fields_set__
        assert got.post.__pydantic_fields_set__ is expected.post.__pydantic_fields_set__
