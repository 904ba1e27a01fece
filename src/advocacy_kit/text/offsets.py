"""Offsets in the units networks use: UTF-16 code units (X, JavaScript) and UTF-8 bytes (Bluesky).

Python strings index by code point; these helpers convert a code-point index into the other units.
"""

from __future__ import annotations

__all__ = ["utf8_length", "utf8_offset", "utf16_length", "utf16_offset"]


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units: characters beyond U+FFFF count 2."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def utf8_length(text: str) -> int:
    """Length in UTF-8 bytes (lone surrogates count 3, as they would in WTF-8)."""
    return len(text.encode("utf-8", "surrogatepass"))


def utf16_offset(text: str, index: int) -> int:
    """The UTF-16 offset of the code point at ``index``."""
    return utf16_length(text[:index])


def utf8_offset(text: str, index: int) -> int:
    """The UTF-8 byte offset of the code point at ``index``."""
    return utf8_length(text[:index])
