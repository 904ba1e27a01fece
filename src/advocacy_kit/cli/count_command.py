"""``advocacy-kit count``: measure a text the way a platform does."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..hookspecs import hookimpl


def _result(platform_name: str, text: str, language: str = "en") -> dict[str, Any]:
    """What ``count`` reports; ``language`` is that of the problems (JSON output stays English)."""
    from ..plugins import get_platform

    platform = get_platform(platform_name)
    options = platform.options()
    measured = platform.count(text, options)
    result: dict[str, Any] = {
        "platform": platform.name,
        "length": measured.length,
        "limit": measured.limit,
        "valid": measured.valid,
        "unit": measured.unit,
    }
    result.update(measured.details)
    problems = platform.validate(text, options, language=language)
    if problems:
        result["problems"] = problems
    return result


@click.command(name="count")
@click.option("--platform", "-p", "platform_name", required=True, help="Platform name, e.g. x.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--jsonl",
    is_flag=True,
    help="Read one JSON-encoded string per line from stdin; write one JSON result per line.",
)
@click.argument("text", required=False)
def count(platform_name: str, as_json: bool, jsonl: bool, text: str | None) -> None:
    """Measure TEXT (or stdin with '-') as PLATFORM counts it: length, limit, validity.

    \b
    Examples:
      advocacy-kit count --platform x "Hello, world! 👋"
      advocacy-kit count --platform bluesky --json "Read https://example.com #OpenSource"
      printf '"one"\\n"two"\\n' | advocacy-kit count --platform x --jsonl
    """
    from ..errors import UsageError

    if jsonl:
        for number, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise UsageError(
                    f"stdin line {number}: not JSON ({error.msg})\n"
                    '  hint: give one JSON string per line, e.g. "Hello"'
                ) from None
            if not isinstance(item, str):
                raise UsageError(
                    f"stdin line {number}: expected a JSON string, got {type(item).__name__}\n"
                    '  hint: give one JSON string per line, e.g. "Hello"'
                )
            click.echo(json.dumps(_result(platform_name, item), ensure_ascii=False))
        return
    if text is None or text == "-":
        text = sys.stdin.read()
        if text.endswith("\n"):
            text = text[:-1]  # the newline a shell or editor adds is not part of the post
    if as_json:
        click.echo(json.dumps(_result(platform_name, text), ensure_ascii=False))
        return
    from ..i18n import language_from_environment, say
    from ..platforms.messages import unit_word

    language = language_from_environment()  # no kit: the environment decides
    result = _result(platform_name, text, language)
    state = say("count.valid" if result["valid"] else "count.not_valid", language)
    unit = unit_word(result["unit"], language)
    click.echo(f"{result['platform']}: {result['length']}/{result['limit']} {unit} — {state}")
    for problem in result.get("problems", []):
        click.echo(f"  - {problem}")


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(count)
