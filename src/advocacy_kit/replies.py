"""The replies playbook: what to answer when a post draws a complaint, a troll, a question.

People who post about their work meet the same few situations again and again. For each, the
playbook gives advice (for the person, never posted) and a reply draft with prompts for their own
words, rendered from ``<lang>/replies/<situation>.j2`` in the same sandbox and loader chain as
drafts, so a kit can override or extend any of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .errors import UnknownNameError, UsageError
from .models import ExpertiseArea, Kit, Person

__all__ = ["ALIASES", "SITUATIONS", "Reply", "find_colleague", "suggest_reply"]

SITUATIONS: dict[str, dict[str, str]] = {
    "complaint": {
        "en": "a customer complains: move it to the support channel",
        "de": "Beschwerde von Kund:innen: an den Support-Kanal verweisen",
    },
    "hostile": {
        "en": "a hostile comment or a troll: de-escalate, or leave it",
        "de": "feindseliger Kommentar oder Troll: deeskalieren oder stehen lassen",
    },
    "outside-expertise": {
        "en": "a question outside your field: hand over to a colleague who knows it",
        "de": "Frage außerhalb deines Fachgebiets: an eine Kollegin oder einen Kollegen übergeben",
    },
    "confidential": {
        "en": "a question about something confidential: say so, do not hint",
        "de": "Frage zu Vertraulichem: das offen sagen, nichts andeuten",
    },
}
"""Every situation the playbook knows, with a one-line description per language."""

ALIASES = {
    "troll": "hostile",
    "outside_expertise": "outside-expertise",
    "expertise": "outside-expertise",
}
"""Other names people type for a situation."""

_LEVEL_ORDER = {"expert": 0, "practitioner": 1, "learning": 2}


@dataclass(frozen=True)
class Reply:
    """Advice for one situation and a reply draft to start from."""

    situation: str
    language: str
    description: str
    advice: list[str]
    text: str
    template: str
    prompts: list[str] = field(default_factory=list)
    colleague: str | None = None


def _situation(name: str) -> str:
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in SITUATIONS:
        raise UnknownNameError("situation", name, [*SITUATIONS, *ALIASES])
    return key


def _area(kit: Kit, area_id: str | None) -> ExpertiseArea | None:
    if area_id is None:
        return None
    for area in kit.areas:
        if area.id == area_id:
            return area
    known = ", ".join(a.id for a in kit.areas)
    raise UsageError(f"unknown area {area_id!r}\n  hint: use one of the kit's areas: {known}")


def _person(kit: Kit, person_id: str | None) -> Person | None:
    if person_id is None:
        return None
    try:
        return kit.person(person_id)
    except LookupError:
        known = ", ".join(p.id for p in kit.people)
        raise UsageError(
            f"unknown person {person_id!r}\n  hint: use one of the kit's people: {known}"
        ) from None


def find_colleague(kit: Kit, area_id: str, exclude: str | None = None) -> Person | None:
    """The active colleague who knows ``area_id`` best (experts first, then by name)."""
    fitting = [
        person
        for person in kit.people
        if person.active and person.id != exclude and area_id in person.expertise
    ]
    fitting.sort(key=lambda p: (_LEVEL_ORDER[p.expertise[area_id]], p.name.casefold()))
    return fitting[0] if fitting else None


def suggest_reply(
    kit: Kit,
    situation: str,
    language: str | None = None,
    *,
    person_id: str | None = None,
    area_id: str | None = None,
    template_dirs: Sequence[Path] | None = None,
    prepare: Callable[[jinja2.Environment], None] | None = None,
) -> Reply:
    """Advice and a reply draft for ``situation`` (see :data:`SITUATIONS`).

    :param language: defaults to the person's language, else the organisation's.
    :param person_id: who replies (their language is the default; templates see them and
        ``formal``). German built-in replies say *Sie* to the other person whatever the voice.
    :param area_id: for ``outside-expertise``: the field the question is about, to find a colleague.
    """
    from .drafting import Drafter

    key = _situation(situation)
    person = _person(kit, person_id)
    area = _area(kit, area_id)
    language = language or (person.language if person else kit.organization.language)
    colleague = find_colleague(kit, area.id, person.id if person else None) if area else None
    drafter = Drafter(kit, template_dirs=template_dirs, prepare=prepare)
    template = drafter.select([f"{language}/replies/{key}.j2"], f"the situation {key!r}")
    context: dict[str, Any] = {
        "situation": key,
        "language": language,
        "organization": kit.organization,
        "organisation": kit.organization,
        "support_channel": kit.guidelines.support_channel,
        "person": person,
        "formal": bool(person and person.voice.tone == "formal"),
        "area": area,
        "colleague": colleague,
        "variant": 0,
    }
    advice = drafter.render(template, {**context, "part": "advice"})
    text = drafter.render(template, {**context, "part": "reply"})
    description = SITUATIONS[key].get(language, SITUATIONS[key]["en"])
    return Reply(
        situation=key,
        language=language,
        description=description,
        advice=[line.lstrip("-– ").strip() for line in advice.splitlines() if line.strip()],
        text=text,
        template=template.name or "",
        prompts=drafter.prompts_in(text),
        colleague=colleague.name if colleague else None,
    )
