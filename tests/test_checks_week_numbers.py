"""Words as numbers for the near-duplicate search: the same words, the same pairs, the same ratios."""

from __future__ import annotations

from difflib import SequenceMatcher

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit.checks.folding import WordFolder
from advocacy_kit.checks.pairs import candidate_pairs
from advocacy_kit.checks.similarity import ComparableWords, similarity

from .test_checks_week_fast import (
    KITS,
    THRESHOLDS,
    TRICKY,
    brute_force,
    careful_comparable_words,
    careful_words,
    texts_strategy,
)


def _numbered_alike(words: list[list[str]], numbers: list[list[int]], vocabulary: int) -> None:
    """Each word has one number and each number one word, below ``vocabulary``."""
    assert list(map(len, numbers)) == list(map(len, words))
    number_of: dict[str, int] = {}
    word_of: dict[int, str] = {}
    for text_words, text_numbers in zip(words, numbers, strict=True):
        for word, number in zip(text_words, text_numbers, strict=True):
            assert number_of.setdefault(word, number) == number
            assert word_of.setdefault(number, word) == word
            assert 0 <= number < vocabulary


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.text(alphabet=st.sampled_from(TRICKY), max_size=40), max_size=6))
def test_word_folder_numbers_the_words_of_the_folded_text(texts: list[str]) -> None:
    folder = WordFolder()
    numbers = [folder.numbered(text) for text in texts]
    numbers += [folder.numbered(text) for text in texts]  # again, from what it remembers
    words = [careful_words(text) for text in texts] * 2
    _numbered_alike(words, numbers, folder.vocabulary)
    assert numbers == [[folder.number(word) for word in text] for text in words]


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(
        st.lists(
            st.sampled_from([*TRICKY.split(), "[[", "]]", "<<", ">>", " Ich arbeite bei Acme. "]),
            max_size=12,
        ).map(" ".join),
        max_size=5,
    ),
    kit_name=st.sampled_from(list(KITS)),
)
def test_comparable_words_as_numbers(texts: list[str], kit_name: str) -> None:
    kit = KITS[kit_name]
    comparable = ComparableWords.of(kit)
    numbers = [comparable.numbered(text) for text in texts]
    words = [careful_comparable_words(text, kit) for text in texts]
    _numbered_alike(words, numbers, comparable.vocabulary)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=texts_strategy, threshold=st.sampled_from(THRESHOLDS))
def test_candidate_pairs_of_numbered_words(texts: list[list[str]], threshold: float) -> None:
    numbers = {word: number for number, word in enumerate("hgfedcba")}
    numbered = [[numbers[word] for word in text] for text in texts]
    expected = brute_force(texts, threshold)
    assert candidate_pairs(numbered, threshold, vocabulary=len(numbers)) == expected
    assert candidate_pairs(numbered, threshold) == expected


@settings(max_examples=200, deadline=None)
@given(
    first=st.lists(st.sampled_from("abcde"), max_size=12),
    second=st.lists(st.sampled_from("abcde"), max_size=12),
)
def test_similarity_of_numbered_words_is_that_of_the_words(
    first: list[str], second: list[str]
) -> None:
    numbers = {word: 4 - at for at, word in enumerate("abcde")}
    score = similarity([numbers[word] for word in first], [numbers[word] for word in second])
    assert score == similarity(first, second)
    if first or second:
        assert score == SequenceMatcher(None, first, second, autojunk=False).ratio()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(
        st.lists(st.sampled_from([f"w{at}" for at in range(40)]), min_size=20, max_size=30),
        max_size=30,
    ),
    rare=st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29)), max_size=20),
    threshold=st.sampled_from([0.5, 0.75, 0.85, 0.95]),
)
def test_candidate_pairs_of_longer_texts(
    words: list[list[str]], rare: list[tuple[int, int]], threshold: float
) -> None:
    """Longer texts with common words and a few rare ones (in one text, or in two): the
    prefixes do the work here."""
    texts = [list(text) for text in words]
    for at, (first, second) in enumerate(rare):
        for chosen in {first, second}:
            if chosen < len(texts):
                texts[chosen][at % len(texts[chosen])] = f"rare{at}"
    for copy in texts[: len(texts) // 3]:  # near copies: one word changed
        texts.append([*copy[1:], "changed"])
    assert candidate_pairs(texts, threshold) == brute_force(texts, threshold)


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(st.text(alphabet=st.sampled_from(TRICKY), max_size=12), min_size=1, max_size=4),
    picks=st.lists(st.lists(st.integers(0, 3), max_size=6), max_size=5),
)
def test_word_folder_numbers_texts_line_by_line(lines: list[str], picks: list[list[int]]) -> None:
    """Texts that share lines (a combining mark or a fraction right after a line break too)."""
    texts = ["\n".join(lines[at % len(lines)] for at in picked) for picked in picks]
    texts += ["\u0301" + text + "\n\u0308½" for text in texts]
    folder = WordFolder()
    numbers = [folder.numbered(text) for text in texts]
    words = [careful_words(text) for text in texts]
    _numbered_alike(words, numbers, folder.vocabulary)
