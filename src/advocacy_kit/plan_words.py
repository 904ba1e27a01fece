"""The planner's reasons, each phrase worded once per week's plan.

A week of a large organisation gives each of tens of thousands of assignments six or seven
reasons, and most of them repeat: the same person's name in the same sentence, the same campaign,
count, post kind and level. A phrase depends only on the values put into it, so the first
wording of each serves every later one word for word. A phrase naming a person is put together
from the words around the name, worded once for everyone they fit.
"""

from __future__ import annotations

from .i18n import kind_label
from .reasons import level_word, say, say_around, say_between

__all__ = ["ReasonWords"]


class ReasonWords:
    """The reason phrases of one plan in the kit's language, remembered by what goes into them."""

    def __init__(self, language: str, area_names: dict[str, str]) -> None:
        self.language = language
        self.area_names = area_names
        self.known: dict[tuple[object, ...], str] = {}
        # The words before and after a field filled in per person (see reasons.say_around).
        self.around: dict[tuple[object, ...], tuple[str, str]] = {}
        # The phrases every assignment asks for, each by what goes into it (read them directly
        # when the key is there; the methods fill them in).
        self.rotations: dict[int, str] = {}
        self.kinds: dict[tuple[str, str, bool], str] = {}
        self.angles: dict[tuple[str, int], str] = {}
        # Per area: the balance reason before the person's name, between it and the count, and
        # after the count (see :meth:`balance`).
        self.balances: dict[str, tuple[str, str, str]] = {}

    def expertise(self, name: str, areas: tuple[str, ...], level: str) -> str:
        """The person's areas that the topic is in, and their level."""
        # Everyone with the same areas and level shares the words around the name.
        key = ("expertise", areas, level)
        around = self.around.get(key)
        if around is None:
            lang = self.language
            around = self.around[key] = say_around(
                "expertise",
                lang,
                "name",
                areas=", ".join(self.area_names[a] for a in areas),
                level=level_word(level, lang),
            )
        return f"{around[0]}{name}{around[1]}"

    def campaign(self, campaign_id: str, priority: int) -> str:
        """The campaign running on the slot's day."""
        key = ("campaign", campaign_id, priority)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = say(
                "campaign", self.language, campaign=campaign_id, priority=priority
            )
        return found

    def fresh_never(self, name: str) -> str:
        """The person has not had the topic before."""
        # The same words around every name, worded once.
        around = self.around.get(("fresh_never",))
        if around is None:
            around = self.around[("fresh_never",)] = say_around(
                "fresh_never", self.language, "name"
            )
        return f"{around[0]}{name}{around[1]}"

    def balance(self, area: str) -> tuple[str, str, str]:
        """The balance reason for ``area`` around the person's name and the area's count.

        ``f"{head}{name}{middle}{count}{tail}"`` is the reason, as ``say("balance", …)`` words
        it; the same for everyone, so worded once per area.
        """
        found = self.balances.get(area)
        if found is None:
            found = self.balances[area] = say_between(
                "balance", self.language, "name", "count", area=self.area_names[area]
            )
        return found

    def rotation(self, count: int) -> str:
        """How often the topic was used across the kit."""
        found = self.rotations.get(count)
        if found is None:
            found = self.rotations[count] = say("rotation", self.language, count=count)
        return found

    def kind(self, kind: str, level: str, fixed: bool) -> str:
        """Why the post has its kind: the topic asks for it, or the level suits it."""
        key = (kind, level, fixed)
        found = self.kinds.get(key)
        if found is None:
            lang = self.language
            label = kind_label(kind, lang)
            found = self.kinds[key] = (
                say("kind_fixed", lang, kind=label)
                if fixed
                else say("kind", lang, kind=label, level=level_word(level, lang))
            )
        return found

    def colleague_angle(self, kind: str, variant: int) -> str:
        """Colleagues have the topic that day too: another kind or variant."""
        key = (kind, variant)
        found = self.angles.get(key)
        if found is None:
            found = self.angles[key] = say(
                "colleague_angle",
                self.language,
                kind=kind_label(kind, self.language),
                variant=variant + 1,
            )
        return found
