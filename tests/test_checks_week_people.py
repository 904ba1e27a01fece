"""The people checks (AK6xx) against a careful version that looks at every entry in time order."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit import CalendarEntry, Finding, Kit
from advocacy_kit.checks.messages import say
from advocacy_kit.checks.people import people_findings
from advocacy_kit.checks.where import Where

from .checks_support import TUESDAY, make_entry, make_kit

PLATFORMS = ["linkedin", "mastodon"]


def careful_people_findings(
    kit: Kit, entries: list[CalendarEntry], language: str
) -> dict[str, list[Finding]]:
    """Every entry of one of the kit's people, in time order, held to that person's choices."""
    people = {person.id: person for person in kit.people}
    totals = Counter(entry.slot.person_id for entry in entries)
    planned: Counter[str] = Counter()
    known = sorted(
        (entry for entry in entries if entry.slot.person_id in people),
        key=lambda entry: entry.slot.start,
    )
    found: dict[str, list[Finding]] = {}
    for entry in known:
        person = people[entry.slot.person_id]
        account = person.accounts.get(entry.slot.platform)
        day = entry.slot.start.date()
        messages = []
        why = None
        if not person.active:
            why = say("AK604-opted-out", language)
        elif account is None or not account.active:
            why = say("AK604-paused", language)
        elif any(period.starts <= day <= period.ends for period in person.away):
            why = say("AK604-away", language)
        if why is not None:
            messages.append(("AK604", say("AK604", language, name=person.name, why=why)))
        planned[person.id] += 1
        cap = kit.weekly_cap_of(person)
        if planned[person.id] > cap:
            count = totals[person.id]
            messages.append(
                ("AK601", say("AK601", language, count=count, name=person.name, cap=cap))
            )
        hours = person.sharing_hours
        if entry.slot.start.time() not in hours:
            message = say(
                "AK602",
                language,
                time=f"{entry.slot.start:%H:%M}",
                name=person.name,
                start=f"{hours.start:%H:%M}",
                end=f"{hours.end:%H:%M}",
            )
            messages.append(("AK602", message))
        if entry.assignment.language not in person.languages:
            message = say(
                "AK603",
                language,
                language=entry.assignment.language,
                name=person.name,
                languages=", ".join(person.languages),
            )
            messages.append(("AK603", message))
        if messages:
            where = Where.of_entry(entry, language)
            found.setdefault(entry.draft.id, []).extend(
                where.finding(code, message) for code, message in messages
            )
    # A draft in two entries: its findings come where it was first seen.
    first_seen: dict[str, int] = {}
    for place, entry in enumerate(known):
        first_seen.setdefault(entry.draft.id, place)
    return dict(sorted(found.items(), key=lambda item: first_seen[item[0]]))


def _person(person_id: str, choices: dict[str, Any]) -> dict[str, Any]:
    accounts = {
        platform: {"cadence": "tue 09:00", "active": state == "active"}
        for platform, state in zip(PLATFORMS, choices["accounts"], strict=True)
        if state != "missing"
    }
    start, length = choices["hours"]
    person: dict[str, Any] = {
        "id": person_id,
        "name": person_id.title(),
        "languages": choices["languages"],
        "expertise": {"work": "expert"},
        "accounts": accounts,
        "active": choices["active"],
        "weekly_cap": choices["cap"],
        "sharing_hours": {"start": f"{start:02d}:00", "end": f"{start + length:02d}:30"},
        "away": [
            {
                "starts": (TUESDAY + dt.timedelta(days=first)).date().isoformat(),
                "ends": (TUESDAY + dt.timedelta(days=first + days)).date().isoformat(),
            }
            for first, days in choices["away"]
        ],
    }
    return person


person_choices = st.fixed_dictionaries(
    {
        "accounts": st.lists(
            st.sampled_from(["active", "paused", "missing"]), min_size=2, max_size=2
        ),
        "hours": st.tuples(st.integers(0, 20), st.integers(0, 3)),
        "languages": st.lists(st.sampled_from(["en", "de"]), min_size=1, max_size=2, unique=True),
        "active": st.booleans(),
        "cap": st.none() | st.integers(0, 5),
        "away": st.lists(st.tuples(st.integers(-2, 6), st.integers(0, 2)), max_size=2),
    }
)

entry_choices = st.tuples(
    st.sampled_from(["ada", "bo", "cy", "someone-else"]),
    st.sampled_from(PLATFORMS),
    st.integers(0, 6),
    st.integers(0, 23),
    st.sampled_from([0, 30]),
    st.sampled_from(["en", "de"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    choices=st.lists(person_choices, min_size=3, max_size=3),
    picked=st.lists(entry_choices, max_size=30),
    default_cap=st.integers(0, 6),
    twice=st.lists(st.integers(0, 29), max_size=3),
    language=st.sampled_from(["en", "de"]),
)
def test_people_findings_are_the_careful_ones(
    choices: list[dict[str, Any]],
    picked: list[tuple[str, str, int, int, int, str]],
    default_cap: int,
    twice: list[int],
    language: str,
) -> None:
    data = make_kit(language).model_dump()
    data["people"] = [
        _person(person_id, chosen)
        for person_id, chosen in zip(["ada", "bo", "cy"], choices, strict=True)
    ]
    data["settings"]["default_weekly_cap"] = default_cap
    kit = Kit.model_validate(data)
    entries = [
        make_entry(
            kit,
            "text",
            person=person,
            platform=platform,
            start=TUESDAY.replace(hour=hour, minute=minute) + dt.timedelta(days=day),
            language=entry_language,
        )
        for person, platform, day, hour, minute, entry_language in picked
    ]
    # A draft listed twice (the same entry again, later in the list).
    entries += [entries[at] for at in twice if at < len(entries)]
    found = people_findings(kit, entries, language)
    expected = careful_people_findings(kit, entries, language)
    assert list(found) == list(expected)
    assert found == expected
