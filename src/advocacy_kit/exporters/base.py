"""What an exporter is, and the one way files are written: atomically, never over a person's edits.

Content comes whole (``str`` or ``bytes``) or, for a big file, as :class:`StreamedContent`: pieces
made one after another, written (and handed to the caller, say for hashing) in a thread of their
own while the next piece is made.
"""

from __future__ import annotations

import os
import queue
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, ClassVar

from ..calendar import Calendar
from ..handoffs import quick_handoffs

__all__ = [
    "ExportFile",
    "ExportWarning",
    "Exporter",
    "Piece",
    "StreamedContent",
    "write_atomic",
]

Piece = bytes | memoryview
"""One piece of streamed content: bytes, or a view into bytes (a slice without copying it)."""


class ExportWarning(UserWarning):
    """Something an export changed or left alone on purpose: a moved time, a kept edited file.

    Issued with :func:`warnings.warn`; the CLI prints each one as ``Warning: …``.
    """


class StreamedContent:
    """File content made piece by piece: the pieces, joined, are the file.

    ``pieces`` is called each time the content is read, so the content can be read again (and
    is made again). :func:`write_atomic` writes each piece while the next one is made.
    """

    __slots__ = ("_pieces",)

    def __init__(self, pieces: Callable[[], Iterable[Piece]]) -> None:
        self._pieces = pieces

    def __iter__(self) -> Iterator[Piece]:
        return iter(self._pieces())

    def join(self) -> bytes:
        """All the content at once."""
        return b"".join(self)

    def __repr__(self) -> str:
        return f"<StreamedContent from {self._pieces!r}>"


@dataclass(frozen=True)
class ExportFile:
    """One file an exporter produces: its path relative to the output folder, and its content."""

    name: str
    content: str | bytes | StreamedContent

    @property
    def data(self) -> bytes:
        """The content as bytes (text is written as UTF-8; streamed content is joined)."""
        if isinstance(self.content, str):
            return self.content.encode("utf-8")
        if isinstance(self.content, StreamedContent):
            return self.content.join()
        return self.content


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(
    path: Path,
    content: str | bytes | StreamedContent,
    *,
    each_piece: Callable[[Piece], object] | None = None,
) -> Path:
    """Write to a temporary file beside ``path``, then rename it: never a half-written file.

    :param content: text (written as UTF-8), bytes, or :class:`StreamedContent`, whose pieces
        are written in a thread of their own while the next ones are made.
    :param each_piece: called with every piece once it is written, in order (the manifest
        hashes them); for whole content, once with all of it.

    An error while the content is made or written removes the temporary file and leaves the
    file at ``path`` as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600 files; give the file the mode any new file gets (the umask's).
        os.fchmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, StreamedContent):
                _write_meanwhile(stream, data, each_piece)
            else:
                stream.write(data)
                if each_piece is not None:
                    each_piece(data)
            stream.flush()
            os.fsync(stream.fileno())
        replaced = _held_if_big(path)
        try:
            os.replace(temporary, path)
        finally:
            if replaced is not None:
                _close_meanwhile(replaced)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


_BIG_FILE = 1 << 24
"""From this size (16 MiB) a file being replaced is given back to the system in a thread."""


def _held_if_big(path: Path) -> int | None:
    """A descriptor of the big file at ``path``, which keeps it from being freed at the rename.

    Giving back the space and cached pages of a replaced file takes the system some 45 ms for a
    240 MB ``calendar.json``, done in whichever call drops the file's last reference: holding
    one across the rename moves that work into :func:`_close_meanwhile`.
    """
    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:
        return None  # no file there yet (or none this process may read): nothing to hold
    try:
        if os.fstat(handle).st_size >= _BIG_FILE:
            return handle
    except OSError:
        pass
    os.close(handle)
    return None


def _close_meanwhile(handle: int) -> None:
    """Close ``handle`` in a thread (``os.close`` lets other threads run meanwhile)."""
    threading.Thread(target=os.close, args=(handle,), name="free_replaced", daemon=True).start()


_AHEAD = 2
"""Pieces made but not yet written: enough to keep the writer busy, few enough to hold."""

_SYNC_EVERY = 1 << 25
"""Bytes the writer hands to the disk at a time (32 MiB), so the last fsync has little left."""


def _write_meanwhile(
    stream: BinaryIO, pieces: Iterable[Piece], each_piece: Callable[[Piece], object] | None
) -> None:
    """Write ``pieces`` to ``stream`` in a thread while this one makes the next pieces.

    Making a piece (orjson, templates) holds the GIL; writing a file and hashing more than a
    few kilobytes release it, so on two cores the two run side by side. A failure on either
    side stops both and is raised here, after the writer has stopped.
    """
    waiting: queue.Queue[Piece | None] = queue.Queue(maxsize=_AHEAD)
    failed: list[BaseException] = []
    abandoned = threading.Event()

    def write() -> None:
        unsynced = 0
        try:
            while (piece := waiting.get()) is not None:
                if abandoned.is_set():
                    continue
                stream.write(piece)
                if each_piece is not None:
                    each_piece(piece)
                unsynced += len(piece)
                if unsynced >= _SYNC_EVERY:  # on the disk while the rest is made
                    stream.flush()
                    os.fdatasync(stream.fileno())
                    unsynced = 0
        except BaseException as error:  # handed to the maker, raised there
            failed.append(error)
            while waiting.get() is not None:  # so the maker never waits for room in vain
                pass

    writer = threading.Thread(target=write, name="write_atomic", daemon=True)
    with quick_handoffs():  # the writer takes its turn after each write and hash at once
        writer.start()
        try:
            for piece in pieces:
                if failed:
                    break
                waiting.put(piece)
        except BaseException:
            abandoned.set()  # the file is removed anyway: the pieces still waiting are not written
            raise
        finally:
            waiting.put(None)
            writer.join()
    if failed:
        raise failed[0]


class Exporter:
    """Base class for exporter plugins: turn a calendar into files in a folder.

    Subclasses implement :meth:`render`; :meth:`export` writes what it returns atomically and
    keeps any file a person edited since it was written (see :mod:`.manifest`). An exporter of
    big files may also implement :meth:`stream`, giving content in pieces that are written
    while the next ones are made.
    """

    name: ClassVar[str]
    description: ClassVar[str]
    suffix: ClassVar[str]

    def render(self, calendar: Calendar) -> list[ExportFile]:
        """The files for ``calendar``, named relative to the output folder."""
        raise NotImplementedError

    def stream(self, calendar: Calendar) -> list[ExportFile]:
        """The files :meth:`export` writes: those of :meth:`render`, content maybe streamed.

        The default is :meth:`render`; the bytes written must be those :meth:`render` gives.
        """
        return self.render(calendar)

    def export(self, calendar: Calendar, target: Path, *, force: bool = False) -> list[Path]:
        """Write the calendar under ``target`` (a folder) and return the files written.

        :param force: overwrite files a person edited instead of writing beside them.
        """
        from .manifest import write_protected

        return write_protected(
            target, self.stream(calendar), force=force, language=calendar.language
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"
