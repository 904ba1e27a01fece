"""AK301: blocked terms and confidential markers from the guidelines.

Matching is case- and accent-insensitive. A term matches as a whole word by default, so
``intern`` does not flag ``international``; a term marked ``compounds: true`` also matches inside
words, so ``Falke`` catches ``Falke-Launch`` and ``Projektfalke``. Words of a term may be
separated by spaces or hyphens (``Project Heron``, ``Project-Heron``).
"""

from __future__ import annotations

import functools
import re

from ..calendar import Finding
from ..models import BlockedTerm, Kit
from .folding import fold
from .messages import say
from .where import Where

__all__ = ["find_term", "term_findings"]


@functools.lru_cache(maxsize=1024)
def _pattern(term: str, compounds: bool) -> re.Pattern[str]:
    words = fold(term).text.split()
    body = r"[\s\-]+".join(re.escape(word) for word in words)
    if compounds:
        return re.compile(body)
    return re.compile(rf"(?<!\w){body}(?!\w)")


def _whole_word(text: str, start: int, end: int) -> str:
    """The word around ``start:end`` as written (``Projektfalke``, ``Falke-Launch`` for ``falke``)."""

    def joins(index: int) -> bool:
        # letters, and hyphens between letters: Falke-Launch is one word here
        character = text[index]
        if character.isalnum():
            return True
        return (
            character == "-"
            and 0 < index < len(text) - 1
            and text[index - 1].isalnum()
            and text[index + 1].isalnum()
        )

    while start > 0 and joins(start - 1):
        start -= 1
    while end < len(text) and joins(end):
        end += 1
    return text[start:end]


def find_term(text: str, term: BlockedTerm) -> list[str]:
    """Each place ``term`` occurs in ``text``, quoted as written, in order, without repeats."""
    folded = fold(text)
    found: dict[str, None] = {}
    for match in _pattern(term.term, term.compounds).finditer(folded.text):
        if match.end() == match.start():
            continue
        start, end = folded.original_span(match.start(), match.end())
        found.setdefault(_whole_word(text, start, end) if term.compounds else text[start:end])
    return list(found)


def term_findings(text: str, kit: Kit, where: Where) -> list[Finding]:
    """One AK301 per blocked term that ``text`` contains."""
    findings = []
    for term in kit.guidelines.blocked_terms:
        found = find_term(text, term)
        if found:
            reason = f": {term.reason}" if term.reason else ""
            quoted = "”, “" if where.language == "en" else "“, „"
            message = say(
                "AK301", where.language, found=quoted.join(found), term=term.term, reason=reason
            )
            findings.append(where.finding("AK301", message))
    return findings
