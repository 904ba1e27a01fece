"""What was planned, approved, posted or skipped: the posting history, in SQLite.

The history lives next to the kit (``.advocacy-kit/history.sqlite3`` unless
``settings.history_path`` says otherwise). Each planned draft is one row under its stable id
(person, platform, local slot time), with its status — planned → approved → posted, or
skipped — and when each status was reached, the text as planned and as edited.

Planning reads it for freshness (which topic each person had when) and writes each planned week
back idempotently: planning a week again changes nothing that is already right, and never
touches a draft that is approved, posted, skipped or edited. The schema is versioned
(``PRAGMA user_version``) and migrated on open; the database runs in WAL mode and every write is
one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from .calendar import Calendar
from .errors import UsageError
from .history_schema import (
    MIGRATIONS,
    NEXT_STATUSES,
    SCHEMA_VERSION,
    STATUSES,
    HistoryRecord,
    RecordSummary,
    record_from_row,
)
from .models import Kit
from .past_use import KeptDraft, PastUse
from .weeks import IsoWeek

__all__ = ["HISTORY_ENV", "STATUSES", "History", "HistoryRecord", "RecordSummary"]

HISTORY_ENV = "ADVOCACY_KIT_HISTORY"
MEMORY = ":memory:"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class History:
    """The posting history of one kit. Use it as a context manager so it is closed::

    with History.for_kit(kit) as history:
        calendar = plan_week(kit, "next", history=history)
    """

    def __init__(self, path: Path, *, clock: Callable[[], dt.datetime] = _utc_now) -> None:
        self.path = Path(path)
        self._clock = clock
        try:
            if str(self.path) != MEMORY:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA busy_timeout = 5000")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise UsageError(
                f"{self.path}: cannot use the history: {error}\n"
                "  hint: point settings.history_path at a new file, or move the damaged one away"
            ) from None
        except OSError as error:
            raise UsageError(
                f"{self.path}: cannot create the history: {error.strerror}\n"
                "  hint: check that the kit folder is writable, or set settings.history_path"
            ) from None

    @classmethod
    def for_kit(cls, kit: Kit) -> History:
        """The kit's history: ``settings.history_path``, relative to the kit folder.

        The environment variable ``ADVOCACY_KIT_HISTORY`` overrides it for one run (a path, or
        ``:memory:`` for a history that is forgotten afterwards, as in tests and dry runs).
        """
        override = os.environ.get(HISTORY_ENV)
        if override == MEMORY:
            return cls(Path(MEMORY))
        path = Path(override or kit.settings.history_path).expanduser()
        if not path.is_absolute() and not override:
            folder = kit._folder if kit._folder is not None else Path.cwd()
            path = Path(folder) / path
        return cls(path)

    def __enter__(self) -> History:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database (a closed history cannot be used again)."""
        self._db.close()

    def _migrate(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise UsageError(
                f"{self.path}: the history has schema version {version}, newer than this "
                f"advocacy-kit knows ({SCHEMA_VERSION})\n  hint: upgrade advocacy-kit"
            )
        for number in range(version + 1, SCHEMA_VERSION + 1):
            with self._transaction():
                for statement in MIGRATIONS[number - 1].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number}")

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    @property
    def schema_version(self) -> int:
        """The schema version the database is at."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def record_planned(self, calendar: Calendar) -> RecordSummary:
        """Record every draft of a planned week, idempotently, in one transaction.

        New drafts are inserted; drafts still only planned are updated when the plan changed;
        approved, posted, skipped and edited drafts are kept as they are. Drafts of that week
        that are only planned and no longer in the calendar are withdrawn (deleted).
        """
        summary = RecordSummary()
        now = self._clock().isoformat()
        with self._transaction():
            existing = {
                row["id"]: record_from_row(row)
                for row in self._db.execute("SELECT * FROM drafts WHERE week = ?", (calendar.week,))
            }
            for entry in calendar.entries:
                draft, slot, assignment = entry.draft, entry.slot, entry.assignment
                values = {
                    "id": draft.id,
                    "week": calendar.week,
                    "person_id": slot.person_id,
                    "platform": slot.platform,
                    "slot_start": slot.start.isoformat(),
                    "timezone": slot.timezone,
                    "topic_id": assignment.topic_id,
                    "kind": assignment.kind,
                    "variant": assignment.variant,
                    "language": assignment.language,
                    # What exports show and people edit: the formatted post, not the raw draft.
                    "planned_text": entry.post.text,
                }
                old = existing.pop(draft.id, None)
                if old is None:
                    self._db.execute(
                        "INSERT INTO drafts (id, week, person_id, platform, slot_start, timezone, "
                        "topic_id, kind, variant, language, planned_text, planned_at) VALUES "
                        "(:id, :week, :person_id, :platform, :slot_start, :timezone, :topic_id, "
                        ":kind, :variant, :language, :planned_text, :planned_at)",
                        {**values, "planned_at": now},
                    )
                    summary.inserted.append(draft.id)
                elif old.kept:
                    summary.kept.append(draft.id)
                elif self._same(old, values):
                    summary.unchanged.append(draft.id)
                else:
                    self._db.execute(
                        "UPDATE drafts SET slot_start = :slot_start, timezone = :timezone, "
                        "topic_id = :topic_id, kind = :kind, variant = :variant, "
                        "language = :language, planned_text = :planned_text, "
                        "planned_at = :planned_at WHERE id = :id",
                        {**values, "planned_at": now},
                    )
                    summary.updated.append(draft.id)
            for old in existing.values():
                if old.kept:
                    summary.kept.append(old.id)
                else:
                    self._db.execute("DELETE FROM drafts WHERE id = ?", (old.id,))
                    summary.withdrawn.append(old.id)
        return summary

    @staticmethod
    def _same(old: HistoryRecord, values: dict[str, Any]) -> bool:
        return (
            old.slot_start.isoformat(),
            old.timezone,
            old.topic_id,
            old.kind,
            old.variant,
            old.language,
            old.planned_text,
        ) == (
            values["slot_start"],
            values["timezone"],
            values["topic_id"],
            values["kind"],
            values["variant"],
            values["language"],
            values["planned_text"],
        )

    def get(self, draft_id: str) -> HistoryRecord | None:
        """The draft with that id, or None."""
        row = self._db.execute("SELECT * FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        return record_from_row(row) if row else None

    def edits(self, week: IsoWeek | str) -> dict[str, HistoryRecord]:
        """The drafts of ``week`` that a person edited, by draft id (one query for the week)."""
        rows = self._db.execute(
            "SELECT * FROM drafts WHERE week = ? AND edited_text IS NOT NULL", (str(week),)
        )
        return {row["id"]: record_from_row(row) for row in rows}

    def _require(self, draft_id: str) -> HistoryRecord:
        record = self.get(draft_id)
        if record is None:
            raise UsageError(
                f"no draft {draft_id!r} in the history ({self.path})\n"
                "  hint: `advocacy-kit history KIT` lists the drafts and their ids"
            )
        return record

    def set_edited_text(self, draft_id: str, text: str, parts: Sequence[str] | None = None) -> None:
        """Store the text as the person edited it; planning again keeps it.

        :param parts: the parts of a thread as the person wrote them, so planning again keeps
            their breaks instead of splitting the joined text anew.
        """
        self._require(draft_id)
        stored_parts = (
            json.dumps(list(parts), ensure_ascii=False) if parts and len(parts) > 1 else None
        )
        with self._transaction():
            self._db.execute(
                "UPDATE drafts SET edited_text = ?, edited_parts = ?, edited_at = ? WHERE id = ?",
                (text, stored_parts, self._clock().isoformat(), draft_id),
            )

    def mark(self, draft_id: str, status: str) -> HistoryRecord:
        """Move a draft to ``approved``, ``posted`` or ``skipped``; record when it happened."""
        record = self._require(draft_id)
        if status not in STATUSES or status == "planned":
            raise UsageError(f"unknown status {status!r}\n  hint: use approved, posted or skipped")
        if status == record.status:
            return record
        if status not in NEXT_STATUSES[record.status]:
            raise UsageError(
                f"draft {draft_id!r} is {record.status}; it cannot become {status}\n"
                "  hint: statuses go planned → approved → posted, or to skipped"
            )
        with self._transaction():
            self._db.execute(
                f"UPDATE drafts SET status = ?, {status}_at = ? WHERE id = ?",
                (status, self._clock().isoformat(), draft_id),
            )
        return self._require(draft_id)

    def records(
        self, *, person: str | None = None, week: str | None = None, status: str | None = None
    ) -> list[HistoryRecord]:
        """Drafts in slot order, optionally only one person's, one week's or one status's."""
        clauses, values = [], []
        for column, value in (("person_id", person), ("week", week), ("status", status)):
            if value is not None:
                clauses.append(f"{column} = ?")
                values.append(value)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._db.execute(
            f"SELECT * FROM drafts{where} ORDER BY week, slot_start, person_id, platform", values
        )
        return [record_from_row(row) for row in rows]

    def past_use(self, week: IsoWeek, freshness_weeks: int) -> PastUse:
        """What the planner needs to know about weeks before ``week`` (and kept drafts in it)."""
        current = str(week)
        window_start = str(week.shifted(-max(freshness_weeks, 1)))
        last_week: dict[str, dict[str, str]] = {}
        for row in self._db.execute(
            "SELECT person_id, topic_id, MAX(week) AS last FROM drafts "
            "WHERE week < ? AND status != 'skipped' GROUP BY person_id, topic_id",
            (current,),
        ):
            last_week.setdefault(row["person_id"], {})[row["topic_id"]] = row["last"]
        kit_counts = {
            row["topic_id"]: int(row["uses"])
            for row in self._db.execute(
                "SELECT topic_id, COUNT(*) AS uses FROM drafts "
                "WHERE week >= ? AND week < ? AND status != 'skipped' GROUP BY topic_id",
                (window_start, current),
            )
        }
        kept = {
            record.id: KeptDraft(
                topic_id=record.topic_id,
                kind=record.kind,
                variant=record.variant,
                status="edited" if record.status == "planned" else record.status,
                start=record.slot_start,
            )
            for record in self.records(week=current)
            if record.kept
        }
        return PastUse(last_week=last_week, kit_counts=kit_counts, kept=kept)


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` when anything fails."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
