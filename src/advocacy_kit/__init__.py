"""advocacy-kit: weekly draft calendars for employee advocacy done well.

Load a kit, plan a week, loop over drafts, export::

    import advocacy_kit

    kit = advocacy_kit.load_kit("examples/de-kommunikation")
    calendar = advocacy_kit.plan_week(kit, "2026-W49")
    for draft in calendar.drafts:
        print(draft.id, draft.text)
    advocacy_kit.export(calendar, "markdown", "out/")
"""

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
