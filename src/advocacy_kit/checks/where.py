"""Where a finding belongs: person, slot, platform, template — and the language to say it in."""

from __future__ import annotations

from dataclasses import dataclass

from ..calendar import CalendarEntry, Draft, Finding
from ..prevalidated import (
    _SET_DICT,
    _SET_EXTRA,
    _SET_FIELDS_SET,
    _SET_PRIVATE,
    _direct_fields,
    prevalidated,
    shared_fields_set,
)
from .messages import CODES

__all__ = ["Where"]


@dataclass(frozen=True)
class Where:
    """The place findings for one post are pinned to, and the language of their messages."""

    person_id: str
    slot_id: str
    platform: str
    template: str
    language: str

    @classmethod
    def of(cls, draft: Draft, platform: str, language: str) -> Where:
        """The place of a draft's post on ``platform``."""
        # Every post is checked: set the fields as the frozen dataclass's __init__ would (it
        # has no defaults or post-init), without its one object.__setattr__ call per field.
        where = object.__new__(cls)
        object.__setattr__(
            where,
            "__dict__",
            {
                "person_id": draft.assignment.slot.person_id,
                "slot_id": draft.id,
                "platform": platform,
                "template": draft.template,
                "language": language,
            },
        )
        return where

    @classmethod
    def of_entry(cls, entry: CalendarEntry, language: str) -> Where:
        """The place of a calendar entry."""
        return cls.of(entry.draft, entry.post.platform, language)

    def finding(self, code: str, message: str) -> Finding:
        """A finding with ``code``'s severity, pinned here."""
        # A known code's severity and a place taken from validated values: nothing to validate.
        values = {
            "code": code,
            "severity": CODES[code].severity,
            "message": message,
            "person_id": self.person_id,
            "slot_id": self.slot_id,
            "platform": self.platform,
            "template": self.template,
        }
        if not _DIRECT:
            return prevalidated(Finding, values)
        # What prevalidated builds for these values, which name every field in the model's
        # order (checked once, below), without looking that up again for every finding.
        finding = _new(Finding)
        _SET_DICT(finding, values)
        _SET_FIELDS_SET(finding, _FIELDS)
        _SET_EXTRA(finding, None)
        _SET_PRIVATE(finding, None)
        return finding


_new = Finding.__new__
_FIELDS = shared_fields_set(Finding, Finding.model_fields)
_DIRECT = _direct_fields(Finding) == (
    "code",
    "severity",
    "message",
    "person_id",
    "slot_id",
    "platform",
    "template",
)
