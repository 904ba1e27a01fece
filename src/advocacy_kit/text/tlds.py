"""The top-level domains twitter-text's URL rules know, read from its ``tld_lib.yml``."""

from __future__ import annotations

import functools
from pathlib import Path

__all__ = ["TLD_FILE", "country_tlds", "generic_tlds", "is_tld"]

TLD_FILE = Path(__file__).parent / "data" / "tld_lib.yml"


@functools.cache
def _lists() -> dict[str, tuple[str, ...]]:
    # The file is a flat two-key YAML mapping of lists; reading it by line keeps YAML parsing
    # (and its import time) off the counting path.
    lists: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in TLD_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line == "---" or line.startswith("#"):
            continue
        if line.endswith(":") and not raw.startswith((" ", "-")):
            current = lists.setdefault(line[:-1], [])
        elif line.startswith("- ") and current is not None:
            current.append(line[2:].strip().strip("'\""))
    return {name: tuple(values) for name, values in lists.items()}


def generic_tlds() -> tuple[str, ...]:
    """Generic TLDs (``com``, ``app``, ``닷컴`` …)."""
    return _lists()["generic"]


def country_tlds() -> tuple[str, ...]:
    """Country-code TLDs (``de``, ``jp``, ``中国`` …)."""
    return _lists()["country"]


@functools.cache
def _all() -> frozenset[str]:
    return frozenset(t.casefold() for t in (*generic_tlds(), *country_tlds()))


def is_tld(label: str) -> bool:
    """Whether ``label`` (without a dot) is a known top-level domain, ignoring case."""
    return label.casefold() in _all()
