"""``advocacy-kit history`` and ``advocacy-kit mark``: what was planned, and what became of it."""

from __future__ import annotations

from pathlib import Path

import click

from ..hookspecs import hookimpl
from .commands import KIT_ARGUMENT

_STATUS_CHOICE = click.Choice(["planned", "approved", "posted", "skipped"])


@click.command()
@KIT_ARGUMENT
@click.option("--person", "-p", help="Only this person's drafts (person id).")
@click.option("--week", "-w", help="Only this ISO week, e.g. 2026-W44 (or 'this', 'next').")
@click.option("--status", "-s", type=_STATUS_CHOICE, help="Only drafts with this status.")
def history(kit_path: Path, person: str | None, week: str | None, status: str | None) -> None:
    """List the drafts KIT's posting history knows, with their status.

    \b
    Examples:
      advocacy-kit history examples/de-kommunikation
      advocacy-kit history examples/de-kommunikation --person lena --week 2026-W44
      advocacy-kit history kit.yaml --status posted
    """
    from ..history import History
    from ..loading import load_kit
    from ..weeks import parse_week

    kit = load_kit(kit_path)
    iso_week = str(parse_week(week)) if week else None
    with History.for_kit(kit) as store:
        records = store.records(person=person, week=iso_week, status=status)
    if not records:
        click.echo("No drafts in the history match.")
        return
    for record in records:
        edited = " (edited)" if record.edited_text is not None else ""
        click.echo(
            f"{record.id}  {record.week}  {record.slot_start:%Y-%m-%d %H:%M} {record.timezone}  "
            f"{record.status}{edited}  {record.topic_id} ({record.kind})"
        )
    click.echo(f"{len(records)} draft{'' if len(records) == 1 else 's'}.")


@click.command()
@KIT_ARGUMENT
@click.argument("draft_id", metavar="DRAFT_ID")
@click.argument("status", type=click.Choice(["approved", "posted", "skipped"]))
def mark(kit_path: Path, draft_id: str, status: str) -> None:
    """Record that a draft was approved, posted or skipped.

    Posted drafts count for freshness: the person does not get the topic again within
    settings.freshness_weeks weeks. Skipped drafts do not count.

    \b
    Examples:
      advocacy-kit mark examples/de-kommunikation lena-linkedin-20261027T0830 posted
    """
    from ..history import History
    from ..loading import load_kit

    kit = load_kit(kit_path)
    with History.for_kit(kit) as store:
        record = store.mark(draft_id, status)
    click.echo(f"{record.id}: {record.status}")


@hookimpl
def register_commands(cli: click.Group) -> None:
    for command in (history, mark):
        cli.add_command(command)
