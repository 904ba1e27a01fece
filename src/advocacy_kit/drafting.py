"""Assignments → drafts, rendered from Jinja templates in a sandbox.

Lookup for a post kind on a platform in a language: ``<lang>/<kind>.<platform>.j2``, then
``<lang>/<kind>.j2``; first in the kit's own ``templates/`` folder, then in folders plugins
register, then in the built-ins. ``default:<lang>/<kind>.j2`` always names the built-in, so a kit
template can extend it and change only a block.

Topic text is passed as data and printed with autoescaping off: it is never parsed as template
code, so ``{{ 7*7 }}`` in a title stays ``{{ 7*7 }}``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from .calendar import Assignment, Draft
from .errors import TemplateError
from .models import Kit, Person, Topic

__all__ = ["BUILTIN_TEMPLATES", "Drafter"]

BUILTIN_TEMPLATES = Path(__file__).parent / "templates"


def _hashtags(tags: list[str], limit: int = 3, camel: bool = False) -> str:
    seen: dict[str, str] = {}
    for tag in tags:
        word = tag.lstrip("#＃").strip()
        if camel:
            word = "".join(part[:1].upper() + part[1:] for part in re.split(r"[\s_-]+", word))
        if word and word.casefold() not in seen:
            seen[word.casefold()] = f"#{word}"
    return " ".join(list(seen.values())[:limit])


def _template_line(error: BaseException) -> tuple[str | None, int | None]:
    """The template file and line an exception was raised from (Jinja rewrites tracebacks)."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return error.filename or error.name, error.lineno
    found: tuple[str | None, int | None] = (None, None)
    trace: TracebackType | None = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename == "<template>":
            found = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


class Drafter:
    """Renders drafts for one kit. Build it once per plan; it caches compiled templates."""

    def __init__(
        self,
        kit: Kit,
        *,
        template_dirs: list[Path] | None = None,
        prepare: Callable[[jinja2.Environment], None] | None = None,
    ) -> None:
        self.kit = kit
        own = [kit._folder / "templates"] if kit._folder is not None else []
        search = [str(p) for p in [*own, *(template_dirs or []), BUILTIN_TEMPLATES] if p.is_dir()]
        loader = jinja2.ChoiceLoader(
            [
                jinja2.PrefixLoader(
                    {"default": jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES))}, delimiter=":"
                ),
                jinja2.FileSystemLoader(search),
            ]
        )
        self.env = SandboxedEnvironment(
            loader=loader,
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters["hashtags"] = _hashtags
        self.marker = kit.settings.prompt_marker
        self.env.globals["prompt"] = self.prompt
        if prepare is not None:
            prepare(self.env)

    def prompt(self, text: str) -> str:
        """A place for the person's own words, e.g. ``[[your own example]]``."""
        return f"{self.marker[0]}{text}{self.marker[1]}"

    def template_for(self, language: str, kind: str, platform: str) -> jinja2.Template:
        """The most specific template for this language, kind and platform."""
        names = [f"{language}/{kind}.{platform}.j2", f"{language}/{kind}.j2"]
        try:
            return self.env.select_template(names)
        except jinja2.TemplatesNotFound:
            raise TemplateError(
                f"no template for {kind!r} in {language!r}: looked for {', '.join(names)}\n"
                f"  hint: add templates/{names[1]} to the kit, or use a language with built-in "
                "templates (de, en)"
            ) from None
        except jinja2.TemplateSyntaxError as error:
            raise self._error(error) from None

    def _error(self, error: BaseException) -> TemplateError:
        name, line = _template_line(error)
        where = f"{name}:{line}" if line else (name or "template")
        if isinstance(error, jinja2.UndefinedError):
            hint = "use only the variables the docs list for templates, or give it a default"
        elif isinstance(error, jinja2.exceptions.SecurityError):
            hint = "templates run in a sandbox: use data and filters, not Python internals"
        else:
            hint = "fix the template at that line"
        message = getattr(error, "message", None) or str(error)
        return TemplateError(f"{where}: {message}\n  hint: {hint}")

    def context(self, assignment: Assignment, person: Person, topic: Topic) -> dict[str, Any]:
        """What a template sees; documented in docs/templates.md."""
        return {
            "person": person,
            "topic": topic,
            "organization": self.kit.organization,
            "slot": assignment.slot,
            "kind": assignment.kind,
            "variant": assignment.variant,
            "language": assignment.language,
            "platform": assignment.slot.platform,
        }

    def disclosure_for(self, topic: Topic, language: str) -> str | None:
        """The disclosure text the guidelines require for this topic, if any."""
        rules = self.kit.guidelines.disclosure
        if not (topic.promotes_employer or rules.applies_to == "all"):
            return None
        texts = rules.texts
        return texts.get(language) or next(iter(texts.values()), None)

    def draft(self, assignment: Assignment) -> Draft:
        """Render one draft; raise :class:`TemplateError` naming the template and line."""
        person = self.kit.person(assignment.slot.person_id)
        topic = self.kit.topic(assignment.topic_id)
        template = self.template_for(assignment.language, assignment.kind, assignment.slot.platform)
        try:
            body = template.render(self.context(assignment, person, topic)).strip()
        except jinja2.TemplateError as error:
            raise self._error(error).with_traceback(None) from None
        except Exception as error:  # a template bug of any other kind still names the line
            if _template_line(error)[1] is None:
                raise
            raise self._error(error) from None
        body = re.sub(r"\n{3,}", "\n\n", body)
        disclosure = self.disclosure_for(topic, assignment.language)
        text = body
        if disclosure:
            first = self.kit.guidelines.disclosure.position == "start"
            text = f"{disclosure}\n\n{body}" if first else f"{body}\n\n{disclosure}"
        open_, close = (re.escape(m) for m in self.marker)
        prompts = re.findall(f"{open_}(.+?){close}", text)
        return Draft(
            id=assignment.slot.id,
            assignment=assignment,
            text=text,
            template=template.name or "",
            disclosure=disclosure,
            prompts=prompts,
        )
