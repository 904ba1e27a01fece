"""The replies playbook: API and `advocacy-kit replies`."""

from __future__ import annotations

import re

import pytest

from advocacy_kit import TemplateError, UnknownNameError, UsageError, load_kit
from advocacy_kit.replies import SITUATIONS, find_colleague, suggest_reply

from .conftest import DRAFTING_KIT, GERMAN_KIT


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("situation", list(SITUATIONS))
def test_every_situation_has_advice_and_a_reply_with_a_prompt(drafting_kit, situation, language):
    reply = suggest_reply(drafting_kit(), situation, language, area_id="tooling")
    assert reply.situation == situation
    assert reply.template == f"{language}/replies/{situation}.j2"
    assert len(reply.advice) >= 3
    assert all(line and not line.startswith("-") for line in reply.advice)
    assert reply.prompts
    assert reply.description == SITUATIONS[situation][language]


@pytest.mark.parametrize("language", ["de", "en"])
def test_complaint_moves_to_the_support_channel(drafting_kit, language):
    reply = suggest_reply(drafting_kit(), "complaint", language)
    assert "help@acme.example" in reply.text
    assert any("help@acme.example" in line for line in reply.advice)


def test_complaint_without_a_support_channel_leaves_a_prompt(drafting_kit):
    kit = drafting_kit(DRAFTING_KIT.replace("  support_channel: help@acme.example\n", ""))
    reply = suggest_reply(kit, "complaint", "en")
    assert "[[where customers get help, e.g. the support address]]" in reply.text


def test_troll_is_another_name_for_hostile(drafting_kit):
    reply = suggest_reply(drafting_kit(), "troll", "de")
    assert reply.situation == "hostile"
    assert any("Stehenlassen" in line for line in reply.advice)


def test_reply_language_defaults_to_the_persons(drafting_kit):
    reply = suggest_reply(drafting_kit(), "hostile", person_id="bo")
    assert reply.language == "de"
    assert "Wenn Sie mögen" in reply.text


# Words that address the other person; a German reply uses the "Sie" forms only.
_DU_WORDS = re.compile(r"\b(du|dich|dir|dein\w*|magst|findest|kannst|hast|bist|euch|euer|ihr)\b")
_SIE_WORDS = re.compile(r"\b(Sie|Ihnen|Ihr\w*)\b")


@pytest.mark.parametrize("person", [None, "ada", "bo"], ids=["nobody", "friendly", "formal"])
@pytest.mark.parametrize("situation", list(SITUATIONS))
def test_german_replies_address_the_other_person_with_sie(drafting_kit, situation, person):
    reply = suggest_reply(drafting_kit(), situation, "de", person_id=person, area_id="tooling")
    said = re.sub(r"\[\[.*?\]\]", "", reply.text)  # prompts speak to the person, not the reader
    assert not _DU_WORDS.search(said), said
    assert _SIE_WORDS.search(said), said
    assert any("zurückduzen" in line for line in reply.advice)


def test_outside_expertise_hands_over_to_the_colleague_who_knows_best(drafting_kit):
    reply = suggest_reply(
        drafting_kit(), "outside-expertise", "en", person_id="ada", area_id="tooling"
    )
    assert reply.colleague == "Bo Berger"
    assert "Bo Berger knows Developer tooling" in reply.text


def test_outside_expertise_never_hands_over_to_oneself(drafting_kit):
    kit = drafting_kit()
    assert find_colleague(kit, "tooling", exclude="bo").id == "ada"
    assert find_colleague(kit, "tooling").id == "bo"  # expert before practitioner


def test_outside_expertise_without_a_colleague_leaves_a_prompt(drafting_kit):
    reply = suggest_reply(drafting_kit(), "outside-expertise", "en")
    assert reply.colleague is None
    assert "[[a colleague who knows this field]]" in reply.text


def test_confidential_points_to_official_sources(drafting_kit):
    reply = suggest_reply(drafting_kit(), "confidential", "en")
    assert "https://acme.example" in reply.text


ERRORS = {
    "situation": ({"situation": "praise"}, UnknownNameError, "unknown situation 'praise'"),
    "person": ({"person_id": "nobody"}, UsageError, "unknown person 'nobody'"),
    "area": ({"area_id": "cooking"}, UsageError, "use one of the kit's areas: testing, tooling"),
    "language": ({"language": "fr"}, TemplateError, "fr/replies/complaint.j2"),
}


@pytest.mark.parametrize(("arguments", "error", "message"), ERRORS.values(), ids=ERRORS)
def test_bad_arguments_give_one_clear_error(drafting_kit, arguments, error, message):
    call = {"situation": "complaint", **arguments}
    with pytest.raises(error, match=message):
        suggest_reply(drafting_kit(), **call)


def test_a_kit_can_extend_a_built_in_reply(drafting_kit):
    override = (
        '{% extends "default:en/replies/complaint.j2" %}\n'
        "{% block reply %}Sorry! Please write to {{ support_channel }}.{% endblock %}\n"
    )
    kit = drafting_kit(**{"templates__en__replies__complaint.j2": override})
    reply = suggest_reply(kit, "complaint", "en")
    assert reply.text == "Sorry! Please write to help@acme.example."
    assert reply.advice == suggest_reply(drafting_kit(), "complaint", "en").advice


def test_cli_prints_advice_and_reply_in_german(run_cli):
    result = run_cli("replies", str(GERMAN_KIT), "--situation", "complaint", "--lang", "de")
    assert result.exit_code == 0
    assert "Hinweise (nicht zum Posten):" in result.output
    assert "Antwortentwurf:" in result.output
    assert "service@brueckner-werkzeugbau.example" in result.output


def test_cli_lists_situations_without_one(run_cli):
    result = run_cli("replies", str(GERMAN_KIT))
    assert result.exit_code == 0
    for name in SITUATIONS:
        assert f"  {name}: " in result.output


def test_cli_unknown_situation_exits_2(run_cli):
    result = run_cli("replies", str(GERMAN_KIT), "--situation", "praise")
    assert result.exit_code == 2
    assert "unknown situation 'praise'" in result.output
    assert "Traceback" not in result.output


def test_reply_language_defaults_to_the_organisation():
    kit = load_kit(GERMAN_KIT)
    assert suggest_reply(kit, "confidential").language == "de"
