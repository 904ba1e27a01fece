"""Every hook has a test and a documented section headed by its exact signature."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from advocacy_kit import hookspecs

ROOT = Path(__file__).resolve().parent.parent
HOOKS = sorted(
    name
    for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
    if hasattr(function, "advocacy_kit_spec")
)


def signature(name: str) -> str:
    """``name(arg: Type, …) -> Return`` as written in hookspecs.py (annotations are strings)."""
    spec = inspect.signature(getattr(hookspecs, name))
    params = ", ".join(f"{p.name}: {p.annotation}" for p in spec.parameters.values())
    return f"{name}({params}) -> {spec.return_annotation}"


def test_hookspecs_are_found() -> None:
    assert "register_platforms" in HOOKS
    assert len(HOOKS) >= 7


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test(hook: str) -> None:
    sources = "\n".join(p.read_text("utf-8") for p in (ROOT / "tests").rglob("test_*.py"))
    assert re.search(rf"^def test_hook_{hook}\(", sources, re.MULTILINE), (
        f"add `def test_hook_{hook}(...)` to tests/test_hooks.py"
    )


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_under_its_signature(hook: str) -> None:
    docs = (ROOT / "docs" / "plugins" / "hooks.md").read_text("utf-8")
    headings = [
        line.lstrip("#").strip().strip("`") for line in docs.splitlines() if line.startswith("## ")
    ]
    assert signature(hook) in headings, f"docs/plugins/hooks.md needs '## `{signature(hook)}`'"
