"""The employer's links carry the kit's tracking parameters — a built-in ``adjust_post`` plugin.

When a kit sets ``guidelines.tracking_parameters`` and ``guidelines.employer_domains``, every link
to those domains gets the parameters added (others in its query are kept), so nobody has to
remember them. The check AK701 reports any such link that still lacks them, e.g. in edited text.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .calendar import Draft, Post
from .hookspecs import hookimpl
from .models import Kit

__all__ = ["find_urls", "is_employer_url", "missing_parameters", "track_links", "with_parameters"]

_URL = re.compile(r"https?://[^\s<>\"“”„»«]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'’"


def find_urls(text: str) -> list[str]:
    """Every http(s) URL in ``text``, without punctuation that ends the sentence around it."""
    urls = []
    for match in _URL.finditer(text):
        url = match[0]
        while url and url[-1] in _TRAILING:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        urls.append(url)
    return urls


def is_employer_url(url: str, domains: list[str]) -> bool:
    """Whether ``url`` points at one of the employer's domains (subdomains included)."""
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:  # a host Python cannot read (``https://＃``, a broken ``[…]``): not theirs
        return False
    return any(host == d or host.endswith(f".{d}") for d in (d.lower().strip(".") for d in domains))


def missing_parameters(url: str, parameters: dict[str, str]) -> dict[str, str]:
    """The tracking parameters ``url`` lacks (or carries with another value)."""
    query = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
    return {key: value for key, value in parameters.items() if query.get(key) != value}


def with_parameters(url: str, parameters: dict[str, str]) -> str:
    """``url`` with ``parameters`` set in its query (existing other parameters kept)."""
    parts = urlsplit(url)
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in parameters
    ]
    query.extend(parameters.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


def track_links(text: str, kit: Kit) -> str:
    """``text`` with the kit's tracking parameters on every link to the employer's domains."""
    guidelines = kit.guidelines
    wanted = guidelines.tracking_parameters
    if not wanted or not guidelines.employer_domains:
        return text
    for url in dict.fromkeys(find_urls(text)):
        if is_employer_url(url, guidelines.employer_domains) and missing_parameters(url, wanted):
            # Replace whole URLs only: a URL that is a prefix of another must not be cut into.
            tracked = with_parameters(url, wanted)
            text = re.sub(
                rf"{re.escape(url)}(?=$|[\s.,;:!?)\]}}'’\"“”„»«<>])",
                lambda _, tracked=tracked: tracked,  # type: ignore[misc]
                text,
            )
    return text


@hookimpl
def adjust_post(post: Post, draft: Draft, kit: Kit) -> Post | None:
    """Add the tracking parameters to the employer's links, and measure the post again."""
    guidelines = kit.guidelines
    if type(post.parts) is list and not (
        guidelines.tracking_parameters and guidelines.employer_domains
    ):
        return None  # track_links hands back each part as it is: the parts are the post's own
    parts = [track_links(part, kit) for part in post.parts]
    if parts == post.parts:
        return None
    from .plugins import get_platform
    from .posting import format_post, measure_parts

    platform = get_platform(post.platform)
    account = kit.person(draft.assignment.slot.person_id).accounts.get(post.platform)
    options = platform.options(account.options if account else None)
    tracked = measure_parts(platform, parts, options)
    if tracked.valid or not platform.supports_threads or draft.edited:
        return tracked
    # Longer links pushed a part over the limit: split the tracked text into a thread anew
    # (a person's own thread keeps the breaks they chose).
    return format_post(
        platform,
        track_links(draft.text, kit),
        options,
        disclosure=draft.disclosure,
        language=draft.assignment.language,
    )
