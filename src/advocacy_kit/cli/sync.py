"""``advocacy-kit sync KIT DIR``: read a person's edits in ``DIR/calendar.md``.

The edited text of each draft is meant for the posting history, so that a later week knows what
was really posted. Recording needs the posting history store, which this version does not have
yet: the command reads and lists the drafts, then stops with a message and records nothing.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..hookspecs import hookimpl


@click.command()
@click.argument("kit_path", metavar="KIT", type=click.Path(exists=False, path_type=Path))
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
def sync(kit_path: Path, folder: Path) -> None:
    """Read the drafts people edited in DIR/calendar.md (written by `plan`).

    \b
    Example:
      advocacy-kit sync examples/de-kommunikation out/de-kommunikation
    """
    from ..errors import UsageError
    from ..exporters.markdown_edits import read_edited_drafts
    from ..loading import load_kit

    load_kit(kit_path)  # a broken kit is reported before anything is read
    source = folder / "calendar.md"
    if not source.exists():
        raise UsageError(
            f"{source}: no such file\n  hint: run `advocacy-kit plan KIT --out {folder}` first"
        )
    drafts = read_edited_drafts(source)
    for draft in drafts:
        click.echo(f"{source}:{draft.line}: {draft.draft_id} ({len(draft.text)} characters)")
    raise UsageError(
        f"read {len(drafts)} drafts from {source}, but recording edits needs the posting "
        "history, which this version of advocacy-kit does not have yet; nothing was recorded"
    )


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(sync)
