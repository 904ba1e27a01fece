"""``advocacy-kit sync KIT DIR``: record a person's edits in ``DIR/calendar.md`` in the history.

Planning the week again then keeps the edited text (and its topic) instead of a fresh draft,
and checks the edited text as it will be posted.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..hookspecs import hookimpl


@click.command()
@click.argument("kit_path", metavar="KIT", type=click.Path(exists=False, path_type=Path))
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
def sync(kit_path: Path, folder: Path) -> None:
    """Record the drafts people edited in DIR/calendar.md (written by `plan`) in the history.

    Drafts whose text is unchanged are left alone; an edited draft is kept as written when the
    week is planned again.

    \b
    Example:
      advocacy-kit plan examples/de-kommunikation --week 2026-W49 --out out/de
      # … edit out/de/calendar.md …
      advocacy-kit sync examples/de-kommunikation out/de
    """
    from ..errors import UsageError
    from ..exporters.markdown_edits import read_edited_drafts
    from ..history import History
    from ..loading import load_kit

    kit = load_kit(kit_path)  # a broken kit is reported before anything is read
    source = folder / "calendar.md"
    if not source.exists():
        raise UsageError(
            f"{source}: no such file\n  hint: run `advocacy-kit plan KIT --out {folder}` first"
        )
    drafts = read_edited_drafts(source)
    recorded = unchanged = 0
    unknown: list[str] = []
    with History.for_kit(kit) as history:
        for draft in drafts:
            record = history.get(draft.draft_id)
            if record is None:
                unknown.append(draft.draft_id)
                click.echo(
                    f"{source}:{draft.line}: {draft.draft_id} is not in the history; "
                    "plan that week first (without --no-history)",
                    err=True,
                )
            elif draft.text.strip() == record.text.strip():
                unchanged += 1
            else:
                history.set_edited_text(draft.draft_id, draft.text)
                recorded += 1
                click.echo(f"{source}:{draft.line}: recorded the edit of {draft.draft_id}")
    click.echo(
        f"{recorded} edited, {unchanged} unchanged, {len(unknown)} not in the history "
        f"({len(drafts)} drafts in {source})."
    )
    if unknown and not recorded and not unchanged:
        raise UsageError(
            f"none of the drafts in {source} is in the history of {kit_path}\n"
            "  hint: is DIR the output of `plan` for this kit?"
        )


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(sync)
