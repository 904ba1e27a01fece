"""Assignments and their drafts, posts and findings as plain values, for the drafting worker.

The worker (:mod:`advocacy_kit.draft_worker`) gets assignments a chunk at a time, with
:mod:`marshal` when every value is of a plain built-in type and with :mod:`pickle` otherwise,
and sends back what it wrote (:func:`pack_for_pickle`) by pickle, which gives every value back as
it was; this process builds the calendar's entries from that (:func:`unpack_entry`).
:func:`pack_written` packs the same for marshal, sending a post whose details marshal would
change as the object itself. A model of one of the calendar's own classes travels as a copy of
its ``__dict__``, with a code for its fields set unless every field is set (a bit per field; a
set shared by many models, see :func:`~advocacy_kit.prevalidated.shared_fields_set`, is known by
identity), and is rebuilt around that dict without a second validation, with the shared set for
its code: equal to the model it was made from (``==``, ``model_fields_set``, type, even the
order of its dict). A slot of the week travels as
its place among the slots the worker was forked with; any other slot's start as the bytes
pickle keeps for a datetime (fold included) plus its zone's key, rebuilt as unpickling rebuilds
it. Anything else — a plugin's own subclass of a post or finding, a start in another kind of
zone, post details holding values other than plain built-in ones — travels as the object
itself, by pickle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from .calendar import Assignment, CalendarEntry, Draft, Finding, Post, Slot
from .prevalidated import builder, is_shared_fields_set, shared_fields_set

__all__ = [
    "AssignmentCodec",
    "build_entry",
    "decode_assignment",
    "encode_assignment",
    "pack_for_pickle",
    "pack_written",
    "unpack_entry",
    "unpack_written",
]

Written = tuple[Draft, Post, list[Finding]]


class _FieldsSets:
    """A model's fields set as a code: a bit per field, or the set itself if it names others."""

    def __init__(self, cls: type[BaseModel]) -> None:
        self.cls = cls
        self.every = frozenset(cls.model_fields)
        self.bits = {name: 1 << at for at, name in enumerate(cls.model_fields)}
        self._seen: list[tuple[set[str], int]] = []  # the sets met most, with their codes
        self.shared: dict[int | None, set[str]] = {}  # by code: what fields_set gave so far
        self.known: dict[int, tuple[set[str], Any]] = {}  # codes of shared sets, by the set's id

    def code(self, fields_set: Any) -> Any:
        """None for every field, else a bit per field, else (fields not of the class) the set."""
        known = self.known.get(id(fields_set))
        if known is not None and known[0] is fields_set:
            return known[1]
        code = self._code(fields_set)
        if is_shared_fields_set(self.cls, fields_set):
            # A shared set never changes and lives as long as the program: its code may be
            # found by identity from now on (the entry keeps the set, so its id stays its own).
            self.known[id(fields_set)] = (fields_set, code)
        return code

    def _code(self, fields_set: Any) -> Any:
        if type(fields_set) is not set:
            return fields_set
        if len(fields_set) == len(self.every) and fields_set == self.every:
            return None
        for known, mask in self._seen:
            if fields_set == known:
                return mask
        mask = 0
        for name in fields_set:
            bit = self.bits.get(name)
            if bit is None:
                return fields_set
            mask |= bit
        if len(self._seen) < 8:
            self._seen.append((set(fields_set), mask))
        return mask

    def fields_set(self, code: Any) -> set[str]:
        """The fields set :meth:`code` gave (one set shared by the instances of a frozen model)."""
        if type(code) is not int and code is not None:
            return code  # type: ignore[no-any-return]
        try:
            return self.shared[code]
        except KeyError:
            names = self.every if code is None else [n for n, b in self.bits.items() if code & b]
            shared = self.shared[code] = shared_fields_set(self.cls, names)
            return shared


_SLOT, _ASSIGNMENT, _DRAFT, _POST, _FINDING = (
    _FieldsSets(Slot),
    _FieldsSets(Assignment),
    _FieldsSets(Draft),
    _FieldsSets(Post),
    _FieldsSets(Finding),
)
_ENTRY_FIELDS = shared_fields_set(CalendarEntry, CalendarEntry.model_fields)
_build_slot = builder(Slot)
_build_assignment = builder(Assignment)
_build_draft = builder(Draft)
_build_post = builder(Post)
_build_finding = builder(Finding)
_build_entry = builder(CalendarEntry)

