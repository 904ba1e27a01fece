"""A fast reader for the plain YAML most kit files are, with exactly the values ruamel.yaml gives.

ruamel.yaml's round-trip loader keeps the line and column of every value, which error messages
need, but it is pure Python: a kit of 10,000 people takes many seconds to read. libyaml (through
PyYAML's C parser) reads the same files about ten times faster. Here libyaml only splits the text
into events; every plain scalar is resolved and built by ruamel.yaml's own YAML 1.2 resolver and
constructor, so ``19:30`` stays a string, ``no`` stays ``no`` and dates stay text, as there.

Anything this reader cannot vouch for — a syntax error, anchors and aliases, explicit tags,
directives, several documents, duplicate keys, merge keys, tabs or line breaks that YAML 1.1 and
1.2 read differently — returns ``None``, and the caller reads the file with positions as before.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["Unsure", "read_plain_yaml"]

_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SAFE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
# Characters YAML 1.1 (libyaml) and YAML 1.2 (ruamel.yaml) treat differently, or that only
# appear in unusual files: such files take the careful path.
_DOUBTFUL = ("\t", "\x85", "\u2028", "\u2029")


class Unsure(Exception):
    """The fast reader cannot promise ruamel.yaml's result for this text."""


@functools.cache
def _ruamel() -> tuple[Any, Any, Any]:
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import ScalarNode

    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    return yaml.resolver, yaml.constructor, ScalarNode


@functools.lru_cache(maxsize=65536)
def _plain(value: str) -> Any:
    """A plain (unquoted) scalar as the round-trip loader and ``loading._walk`` make it."""
    resolver, constructor, scalar_node = _ruamel()
    tag = resolver.resolve(scalar_node, value, (True, False))
    if str(tag) not in _SAFE_TAGS:
        raise Unsure(f"scalar {value!r} resolves to {tag}")
    if str(tag) in (_STR, _TIMESTAMP):
        return value  # dates stay text, as in loading: pydantic reads them and places errors
    built = constructor.construct_object(scalar_node(tag, value), deep=True)
    # The same conversions as loading._walk, which turns ruamel's scalar types into plain ones.
    if isinstance(built, str):
        return str(built)
    if isinstance(built, bool):
        return bool(built)
    if isinstance(built, int):
        return int(built)
    if isinstance(built, float):
        return float(built)
    return built


def _build(events: Iterator[Any], first: Any) -> Any:
    import yaml

    if isinstance(first, yaml.AliasEvent) or getattr(first, "anchor", None) is not None:
        raise Unsure("anchors and aliases")
    if isinstance(first, yaml.ScalarEvent):
        if first.tag is not None:
            raise Unsure("explicit tag")
        return _plain(first.value) if first.implicit[0] else first.value
    if first.tag is not None:
        raise Unsure("explicit tag")
    if isinstance(first, yaml.SequenceStartEvent):
        items: list[Any] = []
        for event in events:
            if isinstance(event, yaml.SequenceEndEvent):
                return items
            items.append(_build(events, event))
    if isinstance(first, yaml.MappingStartEvent):
        mapping: dict[str, Any] = {}
        keys: set[Any] = set()
        for event in events:
            if isinstance(event, yaml.MappingEndEvent):
                return mapping
            if not isinstance(event, yaml.ScalarEvent):
                raise Unsure("a key that is not a scalar")
            key = _build(events, event)
            if event.implicit[0] and event.value == "<<":
                raise Unsure("merge key")
            if key in keys:
                raise Unsure("duplicate key")  # the careful reader reports it with its place
            keys.add(key)
            mapping[str(key)] = _build(events, next(events))
    raise Unsure(f"unexpected {type(first).__name__}")


def read_plain_yaml(path: Path) -> Any:
    """The file's data as plain Python values; raise :class:`Unsure` when in doubt."""
    try:
        import yaml
    except ImportError:
        raise Unsure("PyYAML is not installed") from None
    loader_class = getattr(yaml, "CSafeLoader", None)
    if loader_class is None:
        raise Unsure("libyaml is not available")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise Unsure("unreadable") from None
    if any(character in text for character in _DOUBTFUL):
        raise Unsure("characters read differently by YAML 1.1 and 1.2")
    loader = loader_class(text)

    def stream() -> Iterator[Any]:
        while loader.check_event():
            yield loader.get_event()

    try:
        events = stream()
        next(events)  # the stream start
        document = next(events)
        if isinstance(document, yaml.StreamEndEvent):
            return None  # an empty file
        if document.explicit or document.version or document.tags:
            raise Unsure("document markers or directives")
        value = _build(events, next(events))
        end = next(events)
        if not isinstance(end, yaml.DocumentEndEvent) or end.explicit:
            raise Unsure("document end marker")
        if not isinstance(next(events), yaml.StreamEndEvent):
            raise Unsure("several documents")
        return value
    except (yaml.YAMLError, StopIteration):
        raise Unsure("syntax error") from None
    finally:
        loader.dispose()
