"""Whether a topic fits a day, and which language a person writes about it in.

Planning reads a few fields of every topic it considers, tens of times per slot in a large
week. A pydantic model's field is read by the slow attribute path (the model class defines
``__getattr__``), so the planner works with :class:`TopicFacts`: the same fields, copied once
per plan into plain attributes. Everything here takes either (:class:`TopicFields`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from .models import Person, Topic

__all__ = ["TopicFacts", "TopicFields", "draft_language", "valid_in", "valid_on"]


class TopicFields(Protocol):
    """The fields of a :class:`~advocacy_kit.models.Topic` that planning reads."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def areas(self) -> Sequence[str]: ...

    @property
    def kind(self) -> str | None: ...

    @property
    def languages(self) -> Sequence[str]: ...

    @property
    def valid_from(self) -> dt.date | None: ...

    @property
    def valid_until(self) -> dt.date | None: ...


class TopicFacts:
    """A topic's :class:`TopicFields`, copied into plain attributes (read without a lookup
    in the model's dictionary), and the topic itself.

    The topic's lists are shared, not copied: a plan only reads them.
    """

    __slots__ = (
        "areas",
        "fit_key",
        "id",
        "kind",
        "languages",
        "title",
        "topic",
        "valid_from",
        "valid_until",
    )

    def __init__(self, topic: Topic) -> None:
        self.topic = topic
        self.id: str = topic.id
        self.title: str = topic.title
        self.areas: list[str] = topic.areas
        self.kind: str | None = topic.kind
        self.languages: Sequence[str] = topic.languages
        self.valid_from = topic.valid_from
        self.valid_until = topic.valid_until
        # How the planner remembers a person's fit with the topic's areas: the area itself
        # for a topic of one area (nearly all), else the areas as a tuple.
        areas = topic.areas
        self.fit_key: object = areas[0] if len(areas) == 1 else tuple(areas)


def draft_language(topic: TopicFields, person: Person) -> str:
    """The language of a draft on ``topic``: the person's first that the topic suits."""
    if not topic.languages or person.language in topic.languages:
        return person.language
    return next(lang for lang in person.languages if lang in topic.languages)


def valid_on(topic: TopicFields, day: dt.date) -> bool:
    """Whether ``topic`` may be posted on ``day`` (its valid_from/valid_until)."""
    if topic.valid_from and day < topic.valid_from:
        return False
    return not (topic.valid_until and day > topic.valid_until)


def valid_in(topic: TopicFields, first: dt.date, last: dt.date) -> bool:
    """Whether ``topic`` may be posted on some day from ``first`` to ``last``."""
    if topic.valid_from and last < topic.valid_from:
        return False
    return not (topic.valid_until and first > topic.valid_until)
