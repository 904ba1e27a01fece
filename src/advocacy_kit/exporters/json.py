"""JSON: the whole calendar, in stable order, with a published schema and a loader.

The file is the :class:`~advocacy_kit.Calendar` model as JSON (keys sorted, two-space indent).
``advocacy-kit schema --calendar`` prints its JSON Schema; :func:`load_calendar` reads it back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pydantic

from ..calendar import Calendar, CalendarEntry
from ..errors import Problem, UsageError
from ..gc_tuning import fewer_collections
from ..hookspecs import hookimpl
from .base import Exporter, ExportFile

__all__ = [
    "JsonExporter",
    "calendar_json",
    "calendar_json_bytes",
    "calendar_schema",
    "load_calendar",
    "parse_calendar",
]


def calendar_json(calendar: Calendar) -> str:
    """The calendar as a JSON document: every entry in calendar order, keys sorted."""
    return calendar_json_bytes(calendar).decode("utf-8")


@fewer_collections
def calendar_json_bytes(calendar: Calendar) -> bytes:
    """:func:`calendar_json` as UTF-8, written entry by entry so a large week needs less memory."""
    entries = sorted(
        calendar.entries,
        key=lambda e: (e.slot.start, e.slot.person_id, e.slot.platform),
    )
    if entries and not any(_has_float(entry.post.details) for entry in entries):
        try:
            return _fast_dumps(calendar, entries)
        except TypeError:
            pass  # a value orjson does not take (a huge int, a non-string key): the stdlib will
    data = calendar.model_copy(update={"entries": entries}).model_dump(mode="json")
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return text.encode("utf-8")


_ENTRIES_PLACE = b'\n  "entries": []'


def _fast_dumps(calendar: Calendar, entries: list[CalendarEntry]) -> bytes:
    """What ``json.dumps(indent=2, ensure_ascii=False, sort_keys=True)`` writes, many times faster.

    orjson writes the same text for strings, integers, booleans, null, lists and objects; floats
    come out differently (``1e-05`` / ``0.00001``), so the caller leaves those to the stdlib. The
    entries are written one by one (indented one level deeper) into their place in the
    document, so the whole calendar never exists as one tree of dicts.
    """
    import orjson

    option = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
    head = calendar.model_dump(mode="json", exclude={"entries"})
    head["entries"] = []
    document = orjson.dumps(head, option=option)
    before, found, after = document.partition(_ENTRIES_PLACE)
    if not found:
        raise TypeError("no place for the entries")  # not expected; the stdlib writes it then
    pieces = [before, b'\n  "entries": [\n    ']
    for index, entry in enumerate(entries):
        if index:
            pieces.append(b",\n    ")
        pieces.append(
            orjson.dumps(entry.model_dump(mode="json"), option=option).replace(b"\n", b"\n    ")
        )
    pieces += [b"\n  ]", after, b"\n"]
    return b"".join(pieces)


def _has_float(value: Any) -> bool:
    """Whether a float hides in ``value`` (the only free-form part of a calendar: post details)."""
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(item) for item in value.values())
    if isinstance(value, list | tuple):
        return any(_has_float(item) for item in value)
    return False


def calendar_schema() -> dict[str, Any]:
    """The JSON Schema of the file :class:`JsonExporter` writes."""
    schema = Calendar.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "advocacy-kit calendar"
    return schema


def _restore_zones(node: Any) -> Any:
    """Put every slot time back into its IANA zone (JSON keeps only the UTC offset)."""
    if isinstance(node, list):
        return [_restore_zones(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _restore_zones(value) for key, value in node.items()}
    start, zone = result.get("start"), result.get("timezone")
    if isinstance(start, str) and isinstance(zone, str) and "person_id" in result:
        try:
            moment = pydantic.TypeAdapter(pydantic.AwareDatetime).validate_python(start)
            result["start"] = moment.astimezone(ZoneInfo(zone))
        except (pydantic.ValidationError, ValueError, KeyError):
            pass  # left as it is, so validation below reports it with its place
    return result


def parse_calendar(text: str, source: str = "<calendar.json>") -> Calendar:
    """A :class:`Calendar` from JSON text written by :class:`JsonExporter`.

    :raises UsageError: naming the source and the field when the text is not such a calendar.
    """
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        problem = Problem(
            error.msg, path=Path(source), line=error.lineno, column=error.colno,
            hint="the file is not valid JSON; export it again with --format json",
        )  # fmt: skip
        raise UsageError(str(problem)) from None
    try:
        return Calendar.model_validate(_restore_zones(raw))
    except pydantic.ValidationError as error:
        first = error.errors()[0]
        more = error.error_count() - 1
        problem = Problem(
            first["msg"] + (f" (and {more} more problems)" if more else ""),
            field=".".join(str(part) for part in first["loc"]),
            path=Path(source),
            hint="compare the file with `advocacy-kit schema --calendar`",
        )
        raise UsageError(str(problem)) from None


def load_calendar(path: str | Path) -> Calendar:
    """Read a ``calendar.json`` back into the models (slot times in their own zones)."""
    path = Path(path)
    return parse_calendar(path.read_text(encoding="utf-8"), str(path))


class JsonExporter(Exporter):
    """``calendar.json``: everything in the calendar, for scripts and other tools."""

    name = "json"
    description = "the whole calendar as JSON (schema: advocacy-kit schema --calendar)"
    suffix = ".json"

    def render(self, calendar: Calendar) -> list[ExportFile]:
        return [ExportFile("calendar.json", calendar_json_bytes(calendar))]


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(JsonExporter())
