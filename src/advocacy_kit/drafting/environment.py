"""The sandboxed Jinja environment drafts are rendered in, its loader chain, and its errors.

Loader chain: the kit's own ``templates/`` folder, then folders plugins register, then the
built-ins. ``default:<name>`` always reaches the built-in template of that name, so a kit template
can ``{% extends "default:de/tip.j2" %}`` and change only one block.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from ..errors import TemplateError

__all__ = ["BUILTIN_TEMPLATES", "DraftEnvironment", "make_environment", "template_error"]

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

    def unsafe_undefined(self, obj: Any, attribute: str) -> NoReturn:
        # The stock sandbox returns an Undefined here, which lets the template carry on; failing
        # at once makes ``{{ ''.__class__ }}`` an error that names the line, and nothing else runs.
        raise SecurityError(
            f"access to attribute {attribute!r} of a {type(obj).__name__!r} value is not allowed"
        )


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
