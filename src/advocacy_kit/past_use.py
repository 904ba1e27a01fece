"""What earlier weeks tell the planner: who had which topic when, and drafts kept as they are.

The history builds these values (:meth:`advocacy_kit.history.History.past_use`); the planner only
reads them, so planning works the same with a history, an empty one, or none.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from .weeks import IsoWeek, parse_week

__all__ = ["KeptDraft", "PastUse", "weeks_between"]


@functools.cache
def _monday(week: str) -> dt.date:
    return parse_week(week).monday


@dataclass(frozen=True)
class KeptDraft:
    """A draft of the planned week that the history keeps as it is (approved, posted, edited)."""

    topic_id: str
    kind: str
    variant: int
    status: str
    start: dt.datetime | None = None


@dataclass(frozen=True)
class PastUse:
    """What earlier weeks say, as the planner needs it (built by :class:`~advocacy_kit.history.History`).

    ``last_week`` maps person → topic → the latest earlier ISO week (``2026-W44``) in which the
    topic was planned, approved or posted for them; ``kit_counts`` counts each topic's uses across
    the kit inside the freshness window; ``kept`` maps slot ids of the planned week to drafts
    that stay as they are.
    """

    last_week: dict[str, dict[str, str]] = field(default_factory=dict)
    kit_counts: dict[str, int] = field(default_factory=dict)
    kept: dict[str, KeptDraft] = field(default_factory=dict)


def weeks_between(earlier: str, later: IsoWeek) -> int:
    """Whole weeks from the ISO week ``earlier`` (``2026-W44``) to ``later``."""
    return (later.monday - _monday(earlier)).days // 7
