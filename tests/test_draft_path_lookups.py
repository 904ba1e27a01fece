"""Blank lines and the kit's lookups on the path of every draft: the shortcuts and the careful way.

The careful results come from the blank-line pattern itself and from ``Kit._by_id``, which the
lookups ask only where their own index does not answer.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_kit.drafting.drafter import _without_blank_lines
from advocacy_kit.loading import load_kit
from advocacy_kit.models import Kit, Person, Topic

from .conftest import ENGLISH_KIT, GERMAN_KIT

_PATTERN = re.compile(r"\n{3,}")


def _careful_blank_lines(text: str) -> str:
    return _PATTERN.sub("\n\n", text).strip()


BLANK_TEXTS = {
    "empty": "",
    "three newlines only": "\n\n\n",
    "a run at the start": "\n\n\n\na",
    "a run at the end": "a\n\n\n",
    "runs of three, four and nine": "a\n\n\nb\n\n\n\nc" + "\n" * 9 + "d",
    "runs next to carriage returns": "a\r\n\r\n\r\nb\n\r\n\n\n",
    "two newlines stay": "a\n\nb\n\n",
    "spaces between newlines": "a\n \n\n\nb",
    "wide characters": "„ä“\n\n\n\n😀\n\n\n",
}


@pytest.mark.parametrize("text", BLANK_TEXTS.values(), ids=BLANK_TEXTS.keys())
def test_blank_lines_of_chosen_texts_are_the_patterns(text: str) -> None:
    assert _without_blank_lines(text) == _careful_blank_lines(text)


@given(
    st.lists(st.sampled_from(["\n", "\n\n\n", "a", " ", "\r", "é", "\t", "\u2028"])).map("".join)
)
def test_blank_lines_are_the_patterns(text: str) -> None:
    assert _without_blank_lines(text) == _careful_blank_lines(text)


@given(st.text())
def test_blank_lines_of_any_text_are_the_patterns(text: str) -> None:
    assert _without_blank_lines(text) == _careful_blank_lines(text)


# --- Kit.person and Kit.topic -----------------------------------------------------------------


def _careful_lookup(kit: Kit, section: str, wanted: str) -> object:
    found = kit._by_id(section, wanted)
    kind = Person if section == "people" else Topic
    return found if isinstance(found, kind) else LookupError


def _lookup(kit: Kit, section: str, wanted: str) -> object:
    try:
        return kit.person(wanted) if section == "people" else kit.topic(wanted)
    except LookupError:
        return LookupError


def _ids(kit: Kit, section: str) -> list[str]:
    return [entry.id for entry in getattr(kit, section)] + ["nobody", ""]


@pytest.mark.parametrize("section", ["people", "topics"])
@pytest.mark.parametrize("kit_path", [GERMAN_KIT, ENGLISH_KIT], ids=["de", "en"])
def test_lookups_are_those_of_by_id(kit_path: Path, section: str) -> None:
    kit = load_kit(kit_path)
    for wanted in _ids(kit, section):
        assert _lookup(kit, section, wanted) is _careful_lookup(kit, section, wanted)


@pytest.mark.parametrize("section", ["people", "topics"])
def test_lookups_after_the_list_changed_in_place(section: str) -> None:
    kit = load_kit(ENGLISH_KIT)
    entries: list[Any] = getattr(kit, section)
    first = entries[0]
    assert _lookup(kit, section, first.id) is first  # the index is made
    # Reordered in place (same list, same length): the index names the wrong place now.
    entries.reverse()
    for wanted in _ids(kit, section):
        assert _lookup(kit, section, wanted) is _careful_lookup(kit, section, wanted)
    # One gone, then a duplicate id added at the end: the first of an id is found.
    removed = entries.pop()
    for wanted in _ids(kit, section):
        assert _lookup(kit, section, wanted) is _careful_lookup(kit, section, wanted)
    entries.append(entries[0].model_copy())  # the same id once more
    entries.append(removed)
    for wanted in [*_ids(kit, section), removed.id]:
        assert _lookup(kit, section, wanted) is _careful_lookup(kit, section, wanted)


def test_an_entry_of_another_kind_is_not_found() -> None:
    kit = load_kit(ENGLISH_KIT)
    topic = kit.topics[0]
    kit.people.append(topic)  # type: ignore[arg-type]  # a topic where a person belongs
    assert kit.person(kit.people[0].id) is kit.people[0]
    with pytest.raises(LookupError, match=topic.id):
        kit.person(topic.id)
    kit.topics.insert(0, kit.people[0])  # type: ignore[arg-type]
    with pytest.raises(LookupError, match=kit.people[0].id):
        kit.topic(kit.people[0].id)
    assert kit.topic(topic.id) is topic
