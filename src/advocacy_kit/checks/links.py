"""AK701: links to the employer's own domains carry the kit's tracking parameters."""

from __future__ import annotations

from urllib.parse import urlencode

from ..calendar import Finding
from ..models import Kit
from ..tracking import find_urls, is_employer_url, missing_parameters, with_parameters
from .messages import say
from .where import Where

__all__ = ["link_findings"]


def link_findings(text: str, kit: Kit, where: Where) -> list[Finding]:
    """AK701 for each employer link that lacks one of the kit's tracking parameters."""
    guidelines = kit.guidelines
    wanted = guidelines.tracking_parameters
    if not wanted or not guidelines.employer_domains:
        return []
    findings = []
    for url in dict.fromkeys(find_urls(text)):
        if not is_employer_url(url, guidelines.employer_domains):
            continue
        missing = missing_parameters(url, wanted)
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
