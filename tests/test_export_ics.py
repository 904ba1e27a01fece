"""iCalendar export, re-read with a second, independent library (vobject)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import vobject

from advocacy_kit import Calendar, load_kit, plan_week
from advocacy_kit.exporters.ics import IcsExporter, event_uid, organization_slug

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOW = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)


def _events(data: bytes) -> dict[str, vobject.base.Component]:
    parsed = vobject.readOne(data.decode("utf-8"))
    return {event.uid.value: event for event in parsed.vevent_list}


def _calendars() -> list[Calendar]:
    return [
        plan_week(load_kit(EXAMPLES / kit), "2026-W49")
        for kit in ("de-kommunikation", "en-engineering")
    ]


@pytest.mark.parametrize("calendar", _calendars(), ids=["de-kommunikation", "en-engineering"])
def test_every_file_reparses_with_the_same_local_times(calendar: Calendar) -> None:
    files = IcsExporter(clock=lambda: NOW).render(calendar)
    assert [f.name for f in files] == ["calendar.ics"] + [
        # No reminders for people who opted out.
        f"calendar-{p.id}.ics"
        for p in sorted(calendar.people, key=lambda p: p.id)
        if p.active
    ]
    everyone = _events(files[0].data)
    assert len(everyone) == len(calendar.entries) > 0
    for file in files:
        events = _events(file.data)
        person = file.name.removeprefix("calendar-").removesuffix(".ics")
        expected = calendar.entries if file.name == "calendar.ics" else calendar.entries_for(person)
        assert sorted(events) == sorted(event_uid(e, calendar.organization) for e in expected)
        for entry in expected:
            event = events[event_uid(entry, calendar.organization)]
            start = event.dtstart.value
            assert start.replace(tzinfo=None) == entry.slot.start.replace(tzinfo=None)
            assert start.utcoffset() == entry.slot.start.utcoffset()
            assert event.dtstart.params["X-VOBJ-ORIGINAL-TZID"] == [entry.slot.timezone]
            assert event.dtend.value - start == dt.timedelta(minutes=15)
            assert event.dtstamp.value == NOW
            assert event.description.value.startswith(entry.post.parts[0])
            assert entry.assignment.topic_title in event.summary.value
            assert event.valarm.trigger.value == dt.timedelta(minutes=-15)


def test_timezones_are_included_for_each_zone(
    sample_calendar_of: Callable[[str], Calendar],
) -> None:
    [everyone, *_] = IcsExporter(clock=lambda: NOW).render(sample_calendar_of("en"))
    parsed = vobject.readOne(everyone.data.decode("utf-8"))
    zones = sorted(zone.tzid.value for zone in parsed.vtimezone_list)
    assert zones == ["America/New_York", "Europe/Berlin"]


def test_uids_are_stable_across_exports(sample_calendar_of: Callable[[str], Calendar]) -> None:
    calendar = sample_calendar_of("de")
    first = IcsExporter(clock=lambda: NOW).render(calendar)[0]
    later = IcsExporter(clock=lambda: NOW + dt.timedelta(days=2)).render(calendar)[0]
    assert sorted(_events(first.data)) == sorted(_events(later.data))
    assert first.data != later.data  # only the stamp moved


def test_uids_name_the_organisation_so_two_kits_do_not_collide(
    sample_calendar_of: Callable[[str], Calendar],
) -> None:
    acme = sample_calendar_of("en")
    other = acme.model_copy(update={"organization": "Globex Corporation"})
    acme_uids = set(_events(IcsExporter(clock=lambda: NOW).render(acme)[0].data))
    other_uids = set(_events(IcsExporter(clock=lambda: NOW).render(other)[0].data))
    assert "lena-linkedin-20261201T0830@acme-soehne.advocacy-kit" in acme_uids
    assert "lena-linkedin-20261201T0830@globex-corporation.advocacy-kit" in other_uids
    assert not acme_uids & other_uids


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Acme & Söhne", "acme-soehne"),
        ("Brückner Werkzeugbau GmbH", "brueckner-werkzeugbau-gmbh"),
        ("  Café Noël  ", "cafe-noel"),
    ],
    ids=["umlaut", "company", "accents"],
)
def test_organization_slug(name: str, slug: str) -> None:
    assert organization_slug(name) == slug


def test_a_name_without_latin_letters_gets_a_stable_distinct_slug() -> None:
    first, again, other = (organization_slug(n) for n in ("株式会社", "株式会社", "有限会社"))
    assert re.fullmatch(r"org-[0-9a-f]{12}", first)
    assert first == again != other


def test_alarm_can_be_left_out(sample_calendar_of: Callable[[str], Calendar]) -> None:
    [everyone, *_] = IcsExporter(clock=lambda: NOW, alarm_minutes=None).render(
        sample_calendar_of("en")
    )
    assert b"BEGIN:VALARM" not in everyone.data


def test_thread_parts_are_in_the_description(sample_calendar_of: Callable[[str], Calendar]) -> None:
    [everyone, *_] = IcsExporter(clock=lambda: NOW).render(sample_calendar_of("de"))
    event = _events(everyone.data)["sam-mastodon-20261202T1102@acme-soehne.advocacy-kit"]
    description = event.description.value
    assert "Teil 1/2\n1/2 A thread" in description
    assert "Teil 2/2\n2/2 The end." in description
    assert event.summary.value == "Mastodon: Threads, explained (Sam Okafor)"


@pytest.mark.parametrize("language", ["de", "en"], ids=["german", "english"])
def test_ics_matches_golden(
    language: str, sample_calendar_of: Callable[[str], Calendar], golden: Callable[..., None]
) -> None:
    for file in IcsExporter(clock=lambda: NOW).render(sample_calendar_of(language)):
        golden(f"ics/{language}/{file.name}", file.data)
