"""Drafting: assignments → drafts from sandboxed Jinja templates.

``environment`` builds the sandbox and its loader chain, ``filters`` holds the template filters,
``context`` what a template sees, ``drafter`` renders a draft and adds the disclosure.
"""

from .context import PlatformLimits, SlotView, template_context
from .drafter import Drafter
from .environment import BUILTIN_TEMPLATES, make_environment
from .filters import DATE_FORMATS, format_hashtags, format_mentions, localised_date, shorten

__all__ = [
    "BUILTIN_TEMPLATES",
    "DATE_FORMATS",
    "Drafter",
    "PlatformLimits",
    "SlotView",
    "format_hashtags",
    "format_mentions",
    "localised_date",
    "make_environment",
    "shorten",
    "template_context",
]
