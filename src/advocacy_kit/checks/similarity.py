"""AK5xx: colleagues' drafts on the same day that read (almost) the same.

Forty employees posting one text on one day looks staged. Texts are compared as words of the
folded text (case and accents ignored), with prompts and the disclosure taken out — the disclosure
is meant to be the same everywhere. The measure is difflib's ratio over the word sequences
(1.0 = identical); pairs at or above ``settings.similarity_threshold`` are reported.

While a draft still has prompts, the person's own words will set it apart: a warning (AK501).
When neither draft has anything left to fill, the same words would be posted twice: an error (AK502).
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher

from ..calendar import CalendarEntry, Finding
from ..models import Kit
from .folding import fold_text
from .messages import say
from .prompts import find_prompts
from .where import Where

__all__ = ["comparable_words", "similarity", "similarity_findings"]


def comparable_words(text: str, kit: Kit) -> list[str]:
    """The words of ``text`` that matter for a comparison (no prompts, no disclosure)."""
    opening, closing = (re.escape(marker) for marker in kit.settings.prompt_marker)
    text = re.sub(f"{opening}.*?{closing}", " ", text, flags=re.DOTALL)
    folded = fold_text(text)
    for disclosure in kit.guidelines.disclosure.texts.values():
        folded = folded.replace(fold_text(disclosure), " ")
    return re.findall(r"\w+", folded)


def similarity(first: list[str], second: list[str]) -> float:
    """How alike two word sequences are, from 0.0 to 1.0."""
    if not first and not second:
        return 1.0
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    return matcher.ratio()


def _names(names: list[str], language: str) -> str:
    shown = names[:3]
    if len(names) > 3:
        shown.append(say("more", language, count=len(names) - 3))
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + say("and", language) + shown[-1]


def similarity_findings(
    kit: Kit, entries: list[CalendarEntry], language: str
) -> dict[str, list[Finding]]:
    """AK501/AK502 for each entry whose text is close to a colleague's on the same local day."""
    threshold = kit.settings.similarity_threshold
    by_day: dict[object, list[CalendarEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.slot.start.date()].append(entry)
    names = {person.id: person.name for person in kit.people}
    words = {entry.draft.id: comparable_words(entry.post.text, kit) for entry in entries}
    open_prompts = {entry.draft.id: bool(find_prompts(entry.post.text, kit)) for entry in entries}
    partners: dict[str, list[tuple[CalendarEntry, float]]] = defaultdict(list)
    for day_entries in by_day.values():
        for index, first in enumerate(day_entries):
            for second in day_entries[index + 1 :]:
                if first.slot.person_id == second.slot.person_id:
                    continue  # one person sharing on two platforms is not staged
                a, b = words[first.draft.id], words[second.draft.id]
                matcher = SequenceMatcher(None, a, b, autojunk=False)
                # The quick upper bounds skip most pairs without the full comparison.
                if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                    continue
                score = similarity(a, b)
                if score >= threshold:
                    partners[first.draft.id].append((second, score))
                    partners[second.draft.id].append((first, score))
    found: dict[str, list[Finding]] = {}
    for entry in entries:
        similar = partners.get(entry.draft.id)
        if not similar:
            continue
        fixed = [(other, score) for other, score in similar if not open_prompts[other.draft.id]]
        hard = not open_prompts[entry.draft.id] and fixed
        code, chosen = ("AK502", fixed) if hard else ("AK501", similar)
        people = sorted({names.get(o.slot.person_id, o.slot.person_id) for o, _ in chosen})
        percent = int(max(score for _, score in chosen) * 100)
        message = say(code, language, names=_names(people, language), percent=percent)
        found[entry.draft.id] = [Where.of_entry(entry, language).finding(code, message)]
    return found
