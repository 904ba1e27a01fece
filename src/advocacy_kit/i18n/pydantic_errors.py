"""pydantic's own messages for the common error types, in the kit's language.

English keeps pydantic's text as it is; German covers the errors a kit's author meets (a
missing field, a wrong type, a value out of range). Anything else keeps pydantic's English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["pydantic_message"]

_DATE = "muss ein Datum sein, etwa 2026-12-01 (JJJJ-MM-TT)"
_TIME = "muss eine Uhrzeit sein, etwa 09:00 (HH:MM)"
_MAPPING = "muss eine Zuordnung aus `Schlüssel: Wert` sein"
_INTEGER = "muss eine ganze Zahl sein"
_BOOLEAN = "muss true oder false sein"

_GERMAN: dict[str, str] = {
    "missing": "Pflichtfeld fehlt",
    "extra_forbidden": "unbekannter Schlüssel",
    "literal_error": "muss {expected} sein",
    "enum": "muss {expected} sein",
    "string_type": "muss ein Text sein",
    "string_too_short": "muss mindestens {min_length} Zeichen lang sein",
    "string_too_long": "darf höchstens {max_length} Zeichen lang sein",
    "string_pattern_mismatch": "passt nicht zum Muster '{pattern}'",
    "int_parsing": _INTEGER,
    "int_type": _INTEGER,
    "int_from_float": _INTEGER + ", ohne Nachkommastellen",
    "float_parsing": "muss eine Zahl sein",
    "float_type": "muss eine Zahl sein",
    "bool_parsing": _BOOLEAN,
    "bool_type": _BOOLEAN,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE + ", ohne Uhrzeit",
    "date_parsing": _DATE,
    "date_type": _DATE,
    "time_parsing": _TIME,
    "time_type": _TIME,
    "too_short": "braucht mindestens {min_length} Einträge, hat {actual_length}",
    "too_long": "darf höchstens {max_length} Einträge haben, hat {actual_length}",
    "greater_than_equal": "muss mindestens {ge} sein",
    "greater_than": "muss größer als {gt} sein",
    "less_than_equal": "darf höchstens {le} sein",
    "less_than": "muss kleiner als {lt} sein",
    "dict_type": _MAPPING,
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "list_type": "muss eine Liste sein",
    "tuple_type": "muss eine Liste sein",
    "string_unicode": "muss gültiger Unicode-Text sein",
}


def _german_choices(expected: str) -> str:
    """pydantic lists choices as ``'a', 'b' or 'c'``; German joins the last with ``oder``."""
    head, separator, tail = expected.rpartition(" or ")
    return f"{head} oder {tail}" if separator else expected


def pydantic_message(error: Mapping[str, Any], language: str) -> str:
    """The message for one pydantic error (an item of ``ValidationError.errors()``)."""
    english = str(error["msg"]).removeprefix("Value error, ")
    template = _GERMAN.get(str(error["type"])) if language == "de" else None
    if template is None:
        return english
    values = {key: str(value) for key, value in dict(error.get("ctx") or {}).items()}
    if "expected" in values:
        values["expected"] = _german_choices(values["expected"])
    if error["type"] == "too_short" and values.get("min_length") == "1":
        template = "darf nicht leer sein"  # "mindestens 1 Einträge" reads wrong
    if error["type"] == "too_long" and values.get("max_length") == "1":
        template = "darf höchstens einen Eintrag haben, hat {actual_length}"
    try:
        return template.format(**values)
    except (KeyError, IndexError):  # a pydantic release with other ctx keys: keep its text
        return english
