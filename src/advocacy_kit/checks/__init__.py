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

from collections.abc import Callable, Sequence
from itertools import compress

from .. import parallel
from ..calendar import CalendarEntry, Draft, Finding, Post
from ..models import Kit
from ..platforms.base import Count, Platform, PlatformOptions
from .disclosure import disclosure_required, required_disclosure_findings
from .links import link_findings
from .messages import CODES, CheckCode, language_of
from .platform_rules import _platform_findings, platform_findings
from .prompts import prompt_findings
from .similarity import ClosePairs
from .terms import term_findings
from .week_jobs import Scan, by_jobs
from .where import Where

__all__ = [
    "CODES",
    "CheckCode",
    "check_edited",
    "check_post",
    "check_week",
    "week_findings",
    "week_helper",
]


def check_post(
    post: Post,
    draft: Draft,
    kit: Kit,
    platform: Platform,
    options: PlatformOptions,
    *,
    edited: bool = False,
    counts: Sequence[Count] | None = None,
) -> list[Finding]:
    """The built-in findings for one post; ``edited=True`` for text a person has worked on.

    ``counts``: the platform's count of each of the post's parts, where the caller has them
    (:func:`~advocacy_kit.posting.format_and_count`), so they are not counted again.
    """
    return post_findings(post, draft, kit, platform, options, edited, counts, None)


def post_findings(
    post: Post,
    draft: Draft,
    kit: Kit,
    platform: Platform,
    options: PlatformOptions,
    edited: bool,
    counts: Sequence[Count] | None,
    prompts: list[str] | None,
) -> list[Finding]:
    """:func:`check_post`; ``prompts``: the prompts in ``post.text``, where the caller knows them.

    The prompts are what :func:`~advocacy_kit.checks.prompts.prompt_findings` would find in the
    post's text (the pipeline knows them from the draft where the post is the draft's text).
    """
    quick = False
    if type(post) is Post and type(draft) is Draft and type(kit) is Kit:
        try:
            # What the steps below read, from the models' own dictionaries (an attribute of a
            # model costs a look in its class first); one made without a field takes the steps.
            post_values, draft_values, kit_values = post.__dict__, draft.__dict__, kit.__dict__
            parts, name = post_values["parts"], post_values["platform"]
            assignment, disclosure = draft_values["assignment"], draft_values["disclosure"]
            guidelines = kit_values["guidelines"]
            guideline_values = guidelines.__dict__
            rules = guideline_values["disclosure"]
            blocked = guideline_values["blocked_terms"]
            tracking = guideline_values["tracking_parameters"]
            domains = guideline_values["employer_domains"]
            language = "de" if kit_values["organization"].language == "de" else "en"  # language_of
            where = _new(Where)  # Where.of(draft, name, language)
            _set(
                where,
                "__dict__",
                {
                    "person_id": assignment.slot.person_id,
                    "slot_id": draft_values["id"],
                    "platform": name,
                    "template": draft_values["template"],
                    "language": language,
                },
            )
        except KeyError:
            pass
        else:
            quick = True
            links = tracking and domains
            text = "\n\n".join(parts)  # post.text
            findings = _platform_findings(
                parts, guidelines, platform, options, where, post, text, counts
            )
            # disclosure_required(draft, kit), with the values read above
            if rules.applies_to == "all":
                required = True
            else:
                try:
                    required = kit.topic(assignment.topic_id).promotes_employer
                except LookupError:
                    required = disclosure is not None
    if not quick:
        where = Where.of(draft, post.platform, language_of(kit))
        text = post.text
        findings = platform_findings(post, kit, platform, options, where, text=text, counts=counts)
        required = disclosure_required(draft, kit)
        guidelines = kit.guidelines
        blocked = guidelines.blocked_terms
        links = guidelines.tracking_parameters and guidelines.employer_domains
    # Each check returns a new list: the first one takes the others' findings in order.
    if required:  # else disclosure_findings has none
        findings += required_disclosure_findings(post, draft, kit, where)
    if blocked:  # no terms, no findings
        findings += term_findings(text, kit, where)
    findings += prompt_findings(text, kit, where, edited=edited, found=prompts)
    if links:  # tracking parameters and employer domains: else no links to look for
        findings += link_findings(text, kit, where)
    return findings


_new = object.__new__
_set = object.__setattr__


def week_findings(kit: Kit, entries: list[CalendarEntry]) -> dict[str, list[Finding]]:
    """Findings that need the whole week, by slot id (the draft's id)."""
    return _week_findings(kit, entries, scan=False, helper=None)[0]


def week_helper(kit: Kit) -> Callable[[list[str]], list[tuple[int, int, float]]]:
    """The function a :class:`~advocacy_kit.parallel.Helper` for :func:`check_week` runs.

    It is made here, before the helper starts, and the helper runs it on one day's texts at a
    time: their pairs that read alike (:meth:`.similarity.ClosePairs.of_texts`).
    """
    return ClosePairs(kit).of_texts


def _week_findings(
    kit: Kit, entries: list[CalendarEntry], *, scan: bool, helper: parallel.Helper | None
) -> tuple[dict[str, list[Finding]], Scan]:
    """:func:`week_findings`, and with ``scan`` where the entries' findings lack a place."""
    language = language_of(kit)
    fork = len(entries) >= parallel.THRESHOLD
    similar, people, scanned = by_jobs(kit, entries, language, scan, fork=fork, helper=helper)
    found: dict[str, list[Finding]] = {}
    for part in (similar, people):
        for slot_id, findings in part.items():
            found.setdefault(slot_id, []).extend(findings)
    return found, scanned


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


def check_week(
    kit: Kit, entries: list[CalendarEntry], *, helper: parallel.Helper | None = None
) -> list[CalendarEntry]:
    """The entries with the week's findings added to the ones they belong to.

    Findings a plugin returned without saying where get their entry's place filled in.
    A large week is checked in two processes: with ``helper``, a second process running
    :func:`week_helper` for this kit (the pipeline's drafting worker), else a forked one.
    """
    extra, (ids, unplaced) = _week_findings(kit, entries, scan=True, helper=helper)
    checked = list(entries)  # most entries stay as they are
    # Only entries with week findings or a finding to place change.
    changed = set(unplaced).union(compress(range(len(ids)), map(extra.__contains__, ids)))
    for at in sorted(changed):
        entry = entries[at]
        added = extra.get(ids[at])
        placed = [_placed(finding, entry) for finding in entry.findings]
        if not added and all(new is old for new, old in zip(placed, entry.findings, strict=True)):
            continue
        checked[at] = entry.model_copy(update={"findings": [*placed, *(added or [])]})
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