# datetime(state, zone) is how pickle rebuilds a datetime (a form the stubs do not know).
_datetime: Callable[..., dt.datetime] = dt.datetime
# Per zone met so far: the key it is unpickled from, or None if it does not travel by key.
_ZONE_KEYS: dict[ZoneInfo, str | None] = {}
_SCALARS = frozenset({str, int, float, bool, type(None), bytes, complex})
_CONTAINERS = frozenset({list, tuple, set, frozenset})
_DEPTH = 50  # deeper details travel by pickle (marshal's own limit is far above this)


def _plain(value: Any, depth: int = 0) -> bool:
    """Whether marshal gives ``value`` back as it is: built-in types only, none subclassed.

    marshal writes any other object with a buffer (``bytearray``, ``memoryview``) as ``bytes``;
    subclasses and other types it refuses, which would send the chunk by pickle anyway.
    """
    kind = type(value)
    if kind in _SCALARS:
        return True
    if depth > _DEPTH:
        return False
    if kind is dict:
        for key, item in value.items():
            if type(key) not in _SCALARS and not _plain(key, depth + 1):
                return False
            if type(item) not in _SCALARS and not _plain(item, depth + 1):
                return False
        return True
    if kind in _CONTAINERS:
        return all(type(item) in _SCALARS or _plain(item, depth + 1) for item in value)
    return False


def _zone_key(zone: Any) -> str | None:
    """The key that unpickling turns back into this very zone, if it travels by key."""
    if type(zone) is not ZoneInfo:
        return None
    try:
        return _ZONE_KEYS[zone]
    except KeyError:
        pass
    try:
        reduced: Any = zone.__reduce__()
        key, from_cache = reduced[1]
    except Exception:  # a zone read from a file: it travels (or fails) by pickle
        key, from_cache = None, False
    # Unpickling calls ZoneInfo(key) for a zone that came from the cache: so does decoding.
    known = _ZONE_KEYS[zone] = key if from_cache and type(key) is str else None
    return known


def _encode_slot(slot: Slot) -> Any:
    fields = slot.__dict__
    start = fields.get("start")
    if type(slot) is not Slot or type(start) is not dt.datetime:
        return slot
    # The state pickle protocol 5 keeps: the local time with its fold, without the zone.
    state = start.__reduce_ex__(5)[1]
    if len(state) == 1:
        zone = None
    else:
        zone = _ZONE_KEYS.get(state[1]) if type(state[1]) is ZoneInfo else None
        if zone is None:
            zone = _zone_key(state[1])
            if zone is None:
                return slot
    fields = fields.copy()
    fields["start"] = None
    fields_set = slot.__pydantic_fields_set__
    if type(fields_set) is set and fields_set == _SLOT.every:
        return fields, None, state[0], zone
    return fields, _SLOT.code(fields_set), state[0], zone


def _decode_slot(encoded: Any) -> Slot:
    if type(encoded) is not tuple:
        return encoded  # type: ignore[no-any-return]
    fields, code, state, zone = encoded
    # What unpickling does: the same constructor, and ZoneInfo(key) for a zone from the cache.
    fields["start"] = _datetime(state) if zone is None else _datetime(state, ZoneInfo(zone))
    return _build_slot(fields, _SLOT.fields_set(code))


class AssignmentCodec:
    """Assignments as plain values, for a worker forked after this codec was made.

    A slot among ``slots`` travels as its place in them: the worker, a copy of this process made
    after the codec, holds the very same slots in the same places (the codec keeps them alive,
    so no other object can take one's ``id``). Any other slot travels as plain values.
    """

    def __init__(self, slots: Sequence[Slot] = ()) -> None:
        self._slots = tuple(slots)
        self._places = {id(slot): at for at, slot in enumerate(self._slots)}

    def encode(self, assignment: Assignment) -> Any:
        """An assignment (with its slot) as plain values."""
        fields = assignment.__dict__
        if type(assignment) is not Assignment or "slot" not in fields:
            return assignment
        fields = fields.copy()
        slot = fields["slot"]
        at = self._places.get(id(slot))
        fields["slot"] = _encode_slot(slot) if at is None else at
        return fields, _ASSIGNMENT.code(assignment.__pydantic_fields_set__)

    def decode(self, encoded: Any) -> Assignment:
        """The assignment :meth:`encode` made, in the worker."""
        if type(encoded) is not tuple:
            return encoded  # type: ignore[no-any-return]
        fields, code = encoded
        slot = fields["slot"]
        fields["slot"] = self._slots[slot] if type(slot) is int else _decode_slot(slot)
        return _build_assignment(fields, _ASSIGNMENT.fields_set(code))


