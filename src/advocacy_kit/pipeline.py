"""The whole path for one week: schedule → plan → draft → format → check → Calendar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from .calendar import (
    Assignment,
    Calendar,
    Draft,
    Finding,
    Post,
)
from .calendar_build import person_summaries, week_calendar
from .calendar_order import in_calendar_order
from .checks import check_week, post_findings, week_helper
from .draft_worker import DraftWorker
from .drafting import Drafter
from .drafting.options_key import account_options
from .drafting.precompiled import PEOPLE_THRESHOLD, Precompiling, draft_template_names
from .gc_tuning import fewer_collections
from .models import Kit
from .plain_values import AssignmentCodec, build_entry, pack_for_pickle, unpack_entry
from .planner import plan_slots
from .platforms.base import Count, PlatformOptions
from .plugins import get_platforms, get_plugin_manager
from .posting import format_and_count, measure_and_count
from .schedule import schedule_week
from .weeks import IsoWeek, parse_week

if TYPE_CHECKING:
    from .history import History

__all__ = ["plan_week"]


@fewer_collections
def plan_week(
    kit: Kit,
    week: str | IsoWeek = "next",
    *,
    history: History | None = None,
    record: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Calendar:
    """Plan one ISO week (``"2026-W49"``, ``"next"``) for everyone in the kit.

    With a ``history``, freshness looks at earlier weeks, drafts of this week that are approved,
    posted or edited keep their topic, and (unless ``record=False``) the planned drafts are
    recorded idempotently. Without one, the week is planned as if nothing had been posted.
    ``progress`` is called with (drafts done, drafts in all) as drafts are written.
    """
    iso_week = parse_week(week)
    pm = get_plugin_manager()
    platforms = get_platforms()
    template_dirs: list[Path] = []
    pm.hook.register_template_dirs(register=template_dirs.append)
    drafter = Drafter(
        kit,
        template_dirs=template_dirs,
        prepare=lambda env: pm.hook.prepare_jinja2_environment(env=env),
    )
    # A large kit's templates are compiled by a helper while the week is scheduled on one core.
    names = draft_template_names(drafter.env) if len(kit.people) >= PEOPLE_THRESHOLD else []
    with Precompiling(drafter.env, names) as precompiling:
        slots, skipped = schedule_week(kit, iso_week)
        precompiling.install()
    past = history.past_use(iso_week, kit.settings.freshness_weeks) if history else None
    edits = history.edits(iso_week) if history is not None else {}

    # Each account's options are validated once, not once per draft.
    options_of: dict[tuple[str, str], PlatformOptions] = {}
    # Plugins are registered before a plan starts: look up the hooks' implementations once.
    adjusters = [impl.function for impl in pm.hook.adjust_post.get_hookimpls()]
    house_rules = pm.hook.check_post if pm.hook.check_post.get_hookimpls() else None
    # The kit's markers side by side (an empty prompt), where the drafter marks prompts with them.
    same = type(drafter) is Drafter and drafter.marker == kit.settings.prompt_marker
    marked = "".join(drafter.marker) if same else None

    def write(assignment: Assignment) -> tuple[Draft, Post, list[Finding]]:
        slot = assignment.slot
        name = slot.platform
        person_id = slot.person_id
        platform = platforms[name]
        key = (person_id, name)
        options = options_of.get(key)
        if options is None:
            account = kit.person(person_id).accounts[name]
            options = options_of[key] = account_options(platform, account.options)
        draft = drafter.draft(assignment)
        edit = edits.get(draft.id) if edits else None
        if edit is not None and edit.edited_text is not None:
            # What the person wrote is what goes out: measure and check that, not the template.
            draft = drafter.with_edited_text(draft, edit.edited_text)
        # The drafter's drafts hold every field: they are read from the draft's dictionary.
        values = draft.__dict__
        text = values["text"]
        counts: list[Count] | None
        if edit is not None and edit.edited_parts:
            post, counts = measure_and_count(platform, list(edit.edited_parts), options)
        else:
            post, counts = format_and_count(
                platform,
                text,
                options,
                disclosure=values["disclosure"],
                language=values["assignment"].language,
            )
        # Adjustments chain in registration order, built-ins first: each sees the last result.
        for adjust in adjusters:
            adjusted = cast("Post | None", adjust(post=post, draft=draft, kit=kit))
            if adjusted is not None:
                post, counts = adjusted, None  # parts that may differ: counted by the checks
        edited = values["edited"]
        prompts = None
        if marked is not None and type(post) is Post and not edited and not values["disclosure"]:
            parts = post.__dict__.get("parts")
            if (
                type(parts) is list
                and len(parts) == 1
                and type(parts[0]) is str
                and parts[0] == text
                and marked not in text
            ):
                # The drafter's own draft without a disclosure: its text is the rendered body
                # and its prompts are what the drafter's pattern, (.+?) between the kit's
                # markers, found there. The post is that text, and with no prompt left empty
                # (the markers never meet) the checks' pattern, (.*?), finds the very same
                # prompts in it.
                prompts = values["prompts"]
        findings = post_findings(post, draft, kit, platform, options, edited, counts, prompts)
        if house_rules is not None:
            for extra in house_rules(post=post, draft=draft, kit=kit):
                findings.extend(extra or [])
        return draft, post, findings

    # A large week is drafted in a second process while it is still being planned; the worker,
    # forked after the codec is made, knows the week's slots already. Entries are made as the
    # drafts come in, so the week's checks can start as soon as the last one is there. The
    # worker sends only what it wrote (by pickle: post details may be any value); the entries
    # are made here. Then it compares some of the week's days for the checks: it is there
    # already, where a worker forked for them would copy every memory page either one writes.
    codec = AssignmentCodec(slots)
    with DraftWorker(
        lambda assignment: build_entry(assignment, write(assignment)),
        encode=codec.encode,
        decode=codec.decode,
        work_there=write,
        pack=pack_for_pickle,
        unpack=unpack_entry,
        results_by_pickle=True,
        expected=len(slots),
        later=week_helper(kit),
    ) as worker:
        assignments, empty = plan_slots(kit, iso_week, slots, past, planned=worker.planned)
        total = len(assignments)
        entries = worker.results(
            assignments, done=None if progress is None else lambda done: progress(done, total)
        )
        checked = check_week(kit, entries, helper=worker.helper)
    calendar = week_calendar(
        week=str(iso_week),
        starts=iso_week.monday,
        ends=iso_week.sunday,
        organization=kit.organization.name,
        language=kit.organization.language,
        people=person_summaries(kit),
        entries=checked,
        prompt_marker=kit.settings.prompt_marker,
        skipped=in_calendar_order([*skipped, *empty]),
    )
    if history is not None and record:
        history.record_planned(calendar)
    return calendar
