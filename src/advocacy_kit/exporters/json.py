"""JSON: the whole calendar, in stable order, with a published schema and a loader.

The file is the :class:`~advocacy_kit.Calendar` model as JSON (keys sorted, two-space indent).
``advocacy-kit schema --calendar`` prints its JSON Schema; :func:`load_calendar` reads it back.
The exporter makes the file in pieces (:func:`calendar_json_pieces`) and writes each while the
next is made.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import partial
from operator import attrgetter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pydantic

from ..calendar import Calendar
from ..errors import Problem, UsageError
from ..gc_tuning import fewer_collections
from ..hookspecs import hookimpl
from .base import Exporter, ExportFile, Piece, StreamedContent
from .json_writer import fast_calendar_json, fast_calendar_json_pieces

__all__ = [
    "JsonExporter",
    "calendar_json",
    "calendar_json_bytes",
    "calendar_json_pieces",
    "calendar_schema",
    "load_calendar",
    "parse_calendar",
]


def calendar_json(calendar: Calendar) -> str:
    """The calendar as a JSON document: every entry in calendar order, keys sorted."""
    return calendar_json_bytes(calendar).decode("utf-8")


@fewer_collections
def calendar_json_bytes(calendar: Calendar) -> bytes:
    """:func:`calendar_json` as UTF-8: what ``json.dumps(indent=2, sort_keys=True)`` writes.

    :mod:`.json_writer` writes the same bytes many times faster; for a calendar holding a value
    it does not write exactly like the standard library (a float in post details, an integer
    beyond 64 bits, an unusual type) the standard library writes the whole file.
    """
    entries = sorted(calendar.entries, key=_CALENDAR_ORDER)
    ordered = calendar.model_copy(update={"entries": entries})
    fast = fast_calendar_json(ordered)
    if fast is not None:
        return fast
    data = ordered.model_dump(mode="json")
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return text.encode("utf-8")


def calendar_json_pieces(calendar: Calendar) -> Iterator[Piece]:
    """:func:`calendar_json_bytes` in pieces of some thousand entries: joined, the same bytes."""
    entries = sorted(calendar.entries, key=_CALENDAR_ORDER)
    yield from fast_calendar_json_pieces(calendar.model_copy(update={"entries": entries}))


_CALENDAR_ORDER = attrgetter("slot.start", "slot.person_id", "slot.platform")
"""Calendar order: local time (compared as instants), then person, then platform."""


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

    def stream(self, calendar: Calendar) -> list[ExportFile]:
        """``calendar.json`` made in pieces while it is written (no 240 MB buffer for a big week)."""
        return [
            ExportFile("calendar.json", StreamedContent(partial(calendar_json_pieces, calendar)))
        ]

    @fewer_collections  # the file is made while it is written, in export
    def export(self, calendar: Calendar, target: Path, *, force: bool = False) -> list[Path]:
        return super().export(calendar, target, force=force)


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(JsonExporter())
