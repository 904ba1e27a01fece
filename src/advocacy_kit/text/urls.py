"""URL extraction by twitter-text's rules (release 3.1), with its TLD list.

X counts every URL it finds as 23 characters, including ones written without ``https://``
(``example.com``), so a counter must find exactly the URLs X finds. The rules below follow the
reference implementation's patterns: a URL must follow a character that is not a letter, digit,
``@``, ``$`` or ``#``; its domain must end in a known TLD (or punycode); the path may hold balanced
parentheses but not end in punctuation; protocol-less URLs keep only their ASCII domain part.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .tlds import country_tlds, generic_tlds

__all__ = ["MAX_URL_LENGTH", "UrlMatch", "extract_urls"]

MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_LABEL_LENGTH = 63

_INVALID_CHARS = "\ufffe\ufeff\uffff"
_DIRECTIONAL = "\u202a-\u202e\u061c\u200e\u200f\u2066\u2067\u2068\u2069"
_SPACES = "\x09-\x0d\x20\x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# The reference's punctuation set; note it leaves out '"' and '`'.
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"
_LATIN_ACCENTS = (
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
    "\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC = "\u0400-\u04ff"

_PRECEDING = rf"(?:[^A-Za-z0-9@＠$#＃{_INVALID_CHARS}]|[{_DIRECTIONAL}]|^)"
_DOMAIN_CHAR = rf"[^{_PUNCT}{_SPACES}{_INVALID_CHARS}{_DIRECTIONAL}]"
_SUBDOMAIN = rf"(?:(?:{_DOMAIN_CHAR}(?:[_-]|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}\.)"
_DOMAIN_NAME = rf"(?:(?:{_DOMAIN_CHAR}(?:-|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}\.)"
_PUNYCODE = r"(?:xn--[\-0-9a-z]+)"
_PATH_CHAR = rf"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
_BALANCED_PARENS = rf"\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*))\)"
_PATH_END = rf"[+\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]|(?:{_BALANCED_PARENS})"
_PATH = (
    rf"(?:(?:{_PATH_CHAR}*(?:{_BALANCED_PARENS}{_PATH_CHAR}*)*{_PATH_END})"
    rf"|(?:@{_PATH_CHAR}+/))"
)
# Every domain has a dot between two domain characters (the TLD starts with one): prose whose
# dots all end sentences has no URL, and this test is far cheaper than the URL pattern. The dot
# comes first and the character before it is looked at behind it: the same places match, and the
# engine jumps from dot to dot instead of trying the character class at every position.
_DOTTED = re.compile(rf"\.(?<={_DOMAIN_CHAR}\.){_DOMAIN_CHAR}")
_QUERY_CHARS = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_END = r"[a-z0-9\-_&=#/]"


def _tld_pattern(tlds: tuple[str, ...]) -> str:
    # Longest first, so "community" is tried before "com"; the look-ahead stops "com" in "comx".
    alternatives = "|".join(re.escape(t) for t in sorted(tlds, key=lambda t: (-len(t), t)))
    return rf"(?:(?:{alternatives})(?=[^0-9a-z@+\-]|$))"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    gtld, cctld = _tld_pattern(generic_tlds()), _tld_pattern(country_tlds())
    domain = rf"(?:{_SUBDOMAIN}*{_DOMAIN_NAME}(?:{gtld}|{cctld}|{_PUNYCODE}))"
    url = re.compile(
        rf"({_PRECEDING})"  # 1: the character before
        # Every URL has a dot before any whitespace: a cheap test that skips most positions.
        rf"(?=[^\s.]*\.)"
        rf"((https?://)?"  # 2: the URL, 3: protocol
        rf"({domain})"  # 4: domain
        r"(?::([0-9]+))?"  # 5: port
        rf"(/{_PATH}*)?"  # 6: path
        rf"(\?{_QUERY_CHARS}*{_QUERY_END})?)",  # 7: query
        re.IGNORECASE,
    )
    ascii_domain = re.compile(
        rf"(?:(?:[\-a-z0-9{_LATIN_ACCENTS}]+)\.)+(?:{gtld}|{cctld}|{_PUNYCODE})", re.IGNORECASE
    )
    tco = re.compile(rf"^https?://t\.co/([a-z0-9]+)(?:\?{_QUERY_CHARS}*{_QUERY_END})?", re.I)
    return url, ascii_domain, tco


@dataclass(frozen=True)
class UrlMatch:
    """A URL found in a text: as written, and its code-point span ``[start, end)``."""

    url: str
    start: int
    end: int
    has_protocol: bool


def _ascii_domain_length(domain: str) -> int | None:
    """Length of the domain in IDNA (punycode) form; ``None`` if a label cannot be encoded."""
    total = 0
    for index, label in enumerate(domain.split(".")):
        if label.isascii():
            encoded = label
        elif label[:4].lower() == "xn--":
            return None  # already marked as punycode, yet not ASCII: no valid IDNA label
        else:
            try:
                encoded = "xn--" + label.lower().encode("punycode").decode("ascii")
            except UnicodeError:
                return None
        if len(encoded) > _MAX_LABEL_LENGTH:
            return None
        total += len(encoded) + (1 if index else 0)
    return total


def _is_valid(url: str, protocol: str, domain: str) -> bool:
    ascii_length = _ascii_domain_length(domain)
    if not ascii_length:
        return False
    return len(protocol) + len(url) + ascii_length - len(domain) <= MAX_URL_LENGTH


# Formatting, counting and checking a post each look for its links (Threads counts them twice,
# Instagram notes them and then reports them, Mastodon and X weigh them): the links of the last
# few texts are kept. Matches are frozen, and each caller gets a list of its own.
_REMEMBERED = 64
_urls_of: dict[str, tuple[UrlMatch, ...]] = {}


def extract_urls(text: str) -> list[UrlMatch]:
    """Every URL twitter-text finds in ``text``, in order, with code-point spans."""
    if "." not in text:
        return []  # every URL has a dot: no need to remember anything
    if type(text) is not str:  # a subclass may compare or hash otherwise: no memory for it
        return _find_urls(text)
    found = _urls_of.get(text)
    if found is None:
        if len(_urls_of) >= _REMEMBERED:
            _urls_of.clear()
        found = _urls_of[text] = tuple(_find_urls(text))
    return list(found)


def _find_urls(text: str) -> list[UrlMatch]:
    if not _DOTTED.search(text):
        return []
    url_pattern, ascii_domain, tco = _patterns()
    found: list[UrlMatch] = []
    for match in url_pattern.finditer(text):
        before, url, protocol, domain = match[1], match[2], match[3] or "", match[4]
        path = match[6]
        start, end = match.start(2), match.end(2)
        if not _is_valid(url, protocol or "https://", domain):
            continue
        if protocol:
            short = tco.match(url)
            if short:
                if len(short[1]) > _MAX_TCO_SLUG_LENGTH:
                    continue
                url = short[0]
                end = start + len(url)
            found.append(UrlMatch(url, start, end, True))
            continue
        if re.search(r"[-_./]$", before):
            continue
        # Without a protocol only ASCII domains count; "日本語example.com" yields "example.com".
        last: UrlMatch | None = None
        search_from = 0
        for part in ascii_domain.finditer(domain):
            offset = domain.index(part[0], search_from)
            search_from = offset + len(part[0])
            last = UrlMatch(part[0], start + offset, start + search_from, False)
            found.append(last)
        if last is not None and path:
            found[-1] = UrlMatch(last.url + url[len(domain) :], last.start, end, False)
    return found
