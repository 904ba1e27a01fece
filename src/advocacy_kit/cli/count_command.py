"""``advocacy-kit count``: measure a text the way a platform does.

Exit status: 0 when every text counted is valid for the platform, 1 when one is not (too long,
empty, or a problem the platform's ``validate`` reports, such as too many hashtags), 2 for
wrong usage (no text, ``--json`` with ``--jsonl``, input that is not JSON or not valid Unicode).
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..errors import UsageError
from ..hookspecs import hookimpl

_SURROGATES = range(0xD800, 0xE000)


def _result(platform_name: str, text: str, language: str = "en") -> dict[str, Any]:
    """What ``count`` reports; ``language`` is that of the problems (JSON output stays English).

    ``valid`` is false when the text does not fit *or* the platform reports any problem with it.
    """
    from ..plugins import get_platform

    platform = get_platform(platform_name)
    options = platform.options(language=language)
    measured = platform.count(text, options)
    problems = platform.validate(text, options, language=language)
    result: dict[str, Any] = {
        "platform": platform.name,
        "length": measured.length,
        "limit": measured.limit,
        "valid": measured.valid and not problems,
        "unit": measured.unit,
    }
    result.update(measured.details)
    if problems:
        result["problems"] = problems
    return result


def _usage(key: str, language: str, **values: Any) -> UsageError:
    """A :class:`UsageError` with its hint, both in ``language``."""
    from ..i18n import say

    hint = say(f"{key}.hint", language, **values)
    error = UsageError(f"{say(key, language, **values)}\n  {say('label.hint', language)}: {hint}")
    error.language = language
    return error


def _lone_surrogate(text: str) -> str | None:
    """The first lone surrogate in ``text`` as ``\\udXXX``, or ``None`` when there is none.

    A lone surrogate is no character: no platform accepts it and it cannot be written as UTF-8.
    """
    for character in text:
        if ord(character) in _SURROGATES:
            return f"\\u{ord(character):04x}"
    return None


def _count_lines(platform_name: str, language: str) -> bool:
    """Count each JSON string on stdin; print one JSON result per line. True if all are valid."""
    all_valid = True
    try:
        for number, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            if _lone_surrogate(line) is not None:
                # Bytes that are not UTF-8, read with surrogateescape (a C or POSIX locale).
                raise _usage("count.line_not_utf8", language, line=number)
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise _usage("count.not_json", language, line=number, detail=error.msg) from None
            if not isinstance(item, str):
                raise _usage("count.not_string", language, line=number, type=type(item).__name__)
            escape = _lone_surrogate(item)
            if escape is not None:
                raise _usage("count.not_unicode", language, line=number, escape=escape)
            result = _result(platform_name, item)
            all_valid = all_valid and result["valid"]
            click.echo(json.dumps(result, ensure_ascii=False))
    except UnicodeDecodeError:
        raise _usage("count.stdin_not_utf8", language) from None
    return all_valid


def _read_text(text: str | None, language: str) -> str:
    """TEXT, or stdin for ``-`` or no TEXT; an error when there is nothing to count."""
    if text is not None and text != "-":
        escape = _lone_surrogate(text)
        if escape is not None:  # bytes that are not UTF-8 arrive from argv as lone surrogates
            raise _usage("count.text_not_utf8", language)
        return text
    if text is None and sys.stdin.isatty():
        raise _usage("count.no_text", language)  # don't sit waiting for typed input
    try:
        read = sys.stdin.read()
    except UnicodeDecodeError:
        raise _usage("count.stdin_not_utf8", language) from None
    if read.endswith("\n"):
        read = read[:-1]  # the newline a shell or editor adds is not part of the post
    if not read:
        raise _usage("count.no_text", language)
    if _lone_surrogate(read) is not None:
        raise _usage("count.stdin_not_utf8", language)
    return read


@click.command(name="count")
@click.option("--platform", "-p", "platform_name", required=True, help="Platform name, e.g. x.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--jsonl",
    is_flag=True,
    help="Read one JSON-encoded string per line from stdin; write one JSON result per line.",
)
@click.argument("text", required=False)
@click.pass_context
def count(
    ctx: click.Context, platform_name: str, as_json: bool, jsonl: bool, text: str | None
) -> None:
    """Measure TEXT (or stdin, without TEXT or with '-') as PLATFORM counts it.

    Prints the length, the limit, whether the text is valid, and each problem the platform
    finds (a text is valid only when it fits and has no problem, e.g. not too many hashtags).

    \b
    Exit status:
      0  every text counted is valid
      1  a text is not valid (too long, empty, or a problem listed)
      2  wrong usage: no text, --json with --jsonl, a line that is not a JSON string
         of valid Unicode text (lines before it have been counted and printed)

    \b
    Examples:
      advocacy-kit count --platform x "Hello, world! 👋"
      advocacy-kit count --platform bluesky --json "Read https://example.com #OpenSource"
      printf '"one"\\n"two"\\n' | advocacy-kit count --platform x --jsonl
    """
    from ..i18n import language_from_environment, say
    from ..platforms.messages import unit_word

    language = language_from_environment()  # no kit: the environment decides
    if as_json and jsonl:
        raise _usage("count.json_and_jsonl", language)
    if jsonl:
        if text is not None and text != "-":
            raise _usage("count.text_with_jsonl", language)
        if not _count_lines(platform_name, language):
            ctx.exit(1)
        return
    text = _read_text(text, language)
    if as_json:
        result = _result(platform_name, text)
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        result = _result(platform_name, text, language)
        state = say("count.valid" if result["valid"] else "count.not_valid", language)
        unit = unit_word(result["unit"], language)
        click.echo(f"{result['platform']}: {result['length']}/{result['limit']} {unit} — {state}")
        for problem in result.get("problems", []):
            click.echo(f"  - {problem}")
    if not result["valid"]:
        ctx.exit(1)


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(count)
