"""Posts → findings: what a person should look at before posting.

Each finding has a stable code (``AK101`` …, listed in :data:`CODES` and in ``docs/checks.md``),
a severity, a message in the kit's language that says what to do, and where it belongs (person,
slot, platform, template). Checks come in two steps:

- :func:`check_post` looks at one post: platform validity (AK1xx), disclosure (AK2xx), blocked
  terms (AK3xx), prompts (AK4xx), tracking parameters on the employer's links (AK7xx).
  House rules from plugins (the ``check_post`` hook) are added after these by the pipeline.
- :func:`check_week` looks at the whole week: near-duplicate drafts among colleagues on one day
  (AK5xx) and each person's cap, sharing hours, languages and choices (AK6xx).

:func:`check_edited` checks text a person has edited, where a prompt left in is an error.
"""

from __future__ import annotations

from .. import parallel
from ..calendar import CalendarEntry, Draft, Finding, Post
from ..models import Kit
from ..platforms.base import Platform, PlatformOptions
from .disclosure import disclosure_findings
from .links import link_findings
from .messages import CODES, CheckCode, language_of
from .people import people_findings
from .platform_rules import platform_findings
from .prompts import prompt_findings
from .similarity import ClosePairs, days_of, findings_of_pairs, similarity_findings
from .terms import term_findings
from .where import Where

__all__ = ["CODES", "CheckCode", "check_edited", "check_post", "check_week", "week_findings"]


def check_post(
    post: Post,
    draft: Draft,
    kit: Kit,
    platform: Platform,
    options: PlatformOptions,
    *,
    edited: bool = False,
) -> list[Finding]:
    """The built-in findings for one post; ``edited=True`` for text a person has worked on."""
    where = Where.of(draft, post.platform, language_of(kit))
    text = post.text
    # Each check returns a new list: the first one takes the others' findings in order.
    findings = platform_findings(post, kit, platform, options, where, text=text)
    findings += disclosure_findings(post, draft, kit, where)
    findings += term_findings(text, kit, where)
    findings += prompt_findings(text, kit, where, edited=edited)
    findings += link_findings(text, kit, where)
    return findings


def week_findings(kit: Kit, entries: list[CalendarEntry]) -> dict[str, list[Finding]]:
    """Findings that need the whole week, by slot id (the draft's id)."""
    language = language_of(kit)
    if len(entries) >= parallel.THRESHOLD:
        similar, people = _in_two_processes(kit, entries, language)
    else:
        similar = similarity_findings(kit, entries, language)
        people = people_findings(kit, entries, language)
    found: dict[str, list[Finding]] = {}
    for part in (similar, people):
        for slot_id, findings in part.items():
            found.setdefault(slot_id, []).extend(findings)
    return found


# What the people checks cost next to comparing a day's drafts, per entry: they go with the
# days this process compares while a worker compares the others.
_PEOPLE_SHARE = 0.17

_Job = list[CalendarEntry] | None  # one day's entries, or ``None`` for the people checks
_Done = list[tuple[int, int, float]] | dict[str, list[Finding]]


def _in_two_processes(
    kit: Kit, entries: list[CalendarEntry], language: str
) -> tuple[dict[str, list[Finding]], dict[str, list[Finding]]]:
    """The similarity and the people findings, the days split between two processes.

    This process checks the people and some days while a forked worker compares the other
    days: :func:`parallel.map_in_halves` gives the first jobs to this process, so the people
    checks come first, and the days are ordered so that both halves take about as long.
    """
    close_pairs = ClosePairs(kit)
    people_weight = int(len(entries) * _PEOPLE_SHARE)
    here, there = _balanced(days_of(entries), people_weight)
    jobs: list[_Job] = [None, *here, *there]

    def work(job: _Job) -> _Done:
        if job is None:
            return people_findings(kit, entries, language)
        return close_pairs(job)

    done = parallel.map_in_halves(
        jobs,
        work,
        pack=lambda result: result,
        unpack=lambda _, result: result,
        minimum=2,
        weight=lambda job: people_weight if job is None else len(job),
    )
    people = done[0]
    assert isinstance(people, dict)
    days = []
    for job, pairs in zip(jobs[1:], done[1:], strict=True):
        assert job is not None and isinstance(pairs, list)
        days.append((job, pairs))
    return findings_of_pairs(kit, entries, days, language), people


