"""The posting history: schema, idempotent recording, statuses, freshness across weeks, CLI."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from advocacy_kit import UsageError, load_kit, plan_week
from advocacy_kit.history import SCHEMA_VERSION, History
from advocacy_kit.history_schema import MIGRATIONS
from advocacy_kit.models import Kit
from advocacy_kit.weeks import parse_week

from .conftest import ENGLISH_KIT, GERMAN_KIT

# A kit planned by hand keeps its history in its folder; copies start without one.
KIT_COPY_IGNORE = shutil.ignore_patterns(".advocacy-kit")


class Clock:
    """A clock that moves one minute per reading, so timestamps differ but stay predictable."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 10, 20, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(minutes=1)
        return self.now


@pytest.fixture
def history(tmp_path: Path) -> Iterator[History]:
    with History(tmp_path / "history.sqlite3", clock=Clock()) as store:
        yield store


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


@pytest.fixture(params=[GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def kit_copy(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    target = tmp_path / "kit"
    shutil.copytree(request.param, target, ignore=KIT_COPY_IGNORE)
    return target


def test_new_history_is_migrated_and_in_wal_mode(history: History) -> None:
    assert history.schema_version == SCHEMA_VERSION
    with sqlite3.connect(history.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert {"drafts", "drafts_person_week"} <= tables


def test_an_older_schema_is_migrated_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    # A history as the first schema version wrote it.
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0])
        db.execute("PRAGMA user_version = 1")
    with History(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    with sqlite3.connect(path) as db:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        columns = {row[1] for row in db.execute("PRAGMA table_info(drafts)")}
    assert "drafts_week" in names
    assert "edited_parts" in columns


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(UsageError, match="newer than this"):
        History(path)


def test_planning_a_week_twice_leaves_the_history_unchanged(history: History) -> None:
    kit = load_kit(GERMAN_KIT)
    first = history.record_planned(plan_week(kit, "2026-W44", history=history, record=False))
    assert len(first.inserted) == 7 and first.changed
    before = dump(history.path)
    again = plan_week(kit, "2026-W44", history=history, record=False)
    second = history.record_planned(again)
    assert not second.changed
    assert sorted(second.unchanged) == sorted(first.inserted)
    assert dump(history.path) == before


def test_approved_posted_and_edited_drafts_are_kept(history: History) -> None:
    kit = load_kit(GERMAN_KIT)
    calendar = plan_week(kit, "2026-W44", history=history)
    ids = [draft.id for draft in calendar.drafts]
    history.mark(ids[0], "approved")
    history.mark(ids[1], "posted")
    history.set_edited_text(ids[2], "In meinen eigenen Worten.")
    kept = {draft_id: history.get(draft_id) for draft_id in ids[:3]}
    # Planning again, even with other settings, leaves kept drafts as they are.
    changed = kit.model_copy(
        update={"settings": kit.settings.model_copy(update={"freshness_weeks": 0})}
    )
    summary = history.record_planned(plan_week(changed, "2026-W44", history=history, record=False))
    assert set(ids[:3]) <= set(summary.kept)
    assert {draft_id: history.get(draft_id) for draft_id in ids[:3]} == kept
    record = history.get(ids[2])
    assert record is not None and record.text == "In meinen eigenen Worten."


def test_planned_drafts_no_longer_in_the_plan_are_withdrawn(history: History) -> None:
    kit = load_kit(GERMAN_KIT)
    history.record_planned(plan_week(kit, "2026-W44"))
    lena = kit.person("lena").model_copy(update={"active": False})
    people = [lena if p.id == "lena" else p for p in kit.people]
    summary = history.record_planned(
        plan_week(kit.model_copy(update={"people": people}), "2026-W44")
    )
    assert len(summary.withdrawn) == 3
    assert history.records(person="lena") == []


def test_status_changes_have_timestamps_and_rules(history: History) -> None:
    kit = load_kit(GERMAN_KIT)
    draft_id = plan_week(kit, "2026-W44", history=history).drafts[0].id
    approved = history.mark(draft_id, "approved")
    posted = history.mark(draft_id, "posted")
    assert approved.approved_at is not None and posted.posted_at is not None
    assert posted.approved_at == approved.approved_at < posted.posted_at  # type: ignore[operator]
    assert history.mark(draft_id, "posted") == posted
    with pytest.raises(UsageError, match="cannot become skipped"):
        history.mark(draft_id, "skipped")
    with pytest.raises(UsageError, match="no draft 'nope'"):
        history.mark("nope", "posted")
    with pytest.raises(UsageError, match="unknown status"):
        history.mark(draft_id, "published")


def test_records_filter_by_person_week_and_status(history: History) -> None:
    kit = load_kit(GERMAN_KIT)
    for week in ("2026-W44", "2026-W45"):
        plan_week(kit, week, history=history)
    everything = history.records()
    assert {r.week for r in everything} == {"2026-W44", "2026-W45"}
    lena = history.records(person="lena", week="2026-W44")
    assert lena and {(r.person_id, r.week) for r in lena} == {("lena", "2026-W44")}
    history.mark(lena[0].id, "skipped")
    assert [r.id for r in history.records(status="skipped")] == [lena[0].id]


def _kit_with_topics(write_kit: Callable[..., Path], count: int) -> Kit:
    topics = "".join(f"  - {{id: t{i:02d}, title: T{i}, areas: [testing]}}\n" for i in range(count))
    return load_kit(
        write_kit(
            "organization: {name: Acme, timezone: Europe/Berlin}\n"
            "areas: [{id: testing, name: Testing}]\n"
            f"topics:\n{topics}"
            "people:\n"
            "  - {id: ada, name: Ada, languages: [en], expertise: {testing: expert},\n"
            '     accounts: {linkedin: {cadence: "mon, wed, fri 09:00"}}}\n'
            "  - {id: bo, name: Bo, languages: [en], expertise: {testing: practitioner},\n"
            '     accounts: {mastodon: {cadence: "tue, thu 12:00"}}}\n'
        )
    )


def test_posted_topics_are_not_repeated_within_the_freshness_window(
    write_kit: Callable[..., Path], history: History
) -> None:
    kit = _kit_with_topics(write_kit, 20)
    week = parse_week("2026-W44")
    seen: dict[tuple[str, str], list[int]] = {}
    for offset in range(10):
        calendar = plan_week(kit, week.shifted(offset), history=history)
        assert calendar.entries
        for draft in calendar.drafts:
            history.mark(draft.id, "posted")
            key = (draft.assignment.slot.person_id, draft.assignment.topic_id)
            seen.setdefault(key, []).append(offset)
    for offsets in seen.values():
        assert all(b - a >= kit.settings.freshness_weeks for a, b in itertools.pairwise(offsets))
    assert any(len(offsets) > 1 for offsets in seen.values())  # topics do come back later


def test_skipped_drafts_do_not_count_for_freshness(
    write_kit: Callable[..., Path], history: History
) -> None:
    kit = _kit_with_topics(write_kit, 3)
    first = plan_week(kit, "2026-W44", history=history)
    for draft in first.drafts:
        history.mark(draft.id, "skipped")
    again = plan_week(kit, "2026-W45", history=history)
    assert not [s for s in again.skipped if s.code == "no_topic"]


def test_cli_plan_twice_then_mark_and_list(
    kit_copy: Path, run_cli: Callable[..., object], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ADVOCACY_KIT_HISTORY")
    out = kit_copy.parent / "out"
    first = run_cli("plan", str(kit_copy), "--week", "2026-W44", "--out", str(out), "--explain")
    assert first.exit_code == 0, first.output  # type: ignore[attr-defined]
    db = kit_copy / ".advocacy-kit" / "history.sqlite3"
    before = dump(db)
    second = run_cli("plan", str(kit_copy), "--week", "2026-W44", "--out", str(out))
    german = load_kit(kit_copy).organization.language == "de"  # the CLI speaks the kit's language
    summary = " 0 neu, 0 aktualisiert, 0 behalten" if german else " 0 new, 0 updated, 0 kept"
    assert summary in second.output  # type: ignore[attr-defined]
    assert dump(db) == before
    with History(db) as store:
        draft_id = store.records()[0].id
    marked = run_cli("mark", str(kit_copy), draft_id, "posted")
    posted, one = ("gepostet", "1 Entwurf.") if german else ("posted", "1 draft.")
    assert marked.output.strip() == f"{draft_id}: {posted}"  # type: ignore[attr-defined]
    listed = run_cli("history", str(kit_copy), "--status", "posted")
    assert draft_id in listed.output and one in listed.output  # type: ignore[attr-defined]
    wrong = run_cli("mark", str(kit_copy), "nope", "posted")
    assert wrong.exit_code == 2  # type: ignore[attr-defined]


def test_explain_states_why_each_topic_and_why_times_stayed(
    run_cli: Callable[..., object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ADVOCACY_KIT_HISTORY")
    kit = tmp_path / "kit"
    shutil.copytree(GERMAN_KIT, kit, ignore=KIT_COPY_IGNORE)
    result = run_cli(
        "plan",
        str(kit),
        "--week",
        "2026-W44",
        "--out",
        str(tmp_path / "o"),
        "--explain",
        "--no-history",
    )
    output = result.output  # type: ignore[attr-defined]
    assert "Thema:" in output and "passt zu" in output and "matches" not in output
    assert output.count("Ortszeit") == output.count("Thema:") > 0
    assert "CET (UTC+01:00, Europe/Berlin)" in output
    assert not (kit / ".advocacy-kit").exists()


def test_history_lives_where_the_settings_say(
    write_kit: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ADVOCACY_KIT_HISTORY")
    folder = write_kit()
    kit = load_kit(folder)
    with History.for_kit(kit) as store:
        assert store.path == folder / ".advocacy-kit" / "history.sqlite3"
    elsewhere = kit.model_copy(
        update={"settings": kit.settings.model_copy(update={"history_path": "state/h.db"})}
    )
    elsewhere._folder = folder
    with History.for_kit(elsewhere) as store:
        assert store.path == folder / "state" / "h.db"


def test_a_damaged_history_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(UsageError, match="cannot use the history"):
        History(path)


def test_the_environment_can_point_the_history_elsewhere(
    write_kit: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    kit = load_kit(write_kit())
    monkeypatch.setenv("ADVOCACY_KIT_HISTORY", str(tmp_path / "elsewhere.sqlite3"))
    with History.for_kit(kit) as store:
        assert store.path == tmp_path / "elsewhere.sqlite3"
    monkeypatch.setenv("ADVOCACY_KIT_HISTORY", ":memory:")
    with History.for_kit(kit) as store:
        plan_week(kit, "2026-W49", history=store)
        assert store.records()
    assert not (tmp_path / "kit" / ".advocacy-kit").exists()


def test_history_names_an_unknown_person(
    run_cli: Callable[..., object],
) -> None:
    result = run_cli("history", str(ENGLISH_KIT), "--person", "nobody")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "unknown person 'nobody'; known: marcus, noor, priya, sam" in result.output  # type: ignore[attr-defined]
