"""LinkedIn: 3,000 characters for a member post; plain text for copy and paste."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import Field

from ..hookspecs import hookimpl
from .base import Platform, PlatformOptions


class LinkedInOptions(PlatformOptions):
    """LinkedIn's limit is widely reported, not documented, so it is a setting."""

    max_characters: int = Field(default=3000, ge=1)


class LinkedIn(Platform):
    """LinkedIn member posts. No threads: an over-long draft is an error to fix by hand."""

    name = "linkedin"
    display_name = "LinkedIn"
    limit = 3000
    counting = "characters (Unicode code points)"
    Options = LinkedInOptions

    def limit_for(self, options: PlatformOptions | None = None) -> int:
        if isinstance(options, LinkedInOptions):
            return options.max_characters
        return self.limit


@hookimpl
def register_platforms(register: Callable[[Platform], None]) -> None:
    register(LinkedIn())
