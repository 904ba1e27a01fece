"""Pydantic's errors about a kit → problems placed at ``path:line:column`` with a hint.

The loader keeps the place of every key and value it read; here each error is pinned to the
file and line its value came from and told in the kit's language, with what to do about it.
"""

from __future__ import annotations

import difflib
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .i18n import say
from .i18n.pydantic_errors import pydantic_message
from .models import Kit
from .references import Reference, describe_reference

__all__ = ["Loc", "Place", "field_name", "place_of", "placed_references", "problems_from"]

Loc = tuple[str | int, ...]
Place = tuple[Path, int, int]  # file, 1-based line, 1-based column


def place_of(loc: Loc, places: dict[Loc, Place], fallback: Path) -> Place:
    """Where the value at ``loc`` (or its nearest enclosing one) was read; else the file's top."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in places:
            return places[loc[:end]]
    return (fallback, 1, 1)


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation can hold (through unions, lists and dicts)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple, dict):
        args = typing.get_args(annotation)
        if origin is dict:
            args = args[1:]
        return [found for arg in args for found in _unwrap(arg)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def _known_fields(loc: Loc) -> list[str]:
    models: list[type[BaseModel]] = [Kit]
    for part in loc:
        if isinstance(part, int) or not models:
            continue
        field = next((m.model_fields[part] for m in models if part in m.model_fields), None)
        if field is not None:
            models = _unwrap(field.annotation)
    return sorted({name for model in models for name in model.model_fields})


def field_name(loc: Loc) -> str:
    """``people[3].accounts.x``: a location as the kit's author reads it."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _hint(error: Any, loc: Loc, language: str) -> str:
    ctx = error.get("ctx") or {}
    if "key" in ctx:  # the kit's own validators name their text (field_types.problem)
        return say(f"{ctx['key']}.hint", language, **ctx["values"])
    if "hint" in ctx:
        return str(ctx["hint"])
    kind = error["type"]
    if kind == "extra_forbidden":
        known = _known_fields(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        guess = say("unknown_key.guess", language, close=close[0]) if close else ""
        return say("unknown_key.hint", language, guess=guess, known=", ".join(known))
    if kind == "missing":
        return say("missing.hint", language, field=loc[-1])
    return say("field.hint", language)


def _message(error: Any, language: str) -> str:
    ctx = error.get("ctx") or {}
    if "key" in ctx:
        return say(str(ctx["key"]), language, **ctx["values"])
    if error["type"] == "extra_forbidden":
        return say("unknown_key", language)
    return pydantic_message(error, language)


def placed_references(
    references: list[Reference],
    prefix: Loc,
    places: dict[Loc, Place],
    kit_file: Path,
    language: str = "en",
) -> list[Problem]:
    """Problems with references (unknown ids, duplicates) at the place of each value."""
    problems = []
    for reference in references:
        loc = (*prefix, *reference[0])
        message, hint = describe_reference(reference, language)
        path, line, column = place_of(loc, places, kit_file)
        problems.append(Problem(message, field_name(loc), path, line, column, hint))
    return problems


def problems_from(
    error: ValidationError, places: dict[Loc, Place], kit_file: Path, language: str = "en"
) -> list[Problem]:
    """One :class:`Problem` per pydantic error, placed in the file the value came from."""
    problems = []
    for item in error.errors():
        loc: Loc = tuple(item["loc"])
        if item["type"] == "references":
            problems += placed_references(item["ctx"]["problems"], loc, places, kit_file, language)
            continue
        lookup = (*loc, "<key>") if item["type"] == "extra_forbidden" else loc
        path, line, column = place_of(lookup, places, kit_file)
        message, hint = _message(item, language), _hint(item, loc, language)
        problems.append(Problem(message, field_name(loc), path, line, column, hint))
    return problems
