"""Text tools: offsets, graphemes, emoji, entities, thread splitting (with Hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advocacy_kit.text import (
    cashtags,
    extract_urls,
    grapheme_count,
    hashtags,
    mentions,
    split_thread,
    utf8_offset,
    utf16_length,
    utf16_offset,
    weighted_length,
)
from advocacy_kit.text.emoji import emoji_spans, is_emoji


@pytest.mark.parametrize(
    ("text", "utf16", "graphemes"),
    [
        pytest.param("abc", 3, 3, id="ascii"),
        pytest.param("Grüße", 5, 5, id="umlauts"),
        pytest.param("👋", 2, 1, id="astral-emoji"),
        pytest.param("👨‍👩‍👧", 8, 1, id="zwj-family"),
        pytest.param("e\u0301", 2, 1, id="combining-accent"),
    ],
)
def test_lengths(text: str, utf16: int, graphemes: int) -> None:
    assert utf16_length(text) == utf16
    assert grapheme_count(text) == graphemes


def test_offsets_convert_code_points() -> None:
    text = "ä👋b"
    assert utf16_offset(text, 2) == 3
    assert utf8_offset(text, 2) == 6


@pytest.mark.parametrize(
    "sequence",
    ["🐦‍⬛", "🫎", "👍🏽", "🇩🇪", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🧑‍🧑‍🧒"],
    ids=["black-bird", "moose", "skin-tone", "flag", "keycap", "subdivision-flag", "family-2023"],
)
def test_current_emoji_sequences_are_one_emoji_and_count_two(sequence: str) -> None:
    assert is_emoji(sequence)
    assert emoji_spans(f"a{sequence}b") == [(1, 1 + len(sequence))]
    assert weighted_length(sequence).weighted_length == 2


def test_hello_world_counts_sixteen_on_x() -> None:
    assert weighted_length("Hello, world! 👋").weighted_length == 16


def test_entities() -> None:
    text = "Hi @ada@chaos.social and @bob: #OpenSource #2024 &#x; $ACME rocks"
    assert [(m.value, m.domain) for m in mentions(text)] == [("ada", "chaos.social"), ("bob", None)]
    assert [h.value for h in hashtags(text)] == ["OpenSource"]
    assert [c.value for c in cashtags(text)] == ["ACME"]


def test_url_over_4096_characters_is_not_a_url() -> None:
    long_url = "https://example.com/" + "a" * 4100
    assert extract_urls(long_url) == []


def _x_fits(part: str) -> bool:
    return weighted_length(part).valid


def test_split_prefers_sentence_boundaries() -> None:
    sentence = "Kurzer Satz mit ein paar Wörtern darin, damit er etwas Länge hat. "
    parts = split_thread(sentence * 10, _x_fits)
    assert len(parts) > 1
    assert all(part.endswith(".") for part in parts)


def test_split_never_cuts_a_url_mention_or_hashtag() -> None:
    text = " ".join(["Wort"] * 60 + ["https://example.com/ein/langer/pfad", "@ada", "#Tag"] * 5)
    for part in split_thread(text, _x_fits, numbered=True):
        assert _x_fits(part)
        for word in part.split():
            assert word in {"Wort", "https://example.com/ein/langer/pfad", "@ada", "#Tag"} or (
                "/" in word and word[0].isdigit()
            )


def test_split_puts_lead_in_first_part_and_numbers_parts() -> None:
    parts = split_thread("Satz eins. " * 80, _x_fits, lead="Ich arbeite bei Acme.", numbered=True)
    assert parts[0].startswith("Ich arbeite bei Acme.\n\n")
    assert all(p.endswith(f" {i}/{len(parts)}") for i, p in enumerate(parts, 1))
    assert all(_x_fits(p) for p in parts)


def test_a_word_longer_than_a_post_breaks_between_graphemes() -> None:
    word = "👨‍👩‍👧" * 200
    parts = split_thread(word, _x_fits)
    assert "".join(parts) == word
    assert all(_x_fits(p) for p in parts)
    assert all(len(p) % len("👨‍👩‍👧") == 0 for p in parts)  # whole families only


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_counting_never_raises(text: str) -> None:
    result = weighted_length(text)
    assert result.weighted_length >= 0
    assert grapheme_count(text) >= 0
    extract_urls(text)


_WORDS = st.lists(
    st.text(
        # U+FFFE, U+FEFF and U+FFFF make any X post invalid however it is split (validity for
        # them is tested on its own below), so words here are made of characters a post may hold.
        alphabet=st.characters(
            blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc"),
            blacklist_characters="\ufffe\ufeff\uffff",
        ),
        min_size=1,
        max_size=20,
    ),
    min_size=1,
    max_size=120,
)


@settings(max_examples=100, deadline=None)
@given(_WORDS, st.booleans())
def test_splitting_keeps_every_word_in_order_and_every_part_is_valid(
    words: list[str], numbered: bool
) -> None:
    text = " ".join(words)
    parts = split_thread(text, _x_fits, numbered=numbered)
    assert all(_x_fits(part) for part in parts)
    got = [w for part in parts for w in part.split()]
    if numbered:
        got = [w for i, part in enumerate(parts, 1) for w in part.rsplit(" ", 1)[0].split()]
    assert got == text.split()


@pytest.mark.parametrize("character", ["\ufffe", "\ufeff", "\uffff"], ids=["fffe", "feff", "ffff"])
def test_splitting_text_with_a_forbidden_character_loses_nothing_and_stays_invalid(
    character: str,
) -> None:
    text = " ".join(["word"] * 200) + f" bad{character}word"
    parts = split_thread(text, _x_fits)
    # Nothing is lost (the text has no part that could make it valid, so how the bad word is
    # cut does not matter), and the result is still reported invalid.
    assert "".join("".join(parts).split()) == "".join(text.split())
    assert not all(_x_fits(part) for part in parts)
