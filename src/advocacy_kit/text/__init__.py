"""Text measured the way networks measure it: graphemes, offsets, URLs, emoji, tags, threads."""

from .entities import Entity, cashtags, hashtags, mentions
from .graphemes import grapheme_count, graphemes
from .offsets import utf8_length, utf8_offset, utf16_length, utf16_offset
from .richtext import detect_facets
from .split import split_thread
from .urls import UrlMatch, extract_urls
from .weighted import V2, V3, WeightedConfig, WeightedLength, weighted_length

__all__ = [
    "V2",
    "V3",
    "Entity",
    "UrlMatch",
    "WeightedConfig",
    "WeightedLength",
    "cashtags",
    "detect_facets",
    "extract_urls",
    "grapheme_count",
    "graphemes",
    "hashtags",
    "mentions",
    "split_thread",
    "utf8_length",
    "utf8_offset",
    "utf16_length",
    "utf16_offset",
    "weighted_length",
]
