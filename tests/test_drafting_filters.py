"""Template filters: hashtags, mentions, shortening, sentences, localised dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_kit.drafting import format_hashtags, format_mentions, localised_date, shorten
from advocacy_kit.drafting.filters import sentence
from advocacy_kit.text import grapheme_count

HASHTAG_CASES = {
    "plain": (["Testing", "CI"], {}, "#Testing #CI"),
    "strips-hash": (["#Testing", "＃CI"], {}, "#Testing #CI"),
    "dedupe-ignores-case": (["testing", "Testing", "TESTING"], {}, "#testing"),
    "words-join-camel": (
        ["open source", "open-source", "data_engineering"],
        {},
        "#OpenSource #DataEngineering",
    ),
    "camel-single-words": (
        ["werkzeugbau", "präzision"],
        {"camel": True},
        "#Werkzeugbau #Präzision",
    ),
    "keeps-inner-capitals": (["OpenTelemetry"], {"camel": True}, "#OpenTelemetry"),
    "limit": (["a1", "b2", "c3", "d4"], {"limit": 2}, "#a1 #b2"),
    "cap-beats-limit": (["a1", "b2", "c3"], {"limit": 3, "cap": 1}, "#a1"),
    "limit-beats-cap": (["a1", "b2", "c3"], {"limit": 1, "cap": 5}, "#a1"),
    "zero": (["a1"], {"cap": 0}, ""),
    "drops-punctuation": (["C++", "R&D"], {}, "#C #RD"),
    "skips-digits-only": (["2026", "", "  ", "#"], {}, ""),
    "single-string": ("Testing", {}, "#Testing"),
    "none": (None, {}, ""),
}


@pytest.mark.parametrize(("tags", "options", "expected"), HASHTAG_CASES.values(), ids=HASHTAG_CASES)
def test_hashtags(tags, options, expected):
    assert format_hashtags(tags, options.pop("limit", None), **options) == expected


@pytest.mark.parametrize(
    ("handles", "expected"),
    [
        (["lena", "@lena", "@Aylin@norden.social"], "@lena @Aylin@norden.social"),
        ("@@priya", "@priya"),
        (["", "two words"], ""),
    ],
    ids=["dedupe-and-remote", "single", "invalid"],
)
def test_mentions(handles, expected):
    assert format_mentions(handles) == expected


SHORTEN_CASES = {
    "fits": ("Kurz und gut", 20, "Kurz und gut"),
    "word-boundary": ("Fehlerkultur in der Fertigung braucht Zeit", 25, "Fehlerkultur in der…"),
    "drops-trailing-comma": ("Eins, zwei, drei, vier", 12, "Eins, zwei…"),
    "long-word-is-cut": ("Donaudampfschifffahrtsgesellschaft", 10, "Donaudamp…"),
    "graphemes-stay-whole": ("👩‍👩‍👧 " * 6, 4, "👩‍👩‍👧 👩‍👩‍👧…"),
    "collapses-whitespace": ("a\n\n  b", 10, "a b"),
}


@pytest.mark.parametrize(("text", "width", "expected"), SHORTEN_CASES.values(), ids=SHORTEN_CASES)
def test_shorten(text, width, expected):
    assert shorten(text, width) == expected


@given(st.text(), st.integers(min_value=1, max_value=200))
def test_shorten_never_exceeds_the_width(text, width):
    result = shorten(text, width)
    assert grapheme_count(result) <= max(width, 1)
    if result.endswith("…") and result != " ".join(text.split()):
        assert " ".join(text.split()).startswith(result[:-1].rstrip(" ,;:–—-"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flaky tests are bugs", "Flaky tests are bugs."),
        ("Warum?", "Warum?"),
        ("„Zitat“", "„Zitat“"),
        ("", ""),
    ],
    ids=["adds-period", "keeps-question", "keeps-quote", "empty"],
)
def test_sentence(text, expected):
    assert sentence(text) == expected


DATE = dt.datetime(2026, 12, 8, 8, 30)
DATE_CASES = {
    "de-weekday-day-month": ("de", "weekday_day_month", "Dienstag, 8. Dezember"),
    "en-weekday-day-month": ("en", "weekday_day_month", "Tuesday, December 8"),
    "de-day-month": ("de", "day_month", "8. Dezember"),
    "de-weekday": ("de", "weekday", "Dienstag"),
    "de-time": ("de", "time", "08:30"),
    "de-long": ("de", "long", "8. Dezember 2026"),
    "en-full": ("en", "full", "Tuesday, December 8, 2026"),
    "pattern": ("de", "d. MMM", "8. Dez."),
    "unknown-language": ("zz", "long", "2026-12-08"),
}


@pytest.mark.parametrize(("language", "format", "expected"), DATE_CASES.values(), ids=DATE_CASES)
def test_localised_dates(language, format, expected):
    assert localised_date(DATE, language, format) == expected


def test_time_of_a_plain_date_is_empty():
    assert localised_date(DATE.date(), "de", "time") == ""
