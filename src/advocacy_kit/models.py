"""The kit as typed, validated values.

Everything a comms team or a single expert writes in a kit's YAML files ends up here. Models are
frozen (they are values), forbid unknown keys (a typo must not be silently ignored) and carry
validators whose messages say what to do. Cross-references — a topic naming an area, a campaign
naming a topic — are checked once the whole kit is known, in :meth:`Kit._check_references`.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .field_types import (
    CadenceText,
    Id,
    LanguageCode,
    TimeZoneName,
    check_holiday_region,
    problem,
)
from .references import describe_reference, reference_problems

__all__ = [
    "POST_KINDS",
    "Account",
    "AwayPeriod",
    "BlockedTerm",
    "Campaign",
    "Disclosure",
    "ExpertiseArea",
    "Guidelines",
    "HashtagRules",
    "Kit",
    "Level",
    "Organization",
    "Person",
    "PostKind",
    "Settings",
    "SharingHours",
    "Topic",
    "Voice",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Level = Literal["learning", "practitioner", "expert"]
"""How deep a person's expertise in an area goes. Everyone has something to say."""

PostKind = Literal[
    "tip",
    "question",
    "lesson_learned",
    "opinion",
    "event",
    "article_share",
    "behind_the_scenes",
    "myth_vs_fact",
    "series_part",
]
POST_KINDS: tuple[str, ...] = typing.get_args(PostKind)


class Organization(_Model):
    """The employer: its name, home time zone, language and public-holiday region."""

    name: str
    website: str | None = None
    timezone: TimeZoneName = "Europe/Berlin"
    language: LanguageCode = "en"
    holiday_region: Annotated[str | None, AfterValidator(check_holiday_region)] = Field(
        default=None,
        pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$",
        description="ISO 3166 country, optionally with subdivision: DE, DE-BY, US-NY.",
    )


class Disclosure(_Model):
    """What a person must say about working for the employer, per language."""

    texts: dict[LanguageCode, str] = Field(default_factory=dict)
    applies_to: Literal["promotional", "all"] = "promotional"
    position: Literal["start", "end"] = "end"


def _term_shorthand(value: Any) -> Any:
    return {"term": value} if isinstance(value, str) else value


class BlockedTerm(_Model):
    """A word a post must not contain: a code name, a confidential marker, an old product name."""

    term: str = Field(min_length=1)
    compounds: bool = Field(
        default=False, description="Also match inside compounds (Falke → Projektfalke)."
    )
    reason: str = ""


class HashtagRules(_Model):
    """How many hashtags a post may carry, whatever the platform allows."""

    max_per_post: int = Field(default=5, ge=0, le=30)


class Guidelines(_Model):
    """The employer's rules for people who post about their work."""

    disclosure: Disclosure = Field(default_factory=Disclosure)
    blocked_terms: list[
        Annotated[
            BlockedTerm,
            # A plain string is the short form of {term: …}; the schema says so for editors.
            BeforeValidator(_term_shorthand, json_schema_input_type=BlockedTerm | str),
        ]
    ] = Field(default_factory=list)
    hashtags: HashtagRules = Field(default_factory=HashtagRules)
    support_channel: str | None = Field(
        default=None, description="Where customer complaints belong, e.g. a support address."
    )
    employer_domains: list[str] = Field(default_factory=list)
    tracking_parameters: dict[str, str] = Field(default_factory=dict)


class ExpertiseArea(_Model):
    """A field people know about, such as internal communication or data protection."""

    id: Id
    name: str
    description: str = ""


class Topic(_Model):
    """Something worth posting about, tied to one or more expertise areas."""

    id: Id
    title: str = Field(min_length=1)
    areas: list[str] = Field(min_length=1)
    kind: PostKind | None = Field(
        default=None, description="Fixed post kind; by default the person's level picks it."
    )
    key_points: list[str] = Field(default_factory=list)
    link: str | None = None
    hashtags: list[str] = Field(default_factory=list)
    languages: list[LanguageCode] = Field(
        default_factory=list, description="Languages the topic suits; empty means any."
    )
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    evergreen: bool = True
    promotes_employer: bool = False

    @model_validator(mode="after")
    def _dates_in_order(self) -> Topic:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise problem("date_order", "topic_dates")
        return self


class Campaign(_Model):
    """A time window in which some topics get priority (and outside which they are never used)."""

    id: Id
    title: str
    starts: dt.date
    ends: dt.date
    topics: list[str] = Field(min_length=1)
    priority: int = Field(default=1, ge=1, le=10)

    @model_validator(mode="after")
    def _window_in_order(self) -> Campaign:
        if self.ends < self.starts:
            raise problem("date_order", "campaign_dates")
        return self


class AwayPeriod(_Model):
    """Holidays, parental leave, a conference: no slots in these days (inclusive)."""

    starts: dt.date
    ends: dt.date
    reason: str = ""

    @model_validator(mode="after")
    def _in_order(self) -> AwayPeriod:
        if self.ends < self.starts:
            raise problem("date_order", "away_dates", ends=self.ends, starts=self.starts)
        return self


class SharingHours(_Model):
    """The local hours in which a person is happy to post. No slot falls outside them."""

    start: dt.time = dt.time(8, 0)
    end: dt.time = dt.time(18, 0)

    @model_validator(mode="after")
    def _in_order(self) -> SharingHours:
        if self.end <= self.start:
            raise problem("time_order", "sharing_hours")
        return self

    def __contains__(self, moment: dt.time) -> bool:
        return self.start <= moment <= self.end


