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
from collections.abc import Callable
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


@functools.cache
def _resolved_first_characters(resolver: Any) -> frozenset[str] | None:
    """First characters for which ruamel.yaml tries an implicit type (bool, int, null, …).

    resolve() looks its resolvers up by a plain scalar's first character (plus any registered
    for every character, and path resolvers); a value starting with none of them is a string
    without a regular expression being tried. With resolvers for every character (none are
    registered today) or path resolvers, every value takes the full way (None).
    """
    table = resolver.versioned_resolver
    if table.get(None) or resolver.yaml_path_resolvers:
        return None
    return frozenset(key for key in table if key)


@functools.lru_cache(maxsize=65536)
def _plain(value: str) -> Any:
    """A plain (unquoted) scalar as the round-trip loader and ``loading._walk`` make it."""
    resolver, constructor, scalar_node = _ruamel()
    typed = _resolved_first_characters(resolver)
    if value and typed is not None and value[0] not in typed:
        return value  # what resolve() gives when no implicit resolver starts with it: str
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


@functools.cache
def _event_types() -> tuple[type, ...]:
    import yaml

    return (
        yaml.ScalarEvent,
        yaml.SequenceStartEvent,
        yaml.SequenceEndEvent,
        yaml.MappingStartEvent,
        yaml.MappingEndEvent,
        yaml.AliasEvent,
    )


def _scalar(event: Any) -> Any:
    """The value of a scalar event, as the round-trip loader and ``loading._walk`` make it."""
    if event.anchor is not None:
        raise Unsure("anchors and aliases")
    if event.tag is not None:
        raise Unsure("explicit tag")
    return _plain(event.value) if event.implicit[0] else event.value


def _build(next_event: Callable[[], Any], first: Any) -> Any:
    # libyaml makes events of exactly these classes, so comparing types is isinstance here;
    # next_event is the parser's own get_event (no generator or check_event in between: the
    # structure says where each collection ends, and None or a stray event raises Unsure).
    # A scalar inside a collection is built in the collection's loop (most values are
    # scalars: a kit of 10,000 people has some 300,000), the same as _build makes one.
    scalar, sequence_start, sequence_end, mapping_start, mapping_end, alias = _event_types()
    kind = type(first)
    if kind is scalar:
        return _scalar(first)
    if kind is alias or getattr(first, "anchor", None) is not None:
        raise Unsure("anchors and aliases")
    if getattr(first, "tag", None) is not None:
        raise Unsure("explicit tag")
    if kind is sequence_start:
        items: list[Any] = []
        while True:
            event = next_event()
            event_kind = type(event)
            if event_kind is sequence_end:
                return items
            if event_kind is scalar:
                if event.anchor is not None or event.tag is not None:
                    _scalar(event)  # raises Unsure, naming why
                items.append(_plain(event.value) if event.implicit[0] else event.value)
            else:
                items.append(_build(next_event, event))
    if kind is mapping_start:
        mapping: dict[str, Any] = {}
        keys: set[Any] = set()
        while True:
            event = next_event()
            event_kind = type(event)
            if event_kind is mapping_end:
                return mapping
            if event_kind is not scalar:
                raise Unsure("a key that is not a scalar")
            if event.anchor is not None or event.tag is not None:
                _scalar(event)  # raises Unsure, naming why
            if event.implicit[0]:
                if event.value == "<<":
                    raise Unsure("merge key")
                key = _plain(event.value)
            else:
                key = event.value
            if key in keys:
                raise Unsure("duplicate key")  # the careful reader reports it with its place
            keys.add(key)
            event = next_event()
            if type(event) is scalar:
                if event.anchor is not None or event.tag is not None:
                    _scalar(event)  # raises Unsure, naming why
                mapping[str(key)] = _plain(event.value) if event.implicit[0] else event.value
            else:
                mapping[str(key)] = _build(next_event, event)
    raise Unsure(f"unexpected {kind.__name__}")


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
    next_event = loader.get_event
    try:
        next_event()  # the stream start
        document = next_event()
        if isinstance(document, yaml.StreamEndEvent):
            return None  # an empty file
        if not isinstance(document, yaml.DocumentStartEvent):
            raise Unsure("syntax error")
        if document.explicit or document.version or document.tags:
            raise Unsure("document markers or directives")
        value = _build(next_event, next_event())
        end = next_event()
        if not isinstance(end, yaml.DocumentEndEvent) or end.explicit:
            raise Unsure("document end marker")
        if not isinstance(next_event(), yaml.StreamEndEvent):
            raise Unsure("several documents")
        return value
    except yaml.YAMLError:
        raise Unsure("syntax error") from None
    finally:
        loader.dispose()
