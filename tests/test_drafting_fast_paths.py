"""Rendering drafts: each fast path of the sandbox gives what the stock steps give.

The careful results come from an environment that keeps the stock ``call`` and ``getattr`` of
Jinja's sandbox, and from ``Template.render`` itself.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any

import jinja2
import pytest
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import LRUCache

from advocacy_kit.checks.platform_rules import platform_findings
from advocacy_kit.checks.where import Where
from advocacy_kit.drafting import Drafter, drafter, environment
from advocacy_kit.drafting.context import SlotView
from advocacy_kit.drafting.environment import DraftEnvironment, render_template
from advocacy_kit.loading import load_kit
from advocacy_kit.pipeline import plan_week
from advocacy_kit.plugins import get_platforms

from .conftest import ENGLISH_KIT, GERMAN_KIT


class CarefulEnvironment(DraftEnvironment):
    """The draft sandbox with the stock ``call`` and ``getattr``."""

    call = SandboxedEnvironment.call
    getattr = SandboxedEnvironment.getattr


def _environment(kind: type[DraftEnvironment], templates: dict[str, str]) -> DraftEnvironment:
    return kind(loader=jinja2.DictLoader(templates), undefined=jinja2.StrictUndefined)


def _outcome(render: Callable[[], str]) -> tuple[str, ...]:
    try:
        return ("text", render())
    except Exception as error:  # the same error, with the same message, is what counts
        return ("error", type(error).__name__, str(error))


class Thing:
    """An object with attributes of every sort a template may read or call."""

    def __init__(self) -> None:
        self.title = "Title"
        self.count = 3
        self.ratio = 0.5
        self.flag = True
        self.nothing = None
        self.items = ["a", "b"]
        self.pair = ("x", "y")
        self.mapping = {"k": "v"}
        self.formatter = "{0.__class__}".format
        self.format_map = "{x}".format_map
        self.upper = "shout".upper

    def plain(self, text: str = "", *, suffix: str = "") -> str:
        return f"<{text}{suffix}>"

    def marked(self) -> str:
        return "marked"

    def altering(self) -> str:
        return "altering"

    @jinja2.pass_context
    def with_context(self, context: Any, name: str) -> str:
        return str(context.get(name))

    def stops(self) -> str:
        raise StopIteration

    def fails(self) -> str:
        raise ValueError("no")

    def __repr__(self) -> str:
        return "<thing>"

    def __getitem__(self, key: str) -> str:
        if key == "by_item":
            return "item"
        raise KeyError(key)


def _unsafe(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    setattr(function, name, True)
    return function


_unsafe(Thing.marked, "unsafe_callable")
_unsafe(Thing.altering, "alters_data")

SOURCES = {
    "str": "{{ thing.title }}",
    "int": "{{ thing.count + 1 }}",
    "float": "{{ thing.ratio }}",
    "bool": "{{ thing.flag }}",
    "none": "{{ thing.nothing }}",
    "list": "{{ thing.items | join(',') }}",
    "tuple": "{{ thing.pair[1] }}",
    "dict": "{{ thing.mapping.k }}",
    "format-attribute": "{{ thing.formatter(thing) }}",
    "format-map-attribute": "{{ thing.format_map({'x': 1}) }}",
    "str-format": "{{ 'a{0}'.format(thing.count) }}",
    "str-format-unsafe": "{{ '{0.__class__}'.format(thing) }}",
    "builtin-method": "{{ thing.upper() }}",
    "private": "{{ thing._hidden }}",
    "dunder": "{{ thing.__class__ }}",
    "function-internals": "{{ thing.plain.__func__ }}",
    "by-item": "{{ thing.by_item }}",
    "missing": "{{ thing.nowhere }}",
    "missing-default": "{{ thing.nowhere | default('d') }}",
    "method": "{{ thing.plain('x') }}",
    "method-keywords": "{{ thing.plain('x', suffix='!') }}",
    "method-in-loop": "{% for i in [1, 2] %}{{ thing.plain(i) }}{% endfor %}",
    "method-in-block": "{% block b %}{% set v = 1 %}{{ thing.plain(v) }}{% endblock %}",
    "method-in-macro": "{% macro m(a) %}{{ thing.plain(a) }}{% endmacro %}{{ m('q') }}",
    "unsafe-callable": "{{ thing.marked() }}",
    "alters-data": "{{ thing.altering() }}",
    "pass-context": "{% set who = 'me' %}{{ thing.with_context('who') }}",
    "stop-iteration": "{{ thing.stops() | default('stopped') }}",
    "raises": "{{ thing.fails() }}",
    "global-function": "{{ helper('z') }}",
    "macro-call": "{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}c{% endcall %}",
    "range": "{{ range(3) | list }}",
    "class-call": "{{ thing.__class__() }}",
    "lambda-global": "{{ shout('h') }}",
}


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_sandbox_fast_paths_give_the_stock_result(source: str) -> None:
    outcomes = []
    for kind in (DraftEnvironment, CarefulEnvironment):
        env = _environment(kind, {"t.j2": source})
        env.globals["helper"] = Thing().plain
        env.globals["shout"] = lambda text: text.upper()
        template = env.get_template("t.j2")
        context = {"thing": Thing()}
        outcomes.append(_outcome(functools.partial(render_template, template, context)))
        outcomes.append(_outcome(functools.partial(template.render, context)))
    assert outcomes[0] == outcomes[1] == outcomes[2] == outcomes[3]


def test_a_changed_rule_for_calls_is_followed() -> None:
    env = _environment(DraftEnvironment, {"t.j2": "{{ thing.plain('x') }}"})
    env.is_safe_callable = lambda obj: False  # type: ignore[method-assign]
    with pytest.raises(jinja2.exceptions.SecurityError):
        env.get_template("t.j2").render(thing=Thing())


@pytest.mark.parametrize(
    "source",
    ["ok\n{{ nope }}", "{{ 1 // 0 }}", "{{ ''.__class__ }}", "{% for x in 5 %}{% endfor %}"],
    ids=["undefined", "zero", "sandbox", "not-iterable"],
)
def test_render_template_raises_what_render_raises(source: str) -> None:
    env = _environment(DraftEnvironment, {"t.j2": source})
    template = env.get_template("t.j2")
    careful = _outcome(lambda: template.render({}))
    assert careful[0] == "error"
    assert _outcome(lambda: render_template(template, {})) == careful


def test_render_template_sees_globals_as_render_does() -> None:
    source = "{{ a }} {{ b }} {{ c }} {{ d }}"
    env = _environment(DraftEnvironment, {"t.j2": source})
    env.globals.update(a="env-a", b="env-b", c="env-c")
    template = env.get_template("t.j2", globals={"b": "template-b"})
    context = {"c": "context-c", "d": "context-d"}
    assert render_template(template, context) == template.render(context)
    assert render_template(template, context) == "env-a template-b context-c context-d"
    env.globals["a"] = "changed"  # globals are read when rendering, not remembered
    assert render_template(template, context) == template.render(context)


class Odd(dict[str, Any]):
    """A mapping of another type: rendered the stock way."""


@pytest.mark.parametrize(
    "context",
    [{}, {"x": 1}, Odd(x=2)],
    ids=["empty", "plain", "dict-subclass"],
)
def test_render_template_takes_any_mapping(context: dict[str, Any]) -> None:
    env = _environment(DraftEnvironment, {"t.j2": "{{ x | default('none') }}{{ range(1) | list }}"})
    template = env.get_template("t.j2")
    assert render_template(template, context) == template.render(context)


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_weeks_are_drafted_as_with_the_stock_sandbox(
    kit_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = load_kit(kit_path)
    fast = plan_week(kit, "2026-W49")
    assert fast.entries
    monkeypatch.setattr(environment, "DraftEnvironment", CarefulEnvironment)
    monkeypatch.setattr(
        drafter, "render_template", lambda template, context: template.render(context)
    )
    careful = plan_week(kit, "2026-W49")
    assert isinstance(Drafter(kit).env, CarefulEnvironment)
    assert fast.model_dump_json() == careful.model_dump_json()


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_keeping_every_template_drafts_as_jinjas_own_cache(kit_path: Any) -> None:
    kit = load_kit(kit_path)
    calendar = plan_week(kit, "2026-W49")
    assert calendar.entries
    kept = Drafter(kit)
    assert type(kept.env.cache) is dict
    evicting = Drafter(kit)
    evicting.env.cache = LRUCache(2)  # type: ignore[assignment]  # a template and its parent at most: reloaded all the time
    for entry in calendar.entries:
        assert kept.draft(entry.assignment) == evicting.draft(entry.assignment) == entry.draft


def test_a_slot_view_is_the_one_its_constructor_makes() -> None:
    kit = load_kit(GERMAN_KIT)
    slot = plan_week(kit, "2026-W49").entries[0].slot
    for language in ("de", "en", "xx"):
        made = SlotView.of(slot, language)
        constructed = SlotView(slot.start, slot.platform, slot.timezone, language)
        assert made == constructed
        assert hash(made) == hash(constructed)
        assert repr(made) == repr(constructed)
        assert (made.date, made.weekday, made.day, made.time) == (
            constructed.date,
            constructed.weekday,
            constructed.day,
            constructed.time,
        )
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.language = "fr"  # type: ignore[misc]


@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_platform_findings_with_the_text_given_are_those_without(kit_path: Any) -> None:
    kit = load_kit(kit_path)
    calendar = plan_week(kit, "2026-W49")
    platforms = get_platforms()
    for entry in calendar.entries:
        platform = platforms[entry.post.platform]
        options = platform.options(kit.person(entry.slot.person_id).accounts[platform.name].options)
        where = Where.of(entry.draft, entry.post.platform, "de")
        for text in (entry.post.text, "#a #b #c #d #e #f", ""):
            post = entry.post.model_copy(update={"parts": [text]})
            given = platform_findings(post, kit, platform, options, where, text=text)
            assert given == platform_findings(post, kit, platform, options, where)
