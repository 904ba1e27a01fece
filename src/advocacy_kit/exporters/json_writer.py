"""The fast writer behind ``calendar.json``: the standard library's bytes, several times sooner.

``calendar.json`` is defined as ``json.dumps(calendar.model_dump(mode="json"), indent=2,
sort_keys=True, ensure_ascii=False)``. For a week of 10,000 people that means building some
ten million Python objects only to throw them away. Here orjson walks the models themselves in
one call and writes the same bytes:

- A calendar model's ``__dict__`` is exactly what pydantic's ``model_dump`` turns into a dict
  (fields only, in any order, since keys are sorted): no aliases, extras, excluded or computed
  fields, no custom serializers. :func:`_models_written_as_their_fields` checks this once per
  model class, so a change to the models turns the fast path off instead of changing the file.
- Strings, integers, booleans, null, lists and tuples come out of orjson exactly as the
  standard library writes them (every code point is escaped alike, keys sort alike), and
  orjson's ``OPT_INDENT_2`` indents like ``indent=2``. Integers beyond 64 bits make orjson
  raise; subclasses of str, int, dict and list, dataclasses and anything else unusual reach
  the hook, which refuses them: the standard library then writes the calendar.
- Dates and times are written by pydantic itself (:func:`pydantic_core.to_jsonable_python`),
  as ``model_dump(mode="json")`` does; a shared slot's start is converted once.
- Floats are written differently (orjson ``1e-5``, the standard library ``1e-05``). The only
  field that may hold one is ``Post.details`` (free-form); :func:`_details_written_alike`
  compares both writers on all details at once and allows the fast path only when they agree.

:func:`fast_calendar_json_pieces` writes the same bytes in pieces of some thousand entries, so
the file can be written while its next piece is made; a piece orjson cannot write exactly is
written by the standard library. Why the pieces join to exactly the whole is told there.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import typing
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from ..calendar import (
    Assignment,
    Calendar,
    CalendarEntry,
    Draft,
    Finding,
    PersonSummary,
    Post,
    SkippedSlot,
    Slot,
)

__all__ = ["fast_calendar_json", "fast_calendar_json_pieces"]

_CALENDAR_MODELS: tuple[type[BaseModel], ...] = (
    Assignment,
    Calendar,
    CalendarEntry,
    Draft,
    Finding,
    PersonSummary,
    Post,
    SkippedSlot,
    Slot,
)
_FREE_FORM = {(Post, "details")}
"""Fields that may hold anything JSON can: checked value by value (:func:`_details_written_alike`)."""

_TIMES = (dt.datetime, dt.date, dt.time)


def fast_calendar_json(calendar: Calendar) -> bytes | None:
    """The bytes the standard library writes for ``calendar`` (entries already in order).

    ``None`` when this calendar holds something only the standard library writes exactly.
    """
    import orjson

    models = _models_written_as_their_fields()
    if models is None:
        return None
    option = (
        orjson.OPT_INDENT_2
        | orjson.OPT_APPEND_NEWLINE  # `+ b"\n"` would copy the whole file once more
        | orjson.OPT_SORT_KEYS
        | orjson.OPT_PASSTHROUGH_DATETIME
        | orjson.OPT_PASSTHROUGH_DATACLASS
        | orjson.OPT_PASSTHROUGH_SUBCLASS
    )
    hook, details = _writer_hook(models)
    try:
        written = orjson.dumps(calendar, default=hook, option=option)
    except TypeError:  # orjson.JSONEncodeError: a value the hook refused, a huge integer, …
        return None
    return written if _details_written_alike(details) else None


_PIECE = 300
"""Entries per piece of :func:`fast_calendar_json_pieces` (some 1.2 MB in a synthetic week).

