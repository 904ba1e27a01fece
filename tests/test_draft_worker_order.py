"""Results in the asked order, whatever is asked: planned items, repeats, a part, strangers."""

from __future__ import annotations

import os
import pickle
from typing import Any

import pytest

from advocacy_kit import draft_worker
from advocacy_kit.calendar import Draft
from advocacy_kit.draft_worker import DraftWorker
from advocacy_kit.plain_values import build_entry, pack_for_pickle, unpack_entry

from .test_draft_worker_entries import _same_entry
from .test_plain_values_fast import ASSIGNMENT, DRAFT, FINDING, POST

PARENT = os.getpid()


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft_worker, "THRESHOLD", 0)
    monkeypatch.setattr(draft_worker, "CHUNK", 3)


class _Item:
    """An item compared by identity, as assignments are."""

    def __init__(self, n: int) -> None:
        self.n = n


def _work(item: _Item) -> tuple[int, bool]:
    return item.n * 10, os.getpid() == PARENT


MADE = [_Item(n) for n in range(23)]
STRANGER = _Item(99)  # asked for but never planned: made here


ASKED = {
    "reversed": list(reversed(MADE)),
    "twice-each": [*MADE, *MADE],
    "every-other": MADE[::2],
    "with-a-stranger": [*MADE[:5], STRANGER, *MADE[5:]],
    "nothing": [],
}


@pytest.mark.parametrize("name", list(ASKED), ids=list(ASKED))
def test_any_asked_order_gets_what_one_process_gives(name: str) -> None:
    asked = ASKED[name]
    seen: list[int] = []
    with DraftWorker(
        _work,
        encode=MADE.index,
        decode=MADE.__getitem__,  # the worker's copy of the same items
        pack=lambda result: result[0],
        unpack=lambda item, packed: (int(packed), False),
        expected=len(MADE),
    ) as worker:
        for item in MADE:
            worker.planned(item)
        got = worker.results(asked, done=seen.append)
    assert [n for n, _ in got] == [item.n * 10 for item in asked]
    for (_, here), item in zip(got, asked, strict=True):
        if item is STRANGER:
            assert here  # made in this process, after the shared ones
    assert seen == list(range(1, len(seen) + 1))


DRAFTS = {
    "fields-set-a-frozenset": Draft.model_construct(frozenset({"id", "text"}), **dict(DRAFT)),
    "fields-set-naming-a-stranger": Draft.model_construct({"id", "note"}, **dict(DRAFT)),
    "fields-set-empty": Draft.model_construct(set(), **dict(DRAFT)),
    "edited": DRAFT.model_copy(update={"text": "Eigene Worte", "edited": True, "prompts": []}),
}


@pytest.mark.parametrize("name", list(DRAFTS), ids=list(DRAFTS))
def test_a_draft_s_fields_set_travels_in_its_assignment_s_place(name: str) -> None:
    draft = DRAFTS[name]
    packed = pack_for_pickle((draft, POST, [FINDING]))
    assert packed[0]["assignment"] is not ASSIGNMENT  # the assignment stays behind
    for _ in range(2):  # the second time the code may be known by the set's identity
        got = unpack_entry(ASSIGNMENT, pickle.loads(pickle.dumps(packed, protocol=5)))
        _same_entry(got, build_entry(ASSIGNMENT, (draft, POST, [FINDING])))
        assert got.draft.model_fields_set == draft.model_fields_set
        assert type(got.draft.__pydantic_fields_set__) is type(draft.__pydantic_fields_set__)
        assert got.draft.assignment is ASSIGNMENT


def test_a_draft_of_another_kind_travels_whole() -> None:
    class _HouseDraft(Draft):
        """A plugin's own draft type."""

    draft: Any = _HouseDraft(**dict(DRAFT))
    packed = pack_for_pickle((draft, POST, []))
    assert packed[0] is draft
