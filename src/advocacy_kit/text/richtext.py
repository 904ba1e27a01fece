"""Bluesky rich-text facets: links, mentions, tags and cashtags with UTF-8 byte offsets.

The server does not parse posts: the client sends facets in the AT Protocol shape
(``{"index": {"byteStart", "byteEnd"}, "features": [{"$type": …}]}``). Detection follows the
atproto SDK's rules. A mention's DID needs a network look-up, so the feature carries the handle
(``{"$type": "app.bsky.richtext.facet#mention", "handle": …}``) and the publisher resolves it.
"""

from __future__ import annotations

from typing import Any

import regex

from .graphemes import grapheme_count
from .offsets import utf8_offset
from .tlds import is_tld

__all__ = ["LINK", "MENTION", "TAG", "detect_facets"]

LINK = "app.bsky.richtext.facet#link"
MENTION = "app.bsky.richtext.facet#mention"
TAG = "app.bsky.richtext.facet#tag"

_MENTION = regex.compile(r"(?:^|(?<=[\s(]))@([a-zA-Z0-9.-]+)\b", regex.ASCII)
_URL = regex.compile(
    r"(?:^|(?<=[\s(]))(?:(https?://\S+)|((?P<domain>[a-z][a-z0-9]*(?:\.[a-z0-9]+)+)\S*))",
    regex.IGNORECASE | regex.MULTILINE,
)
# Every link _URL finds holds "://" (with a scheme) or a letter or digit, a dot and a letter or
# digit (a bare domain), matched with the same flags; text without either has no link, and this
# test costs a fraction of trying _URL at each word.
_MAYBE_DOMAIN = regex.compile(r"\.(?<=[a-z0-9]\.)[a-z0-9]", regex.IGNORECASE)
_NOT_IN_TAG = r"\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2"
_TAG = regex.compile(
    rf"(?:^|(?<=\s))[#＃]((?!\ufe0f)[^{_NOT_IN_TAG}]*[^0-9\p{{P}}{_NOT_IN_TAG}]+[^{_NOT_IN_TAG}]*)?"
)
_CASHTAG = regex.compile(r"(?:^|(?<=[\s(]))\$([A-Za-z][A-Za-z0-9]{0,4})(?=$|\s|\p{P})")
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+$")
_MAX_TAG_GRAPHEMES = 64


def _is_domain(name: str) -> bool:
    head, dot, tld = name.rpartition(".")
    return bool(head and dot and is_tld(tld))


def _facet(text: str, start: int, end: int, feature: dict[str, str]) -> dict[str, Any]:
    return {
        "index": {"byteStart": utf8_offset(text, start), "byteEnd": utf8_offset(text, end)},
        "features": [feature],
    }


def detect_facets(text: str) -> list[dict[str, Any]]:
    """Facets for the links, mentions, tags and cashtags in ``text``, ordered by position."""
    found: list[tuple[int, dict[str, Any]]] = []
    for match in _MENTION.finditer(text):
        handle = match[1]
        if _is_domain(handle) or handle.endswith(".test"):
            feature = {"$type": MENTION, "handle": handle}
            found.append((match.start(), _facet(text, match.start(), match.end(), feature)))
    maybe_links = "://" in text or _MAYBE_DOMAIN.search(text) is not None
    for match in _URL.finditer(text) if maybe_links else ():
        uri = match[0]
        if not match[1]:
            domain = match["domain"]
            if not domain or not _is_domain(domain):
                continue
            uri = f"https://{uri}"
        start, end = match.start(), match.end()
        if uri[-1] in ".,;:!?":
            uri, end = uri[:-1], end - 1
        if uri.endswith(")") and "(" not in uri:
            uri, end = uri[:-1], end - 1
        found.append((start, _facet(text, start, end, {"$type": LINK, "uri": uri})))
    for match in _TAG.finditer(text):
        tag = match[1]
        if not tag:
            continue
        tag = _TRAILING_PUNCTUATION.sub("", tag.strip())
        if not tag or grapheme_count(tag) > _MAX_TAG_GRAPHEMES:
            continue
        start = match.start()
        found.append((start, _facet(text, start, start + 1 + len(tag), {"$type": TAG, "tag": tag})))
    for match in _CASHTAG.finditer(text):
        tag = "$" + match[1].upper()
        found.append(
            (match.start(), _facet(text, match.start(), match.end(), {"$type": TAG, "tag": tag}))
        )
    found.sort(key=lambda item: item[0])
    return [facet for _, facet in found]