Pieces of this size are made in memory the process used for the pieces before and still in
the processor's cache: writing the 10,000-person week took 0.62 s (median of six) against
0.70 s with pieces of 1,000 entries (4 MB, each in fresh memory) and 0.69 s with 200.
"""

# How a dump of {"entries": [...]} with two-space indent begins, and where a piece is cut.
_ENTRIES_KEY = b'\n  "entries": '
_FIRST_FROM = len(b'{\n  "entries": ')  # the first piece keeps the list's "["
_LATER_FROM = len(b'{\n  "entries": [\n    0')  # a later one starts at the ",\n" after the 0
_LAST_UNTIL = len(b"\n}")  # the last piece keeps the "\n  ]" that closes the list
_OTHER_UNTIL = len(b"\n  ]\n}")


def fast_calendar_json_pieces(
    calendar: Calendar, size: int = _PIECE
) -> Iterator[bytes | memoryview]:
    """:func:`fast_calendar_json`'s bytes (the standard library's) in pieces of ``size`` entries.

    Entries must already be in order. Why the pieces join to exactly the whole file:

    - With two-space indent, both writers write a value at a given depth the same wherever it
      stands: an object or list as its opening bracket, each member or item on its own line
      indented by the depth plus one, joined by ``,`` and closed on a line of its own; an empty
      one as ``{}`` or ``[]``.
    - The calendar is an object, so ``entries`` is a member at depth 1: a newline, two spaces,
      ``"entries": `` and the list. Strings never hold a raw newline (both escape it), deeper
      lines start with more spaces and keys are unique, so the calendar written with no
      entries holds ``\n  "entries": []`` exactly once: the file's head is what comes before,
      its tail what comes after.
    - ``{"entries": items}`` is written as ``{\n  "entries": [\n`` + the items at depth 2 joined
      by ``,\n`` + ``\n  ]\n}``: the items at the very depth they have in the calendar. A
      later piece is written with a placeholder ``0`` first, so cutting after ``[\n    0``
      keeps the ``,\n`` that joins it to the piece before. The first piece keeps the ``[``
      opening the list; the last keeps the ``\n  ]`` closing it.

    So head + first piece + later pieces + tail + ``\n`` is the file. Each piece is written by
    orjson if it writes that piece exactly (the calendar models as their fields, details written
    alike: see the module text), else by the standard library from ``model_dump(mode="json")``
    of the calendar holding just those entries, which gives each entry as the whole dump does.
    Pieces are views into the text of their piece, not copies.
    """
    models = _models_written_as_their_fields()
    if models is None:
        yield _stdlib_json(calendar.model_dump(mode="json")) + b"\n"
        return
    hook = _writer_hook(models)
    written = _piece_json(calendar.model_copy(update={"entries": []}), None, hook)
    entries = calendar.entries
    if not entries:
        yield written + b"\n"
        return
    head, found, tail = written.partition(_ENTRIES_KEY + b"[]")
    assert found, "a calendar is written with its entries at depth 1"  # see above
    yield head + _ENTRIES_KEY
    for start in range(0, len(entries), size):
        piece = entries[start : start + size]
        text = _piece_json(calendar, piece, hook, placeholder=start > 0)
        cut_from = _LATER_FROM if start else _FIRST_FROM
        last = start + size >= len(entries)
        yield memoryview(text)[cut_from : len(text) - (_LAST_UNTIL if last else _OTHER_UNTIL)]
    yield tail + b"\n"


def _piece_json(
    calendar: Calendar,
    piece: list[CalendarEntry] | None,
    hook: tuple[Callable[[Any], Any], list[dict[str, Any]]],
    *,
    placeholder: bool = False,
) -> bytes:
    """``calendar`` written whole (``piece`` None) or ``{"entries": piece}``, with indent 2.

    orjson writes it where it writes it exactly, the standard library otherwise. With
    ``placeholder`` the list starts with a ``0``.
    """
    import orjson

    value: Any = calendar
    if piece is not None:
        value = {"entries": [0, *piece] if placeholder else piece}
    option = (
        orjson.OPT_INDENT_2
        | orjson.OPT_SORT_KEYS
        | orjson.OPT_PASSTHROUGH_DATETIME
        | orjson.OPT_PASSTHROUGH_DATACLASS
        | orjson.OPT_PASSTHROUGH_SUBCLASS
    )
    default, details = hook
    details.clear()
    try:
        written = orjson.dumps(value, default=default, option=option)
    except TypeError:  # orjson.JSONEncodeError: a value the hook refused, a huge integer, …
        pass
    else:
        # The details are looked at once orjson has walked to them: that walk brings them into
        # the cache, where a walk of their own beforehand would meet them cold.
        if _details_written_alike(details):
            return written
    if piece is None:
        return _stdlib_json(calendar.model_dump(mode="json"))
    # Dumped as part of a calendar: each entry exactly as in the dump of the whole calendar.
    dumped = calendar.model_copy(update={"entries": piece}).model_dump(mode="json")["entries"]
    return _stdlib_json({"entries": [0, *dumped] if placeholder else dumped})


def _stdlib_json(data: Any) -> bytes:
    """The definition of ``calendar.json``'s bytes, less the final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _writer_hook(
    models: frozenset[type],
) -> tuple[Callable[[Any], Any], list[dict[str, Any]]]:
    """orjson's ``default``: a calendar model becomes its fields, a date or time its text.

    Also the list where the hook puts the details of every :class:`Post` it writes (the empty
    ones need no look): after a dump that succeeded, the details of every post in it, since
    orjson cannot write a post without the hook. Clear it before each dump.

    An entry comes back with its slot, assignment, draft and post as their fields already (the
    slot's start as its text), each slot and assignment once for the places that hold the very
    same object: one call of the hook where orjson would otherwise make some ten (an entry holds
    its slot three times and its assignment twice). The values written are the same.
    """
    times: dict[int, tuple[object, Any]] = {}  # id → (the object, kept alive; its text)
    details: list[dict[str, Any]] = []
    fields_only = models - {Post}
    keep = details.append

    def time_text(value: Any) -> Any:
        known = times.get(id(value))
        if known is None:
            known = times[id(value)] = (value, to_jsonable_python(value))
        return known[1]

    def entry_fields(entry: CalendarEntry) -> dict[str, Any]:
        fields = entry.__dict__
        slot, assignment = fields["slot"], fields["assignment"]
        draft, post = fields["draft"], fields["post"]
        if not (
            type(slot) is Slot
            and type(assignment) is Assignment
            and type(draft) is Draft
            and type(post) is Post
        ):
            return fields  # the hook meets each part on its own
        slot_fields = slot.__dict__
        start = slot_fields["start"]
        if type(start) in _TIMES:
            slot_fields = {**slot_fields, "start": time_text(start)}
        assignment_fields = assignment.__dict__
        if assignment_fields["slot"] is slot:
            assignment_fields = {**assignment_fields, "slot": slot_fields}
        draft_fields = draft.__dict__
        if draft_fields["assignment"] is assignment:
            draft_fields = {**draft_fields, "assignment": assignment_fields}
        post_fields = post.__dict__
        if post_fields["details"]:
            keep(post_fields["details"])
        return {
            **fields,
            "slot": slot_fields,
            "assignment": assignment_fields,
            "draft": draft_fields,
            "post": post_fields,
        }

    def default(value: Any) -> Any:
        kind = type(value)
        if kind is CalendarEntry:
            return entry_fields(value)
        if kind in fields_only:
            return value.__dict__
        if kind is Post:  # one of the models: written as its fields, like them
            fields = value.__dict__
            if fields["details"]:
                keep(fields["details"])
            return fields
        if kind in _TIMES:
            return time_text(value)
        raise TypeError(f"{kind.__name__} is left to the standard library")

    return default, details


