"""The plugin manager: built-ins first, then installed plugins, each registered the same way.

Built-ins are module names in :data:`DEFAULT_PLUGINS`, registered with the very call a
third-party plugin goes through. Installed plugins come from the ``advocacy_kit`` entry-point
group; ``ADVOCACY_KIT_LOAD_PLUGINS`` (allow list) and ``ADVOCACY_KIT_BLOCK_PLUGINS`` (block list)
switch them by entry-point or distribution name, comma-separated.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points, version
from typing import TYPE_CHECKING, Any, TypeVar

import pluggy

from . import hookspecs
from .errors import PluginError, UnknownNameError

if TYPE_CHECKING:
    from .exporters.base import Exporter
    from .platforms.base import Platform

__all__ = [
    "DEFAULT_PLUGINS",
    "PluginInfo",
    "get_exporter",
    "get_exporters",
    "get_platform",
    "get_platforms",
    "get_plugin_manager",
    "make_plugin_manager",
    "plugin_infos",
]

DEFAULT_PLUGINS: tuple[str, ...] = (
    "advocacy_kit.platforms.x",
    "advocacy_kit.platforms.mastodon",
    "advocacy_kit.platforms.bluesky",
    "advocacy_kit.platforms.linkedin",
    "advocacy_kit.platforms.threads",
    "advocacy_kit.platforms.instagram",
    "advocacy_kit.platforms.facebook",
    "advocacy_kit.tracking",
    "advocacy_kit.exporters.markdown",
    "advocacy_kit.exporters.html",
    "advocacy_kit.exporters.ics",
    "advocacy_kit.exporters.csv_hootsuite",
    "advocacy_kit.exporters.csv_sprout",
    "advocacy_kit.exporters.json",
    "advocacy_kit.cli.commands",
    "advocacy_kit.cli.check_command",
    "advocacy_kit.cli.count_command",
    "advocacy_kit.cli.sync",
    "advocacy_kit.cli.replies_command",
    "advocacy_kit.cli.history_commands",
)
ENTRY_POINT_GROUP = "advocacy_kit"
LOAD_ENV = "ADVOCACY_KIT_LOAD_PLUGINS"
BLOCK_ENV = "ADVOCACY_KIT_BLOCK_PLUGINS"


@dataclass(frozen=True)
class PluginInfo:
    """What ``advocacy-kit plugins`` shows about one registered plugin."""

    name: str
    version: str | None
    distribution: str | None
    hooks: tuple[str, ...]
    builtin: bool


def _normalise(name: str) -> str:
    return name.strip().lower().replace("_", "-")


def _env_names(variable: str) -> set[str] | None:
    value = os.environ.get(variable)
    if value is None:
        return None
    return {_normalise(part) for part in value.split(",") if part.strip()}


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    allowed = _env_names(LOAD_ENV)
    blocked = _env_names(BLOCK_ENV) or set()
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        dist = entry_point.dist
        names = {_normalise(entry_point.name)}
        if dist is not None:
            names.add(_normalise(dist.name))
        if names & blocked or (allowed is not None and not names & allowed):
            continue
        if pm.get_plugin(entry_point.name) is not None:
            continue
        try:
            plugin = entry_point.load()
        except Exception as error:  # a broken plugin must not take the tool down with a traceback
            where = f" (from {dist.name} {dist.version})" if dist else ""
            raise PluginError(
                f"plugin {entry_point.name!r}{where} failed to load: "
                f"{type(error).__name__}: {error}\n"
                f"  hint: reinstall or upgrade it, or set {BLOCK_ENV}={entry_point.name} to skip it"
            ) from error
        pm.register(plugin, name=entry_point.name)
        if dist is not None:
            _DISTRIBUTIONS[entry_point.name] = (dist.name, dist.version)


_DISTRIBUTIONS: dict[str, tuple[str, str]] = {}


def make_plugin_manager(*, load_entry_points: bool = True) -> pluggy.PluginManager:
    """A fresh plugin manager with the built-ins and, unless told not to, installed plugins."""
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    for module_name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(module_name), name=module_name)
    if load_entry_points:
        _load_entry_points(pm)
    return pm


@functools.cache
def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager (built once, on first use)."""
    return make_plugin_manager()


def plugin_infos(pm: pluggy.PluginManager | None = None) -> list[PluginInfo]:
    """Every registered plugin with its version and the hooks it implements."""
    pm = pm or get_plugin_manager()
    own_version = version("advocacy-kit")
    infos = []
    for name, plugin in pm.list_name_plugin():
        hooks = tuple(sorted(caller.name for caller in pm.get_hookcallers(plugin) or []))
        dist = _DISTRIBUTIONS.get(name)
        if name in DEFAULT_PLUGINS:
            dist = ("advocacy-kit", own_version)
        infos.append(
            PluginInfo(
                name=name,
                version=dist[1] if dist else None,
                distribution=dist[0] if dist else None,
                hooks=hooks,
                builtin=name in DEFAULT_PLUGINS,
            )
        )
    return infos


T = TypeVar("T")


def _collect(pm: pluggy.PluginManager, hook_name: str, kind: str) -> dict[str, Any]:
    """Call one ``register_*`` hook plugin by plugin, so duplicates can name both plugins."""
    found: dict[str, Any] = {}
    owners: dict[str, str] = {}
    caller = getattr(pm.hook, hook_name)
    # pluggy calls the last registered first; built-ins come first here, as registered.
    for impl in caller.get_hookimpls():
        owner = impl.plugin_name

        def register(item: Any, owner: str = owner) -> None:
            name = item.name
            if name in found:
                raise PluginError(
                    f"two plugins register the {kind} {name!r}: {owners[name]!r} and {owner!r}\n"
                    f"  hint: uninstall or block one of them with {BLOCK_ENV}"
                )
            found[name] = item
            owners[name] = owner

        impl.function(register=register)
    return found


def _cached_registry(hook_name: str, kind: str) -> Callable[[], dict[str, Any]]:
    @functools.cache
    def registry() -> dict[str, Any]:
        return _collect(get_plugin_manager(), hook_name, kind)

    return registry


_platforms = _cached_registry("register_platforms", "platform")
_exporters = _cached_registry("register_exporters", "exporter")


def get_platforms() -> dict[str, Platform]:
    """Every registered platform by name."""
    return _platforms()


def platforms_loaded() -> bool:
    """Whether :func:`get_platforms` has loaded the plugins already (it then answers at once)."""
    return bool(_platforms.cache_info().currsize)  # type: ignore[attr-defined]


def get_exporters() -> dict[str, Exporter]:
    """Every registered exporter by name."""
    return _exporters()


def get_platform(name: str) -> Platform:
    """The platform of that name; :class:`UnknownNameError` (a ``LookupError``) if there is none."""
    platforms = get_platforms()
    if name not in platforms:
        raise UnknownNameError("platform", name, platforms)
    return platforms[name]


def get_exporter(name: str) -> Exporter:
    """The exporter of that name; :class:`UnknownNameError` (a ``LookupError``) if there is none."""
    exporters = get_exporters()
    if name not in exporters:
        raise UnknownNameError("exporter", name, exporters)
    return exporters[name]


def reset_registries() -> None:
    """Collect platforms and exporters again on next use (after registering a plugin by hand)."""
    _platforms.cache_clear()  # type: ignore[attr-defined]
    _exporters.cache_clear()  # type: ignore[attr-defined]


def reset() -> None:
    """Forget the plugin manager and registries (tests and long-running hosts after installs)."""
    get_plugin_manager.cache_clear()
    reset_registries()
