"""One error tree. Every message says where the problem is and what to do next.

Each class also subclasses the matching builtin (``ValueError``, ``LookupError`` …) so that
callers who do not know advocacy-kit can still catch what they expect.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .i18n import say

__all__ = [
    "AdvocacyKitError",
    "ExportError",
    "KitError",
    "PluginError",
    "Problem",
    "TemplateError",
    "UnknownNameError",
    "UsageError",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, pinned to a place in a file where that is known."""

    message: str
    field: str = ""
    path: Path | None = None
    line: int | None = None
    column: int | None = None
    hint: str = ""

    def location(self) -> str:
        """``path:line:column`` as far as it is known (lines and columns count from 1)."""
        if self.path is None:
            return ""
        parts = [str(self.path)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def render(self, language: str = "en") -> str:
        """``path:line:column: field: message`` and the hint, labelled in ``language``."""
        head = ": ".join(p for p in (self.location(), self.field, self.message) if p)
        return f"{head}\n  {say('label.hint', language)}: {self.hint}" if self.hint else head

    def __str__(self) -> str:
        return self.render()


class AdvocacyKitError(Exception):
    """Base of every error advocacy-kit raises on purpose. The CLI prints it and exits 2."""

    exit_code = 2
    #: The language the message is written in, when it is known (``None``: not known).
    language: str | None = None

    def localised(self, language: str) -> str:
        """The message in ``language`` where the error can say it again; else as raised."""
        return str(self)


class KitError(AdvocacyKitError, ValueError):
    """A kit (or a file it refers to) cannot be used. Holds every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem], language: str = "en") -> None:
        self.problems = sorted(
            problems,
            key=lambda p: (str(p.path or ""), p.line or 0, p.column or 0, p.field),
        )
        self.language = language
        super().__init__(self._summary())

    def _summary(self) -> str:
        language = self.language or "en"
        count = len(self.problems)
        lines = [p.render(language) for p in self.problems]
        total = say("problems.one" if count == 1 else "problems.many", language, count=count)
        return "\n".join([*lines, total])


class TemplateError(AdvocacyKitError, ValueError):
    """A draft template could not be loaded or rendered."""


class PluginError(AdvocacyKitError, RuntimeError):
    """A plugin could not be loaded, or two plugins claim the same name."""


class UnknownNameError(AdvocacyKitError, LookupError):
    """A platform, exporter, situation … of that name is not registered."""

    def __init__(
        self, kind: str, name: str, known: Iterable[str], language: str | None = None
    ) -> None:
        self.kind = kind
        self.name = name
        self.known = sorted(known)
        self.language = language
        super().__init__(self.localised(language or "en"))

    def localised(self, language: str) -> str:
        """``unknown platform 'x'; known: …`` in ``language``."""
        from .i18n import _TEXTS

        key = f"unknown_name.{self.kind}"
        known = ", ".join(self.known) or say("none", language)
        if key in _TEXTS:
            return say(key, language, name=self.name, known=known)
        return say("unknown_name", language, kind=self.kind, name=self.name, known=known)


class UsageError(AdvocacyKitError, ValueError):
    """An argument given to the CLI or the API does not fit (a week, a format …)."""


class ExportError(AdvocacyKitError, OSError):
    """An export could not be written without losing someone's work."""
