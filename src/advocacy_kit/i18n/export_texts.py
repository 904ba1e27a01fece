"""Words in exported files and the warnings and errors of exporting. (English, German)"""

from __future__ import annotations

__all__ = ["EXPORT_TEXTS"]

EXPORT_TEXTS: dict[str, tuple[str, str]] = {
    # Severity of a finding, as a label in front of its code
    "severity.error": ("error", "Fehler"),
    "severity.warning": ("warning", "Warnung"),
    "severity.hint": ("hint", "Hinweis"),
    # Post kinds (models.POST_KINDS)
    "kind.tip": ("tip", "Tipp"),
    "kind.question": ("question", "Frage"),
    "kind.lesson_learned": ("lesson learned", "Erkenntnis"),
    "kind.opinion": ("opinion", "Meinung"),
    "kind.event": ("event", "Veranstaltung"),
    "kind.article_share": ("article share", "Artikel teilen"),
    "kind.behind_the_scenes": ("behind the scenes", "Blick hinter die Kulissen"),
    "kind.myth_vs_fact": ("myth vs. fact", "Mythos und Fakt"),
    "kind.series_part": ("part of a series", "Teil einer Reihe"),
    # Edit protection (exporters/manifest.py)
    "manifest.edited": (
        "{path} was changed since it was written; kept it and wrote the new version to {new} "
        "(use --force to overwrite)",
        "{path} wurde seit dem Schreiben geändert; die Datei bleibt, die neue Fassung steht in "
        "{new} (--force überschreibt)",
    ),
    "manifest.foreign": (
        "{path} was not written by advocacy-kit; kept it and wrote the new version to {new} "
        "(use --force to overwrite)",
        "{path} stammt nicht von advocacy-kit; die Datei bleibt, die neue Fassung steht in "
        "{new} (--force überschreibt)",
    ),
    "manifest.unreadable": (
        "{path}: cannot read the record of written files ({error})",
        "{path}: die Liste der geschriebenen Dateien ist nicht lesbar ({error})",
    ),
    "manifest.unreadable.hint": (
        "delete it to treat every existing file as edited, or rerun with --force",
        "lösche sie, dann gilt jede vorhandene Datei als bearbeitet, oder starte erneut mit "
        "--force",
    ),
    # Reading an edited calendar.md back (exporters/markdown_edits.py)
    "edits.no_end": ("draft {draft!r} has no end marker", "Entwurf {draft!r} hat keine Endmarke"),
    "edits.no_end.hint": (
        "add <!-- end: {draft} --> after its text",
        "ergänze <!-- end: {draft} --> nach seinem Text",
    ),
    "edits.no_start": (
        "end marker for {draft!r} without its start",
        "Endmarke für {draft!r} ohne ihren Anfang",
    ),
    "edits.no_start.hint": (
        "keep the <!-- draft: … --> and <!-- end: … --> lines in pairs",
        "lass die Zeilen <!-- draft: … --> und <!-- end: … --> paarweise stehen",
    ),
    "edits.twice": ("draft {draft!r} appears twice", "Entwurf {draft!r} steht zweimal da"),
    "edits.twice.hint": (
        "keep one copy of each draft in the file",
        "behalte von jedem Entwurf eine Kopie in der Datei",
    ),
    "edits.not_utf8": (
        "not UTF-8 text (byte {position})",
        "kein UTF-8-Text (Byte {position})",
    ),
    "edits.not_utf8.hint": (
        "save the file as UTF-8 in your editor, then run sync again",
        "speichere die Datei im Editor als UTF-8 und führe sync erneut aus",
    ),
    # Scheduler CSVs (exporters/scheduler_csv.py)
    "csv.shifted": (
        "{tool}: the week's first draft ({first}) is past or less than {lead} minutes away, so "
        "every time in these files moved {by} later (order and spacing kept; {tool} accepts times at "
        "least {lead} minutes ahead, on {step}-minute steps)",
        "{tool}: der erste Entwurf der Woche ({first}) ist vorbei oder weniger als {lead} Minuten "
        "entfernt, daher liegt jede Zeit in diesen Dateien {by} später (Reihenfolge und Abstände "
        "bleiben; {tool} nimmt Zeiten ab {lead} Minuten im Voraus, in {step}-Minuten-Schritten)",
    ),
    "csv.adjusted": (
        "{tool}: moved {count} to times it accepts (on {step}-minute steps, at least {gap} "
        "minutes apart): {shown}{more}",
        "{tool}: {count} auf Zeiten verschoben, die es annimmt (in {step}-Minuten-Schritten, "
        "mindestens {gap} Minuten Abstand): {shown}{more}",
    ),
    "csv.more": (" and {count} more", " und {count} weitere"),
    "duration.minutes.one": ("{count} minute", "{count} Minute"),
    "duration.minutes.many": ("{count} minutes", "{count} Minuten"),
    "duration.hours.one": ("{count} hour", "{count} Stunde"),
    "duration.hours.many": ("{count} hours", "{count} Stunden"),
    "duration.days.one": ("{count} day", "{count} Tag"),
    "duration.days.many": ("{count} days", "{count} Tage"),
}
