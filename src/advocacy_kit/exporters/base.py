"""What an exporter is, and the one way files are written: atomically, never over a person's edits."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..calendar import Calendar

__all__ = ["ExportFile", "ExportWarning", "Exporter", "write_atomic"]


class ExportWarning(UserWarning):
    """Something an export changed or left alone on purpose: a moved time, a kept edited file.

    Issued with :func:`warnings.warn`; the CLI prints each one as ``Warning: …``.
    """


@dataclass(frozen=True)
class ExportFile:
    """One file an exporter produces: its path relative to the output folder, and its content."""

    name: str
    content: str | bytes

    @property
    def data(self) -> bytes:
        """The content as bytes (text is written as UTF-8)."""
        return self.content.encode("utf-8") if isinstance(self.content, str) else self.content


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, content: str | bytes) -> Path:
    """Write to a temporary file beside ``path``, then rename it: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600 files; give the file the mode any new file gets (the umask's).
        os.fchmod(handle, 0o666 & ~_umask())
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
    """Base class for exporter plugins: turn a calendar into files in a folder.

    Subclasses implement :meth:`render`; :meth:`export` writes what it returns atomically and
    keeps any file a person edited since it was written (see :mod:`.manifest`).
    """

    name: ClassVar[str]
    description: ClassVar[str]
    suffix: ClassVar[str]

    def render(self, calendar: Calendar) -> list[ExportFile]:
        """The files for ``calendar``, named relative to the output folder."""
        raise NotImplementedError

    def export(self, calendar: Calendar, target: Path, *, force: bool = False) -> list[Path]:
        """Write the calendar under ``target`` (a folder) and return the files written.

        :param force: overwrite files a person edited instead of writing beside them.
        """
        from .manifest import write_protected

        return write_protected(
            target, self.render(calendar), force=force, language=calendar.language
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"