class Voice(_Model):
    """How a person sounds, so drafts start closer to their own words."""

    tone: Literal["friendly", "matter-of-fact", "enthusiastic", "formal"] = "friendly"
    emoji: Literal["none", "few", "many"] = "few"


class Account(_Model):
    """A person's account on one platform, with how often they want to post there."""

    handle: str = ""
    cadence: CadenceText
    active: bool = True
    options: dict[str, Any] = Field(
        default_factory=dict,
        description="Platform settings, e.g. a Mastodon instance's max_characters.",
    )


class Person(_Model):
    """An employee who posts about their field — an advocate."""

    id: Id
    name: str
    role: str = ""
    languages: list[LanguageCode] = Field(min_length=1, description="The first is the default.")
    timezone: TimeZoneName | None = Field(
        default=None, description="Defaults to the organisation's time zone."
    )
    expertise: dict[str, Level] = Field(min_length=1, description="Area id → level.")
    accounts: dict[str, Account] = Field(default_factory=dict, description="Platform → account.")
    weekly_cap: int | None = Field(
        default=None, ge=0, le=21, description="Posts per week across platforms."
    )
    away: list[AwayPeriod] = Field(default_factory=list)
    sharing_hours: SharingHours = Field(default_factory=SharingHours)
    voice: Voice = Field(default_factory=Voice)
    active: bool = Field(default=True, description="False when the person has opted out.")

    @property
    def language(self) -> str:
        """The language drafts are written in unless a topic asks for another one."""
        return self.languages[0]


class Settings(_Model):
    """Knobs with sensible defaults; most kits never set any of them."""

    freshness_weeks: int = Field(default=6, ge=0, le=52)
    default_weekly_cap: int = Field(default=3, ge=0, le=21)
    colleague_spacing_minutes: int = Field(default=30, ge=0, le=240)
    prompt_marker: tuple[str, str] = ("[[", "]]")
    similarity_threshold: float = Field(default=0.85, gt=0, le=1)
    history_path: str = ".advocacy-kit/history.sqlite3"
    share_across_platforms: bool = Field(
        default=False,
        description="When no fresh topic fits a slot, share one of the person's topics of this "
        "week on another platform instead of leaving the slot empty.",
    )


class Kit(_Model):
    """Everything needed to plan a week: the organisation, its rules, its people and topics."""

    organization: Organization
    guidelines: Guidelines = Field(default_factory=Guidelines)
    areas: list[ExpertiseArea] = Field(min_length=1)
    topics: list[Topic] = Field(default_factory=list)
    campaigns: list[Campaign] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)

    _folder: Any = PrivateAttr(default=None)
    _ids: dict[str, tuple[list[Any], int, dict[str, int]]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _check_references(self) -> Kit:
        # Only the ids and what points at them: dumping every person's whole model would
        # cost a tenth of a second for 10,000 people and give reference_problems the same view.
        problems = reference_problems(
            {
                "areas": [{"id": area.id} for area in self.areas],
                "topics": [{"id": topic.id, "areas": topic.areas} for topic in self.topics],
                "campaigns": [
                    {"id": campaign.id, "topics": campaign.topics} for campaign in self.campaigns
                ],
                "people": [
                    {"id": person.id, "expertise": person.expertise} for person in self.people
                ],
            }
        )
        if problems:
            raise PydanticCustomError(
                "references",
                "; ".join(describe_reference(problem, "en")[0] for problem in problems),
                {"problems": problems},
            )
        return self

    def person(self, person_id: str) -> Person:
        """The person with that id (:class:`LookupError` if there is none)."""
        found = self._by_id("people", person_id)
        if isinstance(found, Person):
            return found
        raise LookupError(f"no person with id {person_id!r} in this kit")

    def topic(self, topic_id: str) -> Topic:
        """The topic with that id (:class:`LookupError` if there is none)."""
        found = self._by_id("topics", topic_id)
        if isinstance(found, Topic):
            return found
        raise LookupError(f"no topic with id {topic_id!r} in this kit")

    def _by_id(self, section: str, wanted: str) -> Any:
        """The first entry of ``section`` with id ``wanted``, or None, in constant time.

        The index of ids is rebuilt whenever the list is another one or has another length; a
        hit is checked against the list, so a list changed in place still finds the right entry.
        """
        entries: list[Any] = getattr(self, section)
        # ``self._ids`` would go through pydantic's __getattr__ (about a microsecond); planning
        # looks people up tens of thousands of times, so read the private values directly.
        ids: dict[str, tuple[list[Any], int, dict[str, int]]] = self.__pydantic_private__["_ids"]  # type: ignore[index]
        cached = ids.get(section)
        if cached is None or cached[0] is not entries or cached[1] != len(entries):
            positions: dict[str, int] = {}
            for place, entry in enumerate(entries):
                positions.setdefault(entry.id, place)
            cached = (entries, len(entries), positions)
            ids[section] = cached
        position = cached[2].get(wanted)
        if position is not None and position < len(entries) and entries[position].id == wanted:
            return entries[position]
        return next((entry for entry in entries if entry.id == wanted), None)

    def timezone_of(self, person: Person) -> str:
        """The IANA zone the person's slots are in."""
        return person.timezone or self.organization.timezone

    def weekly_cap_of(self, person: Person) -> int:
        """The most posts a week that person plans, across platforms."""
        if person.weekly_cap is not None:
            return person.weekly_cap
        return self.settings.default_weekly_cap
