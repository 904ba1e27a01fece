"""Drafting: loader chain, overrides, `default:` extends, errors, sandbox, injection, disclosure."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from advocacy_kit import TemplateError, hookimpl, load_kit, plan_week
from advocacy_kit.drafting import Drafter
from advocacy_kit.models import POST_KINDS
from advocacy_kit.plugins import get_platform

from .conftest import DRAFTING_KIT, GERMAN_KIT

INJECTED_KIT = DRAFTING_KIT.replace(
    "title: Flaky tests are bugs", 'title: "{{ 7*7 }} and {% if true %}x{% endif %} {# c #}"'
).replace("Quarantine is not a fix", "\"{{ ''.__class__.__mro__ }}\"")


def paragraphs(text: str) -> list[str]:
    return [part for part in text.split("\n\n") if part.strip()]


# --- lookup, overrides and `default:` ---------------------------------------------------------


def test_built_in_template_is_used_without_kit_templates(drafting_kit, make_assignment):
    draft = Drafter(drafting_kit()).draft(make_assignment("tip", platform="linkedin"))
    assert draft.template == "en/tip.linkedin.j2"
    assert "Flaky tests are bugs" in draft.text


def test_generic_template_when_the_platform_has_no_version(drafting_kit, make_assignment):
    draft = Drafter(drafting_kit()).draft(make_assignment("tip", platform="threads"))
    assert draft.template == "en/tip.j2"


def test_kit_template_overrides_the_built_in(drafting_kit, make_assignment):
    kit = drafting_kit(**{"templates__en__tip.j2": "Own words on {{ topic.title }}\n"})
    draft = Drafter(kit).draft(make_assignment("tip", platform="threads"))
    assert draft.text == "Own words on Flaky tests are bugs"


def test_kit_platform_template_beats_the_kit_generic_one(drafting_kit, make_assignment):
    kit = drafting_kit(
        **{
            "templates__en__tip.j2": "generic\n",
            "templates__en__tip.mastodon.j2": "for mastodon\n",
        }
    )
    drafter = Drafter(kit)
    assert drafter.draft(make_assignment(platform="mastodon")).text == "for mastodon"
    assert drafter.draft(make_assignment(platform="threads")).text == "generic"


def test_plugin_folder_sits_between_kit_and_built_ins(drafting_kit, make_assignment, tmp_path):
    plugin_dir = tmp_path / "plugin-templates"
    (plugin_dir / "en").mkdir(parents=True)
    (plugin_dir / "en" / "tip.j2").write_text("from the plugin\n", encoding="utf-8")
    (plugin_dir / "en" / "opinion.j2").write_text("plugin opinion\n", encoding="utf-8")
    kit = drafting_kit(**{"templates__en__opinion.j2": "kit opinion\n"})
    drafter = Drafter(kit, template_dirs=[plugin_dir])
    assert drafter.draft(make_assignment("tip", platform="threads")).text == "from the plugin"
    assert drafter.draft(make_assignment("opinion", platform="threads")).text == "kit opinion"


@pytest.mark.parametrize("platform", ["threads", "linkedin", "mastodon"])
def test_extending_default_changes_only_the_overridden_block(
    drafting_kit, make_assignment, platform
):
    override = (
        '{% extends "default:en/tip.j2" %}\n'
        '{% block own_words %}{{ prompt("our house question") }}{% endblock %}\n'
    )
    plain = Drafter(drafting_kit()).draft(make_assignment(platform=platform, variant=1))
    changed = Drafter(drafting_kit(**{"templates__en__tip.j2": override})).draft(
        make_assignment(platform=platform, variant=1)
    )
    before, after = paragraphs(plain.text), paragraphs(changed.text)
    assert len(before) == len(after)
    differing = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert differing == [
        ("[[a moment when you wish you had known this earlier]]", "[[our house question]]")
    ]


def test_default_prefix_always_names_the_built_in(drafting_kit, make_assignment):
    kit = drafting_kit(
        **{"templates__en__tip.j2": "{% include 'default:en/tip.j2' %}\nP.S. mine\n"}
    )
    draft = Drafter(kit).draft(make_assignment(platform="threads"))
    assert draft.text.endswith("P.S. mine")
    assert "Here is one thing that actually works for me." in draft.text


def test_prepare_hook_adds_filters_and_globals(drafting_kit, make_assignment):
    def prepare(env: jinja2.Environment) -> None:
        env.filters["shout"] = lambda value: str(value).upper()
        env.globals["team"] = "QA guild"

    kit = drafting_kit(**{"templates__en__tip.j2": "{{ topic.title | shout }} by {{ team }}\n"})
    draft = Drafter(kit, prepare=prepare).draft(make_assignment(platform="threads"))
    assert draft.text == "FLAKY TESTS ARE BUGS by QA guild"


def test_plugin_hooks_reach_the_drafts_of_a_planned_week(write_kit, register_plugin, tmp_path):
    plugin_dir = tmp_path / "from-plugin"
    (plugin_dir / "en").mkdir(parents=True)
    (plugin_dir / "en" / "tip.j2").write_text("{{ topic.title | reverse_words }}\n", "utf-8")

    class Plugin:
        @hookimpl
        def register_template_dirs(self, register):
            register(plugin_dir)

        @hookimpl
        def prepare_jinja2_environment(self, env):
            env.filters["reverse_words"] = lambda text: " ".join(reversed(text.split()))

    register_plugin(Plugin(), "test-templates")
    kit = load_kit(
        write_kit(
            DRAFTING_KIT.replace("expertise: {testing: expert", "expertise: {testing: practitioner")
        )
    )
    calendar = plan_week(kit, "2026-W50")
    tips = [d for d in calendar.drafts if d.assignment.kind == "tip"]
    assert tips, "the planner gave no tip this week; pick another fixture week"
    for draft in tips:
        title = draft.assignment.topic_title
        assert draft.text.startswith(" ".join(reversed(title.split())))


# --- errors -----------------------------------------------------------------------------------

ERROR_CASES = {
    "undefined-variable": ("line one\n{{ nothing_here }}\n", 2, "'nothing_here' is undefined"),
    "undefined-attribute": ("{{ topic.subtitle }}\n", 1, "subtitle"),
    "syntax": ("fine\n\n{% if %}\n", 3, "Expected an expression"),
    "unknown-filter": ("a\n{{ topic.title | nosuchfilter }}\n", 2, "nosuchfilter"),
    "runtime": ("{{ (topic.title | length) // 0 }}\n", 1, "ZeroDivisionError"),
    "sandbox": ("ok\n{{ ''.__class__.__mro__ }}\n", 2, "'__class__'"),
    "sandbox-call": ("{{ topic.title.__init__ }}\n", 1, "'__init__'"),
    "missing-extends": (
        '{% extends "default:en/nope.j2" %}\n',
        1,
        "'default:en/nope.j2' not found",
    ),
}


@pytest.mark.parametrize(("source", "line", "message"), ERROR_CASES.values(), ids=ERROR_CASES)
def test_template_errors_name_file_line_and_problem(
    drafting_kit, make_assignment, source, line, message
):
    kit = drafting_kit(**{"templates__en__tip.j2": source})
    with pytest.raises(TemplateError) as caught:
        Drafter(kit).draft(make_assignment(platform="threads"))
    text = str(caught.value)
    assert re.search(rf"templates/en/tip\.j2:{line}\b", text), text
    assert message in text
    assert "hint:" in text


def test_error_in_a_parent_template_names_the_parent(drafting_kit, make_assignment):
    kit = drafting_kit(
        **{
            "templates__en__base.j2": "top\n{% block body %}{% endblock %}\n{{ missing_in_parent }}\n",
            "templates__en__tip.j2": '{% extends "en/base.j2" %}{% block body %}b{% endblock %}\n',
        }
    )
    with pytest.raises(TemplateError, match=r"templates/en/base\.j2:3: 'missing_in_parent'"):
        Drafter(kit).draft(make_assignment(platform="threads"))


def test_no_template_for_a_language_lists_what_was_looked_for(drafting_kit, make_assignment):
    with pytest.raises(TemplateError) as caught:
        Drafter(drafting_kit()).draft(make_assignment(language="fr", platform="x"))
    assert "fr/tip.x.j2, fr/tip.j2" in str(caught.value)
    assert "hint:" in str(caught.value)


def test_sandbox_violation_stops_before_anything_after_it_runs(drafting_kit, make_assignment):
    calls: list[str] = []

    def prepare(env: jinja2.Environment) -> None:
        env.globals["record"] = lambda: calls.append("ran") or ""

    kit = drafting_kit(**{"templates__en__tip.j2": "{{ ''.__class__.__mro__ }}{{ record() }}\n"})
    with pytest.raises(TemplateError, match=r"tip\.j2:1: access to attribute '__class__'"):
        Drafter(kit, prepare=prepare).draft(make_assignment(platform="threads"))
    assert calls == []


def test_template_error_in_plan_prints_one_message_and_exits_2(write_kit, run_cli, tmp_path):
    folder = write_kit(
        DRAFTING_KIT,
        **{
            "templates__en__tip.j2": "{{ oops }}\n",
            "templates__en__opinion.j2": "{{ oops }}\n",
            "templates__en__myth_vs_fact.j2": "{{ oops }}\n",
            "templates__en__lesson_learned.j2": "{{ oops }}\n",
            "templates__en__behind_the_scenes.j2": "{{ oops }}\n",
            "templates__en__question.j2": "{{ oops }}\n",
        },
    )
    result = run_cli("plan", str(folder), "--week", "2026-W50", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "'oops' is undefined" in result.output
    assert "Traceback" not in result.output


# --- topic text is data -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", POST_KINDS)
@pytest.mark.parametrize("platform", ["linkedin", "mastodon", "threads"])
def test_jinja_syntax_in_topic_text_stays_verbatim(drafting_kit, make_assignment, kind, platform):
    kit = drafting_kit(INJECTED_KIT)
    title = "{{ 7*7 }} and {% if true %}x{% endif %} {# c #}"
    for variant in range(3):
        text = Drafter(kit).draft(make_assignment(kind, platform=platform, variant=variant)).text
        assert title in text
        assert "49" not in text


def test_jinja_syntax_in_key_points_stays_verbatim(drafting_kit, make_assignment):
    kit = drafting_kit(INJECTED_KIT)
    text = Drafter(kit).draft(make_assignment("tip", platform="threads")).text
    assert "{{ ''.__class__.__mro__ }}" in text


# --- disclosure -------------------------------------------------------------------------------


def test_disclosure_is_added_for_topics_that_promote_the_employer(drafting_kit, make_assignment):
    drafter = Drafter(drafting_kit())
    promo = drafter.draft(make_assignment("event", topic="launch", platform="threads"))
    plain = drafter.draft(make_assignment("tip", platform="threads"))
    assert promo.disclosure == "I work at Acme Tools."
    assert promo.text.endswith("\n\nI work at Acme Tools.")
    assert plain.disclosure is None
    assert "Acme Tools." not in plain.text


def test_disclosure_follows_the_language_of_the_draft(drafting_kit, make_assignment):
    draft = Drafter(drafting_kit()).draft(
        make_assignment("event", topic="launch", language="de", platform="threads")
    )
    assert draft.text.endswith("Ich arbeite bei Acme Tools.")


def test_disclosure_at_the_start_and_for_all_posts(drafting_kit, make_assignment):
    kit = drafting_kit(
        DRAFTING_KIT.replace(
            '      de: "Ich arbeite bei Acme Tools."\n',
            '      de: "Ich arbeite bei Acme Tools."\n    applies_to: all\n    position: start\n',
        )
    )
    draft = Drafter(kit).draft(make_assignment("tip", platform="threads"))
    assert draft.text.startswith("I work at Acme Tools.\n\n")


def test_no_disclosure_wording_is_invented_when_the_guidelines_give_no_text(
    write_kit, make_assignment
):
    yaml = (
        DRAFTING_KIT.replace('      en: "I work at Acme Tools."\n', "")
        .replace('      de: "Ich arbeite bei Acme Tools."\n', "")
        .replace("    texts:\n", "    texts: {}\n")
    )
    drafter = Drafter(load_kit(write_kit(yaml)))
    # The employer chooses the wording; the check AK201 asks for it (tests/test_checks*.py).
    for language in ("en", "de"):
        assignment = make_assignment("event", topic="launch", platform="x", language=language)
        draft = drafter.draft(assignment)
        assert draft.disclosure is None
        assert "Acme Tools." not in draft.text


def test_a_template_cannot_remove_the_disclosure(drafting_kit, make_assignment):
    kit = drafting_kit(**{"templates__en__event.j2": "{% block all %}nothing else{% endblock %}\n"})
    draft = Drafter(kit).draft(make_assignment("event", topic="launch", platform="threads"))
    assert draft.text == "nothing else\n\nI work at Acme Tools."


def test_disclosure_counts_against_the_platform_limit(write_kit):
    kit = load_kit(write_kit(DRAFTING_KIT))
    calendar = plan_week(kit, "2026-W49")
    promoted = [e for e in calendar.entries if e.draft.disclosure]
    assert promoted
    for entry in promoted:
        platform = get_platform(entry.post.platform)
        without = entry.draft.text.replace(entry.draft.disclosure or "", "").strip()
        assert entry.draft.disclosure in entry.post.parts[0]
        assert entry.post.length == platform.count(entry.draft.text).length
        assert entry.post.length > platform.count(without).length


# --- prompts, variants, conversation ----------------------------------------------------------


def test_prompts_are_marked_and_recorded(drafting_kit, make_assignment):
    draft = Drafter(drafting_kit()).draft(make_assignment("tip", platform="threads"))
    assert draft.prompts == ["your example from the last few weeks: when did this help?"]
    assert "[[your example from the last few weeks: when did this help?]]" in draft.text


def test_the_prompt_marker_is_a_setting(drafting_kit, make_assignment):
    kit = drafting_kit(DRAFTING_KIT + 'settings:\n  prompt_marker: ["<<", ">>"]\n')
    draft = Drafter(kit).draft(make_assignment("tip", platform="threads"))
    assert "<<your example from the last few weeks: when did this help?>>" in draft.text
    assert draft.prompts == ["your example from the last few weeks: when did this help?"]


PLATFORMS = ["linkedin", "mastodon", "x", "bluesky", "threads"]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", POST_KINDS)
@pytest.mark.parametrize("platform", PLATFORMS)
def test_variants_give_different_texts(drafting_kit, make_assignment, language, kind, platform):
    drafter = Drafter(drafting_kit())
    person = "ada"
    texts = {
        drafter.draft(
            make_assignment(kind, person=person, platform=platform, variant=v, language=language)
        ).text
        for v in range(3)
    }
    assert len(texts) == 3


def _without_link_and_tags(text: str) -> list[str]:
    return [
        p for p in paragraphs(text) if not p.startswith(("#", "http")) and "Acme Tools." not in p
    ]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", ["question", "opinion"])
@pytest.mark.parametrize("platform", PLATFORMS)
def test_question_and_opinion_end_with_an_invitation(
    drafting_kit, make_assignment, language, kind, platform
):
    drafter = Drafter(drafting_kit())
    for person in ("ada", "bo"):
        for variant in range(3):
            assignment = make_assignment(
                kind, person=person, platform=platform, variant=variant, language=language
            )
            last = _without_link_and_tags(drafter.draft(assignment).text)[-1]
            assert last.rstrip().endswith("?"), last


def test_german_drafts_follow_the_persons_formal_voice(drafting_kit, make_assignment):
    drafter = Drafter(drafting_kit())
    formal = drafter.draft(
        make_assignment("question", person="bo", language="de", platform="threads")
    )
    casual = drafter.draft(
        make_assignment("question", person="ada", language="de", platform="threads")
    )
    assert "Ihrem Team" in formal.text
    assert "euren Teams" in casual.text


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", POST_KINDS)
def test_linkedin_first_line_fits_before_more(drafting_kit, make_assignment, language, kind):
    drafter = Drafter(drafting_kit())
    for variant in range(3):
        text = drafter.draft(
            make_assignment(kind, platform="linkedin", variant=variant, language=language)
        ).text
        assert len(text.splitlines()[0]) <= 100


def test_mastodon_hashtags_are_camel_case(drafting_kit, make_assignment):
    drafter = Drafter(drafting_kit())
    mastodon = drafter.draft(make_assignment("tip", platform="mastodon")).text
    linkedin = drafter.draft(make_assignment("tip", platform="linkedin")).text
    assert mastodon.endswith("#Testing #OpenSource #CI")
    assert linkedin.endswith("#testing #OpenSource #CI")


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", POST_KINDS)
@pytest.mark.parametrize("platform", ["x", "bluesky"])
def test_short_forms_fit_even_with_a_long_title(
    drafting_kit, make_assignment, language, kind, platform
):
    long_title = " ".join(["Sehr lange Überschrift über ein wichtiges Thema"] * 8)
    kit = drafting_kit(DRAFTING_KIT.replace("Our new test runner is out", long_title))
    drafter = Drafter(kit)
    for variant in range(3):
        assignment = make_assignment(
            kind, topic="launch", platform=platform, variant=variant, language=language
        )
        text = drafter.draft(assignment).text
        assert get_platform(platform).count(text).valid, text


def test_context_has_localised_slot_dates_and_platform_limits(drafting_kit, make_assignment):
    source = "{{ slot.day }} | {{ slot.time }} | {{ slot.start | date('long') }} | {{ limits.characters }} | {{ limits.short }} | {{ campaign.title }} | {{ areas[0].name }} | {{ person.role }} | {{ organisation.name }}\n"
    kit = drafting_kit(**{"templates__de__tip.j2": source, "templates__en__tip.j2": source})
    drafter = Drafter(kit)
    german = drafter.draft(
        make_assignment(language="de", platform="mastodon", topic="launch", campaign="launch-week")
    )
    assert german.text.startswith(
        "Dienstag, 8. Dezember | 09:00 | 8. Dezember 2026 | 500 | False | Launch week | "
        "Developer tooling | Test engineer | Acme Tools"
    )
    english = drafter.draft(
        make_assignment(language="en", platform="linkedin", topic="launch", campaign="launch-week")
    )
    assert english.text.startswith(
        "Tuesday, December 8 | 9:00\u202fAM | December 8, 2026 | 3000 | False"
    )


def test_kit_hashtag_cap_applies_to_every_template(drafting_kit, make_assignment):
    kit = drafting_kit(
        DRAFTING_KIT.replace("max_per_post: 4", "max_per_post: 1"),
        **{"templates__en__tip.j2": "{{ topic.hashtags | hashtags(10) }}\n"},
    )
    assert Drafter(kit).draft(make_assignment(platform="threads")).text == "#testing"


def test_german_example_kit_renders_in_german(make_assignment):
    kit = load_kit(GERMAN_KIT)
    drafter = Drafter(kit)
    from advocacy_kit.calendar import Assignment

    base = make_assignment(
        "opinion", person="lena", topic="expertise-statt-reichweite", language="de"
    )
    draft = drafter.draft(Assignment.model_validate(base.model_dump()))
    assert draft.template == "de/opinion.linkedin.j2"
    assert "Expertise zählt mehr als Followerzahlen" in draft.text
    assert Path(draft.template).suffix == ".j2"
