"""Short forms budget for the disclosure drafting adds: X and Bluesky drafts stay in the limit."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_kit.drafting import Drafter
from advocacy_kit.drafting.context import Room, disclosure_text
from advocacy_kit.models import POST_KINDS
from advocacy_kit.plugins import get_platform
from advocacy_kit.tracking import track_links

from .conftest import DRAFTING_KIT

SHORT_PLATFORMS = ["x", "bluesky"]

# The launch topic promotes the employer, so its drafts carry the disclosure; its link is the
# employer's and gets tracking parameters, which make it longer on Bluesky (X counts any link 23).
ROOM_KIT = DRAFTING_KIT.replace(
    "  support_channel: help@acme.example\n",
    "  support_channel: help@acme.example\n"
    "  employer_domains: [acme.example]\n"
    "  tracking_parameters: {utm_source: employee, utm_medium: social}\n",
)

WORDS = ["Flaky", "tests", "Überschrift", "über", "ein", "wichtiges", "Thema", "a.com", "—"]
WIDE = "漢字テスト😀👩🏽‍💻ñe\u0301 "  # X weighs CJK and emoji double; e + accent is one grapheme


def _titles_of_length(length: int) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(min_size=length, max_size=length),
        st.text(alphabet=WIDE, min_size=length, max_size=length),
        st.lists(st.sampled_from(WORDS), min_size=1 + length // 6, max_size=1 + length // 6)
        .map(" ".join)
        .map(lambda title: title[:400]),
    )


# Every length up to 400 is as likely as any other, so long titles are tried as often as short.
titles = st.integers(1, 400).flatmap(_titles_of_length).filter(lambda title: bool(title.strip()))


@pytest.fixture(scope="module")
def room_kits(tmp_path_factory):
    """The room kit with the launch topic's title replaced; built in memory, so any text fits."""
    from advocacy_kit import load_kit
    from advocacy_kit.models import Kit

    folder = tmp_path_factory.mktemp("kit")
    (folder / "kit.yaml").write_text(ROOM_KIT, encoding="utf-8")
    data = load_kit(folder).model_dump()

    def kit(title: str) -> Kit:
        topics = [
            {**topic, "title": title} if topic["id"] == "launch" else topic
            for topic in data["topics"]
        ]
        return Kit.model_validate({**data, "topics": topics})

    return kit


def _assert_within_limit(kit, draft, platform_name):
    platform = get_platform(platform_name)
    account = kit.person(draft.assignment.slot.person_id).accounts.get(platform_name)
    options = platform.options(account.options if account else None)
    assert draft.disclosure and draft.disclosure in draft.text
    for text in (draft.text, track_links(draft.text, kit)):
        measured = platform.count(text, options)
        assert measured.valid, (measured.length, measured.limit, text)


# make_assignment only builds values, so sharing it across examples is safe.
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    title=titles,
    platform=st.sampled_from(SHORT_PLATFORMS),
    language=st.sampled_from(["de", "en"]),
    person=st.sampled_from(["ada", "bo"]),
)
def test_short_drafts_with_a_disclosure_stay_within_the_limit_for_any_title(
    room_kits, make_assignment, title, platform, language, person
):
    kit = room_kits(title)
    drafter = Drafter(kit)
    for kind in POST_KINDS:
        for variant in range(3):
            assignment = make_assignment(
                kind,
                person=person,
                topic="launch",
                platform=platform,
                variant=variant,
                language=language,
                campaign="launch-week",
            )
            _assert_within_limit(kit, drafter.draft(assignment), platform)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", POST_KINDS)
@pytest.mark.parametrize("platform", SHORT_PLATFORMS)
def test_a_long_title_is_shortened_only_as_far_as_the_room_needs(
    room_kits, make_assignment, platform, kind, language
):
    long_title = " ".join(["Sehr lange Überschrift über ein wichtiges Thema"] * 8)
    kit = room_kits(long_title)
    drafter = Drafter(kit)
    for variant in range(3):
        assignment = make_assignment(
            kind, topic="launch", platform=platform, variant=variant, language=language
        )
        draft = drafter.draft(assignment)
        _assert_within_limit(kit, draft, platform)
        assert "Sehr lange Überschrift" in draft.text
        assert "…" in draft.text


