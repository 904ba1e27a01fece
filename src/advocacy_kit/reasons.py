"""Why a slot was planned, moved or left out — the words, in German and English.

Scheduling and planning explain every decision. The kit's language (``organization.language``)
picks the words; any language other than German reads English.
"""

from __future__ import annotations

from string import Formatter
from typing import TYPE_CHECKING, Any

from .i18n import kind_label

if TYPE_CHECKING:
    from .calendar import Calendar, Slot

__all__ = [
    "explain_calendar",
    "level_word",
    "say",
    "say_around",
    "say_between",
    "status_word",
]

_TEXTS: dict[str, tuple[str, str]] = {
    # key: (English, German)
    "inactive_person": (
        "{name} has opted out",
        "{name} macht gerade nicht mit",
    ),
    "inactive_account": (
        "{name}'s {platform} account is paused",
        "{name}s {platform}-Konto ist pausiert",
    ),
    "away": (
        "{name} is away {starts} – {ends}{why}",
        "{name} ist abwesend vom {starts} bis {ends}{why}",
    ),
    "holiday": (
        "public holiday in {region}: {holiday}",
        "Feiertag in {region}: {holiday}",
    ),
    "outside_hours": (
        "{time} lies outside {name}'s sharing hours {start}–{end}",
        "{time} liegt außerhalb von {name}s Zeitfenster {start}–{end}",
    ),
    "cap": (
        "{name}'s weekly cap of {cap} posts is reached",
        "{name}s Wochenlimit von {cap} Beiträgen ist erreicht",
    ),
    "gap": (
        "{time} does not exist on {day} in {zone} (clocks spring forward); moved to {moved}",
        "{time} gibt es am {day} in {zone} nicht (Zeitumstellung); verschoben auf {moved}",
    ),
    "dst_kept": (
        "local time {time} kept: clocks changed on {day} ({before} → {after})",
        "Ortszeit {time} beibehalten: Zeitumstellung am {day} ({before} → {after})",
    ),
    "spacing": (
        "moved from {before} to {after}: colleagues post on the same topic that day, "
        "at least {minutes} minutes apart",
        "von {before} auf {after} verschoben: Kolleg:innen posten am selben Tag zum selben Thema, "
        "mindestens {minutes} Minuten Abstand",
    ),
    "no_topic": (
        "no topic fits {name}'s expertise, languages and dates this week",
        "kein Thema passt diese Woche zu {name}s Fachgebieten, Sprachen und Zeiträumen",
    ),
    "no_fresh_topic": (
        "every fitting topic was used by {name} within the last {weeks} weeks",
        "jedes passende Thema hat {name} in den letzten {weeks} Wochen schon verwendet",
    ),
    "cross_post": (
        "no fresh topic is left, so this week's topic is shared on {platform} too",
        "kein frisches Thema mehr übrig, daher wird das Thema dieser Woche auch auf {platform} geteilt",
    ),
    "expertise": (
        "matches {name}'s expertise in {areas} (level: {level})",
        "passt zu {name}s Fachgebiet {areas} (Stufe: {level})",
    ),
    "campaign": (
        "campaign {campaign!r} runs on this day (priority {priority})",
        "Kampagne {campaign!r} läuft an diesem Tag (Priorität {priority})",
    ),
    "fresh_never": (
        "{name} has not posted about it yet",
        "{name} hat dazu noch nichts gepostet",
    ),
    "fresh_since": (
        "{name} last had it in {week}, more than {weeks} weeks ago",
        "{name} hatte es zuletzt in {week}, vor mehr als {weeks} Wochen",
    ),
    "balance": (
        "keeps {name}'s areas balanced: {area} had {count} of this week's posts so far",
        "hält {name}s Fachgebiete im Gleichgewicht: {area} hatte bisher {count} Beiträge diese Woche",
    ),
    "rotation": (
        "kit-wide rotation: used {count}× recently, less than the alternatives or equal",
        "Rotation im Kit: zuletzt {count}× verwendet, nicht öfter als die Alternativen",
    ),
    "kind": (
        "post kind {kind!r} fits the level {level!r}",
        "Beitragsart {kind!r} passt zur Stufe {level!r}",
    ),
    "kind_fixed": (
        "the topic asks for post kind {kind!r}",
        "das Thema verlangt die Beitragsart {kind!r}",
    ),
    "colleague_angle": (
        "colleagues share this topic today, so this is a different angle ({kind}, variant {variant})",
        "Kolleg:innen teilen heute dasselbe Thema, daher ein anderer Blickwinkel ({kind}, Variante {variant})",
    ),
    "kept": (
        "kept from the history: the draft is {status}",
        "aus dem Verlauf übernommen: der Entwurf ist {status}",
    ),
}

