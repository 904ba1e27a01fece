"""``advocacy-kit history`` and ``advocacy-kit mark``: what was planned, and what became of it."""

from __future__ import annotations

from pathlib import Path

import click

from ..hookspecs import hookimpl
from .commands import KIT_ARGUMENT

_STATUS_CHOICE = click.Choice(["planned", "approved", "posted", "skipped"])


def _status(status: str, language: str) -> str:
    """A draft's status in words; the command-line choices stay English."""
    from ..i18n import say

    try:
        return say(f"status.{status}", language)
    except KeyError:  # a status a newer history knows: show it as stored
        return status


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
    from ..errors import UnknownNameError
    from ..history import History
    from ..i18n import counted, kind_label, say
    from ..loading import load_kit
    from ..weeks import parse_week
    from .language import kit_language

    kit = load_kit(kit_path)
    language = kit_language(kit)
    known = [p.id for p in kit.people]
    if person is not None and person not in known:
        raise UnknownNameError("person", person, known, language)
    iso_week = str(parse_week(week, language=language)) if week else None
    with History.for_kit(kit) as store:
        records = store.records(person=person, week=iso_week, status=status)
    if not records:
        click.echo(say("history.none", language))
        return
    for record in records:
        edited = say("history.edited", language) if record.edited_text is not None else ""
        click.echo(
            f"{record.id}  {record.week}  {record.slot_start:%Y-%m-%d %H:%M} {record.timezone}  "
            f"{_status(record.status, language)}{edited}  {record.topic_id} ({kind_label(record.kind, language)})"
        )
    count = len(records)
    click.echo(f"{counted('n.draft', count, language)}.")


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
    from .language import kit_language

    kit = load_kit(kit_path)
    language = kit_language(kit)
    with History.for_kit(kit) as store:
        record = store.mark(draft_id, status)
    click.echo(f"{record.id}: {_status(record.status, language)}")


@hookimpl
def register_commands(cli: click.Group) -> None:
    for command in (history, mark):
        cli.add_command(command)
