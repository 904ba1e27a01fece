"""The HTML page's words in German and English, and dates written the way each language does."""

from __future__ import annotations

import datetime as dt

__all__ = ["WORDS", "day_label", "words_for"]

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Draft calendar",
        "week": "Week",
        "skip": "Skip to the calendar",
        "filters": "Filters",
        "person": "Person",
        "platform": "Platform",
        "everyone": "Everyone",
        "all_platforms": "All platforms",
        "shown": "{shown} of {total} drafts shown",
        "grid": "Drafts by day and person",
        "people_col": "Person",
        "length": "Length",
        "of": "of",
        "units": "characters",
        "copy": "Copy text",
        "copy_part": "Copy part {n}",
        "copied": "Copied",
        "copy_failed": "Copy failed: select the text and copy it by hand",
        "part": "Part {n} of {count}",
        "findings": "Check before posting",
        "reasons": "Why this topic",
        "prompts": "Prompts for your own words are highlighted.",
        "nothing": "No drafts this week.",
        "skipped": "Not planned",
        "footer": "Drafts only: nothing is posted automatically. Personalise each draft and post it yourself.",
        "error": "Error",
        "warning": "Warning",
        "hint": "Hint",
        "over": "over the limit",
        "zone": "Times are local to each person",
        "scroll": "Week grid (scrolls sideways)",
    },
    "de": {
        "title": "Entwurfskalender",
        "week": "Woche",
        "skip": "Zum Kalender springen",
        "filters": "Filter",
        "person": "Person",
        "platform": "Plattform",
        "everyone": "Alle Personen",
        "all_platforms": "Alle Plattformen",
        "shown": "{shown} von {total} Entwürfen angezeigt",
        "grid": "Entwürfe nach Tag und Person",
        "people_col": "Person",
        "length": "Länge",
        "of": "von",
        "units": "Zeichen",
        "copy": "Text kopieren",
        "copy_part": "Teil {n} kopieren",
        "copied": "Kopiert",
        "copy_failed": "Kopieren fehlgeschlagen: Text markieren und von Hand kopieren",
        "part": "Teil {n} von {count}",
        "findings": "Vor dem Posten prüfen",
        "reasons": "Warum dieses Thema",
        "prompts": "Stellen für eigene Worte sind hervorgehoben.",
        "nothing": "Keine Entwürfe diese Woche.",
        "skipped": "Nicht geplant",
        "footer": "Nur Entwürfe: Nichts wird automatisch veröffentlicht. Jeden Entwurf anpassen und selbst posten.",
        "error": "Fehler",
        "warning": "Warnung",
        "hint": "Hinweis",
        "over": "über dem Limit",
        "zone": "Zeiten in der Ortszeit der jeweiligen Person",
        "scroll": "Wochenraster (seitlich scrollbar)",
    },
}

_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
}
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
}  # fmt: skip


def words_for(language: str) -> dict[str, str]:
    """The page's words in ``language``; English where the language has none."""
    return WORDS.get(language, WORDS["en"])


def day_label(day: dt.date, language: str) -> str:
    """``Tuesday, 1 December`` or ``Dienstag, 1. Dezember``."""
    lang = language if language in _WEEKDAYS else "en"
    weekday, month = _WEEKDAYS[lang][day.weekday()], _MONTHS[lang][day.month - 1]
    if lang == "de":
        return f"{weekday}, {day.day}. {month}"
    return f"{weekday}, {day.day} {month}"
