"""The command line's own summaries and labels. (English, German)"""

from __future__ import annotations

__all__ = ["CLI_TEXTS"]

CLI_TEXTS: dict[str, tuple[str, str]] = {
    "os_error.hint": (
        "check the path and its permissions, or choose another one (e.g. with --out)",
        "prüfe den Pfad und seine Rechte, oder wähle einen anderen (etwa mit --out)",
    ),
    # check
    # "OK" is German as well (Duden: "okay, O. K."), and scripts may look for this line.
    "check.ok": ("Kit OK: {name}", "Kit OK: {name}"),
    "check.counts": (
        "  {people} people ({active} active), {topics} topics, {areas} areas, "
        "{campaigns} campaigns",
        "  {people} Personen ({active} aktiv), {topics} Themen, {areas} Fachgebiete, "
        "{campaigns} Kampagnen",
    ),
    "check.platforms": ("  platforms: {names}", "  Plattformen: {names}"),
    "check.slots": (
        "  {week}: {slots} slots, {skipped} left out",
        "  {week}: {slots} Termine, {skipped} ausgelassen",
    ),
    "check.opted_out": (" (opted out)", " (macht nicht mit)"),
    # plan
    "plan.summary": (
        "Planned {week}: {drafts} drafts for {people} people, {skipped} slots not planned.",
        "{week} geplant: {drafts} Entwürfe für {people} Personen, {skipped} Termine nicht geplant.",
    ),
    "plan.history": (
        "History {path}: {inserted} new, {updated} updated, {kept} kept, {unchanged} unchanged, "
        "{withdrawn} withdrawn.",
        "Verlauf {path}: {inserted} neu, {updated} aktualisiert, {kept} behalten, "
        "{unchanged} unverändert, {withdrawn} zurückgezogen.",
    ),
    "plan.wrote": ("Wrote {path}", "Geschrieben: {path}"),
    # history and mark
    "history.none": ("No drafts in the history match.", "Im Verlauf passt kein Entwurf."),
    "history.edited": (" (edited)", " (bearbeitet)"),
    "history.one": ("1 draft.", "1 Entwurf."),
    "history.many": ("{count} drafts.", "{count} Entwürfe."),
    "status.planned": ("planned", "geplant"),
    "status.approved": ("approved", "freigegeben"),
    "status.posted": ("posted", "gepostet"),
    "status.skipped": ("skipped", "übersprungen"),
    # sync
    "sync.no_file": (
        "{source}: no such file\n  hint: run `advocacy-kit plan KIT --out {folder}` first",
        "{source}: Datei gibt es nicht\n  Hinweis: führe zuerst `advocacy-kit plan KIT --out "
        "{folder}` aus",
    ),
    "sync.unknown": (
        "{source}:{line}: {draft} is not in the history; plan that week first "
        "(without --no-history)",
        "{source}:{line}: {draft} ist nicht im Verlauf; plane diese Woche zuerst "
        "(ohne --no-history)",
    ),
    "sync.recorded": (
        "{source}:{line}: recorded the edit of {draft}",
        "{source}:{line}: Bearbeitung von {draft} übernommen",
    ),
    "sync.summary": (
        "{recorded} edited, {unchanged} unchanged, {unknown} not in the history "
        "({drafts} drafts in {source}).",
        "{recorded} bearbeitet, {unchanged} unverändert, {unknown} nicht im Verlauf "
        "({drafts} Entwürfe in {source}).",
    ),
    "sync.none_known": (
        "none of the drafts in {source} is in the history of {kit}\n"
        "  hint: is DIR the output of `plan` for this kit?",
        "keiner der Entwürfe in {source} ist im Verlauf von {kit}\n"
        "  Hinweis: ist DIR die Ausgabe von `plan` für dieses Kit?",
    ),
    # count, plugins, platforms
    "count.valid": ("valid", "gültig"),
    "count.not_valid": ("not valid", "ungültig"),
    "plugins.builtin": ("built-in", "eingebaut"),
    "platforms.threads": ("threads", "Threads"),
    "platforms.no_threads": ("no threads", "keine Threads"),
}
