"""Frozen models built directly share one fields set, and nothing a model can do changes it."""

from __future__ import annotations

import datetime as dt
import pickle
from zoneinfo import ZoneInfo

import pydantic
import pytest
from pydantic import BaseModel

from advocacy_kit.calendar import Finding, Slot
from advocacy_kit.plain_values import pack_written, unpack_written
from advocacy_kit.prevalidated import prevalidated, shared_fields_set

START = dt.datetime(2026, 11, 30, 8, 30, tzinfo=ZoneInfo("Europe/Berlin"))


def _slot(person_id: str) -> Slot:
    values = {
        "person_id": person_id,
        "platform": "x",
        "start": START,
        "timezone": "Europe/Berlin",
        "note": None,
    }
    return prevalidated(Slot, values)


class _Open(BaseModel):  # not frozen: its fields set may grow
    name: str = ""
    other: str = ""


def test_frozen_instances_share_one_set_of_every_field() -> None:
    first, second = _slot("lena"), _slot("tom")
    assert first.model_fields_set is second.model_fields_set
    assert first.model_fields_set == set(Slot.model_fields)
    assert shared_fields_set(Slot, Slot.model_fields) is first.model_fields_set


def test_the_same_names_give_the_same_set_in_any_order() -> None:
    assert shared_fields_set(Finding, ["code", "message"]) is shared_fields_set(
        Finding, ("message", "code")
    )
    assert shared_fields_set(Finding, ["code"]) is not shared_fields_set(Finding, ["message"])


def test_a_model_that_is_not_frozen_gets_a_set_of_its_own() -> None:
    first, second = shared_fields_set(_Open, ["name"]), shared_fields_set(_Open, ["name"])
    assert first == second == {"name"}
    assert first is not second
    one = prevalidated(_Open, {"name": "a", "other": "b"})
    two = prevalidated(_Open, {"name": "c", "other": "d"})
    assert one.model_fields_set is not two.model_fields_set


def test_setting_a_field_is_refused_before_the_set_could_change() -> None:
    slot, other = _slot("lena"), _slot("tom")
    with pytest.raises(pydantic.ValidationError):
        slot.note = "moved"  # type: ignore[misc]  # frozen, on purpose
    assert other.model_fields_set == set(Slot.model_fields)


def test_copies_get_sets_of_their_own() -> None:
    finding = prevalidated(
        Finding,
        {"code": "AK101", "severity": "error", "message": "m", "person_id": None}
        | {"slot_id": None, "platform": None, "template": None},
        shared_fields_set(Finding, ["code", "severity", "message"]),
    )
    copied = finding.model_copy(update={"person_id": "lena"})
    assert copied.model_fields_set == {"code", "severity", "message", "person_id"}
    assert finding.model_fields_set == {"code", "severity", "message"}
    assert shared_fields_set(Finding, ["code", "severity", "message"]) == {
        "code",
        "severity",
        "message",
    }
    unpickled = pickle.loads(pickle.dumps(finding))
    assert unpickled == finding
    assert unpickled.model_fields_set == finding.model_fields_set


def test_drafts_from_the_worker_share_sets_and_equal_the_originals() -> None:
    from advocacy_kit.calendar import Assignment, Draft, Post

    assignment = Assignment(
        slot=_slot("lena"), topic_id="t", topic_title="T", kind="tip", language="de"
    )
    draft = Draft(id="d", assignment=assignment, text="Hallo", template="de/tip.x.j2")
    post = Post(platform="x", parts=["Hallo"], length=5, limit=280, valid=True)
    finding = Finding(code="AK101", severity="error", message="m", person_id="lena")
    packed = pickle.loads(pickle.dumps(pack_written((draft, post, [finding]))))
    again = pickle.loads(pickle.dumps(pack_written((draft, post, [finding]))))
    first, second = unpack_written(assignment, packed), unpack_written(assignment, again)
    assert first == (draft, post, [finding])
    for made, original in zip(first[:2], (draft, post), strict=True):
        assert made.model_fields_set == original.model_fields_set
    assert first[2][0].model_fields_set == finding.model_fields_set
    assert first[0].model_fields_set is second[0].model_fields_set
    assert first[1].model_fields_set is second[1].model_fields_set
