"""Templates compiled by a forked helper: the same drafts and errors as templates compiled here."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest

from advocacy_kit import TemplateError, load_kit, pipeline
from advocacy_kit.drafting import Drafter
from advocacy_kit.drafting.precompiled import (
    Precompiling,
    SharedBytecode,
    draft_template_names,
)
from advocacy_kit.parallel import can_fork
from advocacy_kit.pipeline import plan_week

from .conftest import ENGLISH_KIT, GERMAN_KIT


def _precompiled(drafter: Drafter) -> SharedBytecode:
    """What the helper hands over, compiled by another drafter of the same kit (no fork needed)."""
    compiler = Drafter(drafter.kit)
    compiler.env.bytecode_cache = made = SharedBytecode()
    for name in draft_template_names(compiler.env):
        with contextlib.suppress(TemplateError, jinja2.TemplateError):
            compiler.env.get_template(name)
    drafter.env.bytecode_cache = SharedBytecode(made.codes)
    return made


@pytest.mark.parametrize("folder", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_a_week_planned_with_precompiled_templates_is_the_same(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = load_kit(folder)
    careful = plan_week(kit, "2026-W49")
    installed: list[int] = []
    original = Precompiling.install

    def install(self: Precompiling) -> None:
        original(self)
        cache = self._environment.bytecode_cache
        installed.append(len(cache.codes) if isinstance(cache, SharedBytecode) else 0)

    monkeypatch.setattr(pipeline, "PEOPLE_THRESHOLD", 0)
    monkeypatch.setattr(Precompiling, "install", install)
    fast = plan_week(kit, "2026-W49")
    if can_fork():
        assert installed and installed[0] > 20  # the helper compiled the language folders
    else:
        assert installed == [0]  # no helper without fork or a second core: compiled here
    assert fast.model_dump_json() == careful.model_dump_json()


def test_the_helper_compiles_the_templates_the_loader_resolves(
    drafting_kit: Callable[..., Any],
    make_assignment: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kit = drafting_kit(**{"templates__en__tip.j2": "Own words about {{ topic.title }}.\n"})
    drafter = Drafter(kit)
    cache = _precompiled(drafter)

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("a template handed over was compiled again")

    monkeypatch.setattr(drafter.env, "compile", no_compiling)
    assert "en/tip.j2" in draft_template_names(drafter.env)
    assert len(cache.codes) >= len(draft_template_names(drafter.env)) - 1
    precompiled = drafter.draft(make_assignment(platform="threads"))
    careful = Drafter(kit).draft(make_assignment(platform="threads"))
    assert precompiled == careful
    assert precompiled.text.startswith("Own words about")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{% if %}\n", r"templates/en/tip\.j2:1\b"),
        ("line one\n{{ no_such_value }}\n", r"templates/en/tip\.j2:2: 'no_such_value'"),
    ],
    ids=["syntax-error", "runtime-error"],
)
def test_errors_are_those_of_templates_compiled_here(
    drafting_kit: Callable[..., Any],
    make_assignment: Callable[..., Any],
    source: str,
    expected: str,
) -> None:
    kit = drafting_kit(**{"templates__en__tip.j2": source})
    drafter = Drafter(kit)
    _precompiled(drafter)
    with pytest.raises(TemplateError) as fast:
        drafter.draft(make_assignment(platform="threads"))
    with pytest.raises(TemplateError) as careful:
        Drafter(kit).draft(make_assignment(platform="threads"))
    assert str(fast.value) == str(careful.value)
    assert re.search(expected, str(fast.value)), str(fast.value)


def test_a_template_changed_after_compiling_is_compiled_again(
    drafting_kit: Callable[..., Any], make_assignment: Callable[..., Any]
) -> None:
    kit = drafting_kit(**{"templates__en__tip.j2": "Before.\n"})
    drafter = Drafter(kit)
    _precompiled(drafter)
    assert kit._folder is not None
    (kit._folder / "templates" / "en" / "tip.j2").write_text("After.\n", encoding="utf-8")
    assert drafter.draft(make_assignment(platform="threads")).text.startswith("After.")


def test_without_a_helper_templates_are_compiled_as_before(
    drafting_kit: Callable[..., Any],
    make_assignment: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fork() -> int:
        raise OSError("no more processes")

    monkeypatch.setattr(os, "fork", no_fork)
    kit = drafting_kit()
    drafter = Drafter(kit)
    with Precompiling(drafter.env, draft_template_names(drafter.env)) as precompiling:
        precompiling.install()
    assert drafter.env.bytecode_cache is None
    assert drafter.draft(make_assignment(platform="threads")) == Drafter(kit).draft(
        make_assignment(platform="threads")
    )


def test_only_the_language_folders_are_compiled() -> None:
    drafter = Drafter(load_kit(ENGLISH_KIT))
    names = draft_template_names(drafter.env)
    assert "en/tip.j2" in names and "de/_post.j2" in names
    assert not [name for name in names if "replies" in name or name.startswith("default:")]
