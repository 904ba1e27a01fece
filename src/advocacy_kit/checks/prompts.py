"""AK4xx: places left for the person's own words.

Fresh drafts are meant to carry prompts, so there they are a warning (AK401): a reminder of what
to fill. Text a person has edited and wants to post must not: there a prompt is an error (AK402).
"""

from __future__ import annotations

import functools
import re

from ..calendar import Finding
from ..models import Kit
from .messages import say
from .where import Where

__all__ = ["find_prompts", "prompt_findings"]


def find_prompts(text: str, kit: Kit) -> list[str]:
    """The prompts in ``text``, between the kit's prompt markers (``[[…]]`` by default)."""
    pattern = _prompt_pattern(*kit.settings.prompt_marker)
    return [prompt.strip() for prompt in pattern.findall(text)]


@functools.lru_cache(maxsize=16)
def _prompt_pattern(opening: str, closing: str) -> re.Pattern[str]:
    return re.compile(f"{re.escape(opening)}(.*?){re.escape(closing)}", re.DOTALL)


# Nearly every draft carries prompts, and a week repeats the same few prompts tens of thousands
# of times: each message is filled in once per code, language and prompt as found (a message
# depends on nothing else). The memory is dropped when full, so odd kits cannot make it grow
# without end.
_SAID: dict[tuple[str, str, str], str] = {}
_REMEMBERED = 4096


def prompt_findings(
    text: str, kit: Kit, where: Where, *, edited: bool = False, found: list[str] | None = None
) -> list[Finding]:
    """One finding per prompt: AK401 in a fresh draft, AK402 in edited text.

    :param found: what the prompt pattern finds in ``text`` (``(.*?)`` between the kit's
        markers, before stripping), where the caller knows it already; else looked for here.
    """
    if found is None:
        opening, closing = kit.settings.prompt_marker
        if opening[:1] not in text:
            # Every prompt starts with the opening marker: without its first character there is
            # none. (Looking for one character is quick; for the whole marker, in a text beyond
            # Latin-1, it costs about as much as looking for the prompts.)
            return []
        found = _prompt_pattern(opening, closing).findall(text)
    if not found:
        return []
    code = "AK402" if edited else "AK401"
    language = where.language
    findings = []
    for prompt in found:
        # Remembered by the prompt as found: its message is that of the prompt stripped.
        key = (code, language, prompt)
        message = _SAID.get(key)
        if message is None:
            if len(_SAID) >= _REMEMBERED:
                _SAID.clear()
            message = _SAID[key] = say(code, language, prompt=prompt.strip())
        findings.append(where.finding(code, message))
    return findings
