"""One test per hook in hookspecs.py: a throwaway plugin implements it and the effect shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
import jinja2

from advocacy_kit import hookimpl
from advocacy_kit.calendar import Calendar, Draft, Finding, Post
from advocacy_kit.drafting import BUILTIN_TEMPLATES
from advocacy_kit.exporters.base import Exporter, write_atomic
from advocacy_kit.loading import load_kit
from advocacy_kit.models import Kit
from advocacy_kit.pipeline import plan_week
from advocacy_kit.platforms import Platform
from advocacy_kit.plugins import get_exporters, get_platforms, get_plugin_manager

Register = Callable[[object, str], None]


def _plan(write_kit: Callable[..., Path], **files: str) -> Calendar:
    return plan_week(load_kit(write_kit(**files)), "2026-W49")


def test_hook_register_platforms(register_plugin: Register) -> None:
    class Pigeon(Platform):
        name = "pigeon"
        display_name = "Carrier pigeon"
        limit = 20

    class Plugin:
        @hookimpl
        def register_platforms(self, register: Callable[[Platform], None]) -> None:
            register(Pigeon())

    register_plugin(Plugin(), "pigeon-plugin")
    assert get_platforms()["pigeon"].count("x" * 21).over_by == 1


def test_hook_register_exporters(register_plugin: Register, tmp_path: Path) -> None:
    class Count(Exporter):
        name = "count"
        description = "number of drafts"
        suffix = ".txt"

        def export(self, calendar: Calendar, target: Path) -> list[Path]:
            return [write_atomic(target / "count.txt", str(len(calendar.entries)))]

    class Plugin:
        @hookimpl
        def register_exporters(self, register: Callable[[Exporter], None]) -> None:
            register(Count())

    register_plugin(Plugin(), "count-plugin")
    assert "count" in get_exporters()


def test_hook_register_template_dirs(
    register_plugin: Register, write_kit: Callable[..., Path], tmp_path: Path
) -> None:
    folder = tmp_path / "extra-templates" / "en"
    folder.mkdir(parents=True)
    for builtin in (BUILTIN_TEMPLATES / "en").glob("*.j2"):
        kind = builtin.name.split(".")[0]
        (folder / f"{kind}.linkedin.j2").write_text("From a plugin: {{ topic.title }}", "utf-8")

    class Plugin:
        @hookimpl
        def register_template_dirs(self, register: Callable[[Path], None]) -> None:
            register(tmp_path / "extra-templates")

    register_plugin(Plugin(), "templates-plugin")
    calendar = _plan(write_kit)
    assert calendar.entries
    assert all(e.draft.text.startswith("From a plugin:") for e in calendar.entries)


def test_hook_prepare_jinja2_environment(
    register_plugin: Register, write_kit: Callable[..., Path]
) -> None:
    seen: list[jinja2.Environment] = []

    class Plugin:
        @hookimpl
        def prepare_jinja2_environment(self, env: jinja2.Environment) -> None:
            env.filters["shout"] = str.upper
            seen.append(env)

    register_plugin(Plugin(), "jinja-plugin")
    _plan(write_kit)
    assert seen
    assert seen[0].filters["shout"]("hi") == "HI"


def test_hook_adjust_post(register_plugin: Register, write_kit: Callable[..., Path]) -> None:
    class Plugin:
        @hookimpl
        def adjust_post(self, post: Post, draft: Draft, kit: Kit) -> Post | None:
            return post.model_copy(update={"parts": [p + " ✓" for p in post.parts]})

    register_plugin(Plugin(), "adjust-plugin")
    calendar = _plan(write_kit)
    assert calendar.entries
    assert all(e.post.parts[-1].endswith(" ✓") for e in calendar.entries)


def test_hook_check_post(register_plugin: Register, write_kit: Callable[..., Path]) -> None:
    class Plugin:
        @hookimpl
        def check_post(self, post: Post, draft: Draft, kit: Kit) -> list[Finding] | None:
            return [Finding(code="HOUSE1", severity="hint", message="say thanks")]

    register_plugin(Plugin(), "check-plugin")
    calendar = _plan(write_kit)
    assert calendar.entries
    assert all(any(f.code == "HOUSE1" for f in e.findings) for e in calendar.entries)


def test_hook_register_commands() -> None:
    group = click.Group()

    class Plugin:
        @hookimpl
        def register_commands(self, cli: click.Group) -> None:
            @cli.command()
            def hello() -> None:
                click.echo("hello")

    pm = get_plugin_manager()
    pm.register(Plugin(), name="commands-plugin")
    try:
        pm.hook.register_commands(cli=group)
    finally:
        pm.unregister(name="commands-plugin")
    assert "hello" in group.commands
    assert "count" in group.commands  # built-ins arrive through the same hook
