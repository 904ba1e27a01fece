"""``advocacy-kit replies``: the replies playbook on the command line."""

from __future__ import annotations

from pathlib import Path

import click

from ..hookspecs import hookimpl

_WORDS = {
    "en": {"advice": "Advice (not for posting)", "reply": "Reply draft", "known": "Situations"},
    "de": {
        "advice": "Hinweise (nicht zum Posten)",
        "reply": "Antwortentwurf",
        "known": "Situationen",
    },
}


@click.command()
@click.argument("kit_path", metavar="KIT", type=click.Path(exists=False, path_type=Path))
@click.option(
    "--situation",
    "-s",
    help="complaint, hostile (or troll), outside-expertise, confidential; "
    "without it, list the situations.",
)
@click.option("--lang", "-l", "language", help="Language of the reply (default: the person's).")
@click.option("--person", "-p", "person_id", help="Who replies (id); decides language and address.")
@click.option(
    "--area", "-a", "area_id", help="For outside-expertise: the area the question is about."
)
def replies(
    kit_path: Path,
    situation: str | None,
    language: str | None,
    person_id: str | None,
    area_id: str | None,
) -> None:
    """Advice and a reply draft for a situation people meet when they post about their work.

    \b
    Examples:
      advocacy-kit replies examples/de-kommunikation --situation complaint --lang de
      advocacy-kit replies examples/en-engineering -s outside-expertise --area observability
      advocacy-kit replies examples/de-kommunikation
    """
    from ..loading import load_kit
    from ..plugins import get_plugin_manager
    from ..replies import SITUATIONS, suggest_reply

    kit = load_kit(kit_path)
    shown = language or kit.organization.language
    words = _WORDS.get(shown, _WORDS["en"])
    if situation is None:
        click.echo(f"{words['known']}:")
        for name, descriptions in SITUATIONS.items():
            click.echo(f"  {name}: {descriptions.get(shown, descriptions['en'])}")
        return
    pm = get_plugin_manager()
    template_dirs: list[Path] = []
    pm.hook.register_template_dirs(register=template_dirs.append)
    reply = suggest_reply(
        kit,
        situation,
        language,
        person_id=person_id,
        area_id=area_id,
        template_dirs=template_dirs,
        prepare=lambda env: pm.hook.prepare_jinja2_environment(env=env),
    )
    words = _WORDS.get(reply.language, _WORDS["en"])
    click.echo(f"{reply.situation}: {reply.description}")
    click.echo("")
    click.echo(f"{words['advice']}:")
    for line in reply.advice:
        click.echo(f"  - {line}")
    click.echo("")
    click.echo(f"{words['reply']}:")
    click.echo(reply.text)


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(replies)
