"""The JSON Schema of kit files, for editors that validate and complete YAML."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .models import Campaign, Kit, Person, Topic

__all__ = ["kit_part_schema"]


def kit_part_schema(part: str = "kit") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``kit.yaml`` or of one split file.

    A file in ``people/``, ``topics/`` or ``campaigns/`` holds one entry or a list of them.
    """
    models: dict[str, type[BaseModel]] = {
        "kit": Kit,
        "person": Person,
        "topic": Topic,
        "campaign": Campaign,
    }
    schema = models[part].model_json_schema()
    if part != "kit":
        definitions = schema.pop("$defs", {})
        entry = dict(schema)
        schema = {
            "title": entry.get("title", part),
            "anyOf": [entry, {"type": "array", "items": entry}],
        }
        if definitions:
            schema["$defs"] = definitions
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
