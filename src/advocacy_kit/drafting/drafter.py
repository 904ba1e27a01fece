"""Assignments → drafts, rendered from Jinja templates in a sandbox.

Lookup for a post kind on a platform in a language: ``<lang>/<kind>.<platform>.j2``, then
``<lang>/<kind>.j2``; first in the kit's own ``templates/`` folder, then in folders plugins
register, then in the built-ins. ``default:<lang>/<kind>.j2`` always names the built-in, so a kit
template can extend it and change only a block.

Topic text is passed as data and printed with autoescaping off: it is never parsed as template
code, so ``{{ 7*7 }}`` in a title stays ``{{ 7*7 }}``. The disclosure is added here, after the
template ran, so no template can leave it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from ..calendar import Assignment, Draft
from ..errors import TemplateError
from ..models import Kit, Topic
from ..prevalidated import builder, shared_fields_set
from .context import ContextMemo, context_of, template_context
from .context_parts import SlotView
from .environment import has_template_place, make_environment, render_template, template_error
from .filters import format_hashtags, format_mentions, localised_date, sentence, shorten

if TYPE_CHECKING:
    from ..platforms.base import Platform

__all__ = ["Drafter"]

# Runs of three or more newlines, the same matches as ``\n{3,}``: written out, the pattern
# opens with a literal the engine looks for directly, instead of trying the repeat at every
# character (nearly every rendered template has such runs, at a third of the cost).
_BLANK_LINES = re.compile(r"\n\n\n+")
_DRAFT_FIELDS_SET = shared_fields_set(
    Draft, ("id", "assignment", "text", "template", "disclosure", "prompts")
)
_build_draft = builder(Draft)
_UNKNOWN: Any = object()  # not in a memo yet
_new = object.__new__
_set = object.__setattr__


def _without_blank_lines(text: str) -> str:
    """``text`` with runs of blank lines made one, stripped."""
    if "\n\n\n" in text:  # the only texts the pattern can change
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


@jinja2.pass_context
def _pick(context: jinja2.runtime.Context, options: Sequence[Any], offset: int = 0) -> Any:
    """One of ``options`` by the assignment's variant, so colleagues get different wording."""
    if not options:
        return ""
    variant = context.get("variant", 0)
    index = (variant if isinstance(variant, int) else 0) + offset
    return options[index % len(options)]


@jinja2.pass_context
def _date(context: jinja2.runtime.Context, value: Any, format: str = "weekday_day_month") -> str:
    return localised_date(value, str(context.get("language", "en")), format)


