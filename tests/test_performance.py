"""What the speed work must not change: fast paths give the careful paths' results; progress.

Timings live in benchmarks/, never here.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import advocacy_kit
from advocacy_kit.checks.folding import fold, fold_text
from advocacy_kit.checks.similarity import _candidate_pairs, similarity
from advocacy_kit.cli.commands import draft_progress
from advocacy_kit.fast_yaml import Unsure, read_plain_yaml
from advocacy_kit.loading import _read_yaml, _walk, load_kit
from advocacy_kit.pipeline import plan_week
from advocacy_kit.text.graphemes import _GRAPHEME, grapheme_count

from .conftest import ENGLISH_KIT, GERMAN_KIT

YAML_CASES = {
    "times-stay-strings": "a: 19:30\nb: no\nc: yes\n",
    "numbers": "a: 0o12\nb: 012\nc: 1_000\nd: .5\ne: 1e3\nf: 0x1F\ng: -.inf\n",
    "dates": "a: 2026-01-01\nb: 2026-01-01 10:00:00\n",
    "nulls-and-bools": "a: ~\nb:\nc: null\nd: true\ne: False\n",
    "quoted": "a: '19:30'\nb: \"no\"\nc: 'it''s'\nd: \"\\u00e9\"\n",
    "blocks": "a: |\n  two\n  lines\nb: >\n  folded\n  text\n",
    "nested": "a:\n  - x: 1\n    y: [1, 2]\n  - {z: 3}\n",
    "keys-become-strings": "1: a\nfalse: b\n2026-01-01: c\n",
}


@pytest.mark.parametrize("text", YAML_CASES.values(), ids=YAML_CASES.keys())
def test_fast_yaml_gives_the_round_trip_values(tmp_path: Path, text: str) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    fast = read_plain_yaml(path)
    careful = _walk(_read_yaml(path), (), path, {})
    assert repr(fast) == repr(careful)


DOUBTFUL = {
    "anchor": "a: &x 1\nb: *x\n",
    "explicit-tag": "a: !!str 3\n",
    "merge-key": "base: {a: 1}\nc:\n  <<: {a: 1}\n",
    "duplicate-key": "a: 1\na: 2\n",
    "equal-keys": "1: a\ntrue: b\n",
    "syntax-error": "a: [1, 2\n",
    "two-documents": "a: 1\n---\nb: 2\n",
    "directive": "%YAML 1.2\n---\na: 1\n",
    "tab": "a: 'x\ty'\n",
    "next-line": "a: x\x85y\n",
}


@pytest.mark.parametrize("text", DOUBTFUL.values(), ids=DOUBTFUL.keys())
def test_fast_yaml_leaves_doubtful_files_to_the_careful_reader(tmp_path: Path, text: str) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Unsure):
        read_plain_yaml(path)


@pytest.mark.parametrize("kit", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_fast_loading_builds_the_same_kit(kit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = load_kit(kit)
    monkeypatch.setattr("advocacy_kit.loading._fast_kit_data", lambda path: None)
    careful = load_kit(kit)
    assert fast == careful


def test_kit_lookup_follows_changes_to_the_lists() -> None:
    kit = load_kit(ENGLISH_KIT)
    first = kit.people[0]
    assert kit.person(first.id) is first
    replacement = first.model_copy(update={"name": "Someone Else"})
    kit.people[0] = replacement
    assert kit.person(first.id) is replacement
    kit.people.pop(0)
    with pytest.raises(LookupError):
        kit.person(first.id)


FOLDING = ["Projektfälke", "ÆØÅ ß ﬁ Ǆ", "İstanbul ΐ", "e\u0301\u0327 o\u0308", "  a \n\t b  "]


@pytest.mark.parametrize("text", FOLDING, ids=range(len(FOLDING)))
def test_fold_text_matches_character_by_character_folding(text: str) -> None:
    assert fold_text(text) == " ".join(fold(text).text.split())


GRAPHEMES = ["plain ASCII", "Grüße\r\n", "a\r\r\nb", "e\u0301", "👩‍👩‍👧", "\x00\x1f\xad", ""]


@pytest.mark.parametrize("text", GRAPHEMES, ids=range(len(GRAPHEMES)))
def test_grapheme_count_fast_path_agrees_with_the_regex(text: str) -> None:
    assert grapheme_count(text) == len(_GRAPHEME.findall(text))


SIMILARITY_TEXTS = [
    ["a", "b", "c", "d", "e", "f", "g", "h"],
    ["a", "b", "c", "d", "e", "f", "g", "x"],
    ["a", "b", "c", "d", "e", "f", "x", "y"],
    ["p", "q", "r", "s"],
    ["p", "q", "r", "s"],
    [],
    [],
    ["a", "a", "a", "b"],
    ["a", "a", "b", "b"],
]


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.75, 0.85, 1.0])
def test_candidate_pairs_keep_every_pair_at_the_threshold(threshold: float) -> None:
    from difflib import SequenceMatcher

    texts = SIMILARITY_TEXTS
    candidates = set(_candidate_pairs(texts, threshold))
    for i, first in enumerate(texts):
        for j in range(i + 1, len(texts)):
            matcher = SequenceMatcher(None, first, texts[j], autojunk=False)
            if matcher.quick_ratio() >= threshold:
                assert (i, j) in candidates
            if similarity(first, texts[j]) >= threshold:
                assert (i, j) in candidates


def test_plan_week_reports_progress() -> None:
    kit = load_kit(ENGLISH_KIT)
    seen: list[tuple[int, int]] = []
    calendar = plan_week(kit, "2026-W49", progress=lambda done, total: seen.append((done, total)))
    total = len(calendar.entries)
    assert seen == [(done, total) for done in range(1, total + 1)]


def test_plan_stays_quiet_when_piped(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    result = run_cli(
        "plan", str(GERMAN_KIT), "--week", "2026-W49", "--no-history", "--out", str(tmp_path)
    )
    assert result.exit_code == 0, result.output
    assert "Drafting" not in result.output
    assert "\x1b[" not in result.output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with draft_progress() as advance:
        assert advance is not None
        for done in range(1, 401):
            advance(done, 400)
    assert "Drafting" in terminal.getvalue()


def test_progress_bar_starts_no_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers are forked while the bar is shown: no refresh thread may run then."""
    import threading

    monkeypatch.setattr(sys, "stderr", _Terminal())
    before = threading.active_count()
    with draft_progress() as advance:
        assert advance is not None
        advance(1, 10)
        assert threading.active_count() == before


