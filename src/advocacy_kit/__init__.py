"""advocacy-kit: weekly draft calendars for employee advocacy done well.

Load a kit, plan a week, loop over drafts, export::

    import advocacy_kit

    kit = advocacy_kit.load_kit("examples/de-kommunikation")
    calendar = advocacy_kit.plan_week(kit, "2026-W49")
    for draft in calendar.drafts:
        print(draft.id, draft.text)
    advocacy_kit.export(calendar, "markdown", "out/")
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .calendar import (
        Assignment,
        Calendar,
        CalendarEntry,
        Draft,
        Finding,
        PersonSummary,
        Post,
        SkippedSlot,
        Slot,
    )
    from .errors import (
        AdvocacyKitError,
        ExportError,
        KitError,
        PluginError,
        Problem,
        TemplateError,
        UnknownNameError,
        UsageError,
    )
    from .exporters.base import Exporter, ExportWarning
    from .exporters.json import load_calendar
    from .exporting import export, export_formats
    from .history import History, HistoryRecord
    from .hookspecs import hookimpl
    from .loading import load_kit
    from .models import Kit, Person, Topic
    from .pipeline import plan_week
    from .platforms.base import Count, Platform, PlatformOptions
    from .replies import Reply, suggest_reply
    from .weeks import IsoWeek, parse_week

# Names are imported when first used, so `import advocacy_kit` (and the CLI's start) stays fast:
# planning pulls in pydantic models, Jinja and the text tools, which `--help` never needs.
_SOURCES = {
    "AdvocacyKitError": "errors",
    "Assignment": "calendar",
    "Calendar": "calendar",
    "CalendarEntry": "calendar",
    "Count": "platforms.base",
    "Draft": "calendar",
    "ExportError": "errors",
    "ExportWarning": "exporters.base",
    "Exporter": "exporters.base",
    "Finding": "calendar",
    "History": "history",
    "HistoryRecord": "history",
    "IsoWeek": "weeks",
    "Kit": "models",
    "KitError": "errors",
    "Person": "models",
    "PersonSummary": "calendar",
    "Platform": "platforms.base",
    "PlatformOptions": "platforms.base",
    "PluginError": "errors",
    "Post": "calendar",
    "Problem": "errors",
    "Reply": "replies",
    "SkippedSlot": "calendar",
    "Slot": "calendar",
    "TemplateError": "errors",
    "Topic": "models",
    "UnknownNameError": "errors",
    "UsageError": "errors",
    "export": "exporting",
    "export_formats": "exporting",
    "hookimpl": "hookspecs",
    "load_calendar": "exporters.json",
    "load_kit": "loading",
    "parse_week": "weeks",
    "plan_week": "pipeline",
    "suggest_reply": "replies",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use (PEP 562)."""
    module = _SOURCES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "AdvocacyKitError",
    "Assignment",
    "Calendar",
    "CalendarEntry",
    "Count",
    "Draft",
    "ExportError",
    "ExportWarning",
    "Exporter",
    "Finding",
    "History",
    "HistoryRecord",
    "IsoWeek",
    "Kit",
    "KitError",
    "Person",
    "PersonSummary",
    "Platform",
    "PlatformOptions",
    "PluginError",
    "Post",
    "Problem",
    "Reply",
    "SkippedSlot",
    "Slot",
    "TemplateError",
    "Topic",
    "UnknownNameError",
    "UsageError",
    "export",
    "export_formats",
    "hookimpl",
    "load_calendar",
    "load_kit",
    "parse_week",
    "plan_week",
    "suggest_reply",
]
