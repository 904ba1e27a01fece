"""The hooks a plugin can implement. Marker and entry-point group: ``advocacy_kit``.

Naming follows datasette: ``register_*`` collects things, ``prepare_*`` changes a host object,
a plain verb (``adjust_post``, ``check_post``) acts on one item. Call hooks with keyword arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import click
    import jinja2

    from .calendar import Draft, Finding, Post
    from .exporters.base import Exporter
    from .models import Kit
    from .platforms.base import Platform

hookspec = pluggy.HookspecMarker("advocacy_kit")
hookimpl = pluggy.HookimplMarker("advocacy_kit")


@hookspec
def register_platforms(register: Callable[[Platform], None]) -> None:
    """Add platforms by calling ``register(platform)`` once per :class:`~advocacy_kit.Platform`.

    :param register: takes a platform instance; a name already taken raises ``PluginError``.
    """


@hookspec
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Add exporters by calling ``register(exporter)`` once per :class:`~advocacy_kit.Exporter`.

    :param register: takes an exporter instance; a name already taken raises ``PluginError``.
    """


@hookspec
def register_template_dirs(register: Callable[[Path], None]) -> None:
    """Add folders of draft templates (``<lang>/<kind>[.<platform>].j2``), e.g. for new languages.

    :param register: takes a folder path; folders are searched after the kit's own templates.
    """


@hookspec
def prepare_jinja2_environment(env: jinja2.Environment) -> None:
    """Add filters, tests or globals to the sandboxed environment drafts are rendered in.

    :param env: the environment, before any template is loaded.
    """


@hookspec
def adjust_post(post: Post, draft: Draft, kit: Kit) -> Post | None:
    """Return a changed post (e.g. tracking parameters on the employer's links), or ``None``.

    Adjustments chain: each implementation sees the post the previous one returned.

    :param post: the formatted post as it stands.
    :param draft: the draft it was formatted from.
    :param kit: the kit being planned.
    """


@hookspec
def check_post(post: Post, draft: Draft, kit: Kit) -> list[Finding] | None:
    """Return findings for house rules beyond the built-in checks.

    :param post: the formatted post.
    :param draft: the draft it came from.
    :param kit: the kit being planned, with its guidelines.
    """


@hookspec
def register_commands(cli: click.Group) -> None:
    """Add subcommands to the ``advocacy-kit`` command-line tool.

    :param cli: the top-level click group; use ``@cli.command()``.
    """
