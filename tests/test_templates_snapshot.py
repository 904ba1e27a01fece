"""Every built-in template × language × platform × variant for a fixed kit, as snapshots.

A change to any built-in template shows up here as a diff to review. After an intended change:
``pytest tests/test_templates_snapshot.py --snapshot-update``.
"""

from __future__ import annotations

import pytest

from advocacy_kit.drafting import Drafter
from advocacy_kit.models import POST_KINDS

# x and bluesky are matched by name, so their templates render whether or not the platform
# plugin is installed; threads stands for every platform without a version of its own.
PLATFORMS = ["linkedin", "mastodon", "x", "bluesky", "threads"]
VARIANTS = range(3)


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("kind", POST_KINDS)
@pytest.mark.parametrize("language", ["de", "en"])
def test_built_in_template(drafting_kit, make_assignment, snapshot, language, kind, platform):
    drafter = Drafter(drafting_kit())
    rendered = []
    for topic in ("flaky-tests", "launch"):
        for variant in VARIANTS:
            draft = drafter.draft(
                make_assignment(
                    kind,
                    person="ada" if variant != 2 else "bo",
                    topic=topic,
                    platform=platform,
                    variant=variant,
                    language=language,
                    campaign="launch-week" if topic == "launch" else None,
                )
            )
            rendered.append(f"[{draft.template} · {topic} · variant {variant}]\n{draft.text}")
    assert "\n\n".join(rendered) == snapshot
