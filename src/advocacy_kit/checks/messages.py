"""Every finding's code, severity and message, in German and English.

The kit's language (``organization.language``) picks the message; any language other than German
gets English. Messages say what to do, not only what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..calendar import Severity
from ..models import Kit

__all__ = ["CODES", "CheckCode", "language_of", "say"]


@dataclass(frozen=True)
class CheckCode:
    """One stable finding code: its severity and a short English summary for docs and tools."""

    code: str
    severity: Severity
    summary: str


CODES: dict[str, CheckCode] = {
    item.code: item
    for item in (
        CheckCode("AK101", "error", "a part is longer than its platform allows"),
        CheckCode("AK102", "error", "a part is empty"),
        CheckCode("AK103", "error", "the platform reports another problem (characters, links …)"),
        CheckCode("AK104", "warning", "more hashtags than the guidelines allow"),
        CheckCode("AK201", "error", "the disclosure the guidelines require is missing"),
        CheckCode("AK202", "error", "the disclosure is not in the first part of a thread"),
        CheckCode("AK203", "warning", "the disclosure is not in the post's language"),
        CheckCode("AK301", "error", "a blocked term or confidential marker from the guidelines"),
        CheckCode("AK401", "warning", "a personal prompt is still to fill (fresh draft)"),
        CheckCode("AK402", "error", "a personal prompt is left in edited text"),
        CheckCode("AK501", "warning", "nearly the same text as a colleague's draft that day"),
        CheckCode("AK502", "error", "the same text as a colleague's, with nothing left to fill"),
        CheckCode("AK601", "error", "more posts than the person's weekly cap"),
        CheckCode("AK602", "error", "a slot outside the person's sharing hours"),
        CheckCode("AK603", "error", "a draft in a language the person did not list"),
        CheckCode("AK604", "error", "a slot for someone opted out, paused or away"),
        CheckCode(
            "AK701", "warning", "a link to the employer without the kit's tracking parameters"
        ),
    )
}

_MESSAGES: dict[str, dict[str, str]] = {
    "AK101": {
        "en": "{part}{over} characters over the {platform} limit of {limit}; shorten the text by at least {over} characters",
        "de": "{part}{over} Zeichen über dem {platform}-Limit von {limit}; kürze den Text um mindestens {over} Zeichen",
    },
    "AK102": {
        "en": "{part}the text is empty; write something or remove this part",
        "de": "{part}der Text ist leer; schreib etwas oder lass diesen Teil weg",
    },
    "AK103": {
        "en": "{part}{platform} will not accept this: {problem}",
        "de": "{part}{platform} nimmt das so nicht an: {problem}",
    },
    "AK104": {
        "en": "{count} hashtags, the guidelines allow {limit}; keep the {limit} that fit best",
        "de": "{count} Hashtags, die Richtlinien erlauben {limit}; behalte die {limit} passendsten",
    },
    "AK201": {
        "en": "this post must say that you work for the employer, and it does not; add “{text}”",
        "de": "dieser Beitrag muss sagen, dass du beim Arbeitgeber arbeitest, und tut es nicht; ergänze „{text}“",
    },
    "AK201-no-text": {
        "en": "this post must say that you work for the employer, but the kit has no disclosure text; add guidelines.disclosure.texts.{language} to the kit",
        "de": "dieser Beitrag muss sagen, dass du beim Arbeitgeber arbeitest, aber das Kit hat keinen Hinweistext; ergänze guidelines.disclosure.texts.{language} im Kit",
    },
    "AK202": {
        "en": "the disclosure “{text}” is not in the first part of the thread; move it there so nobody misses it",
        "de": "der Hinweis „{text}“ steht nicht im ersten Teil des Threads; setz ihn dorthin, damit ihn niemand übersieht",
    },
    "AK203": {
        "en": "the disclosure is in another language than the post; add guidelines.disclosure.texts.{language} to the kit",
        "de": "der Hinweis ist in einer anderen Sprache als der Beitrag; ergänze guidelines.disclosure.texts.{language} im Kit",
    },
    "AK301": {
        "en": "“{found}” is blocked by the guidelines (“{term}”{reason}); remove or rephrase it",
        "de": "„{found}“ ist laut Richtlinien gesperrt („{term}“{reason}); streich oder umschreib es",
    },
    "AK401": {
        "en": "replace the prompt “{prompt}” with your own words before posting",
        "de": "ersetze den Platzhalter „{prompt}“ vor dem Posten durch deine eigenen Worte",
    },
    "AK402": {
        "en": "the prompt “{prompt}” is still in the text; replace it with your own words or delete it",
        "de": "der Platzhalter „{prompt}“ steht noch im Text; ersetze ihn durch deine eigenen Worte oder lösch ihn",
    },
    "AK501": {
        "en": "reads almost like the draft of {names} on the same day ({percent} % alike); fill the prompts with your own words so the posts do not look staged",
        "de": "liest sich fast wie der Entwurf von {names} am selben Tag ({percent} % gleich); füll die Platzhalter mit deinen eigenen Worten, damit es nicht inszeniert wirkt",
    },
    "AK502": {
        "en": "the same text as the draft of {names} on the same day ({percent} % alike), with nothing left to fill; rewrite it in your own words or move it to another day",
        "de": "derselbe Text wie der Entwurf von {names} am selben Tag ({percent} % gleich), ohne etwas Eigenes; schreib ihn in deinen Worten neu oder verschieb ihn auf einen anderen Tag",
    },
    "AK601": {
        "en": "{count} posts planned this week, {name}'s weekly cap is {cap}; drop this one or raise weekly_cap",
        "de": "{count} Beiträge in dieser Woche geplant, {name}s Wochenlimit ist {cap}; streich diesen oder erhöhe weekly_cap",
    },
    "AK602": {
        "en": "{time} lies outside {name}'s sharing hours {start}–{end}; move the slot or change sharing_hours",
        "de": "{time} liegt außerhalb von {name}s Zeiten zum Teilen {start}–{end}; verschieb den Termin oder ändere sharing_hours",
    },
    "AK603": {
        "en": "the draft is in {language}, which {name} did not list; write it in {languages} or add the language to the person",
        "de": "der Entwurf ist auf {language}, das {name} nicht angegeben hat; schreib ihn auf {languages} oder ergänze die Sprache bei der Person",
    },
    "AK604": {
        "en": "{name} {why}, so this slot must not be planned; drop it",
        "de": "{name} {why}, daher darf dieser Termin nicht geplant sein; streich ihn",
    },
    "AK604-opted-out": {"en": "has opted out", "de": "macht nicht mit"},
    "AK604-paused": {"en": "has paused this account", "de": "hat dieses Konto pausiert"},
    "AK604-away": {"en": "is away that day", "de": "ist an dem Tag nicht da"},
    "AK701": {
        "en": "the link {url} goes to the employer without the tracking parameters {parameters}; use {fixed}",
        "de": "der Link {url} führt zum Arbeitgeber, aber ohne die Tracking-Parameter {parameters}; nimm {fixed}",
    },
    "part": {"en": "part {index} of {count}: ", "de": "Teil {index} von {count}: "},
    "and": {"en": " and ", "de": " und "},
    "more": {"en": "{count} more", "de": "{count} weiteren"},
}


def language_of(kit: Kit) -> str:
    """The language findings are written in: German for German kits, English otherwise."""
    return "de" if kit.organization.language == "de" else "en"


def say(key: str, language: str, /, **values: object) -> str:
    """The message for ``key`` in ``language`` with ``values`` filled in."""
    texts = _MESSAGES[key]
    return texts.get(language, texts["en"]).format(**values)
