"""Texts about loading a kit: files, YAML, fields, cadences, holidays, references. (English, German)"""

from __future__ import annotations

__all__ = ["KIT_TEXTS"]

_SWAP_EN = "swap the two dates or correct one of them"
_SWAP_DE = "vertausche die beiden Daten oder korrigiere eines davon"

KIT_TEXTS: dict[str, tuple[str, str]] = {
    # Labels and the summary under every list of problems
    "label.error": ("Error", "Fehler"),
    "label.hint": ("hint", "Hinweis"),
    "label.warning": ("Warning", "Warnung"),
    "problems.one": (
        "1 problem found; nothing was written.",
        "1 Problem gefunden; nichts wurde geschrieben.",
    ),
    "problems.many": (
        "{count} problems found; nothing was written.",
        "{count} Probleme gefunden; nichts wurde geschrieben.",
    ),
    # Files and YAML
    "yaml_syntax": ("YAML syntax error: {detail}", "YAML-Syntaxfehler: {detail}"),
    "yaml_syntax.starts": (
        " (the construct starts at line {line})",
        " (der Abschnitt beginnt in Zeile {line})",
    ),
    "yaml_syntax.hint": (
        "check indentation, colons and quotes around this line",
        "prüfe Einrückung, Doppelpunkte und Anführungszeichen um diese Zeile",
    ),
    "not_utf8": ("not UTF-8 text", "kein UTF-8-Text"),
    "not_utf8.hint": ("save the file as UTF-8", "speichere die Datei als UTF-8"),
    "no_kit_file": ("no {name} in this folder", "keine {name} in diesem Ordner"),
    "no_kit_file.hint": (
        "point at a kit folder (one with {name}) or at a kit file",
        "gib einen Kit-Ordner (mit {name}) oder eine Kit-Datei an",
    ),
    "no_such_path": ("no such file or folder", "Datei oder Ordner gibt es nicht"),
    "no_such_path.hint": ("check the path to the kit", "prüfe den Pfad zum Kit"),
    "not_mapping": (
        "the kit file must be a mapping of sections",
        "die Kit-Datei muss aus Abschnitten (Schlüssel: Wert) bestehen",
    ),
    "not_mapping.hint": (
        "start with `organization:`; see docs/kit-format.md",
        "beginne mit `organization:`; siehe docs/kit-format.md",
    ),
    # Fields
    "unknown_key": ("unknown key", "unbekannter Schlüssel"),
    "unknown_key.hint": (
        "{guess}known fields here: {known}",
        "{guess}bekannte Felder hier: {known}",
    ),
    "unknown_key.guess": ("did you mean `{close}`? ", "meintest du `{close}`? "),
    "missing.hint": (
        "add `{field}:` here; docs/kit-format.md describes it",
        "ergänze hier `{field}:`; docs/kit-format.md beschreibt es",
    ),
    "field.hint": (
        "see docs/kit-format.md, or `advocacy-kit schema` for every field and type",
        "siehe docs/kit-format.md oder `advocacy-kit schema` für jedes Feld und jeden Typ",
    ),
    "none": ("none", "keine"),
    "none_yet": ("none yet", "noch keine"),
    # Validators in models.py
    "timezone": ("unknown IANA time zone {name!r}", "unbekannte IANA-Zeitzone {name!r}"),
    "timezone.hint": (
        "use a name from the tz database, such as Europe/Berlin or America/New_York",
        "nimm einen Namen aus der tz-Datenbank, etwa Europe/Berlin oder America/New_York",
    ),
    "id": ("{value!r} is not a valid id", "{value!r} ist keine gültige ID"),
    "id.hint": (
        "use lower-case letters, digits, '-' and '_', starting with a letter or digit",
        "nimm Kleinbuchstaben, Ziffern, '-' und '_', am Anfang ein Buchstabe oder eine Ziffer",
    ),
    "topic_dates": ("valid_until lies before valid_from", "valid_until liegt vor valid_from"),
    "topic_dates.hint": (_SWAP_EN, _SWAP_DE),
    "campaign_dates": ("ends lies before starts", "ends liegt vor starts"),
    "campaign_dates.hint": ("swap the two dates or correct one", _SWAP_DE),
    "away_dates": (
        "away period ends ({ends}) before it starts ({starts})",
        "die Abwesenheit endet ({ends}), bevor sie beginnt ({starts})",
    ),
    "away_dates.hint": (_SWAP_EN, _SWAP_DE),
    "sharing_hours": (
        "sharing hours end before they start",
        "das Zeitfenster endet, bevor es beginnt",
    ),
    "sharing_hours.hint": ("use start < end, e.g. 08:00", "start muss vor end liegen, z. B. 08:00"),
    # Cadences (cadence.py)
    "cadence.not_a_time": ("{token!r} is not a time of day", "{token!r} ist keine Uhrzeit"),
    "cadence.not_a_time.hint": (
        "write times as HH:MM, e.g. 09:00 or 17:30",
        "schreib Uhrzeiten als HH:MM, z. B. 09:00 oder 17:30",
    ),
    "cadence.time_range": ("{token} is not a time of day", "{token} ist keine Uhrzeit"),
    "cadence.time_range.hint": (
        "use HH:MM between 00:00 and 23:59",
        "nimm HH:MM zwischen 00:00 und 23:59",
    ),
    "cadence.dtstart": (
        "write only the RRULE line, without DTSTART",
        "schreib nur die RRULE-Zeile, ohne DTSTART",
    ),
    "cadence.dtstart.hint": (
        "the time of day comes from BYHOUR and BYMINUTE, e.g. "
        "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0",
        "die Uhrzeit kommt aus BYHOUR und BYMINUTE, z. B. FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0",
    ),
    "cadence.no_byhour": (
        "the RRULE has no BYHOUR, so its slots would have no time of day",
        "die RRULE hat kein BYHOUR, ihre Termine hätten also keine Uhrzeit",
    ),
    "cadence.no_byhour.hint": (
        "add BYHOUR and BYMINUTE, e.g. FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0",
        "ergänze BYHOUR und BYMINUTE, z. B. FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0",
    ),
    "cadence.until_utc": ("UNTIL={until} is not in UTC", "UNTIL={until} ist nicht in UTC"),
    "cadence.until_utc.hint": (
        "slots live in a time zone, so RFC 5545 wants UNTIL as a UTC date-time: "
        "add the time and a Z, e.g. UNTIL=20271231T235959Z",
        "Termine haben eine Zeitzone, daher verlangt RFC 5545 UNTIL als UTC-Zeitpunkt: "
        "ergänze die Uhrzeit und ein Z, z. B. UNTIL=20271231T235959Z",
    ),
    "cadence.invalid_rrule": ("invalid RRULE: {error}", "ungültige RRULE: {error}"),
    "cadence.invalid_rrule.hint": (
        "write an RFC 5545 rule such as FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=9;BYMINUTE=0",
        "schreib eine RFC-5545-Regel wie FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=9;BYMINUTE=0",
    ),
    "cadence.positive": (
        "{name}={value} in the RRULE must be a whole number of at least 1",
        "{name}={value} in der RRULE muss eine ganze Zahl ab 1 sein",
    ),
    "cadence.positive.hint": (
        "write e.g. INTERVAL=2 for every other week",
        "schreib z. B. INTERVAL=2 für jede zweite Woche",
    ),
    "cadence.freq": (
        "FREQ={freq} is not a posting rhythm",
        "FREQ={freq} ist kein Rhythmus zum Posten",
    ),
    "cadence.freq.hint": (
        "use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY (the weekly cap keeps the pace sustainable)",
        "nimm FREQ=DAILY, WEEKLY, MONTHLY oder YEARLY (die Wochengrenze hält das Tempo machbar)",
    ),
    "cadence.unsupported": (
        "{parts} is not supported in a cadence",
        "{parts} wird in einem Rhythmus nicht unterstützt",
    ),
    "cadence.unsupported.hint": (
        "describe the rhythm with BYDAY, BYMONTHDAY, BYMONTH, BYHOUR and BYMINUTE",
        "beschreib den Rhythmus mit BYDAY, BYMONTHDAY, BYMONTH, BYHOUR und BYMINUTE",
    ),
    "cadence.never": (
        "the RRULE {rule} gives no date within two years",
        "die RRULE {rule} ergibt innerhalb von zwei Jahren keinen Termin",
    ),
    "cadence.never.hint": (
        "check BYMONTH, BYMONTHDAY and BYDAY for a date that exists",
        "prüfe BYMONTH, BYMONTHDAY und BYDAY auf ein Datum, das es gibt",
    ),
    "cadence.empty": ("the cadence is empty", "der Rhythmus ist leer"),
    "cadence.empty.hint": ("write e.g. `tue, thu 09:00`", "schreib z. B. `di, do 09:00`"),
    "cadence.per_week": (
        "{count} per week is not possible",
        "{count} pro Woche ist nicht möglich",
    ),
    "cadence.per_week.hint": ("use a number from 1 to 7", "nimm eine Zahl von 1 bis 7"),
    "cadence.unknown_weekday": ("unknown weekday {token!r}", "unbekannter Wochentag {token!r}"),
    "cadence.unknown_weekday.hint": (
        "use mon … sun (or mo … so), weekdays/werktags, daily/täglich, "
        "or `3 per week`; an RRULE works too",
        "nimm mo … so (oder mon … sun), werktags/weekdays, täglich/daily "
        "oder `3 pro Woche`; eine RRULE geht auch",
    ),
    "cadence.no_day": ("{text!r} names no day", "{text!r} nennt keinen Tag"),
    "cadence.no_day.hint": (
        "name days and a time, e.g. `tue, thu 09:00`",
        "nenne Tage und eine Uhrzeit, z. B. `di, do 09:00`",
    ),
    "cadence.no_time": ("{text!r} names no time of day", "{text!r} nennt keine Uhrzeit"),
    "cadence.no_time.hint": (
        "add a time, e.g. `tue, thu 09:00`",
        "ergänze eine Uhrzeit, z. B. `di, do 09:00`",
    ),
    # Public holidays (public_holidays.py)
    "holiday.country": (
        "unknown holiday country {country!r}",
        "unbekanntes Land für Feiertage {country!r}",
    ),
    "holiday.country.hint": (
        "use an ISO 3166 country code the holidays package supports, such as DE, AT, CH or US",
        "nimm einen ISO-3166-Ländercode, den das Paket holidays kennt, etwa DE, AT, CH oder US",
    ),
    "holiday.region": (
        "unknown holiday region {region!r}",
        "unbekannte Feiertagsregion {region!r}",
    ),
    "holiday.region.hint": (
        "use the country alone ({country}) or one of its subdivisions: {known}",
        "nimm das Land allein ({country}) oder eine seiner Regionen: {known}",
    ),
    # Cross-references (references.py)
    "duplicate_id": ("duplicate id {id!r}", "doppelte ID {id!r}"),
    "duplicate_id.hint": (
        "every entry in {section} needs its own id; rename one of them",
        "jeder Eintrag in {section} braucht eine eigene ID; benenne einen davon um",
    ),
    "unknown_area": ("unknown area {value!r}", "unbekanntes Fachgebiet {value!r}"),
    "unknown_area.hint": (
        "use one of the kit's areas: {known}",
        "nimm eines der Fachgebiete des Kits: {known}",
    ),
    "unknown_topic": ("unknown topic {value!r}", "unbekanntes Thema {value!r}"),
    "unknown_topic.hint": (
        "use one of the kit's topics: {known}",
        "nimm eines der Themen des Kits: {known}",
    ),
    # Platforms and their options
    "unknown_platform": ("unknown platform {name!r}", "unbekannte Plattform {name!r}"),
    "unknown_platform.hint": (
        "use one of {known}, or install its plugin",
        "nimm eine von {known} oder installiere ihr Plugin",
    ),
    "platform_options": ("{platform} options: {details}", "{platform}-Optionen: {details}"),
    "platform_options.unknown": (
        "unknown option {name!r} (known: {known})",
        "unbekannte Option {name!r} (bekannt: {known})",
    ),
    "platform_options.hint": (
        "see `advocacy-kit platforms` for each platform's options",
        "`advocacy-kit platforms` zeigt die Optionen jeder Plattform",
    ),
}
