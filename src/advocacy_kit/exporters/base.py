"""What an exporter is, and the one way files are written: atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import ClassVar

from ..calendar import Calendar

__all__ = ["Exporter", "write_atomic"]


def write_atomic(path: Path, content: str | bytes) -> Path:
    """Write to a temporary file beside ``path``, then rename it: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


class Exporter:
    """Base class for exporter plugins: turn a calendar into files in a folder."""

    name: ClassVar[str]
    description: ClassVar[str]
    suffix: ClassVar[str]

    def export(self, calendar: Calendar, target: Path) -> list[Path]:
        """Write the calendar under ``target`` (a folder) and return the files written."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"