_ANY_SLOT = AssignmentCodec()


def encode_assignment(assignment: Assignment) -> Any:
    """An assignment (with its slot) as plain values, whatever its slot."""
    return _ANY_SLOT.encode(assignment)


def decode_assignment(encoded: Any) -> Assignment:
    """The assignment :func:`encode_assignment` made, in the worker."""
    return _ANY_SLOT.decode(encoded)


def pack_written(written: Written) -> Any:
    """A draft, its post and findings as plain values; the draft's assignment stays behind.

    The post's and findings' own dicts are handed over as they are (no copy): the worker turns
    them into bytes at once, and :func:`unpack_written` gets new ones from those bytes.
    """
    packed = pack_for_pickle(written)
    post = written[1]
    if packed[1] is not post and not _plain(post.__dict__.get("details")):
        return packed[0], post, packed[2]  # marshal would change the details: the post goes whole
    return packed


def unpack_written(assignment: Assignment, packed: Any) -> Written:
    """What :func:`pack_written` sent, with the draft's own ``assignment`` put back."""
    entry = unpack_entry(assignment, packed).__dict__
    return entry["draft"], entry["post"], entry["findings"]


def pack_for_pickle(written: Written) -> Any:
    """A draft, its post and findings as plain values for pickle; the draft's assignment stays.

    pickle gives back every value as it was (post details included); :func:`pack_written` is
    the same for marshal, which turns bytes-like objects into bytes. A draft travels as a copy of its dict whose ``assignment`` holds its fields set's code
    instead: the worker's copy of the assignment does not travel, the one here takes its place.
    """
    draft, post, findings = written
    if type(draft) is Draft:
        fields = draft.__dict__
        if "assignment" in fields:
            fields = fields.copy()
            fields["assignment"] = _DRAFT.code(draft.__pydantic_fields_set__)
            draft = fields  # type: ignore[assignment]
    packed_post: Any = post
    if type(post) is Post:
        code = _POST.code(post.__pydantic_fields_set__)
        packed_post = post.__dict__ if code is None else (post.__dict__, code)
    packed_findings: list[Any] = []
    for finding in findings:
        if type(finding) is Finding:
            code = _FINDING.code(finding.__pydantic_fields_set__)
            packed_findings.append(finding.__dict__ if code is None else (finding.__dict__, code))
        else:
            packed_findings.append(finding)  # a plugin's own type travels as it is
    return draft, packed_post, packed_findings


def build_entry(assignment: Assignment, written: Written) -> CalendarEntry:
    """The calendar's entry for an assignment and what was written for it."""
    draft, post, findings = written
    # Every part is a validated value already: no need to validate them again. The names are
    # the entry's fields in their order: what prevalidated(CalendarEntry, ...) makes.
    return _build_entry(
        {
            "slot": assignment.slot,
            "assignment": assignment,
            "draft": draft,
            "post": post,
            "findings": findings,
        },
        _ENTRY_FIELDS,
    )


def unpack_entry(assignment: Assignment, packed: Any) -> CalendarEntry:
    """``build_entry(assignment, unpack_written(assignment, packed))`` in one call.

    The models are built as their builders build them (see ``prevalidated.builder``), around
    the dicts and the findings' list the bytes gave: new ones, nobody else holds them.
    """
    draft, post, findings = packed
    if type(draft) is dict:
        code = draft["assignment"]  # the code of its fields set held the assignment's place
        draft["assignment"] = assignment
        draft = _build_draft(draft, _DRAFT.fields_set(code))
    kind = type(post)
    if kind is dict:
        post = _build_post(post, _POST.fields_set(None))
    elif kind is tuple:
        post = _build_post(post[0], _POST.fields_set(post[1]))
    fields_set = _FINDING.fields_set
    for at, finding in enumerate(findings):
        kind = type(finding)
        # The packed list is a new one too: it becomes the entry's.
        if kind is dict:
            findings[at] = _build_finding(finding, fields_set(None))
        elif kind is tuple:
            findings[at] = _build_finding(finding[0], fields_set(finding[1]))
    return build_entry(assignment, (draft, post, findings))
