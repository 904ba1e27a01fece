"""Words shown to kit users outside findings, reasons and platform notes, in German and English.

One function, :func:`say`, looks a text up by key and fills in its values. Which language to
speak follows one rule (documented in ``docs/cli.md``):

- for anything about a kit, the kit's ``organization.language`` (German for ``de``, English for
  any other language);
- where no kit language can be read (no kit, or a kit too broken to say), the environment:
  ``ADVOCACY_KIT_LANG`` if set, else the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that
  is set (``de…`` means German), else English.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .cli_texts import CLI_TEXTS
from .export_texts import EXPORT_TEXTS
from .kit_texts import KIT_TEXTS

__all__ = [
    "LANGUAGES",
    "counted",
    "kind_label",
    "language_from_environment",
    "language_in_text",
    "language_of_data",
    "say",
    "spoken",
]

LANGUAGES = ("en", "de")
"""Languages every text exists in; any other language reads English."""

_TEXTS: dict[str, tuple[str, str]] = {**KIT_TEXTS, **CLI_TEXTS, **EXPORT_TEXTS}
_LANGUAGE_LINE = re.compile(r"""^[ \t]+language:[ \t]*["']?([A-Za-z]{2})["']?[ \t]*(?:#.*)?$""")


def spoken(language: object) -> str:
    """The language texts are shown in: ``de`` (also ``de_DE``, ``de-AT`` …) or ``en``."""
    if isinstance(language, str) and language.strip().lower()[:2] == "de":
        return "de"
    return "en"


def say(key: str, language: str, **values: Any) -> str:
    """The text ``key`` in ``language`` (English unless German), filled with ``values``."""
    english, german = _TEXTS[key]
    return (german if spoken(language) == "de" else english).format(**values)


def counted(noun: str, count: int, language: str) -> str:
    """``1 draft`` / ``2 drafts``, ``1 Entwurf`` / ``2 Entwürfe``: a number with its noun.

    ``noun`` names a pair of texts, ``NOUN.one`` (exactly one) and ``NOUN.many`` (any other
    number, zero included); German and English agree on that rule.
    """
    return say(f"{noun}.{'one' if count == 1 else 'many'}", language, count=count)


def kind_label(kind: str, language: str) -> str:
    """A post kind in words (``lesson_learned`` → ``lesson learned`` / ``Erkenntnis``).

    A kind without a text (one a newer version or a plugin knows) is shown as it is.
    """
    key = f"kind.{kind}"
    return say(key, language) if key in _TEXTS else kind


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """``ADVOCACY_KIT_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else en."""
    env = os.environ if environ is None else environ
    chosen = env.get("ADVOCACY_KIT_LANG", "").strip()
    if not chosen:
        # POSIX precedence: the first of these that is set decides the messages' language.
        chosen = next(
            (env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), ""
        )
    return spoken(chosen)


def language_of_data(data: object) -> str | None:
    """``organization.language`` from a kit's raw data, when it is there and is a string."""
    organization = data.get("organization") if isinstance(data, Mapping) else None
    language = organization.get("language") if isinstance(organization, Mapping) else None
    return spoken(language) if isinstance(language, str) else None


def language_in_text(path: Path) -> str | None:
    """``organization.language`` read line by line, for a kit file YAML cannot parse.

    Looks only inside a block-style ``organization:`` mapping, which is how kits are written.
    """
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    inside = False
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            inside = line.split("#")[0].rstrip() == "organization:"
            continue
        match = _LANGUAGE_LINE.match(line) if inside else None
        if match:
            return spoken(match[1])
    return None
