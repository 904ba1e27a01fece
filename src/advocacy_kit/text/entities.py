"""Hashtags, cashtags and mentions as most networks read them.

These follow twitter-text's conventions: a hashtag needs at least one letter and must not follow a
letter, digit or ``&``; a mention is ``@user`` (optionally ``@user@instance`` for the fediverse);
a cashtag is ``$`` and one to six letters. Bluesky's own rules live in :mod:`.richtext`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

__all__ = ["Entity", "cashtags", "few_hashtags", "hashtags", "mentions", "more_signs_than"]

_HASHTAG = regex.compile(
    r"(?<![\p{L}\p{M}\p{Nd}_&])[#＃](?![\ufe0f\u20e3])([\p{L}\p{M}\p{Nd}_]*\p{L}[\p{L}\p{M}\p{Nd}_]*)"
)
_MENTION = regex.compile(
    r"(?<![\p{L}\p{Nd}_!#$%&*@＠])[@＠]([A-Za-z0-9_]{1,30})(?:@([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?))?"
)
_CASHTAG = regex.compile(r"(?<![^\s(])\$([A-Za-z]{1,6}(?:[._][A-Za-z]{1,2})?)(?=$|\s|\p{P})")


@dataclass(frozen=True)
class Entity:
    """A hashtag, cashtag or mention: its text without the sign, the sign, and its span."""

    value: str
    text: str
    start: int
    end: int
    domain: str | None = None


# Formatting a post looks for its tags, then counting and validating it look again (Threads,
# Instagram): the tags of the last few texts are kept. Entities are frozen, and each caller gets
# a list of its own.
_REMEMBERED = 64
_tags_of: dict[str, tuple[Entity, ...]] = {}


def hashtags(text: str) -> list[Entity]:
    """Hashtags in order (``#OpenSource`` → value ``OpenSource``)."""
    if "#" not in text and "＃" not in text:
        return []  # every hashtag starts with one of these signs
    if type(text) is not str:  # a subclass may compare or hash otherwise: no memory for it
        return [Entity(m[1], m[0], m.start(), m.end()) for m in _HASHTAG.finditer(text)]
    found = _tags_of.get(text)
    if found is None:
        if len(_tags_of) >= _REMEMBERED:
            _tags_of.clear()
        found = tuple(Entity(m[1], m[0], m.start(), m.end()) for m in _HASHTAG.finditer(text))
        _tags_of[text] = found
    return list(found)


def more_signs_than(text: str, most: int) -> bool:
    """Whether ``text`` has more hashtag signs (``#``, ``＃``) than ``most``."""
    return text.count("#") + text.count("＃") > most


def few_hashtags(text: str, most: int) -> bool:
    """True when ``text`` has too few signs (``#``, ``＃``) for more than ``most`` hashtags.

    Every hashtag starts at a sign of its own, so then ``len(hashtags(text)) <= most`` without
    looking for them; False means: look (there may still be no more than ``most``).
    """
    return type(text) is str and not more_signs_than(text, most)


def mentions(text: str) -> list[Entity]:
    """Mentions in order; ``@user@instance`` carries the instance as ``domain``."""
    if "@" not in text and "＠" not in text:
        return []  # every mention starts with one of these signs
    return [Entity(m[1], m[0], m.start(), m.end(), m[2]) for m in _MENTION.finditer(text)]


def cashtags(text: str) -> list[Entity]:
    """Cashtags in order (``$ACME`` → value ``ACME``)."""
    return [Entity(m[1], m[0], m.start(), m.end()) for m in _CASHTAG.finditer(text)]
