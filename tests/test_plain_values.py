"""What the drafting worker sends back becomes exactly the values it wrote."""

from __future__ import annotations

import pickle

import pytest

from advocacy_kit.calendar import Finding, Post
from advocacy_kit.loading import load_kit
from advocacy_kit.pipeline import plan_week
from advocacy_kit.plain_values import (
    decode_assignment,
    encode_assignment,
    pack_written,
    unpack_written,
)

from .conftest import ENGLISH_KIT, GERMAN_KIT


class _HousePost(Post):
    """A plugin's own post type."""


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_round_trip_keeps_every_value(kit_path: object) -> None:
    calendar = plan_week(load_kit(kit_path), "2026-W49")  # type: ignore[arg-type]
    assert calendar.entries
    for entry in calendar.entries:
        assignment = decode_assignment(
            pickle.loads(pickle.dumps(encode_assignment(entry.assignment)))
        )
        assert assignment == entry.assignment
        assert assignment.model_fields_set == entry.assignment.model_fields_set
        assert assignment.slot.model_fields_set == entry.assignment.slot.model_fields_set
        written = (entry.draft, entry.post, entry.findings)
        draft, post, findings = unpack_written(
            entry.assignment, pickle.loads(pickle.dumps(pack_written(written)))
        )
        assert (draft, post, findings) == written
        assert draft.assignment is entry.assignment
        assert draft.model_fields_set == entry.draft.model_fields_set
        assert [f.model_fields_set for f in findings] == [
            f.model_fields_set for f in entry.findings
        ]


def test_partial_field_sets_and_plugin_types_survive() -> None:
    calendar = plan_week(load_kit(ENGLISH_KIT), "2026-W49")
    entry = calendar.entries[0]
    finding = Finding(code="AK999", severity="hint", message="house rule")
    post = _HousePost(**entry.post.model_dump())
    packed = pickle.loads(pickle.dumps(pack_written((entry.draft, post, [finding]))))
    _, got_post, (got_finding,) = unpack_written(entry.assignment, packed)
    assert type(got_post) is _HousePost and got_post == post
    assert got_finding == finding
    assert got_finding.model_fields_set == {"code", "severity", "message"}
