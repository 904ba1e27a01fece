"""The worker's fast codec gives back exactly the models it was given, whatever they hold."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import BaseModel

from advocacy_kit.calendar import Assignment, Draft, Finding, Post, Slot
from advocacy_kit.plain_values import (
    AssignmentCodec,
    decode_assignment,
    encode_assignment,
    pack_written,
    unpack_written,
)
from advocacy_kit.worker_pipes import as_bytes as _dumps
from advocacy_kit.worker_pipes import from_bytes as _loads

BERLIN = ZoneInfo("Europe/Berlin")


class _HousePost(Post):
    """A plugin's own post type."""


class _HouseFinding(Finding):
    """A plugin's own finding type."""


class _Text(str):
    """A string subclass a plugin might put in post details."""


def _travel(value: Any) -> Any:
    """Through the bytes the worker and this process exchange."""
    return _loads(_dumps([value]))[0]


def _same(got: BaseModel, expected: BaseModel) -> None:
    assert type(got) is type(expected)
    assert got == expected
    assert got.model_fields_set == expected.model_fields_set
    assert list(got.__dict__) == list(expected.__dict__)
    assert got.model_dump_json() == expected.model_dump_json()


def _slot(start: dt.datetime, **extra: Any) -> Slot:
    return Slot(person_id="jörg", platform="x", start=start, timezone="Europe/Berlin", **extra)


SLOTS = {
    "plain": _slot(dt.datetime(2026, 11, 30, 8, 30, tzinfo=BERLIN)),
    "second-of-two-same-local-times": _slot(
        dt.datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN), note="Uhr umgestellt"
    ),
    "gap": _slot(dt.datetime(2026, 3, 29, 2, 30, tzinfo=BERLIN)),
    "microseconds": _slot(dt.datetime(2026, 11, 30, 8, 30, 5, 123456, tzinfo=BERLIN)),
    "fixed-offset": _slot(dt.datetime(2026, 11, 30, 8, 30, tzinfo=dt.UTC)),
    "zone-outside-the-cache": _slot(
        dt.datetime(2026, 11, 30, 8, 30, tzinfo=ZoneInfo.no_cache("Europe/Berlin"))
    ),
    "naive": Slot.model_construct(
        person_id="p", platform="x", start=dt.datetime(2026, 1, 1), timezone="UTC", note=None
    ),
    "every-field-set": _slot(dt.datetime(2026, 11, 30, 8, 30, tzinfo=BERLIN), note=None),
}


def _assignment(slot: Slot, **extra: Any) -> Assignment:
    return Assignment(
        slot=slot,
        topic_id="t",
        topic_title="Barrierefreiheit – ein Überblick",
        kind="how_to",
        language="de",
        **extra,
    )


ASSIGNMENTS = {
    **{f"slot-{name}": _assignment(slot) for name, slot in SLOTS.items()},
    "reasons-and-campaign": _assignment(
        SLOTS["plain"],
        reasons=["passt zu Jörgs Fachgebiet", "noch nicht gepostet"] * 4,
        campaign_id="launch",
        variant=2,
    ),
    "every-field-set": _assignment(
        SLOTS["every-field-set"], variant=0, campaign_id=None, reasons=[]
    ),
}


@pytest.mark.parametrize("name", list(ASSIGNMENTS), ids=list(ASSIGNMENTS))
def test_an_assignment_comes_back_as_it_was(name: str) -> None:
    assignment = ASSIGNMENTS[name]
    got = decode_assignment(_travel(encode_assignment(assignment)))
    _same(got, assignment)
    _same(got.slot, assignment.slot)
    start, expected = got.slot.start, assignment.slot.start
    assert (start.fold, start.utcoffset(), start.isoformat()) == (
        expected.fold,
        expected.utcoffset(),
        expected.isoformat(),
    )
    if isinstance(expected.tzinfo, ZoneInfo) and expected.tzinfo is BERLIN:
        assert start.tzinfo is BERLIN  # unpickling gives the cached zone too


def test_the_same_slot_decodes_into_the_same_datetime_that_pickle_gives() -> None:
    import pickle

    for slot in SLOTS.values():
        by_pickle = pickle.loads(pickle.dumps(slot, protocol=5))
        got = decode_assignment(_travel(encode_assignment(_assignment(slot)))).slot
        assert got.start == by_pickle.start
        assert got.start.fold == by_pickle.start.fold
        assert type(got.start.tzinfo) is type(by_pickle.start.tzinfo)


