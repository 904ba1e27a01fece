"""The plugin core: built-ins like third-party plugins, duplicates, allow and block lists."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import advocacy_kit
from advocacy_kit import PluginError, UnknownNameError, plugins
from advocacy_kit.platforms.base import Platform


def test_builtins_are_registered_from_default_plugins() -> None:
    pm = plugins.make_plugin_manager(load_entry_points=False)
    names = [name for name, _ in pm.list_name_plugin()]
    assert names == list(plugins.DEFAULT_PLUGINS)


def test_hookimpl_is_reexported() -> None:
    assert advocacy_kit.hookimpl is advocacy_kit.hookspecs.hookimpl  # type: ignore[attr-defined]


class _Shouty(Platform):
    name = "shouty"
    display_name = "Shouty"
    limit = 10


class _ShoutyPlugin:
    @advocacy_kit.hookimpl
    def register_platforms(self, register: Callable[[Platform], None]) -> None:
        register(_Shouty())


class _DuplicateLinkedIn:
    @advocacy_kit.hookimpl
    def register_platforms(self, register: Callable[[Platform], None]) -> None:
        register(_Shouty.__new__(type("L", (_Shouty,), {"name": "linkedin"})))


def test_a_plugin_adds_a_platform(register_plugin: Callable[[object, str], None]) -> None:
    register_plugin(_ShoutyPlugin(), "shouty-plugin")
    assert plugins.get_platform("shouty").limit == 10


def test_duplicate_names_name_both_plugins(register_plugin: Callable[[object, str], None]) -> None:
    register_plugin(_DuplicateLinkedIn(), "copycat")
    with pytest.raises(PluginError) as caught:
        plugins.get_platforms()
    message = str(caught.value)
    assert "'advocacy_kit.platforms.linkedin'" in message and "'copycat'" in message


def test_unknown_platform_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        plugins.get_platform("myspace")
    with pytest.raises(UnknownNameError, match=r"known: .*linkedin"):
        plugins.get_platform("myspace")


class _FakeDist:
    name = "advocacy-kit-fake"
    version = "1.2.3"


class _FakeEntryPoint:
    def __init__(self, name: str, target: object) -> None:
        self.name = name
        self.dist = _FakeDist()
        self._target = target

    def load(self) -> object:
        if isinstance(self._target, Exception):
            raise self._target
        return self._target


@pytest.fixture
def fake_entry_points(monkeypatch: pytest.MonkeyPatch) -> Callable[[object], None]:
    def install(target: object) -> None:
        points = [_FakeEntryPoint("fake", target)]
        monkeypatch.setattr(plugins, "entry_points", lambda group: points)

    return install


def _names(pm: object) -> set[str]:
    return {name for name, _ in pm.list_name_plugin()}  # type: ignore[attr-defined]


def test_entry_point_plugins_load_after_builtins(
    fake_entry_points: Callable[[object], None],
) -> None:
    fake_entry_points(_ShoutyPlugin())
    pm = plugins.make_plugin_manager()
    assert [name for name, _ in pm.list_name_plugin()][-1] == "fake"
    info = next(i for i in plugins.plugin_infos(pm) if i.name == "fake")
    assert (info.distribution, info.version, info.hooks) == (
        "advocacy-kit-fake",
        "1.2.3",
        ("register_platforms",),
    )


@pytest.mark.parametrize(
    ("variable", "value", "loaded"),
    [
        ("ADVOCACY_KIT_BLOCK_PLUGINS", "advocacy-kit-fake", False),
        ("ADVOCACY_KIT_BLOCK_PLUGINS", "fake", False),
        ("ADVOCACY_KIT_BLOCK_PLUGINS", "something-else", True),
        ("ADVOCACY_KIT_LOAD_PLUGINS", "advocacy_kit_fake", True),
        ("ADVOCACY_KIT_LOAD_PLUGINS", "", False),
    ],
    ids=["block-dist", "block-entry-point", "block-other", "allow-dist", "allow-none"],
)
def test_allow_and_block_lists(
    fake_entry_points: Callable[[object], None],
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    value: str,
    loaded: bool,
) -> None:
    fake_entry_points(_ShoutyPlugin())
    monkeypatch.setenv(variable, value)
    pm = plugins.make_plugin_manager()
    assert ("fake" in _names(pm)) is loaded
    assert set(plugins.DEFAULT_PLUGINS) <= _names(pm), "built-ins are never blocked"


def test_broken_plugin_is_a_clear_error(fake_entry_points: Callable[[object], None]) -> None:
    fake_entry_points(ImportError("No module named 'missing_dependency'"))
    with pytest.raises(PluginError) as caught:
        plugins.make_plugin_manager()
    message = str(caught.value)
    assert "plugin 'fake' (from advocacy-kit-fake 1.2.3) failed to load" in message
    assert "ADVOCACY_KIT_BLOCK_PLUGINS=fake" in message


def test_broken_plugin_stops_the_cli_with_exit_2(
    fake_entry_points: Callable[[object], None],
    fresh_plugins: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from advocacy_kit import cli

    fake_entry_points(ImportError("No module named 'missing_dependency'"))
    cli.get_cli.cache_clear()
    monkeypatch.setattr("sys.argv", ["advocacy-kit", "platforms"])
    try:
        with pytest.raises(SystemExit) as caught:
            cli.main()
    finally:
        cli.get_cli.cache_clear()
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: plugin 'fake'")
    assert "Traceback" not in err
