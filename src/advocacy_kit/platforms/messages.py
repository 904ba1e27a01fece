"""What platforms tell a person about a post, in the kit's language (German and English)."""

from __future__ import annotations

from typing import Any

__all__ = ["message", "unit_word"]

_MESSAGES: dict[str, dict[str, str]] = {
    "empty": {
        "en": "the post is empty; write something before posting",
        "de": "der Beitrag ist leer; schreib etwas, bevor du ihn postest",
    },
    "over": {
        "en": "{over} {unit} over the {platform} limit of {limit} ({length}/{limit}); "
        "shorten it by at least {over}",
        "de": "{over} {unit} über dem {platform}-Limit von {limit} ({length}/{limit}); "
        "kürze um mindestens {over}",
    },
    "over_bytes": {
        "en": "{over} {bytes} over the {platform} limit of {limit} UTF-8 bytes; shorten the text",
        "de": "{over} {bytes} über dem {platform}-Limit von {limit} UTF-8-Bytes; kürze den Text",
    },
    "invalid_chars": {
        "en": "the post contains characters {platform} rejects ({chars}); delete them",
        "de": "der Beitrag enthält Zeichen, die {platform} ablehnt ({chars}); lösche sie",
    },
    "too_many_links": {
        "en": "{count} different links; {platform} accepts at most {limit} per post — keep the "
        "most important {limit}",
        "de": "{count} verschiedene Links; {platform} erlaubt höchstens {limit} pro Beitrag — "
        "behalte die wichtigsten {limit}",
    },
    "too_many_tags": {
        "en": "{count} hashtags; {platform} allows {limit} — remove {excess}",
        "de": "{count} Hashtags; {platform} erlaubt {limit} — entferne {excess}",
    },
    "links_not_clickable": {
        "en": "links are not clickable in {platform} captions; put {url} in your bio and say "
        '"link in bio"',
        "de": "Links sind in {platform}-Beschreibungen nicht klickbar; setz {url} in deine Bio "
        'und schreib "Link in der Bio"',
    },
    "link_in_bio": {"en": "(link in bio)", "de": "(Link in der Bio)"},
}


_UNITS: dict[str, dict[str, str]] = {
    "characters": {"de": "Zeichen", "one": "character"},
    "weighted characters": {
        "de": "gewichtete Zeichen",
        "one": "weighted character",
        "de_one": "gewichtetes Zeichen",
    },
    "graphemes": {"de": "Zeichen (Grapheme)", "one": "grapheme"},
}


def unit_word(unit: str, language: str = "en", count: int | None = None) -> str:
    """What a platform counts (``characters`` …) in ``language``, singular for a count of one."""
    words = _UNITS.get(unit, {})
    if count == 1:
        singular = words.get("de_one", words.get("de")) if language == "de" else words.get("one")
        return singular or unit
    return words.get(language, unit)


def message(key: str, language: str = "en", **values: Any) -> str:
    """The message ``key`` in ``language`` (English where the language has none)."""
    texts = _MESSAGES[key]
    if "unit" in values:
        values["unit"] = unit_word(values["unit"], language, values.get("over"))
    if key == "over_bytes":
        values["bytes"] = "Byte" if values.get("over") == 1 else "Bytes"
        if language != "de":
            values["bytes"] = values["bytes"].lower()
    return texts.get(language, texts["en"]).format(**values)
