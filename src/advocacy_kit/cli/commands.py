"""Built-in commands, registered through ``register_commands`` like any plugin's."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@contextmanager
def draft_progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr while drafts are written, when stderr is a terminal.

    Piped or redirected output stays quiet (None: no bar). rich is imported only here. The bar
    is redrawn as drafts come in rather than by rich's refresh thread: a large week forks
    worker processes while the bar is shown, and forking is safe only with no other thread.
    """
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress(
        "{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,
    ) as bar:
        task = bar.add_task("Drafting", total=None)

        def advance(done: int, total: int) -> None:
            # Redrawing is rich's job; updating on every draft of a large week would cost more.
            if done in (1, total) or done % 200 == 0:
                bar.update(task, completed=done, total=total, refresh=True)

        yield advance


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
@click.option(
    "--explain", is_flag=True, help="Print why each slot got its topic, and every slot left out."
)
@click.option("--force", is_flag=True, help="Overwrite files edited since they were written.")
@click.option(
    "--no-history",
    is_flag=True,
    help="Ignore the posting history and record nothing (a dry run for freshness).",
)
def plan(
    kit_path: Path,
    week: str,
    out: Path,
    formats: str,
    explain: bool,
    force: bool,
    no_history: bool,
) -> None:
    """Plan a week for everyone in KIT and write the draft calendar.

    \b
    Examples:
      advocacy-kit plan examples/de-kommunikation --week 2026-W49 --out out/
      advocacy-kit plan kit.yaml --week next --explain

    The posting history (settings.history_path, by default .advocacy-kit/history.sqlite3 in
    the kit folder) keeps topics fresh across weeks and records the planned drafts once the
    export is written; planning a week again changes nothing that is approved, posted or edited.
    """
    from contextlib import nullcontext

    from ..exporting import export_formats, resolve_formats
    from ..history import History
    from ..i18n import counted, say
    from ..loading import load_kit
    from ..pipeline import plan_week
    from ..reasons import explain_calendar
    from ..weeks import parse_week
    from .language import kit_language

    kit = load_kit(kit_path)
    language = kit_language(kit)
    # An unknown or missing format and a bad week fail before anything is planned or written.
    names = resolve_formats(formats, language=language)
    iso_week = parse_week(week, language=language)
    warning = say("label.warning", language)
    with nullcontext(None) if no_history else History.for_kit(kit) as history:
        with draft_progress() as progress:
            calendar = plan_week(kit, iso_week, history=history, record=False, progress=progress)
        if explain:
            for line in explain_calendar(calendar):
                click.echo(line)
        written = export_formats(
            calendar, names, out, force=force,
            warn=lambda message: click.secho(f"{warning}: {message}", err=True, fg="yellow"),
        )  # fmt: skip
        # Recorded only after the export succeeded, so a failed run leaves no trace.
        summary = history.record_planned(calendar) if history is not None else None
    people = len({entry.slot.person_id for entry in calendar.entries})
    drafts, skipped = len(calendar.entries), len(calendar.skipped)
    click.echo(
        say(
            "plan.summary",
            language,
            week=calendar.week,
            drafts=counted("n.draft", drafts, language),
            people=counted("n.person", people, language),
            skipped=counted("n.slot", skipped, language),
        )
    )
    if summary is not None and history is not None:
        click.echo(
            say(
                "plan.history",
                language,
                path=history.path,
                inserted=len(summary.inserted),
                updated=len(summary.updated),
                kept=len(summary.kept),
                unchanged=len(summary.unchanged),
                withdrawn=len(summary.withdrawn),
            )
        )
    for path in written:
        click.echo(say("plan.wrote", language, path=path))


_SCHEMA_PARTS = ("kit", "person", "topic", "campaign")


@click.command()
@click.option("--calendar", is_flag=True, help="The schema of calendar.json (--format json).")
@click.option(
    "--part",
    type=click.Choice(_SCHEMA_PARTS),
    default="kit",
    show_default=True,
    help="kit.yaml, or one file of a folder kit's people/, topics/ or campaigns/.",
)
def schema(calendar: bool, part: str) -> None:
    """Print the JSON Schema of a kit, for editors that validate and complete YAML.

    \b
    Examples:
      advocacy-kit schema > kit.schema.json
      # then, at the top of kit.yaml:
      # yaml-language-server: $schema=kit.schema.json
      advocacy-kit schema --part person > person.schema.json   # for people/*.yaml
      advocacy-kit schema --calendar > calendar.schema.json
    """
    if calendar:
        from ..exporters.json import calendar_schema

        click.echo(json.dumps(calendar_schema(), indent=2, ensure_ascii=False))
        return
    from ..kit_schema import kit_part_schema

    click.echo(json.dumps(kit_part_schema(part), indent=2, ensure_ascii=False))


@click.command(name="plugins")
def plugins_command() -> None:
    """List installed plugins with their versions and the hooks they implement.

    \b
    Examples:
      advocacy-kit plugins
      ADVOCACY_KIT_BLOCK_PLUGINS=advocacy-kit-xing advocacy-kit plugins
    """
    from ..i18n import language_from_environment, say
    from ..plugins import plugin_infos

    language = language_from_environment()
    for info in plugin_infos():
        origin = f"{info.distribution} {info.version}"
        if info.builtin:
            origin = f"{say('plugins.builtin', language)}, {origin}"
        click.echo(f"{info.name} ({origin}): {', '.join(info.hooks)}")


@click.command()
def platforms() -> None:
    """List platforms with their limits in force and how each counts a post.

    \b
    Example:
      advocacy-kit platforms
    """
    from ..i18n import language_from_environment, say
    from ..plugins import get_platforms

    language = language_from_environment()
    for name, platform in sorted(get_platforms().items()):
        threads = say(
            "platforms.threads" if platform.supports_threads else "platforms.no_threads", language
        )
        # The limit in force: a plugin may take it from settings (the environment).
        limit = platform.limit_for(platform.options(language=language))
        click.echo(f"{name}: {platform.display_name}, {limit} {platform.counting}; {threads}")


@hookimpl
def register_commands(cli: click.Group) -> None:
    for command in (plan, schema, plugins_command, platforms):
        cli.add_command(command)
