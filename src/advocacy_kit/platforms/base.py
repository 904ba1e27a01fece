"""What a platform is: its limits, how it counts, how it formats and splits a draft.

A platform never publishes anything: it measures and shapes drafts so that what a person pastes
is accepted as written. Subclass :class:`Platform`, set the class attributes, override
:meth:`Platform.count` (and :meth:`Platform.prepare` for conventions such as hashtag caps), and
register an instance through the ``register_platforms`` hook.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import UsageError
from ..text.entities import hashtags, more_signs_than
from ..text.split import split_thread
from .messages import message
from .tidy import is_tidy, tidied

__all__ = ["Count", "Platform", "PlatformOptions", "ThreadOptions", "counted", "plain_options_key"]


class PlatformOptions(BaseModel):
    """Per-account settings a platform accepts (``accounts.<platform>.options`` in a kit)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ThreadOptions(PlatformOptions):
    """Options every platform with threads accepts."""

    number_parts: bool = Field(
        default=True, description="End each part of a thread with 1/n (counted in)."
    )


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


def counted(
    length: int, limit: int, valid: bool, unit: str, details: dict[str, Any] | None = None
) -> Count:
    """``Count(length, limit, valid, unit, details)``, built the way the built-in platforms need.

    Every post is counted, most of them more than once: this sets the fields as the frozen
    dataclass's ``__init__`` would (it has no post-init, and ``details`` defaults to a new
    dict), without its one ``object.__setattr__`` call per field.
    """
    count = _new(Count)
    _set(
        count,
        "__dict__",
        {
            "length": length,
            "limit": limit,
            "valid": valid,
            "unit": unit,
            "details": {} if details is None else details,
        },
    )
    return count


_new = object.__new__
_set = object.__setattr__


# Option values whose equal values behave alike wherever they are used (unlike 0.0 and -0.0).
_PLAIN_VALUES = (str, int, bool, type(None))


def plain_options_key(options: PlatformOptions) -> Hashable | None:
    """A key equal for options of the same class with the same values of the same plain types.

    Such options give the same counts, limits and problems. ``None`` for anything else (other
    value types, private or extra attributes): those options are alike only to themselves.
    """
    if options.__pydantic_extra__ or options.__pydantic_private__:
        return None
    values = []
    for name, value in options.__dict__.items():
        if type(value) not in _PLAIN_VALUES:
            return None
        values.append((name, type(value), value))
    return (type(options), tuple(values))


def _dotted(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc)


_CountMethod = Callable[["Platform", str, "PlatformOptions | None"], Count]
_REMEMBERED = 32
_VALIDATED = 100_000


def _remembering(count: _CountMethod) -> _CountMethod:
    """``count`` that remembers its last results for one account's options.

    Formatting a post, measuring its parts, checking them and validating them each ask for the
    same count; options are frozen and a count depends only on the text and the options, so
    the first answer serves them all. The memory is dropped whenever other options come (the
    next account) and kept small.
    """

    @functools.wraps(count)
    def remembered(self: Platform, text: str, options: PlatformOptions | None = None) -> Count:
        memory: tuple[PlatformOptions | None, dict[tuple[object, str], Count]] | None
        memory = self.__dict__.get("_counted")
        if memory is None or memory[0] is not options:
            memory = (options, {})
            self.__dict__["_counted"] = memory
        known = memory[1]
        key = (count, text)
        found = known.get(key)
        if found is None:
            if len(known) >= _REMEMBERED:
                known.clear()
            found = known[key] = count(self, text, options)
        return found

    return remembered


# Options classes and names they do not have: pydantic answers such a getattr slowly (it looks
# for private and extra attributes first, then raises), and the answer is always the default.
_LACKING: set[tuple[type, str]] = set()
_ABSENT = object()


def _option(options: PlatformOptions, name: str, default: Any) -> Any:
    """``getattr(options, name, default)``, fast where the options class has no such name."""
    key = (type(options), name)
    if key in _LACKING:
        return default
    value = getattr(options, name, _ABSENT)
    if value is not _ABSENT:
        return value
    cls = type(options)
    plain = cls.__getattr__ is BaseModel.__getattr__  # type: ignore[attr-defined]
    if plain and name not in cls.__pydantic_fields__ and not hasattr(cls, name):
        _LACKING.add(key)  # no field, class attribute or own __getattr__ could answer later
    return default


