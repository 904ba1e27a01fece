"""Edit protection: remember what was written, and never overwrite what a person changed since.

Each output folder holds ``.advocacy-kit-manifest.json``: the SHA-256 of every file advocacy-kit
wrote there. Before a file is written again, its current content is compared with that record.
A file that differs (someone edited it, or advocacy-kit never wrote it) is kept as it is; the new
version goes beside it as ``NAME.new.SUFFIX`` and an :class:`ExportWarning` says so. ``force``
overwrites instead.

Hashes are computed while a file is written (streamed content piece by piece in the writer's
thread, a big whole file in a thread beside the write), and a present file is hashed as it is
read, so no file needs to be held in memory twice.
"""

from __future__ import annotations

import hashlib
import json
import threading
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

from ..errors import ExportError
from ..i18n import say
from .base import ExportFile, ExportWarning, StreamedContent, write_atomic

__all__ = ["MANIFEST_NAME", "Manifest", "digest", "write_protected"]

MANIFEST_NAME = ".advocacy-kit-manifest.json"
_VERSION = 1


def digest(data: bytes) -> str:
    """The hash recorded for a file's content."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


_BIG = 1 << 24
"""From this size (16 MiB) a file's hash is computed while it is written, not after."""


def _digest_meanwhile(data: bytes) -> Callable[[], str]:
    """:func:`digest` of ``data``; for a big file computed in a thread while the caller writes.

    hashlib and file writes both release the GIL, so on two cores hashing a week of 10,000
    people (240 MB) costs no time beside writing it. The hash is the same either way.
    """
    if len(data) < _BIG:
        value = digest(data)
        return lambda: value
    found: list[str] = []
    worker = threading.Thread(target=lambda: found.append(digest(data)), daemon=True)
    worker.start()

    def result() -> str:
        worker.join()
        return found[0] if found else digest(data)

    return result


class Manifest:
    """The hashes of the files advocacy-kit wrote into one folder, by relative POSIX path."""

    def __init__(self, folder: Path, hashes: dict[str, str] | None = None) -> None:
        self.folder = folder
        self.hashes: dict[str, str] = dict(hashes or {})

    @classmethod
    def load(cls, folder: Path, *, language: str = "en") -> Manifest:
        """Read the folder's manifest; an absent one is empty.

        :param language: the language of the error for a manifest that cannot be read.
        """
        path = folder / MANIFEST_NAME
        if not path.exists():
            return cls(folder)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            hashes = raw["files"]
            if not isinstance(hashes, dict):
                raise TypeError("files is not an object")
        except (ValueError, KeyError, TypeError) as error:
            message = say("manifest.unreadable", language, path=path, error=error)
            hint = say("manifest.unreadable.hint", language)
            raise ExportError(f"{message}\n  {say('label.hint', language)}: {hint}") from None
        return cls(folder, {str(k): str(v) for k, v in hashes.items()})

    def save(self) -> None:
        """Write the manifest atomically, keys sorted so it diffs well."""
        content = {"version": _VERSION, "files": dict(sorted(self.hashes.items()))}
        write_atomic(self.folder / MANIFEST_NAME, json.dumps(content, indent=2) + "\n")

    def is_unchanged(self, name: str) -> bool:
        """True if the file is absent or exactly as advocacy-kit last wrote it."""
        path = self.folder / name
        if not path.exists():
            return True
        with path.open("rb") as stream:  # read in chunks: the digest of path.read_bytes()
            found = "sha256:" + hashlib.file_digest(stream, "sha256").hexdigest()
        return self.hashes.get(name) == found


def _beside(name: str, manifest: Manifest) -> str:
    """A free name next to ``name`` for the new version: ``x.new.md``, ``x.new-2.md`` …"""
    path = PurePosixPath(name)
    suffix = "".join(path.suffixes[-1:])
    stem = path.name[: len(path.name) - len(suffix)] if suffix else path.name
    number = 1
    while True:
        tag = "new" if number == 1 else f"new-{number}"
        candidate = str(path.with_name(f"{stem}.{tag}{suffix}"))
        if manifest.is_unchanged(candidate):
            return candidate
        number += 1


def write_protected(
    folder: Path, files: Iterable[ExportFile], *, force: bool = False, language: str = "en"
) -> list[Path]:
    """Write ``files`` into ``folder`` atomically, keeping any file a person edited.

    :param force: overwrite edited files too.
    :param language: the language of warnings and errors (the calendar's).
    :returns: the paths written (a kept file's new version is written beside it).
    """
    manifest = Manifest.load(folder, language=language)
    written: list[Path] = []
    for file in files:
        name = file.name
        path = folder / name
        # A present file is kept if it differs from the new content and from the record. Both
        # tests only read the file, so asking the record first gives the same answer; then
        # streamed content is joined only for a file that differs from the record.
        if not force and path.exists() and not manifest.is_unchanged(name):
            data = file.data
            file = ExportFile(file.name, data)  # made once: compared, then written
            if path.read_bytes() != data:
                key = "manifest.edited" if name in manifest.hashes else "manifest.foreign"
                name = _beside(file.name, manifest)
                warnings.warn(
                    ExportWarning(say(key, language, path=path, new=folder / name)), stacklevel=2
                )
        target, hashed = _write_hashed(folder / name, file.content)
        written.append(target)
        manifest.hashes[name] = hashed
    manifest.save()
    return written


def _write_hashed(path: Path, content: str | bytes | StreamedContent) -> tuple[Path, str]:
    """:func:`write_atomic`, and the :func:`digest` of what it wrote."""
    if isinstance(content, StreamedContent):
        hasher = hashlib.sha256()
        target = write_atomic(path, content, each_piece=hasher.update)
        return target, "sha256:" + hasher.hexdigest()
    data = content.encode("utf-8") if isinstance(content, str) else content
    hashed = _digest_meanwhile(data)
    return write_atomic(path, data), hashed()
