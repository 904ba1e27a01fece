"""The posting history's schema and rows: migrations, statuses, and one draft as stored.

:mod:`advocacy_kit.history` opens, migrates, reads and writes the database; this module says
what is in it.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MIGRATIONS",
    "NEXT_STATUSES",
    "SCHEMA_VERSION",
    "STATUSES",
    "HistoryRecord",
    "RecordSummary",
    "record_from_row",
]

STATUSES = ("planned", "approved", "posted", "skipped")
# Which status may follow which. Posted is final; a skipped draft can still be posted after all.
NEXT_STATUSES: dict[str, set[str]] = {
    "planned": {"approved", "posted", "skipped"},
    "approved": {"posted", "skipped"},
    "skipped": {"approved", "posted"},
    "posted": set(),
}

MIGRATIONS: tuple[str, ...] = (
    # 1: one row per planned draft.
    """
    CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        week TEXT NOT NULL,
        person_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        slot_start TEXT NOT NULL,
        timezone TEXT NOT NULL,
        topic_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        variant INTEGER NOT NULL DEFAULT 0,
        language TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'planned'
            CHECK (status IN ('planned', 'approved', 'posted', 'skipped')),
        planned_text TEXT NOT NULL,
        edited_text TEXT,
        planned_at TEXT NOT NULL,
        approved_at TEXT,
        posted_at TEXT,
        skipped_at TEXT,
        edited_at TEXT
    );
    """,
    # 2: freshness looks drafts up by person and week.
    """
    CREATE INDEX drafts_person_week ON drafts (person_id, week);
    CREATE INDEX drafts_week ON drafts (week);
    """,
    # 3: an edited thread keeps its parts as the person wrote them (JSON list of strings).
    """
    ALTER TABLE drafts ADD COLUMN edited_parts TEXT;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class HistoryRecord:
    """One draft as the history knows it."""

    id: str
    week: str
    person_id: str
    platform: str
    slot_start: dt.datetime
    timezone: str
    topic_id: str
    kind: str
    variant: int
    language: str
    status: str
    planned_text: str
    edited_text: str | None
    planned_at: dt.datetime
    approved_at: dt.datetime | None = None
    posted_at: dt.datetime | None = None
    skipped_at: dt.datetime | None = None
    edited_at: dt.datetime | None = None
    edited_parts: tuple[str, ...] | None = None
    """The parts of an edited thread, as the person wrote them (None for a single post)."""

    @property
    def text(self) -> str:
        """The text as edited, or as planned when nobody edited it."""
        return self.edited_text if self.edited_text is not None else self.planned_text

    @property
    def kept(self) -> bool:
        """True when planning again must leave this draft as it is."""
        return self.status != "planned" or self.edited_text is not None


@dataclass(frozen=True)
class RecordSummary:
    """What :meth:`History.record_planned` did, by draft id."""

    inserted: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the history is different afterwards."""
        return bool(self.inserted or self.updated or self.withdrawn)


def _when(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def record_from_row(row: sqlite3.Row) -> HistoryRecord:
    """A stored row as a :class:`HistoryRecord`."""
    values: dict[str, Any] = dict(row)
    for key in ("slot_start", "planned_at", "approved_at", "posted_at", "skipped_at", "edited_at"):
        values[key] = _when(values[key])
    parts = values.get("edited_parts")
    values["edited_parts"] = tuple(json.loads(parts)) if parts else None
    return HistoryRecord(**values)
