"""The fast kit reader: the careful reader's values for every file it accepts, Unsure otherwise."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from advocacy_kit.fast_yaml import Unsure, read_plain_yaml
from advocacy_kit.loading import _read_yaml, _walk, load_kit
from advocacy_kit.models import Kit

from .conftest import ENGLISH_KIT

ACCEPTED = {
    "empty": "",
    "only-a-comment": "# nothing here\n",
    "scalar-document": "just text\n",
    "quoted-document": "'quoted'\n",
    "empty-value": "a:\nb: ~\n",
    "empty-collections": "a: []\nb: {}\n",
    "nested-sequences": "- - - a\n  - b\n- c\n",
    "flow-in-block": "- a\n- b: [1, {c: d, e: [f, 'g']}]\n",
    "block-scalars": "a: |\n  x\n  y\nb: >-\n  folded\n  text\nc: |+\n  kept\n\n",
    "keys-of-all-kinds": "1: a\nyes: b\nnull: c\n2026-01-01: d\n'1.5': e\n",
    "times-and-octals": "a: 19:30\nb: 0o17\nc: 017\nd: 1:20:30\n",
    "unicode": 'name: Jürgen Weiß\nnote: "\\u00e9\\U0001F600"\n',
}


@pytest.mark.parametrize("text", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_accepted_files_give_the_careful_values(tmp_path: Path, text: str) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    careful = _read_yaml(path)
    assert repr(read_plain_yaml(path)) == repr(_walk(careful, (), path, {}))


DOUBTFUL = {
    "complex-key": "? [a]\n: b\n",
    "anchored-mapping": "a: &x {b: 1}\nc: *x\n",
    "anchor-alone": "a: &x 1\n",
    "non-specific-tag": "a: ! 3\n",
    "tagged-mapping": "!!map {a: 1}\n",
    "document-start": "---\na: 1\n",
    "document-end": "a: 1\n...\n",
    "unclosed-flow": "a: {b: 1\n",
    "bad-indentation": "key: value\n  other: x\n",
    "mapping-in-a-value": "a: b: c\n",
    "mixed-block": "- a\nb: c\n",
}


@pytest.mark.parametrize("text", DOUBTFUL.values(), ids=DOUBTFUL.keys())
def test_doubtful_files_are_left_to_the_careful_reader(tmp_path: Path, text: str) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Unsure):
        read_plain_yaml(path)


def test_reference_check_sees_what_a_full_dump_shows() -> None:
    kit = load_kit(ENGLISH_KIT)
    data = kit.model_dump()
    person = data["people"][0]
    person["expertise"] = {**person["expertise"], "no-such-area": "expert"}
    data["topics"][0]["areas"] = ["nowhere"]
    data["people"].append(dict(data["people"][1]))  # a duplicate id
    with pytest.raises(ValueError) as caught:
        Kit.model_validate(data)
    text = str(caught.value)
    assert "no-such-area" in text
    assert "nowhere" in text
    assert data["people"][1]["id"] in text


def _person(number: int, *, anchored: bool = False) -> str:
    expertise = "testing: &level expert" if anchored else "testing: expert"
    return (
        f"id: p{number}\nname: Person {number}\nlanguages: [en]\n"
        f"expertise:\n  {expertise}\naccounts:\n  linkedin:\n    cadence: tue 09:00\n"
    )


@pytest.mark.parametrize("anchored", [None, 1, 6], ids=["plain", "first-half", "second-half"])
def test_reading_in_two_processes_gives_the_same_kit(
    write_kit: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, anchored: int | None
) -> None:
    files = {
        f"people__p{number}.yaml": _person(number, anchored=number == anchored)
        for number in range(8)
    }
    folder = write_kit(**files)
    alone = load_kit(folder)
    monkeypatch.setattr("advocacy_kit.parallel.THRESHOLD", 0)
    shared = load_kit(folder)
    assert shared == alone
    assert [person.id for person in shared.people] == ["ada", *(f"p{n}" for n in range(8))]


def test_split_files_come_in_the_order_of_their_paths(tmp_path: Path) -> None:
    """Sorting by name is the order the paths themselves give (case, digits, signs, suffixes)."""
    from advocacy_kit.loading import _split_files

    folder = tmp_path / "people"
    folder.mkdir()
    names = [
        "b.yaml", "B.yaml", "a-2.yaml", "a_2.yaml", "a.2.yaml", "a10.yml", "a9.yaml",
        "Ä.yaml", "z.yml", "0.yaml", "~x.yaml", "notes.txt", ".hidden.yaml",
    ]  # fmt: skip
    for name in names:
        (folder / name).write_text("id: x\n", encoding="utf-8")
    found = list(_split_files(tmp_path, "people"))
    expected = sorted(p for p in folder.iterdir() if p.suffix in {".yaml", ".yml"})
    assert found == expected
    assert [p.name for p in found][:3] == [".hidden.yaml", "0.yaml", "B.yaml"]


def test_the_warm_up_beside_the_reading_worker_changes_nothing(
    write_kit: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plugins and holidays are loaded while a worker reads the files: the same kit comes out."""
    import sys

    from advocacy_kit import loading

    files = {f"people__p{number}.yaml": _person(number, anchored=False) for number in range(8)}
    folder = write_kit(**files)
    (folder / "kit.yaml").write_text(
        (folder / "kit.yaml").read_text().replace("  name:", "  holiday_region: DE-BY\n  name:", 1)
    )
    alone = load_kit(folder)
    assert alone.organization.holiday_region == "DE-BY"
    warmed: list[bool] = []
    real = loading._warm_up

    def watched(data: Any) -> Any:
        monkeypatch.delitem(sys.modules, "holidays", raising=False)  # as in a fresh process
        found = real(data)
        warmed.append(found is not None)
        return found

    monkeypatch.setattr(loading, "_warm_up", watched)
    monkeypatch.setattr("advocacy_kit.parallel.THRESHOLD", 0)
    shared = load_kit(folder)
    assert warmed == [True]
    assert shared == alone


def test_a_warm_up_that_fails_leaves_the_error_to_its_usual_place(
    write_kit: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from advocacy_kit import loading
    from advocacy_kit.errors import PluginError

    folder = write_kit(**{f"people__p{n}.yaml": _person(n, anchored=False) for n in range(8)})
    monkeypatch.setattr("advocacy_kit.parallel.THRESHOLD", 0)
    monkeypatch.setattr("advocacy_kit.plugins.platforms_loaded", lambda: False)
    failures: list[str] = []

    def broken() -> dict[str, Any]:
        failures.append("asked")
        raise PluginError("a plugin failed to load")

    monkeypatch.setattr("advocacy_kit.plugins.get_platforms", broken)
    with pytest.raises(PluginError, match="a plugin failed to load"):
        loading.load_kit(folder)
    assert len(failures) == 2  # once in the warm-up (kept quiet), once where the kit is checked