def test_progress_is_off_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with draft_progress() as advance:
        assert advance is None


def test_lazy_package_keeps_its_public_names() -> None:
    for name in advocacy_kit.__all__:
        assert getattr(advocacy_kit, name) is not None
    assert set(advocacy_kit.__all__) <= set(dir(advocacy_kit))
    with pytest.raises(AttributeError):
        _ = advocacy_kit.not_a_name  # type: ignore[attr-defined]


def _stdlib_json(calendar: object) -> str:
    import json

    from advocacy_kit.calendar import Calendar

    assert isinstance(calendar, Calendar)
    entries = sorted(
        calendar.entries, key=lambda e: (e.slot.start, e.slot.person_id, e.slot.platform)
    )
    data = calendar.model_copy(update={"entries": entries}).model_dump(mode="json")
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


@pytest.mark.parametrize("kit", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
@pytest.mark.parametrize(
    "detail", [None, 0.00001, {"ratio": [1e16]}], ids=["plain", "float", "nested"]
)
def test_calendar_json_writes_what_the_stdlib_writes(kit: Path, detail: object) -> None:
    from advocacy_kit.exporters.json import calendar_json

    calendar = plan_week(load_kit(kit), "2026-W49")
    if detail is not None:
        first = calendar.entries[0]
        post = first.post.model_copy(update={"details": {**first.post.details, "x": detail}})
        calendar = calendar.model_copy(
            update={"entries": [first.model_copy(update={"post": post}), *calendar.entries[1:]]}
        )
    assert calendar_json(calendar) == _stdlib_json(calendar)


@pytest.mark.parametrize("kit_folder", [ENGLISH_KIT, GERMAN_KIT], ids=["en", "de"])
def test_drafting_in_two_processes_gives_the_same_calendar(
    kit_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = load_kit(kit_folder)
    alone = plan_week(kit, "2026-W49")
    monkeypatch.setattr("advocacy_kit.parallel.THRESHOLD", 0)
    monkeypatch.setattr("advocacy_kit.draft_worker.THRESHOLD", 0)
    monkeypatch.setattr("advocacy_kit.draft_worker.CHUNK", 3)
    seen: list[tuple[int, int]] = []
    shared = plan_week(kit, "2026-W49", progress=lambda done, total: seen.append((done, total)))
    assert len(alone.entries) > 1
    assert shared == alone
    assert shared.model_dump_json() == alone.model_dump_json()
    total = len(shared.entries)
    assert seen == [(done, total) for done in range(1, total + 1)]


def test_a_failing_worker_leaves_the_work_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from advocacy_kit import parallel

    monkeypatch.setattr(parallel, "THRESHOLD", 0)

    def unpicklable(value: int) -> object:
        return lambda: value  # a lambda cannot travel back from the worker

    results = parallel.map_in_halves(
        list(range(6)), lambda n: n * n, pack=unpicklable, unpack=lambda item, packed: -1
    )
    assert results == [0, 1, 4, 9, 16, 25]


def test_a_remembered_count_follows_the_accounts_options() -> None:
    from advocacy_kit.plugins import get_platforms

    mastodon = get_platforms()["mastodon"]
    text = "a" * 600
    roomy = mastodon.options({"max_characters": 1000})
    tight = mastodon.options({"max_characters": 500})
    first = mastodon.count(text, roomy)
    assert first.valid
    assert mastodon.count(text, roomy) is first  # remembered for the same options
    assert not mastodon.count(text, tight).valid
    assert mastodon.count(text, roomy).valid
    assert mastodon.count("b" * 600, roomy).length == 600


@pytest.mark.parametrize(
    "sizes", [[5], [1, 1], [9, 1, 1, 1], [1, 1, 1, 9], [3, 0, 3, 0, 3]], ids=str
)
def test_halves_split_by_weight_keep_the_order(sizes: list[int]) -> None:
    from advocacy_kit import parallel

    items = [list(range(size)) for size in sizes]
    results = parallel.map_in_halves(
        items, sum, pack=lambda total: total, unpack=lambda _, total: total, minimum=2, weight=len
    )
    assert results == [sum(item) for item in items]


@pytest.mark.parametrize("first", [0, 1, 3, 6, 9], ids=lambda n: f"first-{n}")
def test_halves_split_where_told_keep_the_order_and_do_meanwhile_once(first: int) -> None:
    from advocacy_kit import parallel

    calls: list[int] = []
    done_here: list[int] = []

    def work(item: int) -> int:
        done_here.append(item)  # only this process's items arrive in this list
        return item * 10

    results = parallel.map_in_halves(
        list(range(6)),
        work,
        pack=lambda value: value,
        unpack=lambda _, value: value,
        minimum=2,
        first=first,
        meanwhile=lambda: calls.append(len(done_here)),
    )
    assert results == [0, 10, 20, 30, 40, 50]
    assert calls == [0]  # once, before this process's own items
    if parallel.can_fork():
        assert done_here == list(range(min(first, 6)))
