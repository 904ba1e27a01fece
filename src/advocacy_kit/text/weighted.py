"""X's weighted length (twitter-text configuration v2/v3), with valid and display ranges.

Each URL counts as 23; with emoji parsing (v3) each emoji sequence counts 2 once; any other code
point counts 1 inside the light ranges (Latin to Georgian, some general punctuation) and 2
elsewhere (CJK, most symbols). The text is NFC-normalised first; ranges are inclusive UTF-16
indices into the text as given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .emoji import emoji_spans
from .offsets import utf16_length
from .urls import extract_urls

__all__ = ["V2", "V3", "WeightedConfig", "WeightedLength", "weighted_length"]

_INVALID = frozenset("\ufffe\ufeff\uffff")


@dataclass(frozen=True)
class WeightedConfig:
    """One twitter-text configuration (see its ``config/v3.json``)."""

    max_weighted_length: int = 280
    scale: int = 100
    default_weight: int = 200
    transformed_url_length: int = 23
    light_ranges: tuple[tuple[int, int], ...] = (
        (0x0000, 0x10FF),
        (0x2000, 0x200D),
        (0x2010, 0x201F),
        (0x2032, 0x2037),
    )
    light_weight: int = 100
    emoji_parsing: bool = True

    @property
    def heavy_pattern(self) -> re.Pattern[str]:
        """Matches every code point outside the light ranges."""
        return _heavy_pattern(self.light_ranges)


_HEAVY_CACHE: dict[tuple[tuple[int, int], ...], re.Pattern[str]] = {}


def _heavy_pattern(ranges: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    pattern = _HEAVY_CACHE.get(ranges)
    if pattern is None:
        body = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges)
        pattern = _HEAVY_CACHE[ranges] = re.compile(f"[^{body}]")
    return pattern


V3 = WeightedConfig()
V2 = WeightedConfig(emoji_parsing=False)


@dataclass(frozen=True)
class WeightedLength:
    """The result of measuring a post the way X does."""

    weighted_length: int
    valid: bool
    permillage: int
    valid_range: tuple[int, int]
    display_range: tuple[int, int]


def _entities(text: str, config: WeightedConfig) -> list[tuple[int, int, int, int]]:
    """(start, rank, end, scaled weight) of URLs and emoji; a URL wins over an emoji at its start."""
    url_weight = config.transformed_url_length * config.scale
    entities = [(u.start, 0, u.end, url_weight) for u in extract_urls(text)]
    if config.emoji_parsing:
        entities.extend((start, 1, end, config.default_weight) for start, end in emoji_spans(text))
        entities.sort()
    return entities


def weighted_length(text: str, config: WeightedConfig = V3) -> WeightedLength:
    """Measure ``text`` as X does; never raises, whatever the string."""
    normalized = unicodedata.normalize("NFC", text)
    scale = config.scale
    limit = config.max_weighted_length * scale
    heavy = config.heavy_pattern
    light, heavy_weight = config.light_weight, config.default_weight

    def plain_weight(segment: str) -> int:
        heavy_count = len(heavy.findall(segment))
        return (len(segment) - heavy_count) * light + heavy_count * heavy_weight

    items: list[tuple[int, int, int]] = []  # (start, end, scaled weight) covering the text
    cursor = 0
    # Like the reference, an entity that starts inside an earlier one is part of that one.
    for start, _, end, weight in _entities(normalized, config):
        if start < cursor:
            continue
        if start > cursor:
            items.append((cursor, start, -1))
        items.append((start, end, weight))
        cursor = end
    if cursor < len(normalized):
        items.append((cursor, len(normalized), -1))

    total = 0
    valid_end = -1  # code-point index of the last character inside the valid range
    valid_chars = True
    for start, end, weight in items:
        segment = normalized[start:end]
        if weight >= 0:
            total += weight
            if valid_chars and normalized[end - 1] in _INVALID:
                valid_chars = False
            if valid_chars and total <= limit:
                valid_end = end - 1
            continue
        segment_weight = plain_weight(segment)
        # Three substring searches say what intersecting with every character would.
        clean = valid_chars and not any(char in segment for char in _INVALID)
        if clean and total + segment_weight <= limit:
            total += segment_weight
            valid_end = end - 1
            continue
        # The limit or an invalid character falls inside this stretch: walk it one by one.
        for offset, char in enumerate(segment):
            total += heavy_weight if heavy.match(char) else light
            if valid_chars and char in _INVALID:
                valid_chars = False
            if valid_chars and total <= limit:
                valid_end = start + offset
    length = total // scale
    valid = valid_chars and 0 < length <= config.max_weighted_length
    permillage = length * 1000 // config.max_weighted_length
    normalization_offset = utf16_length(text) - utf16_length(normalized)
    valid_range_end = (
        utf16_length(normalized[: valid_end + 1]) - 1 if valid_end >= 0 else 0
    ) + normalization_offset
    display_end = max(utf16_length(text) - 1, 0)
    return WeightedLength(length, valid, permillage, (0, valid_range_end), (0, display_end))
