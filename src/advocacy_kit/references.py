"""Cross-references inside a kit: duplicate ids, and ids that point at nothing.

Works on plain data (as read from YAML, or dumped from a :class:`~advocacy_kit.models.Kit`), so
the loader can report these problems together with type errors elsewhere in the same kit.
"""

from __future__ import annotations

from typing import Any

from .i18n import say

__all__ = ["Reference", "describe_reference", "reference_problems"]

Reference = tuple[tuple[str | int, ...], str, dict[str, Any]]
"""Where the problem is, the key of its text in :mod:`advocacy_kit.i18n`, and the text's values."""


def describe_reference(reference: Reference, language: str) -> tuple[str, str]:
    """The problem's message and hint in ``language``."""
    _, key, values = reference
    filled = dict(values)
    if isinstance(filled.get("known"), list):
        filled["known"] = ", ".join(filled["known"]) or say("none_yet", language)
    return say(key, language, **filled), say(f"{key}.hint", language, **filled)


def _entries(data: dict[str, Any], section: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(section)
    if not isinstance(value, list):
        return []
    return [(index, entry) for index, entry in enumerate(value) if isinstance(entry, dict)]


def reference_problems(data: dict[str, Any]) -> list[Reference]:
    """Duplicate ids and references to things the kit does not define, with their places.

    Works on plain data (as read from YAML, or dumped from a :class:`Kit`), so the loader can
    report these problems together with type errors elsewhere in the same kit.
    """
    problems: list[Reference] = []

    def unique(section: str) -> set[str]:
        seen: set[str] = set()
        for index, entry in _entries(data, section):
            item_id = entry.get("id")
            if not isinstance(item_id, str):
                continue
            if item_id in seen:
                problems.append(
                    ((section, index, "id"), "duplicate_id", {"id": item_id, "section": section})
                )
            seen.add(item_id)
        return seen

    areas = unique("areas")
    topics = unique("topics")
    unique("campaigns")
    unique("people")

    def known(loc: tuple[str | int, ...], value: object, pool: set[str], what: str) -> None:
        if isinstance(value, str) and value not in pool:
            problems.append((loc, f"unknown_{what}", {"value": value, "known": sorted(pool)}))

    def listed(entry: dict[str, Any], key: str) -> list[tuple[int, object]]:
        value = entry.get(key)
        return list(enumerate(value)) if isinstance(value, list) else []

    for t_index, topic in _entries(data, "topics"):
        for a_index, area in listed(topic, "areas"):
            known(("topics", t_index, "areas", a_index), area, areas, "area")
    for c_index, campaign in _entries(data, "campaigns"):
        for t_index, topic_id in listed(campaign, "topics"):
            known(("campaigns", c_index, "topics", t_index), topic_id, topics, "topic")
    for p_index, person in _entries(data, "people"):
        expertise = person.get("expertise")
        for area in expertise if isinstance(expertise, dict) else {}:
            known(("people", p_index, "expertise", area), area, areas, "area")
    return problems
