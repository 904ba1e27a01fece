"""A slot's id reads exactly as strftime writes its local time, for every year."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from advocacy_kit.calendar import Slot


@pytest.mark.parametrize("year", [1, 42, 999, 1000, 2026, 9999], ids=str)
def test_slot_id_matches_strftime(year: int) -> None:
    start = dt.datetime(year, 3, 4, 5, 6, tzinfo=ZoneInfo("Europe/Berlin"))
    slot = Slot(person_id="lena", platform="x", start=start, timezone="Europe/Berlin")
    assert slot.id == f"lena-x-{start:%Y%m%dT%H%M}"
