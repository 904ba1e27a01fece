"""Shared fixtures: example kits, a kit writer, and plugin managers that clean up after themselves."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

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
def run_cli() -> Callable[..., object]:
    """Invoke the CLI in-process, like `advocacy-kit ARGS`."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> object:
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


DRAFTING_KIT = """\
organization:
  name: Acme Tools
  website: https://acme.example
  timezone: Europe/Berlin
  language: en
guidelines:
  disclosure:
    texts:
      en: "I work at Acme Tools."
      de: "Ich arbeite bei Acme Tools."
  hashtags:
    max_per_post: 4
  support_channel: help@acme.example
areas:
  - id: testing
    name: Software testing
  - id: tooling
    name: Developer tooling
topics:
  - id: flaky-tests
    title: Flaky tests are bugs
    areas: [testing]
    key_points: [Quarantine is not a fix, Measure the flake rate, Fix the oldest first]
    link: https://acme.example/blog/flaky
    hashtags: [testing, open source, "#CI", Testing]
  - id: launch
    title: Our new test runner is out
    areas: [tooling]
    promotes_employer: true
    link: https://acme.example/runner
    hashtags: [DevTools]
campaigns:
  - id: launch-week
    title: Launch week
    starts: 2026-11-30
    ends: 2026-12-06
    topics: [launch]
people:
  - id: ada
    name: Ada Lovelace
    role: Test engineer
    languages: [en, de]
    expertise: {testing: expert, tooling: practitioner}
    accounts:
      linkedin: {handle: ada-l, cadence: "tue 09:00"}
  - id: bo
    name: Bo Berger
    role: Entwickler
    languages: [de]
    voice: {tone: formal}
    expertise: {testing: learning, tooling: expert}
    accounts:
      mastodon: {handle: "@bo@social.example", cadence: "tue 10:00"}
"""


@pytest.fixture
def drafting_kit(write_kit: Callable[..., Path]) -> Callable[..., object]:
    """Load a fixed kit for drafting tests; extra files (e.g. templates__en__tip.j2) by name."""
    from advocacy_kit import load_kit

    def load(kit_yaml: str = DRAFTING_KIT, **files: str) -> object:
        return load_kit(write_kit(kit_yaml, **files))

    return load


@pytest.fixture
def make_assignment() -> Callable[..., object]:
    """An assignment for a person, topic, kind, platform and variant on Tuesday 2026-12-08."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from advocacy_kit.calendar import Assignment, Slot

    def make(
        kind: str = "tip",
        *,
        person: str = "ada",
        topic: str = "flaky-tests",
        platform: str = "linkedin",
        variant: int = 0,
        language: str = "en",
        title: str = "",
        campaign: str | None = None,
    ) -> Assignment:
        start = dt.datetime(2026, 12, 8, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
        slot = Slot(person_id=person, platform=platform, start=start, timezone="Europe/Berlin")
        return Assignment(
            slot=slot,
            topic_id=topic,
            topic_title=title or topic,
            kind=kind,
            variant=variant,
            language=language,
            campaign_id=campaign,
        )

    return make
