"""Drafts say nothing false about the person: wording that assumes a level follows their level."""

from __future__ import annotations

import re

import pytest

from advocacy_kit.drafting import Drafter
from advocacy_kit.drafting.context import level_for
from advocacy_kit.models import POST_KINDS

from .conftest import DRAFTING_KIT

PLATFORMS = ["linkedin", "mastodon", "x", "bluesky", "threads"]

# Claims only a learner can make truthfully …
LEARNER_CLAIMS = {
    "en": ["still learning", "at the start with this", "wish you had known earlier"],
    "de": ["lerne noch", "lerne ich gerade noch", "noch am Anfang", "gern früher gewusst"],
}
# … and claims a learner cannot make: onboarding others, a field of one's own, years of view.
PRACTICE_CLAIMS = {
    "en": [
        "tell new colleagues",
        "in my field",
        "People sometimes ask",
        "I hear this",
        "over time",
        "for a long time",
        "I work with this a lot",
        "my own way",
    ],
    "de": [
        "neuen Kolleg:innen",
        "meinem Fachgebiet",
        "werde öfter gefragt",
        "höre ich oft",
        "mit der Zeit",
        "lange falsch",
        "arbeite ich viel",
        "eigenen Weg",
    ],
}

# One person per level for the topic `flaky-tests` (area `testing`).
LEVELS_KIT = DRAFTING_KIT.replace(
    "people:\n",
    """people:
  - id: lea
    name: Lea Lernt
    languages: [en, de]
    expertise: {testing: learning}
  - id: pia
    name: Pia Praxis
    languages: [en, de]
    expertise: {testing: practitioner}
  - id: eli
    name: Eli Expert
    languages: [en, de]
    expertise: {testing: expert}
  - id: ola
    name: Ola Other
    languages: [en, de]
    expertise: {tooling: expert}
""",
)


def _texts(drafter, make_assignment, person, kind, language):
    for platform in PLATFORMS:
        for variant in range(3):
            assignment = make_assignment(
                kind, person=person, platform=platform, variant=variant, language=language
            )
            # Prompts speak to the person, not the reader: only the rest is a claim.
            yield re.sub(r"\[\[.*?\]\]", "", drafter.draft(assignment).text, flags=re.DOTALL)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", POST_KINDS)
@pytest.mark.parametrize("person", ["pia", "eli"], ids=["practitioner", "expert"])
def test_practitioners_and_experts_never_claim_to_be_learning(
    drafting_kit, make_assignment, person, kind, language
):
    drafter = Drafter(drafting_kit(LEVELS_KIT))
    for text in _texts(drafter, make_assignment, person, kind, language):
        for claim in LEARNER_CLAIMS[language]:
            assert claim not in text, text


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", POST_KINDS)
@pytest.mark.parametrize("person", ["lea", "ola"], ids=["learning", "no-level"])
def test_learners_never_claim_practice_they_lack(
    drafting_kit, make_assignment, person, kind, language
):
    drafter = Drafter(drafting_kit(LEVELS_KIT))
    for text in _texts(drafter, make_assignment, person, kind, language):
        for claim in PRACTICE_CLAIMS[language]:
            assert claim not in text, text


@pytest.mark.parametrize(
    ("language", "learner", "expert"),
    [
        ("en", "I'm still learning about", "How do you handle “Flaky tests are bugs”?"),
        ("de", "und lerne noch", "Wie geht ihr mit „Flaky tests are bugs“ um?"),
    ],
    ids=["en", "de"],
)
@pytest.mark.parametrize("platform", ["threads", "x"])
def test_a_question_reads_like_the_persons_level(
    drafting_kit, make_assignment, platform, language, learner, expert
):
    drafter = Drafter(drafting_kit(LEVELS_KIT))

    def question(person: str) -> str:
        assignment = make_assignment(
            "question", person=person, platform=platform, language=language
        )
        return drafter.draft(assignment).text

    if platform == "x":  # the short form says it in fewer words
        learner = {"en": "still learning here", "de": "da lerne ich gerade noch"}[language]
    assert learner in question("lea")
    assert expert in question("eli")
    assert expert in question("pia")


@pytest.mark.parametrize(
    ("expertise", "areas", "level"),
    [
        ({"a": "learning", "b": "expert"}, ["a", "b"], "expert"),
        ({"a": "practitioner", "b": "learning"}, ["a", "b"], "practitioner"),
        ({"a": "expert"}, ["a", "c"], "expert"),
        ({"c": "expert"}, ["a", "b"], "learning"),
    ],
    ids=["highest-wins", "practitioner", "unknown-area-ignored", "no-area-is-learning"],
)
def test_level_is_the_highest_in_the_topics_areas(expertise, areas, level):
    from advocacy_kit.models import Person, Topic

    person = Person.model_validate(
        {"id": "p", "name": "P", "languages": ["en"], "expertise": expertise}
    )
    topic = Topic.model_validate({"id": "t", "title": "T", "areas": areas})
    assert level_for(person, topic) == level


def test_templates_see_the_level(drafting_kit, make_assignment):
    kit = drafting_kit(LEVELS_KIT, **{"templates__en__tip.j2": "{{ level }}\n"})
    drafter = Drafter(kit)
    levels = {
        person: drafter.draft(make_assignment(person=person, platform="threads")).text
        for person in ("lea", "pia", "eli", "ola")
    }
    assert levels == {
        "lea": "learning",
        "pia": "practitioner",
        "eli": "expert",
        "ola": "learning",
    }
