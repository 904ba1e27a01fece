"""Models built from values that are valid already, at a fraction of ``model_construct``'s cost.

A large week builds hundreds of thousands of slots, assignments, drafts, posts and findings from
values that were validated when the kit was loaded or that the code made itself. pydantic's
``model_construct`` skips validation but still walks every field for aliases and defaults in
Python; when the values name every field in the model's own order (the usual case), the result
is simply those values, and :func:`prevalidated` builds it directly. Any other call — a field
left to its default, another order, a model with aliases, extra fields or a post-init hook — goes
to ``model_construct``, so the result is always exactly what ``model_construct`` returns.

Instances of a frozen model share one fields set per combination of fields set (see
:func:`shared_fields_set`): a week's set per model would be some 3 KB an entry, over a third of
the week's memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["builder", "is_shared_fields_set", "prevalidated", "shared_fields_set"]

_M = TypeVar("_M", bound=BaseModel)

# Per model class: its field names in order when the direct path applies, else None.
_DIRECT: dict[type[BaseModel], tuple[str, ...] | None] = {}
_SLOTS = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
# BaseModel keeps these four in slots: setting them through their descriptors is what
# ``object.__setattr__`` does, without looking the name up in the class first.
_SET_DICT = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__


def _direct_fields(cls: type[BaseModel]) -> tuple[str, ...] | None:
    fields = cls.__pydantic_fields__
    plain = (
        not cls.__pydantic_root_model__
        and not cls.__pydantic_post_init__
        and cls.model_config.get("extra") != "allow"
        and all(f.alias is None and f.validation_alias is None for f in fields.values())
    )
    return tuple(fields) if plain else None


_SHARED: dict[tuple[type[BaseModel], frozenset[str]], set[str]] = {}
_EVERY: dict[type[BaseModel], set[str]] = {}  # per frozen class built directly: every field


def shared_fields_set(cls: type[BaseModel], names: Iterable[str]) -> set[str]:
    """One fields set naming ``names``, for every instance of ``cls`` built with exactly those.

    Only for frozen models, where sharing is safe: pydantic refuses to set a field of a frozen
    model before it would add the name to the fields set, and ``model_copy`` copies the set
    before it changes it. Other models get a new set on every call.
    """
    if not cls.model_config.get("frozen"):
        return set(names)
    key = (cls, frozenset(names))
    try:
        return _SHARED[key]
    except KeyError:
        shared = _SHARED[key] = set(key[1])
        return shared


def is_shared_fields_set(cls: type[BaseModel], fields_set: Any) -> bool:
    """Whether ``fields_set`` is the very set :func:`shared_fields_set` gives ``cls`` for its names.

    Such a set lives as long as the program and never changes, so it may stand for its names by
    identity.
    """
    if type(fields_set) is not set:
        return False
    return _SHARED.get((cls, frozenset(fields_set))) is fields_set


def _own_slots(cls: type[BaseModel]) -> bool:
    """Whether ``cls`` keeps the four values in BaseModel's own slots, as pydantic's models do.

    Then setting them through those slots' descriptors is exactly ``object.__setattr__``.
    """
    for name in _SLOTS:
        found = next((base.__dict__[name] for base in cls.__mro__ if name in base.__dict__), None)
        if found is not BaseModel.__dict__[name]:
            return False
    return True


def prevalidated(cls: type[_M], values: dict[str, Any], fields_set: set[str] | None = None) -> _M:
    """``cls.model_construct(fields_set, **values)``; ``values`` becomes the model's own dict.

    Pass a new dict: the model keeps it as its ``__dict__``.
    """
    try:
        names = _DIRECT[cls]
    except KeyError:
        names = _DIRECT[cls] = _direct_fields(cls) if _own_slots(cls) else None
    if names is None or tuple(values) != names:
        return cls.model_construct(fields_set, **values)
    model = cls.__new__(cls)
    _SET_DICT(model, values)
    if fields_set is None:
        fields_set = _EVERY.get(cls)
        if fields_set is None:
            fields_set = shared_fields_set(cls, names)
            if cls.model_config.get("frozen"):  # else a new set for every instance
                _EVERY[cls] = fields_set
    _SET_FIELDS_SET(model, fields_set)
    _SET_EXTRA(model, None)
    _SET_PRIVATE(model, None)
    return model


def builder(cls: type[_M]) -> Callable[[dict[str, Any], set[str]], _M]:
    """A function that builds ``cls`` from another instance's ``__dict__`` (copied) and fields set.

    Made for values that travel between processes: the copy of an instance's own dict names
    every field it holds in its order, so the model built around it equals that instance
    (``==``, ``model_fields_set``, type); nothing is looked at or checked per call. Only for
    classes :func:`prevalidated` builds directly (no aliases, extra fields or post-init hook),
    whose instances keep no extra or private values; other classes raise ``TypeError`` here.
    """
    if _direct_fields(cls) is None or not _own_slots(cls):
        raise TypeError(f"{cls.__name__} cannot be built directly")
    new = cls.__new__

    def build(fields: dict[str, Any], fields_set: set[str]) -> _M:
        model = new(cls)
        _SET_DICT(model, fields)
        _SET_FIELDS_SET(model, fields_set)
        _SET_EXTRA(model, None)
        _SET_PRIVATE(model, None)
        return model

    return build
