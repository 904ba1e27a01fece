"""Shared fixtures: example kits, a kit writer, and plugin managers that clean up after themselves."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from advocacy_kit import plugins
from advocacy_kit.cli import get_cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GERMAN_KIT = EXAMPLES / "de-kommunikation"
ENGLISH_KIT = EXAMPLES / "en-engineering"

MINIMAL_KIT = """\
organization:
  name: Acme
  timezone: Europe/Berlin
  language: en
areas:
  - id: testing
    name: Testing
topics:
  - id: flaky-tests
    title: Flaky tests are bugs
    areas: [testing]
people:
  - id: ada
    name: Ada
    languages: [en]
    expertise:
      testing: expert
    accounts:
      linkedin:
        cadence: "tue 09:00"
"""


@pytest.fixture
def write_kit(tmp_path: Path) -> Callable[..., Path]:
    """Write a kit folder from YAML text (dedented); extra files by relative name."""

    def write(kit_yaml: str = MINIMAL_KIT, **files: str) -> Path:
        folder = tmp_path / "kit"
        folder.mkdir(exist_ok=True)
        (folder / "kit.yaml").write_text(textwrap.dedent(kit_yaml), encoding="utf-8")
        for name, content in files.items():
            target = folder / name.replace("__", "/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(content), encoding="utf-8")
        return folder

    return write


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """Invoke the CLI in-process, like `advocacy-kit ARGS`."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Result:
        return runner.invoke(get_cli(), list(args), input=input, catch_exceptions=False)

    return run


@pytest.fixture
def fresh_plugins() -> Iterator[None]:
    """Forget cached plugin registries before and after a test that registers plugins."""
    plugins.reset()
    yield
    plugins.reset()


@pytest.fixture
def register_plugin(fresh_plugins: None) -> Iterator[Callable[[object, str], None]]:
    """Register a throwaway plugin object on the process-wide manager; always unregistered."""
    registered: list[str] = []

    def register(plugin: object, name: str) -> None:
        plugins.get_plugin_manager().register(plugin, name=name)
        registered.append(name)
        plugins.reset_registries()

    yield register
    pm = plugins.get_plugin_manager()
    for name in registered:
        pm.unregister(name=name)


# Conformance suites report how many of their cases passed, so the count shows in every run.
_CONFORMANCE: dict[str, list[bool]] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    test = report.nodeid.split("::")[-1].split("[")[0]
    if report.when != "call" or not test.startswith("test_conformance_"):
        return
    suite = test.removeprefix("test_conformance_")
    _CONFORMANCE.setdefault(suite, []).append(report.passed)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _CONFORMANCE:
        return
    terminalreporter.section("conformance")
    for suite, outcomes in sorted(_CONFORMANCE.items()):
        terminalreporter.write_line(f"{suite}: {sum(outcomes)}/{len(outcomes)} cases passed")
    total = [ok for outcomes in _CONFORMANCE.values() for ok in outcomes]
    terminalreporter.write_line(f"all conformance cases: {sum(total)}/{len(total)} passed")
