"""The sandboxed Jinja environment drafts are rendered in, its loader chain, and its errors.

Loader chain: the kit's own ``templates/`` folder, then folders plugins register, then the
built-ins. ``default:<name>`` always reaches the built-in template of that name, so a kit template
can ``{% extends "default:de/tip.j2" %}`` and change only one block.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import FunctionType, MethodType, NoneType, TracebackType
from typing import Any, NoReturn

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from ..errors import TemplateError

__all__ = [
    "BUILTIN_TEMPLATES",
    "DraftEnvironment",
    "make_environment",
    "render_template",
    "template_error",
]

BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class DraftEnvironment(SandboxedEnvironment):
    """A sandbox that stops at the first unsafe attribute instead of printing an empty value."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe_attributes: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # The sandbox's rule looks only at the attribute's name and the kind of object it is
        # read from (function, method, type, frame, …), never at the value: a week reads the same
        # few attributes of the same few types hundreds of thousands of times, so each answer is
        # worked out once per type and name.
        key = (type(obj), attr)
        safe = self._safe_attributes.get(key)
        if safe is None:
            safe = self._safe_attributes[key] = super().is_safe_attribute(obj, attr, value)
        return safe

    def getattr(self, obj: Any, attribute: str) -> Any:
        """The sandbox's own ``getattr``, reading the attribute once, as it does.

        The stock version asks :meth:`wrap_str_format` about every value; that only ever wraps a
        bound method, so a value of a plain data type (text, numbers, lists of them …) skips the
        question and gets the same answer. Everything else takes the stock steps, in its order.
        """
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                pass
        else:
            if type(value) not in _PLAIN_VALUES:
                wrapped = self.wrap_str_format(value)
                if wrapped is not None:
                    return wrapped
            if self.is_safe_attribute(obj, attribute, value):
                return value
            return self.unsafe_undefined(obj, attribute)
        return self.undefined(obj=obj, name=attribute)

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Call ``obj`` from template code, as the sandbox does.

        Templates call a few bound methods of plain functions (``prompt``, ``fit``) on every
        draft. For such a method, the stock steps come down to reading three attributes of the
        function (``unsafe_callable``, ``alters_data``, ``jinja_pass_arg``), each of which fails
        when the function's ``__dict__`` is empty; then the method is called with the template's
        arguments. That case is done here directly. Anything else (another kind of callable, a
        function carrying attributes, an environment or context whose rules were changed) goes
        the stock way.
        """
        if type(obj) is MethodType and type(context) is Context and self._stock_calls():
            function = obj.__func__
            if type(function) is FunctionType and not function.__dict__:
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
                try:
                    return obj(*args, **kwargs)
                except StopIteration:
                    return context.environment.undefined(
                        "value was undefined because a callable raised a StopIteration exception"
                    )
        return super().call(context, obj, *args, **kwargs)

    def _stock_calls(self) -> bool:
        """Whether calls are judged by the stock rule, nowhere replaced."""
        return (
            type(self).is_safe_callable is SandboxedEnvironment.is_safe_callable
            and "is_safe_callable" not in self.__dict__
        )

    def unsafe_undefined(self, obj: Any, attribute: str) -> NoReturn:
        # The stock sandbox returns an Undefined here, which lets the template carry on; failing
        # at once makes ``{{ ''.__class__ }}`` an error that names the line, and nothing else runs.
        raise SecurityError(
            f"access to attribute {attribute!r} of a {type(obj).__name__!r} value is not allowed"
        )


# Exact types that are never a bound method, so the sandbox's ``wrap_str_format`` leaves them be.
_PLAIN_VALUES = frozenset({str, int, float, bool, NoneType, list, tuple, dict})


def render_template(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """``template.render(context)``, without reading the template's globals three times.

    Jinja copies the context, then merges the globals into a second copy through a
    :class:`~collections.ChainMap` (one Python call per name), then lists the globals' names
    once more for the new :class:`~jinja2.runtime.Context`. With plain dictionaries behind the
    ChainMap the same merged mapping — the same names in the same order, the first map's value
    winning — comes from updating a dictionary with each map, last map first; the context then
    gets the very mapping and the very set of global names ``render`` gives it. Anything
    unusual (an async environment, another context class, a mapping that is not a plain
    dictionary) goes through ``render`` itself.
    """
    environment = template.environment
    globals_ = template.globals
    if (
        environment.is_async
        or environment.context_class is not Context
        or type(context) is not dict
        or type(globals_) is not ChainMap
    ):
        return template.render(context)
    merged: dict[str, Any] = {}
    for mapping in reversed(globals_.maps):
        if type(mapping) is not dict:
            return template.render(context)
        merged.update(mapping)
    active = Context(
        environment, dict(merged, **context), template.name, template.blocks, globals=merged
    )
    try:
        return environment.concat(template.root_render_func(active))
    except Exception:
        environment.handle_exception()


def make_environment(search: Sequence[Path]) -> DraftEnvironment:
    """An environment over ``search`` (kit, then plugin folders), then the built-ins."""
    folders = [str(p) for p in [*search, BUILTIN_TEMPLATES] if p.is_dir()]
    loader = jinja2.ChoiceLoader(
        [
            jinja2.PrefixLoader(
                {"default": jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES))}, delimiter=":"
            ),
            jinja2.FileSystemLoader(folders),
        ]
    )
    return DraftEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def _template_place(error: BaseException) -> tuple[str | None, int | None]:
    """The template file and line an exception was raised from (Jinja rewrites tracebacks)."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return error.filename or error.name, error.lineno
    found: tuple[str | None, int | None] = (None, None)
    trace: TracebackType | None = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename == "<template>":
            found = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


def has_template_place(error: BaseException) -> bool:
    """Whether the error was raised by template code (so it can name a line)."""
    return _template_place(error)[1] is not None


def template_error(error: BaseException, template: str = "") -> TemplateError:
    """A :class:`TemplateError` naming file, line and what went wrong, with a hint."""
    filename, line = _template_place(error)
    where = filename or template or "template"
    if line:
        where = f"{where}:{line}"
    if isinstance(error, jinja2.UndefinedError):
        hint = (
            "use only the variables docs/templates.md lists, or give a default: "
            "{{ value | default('') }}"
        )
    elif isinstance(error, SecurityError):
        hint = "templates run in a sandbox: use the data and filters docs/templates.md lists"
    elif isinstance(error, jinja2.TemplateNotFound):
        hint = (
            "check the name; built-ins are reached with the prefix default:, e.g. default:de/tip.j2"
        )
    elif isinstance(error, jinja2.TemplateSyntaxError):
        hint = "fix the Jinja syntax at that line"
    else:
        hint = "fix the template at that line"
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    if isinstance(error, jinja2.TemplateNotFound):
        message = f"template {error.name!r} not found"
    elif not isinstance(error, jinja2.TemplateError):
        message = f"{type(error).__name__}: {message}"
    prefix = f"template {template!r}: " if template and template not in where else ""
    return TemplateError(f"{prefix}{where}: {message}\n  hint: {hint}")