def _balanced(
    days: list[list[CalendarEntry]], head_start: int
) -> tuple[list[list[CalendarEntry]], list[list[CalendarEntry]]]:
    """The days split in two about equal halves by entries, the first one ``head_start`` ahead."""
    if len(days) > 12:  # not a week: the larger days first, each to the lighter half
        here: list[list[CalendarEntry]] = []
        there: list[list[CalendarEntry]] = []
        load_here, load_there = head_start, 0
        for day in sorted(days, key=len, reverse=True):
            if load_here <= load_there:
                here.append(day)
                load_here += len(day)
            else:
                there.append(day)
                load_there += len(day)
        return here, there
    total = head_start + sum(map(len, days))
    # A week has at most a few days: try every split.
    best = min(
        range(1 << len(days)),
        key=lambda chosen: abs(
            total - 2 * (head_start + sum(len(d) for at, d in enumerate(days) if chosen >> at & 1))
        ),
    )
    return (
        [day for at, day in enumerate(days) if best >> at & 1],
        [day for at, day in enumerate(days) if not best >> at & 1],
    )


def _placed(finding: Finding, entry: CalendarEntry) -> Finding:
    """A plugin's finding with the entry's person, slot, platform and template filled in."""
    if (
        finding.person_id is not None
        and finding.slot_id is not None
        and finding.platform is not None
        and finding.template is not None
    ):
        return finding  # the usual case: nothing to fill in
    missing = {
        name: value
        for name, value in (
            ("person_id", entry.slot.person_id),
            ("slot_id", entry.draft.id),
            ("platform", entry.post.platform),
            ("template", entry.draft.template),
        )
        if getattr(finding, name) is None
    }
    return finding.model_copy(update=missing) if missing else finding


def check_week(kit: Kit, entries: list[CalendarEntry]) -> list[CalendarEntry]:
    """The entries with the week's findings added to the ones they belong to.

    Findings a plugin returned without saying where get their entry's place filled in.
    """
    extra = week_findings(kit, entries)
    checked = []
    for entry in entries:
        added = extra.get(entry.draft.id)
        if not added:
            for finding in entry.findings:
                if (
                    finding.person_id is None
                    or finding.slot_id is None
                    or finding.platform is None
                    or finding.template is None
                ):
                    break  # a place to fill in
            else:
                checked.append(entry)  # nothing to add or fill in: the entry stays as it is
                continue
        placed = [_placed(finding, entry) for finding in entry.findings]
        if not added and all(new is old for new, old in zip(placed, entry.findings, strict=True)):
            checked.append(entry)
            continue
        checked.append(entry.model_copy(update={"findings": [*placed, *(added or [])]}))
    return checked


def check_edited(entry: CalendarEntry, text: str, kit: Kit) -> list[Finding]:
    """Check the text a person made of ``entry``'s draft, as it would be posted.

    The text is formatted for the entry's platform again; a prompt still in it is an error
    (AK402), and house rules from plugins run too. Cross-draft checks need the week: use
    :func:`check_week` for those.
    """
    from ..plugins import get_platform, get_plugin_manager
    from ..posting import format_post

    platform = get_platform(entry.post.platform)
    person = kit.person(entry.slot.person_id)
    account = person.accounts.get(platform.name)
    options = platform.options(account.options if account else None)
    draft = entry.draft.model_copy(update={"text": text, "edited": True})
    post = format_post(
        platform,
        text,
        options,
        disclosure=draft.disclosure,
        language=draft.assignment.language,
    )
    findings = check_post(post, draft, kit, platform, options, edited=True)
    for extra in get_plugin_manager().hook.check_post(post=post, draft=draft, kit=kit):
        findings.extend(_placed(finding, entry) for finding in extra or [])
    return findings