ASSIGNMENT = ASSIGNMENTS["reasons-and-campaign"]
DRAFT = Draft(
    id="jörg-x-20261130T0830",
    assignment=ASSIGNMENT,
    text="Wie wir’s machen: Schritt 1 – fertig. 🎉\n\n[[deine Erfahrung]]",
    template="de/how_to.x.j2",
    prompts=["deine Erfahrung"],
)
POST = Post(platform="x", parts=[DRAFT.text], length=57, limit=280, valid=True)
FINDING = Finding(code="AK401", severity="warning", message="Ersetze „deine Erfahrung“")


def _post(**details: Any) -> Post:
    return POST.model_copy(update={"details": details})


WRITTEN: dict[str, tuple[Draft, Post, list[Finding]]] = {
    "plain": (DRAFT, POST, [FINDING]),
    "no-findings": (DRAFT, POST, []),
    "edited": (
        DRAFT.model_copy(update={"text": "Meine eigenen Worte.", "edited": True, "prompts": []}),
        POST,
        [],
    ),
    "disclosure": (DRAFT.model_copy(update={"disclosure": "#Werbung"}), POST, [FINDING]),
    "every-finding-field": (
        DRAFT,
        POST,
        [
            Finding(
                code="AK101",
                severity="error",
                message="zu lang",
                person_id="jörg",
                slot_id="s",
                platform="x",
                template="t",
            ),
            FINDING,
        ],
    ),
    "nested-details": (
        DRAFT,
        _post(
            facets=[{"index": {"byteStart": 0, "byteEnd": 3}, "tags": ("a", "ü")}],
            links=0,
            ratio=0.5,
            flags={True, None},
            raw=b"ok",
            big=2**80,
        ),
        [FINDING],
    ),
    "details-a-bytearray": (DRAFT, _post(blob=bytearray(b"ab")), []),
    "details-a-string-subclass": (DRAFT, _post(label=_Text("x")), []),
    "details-too-deep": (
        DRAFT,
        _post(deep=[[[[[[[[[[[[[[[[[[[[[[[[[[[[0]]]]]]]]]]]]]]]]]]]]]]]]]]]] * 3),
        [],
    ),
    "plugin-types": (
        DRAFT,
        _HousePost(**POST.model_dump()),
        [_HouseFinding(code="AK999", severity="hint", message="Hausregel"), FINDING],
    ),
    "constructed-without-fields-set": (
        Draft.model_construct(None, **dict(DRAFT)),
        Post.model_construct({"platform"}, **dict(POST)),
        [Finding.model_construct(set(), **dict(FINDING))],
    ),
}


@pytest.mark.parametrize("name", list(WRITTEN), ids=list(WRITTEN))
def test_what_the_worker_wrote_comes_back_as_it_was(name: str) -> None:
    draft, post, findings = WRITTEN[name]
    got_draft, got_post, got_findings = unpack_written(
        ASSIGNMENT, _travel(pack_written((draft, post, findings)))
    )
    _same(got_draft, draft)
    assert got_draft.assignment is ASSIGNMENT
    _same(got_post, post)
    assert len(got_findings) == len(findings)
    for got, expected in zip(got_findings, findings, strict=True):
        _same(got, expected)
    for key, value in post.details.items():
        assert type(got_post.details[key]) is type(value)


def test_a_draft_without_its_assignment_travels_as_it_is() -> None:
    draft = Draft.model_construct(id="d", text="t", template="x")  # type: ignore[call-arg]
    got, _, _ = unpack_written(ASSIGNMENT, _travel(pack_written((draft, POST, []))))
    assert "assignment" not in got.__dict__
    assert got == draft


def test_a_known_slot_travels_as_its_place_and_comes_back_as_that_very_slot() -> None:
    known = list(SLOTS.values())
    codec = AssignmentCodec(known)
    stranger = _slot(dt.datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN))  # equal ones are not it
    for slot in [*known, stranger, _slot(known[0].start)]:
        assignment = _assignment(slot)
        encoded = _travel(codec.encode(assignment))
        assert (type(encoded[0]["slot"]) is int) is any(slot is k for k in known)
        got = codec.decode(encoded)
        _same(got, assignment)
        _same(got.slot, slot)
        if any(slot is k for k in known):
            assert got.slot is slot  # the worker's own copy of the same slot, in one process
