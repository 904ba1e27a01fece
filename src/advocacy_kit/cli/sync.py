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
    from ..i18n import counted, say
    from ..loading import load_kit
    from .language import kit_language

    kit = load_kit(kit_path)  # a broken kit is reported before anything is read
    language = kit_language(kit)
    source = folder / "calendar.md"
    if not source.exists():
        raise UsageError(say("sync.no_file", language, source=source, folder=folder))
    drafts = read_edited_drafts(source, language=language)
    recorded = unchanged = 0
    unknown: list[str] = []
    with History.for_kit(kit) as history:
        for draft in drafts:
            record = history.get(draft.draft_id)
            if record is None:
                unknown.append(draft.draft_id)
                click.echo(
                    say(
                        "sync.unknown",
                        language,
                        source=source,
                        line=draft.line,
                        draft=draft.draft_id,
                    ),
                    err=True,
                )
            elif draft.text.strip() == record.text.strip():
                unchanged += 1
            else:
                history.set_edited_text(draft.draft_id, draft.text, draft.parts)
                recorded += 1
                click.echo(
                    say(
                        "sync.recorded",
                        language,
                        source=source,
                        line=draft.line,
                        draft=draft.draft_id,
                    )
                )
    click.echo(
        say(
            "sync.summary",
            language,
            recorded=recorded,
            unchanged=unchanged,
            unknown=len(unknown),
            drafts=counted("n.draft", len(drafts), language),
            source=source,
        )
    )
    if unknown and not recorded and not unchanged:
        raise UsageError(say("sync.none_known", language, source=source, kit=kit_path))


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(sync)
