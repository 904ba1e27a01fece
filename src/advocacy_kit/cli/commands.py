"""Built-in commands, registered through ``register_commands`` like any plugin's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..hookspecs import hookimpl

F = TypeVar("F", bound=Callable[..., Any])

KIT_ARGUMENT = click.argument(
    "kit_path", metavar="KIT", type=click.Path(exists=False, path_type=Path)
)


def _week_option(default: str) -> Callable[[F], F]:
    return click.option(
        "--week",
        "-w",
        default=default,
        show_default=True,
        help="ISO week such as 2026-W49, 'this', 'next', or a date in the week.",
    )


@click.command()
@KIT_ARGUMENT
@_week_option("next")
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder to write the calendar into.",
)
@click.option(
    "--format",
    "-f",
    "formats",
    default="html,markdown",
    show_default=True,
    help="Comma-separated exporters: html, markdown (md), ics, csv-hootsuite, csv-sprout, json "
    "and any a plugin adds.",
)
@click.option("--explain", is_flag=True, help="Print why each slot got its topic.")
@click.option("--force", is_flag=True, help="Overwrite files edited since they were written.")
def plan(kit_path: Path, week: str, out: Path, formats: str, explain: bool, force: bool) -> None:
    """Plan a week for everyone in KIT and write the draft calendar.

    \b
    Examples:
      advocacy-kit plan examples/de-kommunikation --week 2026-W49 --out out/
      advocacy-kit plan kit.yaml --week next --explain
    """
    from ..exporting import export_formats, resolve_formats
    from ..loading import load_kit
    from ..pipeline import plan_week

    names = resolve_formats(formats)  # an unknown format fails before any work is done
    kit = load_kit(kit_path)
    calendar = plan_week(kit, week)
    if explain:
        for entry in calendar.entries:
            slot = entry.slot
            click.echo(
                f"{slot.start:%a %Y-%m-%d %H:%M %Z} {slot.person_id} {slot.platform}: "
                f"{entry.assignment.topic_title} ({entry.assignment.kind})"
            )
            for reason in entry.assignment.reasons:
                click.echo(f"    - {reason}")
        for skipped in calendar.skipped:
            click.echo(
                f"{skipped.slot.start:%a %Y-%m-%d %H:%M %Z} {skipped.slot.person_id} "
                f"{skipped.slot.platform}: not planned — {skipped.reason}"
            )
    written = export_formats(
        calendar, names, out, force=force,
        warn=lambda message: click.secho(f"Warning: {message}", err=True, fg="yellow"),
    )  # fmt: skip
    people = len({entry.slot.person_id for entry in calendar.entries})
    click.echo(
        f"Planned {calendar.week}: {len(calendar.entries)} drafts for {people} people, "
        f"{len(calendar.skipped)} slots not planned."
    )
    for path in written:
        click.echo(f"Wrote {path}")


@click.command()
@click.option("--calendar", is_flag=True, help="The schema of calendar.json (--format json).")
def schema(calendar: bool) -> None:
    """Print the JSON Schema of a kit, for editors that validate and complete YAML.

    \b
    Examples:
      advocacy-kit schema > kit.schema.json
      # then, at the top of kit.yaml:
      # yaml-language-server: $schema=kit.schema.json
      advocacy-kit schema --calendar > calendar.schema.json
    """
    if calendar:
        from ..exporters.json import calendar_schema

        click.echo(json.dumps(calendar_schema(), indent=2, ensure_ascii=False))
        return
    from ..models import Kit

    click.echo(json.dumps(Kit.model_json_schema(), indent=2, ensure_ascii=False))


@click.command(name="plugins")
def plugins_command() -> None:
    """List installed plugins with their versions and the hooks they implement.

    \b
    Examples:
      advocacy-kit plugins
      ADVOCACY_KIT_BLOCK_PLUGINS=advocacy-kit-xing advocacy-kit plugins
    """
    from ..plugins import plugin_infos

    for info in plugin_infos():
        origin = f"{info.distribution} {info.version}"
        if info.builtin:
            origin = f"built-in, {origin}"
        click.echo(f"{info.name} ({origin}): {', '.join(info.hooks)}")


@click.command()
def platforms() -> None:
    """List platforms with their limits and how each counts a post.

    \b
    Example:
      advocacy-kit platforms
    """
    from ..plugins import get_platforms

    for name, platform in sorted(get_platforms().items()):
        threads = "threads" if platform.supports_threads else "no threads"
        click.echo(
            f"{name}: {platform.display_name}, {platform.limit} {platform.counting}; {threads}"
        )


@hookimpl
def register_commands(cli: click.Group) -> None:
    for command in (plan, schema, plugins_command, platforms):
        cli.add_command(command)
