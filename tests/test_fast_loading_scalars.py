"""Scalars inside sequences and mappings are read as the careful reader reads them, or left to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy_kit.fast_yaml import Unsure, read_plain_yaml
from advocacy_kit.loading import _read_yaml, _walk

ACCEPTED = {
    "scalars-in-a-sequence": "- 1\n- yes\n- ~\n- '2'\n- 19:30\n- 2026-01-01\n- 1.5\n- text\n",
    "scalars-as-values": "a: 1\nb: no\nc: null\nd: '3'\ne: \"x\"\nf: 0o17\ng: .inf\n",
    "typed-keys-in-nested-mappings": "a:\n  1: x\n  false: y\n  ~: z\n  '2': w\n",
    "quoted-merge-key": "a:\n  '<<': x\n",
    "sequences-of-mappings": "- a: 1\n  b: [2, '3', {c: ~}]\n- []\n- {}\n",
    "empty-scalars": "a:\n- \n- ''\nb: ''\n",
}


@pytest.mark.parametrize("text", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_scalars_in_collections_give_the_careful_values(tmp_path: Path, text: str) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    careful = _walk(_read_yaml(path), (), path, {})
    assert repr(read_plain_yaml(path)) == repr(careful)


DOUBTFUL = {
    "anchored-item": "- &x 1\n- *x\n",
    "tagged-item": "- !!str 1\n",
    "anchored-key": "&k a: 1\n",
    "tagged-key": "!!str a: 1\n",
    "anchored-value-in-nested-mapping": "a:\n  b: &x 1\n",
    "tagged-value-in-nested-mapping": "a:\n  b: !!int 1\n",
    "alias-value": "a: &x 1\nb: *x\n",
    "merge-key": "a: {b: 1}\nc:\n  <<: {d: 2}\n",
    "duplicate-nested-key": "a:\n  b: 1\n  b: 2\n",
    "duplicate-typed-key": "a:\n  1: x\n  0o1: y\n",
    "one-and-true-as-keys": "a:\n  1: x\n  true: y\n",
    "mapping-as-key": "? {a: 1}\n: b\n",
}


@pytest.mark.parametrize("text", DOUBTFUL.values(), ids=DOUBTFUL.keys())
def test_doubtful_scalars_are_left_to_the_careful_reader(tmp_path: Path, text: str) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Unsure):
        read_plain_yaml(path)
