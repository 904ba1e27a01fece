"""A large kit's templates compiled by a forked helper while the week is being scheduled.

Compiling a template (lexing, parsing, generating and compiling Python) costs about a
millisecond; a week uses some hundred templates, and with drafting in two processes both would
compile each of them while both cores are busy. Scheduling the week runs on one core first. So
:class:`Precompiling` forks a helper when it is created, which compiles every template of the
drafter's languages and sends back the bytecode Jinja itself would cache (a
:class:`jinja2.BytecodeCache` bucket, keyed by template name and file, checked against the
source's checksum); :meth:`Precompiling.install` hands it to the environment once scheduling is
done. Templates are then loaded from it instead of compiled — in this process and in the
drafting worker forked later — and are the same templates: the helper is a copy of this process
with the same environment, loader and settings, and a template whose source differs from what
the helper compiled is compiled again (Jinja compares the checksums).

Nothing depends on the helper: a template it could not compile (a syntax error, say) is simply
not sent, so loading it here raises the error it always raises; a helper that fails, or does not
finish in time, leaves the environment to compile as before.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import re
import select
import signal
from collections.abc import Iterable
from typing import BinaryIO, NoReturn

import jinja2
from jinja2.bccache import Bucket

from .. import parallel
from ..gc_tuning import shared_with_workers

__all__ = ["PEOPLE_THRESHOLD", "Precompiling", "SharedBytecode"]

PEOPLE_THRESHOLD = 2_000
"""Kits with fewer people are scheduled too quickly for a helper to finish meanwhile."""

_WAIT = 2.0  # seconds to wait for a helper that has not finished by the end of scheduling

# Templates a draft may use: ``<language>/<kind>[.<platform>].j2`` and the layouts beside them.
_DRAFT_TEMPLATE = re.compile(r"[a-z]{2}/[^/:]+\.j2")


class SharedBytecode(jinja2.BytecodeCache):
    """Compiled templates in memory, as Jinja's bytecode cache stores them (by key)."""

    def __init__(self, codes: dict[str, bytes] | None = None) -> None:
        self.codes: dict[str, bytes] = dict(codes or {})

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja checks the source's checksum here

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


def draft_template_names(environment: jinja2.Environment) -> list[str]:
    """Every template name of a language folder the loader knows (not ``default:`` names)."""
    try:
        names: Iterable[str] = environment.list_templates()
    except TypeError:  # a loader that cannot list its templates
        return []
    return [name for name in names if _DRAFT_TEMPLATE.fullmatch(name)]


class Precompiling:
    """A helper compiling ``names`` for ``environment`` from now on; see the module text."""

    def __init__(self, environment: jinja2.Environment, names: list[str]) -> None:
        self._environment = environment
        self._child: int | None = None
        self._reader: BinaryIO | None = None
        if not names or not parallel.can_fork() or environment.bytecode_cache is not None:
            return
        read_end, write_end = os.pipe()
        try:
            with shared_with_workers():
                child = os.fork()
                if child == 0:  # inside the block: what the parent froze stays frozen here
                    os.close(read_end)
                    _compile_and_send(environment, names, write_end)
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return
        os.close(write_end)
        self._child = child
        self._reader = os.fdopen(read_end, "rb")

    def install(self) -> None:
        """Give the environment what the helper compiled, if it finished; end the helper."""
        reader, self._reader = self._reader, None
        if reader is None:
            return
        codes: object = None
        with reader, contextlib.suppress(Exception):  # anything amiss: compile as before
            ready, _, _ = select.select([reader], [], [], _WAIT)
            if ready:
                codes = marshal.loads(reader.read())
        self._end_helper()
        if isinstance(codes, dict) and all(
            type(key) is str and type(value) is bytes for key, value in codes.items()
        ):
            self._environment.bytecode_cache = SharedBytecode(codes)

    def _end_helper(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)

    def __enter__(self) -> Precompiling:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self._end_helper()


def _compile_and_send(
    environment: jinja2.Environment, names: list[str], descriptor: int
) -> NoReturn:
    """The helper: compile each template into a bytecode cache, send it, and leave."""
    gc.disable()  # short-lived: a collection would only copy the pages it shares
    status = 1
    try:
        cache = SharedBytecode()
        environment.bytecode_cache = cache
        for name in names:
            with contextlib.suppress(Exception):  # left to this process, which reports it
                environment.get_template(name)
        data = memoryview(marshal.dumps(cache.codes))
        while data:
            data = data[os.write(descriptor, data) :]
        status = 0
    finally:
        os._exit(status)
