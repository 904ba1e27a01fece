"""Whether a topic fits a day, and which language a person writes about it in."""

from __future__ import annotations

import datetime as dt

from .models import Person, Topic

__all__ = ["draft_language", "valid_in", "valid_on"]


def draft_language(topic: Topic, person: Person) -> str:
    """The language of a draft on ``topic``: the person's first that the topic suits."""
    if not topic.languages or person.language in topic.languages:
        return person.language
    return next(lang for lang in person.languages if lang in topic.languages)


def valid_on(topic: Topic, day: dt.date) -> bool:
    """Whether ``topic`` may be posted on ``day`` (its valid_from/valid_until)."""
    if topic.valid_from and day < topic.valid_from:
        return False
    return not (topic.valid_until and day > topic.valid_until)


def valid_in(topic: Topic, first: dt.date, last: dt.date) -> bool:
    """Whether ``topic`` may be posted on some day from ``first`` to ``last``."""
    if topic.valid_from and last < topic.valid_from:
        return False
    return not (topic.valid_until and first > topic.valid_until)