class Drafter:
    """Renders drafts for one kit. Build it once per plan; it caches compiled templates."""

    def __init__(
        self,
        kit: Kit,
        *,
        template_dirs: Sequence[Path] | None = None,
        prepare: Callable[[jinja2.Environment], None] | None = None,
        platforms: Mapping[str, Platform] | None = None,
    ) -> None:
        self.kit = kit
        own = [kit._folder / "templates"] if kit._folder is not None else []
        self.env = make_environment([*own, *(template_dirs or [])])
        # A drafter lives for one plan: templates are read once, not checked for changes on
        # every draft (and every {% extends %}) as a long-lived environment would.
        self.env.auto_reload = False
        # For the same reason every template it compiles is kept: a plain dictionary, where
        # Jinja's 400-place LRU cache reorders a queue on every {% extends %} of every draft.
        self.env.cache = {}
        self._templates: dict[tuple[str, str, str], jinja2.Template] = {}
        self._memo = ContextMemo(kit)
        cap = kit.guidelines.hashtags.max_per_post

        def hashtags(tags: Any, limit: int | None = None, camel: bool = False) -> str:
            return format_hashtags(tags, limit, camel=camel, cap=cap)

        self.env.filters.update(
            hashtags=hashtags,
            mentions=format_mentions,
            shorten=shorten,
            sentence=sentence,
            date=_date,
            pick=_pick,
        )
        self.marker = kit.settings.prompt_marker
        opening, closing = (re.escape(m) for m in self.marker)
        self._prompt = re.compile(f"{opening}(.+?){closing}", flags=re.DOTALL)
        self.env.globals["prompt"] = self.prompt
        self._platforms = platforms
        if prepare is not None:
            prepare(self.env)

    @property
    def platforms(self) -> Mapping[str, Platform]:
        """The platforms whose limits templates see (the registered ones unless given)."""
        if self._platforms is None:
            from ..plugins import get_platforms

            self._platforms = get_platforms()
        return self._platforms

    def prompt(self, text: str) -> str:
        """A place for the person's own words, e.g. ``[[your own example]]``."""
        return f"{self.marker[0]}{text}{self.marker[1]}"

    def prompts_in(self, text: str) -> list[str]:
        """The prompts left in a text, without their markers."""
        return self._prompt.findall(text)

    def select(self, names: Sequence[str], what: str) -> jinja2.Template:
        """The first template of ``names`` that exists; a clear error if none does."""
        try:
            return self.env.select_template(list(names))
        except jinja2.TemplatesNotFound:
            raise TemplateError(
                f"no template for {what}: looked for {', '.join(names)}\n"
                f"  hint: add templates/{names[-1]} to the kit, or use a language with built-in "
                "templates (de, en)"
            ) from None
        except jinja2.TemplateSyntaxError as error:
            raise template_error(error, names[0]) from None
        except jinja2.TemplateNotFound as error:  # an {% extends %} inside names a missing one
            raise template_error(error, names[0]) from None

    def template_for(self, language: str, kind: str, platform: str) -> jinja2.Template:
        """The most specific template for this language, kind and platform."""
        key = (language, kind, platform)
        found = self._templates.get(key)
        if found is None:
            names = [f"{language}/{kind}.{platform}.j2", f"{language}/{kind}.j2"]
            found = self._templates[key] = self.select(names, f"{kind!r} in {language!r}")
        return found

    def render(self, template: jinja2.Template, context: Mapping[str, Any]) -> str:
        """Render with every failure turned into a :class:`TemplateError` naming file and line."""
        try:
            text = render_template(template, context)  # a copy of the mapping, as Jinja makes
        except Exception as error:  # a template bug of any kind names its line
            if not isinstance(error, jinja2.TemplateError) and not has_template_place(error):
                raise
            raise template_error(error, template.name or "") from None
        return _without_blank_lines(text)

    def disclosure_for(self, topic: Topic, language: str) -> str | None:
        """The disclosure the guidelines require for this topic in this language, if any.

        Falls back to the organisation's language, then to any text the guidelines give. The
        wording is the employer's to choose, so none is invented: with no text at all the draft
        has none, and the check AK201 asks for ``guidelines.disclosure.texts``.
        """
        return self._memo.disclosure(topic, language)

    def context(self, assignment: Assignment) -> dict[str, Any]:
        """What a template sees for this assignment; documented in docs/templates.md."""
        person = self.kit.person(assignment.slot.person_id)
        topic = self.kit.topic(assignment.topic_id)
        platform = self.platforms.get(assignment.slot.platform)
        return template_context(self.kit, assignment, person, topic, platform, memo=self._memo)

    def draft(self, assignment: Assignment) -> Draft:
        """Render one draft; raise :class:`TemplateError` naming the template and line."""
        if type(self) is not Drafter:
            # A subclass may have changed any step: take them one by one, as they are.
            return self._draft_by_steps(assignment)
        # The steps of _draft_by_steps in their order, each as its method does it, with the
        # topic looked up once, the memo's dictionaries read here and the context made here
        # as _context makes it. The assignment's and the slot's fields are read from their
        # own dictionaries (each attribute of a model costs a look in its class first); one
        # made without all of them takes the steps, which say what is missing.
        try:
            fields = assignment.__dict__
            slot = fields["slot"]
            language = fields["language"]
            topic_id = fields["topic_id"]
            kind = fields["kind"]
            variant = fields["variant"]
            campaign_id = fields["campaign_id"]
            at = slot.__dict__
            name = at["platform"]
            person_id = at["person_id"]
            start = at["start"]
            timezone = at["timezone"]
        except (AttributeError, KeyError):
            return self._draft_by_steps(assignment)
        kit = self.kit
        topic = kit.topic(topic_id)
        template = self._templates.get((language, kind, name))
        if template is None:
            template = self.template_for(language, kind, name)
        platforms = self._platforms if self._platforms is not None else self.platforms
        platform = platforms.get(name)
        memo = self._memo
        # The memo's record of the person's account holds the person kit.person found for it
        # (a memo belongs to the kit as it stands): a person is looked up once per account.
        record = memo._records.get((person_id, name))
        if record is None:
            person = kit.person(person_id)
            record = memo._record(platform, person, name)
        else:
            person = record[0]
        view = _new(SlotView)  # SlotView.of(slot, language)
        _set(
            view,
            "__dict__",
            {"start": start, "platform": name, "timezone": timezone, "language": language},
        )
        context = context_of(
            memo,
            person,
            topic,
            platform,
            record,
            view,
            (name, language, kind, variant, campaign_id),
        )
        body = self.render(template, context)
        # The disclosure depends on whether the topic promotes the employer, and the language.
        disclosure = memo._disclosures.get((topic.promotes_employer, language), _UNKNOWN)
        if disclosure is _UNKNOWN:
            disclosure = memo.disclosure(topic, language)
        # What _made does, with prompts_in's pattern asked directly.
        text = body
        if disclosure:
            first = kit.guidelines.disclosure.position == "start"
            text = f"{disclosure}\n\n{body}" if first else f"{body}\n\n{disclosure}"
        return _build_draft(
            {
                "id": slot.id,
                "assignment": assignment,
                "text": text.strip(),
                "template": template.name or "",
                "disclosure": disclosure,
                "prompts": self._prompt.findall(body),
                "edited": False,
            },
            _DRAFT_FIELDS_SET,
        )

    def _draft_by_steps(self, assignment: Assignment) -> Draft:
        """:meth:`draft` through each of the drafter's methods."""
        topic = self.kit.topic(assignment.topic_id)
        template = self.template_for(assignment.language, assignment.kind, assignment.slot.platform)
        body = self.render(template, self.context(assignment))
        disclosure = self.disclosure_for(topic, assignment.language)
        return self._made(assignment, template, body, disclosure)

    def _made(
        self, assignment: Assignment, template: jinja2.Template, body: str, disclosure: str | None
    ) -> Draft:
        """The draft of a rendered body, with the disclosure where the guidelines put it."""
        text = body
        if disclosure:
            first = self.kit.guidelines.disclosure.position == "start"
            text = f"{disclosure}\n\n{body}" if first else f"{body}\n\n{disclosure}"
        # Every value is a validated one or a string made here: nothing to validate again. The
        # names are Draft's fields in their order, so this is what prevalidated(Draft, ...) makes.
        return _build_draft(
            {
                "id": assignment.slot.id,
                "assignment": assignment,
                "text": text.strip(),
                "template": template.name or "",
                "disclosure": disclosure,
                "prompts": self.prompts_in(body),
                "edited": False,
            },
            # As model_construct leaves it: ``edited`` took its default.
            _DRAFT_FIELDS_SET,
        )

    def with_edited_text(self, draft: Draft, text: str) -> Draft:
        """The draft carrying the text a person edited, with the prompts still left in it."""
        return draft.model_copy(
            update={"text": text.strip(), "prompts": self.prompts_in(text), "edited": True}
        )
