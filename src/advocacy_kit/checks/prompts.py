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


def prompt_findings(text: str, kit: Kit, where: Where, *, edited: bool = False) -> list[Finding]:
    """One finding per prompt: AK401 in a fresh draft, AK402 in edited text."""
    code = "AK402" if edited else "AK401"
    return [
        where.finding(code, say(code, where.language, prompt=prompt))
        for prompt in find_prompts(text, kit)
    ]
