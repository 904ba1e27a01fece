"""Read drafts back out of a ``calendar.md`` a person edited.

The Markdown exporter wraps every draft in ``<!-- draft: ID -->`` … ``<!-- end: ID -->``. Between
the markers sit a heading line (topic, kind, length), optional part labels (``*Part 1/2*``) and the
text as a block quote. Whatever the person changed inside the markers is their text; everything
outside them is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, UsageError
from ..i18n import say

__all__ = ["EditedDraft", "parse_edited_drafts", "read_edited_drafts"]

_START = re.compile(r"^\s*<!--\s*draft:\s*(\S+)\s*-->\s*$")
_END = re.compile(r"^\s*<!--\s*end:\s*(\S+)\s*-->\s*$")
_PART_LABEL = re.compile(r"^\*[^*]+\s\d+/\d+\*\s*$")
_HEADING = re.compile(r"^\*\*.+\*\*")


@dataclass(frozen=True)
class EditedDraft:
    """A draft's text as it stands in the Markdown file."""

    draft_id: str
    parts: tuple[str, ...]
    line: int
    """Line of the ``<!-- draft: … -->`` marker (from 1)."""

    @property
    def text(self) -> str:
        """All parts, separated by blank lines (as :attr:`advocacy_kit.Post.text` joins them)."""
        return "\n\n".join(self.parts)


def _unquote(line: str) -> str:
    if line.startswith("> "):
        return line[2:]
    if line.startswith(">"):
        return line[1:]
    return line


def _parts(lines: list[str]) -> tuple[str, ...]:
    body = list(lines)
    while body and not body[0].strip():
        body.pop(0)
    if body and _HEADING.match(body[0]):
        body.pop(0)
    groups: list[list[str]] = [[]]
    for line in body:
        if _PART_LABEL.match(line):
            groups.append([])
        else:
            groups[-1].append(_unquote(line.rstrip()))
    parts = ["\n".join(group).strip("\n") for group in groups]
    return tuple(part for part in parts if part.strip())


def parse_edited_drafts(
    text: str, source: str = "calendar.md", *, language: str = "en"
) -> list[EditedDraft]:
    """Every marked draft in Markdown ``text``, in file order.

    :param language: the language of error messages (the kit's).
    :raises UsageError: naming the file and line of a marker without its partner, or a draft
        that appears twice.
    """

    def fail(line: int, key: str, draft: str) -> UsageError:
        problem = Problem(
            say(key, language, draft=draft),
            path=Path(source),
            line=line,
            hint=say(f"{key}.hint", language, draft=draft),
        )
        error = UsageError(problem.render(language))
        error.language = language
        return error

    drafts: list[EditedDraft] = []
    seen: set[str] = set()
    current: tuple[str, int] | None = None
    body: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        start, end = _START.match(line), _END.match(line)
        if start:
            if current is not None:
                raise fail(current[1], "edits.no_end", current[0])
            current, body = (start.group(1), number), []
        elif end:
            if current is None or end.group(1) != current[0]:
                raise fail(number, "edits.no_start", end.group(1))
            if current[0] in seen:
                raise fail(current[1], "edits.twice", current[0])
            seen.add(current[0])
            drafts.append(EditedDraft(current[0], _parts(body), current[1]))
            current = None
        elif current is not None:
            body.append(line)
    if current is not None:
        raise fail(current[1], "edits.no_end", current[0])
    return drafts


def read_edited_drafts(path: str | Path, *, language: str = "en") -> list[EditedDraft]:
    """:func:`parse_edited_drafts` on a file.

    :raises UsageError: also for a file that is not UTF-8 text, naming the file and the line of
        the first byte that is not.
    """
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem = Problem(
            say("edits.not_utf8", language, position=error.start + 1),
            path=path,
            line=line,
            hint=say("edits.not_utf8.hint", language),
        )
        failure = UsageError(problem.render(language))
        failure.language = language
        raise failure from None
    return parse_edited_drafts(text, str(path), language=language)
