"""The Xing plugin: installed through its entry point, limits from settings, blockable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from advocacy_kit_xing import DEFAULT_MAX_CHARACTERS, LIMIT_ENV, Xing

from advocacy_kit import plugins
from advocacy_kit.errors import UsageError


@pytest.fixture
def fresh() -> Iterator[None]:
    plugins.reset()
    yield
    plugins.reset()


def test_xing_is_found_through_its_entry_point(fresh: None) -> None:
    assert isinstance(plugins.get_platform("xing"), Xing)


def test_blocking_the_distribution_removes_xing(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(plugins.BLOCK_ENV, "advocacy-kit-xing")
    assert "xing" not in plugins.get_platforms()


def test_limit_comes_from_account_options() -> None:
    xing = Xing()
    options = xing.options({"max_characters": 1000})
    assert xing.limit_for(options) == 1000
    assert not xing.count("a" * 1001, options).valid
    assert xing.validate("a" * 1001, options) == [
        "1 character over the Xing limit of 1000 (1001/1000); shorten it by at least 1"
    ]


def test_limit_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LIMIT_ENV, "1500")
    assert Xing().limit_for(Xing().options()) == 1500
    monkeypatch.delenv(LIMIT_ENV)
    assert Xing().limit_for(Xing().options()) == DEFAULT_MAX_CHARACTERS


def test_a_bad_environment_limit_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LIMIT_ENV, "lots")
    with pytest.raises(UsageError, match=LIMIT_ENV):
        Xing().options()


@pytest.mark.parametrize(
    ("language", "message", "hint"),
    [
        ("en", "is not a positive whole number", "  hint: set it to Xing's character limit"),
        ("de", "ist keine positive ganze Zahl", "  Hinweis: setze sie auf Xings Zeichenlimit"),
    ],
    ids=["english", "german"],
)
def test_the_bad_limit_message_speaks_the_command_line_language(
    monkeypatch: pytest.MonkeyPatch, language: str, message: str, hint: str
) -> None:
    from click.testing import CliRunner

    from advocacy_kit.cli import get_cli

    monkeypatch.setenv(LIMIT_ENV, "lots")
    monkeypatch.setenv("ADVOCACY_KIT_LANG", language)
    result = CliRunner().invoke(get_cli(), ["count", "--platform", "xing", "Hallo"])
    assert result.exit_code == 2
    assert f"{LIMIT_ENV}='lots' {message}\n{hint}" in result.output


@pytest.mark.parametrize("command", [["platforms"], ["count", "--platform", "xing", "Hallo"]])
def test_listing_and_count_show_the_limit_in_force(
    fresh: None, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    from click.testing import CliRunner

    from advocacy_kit.cli import get_cli

    monkeypatch.setenv(LIMIT_ENV, "1000")
    result = CliRunner().invoke(get_cli(), command)
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith("xing:"))
    assert "1000" in line and "3000" not in line
