"""The ``advocacy-kit`` command. Subcommands come from plugins through ``register_commands``.

Errors advocacy-kit raises on purpose print as one clear message and exit 2, never a traceback.
"""

from __future__ import annotations

import functools
import sys
from typing import Any

import click

from ..errors import AdvocacyKitError

__all__ = ["cli", "get_cli", "main"]

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AdvocacyKitError as error:
            from ..i18n import say
            from .language import current_language

            language = error.language or current_language()
            message = error.localised(language)
            click.secho(f"{say('label.error', language)}: {message}", err=True, fg="red")
            ctx.exit(error.exit_code)
        except BrokenPipeError:
            # The reader went away (`plan --explain | head`): stop quietly, as shell tools do.
            import os

            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(141)
        except OSError as error:
            # A folder that cannot be written, a file that is a folder …: the system says what,
            # and nothing was half-written (every file is written atomically).
            from ..i18n import say
            from .language import current_language

            language = current_language()
            where = f"{error.filename}: " if error.filename else ""
            message = f"{where}{error.strerror or error}"
            hint = say("os_error.hint", language)
            click.secho(
                f"{say('label.error', language)}: {message}\n  {say('label.hint', language)}: {hint}",
                err=True,
                fg="red",
            )
            ctx.exit(2)


@click.group(cls=_Group, context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="advocacy-kit")
def cli() -> None:
    """Plan a week of drafts for people who post about their own field.

    A kit (YAML files) says who posts, about what, how often and under which guidelines.
    advocacy-kit turns it into a weekly draft calendar; people edit and post themselves.

    \b
    Examples:
      advocacy-kit check examples/de-kommunikation
      advocacy-kit plan examples/de-kommunikation --week next --out out/
      advocacy-kit schema > kit.schema.json
    """


@functools.cache
def get_cli() -> click.Group:
    """The command group with every plugin's commands registered (built-ins included)."""
    from ..plugins import get_plugin_manager

    get_plugin_manager().hook.register_commands(cli=cli)
    return cli


def main() -> None:
    """Console-script entry point."""
    try:
        group = get_cli()
    except AdvocacyKitError as error:
        from ..i18n import language_from_environment, say

        label = say("label.error", error.language or language_from_environment())
        click.secho(f"{label}: {error}", err=True, fg="red")
        sys.exit(error.exit_code)
    group(prog_name="advocacy-kit")
