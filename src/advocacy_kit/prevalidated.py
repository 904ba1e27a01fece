"""Models built from values that are valid already, at a fraction of ``model_construct``'s cost.

A large week builds hundreds of thousands of slots, assignments, drafts, posts and findings from
values that were validated when the kit was loaded or that the code made itself. pydantic's
``model_construct`` skips validation but still walks every field for aliases and defaults in
Python; when the values name every field in the model's own order (the usual case), the result
is simply those values, and :func:`prevalidated` builds it directly. Any other call — a field
left to its default, another order, a model with aliases, extra fields or a post-init hook — goes
to ``model_construct``, so the result is always exactly what ``model_construct`` returns.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["prevalidated"]

_M = TypeVar("_M", bound=BaseModel)

# Per model class: its field names in order when the direct path applies, else None.
_DIRECT: dict[type[BaseModel], tuple[str, ...] | None] = {}
_set = object.__setattr__


def _direct_fields(cls: type[BaseModel]) -> tuple[str, ...] | None:
    fields = cls.__pydantic_fields__
    plain = (
        not cls.__pydantic_root_model__
        and not cls.__pydantic_post_init__
        and cls.model_config.get("extra") != "allow"
        and all(f.alias is None and f.validation_alias is None for f in fields.values())
    )
    return tuple(fields) if plain else None


def prevalidated(cls: type[_M], values: dict[str, Any], fields_set: set[str] | None = None) -> _M:
    """``cls.model_construct(fields_set, **values)``; ``values`` becomes the model's own dict.

    Pass a new dict: the model keeps it as its ``__dict__``.
    """
    try:
        names = _DIRECT[cls]
    except KeyError:
        names = _DIRECT[cls] = _direct_fields(cls)
    if names is None or tuple(values) != names:
        return cls.model_construct(fields_set, **values)
    model = cls.__new__(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", set(values) if fields_set is None else fields_set)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model
