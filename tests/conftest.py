"""Shared fixtures: example kits, a kit writer, and plugin managers that clean up after themselves."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from advocacy_kit import plugins
from advocacy_kit.cli import get_cli

# Speed is measured in benchmarks/, never in tests: no generated example fails for taking long
# (hypothesis's default deadline of 200 ms fails examples on a busy machine).
settings.register_profile("advocacy-kit", deadline=None)
settings.load_profile("advocacy-kit")

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


# --- Exports: hand-built calendars (independent of planning), golden files -------------------

import datetime as _dt  # noqa: E402
import os  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from advocacy_kit.calendar import (  # noqa: E402
    Assignment,
    Calendar,
    CalendarEntry,
    Draft,
    Finding,
    PersonSummary,
    Post,
    SkippedSlot,
    Slot,
)

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
UPDATE_GOLDEN_ENV = "ADVOCACY_KIT_UPDATE_GOLDEN"
FIXED_NOW = _dt.datetime(2026, 11, 20, 8, 0, tzinfo=_dt.UTC)
"""'Now' for exporters that need one: a week before the sample week."""


def make_entry(
    person_id: str,
    platform: str,
    start: _dt.datetime,
    parts: list[str],
    *,
    topic: str = "Flaky tests are bugs",
    limit: int = 3000,
    findings: list[Finding] | None = None,
    language: str = "en",
    marker: tuple[str, str] = ("[[", "]]"),
) -> CalendarEntry:
    """One calendar entry with its slot, assignment, draft and post, built by hand."""
    import re

    zone = str(start.tzinfo)
    slot = Slot(person_id=person_id, platform=platform, start=start, timezone=zone)
    assignment = Assignment(
        slot=slot,
        topic_id=re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-"),
        topic_title=topic,
        kind="tip",
        language=language,
        reasons=[f"matches {person_id}'s expertise", "not yet used this week"],
    )
    text = "\n\n".join(parts)
    prompts = re.findall(f"{re.escape(marker[0])}(.+?){re.escape(marker[1])}", text)
    draft = Draft(
        id=slot.id, assignment=assignment, text=text, template=f"{language}/tip.j2", prompts=prompts
    )
    length = max(len(part) for part in parts)
    post = Post(platform=platform, parts=parts, length=length, limit=limit, valid=length <= limit)
    return CalendarEntry(
        slot=slot, assignment=assignment, draft=draft, post=post, findings=findings or []
    )


def sample_calendar(language: str = "de") -> Calendar:
    """A small week: two people in two zones, a thread, a prompt, findings, a skipped slot."""
    berlin, new_york = ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York")
    prompt_de = "[[warum dir das wichtig ist]]"
    prompt_en = "[[why this matters to you]]"
    prompt = prompt_de if language == "de" else prompt_en
    entries = [
        make_entry(
            "lena",
            "linkedin",
            _dt.datetime(2026, 12, 1, 8, 30, tzinfo=berlin),
            [f"Flaky Tests sind Bugs.\n{prompt}\n\n#Testing\n\nIch arbeite bei Acme & Söhne."],
            language=language,
            findings=[
                Finding(
                    code="AK401",
                    severity="hint",
                    message=f"replace the prompt {prompt[2:-2]!r} with your own words",
                    person_id="lena",
                    slot_id="lena-linkedin-20261201T0830",
                )
            ],
        ),
        make_entry(
            "sam",
            "mastodon",
            _dt.datetime(2026, 12, 2, 11, 2, tzinfo=new_york),
            ['1/2 A thread about <flaky> tests, "quoted", with commas, too.', "2/2 The end."],
            topic="Threads, explained",
            limit=500,
            language=language,
            findings=[
                Finding(
                    code="AK101",
                    severity="error",
                    message="part 1 is too long",
                    person_id="sam",
                    platform="mastodon",
                ),
                Finding(
                    code="AK301",
                    severity="warning",
                    message="no disclosure",
                    person_id="sam",
                    platform="mastodon",
                ),
            ],
        ),
        make_entry(
            "lena",
            "mastodon",
            _dt.datetime(2026, 12, 3, 12, 30, tzinfo=berlin),
            ["Kurz und bündig: Tests zuerst. 🧪"],
            topic="Tests zuerst",
            limit=500,
            language=language,
        ),
    ]
    skipped_slot = Slot(
        person_id="sam",
        platform="mastodon",
        start=_dt.datetime(2026, 12, 4, 11, 0, tzinfo=new_york),
        timezone="America/New_York",
    )
    return Calendar(
        week="2026-W49",
        starts=_dt.date(2026, 11, 30),
        ends=_dt.date(2026, 12, 6),
        organization="Acme & Söhne",
        language=language,
        people=[
            PersonSummary(
                id="lena",
                name="Lena Berger",
                role="Ausbilderin",
                timezone="Europe/Berlin",
                language="de",
                platforms=["linkedin", "mastodon"],
            ),
            PersonSummary(
                id="sam",
                name="Sam Okafor",
                timezone="America/New_York",
                language="en",
                platforms=["mastodon"],
            ),
        ],
        entries=entries,
        skipped=[SkippedSlot(slot=skipped_slot, code="away", reason="away: conference")],
    )


@pytest.fixture
def golden() -> Callable[[str, str | bytes], None]:
    """Compare output with tests/data/golden/NAME; set ADVOCACY_KIT_UPDATE_GOLDEN=1 to rewrite."""

    def compare(name: str, actual: str | bytes) -> None:
        data = actual.encode("utf-8") if isinstance(actual, str) else actual
        path = GOLDEN / name
        if os.environ.get(UPDATE_GOLDEN_ENV) == "1":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        assert path.exists(), f"missing golden file {path}; run with {UPDATE_GOLDEN_ENV}=1"
        assert data.decode("utf-8") == path.read_bytes().decode("utf-8"), f"differs from {path}"

    return compare


@pytest.fixture
def sample_calendar_of() -> Callable[[str], Calendar]:
    """Build the hand-made sample week in a language (``de`` or ``en``)."""
    return sample_calendar


@pytest.fixture
def entry_maker() -> Callable[..., CalendarEntry]:
    """Build single calendar entries by hand (see :func:`make_entry`)."""
    return make_entry


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


@pytest.fixture(autouse=True, scope="session")
def forgetful_history() -> Iterator[None]:
    """Plans made by tests use a history in memory, never one inside the example kits.

    Tests of the history itself point ``ADVOCACY_KIT_HISTORY`` at a file of their own.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ADVOCACY_KIT_HISTORY", ":memory:")
        yield


@pytest.fixture(autouse=True)
def english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages without a kit language follow ADVOCACY_KIT_LANG; tests expect English there."""
    monkeypatch.setenv("ADVOCACY_KIT_LANG", "en")
