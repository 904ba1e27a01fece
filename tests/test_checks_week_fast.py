"""The week's fast checks against careful ones: candidate pairs, folded words, people, processes.

Each fast path must give exactly the careful result for every input, not only for the kits the
benchmarks use: random and adversarial word lists, thresholds other than the default, empty
texts, characters whose folding moves the edges of words, drafts listed twice.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from difflib import SequenceMatcher
from itertools import combinations
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit import CalendarEntry, Kit
from advocacy_kit.checks import week_findings
from advocacy_kit.checks.folding import WordFolder, fold, fold_text
from advocacy_kit.checks.pairs import candidate_pairs, quick_ratio
from advocacy_kit.checks.people import people_findings
from advocacy_kit.checks.similarity import ComparableWords, comparable_words

from .checks_support import DISCLOSURE, TUESDAY, make_entry, make_kit

# --- candidate pairs ----------------------------------------------------------------------------


def brute_force(texts: list[list[str]], threshold: float) -> list[tuple[int, int]]:
    """Every pair whose difflib ``quick_ratio`` reaches ``threshold``, compared one by one."""
    return [
        (i, j)
        for i, j in combinations(range(len(texts)), 2)
        if SequenceMatcher(None, texts[i], texts[j], autojunk=False).quick_ratio() >= threshold
    ]


THRESHOLDS = [0.01, 0.3, 0.5, 2 / 3, 0.75, 0.8, 0.85, 0.9, 0.95, 0.999, 1.0]

# A small vocabulary, so that texts share words, repeat them and come out alike.
texts_strategy = st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=14).map(list), max_size=24)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=texts_strategy, threshold=st.sampled_from(THRESHOLDS))
def test_candidate_pairs_are_exactly_the_pairs_quick_ratio_lets_through(
    texts: list[list[str]], threshold: float
) -> None:
    assert candidate_pairs(texts, threshold) == brute_force(texts, threshold)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=texts_strategy,
    threshold=st.floats(min_value=0.0, max_value=1.0, exclude_min=True),
)
def test_candidate_pairs_at_any_threshold(texts: list[list[str]], threshold: float) -> None:
    assert candidate_pairs(texts, threshold) == brute_force(texts, threshold)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.lists(st.sampled_from("abcdefghijklmnop"), min_size=1, max_size=30),
    edits=st.lists(
        st.tuples(st.integers(0, 40), st.sampled_from(["drop", "swap", "add", "same"])),
        max_size=12,
    ),
    threshold=st.sampled_from(THRESHOLDS),
)
def test_candidate_pairs_of_near_copies(
    base: list[str], edits: list[tuple[int, str]], threshold: float
) -> None:
    """Copies of one text with small edits: the pairs right at the threshold."""
    texts = [list(base)]
    for at, edit in edits:
        text = list(texts[-1])
        place = at % (len(text) + 1)
        if edit == "drop" and text:
            del text[min(place, len(text) - 1)]
        elif edit == "swap":
            text.insert(place, "new")
        elif edit == "add":
            text.insert(place, base[at % len(base)])
        texts.append(text)
    assert candidate_pairs(texts, threshold) == brute_force(texts, threshold)


def _adversarial() -> dict[str, list[list[str]]]:
    many_same = [["the", "same", "text", "again"]] * 30
    shuffled = [["a", "b", "c", "d", "a"], ["d", "a", "c", "b", "a"], ["a", "a", "b", "c", "d"]]
    unique = [[f"w{i}", f"v{i}", "shared"] for i in range(20)]
    lengths = [["x"] * n for n in range(0, 40, 3)] + [["x", "y"] * n for n in range(1, 20, 4)]
    repeats = [["a"] * 10, ["a"] * 9 + ["b"], ["a"] * 5 + ["b"] * 5, ["b"] * 10, ["a"]]
    empties = [[], [], ["a"], [], ["a"]]
    mixed = many_same[:5] + shuffled + empties + repeats + unique[:5]
    return {
        "many-identical": many_same,
        "same-words-other-order": shuffled,
        "a-unique-word-each": unique,
        "all-lengths": lengths,
        "one-word-repeated": repeats,
        "empty-texts": empties,
        "all-of-these": mixed,
    }


ADVERSARIAL = _adversarial()


@pytest.mark.parametrize("threshold", THRESHOLDS, ids=str)
@pytest.mark.parametrize("name", list(ADVERSARIAL), ids=str)
def test_candidate_pairs_of_adversarial_days(name: str, threshold: float) -> None:
    texts = ADVERSARIAL[name]
    assert candidate_pairs(texts, threshold) == brute_force(texts, threshold)


@pytest.mark.parametrize("threshold", [-1.0, 0.0, 1.5], ids=str)
def test_candidate_pairs_outside_the_allowed_thresholds(threshold: float) -> None:
    texts = ADVERSARIAL["all-of-these"]
    assert candidate_pairs(texts, threshold) == brute_force(texts, threshold)


@given(first=texts_strategy, second=texts_strategy)
def test_quick_ratio_is_difflibs(first: list[list[str]], second: list[list[str]]) -> None:
    for a, b in zip(first, second, strict=False):
        assert quick_ratio(a, b) == SequenceMatcher(None, a, b, autojunk=False).quick_ratio()


# --- folded words -------------------------------------------------------------------------------

# Characters that fold in every way that matters: ASCII, accents precomposed and combining,
# ß, ligatures, fractions and signs that fold into word characters or out of them, marks alone,
# every kind of whitespace, quotes and dashes.
TRICKY = (
    "aZ09_ .,!?#@-\n\tÄäÖöÜüßẞéèçñ\u0301\u0308\u0327ﬁﬂǄǅǆİıΐ½¼²ª™℃①Ⅻ¨´¸˜"
    "\u00a0\u2009\u3000\u2028„“”–—…ℌ𝔄︰٣"
)


def careful_words(text: str) -> list[str]:
    """The words of the folded text, the plain way."""
    return re.findall(r"\w+", fold_text(text))


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(TRICKY), max_size=40))
def test_word_folder_finds_the_words_of_the_folded_text(text: str) -> None:
    folder = WordFolder()
    assert folder(text) == careful_words(text)
    assert folder(text) == careful_words(text)  # again, from what it remembers


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=30))
def test_word_folder_on_any_text(text: str) -> None:
    assert WordFolder()(text) == careful_words(text)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Grüße aus Köln", "cafe\u0301s", "a\u0301b", "1½ Tage", "Acme™ rocks", "ﬁne"],
    ids=range(8),
)
def test_word_folder_examples(text: str) -> None:
    assert WordFolder()(text) == careful_words(text)


def test_every_whitespace_character_folds_to_whitespace() -> None:
    """What folding text run by run relies on (``fold_text`` splits the folded text)."""
    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    assert len(spaces) > 20
    for space in spaces:
        folded = fold(space).text
        assert folded and folded.isspace(), hex(ord(space))


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(TRICKY), max_size=40))
def test_fold_text_is_the_regex_version(text: str) -> None:
    folded = "".join(
        part.casefold()
        for part in unicodedata.normalize("NFKD", text)
        if not unicodedata.combining(part)
    )
    assert fold_text(text) == re.sub(r"\s+", " ", folded).strip()


def careful_comparable_words(text: str, kit: Kit) -> list[str]:
    """Prompts out, folded, disclosures out, words: one step after the other."""
    opening, closing = (re.escape(marker) for marker in kit.settings.prompt_marker)
    text = re.sub(f"{opening}.*?{closing}", " ", text, flags=re.DOTALL)
    folded = fold_text(text)
    for disclosure in kit.guidelines.disclosure.texts.values():
        folded = folded.replace(fold_text(disclosure), " ")
    return re.findall(r"\w+", folded)


def _kits() -> dict[str, Kit]:
    disclosure = {"disclosure": {"texts": DISCLOSURE}}
    return {
        "en": make_kit("en"),
        "de": make_kit("de"),
        "en-disclosure": make_kit("en", **disclosure),
        "de-disclosure": make_kit("de", **disclosure),
        "other-marker": make_kit("en", settings={"prompt_marker": ["<<", ">>"]}),
    }


KITS = _kits()
PROMPTED = (
    "Drei Dinge [[dein Beispiel]] über Messtechnik. Ich arbeite bei Acme.",
    "I work at Acme. [[one\nline]] and [[another]] <<other prompt>> done",
    "No prompt at all, I WORK AT ACME.",
    "[[unclosed prompt at the end",
    "Cafe\u0301 ½ [[x]]™ I work at Acme.Ich arbeite bei Acme.",
    "",
)


@pytest.mark.parametrize("kit_name", list(KITS), ids=str)
@pytest.mark.parametrize("text", PROMPTED, ids=range(len(PROMPTED)))
def test_comparable_words_step_by_step(kit_name: str, text: str) -> None:
    kit = KITS[kit_name]
    words = ComparableWords.of(kit)
    assert words(text) == careful_comparable_words(text, kit)
    assert comparable_words(text, kit) == careful_comparable_words(text, kit)


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from([*TRICKY.split(), "[[", "]]", "<<", ">>", " Ich arbeite bei Acme. "]),
        max_size=12,
    ),
    kit_name=st.sampled_from(list(KITS)),
)
def test_comparable_words_of_random_texts(parts: list[str], kit_name: str) -> None:
    text = " ".join(parts)
    kit = KITS[kit_name]
    assert ComparableWords.of(kit)(text) == careful_comparable_words(text, kit)


# --- people and the week ------------------------------------------------------------------------


def test_a_draft_listed_twice_keeps_its_findings_where_it_was_first_seen() -> None:
    kit = make_kit("en", settings={"default_weekly_cap": 1})
    inside = make_entry(kit, "one", start=TUESDAY)
    bo_late = make_entry(kit, "two", person="bo", start=TUESDAY + dt.timedelta(hours=12))
    second = make_entry(kit, "three", start=TUESDAY + dt.timedelta(days=1))
    again = inside.model_copy()  # the first draft again, now over Ada's cap
    found = people_findings(kit, [inside, bo_late, second, again], "en")
    # Ada's draft came first (no finding then), Bo's late slot second.
    assert list(found) == [inside.draft.id, bo_late.draft.id, second.draft.id]
    assert [finding.code for finding in found[inside.draft.id]] == ["AK601"]


def _week(kit: Kit) -> list[CalendarEntry]:
    text = "Three things I learned about metrology: temperature matters, patience matters."
    entries = []
    for day in range(5):
        start = TUESDAY + dt.timedelta(days=day)
        for hour, person in enumerate(["ada", "bo", "ada", "bo"]):
            words = text if hour < 2 else f"{text} [[your example]] {day}"
            entries.append(
                make_entry(kit, words, person=person, start=start + dt.timedelta(hours=hour * 9))
            )
    return entries


@pytest.mark.parametrize("language", ["de", "en"], ids=str)
def test_week_findings_in_two_processes_are_the_same(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = make_kit(language, settings={"default_weekly_cap": 3})
    entries = _week(kit)
    alone = week_findings(kit, entries)
    monkeypatch.setattr("advocacy_kit.parallel.THRESHOLD", 0)
    shared = week_findings(kit, entries)
    assert sum(len(found) for found in alone.values()) > len(entries) // 2
    assert list(shared) == list(alone)
    assert shared == alone
    codes = {finding.code for found in alone.values() for finding in found}
    assert {"AK501", "AK502", "AK601", "AK602"} <= codes


@pytest.mark.parametrize(
    ("sizes", "others"),
    [
        ([5, 5, 4, 3, 1], [2, 1]),
        ([9], [0, 0]),
        ([1, 1, 1], [10, 3]),
        (list(range(1, 15)), [3, 1]),
        ([], [4, 1]),
    ],
    ids=["week", "one-day", "heavy-others", "many-days", "no-days"],
)
def test_jobs_split_into_two_halves_keep_every_job_once_in_order(
    sizes: list[int], others: list[int]
) -> None:
    from advocacy_kit.checks.week_jobs import _balanced

    kit = make_kit("en")
    named = {"people": others[0], "scan": others[1]}
    jobs: list[Any] = ["people", "scan", *([make_entry(kit, "x")] * size for size in sizes)]

    def weight(job: Any) -> int:
        return named[job] if isinstance(job, str) else len(job)

    here, there = _balanced(jobs, weight)
    assert sorted(map(id, here + there)) == sorted(map(id, jobs))
    for half in (here, there):  # each half keeps the order the jobs were given in
        places = [next(at for at, job in enumerate(jobs) if job is mine) for mine in half]
        assert places == sorted(places)
    total = sum(map(weight, jobs))
    gap = abs(total - 2 * sum(map(weight, here)))
    if len(jobs) <= 12:  # every split is tried: none is closer
        for chosen in range(1 << len(jobs)):
            mine = sum(weight(job) for at, job in enumerate(jobs) if chosen >> at & 1)
            assert gap <= abs(total - 2 * mine)
    else:  # the heavier jobs first, each to the lighter half: off by at most the lightest
        assert gap <= max(map(weight, jobs))


@pytest.mark.parametrize("swapped", [False, True], ids=["as-balanced", "halves-swapped"])
def test_the_week_is_the_same_whichever_process_does_which_job(
    monkeypatch: pytest.MonkeyPatch, swapped: bool
) -> None:
    """The people checks and the scan are jobs like the days: either process may do them."""
    from advocacy_kit.checks import week_jobs as checks

    kit = make_kit("en")
    entries = _week(kit)
    alone = week_findings(kit, entries)
    monkeypatch.setattr("advocacy_kit.parallel.THRESHOLD", 0)
    real_balanced, real_map = checks._balanced, checks.parallel.map_in_halves
    worker_did: list[Any] = []
    halves: list[Any] = []

    def balanced(jobs: Any, weight: Any) -> Any:
        here, there = real_balanced(jobs, weight)
        halves.append((here, there))
        return (there, here) if swapped else (here, there)

    def map_in_halves(jobs: Any, work: Any, **options: Any) -> Any:
        worker_did.extend(jobs[options["first"] :])
        return real_map(jobs, work, **options)

    monkeypatch.setattr(checks, "_balanced", balanced)
    monkeypatch.setattr(checks.parallel, "map_in_halves", map_in_halves)
    shared = week_findings(kit, entries)
    assert list(shared) == list(alone)
    assert shared == alone
    ((here, there),) = halves
    assert here and there
    assert worker_did == (here if swapped else there)  # so each check ran in either process
