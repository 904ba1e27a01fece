"""A synthetic organisation for benchmarks: N people, M topics, fixed seed.

People get 1–3 expertise areas (with levels), 2–3 platforms (as many as are installed), and on
each a cadence of 2–4 posts a week in every accepted form (friendly days, ``N per week``, RRULE),
up to six posts a week in all.
Topics spread over realistic areas; some carry valid dates and a few belong to campaigns.

    python benchmarks/synthetic.py --people 500 --topics 2000 --week 2026-W44
    python benchmarks/synthetic.py --people 50 --topics 200 --write /tmp/synthetic-kit

From code::

    from benchmarks.synthetic import synthetic_kit, write_synthetic_kit
    kit = synthetic_kit(people=200, topics=800, seed=7)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from advocacy_kit.models import Kit

AREAS = {
    "data-engineering": "Data engineering",
    "observability": "Observability",
    "security": "Security",
    "accessibility": "Accessibility",
    "internal-comms": "Internal communication",
    "hr-learning": "Learning and development",
    "manufacturing": "Precision manufacturing",
    "logistics": "Logistics",
    "sustainability": "Sustainability",
    "customer-success": "Customer success",
    "design-systems": "Design systems",
    "open-source": "Open source",
}
LEVELS = ("learning", "practitioner", "expert")
ZONES = ("Europe/Berlin", "Europe/Berlin", "Europe/Vienna", "America/New_York", "Asia/Kolkata")
DAYS = ("mon", "tue", "wed", "thu", "fri")
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR")
WEEKLY_CAP = 6


# Key points are short sentences of their own, as in a real kit: drafts on different topics read
# differently, drafts on one topic alike. Words are made of syllables, some 30,000 of them.
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "tu",
    "ra",
    "se",
    "vo",
    "pi",
    "da",
    "fe",
    "gu",
    "hal",
    "ber",
    "tin",
    "son",
    "mar",
    "kel",
    "dor",
    "wen",
]
WORDS = sorted(
    {
        a + b + c + d
        for a in SYLLABLES
        for b in SYLLABLES
        for c in SYLLABLES
        for d in ("", "n", "s", "t")
    }
)


def _sentence(rng: random.Random, shortest: int = 5, longest: int = 9) -> str:
    words = rng.sample(WORDS, rng.randrange(shortest, longest + 1))
    return " ".join(words).capitalize()


def _platforms() -> list[str]:
    from advocacy_kit.plugins import get_platforms

    return sorted(get_platforms())


def _cadences(rng: random.Random, accounts: int) -> list[str]:
    """One cadence of 2–4 posts a week per account, each in a random accepted form."""
    cadences = []
    for _ in range(accounts):
        share = rng.randrange(2, 5)
        form = rng.randrange(3)
        hour, minute = rng.choice([(8, 30), (9, 0), (10, 0), (12, 15), (13, 0), (16, 0)])
        days = sorted(rng.sample(range(5), min(share, 5)), key=int)
        if form == 0:
            cadences.append(f"{', '.join(DAYS[d] for d in days)} {hour:02d}:{minute:02d}")
        elif form == 1:
            cadences.append(f"{share} per week")
        else:
            byday = ",".join(RRULE_DAYS[d] for d in days)
            cadences.append(f"FREQ=WEEKLY;BYDAY={byday};BYHOUR={hour};BYMINUTE={minute}")
    return cadences


def synthetic_kit_data(people: int, topics: int, seed: int = 42) -> dict[str, Any]:
    """The raw kit (as a ``kit.yaml`` would hold it) for ``people`` people and ``topics`` topics."""
    rng = random.Random(seed)
    areas = list(AREAS)
    platforms = _platforms()
    start = dt.date(2026, 9, 7)
    topic_list = []
    for index in range(topics):
        topic: dict[str, Any] = {
            "id": f"topic-{index:05d}",
            "title": f"{AREAS[areas[index % len(areas)]]}: {_sentence(rng, 3, 6).lower()}",
            "areas": sorted(rng.sample(areas, rng.choice((1, 1, 1, 2)))),
            "key_points": [_sentence(rng) for _ in range(rng.randrange(1, 4))],
            "hashtags": [areas[index % len(areas)].replace("-", "")],
        }
        if rng.random() < 0.15:
            begins = start + dt.timedelta(days=rng.randrange(0, 120))
            topic["valid_from"] = begins
            topic["valid_until"] = begins + dt.timedelta(days=rng.randrange(7, 60))
        topic_list.append(topic)
    campaigns = []
    campaign_topics = [t["id"] for t in topic_list if "valid_from" not in t]
    for index in range(max(1, topics // 200)):
        begins = start + dt.timedelta(days=rng.randrange(0, 120))
        campaigns.append(
            {
                "id": f"campaign-{index:03d}",
                "title": f"Campaign {index}",
                "starts": begins,
                "ends": begins + dt.timedelta(days=rng.randrange(7, 28)),
                "topics": rng.sample(campaign_topics, min(3, len(campaign_topics))),
                "priority": rng.randrange(1, 4),
            }
        )
    people_list = []
    for index in range(people):
        chosen = rng.sample(areas, rng.randrange(1, 4))
        accounts = rng.sample(platforms, min(len(platforms), rng.randrange(2, 4)))
        cadences = _cadences(rng, len(accounts))
        person: dict[str, Any] = {
            "id": f"person-{index:05d}",
            "name": f"Person {index}",
            "languages": [rng.choice(("de", "en"))],
            "timezone": rng.choice(ZONES),
            "expertise": {area: rng.choice(LEVELS) for area in sorted(chosen)},
            "accounts": {
                name: {"cadence": cadence}
                for name, cadence in zip(sorted(accounts), cadences, strict=True)
            },
            "sharing_hours": {"start": "07:00", "end": "19:00"},
        }
        if rng.random() < 0.1:
            away = start + dt.timedelta(days=rng.randrange(0, 120))
            person["away"] = [
                {"starts": away, "ends": away + dt.timedelta(days=rng.randrange(1, 14))}
            ]
        people_list.append(person)
    return {
        "organization": {
            "name": "Synthetic GmbH",
            "timezone": "Europe/Berlin",
            "language": "en",
            "holiday_region": "DE-BY",
        },
        "areas": [{"id": key, "name": name} for key, name in AREAS.items()],
        "topics": topic_list,
        "campaigns": campaigns,
        "people": people_list,
        # Six posts a week across platforms: about 60,000 drafts for 10,000 people.
        "settings": {"default_weekly_cap": WEEKLY_CAP},
    }


def synthetic_kit(people: int, topics: int, seed: int = 42) -> Kit:
    """A validated :class:`Kit` for a synthetic organisation (no files written)."""
    return Kit.model_validate(synthetic_kit_data(people, topics, seed))


def write_synthetic_kit(folder: Path, people: int, topics: int, seed: int = 42) -> Path:
    """Write the synthetic organisation as a kit folder (``kit.yaml`` plus ``people/``)."""
    data = synthetic_kit_data(people, topics, seed)
    yaml = YAML()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "people").mkdir(exist_ok=True)
    people_list = data.pop("people")
    with (folder / "kit.yaml").open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    for person in people_list:
        with (folder / "people" / f"{person['id']}.yaml").open("w", encoding="utf-8") as stream:
            yaml.dump(person, stream)
    return folder


def main(argv: list[str] | None = None) -> int:
    """Plan one week for a synthetic organisation and print how long each step took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--topics", type=int, default=800)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--week", default="2026-W44")
    parser.add_argument("--write", type=Path, help="Write the kit folder here and stop.")
    args = parser.parse_args(argv)
    if args.write:
        write_synthetic_kit(args.write, args.people, args.topics, args.seed)
        print(f"Wrote {args.write}")
        return 0
    from advocacy_kit.planner import plan_slots
    from advocacy_kit.schedule import schedule_week
    from advocacy_kit.weeks import parse_week

    week = parse_week(args.week)
    began = time.perf_counter()
    kit = synthetic_kit(args.people, args.topics, args.seed)
    built = time.perf_counter()
    slots, skipped = schedule_week(kit, week)
    scheduled = time.perf_counter()
    assignments, empty = plan_slots(kit, week, slots)
    planned = time.perf_counter()
    print(
        f"{args.people} people, {args.topics} topics, {week}: {len(slots)} slots "
        f"({len(skipped)} left out), {len(assignments)} assigned, {len(empty)} empty\n"
        f"  kit {built - began:.3f}s  schedule {scheduled - built:.3f}s  "
        f"plan {planned - scheduled:.3f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
