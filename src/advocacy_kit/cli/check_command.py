"""``advocacy-kit check``: validate a kit, summarise it, and check a week's drafts.

Exit status: 0 when no finding is an error, 1 when one is (so a comms team can run it in CI),
2 when the kit itself cannot be used.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..calendar import Calendar, Finding
    from ..models import Kit
    from ..weeks import IsoWeek

__all__ = ["check", "register_commands"]

_WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
}
_SEVERITY = {
    "en": {"error": "error", "warning": "warning", "hint": "hint"},
    "de": {"error": "Fehler", "warning": "Warnung", "hint": "Hinweis"},
}
_COLOURS = {"error": "red", "warning": "yellow", "hint": "cyan"}


def _summary(kit: Kit, iso_week: IsoWeek) -> None:
    """What the kit holds and each person's cadence (the long-standing ``check`` output)."""
    from ..cadence import describe_cadence, parse_cadence
    from ..i18n import counted, say
    from ..plugins import get_platforms
    from ..schedule import schedule_week

    slots, skipped = schedule_week(kit, iso_week)
    platforms = get_platforms()
    language = kit.organization.language
    active = [p for p in kit.people if p.active]
    used = sorted({name for person in active for name in person.accounts})
    click.echo(say("check.ok", language, name=kit.organization.name))
    click.echo(
        say(
            "check.counts",
            language,
            people=counted("n.person", len(kit.people), language),
            active=len(active),
            topics=counted("n.topic", len(kit.topics), language),
            areas=counted("n.area", len(kit.areas), language),
            campaigns=counted("n.campaign", len(kit.campaigns), language),
        )
    )
    names = ", ".join(platforms[n].display_name for n in used) or say("none", language)
    click.echo(say("check.platforms", language, names=names))
    click.echo(
        say(
            "check.slots",
            language,
            week=iso_week,
            slots=counted("n.slot", len(slots), language),
            skipped=len(skipped),
        )
    )
    for person in kit.people:
        state = "" if person.active else say("check.opted_out", language)
        click.echo(f"  {person.name}{state}")
        for name, account in sorted(person.accounts.items()):
            words = describe_cadence(parse_cadence(account.cadence), language)
            click.echo(f"    {platforms[name].display_name}: {words} ({kit.timezone_of(person)})")


def _counts(findings: list[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "hint": 0}
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def _print_findings(kit: Kit, calendar: Calendar) -> None:
    """Findings grouped by person (in kit order), then by local day, then in slot order."""
    from ..checks.messages import language_of
    from ..i18n import counted, say
    from ..plugins import get_platforms

    language = language_of(kit)
    platforms = get_platforms()
    for person in kit.people:
        entries = [entry for entry in calendar.entries_for(person.id) if entry.findings]
        if not entries:
            continue
        click.echo("")
        click.echo(click.style(person.name, bold=True))
        day = None
        for entry in entries:
            start = entry.slot.start
            if start.date() != day:
                day = start.date()
                date = f"{day:%d.%m.%Y}" if language == "de" else f"{day:%Y-%m-%d}"
                click.echo(f"  {_WEEKDAYS[language][day.weekday()]} {date}")
            platform = platforms.get(entry.slot.platform)
            shown = platform.display_name if platform else entry.slot.platform
            click.echo(f"    {start:%H:%M} {shown} · {entry.draft.template} · {entry.draft.id}")
            for finding in entry.findings:
                label = click.style(
                    f"{_SEVERITY[language][finding.severity]} {finding.code}",
                    fg=_COLOURS[finding.severity],
                )
                click.echo(f"      {label}: {finding.message}")
    counts = _counts(calendar.findings)
    click.echo("")
    click.echo(
        say(
            "check.totals",
            language,
            week=calendar.week,
            errors=counted("n.error", counts["error"], language),
            warnings=counted("n.warning", counts["warning"], language),
            hints=counted("n.hint", counts["hint"], language),
            drafts=counted("n.draft_dative", len(calendar.entries), language),
        )
    )


def _as_json(calendar: Calendar) -> str:
    """A stable document for machines: totals and every finding with its day."""
    days = {entry.draft.id: entry.slot.start.date().isoformat() for entry in calendar.entries}
    document = {
        "organization": calendar.organization,
        "week": calendar.week,
        "drafts": len(calendar.entries),
        "counts": _counts(calendar.findings),
        "findings": [
            {**finding.model_dump(mode="json"), "day": days.get(finding.slot_id or "")}
            for finding in calendar.findings
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


@click.command()
@click.argument("kit_path", metavar="KIT", type=click.Path(exists=False, path_type=Path))
@click.option(
    "--week",
    "-w",
    default="next",
    show_default=True,
    help="ISO week such as 2026-W49, 'this', 'next', or a date in the week.",
)
@click.option(
    "--format",
    "-f",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people; json (findings only) for machines.",
)
@click.pass_context
def check(ctx: click.Context, kit_path: Path, week: str, output: str) -> None:
    """Validate KIT, summarise it, and check the drafts of a week against its guidelines.

    Findings (errors, warnings, hints with stable codes such as AK201) are printed grouped by
    person and day. Exit status: 0 without errors, 1 when a finding is an error, 2 when the kit
    has problems (printed as path:line:column with a hint).

    \b
    Examples:
      advocacy-kit check examples/en-engineering
      advocacy-kit check kit.yaml --week 2026-W49
      advocacy-kit check kit.yaml --week next --format json > findings.json
    """
    from ..loading import load_kit
    from ..pipeline import plan_week
    from ..weeks import parse_week
    from .language import kit_language

    kit = load_kit(kit_path)
    iso_week = parse_week(week, language=kit_language(kit))
    calendar = plan_week(kit, iso_week)
    if output == "json":
        click.echo(_as_json(calendar))
    else:
        _summary(kit, iso_week)
        _print_findings(kit, calendar)
    if any(finding.severity == "error" for finding in calendar.findings):
        ctx.exit(1)


@hookimpl
def register_commands(cli: click.Group) -> None:
    """Add ``check``."""
    cli.add_command(check)
