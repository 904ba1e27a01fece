"""What a platform is: its limits, how it counts, how it formats and splits a draft."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import UsageError

__all__ = ["Count", "Platform", "PlatformOptions"]


class PlatformOptions(BaseModel):
    """Per-account settings a platform accepts (``accounts.<platform>.options`` in a kit)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Count:
    """A text measured the way the platform measures it."""

    length: int
    limit: int
    valid: bool
    unit: str
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def over_by(self) -> int:
        """How far over the limit the text is (0 when it fits)."""
        return max(0, self.length - self.limit)


class Platform:
    """Base class for platform plugins. Subclass, set the class attributes, override ``count``.

    A platform never publishes anything: it measures and shapes drafts so that what a person
    pastes is accepted as written.
    """

    name: ClassVar[str]
    display_name: ClassVar[str]
    limit: ClassVar[int]
    counting: ClassVar[str] = "Unicode code points"
    supports_threads: ClassVar[bool] = False
    Options: ClassVar[type[PlatformOptions]] = PlatformOptions

    def options(self, raw: Mapping[str, Any] | None = None) -> PlatformOptions:
        """Validate an account's options; raise :class:`UsageError` naming the bad one."""
        try:
            return self.Options.model_validate(dict(raw or {}))
        except ValidationError as error:
            known = ", ".join(self.Options.model_fields) or "none"
            details = "; ".join(
                f"unknown option {'.'.join(str(p) for p in e['loc'])!r} (known: {known})"
                if e["type"] == "extra_forbidden"
                else f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                for e in error.errors()
            )
            raise UsageError(f"{self.display_name} options: {details}") from None

    def limit_for(self, options: PlatformOptions | None = None) -> int:
        """The character limit for an account with these options."""
        return self.limit

    def count(self, text: str, options: PlatformOptions | None = None) -> Count:
        """Measure ``text``; the base class counts code points."""
        limit = self.limit_for(options)
        length = len(text)
        return Count(length, limit, 0 < length <= limit, self.counting)

    def split(self, text: str, options: PlatformOptions | None = None) -> list[str]:
        """Parts of a thread, each valid; platforms without threads return the text as one part."""
        return [text]

    def format(self, text: str, options: PlatformOptions | None = None) -> list[str]:
        """Shape a draft for this platform: one part, or a thread where the platform has threads."""
        text = text.strip()
        if self.supports_threads and not self.count(text, options).valid:
            return self.split(text, options)
        return [text]

    def validate(self, text: str, options: PlatformOptions | None = None) -> list[str]:
        """Problems that make the network reject or cut ``text``, each saying what to do."""
        measured = self.count(text, options)
        if measured.length == 0:
            return ["the post is empty; write something before posting"]
        if measured.over_by:
            return [
                f"{measured.over_by} {measured.unit} over the {self.display_name} limit of "
                f"{measured.limit}; shorten the text"
            ]
        return []

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} limit={self.limit}>"