LEVEL_WORDS: dict[str, tuple[str, str]] = {
    "learning": ("learning", "lernt noch"),
    "practitioner": ("practitioner", "Praxis"),
    "expert": ("expert", "Expertise"),
}

STATUS_WORDS: dict[str, tuple[str, str]] = {
    "planned": ("planned", "geplant"),
    "approved": ("approved", "freigegeben"),
    "posted": ("posted", "gepostet"),
    "skipped": ("skipped", "übersprungen"),
    "edited": ("edited", "bearbeitet"),
}


def say(key: str, language: str, **values: Any) -> str:
    """The message ``key`` in ``language`` (German for ``de``, English otherwise)."""
    english, german = _TEXTS[key]
    return (german if language == "de" else english).format(**values)


def say_around(key: str, language: str, field: str, **values: Any) -> tuple[str, str]:
    """The message ``key`` before and after its ``{field}``, the other fields filled in.

    ``head + format(value, "") + tail`` is ``say(key, language, field=value, …)``: format()
    fills each field on its own, and the field is a plain one (no conversion, no spec).
    """
    english, german = _TEXTS[key]
    text = german if language == "de" else english
    found = [(spec, how) for _, name, spec, how in Formatter().parse(text) if name == field]
    if found != [("", None)]:
        raise ValueError(f"{key!r} has not exactly one plain {{{field}}}")
    head, _, tail = text.partition("{" + field + "}")
    return head.format(**values), tail.format(**values)


def say_between(
    key: str, language: str, first: str, second: str, **values: Any
) -> tuple[str, str, str]:
    """The message ``key`` before, between and after its ``{first}`` and ``{second}``.

    ``head + format(a, "") + middle + format(b, "") + tail`` is ``say(key, language, first=a,
    second=b, …)`` (as :func:`say_around`, for two plain fields, ``first`` before ``second``).
    """
    english, german = _TEXTS[key]
    text = german if language == "de" else english
    fields = [(name, spec, how) for _, name, spec, how in Formatter().parse(text) if name]
    plain = [name for name, spec, how in fields if not spec and how is None]
    if [name for name, _, _ in fields if name in (first, second)] != [first, second] or not (
        first in plain and second in plain
    ):
        raise ValueError(f"{key!r} has not one plain {{{first}}} before one plain {{{second}}}")
    head, _, rest = text.partition("{" + first + "}")
    middle, _, tail = rest.partition("{" + second + "}")
    return head.format(**values), middle.format(**values), tail.format(**values)


def level_word(level: str, language: str) -> str:
    """An expertise level as a word in ``language``."""
    english, german = LEVEL_WORDS[level]
    return german if language == "de" else english


def status_word(status: str, language: str) -> str:
    """A draft status as a word in ``language``."""
    english, german = STATUS_WORDS[status]
    return german if language == "de" else english


_DAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
}


def _when(slot: Slot, language: str) -> str:
    start = slot.start
    offset = start.strftime("%z")
    day = _DAYS["de" if language == "de" else "en"][start.weekday()]
    return (
        f"{day} {start:%Y-%m-%d %H:%M} {start.tzname()} "
        f"(UTC{offset[:3]}:{offset[3:]}, {slot.timezone})"
    )


def _platform_name(name: str) -> str:
    from .plugins import get_platforms

    platform = get_platforms().get(name)
    return platform.display_name if platform is not None else name


def explain_calendar(calendar: Calendar) -> list[str]:
    """``plan --explain``: each slot with its topic and every reason, then every slot left out."""
    lang = calendar.language
    names = {person.id: person.name for person in calendar.people}
    lines = []
    for entry in calendar.entries:
        slot, assignment = entry.slot, entry.assignment
        who = names.get(slot.person_id, slot.person_id)
        platform = _platform_name(slot.platform)
        lines.append(f"{_when(slot, lang)} · {who} · {platform} · {entry.draft.id}")
        label = "Thema" if lang == "de" else "Topic"
        kind = kind_label(assignment.kind, lang)
        lines.append(f"  {label}: {assignment.topic_title} ({kind})")
        lines.extend(f"    - {reason}" for reason in assignment.reasons)
        if slot.note:
            lines.extend(f"    - {note}" for note in slot.note.split("; "))
    if calendar.skipped:
        lines.append("Nicht geplant:" if lang == "de" else "Not planned:")
    for skipped in calendar.skipped:
        slot = skipped.slot
        who = names.get(slot.person_id, slot.person_id)
        lines.append(
            f"  {_when(slot, lang)} · {who} · {slot.platform}: {skipped.reason} [{skipped.code}]"
        )
    return lines