class Platform:
    """Base class for platform plugins."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "count" in cls.__dict__:
            cls.count = _remembering(cls.__dict__["count"])  # type: ignore[method-assign,assignment]

    name: ClassVar[str]
    display_name: ClassVar[str]
    limit: ClassVar[int]
    counting: ClassVar[str] = "Unicode code points"
    unit: ClassVar[str] = "characters"
    supports_threads: ClassVar[bool] = False
    Options: ClassVar[type[PlatformOptions]] = PlatformOptions
    #: Most hashtags a post keeps (``None``: no platform cap); extra tags lose their ``#``.
    max_hashtags: ClassVar[int | None] = None
    #: ``camel`` writes ``#open_source`` as ``#OpenSource`` (screen readers read it word by word).
    hashtag_style: ClassVar[Literal["as_written", "camel"]] = "as_written"

    def options(
        self, raw: Mapping[str, Any] | None = None, *, language: str = "en"
    ) -> PlatformOptions:
        """Validate an account's options; raise :class:`UsageError` naming the bad one.

        :param language: the language of the error message (the kit's language).
        """
        # Drafting, formatting and checking ask for the same account's options once per post.
        # Options are frozen, so the first answer serves every later call with the same, unchanged
        # mapping; it also keeps the count memory (keyed by the options object) from being dropped.
        memory: dict[int, tuple[Any, Any, PlatformOptions]] = self.__dict__.setdefault(
            "_validated", {}
        )
        remembered = memory.get(id(raw))
        if remembered is not None and remembered[0] is raw and remembered[1] == raw:
            return remembered[2]
        try:
            validated = self.Options.model_validate(dict(raw or {}))
        except ValidationError as error:
            from ..i18n import say
            from ..i18n.pydantic_errors import pydantic_message

            known = ", ".join(self.Options.model_fields) or say("none", language)
            details = "; ".join(
                say("platform_options.unknown", language, name=_dotted(e["loc"]), known=known)
                if e["type"] == "extra_forbidden"
                else f"{_dotted(e['loc'])}: {pydantic_message(e, language)}"
                for e in error.errors()
            )
            raise UsageError(
                say("platform_options", language, platform=self.display_name, details=details)
            ) from None
        # Options alike (the same values of the same plain types, as most accounts have) are
        # one object: counts remembered for one account then serve the next one too.
        alike = plain_options_key(validated)
        if alike is not None:
            shared: dict[Hashable, PlatformOptions] = self.__dict__.setdefault("_alike", {})
            if len(shared) >= _VALIDATED:
                shared.clear()
            validated = shared.setdefault(alike, validated)
        if len(memory) >= _VALIDATED:
            memory.clear()
        # The mapping itself is kept, so its id is not reused while the entry lives.
        memory[id(raw)] = (raw, None if raw is None else dict(raw), validated)
        return validated

    def _options(self, options: PlatformOptions | None) -> PlatformOptions:
        return options if isinstance(options, self.Options) else self.Options()

    def limit_for(self, options: PlatformOptions | None = None) -> int:
        """The limit for an account with these options (``max_characters`` where it is one)."""
        configured = _option(self._options(options), "max_characters", None)
        return configured if isinstance(configured, int) else self.limit

    def hashtag_cap(self, options: PlatformOptions | None = None) -> int | None:
        """Most hashtags a post keeps for an account with these options."""
        configured = _option(self._options(options), "max_hashtags", None)
        return configured if isinstance(configured, int) else self.max_hashtags

    def count(self, text: str, options: PlatformOptions | None = None) -> Count:
        """Measure ``text``; the base class counts code points.

        The count depends on ``text`` and ``options`` alone: a post's parts are counted once,
        when the post is made, and the checks take those counts.
        """
        limit = self.limit_for(options)
        length = len(text)
        return counted(length, limit, 0 < length <= limit, self.unit)

    def prepare(
        self, text: str, options: PlatformOptions | None = None, language: str = "en"
    ) -> str:
        """Apply the platform's conventions to a whole draft (hashtag style and cap)."""
        return self._style_hashtags(text, self.hashtag_cap(options))

    def _style_hashtags(self, text: str, cap: int | None) -> str:
        if cap is None and self.hashtag_style == "as_written":
            return text  # nothing to restyle or drop, whatever tags there are: no need to look
        # Every tag stays as written where its sign is "#" (no "＃" to turn into one), its value
        # has no "_" to camel-case and no more signs than the cap mean no more tags than it.
        # The pieces below then join to the text itself, and only the lines with a "#" are
        # tidied. Where that tidying leaves the text as it is, the text is the answer whether or
        # not any "#" starts a tag: no need to look for them.
        if (
            type(text) is str
            and "＃" not in text
            and (cap is None or not more_signs_than(text, cap))
            and (self.hashtag_style != "camel" or "_" not in text)
            and is_tidy(text)
        ):
            return text
        return self._restyled_hashtags(text, cap)

    def _restyled_hashtags(self, text: str, cap: int | None) -> str:
        """What :meth:`_style_hashtags` gives, each tag looked at."""
        found = hashtags(text)
        if not found:
            return text
        pieces: list[str] = []
        cursor = 0
        for index, tag in enumerate(found):
            pieces.append(text[cursor : tag.start])
            value = tag.value
            if self.hashtag_style == "camel" and "_" in value:
                value = "".join(p[:1].upper() + p[1:] for p in value.split("_") if p)
            if cap is not None and index >= cap:
                # Over the cap: a tag that stands among tags goes; one inside a sentence stays
                # as a plain word, so the sentence still reads.
                line_start = text.rfind("\n", 0, tag.start) + 1
                line_end = text.find("\n", tag.end)
                line = text[line_start : line_end if line_end >= 0 else len(text)]
                keep_word = any(not w.startswith(("#", "＃")) for w in line.split())
                pieces.append(value if keep_word else "")
            else:
                pieces.append(f"#{value}")
            cursor = tag.end
        pieces.append(text[cursor:])
        return tidied("".join(pieces))

    def split(
        self, text: str, options: PlatformOptions | None = None, *, lead: str | None = None
    ) -> list[str]:
        """Parts of a thread, each valid, ``lead`` (the disclosure) opening the first part.

        Platforms without threads return the text as one part.
        """
        if not self.supports_threads:
            return [f"{lead}\n\n{text}" if lead else text]
        numbered = bool(_option(self._options(options), "number_parts", False))
        return split_thread(
            text, lambda part: self.count(part, options).valid, lead=lead, numbered=numbered
        )

    def format(
        self,
        text: str,
        options: PlatformOptions | None = None,
        *,
        disclosure: str | None = None,
        language: str = "en",
    ) -> list[str]:
        """Shape a draft for this platform: one part, or a thread where the platform has threads.

        :param disclosure: the disclosure the draft carries; in a thread it opens the first part,
            wherever the kit placed it in the draft.
        :param language: the draft's language, for notes the platform adds.
        """
        text = self.prepare(text.strip(), options, language)
        if not self.supports_threads or self.count(text, options).valid:
            return [text]
        return self._thread(text, options, disclosure)

    def _thread(
        self, text: str, options: PlatformOptions | None, disclosure: str | None
    ) -> list[str]:
        """The rest of :meth:`format` for a prepared ``text`` too long for one post."""
        if disclosure and disclosure in text:
            text = text.replace(disclosure, "", 1).strip()
            while "\n\n\n" in text:
                text = text.replace("\n\n\n", "\n\n")
        # Nothing to split (an empty draft) is still one post: the checks then say it is empty.
        return self.split(text, options, lead=disclosure) or [text]

    def validate(
        self, text: str, options: PlatformOptions | None = None, *, language: str = "en"
    ) -> list[str]:
        """Problems that make the network reject or cut ``text``, each saying what to do.

        These are :meth:`length_problems` followed by :meth:`extra_problems`; override those
        (or this, for anything else).
        """
        return [
            *self.length_problems(text, self.count(text, options), language=language),
            *self.extra_problems(text, options, language=language),
        ]

    def extra_problems(
        self, text: str, options: PlatformOptions | None = None, *, language: str = "en"
    ) -> list[str]:
        """What the platform rejects beyond the base rules (characters, links, tags …).

        The base class has none. The checks ask for these alone, without measuring the text
        again, where a platform keeps :meth:`validate` and :meth:`length_problems` as they are.
        """
        return []

    def length_problems(self, text: str, measured: Count, *, language: str = "en") -> list[str]:
        """What the base rules say of ``text`` (empty, too long) from its ``measured`` count.

        :meth:`validate` starts from these; the checks call it with the count they already have,
        so a post is not measured twice.
        """
        if not text.strip():
            return [message("empty", language)]
        if measured.over_by:
            return [
                message(
                    "over",
                    language,
                    over=measured.over_by,
                    unit=measured.unit,
                    platform=self.display_name,
                    limit=measured.limit,
                    length=measured.length,
                )
            ]
        return []

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} limit={self.limit}>"
