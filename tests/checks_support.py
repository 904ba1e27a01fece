"""Small builders for check tests: a kit in either language, and entries with chosen text."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from advocacy_kit import Assignment, CalendarEntry, Draft, Finding, Kit, Post, Slot
from advocacy_kit.checks import check_post
from advocacy_kit.plugins import get_platform

BERLIN = ZoneInfo("Europe/Berlin")
TUESDAY = dt.datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN)
DISCLOSURE = {"de": "Ich arbeite bei Acme.", "en": "I work at Acme."}


def make_kit(
    language: str = "en", settings: dict[str, Any] | None = None, **guidelines: Any
) -> Kit:
    """Two people (Ada, Bo) who post in ``language`` on LinkedIn and Mastodon, and two topics."""

    def person(person_id: str, name: str) -> dict[str, Any]:
        return {
            "id": person_id,
            "name": name,
            "languages": [language],
            "expertise": {"work": "expert"},
            "accounts": {
                "linkedin": {"cadence": "tue 09:00"},
                "mastodon": {"cadence": "tue 10:00"},
            },
        }

    return Kit.model_validate(
        {
            "organization": {"name": "Acme", "language": language, "timezone": "Europe/Berlin"},
            "guidelines": guidelines,
            "areas": [{"id": "work", "name": "Work"}],
            "topics": [
                {"id": "plain", "title": "Plain", "areas": ["work"]},
                {"id": "promo", "title": "Promo", "areas": ["work"], "promotes_employer": True},
            ],
            "people": [person("ada", "Ada"), person("bo", "Bo")],
            "settings": settings or {},
        }
    )


def make_entry(
    kit: Kit,
    text: str,
    *,
    person: str = "ada",
    platform: str = "linkedin",
    topic: str = "plain",
    start: dt.datetime = TUESDAY,
    parts: list[str] | None = None,
    language: str | None = None,
) -> CalendarEntry:
    """An entry whose draft and post carry ``text`` (or ``parts`` as a thread)."""
    slot = Slot(person_id=person, platform=platform, start=start, timezone="Europe/Berlin")
    assignment = Assignment(
        slot=slot,
        topic_id=topic,
        topic_title=topic,
        kind="tip",
        language=language or kit.organization.language,
    )
    draft = Draft(id=slot.id, assignment=assignment, text=text, template="en/tip.j2")
    parts = parts if parts is not None else [text]
    post = Post(platform=platform, parts=parts, length=0, limit=0, valid=True)
    return CalendarEntry(slot=slot, assignment=assignment, draft=draft, post=post)


def post_findings(kit: Kit, entry: CalendarEntry, *, edited: bool = False) -> list[Finding]:
    """The built-in findings for the entry's post."""
    platform = get_platform(entry.post.platform)
    return check_post(entry.post, entry.draft, kit, platform, platform.options(), edited=edited)


def codes(findings: list[Finding]) -> list[str]:
    """The codes, in order."""
    return [finding.code for finding in findings]
