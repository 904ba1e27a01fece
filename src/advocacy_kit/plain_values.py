"""Assignments and their drafts, posts and findings as plain values, for the drafting worker.

The worker (:mod:`advocacy_kit.draft_worker`) gets assignments and sends back what it wrote as
tuples of field values in the models' own field order, pickled a chunk at a time; here they
become the same frozen values again without a second validation. A field set that names every
field travels as ``None``. A plugin's own subclass of a post or finding travels as it is.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from .calendar import Assignment, Draft, Finding, Post, Slot
from .prevalidated import prevalidated

__all__ = ["decode_assignment", "encode_assignment", "pack_written", "unpack_written"]

_V = TypeVar("_V", bound=BaseModel)
Written = tuple[Draft, Post, list[Finding]]

_NAMES: dict[type[BaseModel], tuple[str, ...]] = {
    kind: tuple(kind.model_fields) for kind in (Slot, Assignment, Draft, Post, Finding)
}

_DRAFT_ASSIGNMENT = _NAMES[Draft].index("assignment")


def _values(value: BaseModel) -> Any:
    names = _NAMES.get(type(value))
    if names is None:
        return value  # a plugin's own subclass travels as it is
    fields = value.__dict__
    fields_set = value.__pydantic_fields_set__
    return (
        tuple([fields[name] for name in names]),
        None if len(fields_set) == len(names) else fields_set,
    )


def _model(kind: type[_V], packed: Any) -> _V:
    if not isinstance(packed, tuple):
        return packed  # type: ignore[no-any-return]
    values, fields_set = packed
    return prevalidated(kind, dict(zip(_NAMES[kind], values, strict=True)), fields_set)


def encode_assignment(assignment: Assignment) -> tuple[Any, Any]:
    """An assignment (with its slot) as plain values."""
    return _values(assignment.slot), _values(assignment)


def decode_assignment(encoded: tuple[Any, Any]) -> Assignment:
    """The assignment :func:`encode_assignment` made, in the worker."""
    slot, (values, fields_set) = encoded
    fields = dict(zip(_NAMES[Assignment], values, strict=True))
    fields["slot"] = _model(Slot, slot)
    return prevalidated(Assignment, fields, fields_set)


def pack_written(written: Written) -> Any:
    """A draft, its post and findings as plain values; the draft's assignment stays behind."""
    draft, post, findings = written
    packed = _values(draft)
    if isinstance(packed, tuple):
        values, fields_set = packed
        at = _DRAFT_ASSIGNMENT  # the worker's copy of it does not travel: its place stays empty
        packed = ((*values[:at], None, *values[at + 1 :]), fields_set)
    return packed, _values(post), [_values(finding) for finding in findings]


def unpack_written(assignment: Assignment, packed: Any) -> Written:
    """What :func:`pack_written` sent, with the draft's own ``assignment`` put back."""
    draft, post, findings = packed
    if isinstance(draft, tuple):
        values, fields_set = draft
        fields = dict(zip(_NAMES[Draft], values, strict=True))
        fields["assignment"] = assignment
        rebuilt = prevalidated(Draft, fields, fields_set)
    else:
        rebuilt = draft
    return rebuilt, _model(Post, post), [_model(Finding, finding) for finding in findings]
