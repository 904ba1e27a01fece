"""Which language the command line speaks: the kit's once one is loaded, else the environment's.

A command that loads a kit calls :func:`kit_language`; the language is remembered in the click
context, so an error raised later in the same command (a bad week, a missing file) is labelled
in the kit's language too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..i18n import language_from_environment, spoken

if TYPE_CHECKING:
    from ..models import Kit

__all__ = ["current_language", "kit_language"]

_KEY = "advocacy_kit.language"


def kit_language(kit: Kit) -> str:
    """The kit's language (``organization.language``), remembered for the running command."""
    language = spoken(kit.organization.language)
    context = click.get_current_context(silent=True)
    if context is not None:
        context.meta[_KEY] = language
    return language


def current_language() -> str:
    """The language of a kit the running command loaded, else the environment's."""
    context = click.get_current_context(silent=True)
    remembered = context.meta.get(_KEY) if context is not None else None
    return str(remembered) if remembered else language_from_environment()
