"""Filters every draft template can use: hashtags, mentions, shortening, localised dates.

They are plain functions so plugins and scripts can use them outside templates too. None of them
raises on odd input (empty strings, any Unicode): a draft must render for any valid kit.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

import regex

from ..text.graphemes import clusters, grapheme_count

__all__ = [
    "DATE_FORMATS",
    "format_hashtags",
    "format_mentions",
    "localised_date",
    "sentence",
    "shorten",
]

# Word parts of a tag: "open source", "open-source" and "open_source" all become "OpenSource".
_TAG_PARTS = regex.compile(r"[\s\-_/.]+")
_NOT_TAG = regex.compile(r"[^\p{L}\p{M}\p{N}]+")

DATE_FORMATS: dict[str, str] = {
    "weekday_day_month": "Dienstag, 8. Dezember / Tuesday, December 8",
    "day_month": "8. Dezember / December 8",
    "weekday": "Dienstag / Tuesday",
    "time": "08:30 / 8:30 AM",
    "short": "08.12.26 / 12/8/26",
    "medium": "08.12.2026 / Dec 8, 2026",
    "long": "8. Dezember 2026 / December 8, 2026",
    "full": "Dienstag, 8. Dezember 2026 / Tuesday, December 8, 2026",
}
"""Named formats the ``date`` filter accepts (examples in German / English)."""


def _as_list(values: str | Iterable[str] | None) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return [str(value) for value in values]


def format_hashtags(
    tags: str | Iterable[str] | None,
    limit: int | None = None,
    *,
    camel: bool = False,
    cap: int | None = None,
) -> str:
    """``#Tag #OtherTag``: de-duplicated (ignoring case), at most ``limit`` and ``cap`` of them.

    Words inside a tag are joined in CamelCase (``open source`` → ``#OpenSource``), which screen
    readers need; with ``camel=True`` a single word is capitalised too (``werkzeugbau`` →
    ``#Werkzeugbau``). Characters a hashtag cannot hold are dropped; a tag of digits only is skipped
    because no platform links it.
    """
    most = min(n for n in (limit, cap) if n is not None) if (limit, cap) != (None, None) else None
    seen: dict[str, str] = {}
    for tag in _as_list(tags):
        word, folded = _tag_word(tag, camel)
        if word and not word.isdigit() and folded not in seen:
            seen[folded] = f"#{word}"
    found = list(seen.values())
    return " ".join(found if most is None else found[: max(most, 0)])


@functools.lru_cache(maxsize=8192)
def _tag_word(tag: str, camel: bool) -> tuple[str, str]:
    # A kit has a few hundred tags, each written into thousands of drafts: work each out once.
    parts = [_NOT_TAG.sub("", part) for part in _TAG_PARTS.split(tag.lstrip("#＃ "))]
    parts = [part for part in parts if part]
    if camel or len(parts) > 1:
        parts = [part[:1].upper() + part[1:] for part in parts]
    word = "".join(parts)
    return word, word.casefold()


def format_mentions(handles: str | Iterable[str] | None) -> str:
    """``@name @other@instance.social``: each handle once, with exactly one leading ``@``."""
    seen: dict[str, str] = {}
    for handle in _as_list(handles):
        name = handle.strip().lstrip("@＠")
        if name and not any(ch.isspace() for ch in name) and name.casefold() not in seen:
            seen[name.casefold()] = f"@{name}"
    return " ".join(seen.values())


def shorten(text: object, width: int = 100, placeholder: str = "…") -> str:
    """At most ``width`` graphemes, cut at a word boundary, ending in ``placeholder`` if cut."""
    value = " ".join(str(text).split())
    if len(value) <= width:  # never more clusters than characters
        return value
    parts = clusters(value)
    if len(parts) <= width:
        return value
    room = max(width - grapheme_count(placeholder), 0)
    head = "".join(parts[:room])
    # Cut at the last space only if that keeps a reasonable part of the text; else cut the word.
    space = head.rfind(" ")
    at_boundary = parts[room] == " "
    if not at_boundary and space >= len(head) // 2:
        head = head[:space]
    return head.rstrip(" ,;:–—-") + placeholder


def sentence(text: object) -> str:
    """The text as a sentence: ends in ``.`` unless it already ends in punctuation."""
    value = str(text).strip()
    if not value or value[-1] in ".!?…:;)»«\"'“”„":
        return value
    return f"{value}."


def localised_date(
    value: dt.date | dt.datetime, language: str, format: str = "weekday_day_month"
) -> str:
    """A date (or time) as people write it in ``language``: ``Dienstag, 8. Dezember``.

    ``format`` is a name from :data:`DATE_FORMATS` or a CLDR pattern such as ``"d. MMMM"``.
    """
    from babel.core import UnknownLocaleError
    from babel.dates import format_date, format_skeleton, format_time

    try:
        if format == "weekday_day_month":
            weekday = format_date(value, "EEEE", locale=language)
            return f"{weekday}, {format_skeleton('MMMMd', value, locale=language)}"
        if format == "day_month":
            return str(format_skeleton("MMMMd", value, locale=language))
        if format == "weekday":
            return str(format_date(value, "EEEE", locale=language))
        if format == "time":
            if not isinstance(value, dt.datetime | dt.time):
                return ""
            return str(format_time(value, "short", locale=language))
        return str(format_date(value, format, locale=language))
    except (UnknownLocaleError, ValueError):
        # An unknown language code still gives a readable, unambiguous date.
        return value.isoformat() if not isinstance(value, dt.datetime) else value.date().isoformat()
