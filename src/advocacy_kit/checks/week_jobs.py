"""The week's checks as jobs: the people checks with the scan, and each day's comparison.

:func:`by_jobs` does them in this process alone, or split into two halves of about equal cost
with a second process: a :class:`~advocacy_kit.parallel.Helper` that compares days from their
texts, or a worker forked for the second half (:func:`~advocacy_kit.parallel.map_in_halves`).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress
from operator import attrgetter
from typing import Literal, TypeVar, cast

from .. import parallel
from ..calendar import CalendarEntry, Finding
from ..models import Kit
from .people import people_findings
from .similarity import ClosePairs, days_of, findings_of_pairs

__all__ = ["Scan", "by_jobs"]

_DRAFT_ID = attrgetter("draft.id")

# The entries' draft ids, and the places of the entries with a finding that lacks a place.
Scan = tuple[list[str], list[int]]


def _scanned(entries: list[CalendarEntry]) -> Scan:
    """Every entry's draft id, and where a plugin's finding needs its place filled in."""
    ids = []
    unplaced = []
    for at, entry in enumerate(entries):
        ids.append(entry.draft.id)
        for finding in entry.findings:
            if (
                finding.person_id is None
                or finding.slot_id is None
                or finding.platform is None
                or finding.template is None
            ):
                unplaced.append(at)
                break
    return ids, unplaced


# What the people checks and the scan together cost next to comparing a day's drafts, per entry:
# one job like the days, done in this process (see :func:`by_jobs`). Measured on the
# 10,000-person week with the drafting worker as helper: 3.8 µs an entry against 21–24 µs for
# a day here; this process also takes out and sends the texts of the helper's days, and the
# helper compares a little faster. With 0.25 (some 22,000 entries here, 35,000 there) the
# checks took 0.80–0.86 s, with 0.15 (25,000 here) 0.83–0.88 s, this process the last to end.
_PEOPLE_SHARE = 0.25

_Job = list[CalendarEntry] | Literal["people"]  # one day's entries, or the people and the scan
_DayDone = tuple[list[tuple[int, int, float]], dict[str, list[Finding]]]
_Done = _DayDone | tuple[dict[str, list[Finding]], Scan]


def by_jobs(
    kit: Kit,
    entries: list[CalendarEntry],
    language: str,
    scan: bool,
    *,
    fork: bool,
    helper: parallel.Helper | None,
) -> tuple[dict[str, list[Finding]], dict[str, list[Finding]], Scan]:
    """The similarity and the people findings, and the scan, done as jobs.

    The jobs are checking the people with scanning the entries (every draft id, which also
    tells whether the day's findings can be used as they are, below), and comparing each day.
    With ``helper`` or ``fork`` they are split into two halves of about equal cost
    (:func:`_balanced`); this process does the first while the helper compares the days of the
    second from their texts (:func:`_with_helper`), or else a forked worker does them
    (:func:`parallel.map_in_halves`); without either, this process does them in turn. The people and
    the scan read every entry: after a fork, the first write to each memory page the two
    processes share costs a copy, so one process reads them all, and it is this one, which
    needs the draft ids (they are not sent back from the worker). Each day's
    findings are made with its pairs, where it was compared: a day's drafts are close only to
    drafts of that day, so with every draft id once in the week, they are the week's findings
    of those drafts (the scan's ids tell, without another look at every entry).
    (With a draft id twice, its findings come from all its pairs, as :func:`findings_of_pairs`
    makes them for the whole week.)
    """
    close_pairs = ClosePairs(kit)
    people_weight = int(len(entries) * _PEOPLE_SHARE)

    def weight(job: _Job) -> int:
        return people_weight if isinstance(job, str) else len(job)

    every: list[_Job] = ["people", *days_of(entries)]

    def work(job: _Job) -> _Done:
        if job == "people":
            found = people_findings(kit, entries, language)
            return found, _scanned(entries) if scan else (list(map(_DRAFT_ID, entries)), [])
        assert not isinstance(job, str)
        pairs = close_pairs(job)
        # The day's findings, used when every draft id is once in the week (see below).
        return pairs, close_pairs.findings(job, pairs, language)

    if len(every) < 2:
        helper = None  # no days to share
    if helper is not None or fork:
        here, there = _balanced(every, weight)  # the people and the scan here
        jobs: list[_Job] = [*here, *there]
        if helper is not None:
            days_there = cast(list[list[CalendarEntry]], there)
            done = _with_helper(here, days_there, work, helper, close_pairs, language)
        else:
            done = parallel.map_in_halves(
                jobs,
                work,
                pack=lambda result: result,
                unpack=lambda _, result: result,
                minimum=2,
                first=len(here),
            )
    else:
        jobs = every
        done = list(map(work, jobs))
    people: dict[str, list[Finding]] = {}
    scanned: Scan = ([], [])
    day_jobs: list[list[CalendarEntry]] = []
    by_day: list[_DayDone] = []
    for job, result in zip(jobs, done, strict=True):
        if job == "people":
            assert isinstance(result, tuple) and isinstance(result[0], dict)
            people, scanned = result
        else:
            assert not isinstance(job, str) and isinstance(result, tuple)
            day_jobs.append(job)
            by_day.append(cast(_DayDone, result))
    ids = scanned[0]
    if len(set(ids)) < len(ids):
        # A draft id twice: its findings from all its pairs in the week.
        days = [(day, pairs) for day, (pairs, _) in zip(day_jobs, by_day, strict=True)]
        return findings_of_pairs(kit, entries, days, language), people, scanned
    found: dict[str, list[Finding]] = {}
    for _, findings in by_day:
        found.update(findings)
    # In the order of the entries, as for the whole week at once.
    similar = {slot_id: found[slot_id] for slot_id in compress(ids, map(found.__contains__, ids))}
    return similar, people, scanned


def _with_helper(
    here: list[_Job],
    there: list[list[CalendarEntry]],
    work: Callable[[_Job], _Done],
    helper: parallel.Helper,
    close_pairs: ClosePairs,
    language: str,
) -> list[_Done]:
    """``[work(job) for job in [*here, *there]]``, the days ``there`` compared by ``helper``.

    The helper gets each day's texts (a few megabytes of plain strings) and sends back their
    pairs that read alike, whoever wrote them; the pairs of one person are left out here, so a
    day's pairs are exactly what ``close_pairs`` finds for its entries. A day the helper could
    not compare is compared here, raising any error as it would in one process.
    """
    sent = [_send(helper, day) for day in there]
    done = list(map(work, here))
    for day, went in zip(there, sent, strict=True):
        compared, found = helper.take() if went else (False, [])
        if compared:
            pairs = close_pairs.of_colleagues(day, found)
            done.append((pairs, close_pairs.findings(day, pairs, language)))
        else:
            done.append(work(day))
    return done


def _send(helper: parallel.Helper, day: list[CalendarEntry]) -> bool:
    """Give ``helper`` the day's texts; False if it does not take them (compared here)."""
    try:
        texts = ClosePairs.texts(day)
    except Exception:  # compared here, where the error is raised in its turn
        return False
    return helper.send(texts)


_JobT = TypeVar("_JobT")


def _balanced(jobs: list[_JobT], weight: Callable[[_JobT], int]) -> tuple[list[_JobT], list[_JobT]]:
    """``jobs`` split in two halves of about equal total ``weight``, each in its given order;
    the first job is in the first half."""
    weights = [weight(job) for job in jobs]
    total = sum(weights)
    if len(jobs) > 12:  # not a week: the heavier jobs first, each to the lighter half
        mine: set[int] = set()
        load_here = load_there = 0
        for at in sorted(range(len(jobs)), key=weights.__getitem__, reverse=True):
            if load_here <= load_there:
                mine.add(at)
                load_here += weights[at]
            else:
                load_there += weights[at]
        chosen = sum(1 << at for at in mine)
    else:
        # A week has a few days and two other checks: try every split.
        chosen = min(
            range(1 << len(jobs)),
            key=lambda mask: abs(
                total - 2 * sum(w for at, w in enumerate(weights) if mask >> at & 1)
            ),
        )
    if not chosen & 1:  # the halves are as even either way round
        chosen ^= (1 << len(jobs)) - 1
    return (
        [job for at, job in enumerate(jobs) if chosen >> at & 1],
        [job for at, job in enumerate(jobs) if not chosen >> at & 1],
    )