def _details_written_alike(details: list[dict[str, Any]]) -> bool:
    """Whether orjson writes all these post details exactly as the standard library does.

    Compact output of both is compared; indentation is a function of the tokens alone and both
    indent alike, so equal compact text means equal indented text. ``model_dump(mode="json")``
    leaves such values (str, int, float, bool, None, lists, dicts with str keys) as they are.
    """
    import orjson

    try:
        if all(map(_plain, details)):
            return True  # text, whole numbers, truth values and nulls: both write them alike
    except RecursionError:
        pass  # nested too deep to walk: the writers' own answers decide
    option = (
        orjson.OPT_SORT_KEYS
        | orjson.OPT_PASSTHROUGH_DATETIME
        | orjson.OPT_PASSTHROUGH_DATACLASS
        | orjson.OPT_PASSTHROUGH_SUBCLASS
    )
    try:
        fast = orjson.dumps(details, option=option)
        careful = json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return fast == careful.encode("utf-8")
    except (TypeError, ValueError, RecursionError):
        return False


_LOWEST, _HIGHEST = -(2**63), 2**64 - 1
"""The integers orjson writes; it refuses others (and the standard library writes the file)."""


def _plain(value: Any) -> bool:
    """Whether ``value`` holds only what orjson and the standard library write alike.

    Exactly ``str``, ``bool``, ``None``, 64-bit ``int`` (orjson refuses larger ones, and the
    standard library then writes the file), lists and ``str``-keyed dicts of those. Floats are
    not: the two write some of them differently (``1e+16`` and ``1e16``). Leaves are looked at
    in the loop over their container, not in a call each: a week's details hold some 200,000.
    """
    kind = type(value)
    if kind is dict:
        for key in value:
            if type(key) is not str:
                return False
        items: Any = value.values()
    elif kind is list:
        items = value
    else:
        return (
            kind is str
            or kind is bool
            or value is None
            or (kind is int and _LOWEST <= value <= _HIGHEST)
        )
    for item in items:
        item_kind = type(item)
        if item_kind is str or item_kind is bool or item is None:
            continue
        if item_kind is int:
            if _LOWEST <= item <= _HIGHEST:
                continue
            return False
        if not _plain(item):
            return False
    return True


@functools.cache
def _models_written_as_their_fields() -> frozenset[type] | None:
    """The calendar models, if pydantic writes each as exactly its fields; else ``None``."""
    for model in _CALENDAR_MODELS:
        decorators = model.__pydantic_decorators__
        if (
            model.model_config.get("extra") == "allow"
            or model.model_computed_fields
            or decorators.field_serializers
            or decorators.model_serializers
        ):
            return None
        for name, field in model.model_fields.items():
            if field.alias or field.serialization_alias or field.exclude or field.metadata:
                return None
            if (model, name) not in _FREE_FORM and _may_hold_a_float(field.annotation):
                return None
    return frozenset(_CALENDAR_MODELS)


def _may_hold_a_float(annotation: Any) -> bool:
    """Whether a field of this type may hold a float (written differently by orjson)."""
    if annotation in (float, Any, object) or annotation is typing.Any:
        return True
    return any(_may_hold_a_float(argument) for argument in typing.get_args(annotation))
