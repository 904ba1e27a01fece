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
        "en": "{over} bytes over the {platform} limit of {limit} UTF-8 bytes; shorten the text",
        "de": "{over} Bytes über dem {platform}-Limit von {limit} UTF-8-Bytes; kürze den Text",
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
    "characters": {"de": "Zeichen"},
    "weighted characters": {"de": "gewichtete Zeichen"},
    "graphemes": {"de": "Zeichen (Grapheme)"},
}


def unit_word(unit: str, language: str = "en") -> str:
    """What a platform counts (``characters`` …) in ``language``."""
    return _UNITS.get(unit, {}).get(language, unit)


def message(key: str, language: str = "en", **values: Any) -> str:
    """The message ``key`` in ``language`` (English where the language has none)."""
    texts = _MESSAGES[key]
    if "unit" in values:
        values["unit"] = unit_word(values["unit"], language)
    return texts.get(language, texts["en"]).format(**values)
