"""Text measured the way networks measure it: graphemes, URLs, mentions."""

from .graphemes import grapheme_count, graphemes

__all__ = ["grapheme_count", "graphemes"]