def test_a_title_that_fits_is_left_whole(room_kits, make_assignment):
    kit = room_kits("Our new test runner is out")
    drafter = Drafter(kit)
    for platform in SHORT_PLATFORMS:
        for kind in POST_KINDS:
            draft = drafter.draft(make_assignment(kind, topic="launch", platform=platform))
            assert "Our new test runner is out" in draft.text
            assert "…" not in draft.text


def _room(limit: int, disclosure: str = "", first: bool = False) -> Room:
    return Room(limit, disclosure, first, lambda text: 0 < len(text) <= limit, len)


@pytest.mark.parametrize(
    ("limit", "disclosure", "expected"),
    [
        (100, "", "Title: one two three four five six seven eight"),
        (40, "", "Title: one two three four five…"),
        (40, "Ad.", "Title: one two three four…"),
        (
            10,
            "A much longer disclosure than the room.",
            "Title: one two three four five six seven eight",
        ),
    ],
    ids=["fits", "cut-at-a-word", "disclosure-takes-room", "nothing-fits-keeps-the-title"],
)
def test_fit_keeps_the_longest_title_that_fits(limit, disclosure, expected):
    room = _room(limit, disclosure)
    fitted = room.fit(
        lambda title: f"Title: {title}\n", "one two  three four five six seven eight", "#tag"
    )
    assert fitted == expected
    if expected.endswith("…"):
        assert len(room.post([fitted, "#tag"])) <= limit


def test_post_is_assembled_the_way_drafting_adds_the_disclosure():
    assert _room(99, "Ad.").post(["Body", "", "https://a.example", "#t"]) == (
        "Body\n\nhttps://a.example\n\n#t\n\nAd."
    )
    assert _room(99, "Ad.", first=True).post(["Body", "#t"]) == "Ad.\n\nBody\n\n#t"
    assert _room(99).post(["Body\n\n\n\nMore", "#t"]) == "Body\n\nMore\n\n#t"


@pytest.mark.parametrize(
    ("platform", "room"),
    [("x", 280 - len("\n\nI work at Acme Tools.")), ("bluesky", 300 - 23), ("linkedin", 3000 - 23)],
    ids=["x", "bluesky", "linkedin"],
)
def test_templates_see_the_disclosure_and_the_room_it_leaves(
    drafting_kit, make_assignment, platform, room
):
    source = "{{ room }}|{{ disclosure }}|{{ limits.characters }}\n"
    kit = drafting_kit(**{f"templates__en__tip.{platform}.j2": source})
    drafter = Drafter(kit)
    promoted = drafter.draft(make_assignment(topic="launch", platform=platform))
    assert promoted.text.startswith(f"{room}|I work at Acme Tools.|")
    plain = drafter.draft(make_assignment(topic="flaky-tests", platform=platform))
    assert plain.text.startswith(f"{room + 23}||{room + 23}")


DISCLOSURE_CASES = {
    "promotional": ("", "launch", "de"),
    "not-promotional": ("", "flaky-tests", "en"),
    "all": ("    applies_to: all\n", "flaky-tests", "de"),
    "other-language": ("", "launch", "fr"),
}


@pytest.mark.parametrize(
    ("extra", "topic", "language"), DISCLOSURE_CASES.values(), ids=DISCLOSURE_CASES
)
def test_the_disclosure_templates_see_is_the_one_drafting_adds(
    drafting_kit, extra, topic, language
):
    kit = drafting_kit(
        DRAFTING_KIT.replace(
            '      de: "Ich arbeite bei Acme Tools."\n',
            f'      de: "Ich arbeite bei Acme Tools."\n{extra}',
        )
    )
    found = disclosure_text(kit, kit.topic(topic), language)
    assert found == Drafter(kit).disclosure_for(kit.topic(topic), language)
    assert (found is None) == (topic == "flaky-tests" and not extra)
