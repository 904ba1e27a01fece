"""``export(calendar, name, path)``: the one call that runs an exporter plugin."""

from __future__ import annotations

from pathlib import Path

from .calendar import Calendar
from .plugins import get_exporter

__all__ = ["export"]


def export(calendar: Calendar, name: str, path: str | Path) -> list[Path]:
    """Write ``calendar`` with the exporter ``name`` into the folder ``path``; return the files."""
    return get_exporter(name).export(calendar, Path(path))
