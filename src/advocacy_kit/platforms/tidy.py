"""How a formatted post's lines with hashtags are tidied: spaces collapsed, the text stripped.

A platform's hashtag styling tidies the lines that hold a ``#`` after restyling the tags;
:func:`is_tidy` tells, without building the tidied text, where that would change nothing.
"""

from __future__ import annotations

__all__ = ["is_tidy", "tidied"]


def tidied(text: str) -> str:
    """``text`` with the spaces in each line that has a ``#`` collapsed, stripped."""
    lines = [" ".join(line.split()) if "#" in line else line for line in text.split("\n")]
    return "\n".join(lines).strip()


def is_tidy(text: str) -> bool:
    """Whether ``tidied(text) == text``, looking only at the lines that have a ``#``.

    Collapsing a line's spaces never lengthens it, nor does stripping: the tidied text is the
    text only where no line changes and nothing is stripped.
    """
    if text.strip() != text:
        return False
    at = text.find("#")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        line = text[start:end]
        if " ".join(line.split()) != line:
            return False
        at = text.find("#", end)
    return True
