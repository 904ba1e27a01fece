"""Facebook: a very long limit (a third-party figure, so a setting); drafts are to copy and edit.

Facebook's platform policy forbids pre-filling the message a person shares, which suits
advocacy-kit: a draft is only ever a starting point the person pastes and changes.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import Field

from ..hookspecs import hookimpl
from .base import Platform, PlatformOptions


class FacebookOptions(PlatformOptions):
    """The limit is not documented by Facebook; 63,206 is the figure commonly reported."""

    max_characters: int = Field(default=63206, ge=1)


class Facebook(Platform):
    """Facebook posts. No threads."""

    name = "facebook"
    display_name = "Facebook"
    limit = 63206
    counting = "characters (Unicode code points)"
    Options = FacebookOptions


@hookimpl
def register_platforms(register: Callable[[Platform], None]) -> None:
    register(Facebook())
