"""Plan a week with the Python API and print each person's drafts.

python examples/scripts/weekly_summary.py examples/de-kommunikation 2026-W49
"""

from __future__ import annotations

import sys

import advocacy_kit


def main(kit_path: str, week: str) -> None:
    kit = advocacy_kit.load_kit(kit_path)
    calendar = advocacy_kit.plan_week(kit, week)
    for person in calendar.people:
        entries = calendar.entries_for(person.id)
        print(f"{person.name}: {len(entries)} drafts")
        for entry in entries:
            print(
                f"  {entry.slot.start:%a %H:%M} {entry.slot.platform}: {entry.assignment.topic_title}"
            )


if __name__ == "__main__":
    main(*(sys.argv[1:3] if len(sys.argv) >= 3 else ("examples/de-kommunikation", "2026-W49")))
