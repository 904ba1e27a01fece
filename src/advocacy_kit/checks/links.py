"""AK701: links to the employer's own domains carry the kit's tracking parameters."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..calendar import Finding
from ..models import Kit
from .messages import say
from .where import Where

__all__ = ["find_urls", "link_findings", "with_parameters"]

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


def _is_employer(host: str, domains: list[str]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith(f".{d}") for d in (d.lower().strip(".") for d in domains))


def with_parameters(url: str, parameters: dict[str, str]) -> str:
    """``url`` with ``parameters`` set in its query (existing other parameters kept)."""
    parts = urlsplit(url)
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in parameters
    ]
    query.extend(parameters.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


def link_findings(text: str, kit: Kit, where: Where) -> list[Finding]:
    """AK701 for each employer link that lacks one of the kit's tracking parameters."""
    guidelines = kit.guidelines
    wanted = guidelines.tracking_parameters
    if not wanted or not guidelines.employer_domains:
        return []
    findings = []
    for url in dict.fromkeys(find_urls(text)):
        parts = urlsplit(url)
        if not _is_employer(parts.hostname or "", guidelines.employer_domains):
            continue
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        missing = {key: value for key, value in wanted.items() if query.get(key) != value}
        if missing:
            message = say(
                "AK701",
                where.language,
                url=url,
                parameters=urlencode(missing),
                fixed=with_parameters(url, wanted),
            )
            findings.append(where.finding("AK701", message))
    return findings
