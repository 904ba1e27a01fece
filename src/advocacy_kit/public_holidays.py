"""Public holidays of the organisation's region, named in the kit's language.

Backed by the ``holidays`` package, imported only when a kit names a ``holiday_region`` (it is
large, and ``advocacy-kit --help`` should stay fast). The region is an ISO 3166 country code,
optionally with a subdivision: ``DE``, ``DE-BY``, ``DE-NW``, ``US-NY``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

__all__ = ["HolidayRegionError", "check_region", "holidays_between"]


class HolidayRegionError(ValueError):
    """A holiday region the ``holidays`` package does not know; ``hint`` lists what it knows.

    ``key`` and ``values`` name the text in :mod:`advocacy_kit.i18n`; ``str()`` and ``hint``
    are English.
    """

    def __init__(self, key: str, **values: object) -> None:
        from .i18n import say

        self.key = key
        self.values = values
        super().__init__(say(key, "en", **values))
        self.hint = say(f"{key}.hint", "en", **values)


def _split(region: str) -> tuple[str, str | None]:
    country, _, subdivision = region.partition("-")
    return country, subdivision or None


def check_region(region: str) -> str:
    """Return ``region`` if the ``holidays`` package knows it, else raise :class:`HolidayRegionError`."""
    import holidays

    country, subdivision = _split(region)
    supported = holidays.list_supported_countries()
    if country not in supported:
        raise HolidayRegionError("holiday.country", country=country)
    if subdivision is not None and subdivision not in supported[country]:
        known = ", ".join(
            f"{country}-{code}"
            for code in supported[country]
            if re.fullmatch(r"[A-Z0-9]{1,3}", code)
        )
        raise HolidayRegionError("holiday.region", region=region, country=country, known=known)
    return region


def _language_for(supported: Iterable[str], language: str) -> str | None:
    """The package's closest language code: ``de`` → ``de``, ``en`` → ``en_US``; None = default."""
    options = sorted(supported)
    if language in options:
        return language
    return next((code for code in options if code.split("_")[0] == language), None)


@functools.cache
def _year(region: str, year: int, language: str) -> dict[dt.date, str]:
    import holidays

    country, subdivision = _split(region)
    probe = holidays.country_holidays(country, subdiv=subdivision, years=[])
    chosen = _language_for(getattr(probe, "supported_languages", ()), language)
    table = holidays.country_holidays(country, subdiv=subdivision, years=year, language=chosen)
    return {day: str(name) for day, name in sorted(table.items())}


def holidays_between(
    region: str, first: dt.date, last: dt.date, language: str
) -> dict[dt.date, str]:
    """Holidays from ``first`` to ``last`` (inclusive), named in ``language`` where available."""
    found: dict[dt.date, str] = {}
    for year in range(first.year, last.year + 1):
        for day, name in _year(region, year, language).items():
            if first <= day <= last:
                found[day] = name
    return found
