"""``export(calendar, name, path)``: the one call that runs an exporter plugin."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

from .calendar import Calendar
from .errors import UnknownNameError, UsageError
from .exporters.base import ExportWarning
from .plugins import get_exporter, get_exporters

__all__ = ["FORMAT_ALIASES", "export", "export_formats", "resolve_formats"]

FORMAT_ALIASES: dict[str, str] = {"md": "markdown"}
"""Short names accepted wherever an exporter name is (``--format html,md``)."""


def resolve_formats(text: str, *, language: str = "en") -> list[str]:
    """Exporter names from a comma-separated list, aliases resolved, duplicates dropped.

    Raises :class:`~advocacy_kit.UnknownNameError` naming the known formats for a name that is not
    registered, and :class:`~advocacy_kit.UsageError` for a list that names no format at all
    (``""``, ``","``), before anything is written. ``language`` is that of the messages.
    """
    names: list[str] = []
    for raw in text.split(","):
        name = FORMAT_ALIASES.get(raw.strip().lower(), raw.strip().lower())
        if name and name not in names:
            try:
                get_exporter(name)
            except UnknownNameError as error:
                raise UnknownNameError(
                    error.kind, error.name, known_formats(), language=language
                ) from None
            names.append(name)
    if not names:
        from .i18n import say

        hint = say("plan.no_format.hint", language, known=", ".join(known_formats()))
        raise UsageError(
            f"{say('plan.no_format', language)}\n  {say('label.hint', language)}: {hint}"
        )
    return names


def export(calendar: Calendar, name: str, path: str | Path, *, force: bool = False) -> list[Path]:
    """Write ``calendar`` with the exporter ``name`` into the folder ``path``; return the files.

    A file a person edited since advocacy-kit wrote it is kept; the new version is written beside
    it and an :class:`~advocacy_kit.ExportWarning` says where. ``force=True`` overwrites instead.
    """
    exporter = get_exporter(FORMAT_ALIASES.get(name, name))
    return exporter.export(calendar, Path(path), force=force)


def export_formats(
    calendar: Calendar,
    names: Iterable[str],
    path: str | Path,
    *,
    force: bool = False,
    warn: Callable[[str], None],
) -> list[Path]:
    """Run several exporters into one folder; hand each :class:`ExportWarning` to ``warn``."""
    written: list[Path] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ExportWarning)
        for name in names:
            written += export(calendar, name, path, force=force)
    for warning in caught:
        if issubclass(warning.category, ExportWarning):
            warn(str(warning.message))
        else:  # not ours: let it take its usual way
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return written


def known_formats() -> list[str]:
    """Every exporter name and alias, sorted."""
    return sorted([*get_exporters(), *FORMAT_ALIASES])
