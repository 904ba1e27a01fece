"""AK2xx: the disclosure the employer owes is in the post, in its first part, in its language.

Whether a post needs one is decided from the kit (the topic promotes the employer, or the
guidelines ask for it on every post), not from the draft, so a lost disclosure is still noticed.
"""

from __future__ import annotations

from ..calendar import Draft, Finding, Post
from ..models import Kit
from .folding import fold_text
from .messages import say
from .where import Where

__all__ = ["disclosure_findings", "disclosure_required"]


def disclosure_required(draft: Draft, kit: Kit) -> bool:
    """True when the guidelines require a disclosure on this draft's post."""
    if kit.guidelines.disclosure.applies_to == "all":
        return True
    try:
        return kit.topic(draft.assignment.topic_id).promotes_employer
    except LookupError:  # a draft made outside the planner: trust what drafting decided
        return draft.disclosure is not None


def disclosure_findings(post: Post, draft: Draft, kit: Kit, where: Where) -> list[Finding]:
    """AK201 (missing), AK202 (not in the first part), AK203 (not in the post's language)."""
    if not disclosure_required(draft, kit):
        return []
    return required_disclosure_findings(post, draft, kit, where)


def required_disclosure_findings(post: Post, draft: Draft, kit: Kit, where: Where) -> list[Finding]:
    """:func:`disclosure_findings` of a post that :func:`disclosure_required` says needs one."""
    language = where.language
    texts = kit.guidelines.disclosure.texts
    post_language = draft.assignment.language
    own = texts.get(post_language)
    candidates = [own] if own else list(texts.values())
    if draft.disclosure and draft.disclosure not in candidates:
        candidates.append(draft.disclosure)
    if not candidates:
        return [where.finding("AK201", say("AK201-no-text", language, language=post_language))]
    whole = fold_text(post.text)
    first = fold_text(post.parts[0]) if post.parts else ""
    present = [text for text in candidates if fold_text(text) in whole]
    if not present:
        return [where.finding("AK201", say("AK201", language, text=candidates[0]))]
    findings = []
    if not any(fold_text(text) in first for text in present):
        findings.append(where.finding("AK202", say("AK202", language, text=present[0])))
    if own is None:
        findings.append(where.finding("AK203", say("AK203", language, language=post_language)))
    return findings
