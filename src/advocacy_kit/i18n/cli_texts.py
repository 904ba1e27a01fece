"""The command line's own summaries and labels. (English, German)"""

from __future__ import annotations

__all__ = ["CLI_TEXTS"]

_JSONL_HINT = (
    'give one JSON string per line, e.g. "Hello"',
    'gib einen JSON-String pro Zeile an, etwa "Hallo"',
)

CLI_TEXTS: dict[str, tuple[str, str]] = {
    "os_error.hint": (
        "check the path and its permissions, or choose another one (e.g. with --out)",
        "prüfe den Pfad und seine Rechte, oder wähle einen anderen (etwa mit --out)",
    ),
    # check
    # "OK" is German as well (Duden: "okay, O. K."), and scripts may look for this line.
    "check.ok": ("Kit OK: {name}", "Kit OK: {name}"),
    "check.counts": (
        "  {people} ({active} active), {topics}, {areas}, {campaigns}",
        "  {people} ({active} aktiv), {topics}, {areas}, {campaigns}",
    ),
    "check.platforms": ("  platforms: {names}", "  Plattformen: {names}"),
    "check.slots": (
        "  {week}: {slots}, {skipped} left out",
        "  {week}: {slots}, {skipped} ausgelassen",
    ),
    "check.totals": (
        "{week}: {errors}, {warnings}, {hints} in {drafts}",
        "{week}: {errors}, {warnings}, {hints} in {drafts}",
    ),
    "check.opted_out": (" (opted out)", " (macht nicht mit)"),
    # plan
    "plan.summary": (
        "Planned {week}: {drafts} for {people}, {skipped} not planned.",
        "{week} geplant: {drafts} für {people}, {skipped} nicht geplant.",
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
        "({drafts} in {source}).",
        "{recorded} bearbeitet, {unchanged} unverändert, {unknown} nicht im Verlauf "
        "({drafts} in {source}).",
    ),
    "sync.none_known": (
        "none of the drafts in {source} is in the history of {kit}\n"
        "  hint: is DIR the output of `plan` for this kit?",
        "keiner der Entwürfe in {source} ist im Verlauf von {kit}\n"
        "  Hinweis: ist DIR die Ausgabe von `plan` für dieses Kit?",
    ),
    # Counted nouns: NOUN.one for exactly 1, NOUN.many otherwise (see i18n.counted)
    "n.draft.one": ("{count} draft", "{count} Entwurf"),
    "n.draft.many": ("{count} drafts", "{count} Entwürfe"),
    "n.draft_dative.one": ("{count} draft", "{count} Entwurf"),
    "n.draft_dative.many": ("{count} drafts", "{count} Entwürfen"),
    "n.person.one": ("{count} person", "{count} Person"),
    "n.person.many": ("{count} people", "{count} Personen"),
    "n.topic.one": ("{count} topic", "{count} Thema"),
    "n.topic.many": ("{count} topics", "{count} Themen"),
    "n.area.one": ("{count} area", "{count} Fachgebiet"),
    "n.area.many": ("{count} areas", "{count} Fachgebiete"),
    "n.campaign.one": ("{count} campaign", "{count} Kampagne"),
    "n.campaign.many": ("{count} campaigns", "{count} Kampagnen"),
    "n.slot.one": ("{count} slot", "{count} Termin"),
    "n.slot.many": ("{count} slots", "{count} Termine"),
    "n.error.one": ("{count} error", "{count} Fehler"),
    "n.error.many": ("{count} errors", "{count} Fehler"),
    "n.warning.one": ("{count} warning", "{count} Warnung"),
    "n.warning.many": ("{count} warnings", "{count} Warnungen"),
    "n.hint.one": ("{count} hint", "{count} Hinweis"),
    "n.hint.many": ("{count} hints", "{count} Hinweise"),
    # Weeks (weeks.py)
    "week.no_such": (
        "{text!r}: {year} has no ISO week {week}",
        "{text!r}: {year} hat keine ISO-Woche {week}",
    ),
    "week.no_such.hint": (
        "use a week from 1 to {last}, e.g. {year}-W{last:02d}",
        "nimm eine Woche von 1 bis {last}, etwa {year}-W{last:02d}",
    ),
    "week.not_a_week": ("{text!r} is not a week", "{text!r} ist keine Woche"),
    "week.not_a_week.hint": (
        "write it as 2026-W49, this, next, or a date such as 2026-12-01",
        "schreib sie als 2026-W49, this (diese), next (nächste) oder als Datum wie 2026-12-01",
    ),
    # Names nothing is registered under (errors.UnknownNameError)
    "unknown_name": (
        "unknown {kind} {name!r}; known: {known}",
        "unbekannt ({kind}): {name!r}; bekannt: {known}",
    ),
    "unknown_name.platform": (
        "unknown platform {name!r}; known: {known}",
        "unbekannte Plattform {name!r}; bekannt: {known}",
    ),
    "unknown_name.exporter": (
        "unknown exporter {name!r}; known: {known}",
        "unbekanntes Exportformat {name!r}; bekannt: {known}",
    ),
    "unknown_name.person": (
        "unknown person {name!r}; known: {known}",
        "unbekannte Person {name!r}; bekannt: {known}",
    ),
    "unknown_name.situation": (
        "unknown situation {name!r}; known: {known}",
        "unbekannte Situation {name!r}; bekannt: {known}",
    ),
    # plan
    "plan.no_format": ("--format names no format", "--format nennt kein Format"),
    "plan.no_format.hint": (
        "name one or more of {known}, separated by commas",
        "nenne eines oder mehrere von {known}, durch Kommas getrennt",
    ),
    # count
    "count.valid": ("valid", "gültig"),
    "count.not_valid": ("not valid", "ungültig"),
    "count.json_and_jsonl": (
        "--json and --jsonl cannot be used together",
        "--json und --jsonl gehen nicht zusammen",
    ),
    "count.json_and_jsonl.hint": (
        "--jsonl already writes one JSON object per line; drop --json",
        "--jsonl schreibt schon ein JSON-Objekt pro Zeile; lass --json weg",
    ),
    "count.no_text": ("no text to count", "kein Text zum Zählen"),
    "count.no_text.hint": (
        'give the text as an argument (advocacy-kit count --platform x "Hello") or on stdin',
        'gib den Text als Argument (advocacy-kit count --platform x "Hallo") oder über stdin an',
    ),
    "count.text_with_jsonl": (
        "--jsonl reads stdin and takes no TEXT",
        "--jsonl liest stdin und nimmt keinen TEXT",
    ),
    "count.text_with_jsonl.hint": (
        "pipe one JSON string per line into the command",
        "gib dem Befehl über eine Pipe einen JSON-String pro Zeile",
    ),
    "count.not_json": (
        "stdin line {line}: not JSON ({detail})",
        "stdin Zeile {line}: kein JSON ({detail})",
    ),
    "count.not_string": (
        "stdin line {line}: expected a JSON string, got {type}",
        "stdin Zeile {line}: JSON-String erwartet, bekommen: {type}",
    ),
    "count.not_json.hint": _JSONL_HINT,
    "count.not_string.hint": _JSONL_HINT,
    "count.not_unicode": (
        "stdin line {line}: not valid Unicode text (a lone surrogate {escape})",
        "stdin Zeile {line}: kein gültiger Unicode-Text (ein einzelnes Surrogat {escape})",
    ),
    "count.not_unicode.hint": (
        "encode characters outside the BMP as a surrogate pair (\\ud83d\\udc4b) or as UTF-8",
        "schreib Zeichen außerhalb der BMP als Surrogatpaar (\\ud83d\\udc4b) oder als UTF-8",
    ),
    "count.line_not_utf8": (
        "stdin line {line}: not UTF-8 text",
        "stdin Zeile {line}: kein UTF-8-Text",
    ),
    "count.line_not_utf8.hint": ("send the text as UTF-8", "sende den Text als UTF-8"),
    "count.text_not_utf8": ("TEXT is not UTF-8 text", "TEXT ist kein UTF-8-Text"),
    "count.text_not_utf8.hint": ("pass the text as UTF-8", "übergib den Text als UTF-8"),
    "count.stdin_not_utf8": ("stdin is not UTF-8 text", "stdin ist kein UTF-8-Text"),
    "count.stdin_not_utf8.hint": ("send the text as UTF-8", "sende den Text als UTF-8"),
    # plugins, platforms
    "plugins.builtin": ("built-in", "eingebaut"),
    "platforms.threads": ("threads", "Threads"),
    "platforms.no_threads": ("no threads", "keine Threads"),
}
