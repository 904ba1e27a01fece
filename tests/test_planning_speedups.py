"""Planning's shortcuts give what working it out the plain way gives, for every input.

Words around two fields equal the whole message; the room in the sharing hours shared by equal
hours equals the room worked out per person; a start time's UTC time and day remembered per
time object are those of that object (also for the other fold of an ambiguous time); a search
with a rank to beat finds what a plain minimum over the pools finds; assignments built directly
equal the ones pydantic's ``model_construct`` builds; and more varied kits than the other
comparisons draw plan exactly as the careful reference.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import string
from zoneinfo import ZoneInfo

import pytest

from advocacy_kit.calendar import Assignment, Slot
from advocacy_kit.models import Person, Topic
from advocacy_kit.past_use import PastUse
from advocacy_kit.plan_words import ReasonWords
from advocacy_kit.planner import _Planner, plan_slots
from advocacy_kit.reasons import _TEXTS, say, say_between
from advocacy_kit.spacing import ColleagueSpacing
from advocacy_kit.topic_index import TopicIndex

from .careful_planning import planner as careful_planner
from .careful_planning import schedule as careful_schedule
from .test_planning_fast_paths import _dump, varied_kit, varied_past

NAMES = ("Ada", "", "Jörg {name} {{x}}", "O'Brien %s", "李雷", "Zoë {0}")


def _pairs() -> list[tuple[str, str, str]]:
    """Each message with two plain fields, with those fields in the order they come."""
    found: list[tuple[str, str, str]] = []
    for key, (english, _) in _TEXTS.items():
        plain = [
            name
            for _, name, spec, how in string.Formatter().parse(english)
            if name and not spec and how is None
        ]
        found.extend((key, first, second) for first, second in itertools.combinations(plain, 2))
    return found


@pytest.mark.parametrize(("key", "first", "second"), _pairs(), ids=lambda part: str(part))
@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_words_between_two_fields_give_the_whole_message(
    key: str, first: str, second: str, language: str
) -> None:
    english, german = _TEXTS[key]
    text = german if language == "de" else english
    names = [name for _, name, _, _ in string.Formatter().parse(text) if name]
    values = {name: f"<{name} {{x}}>" for name in names}
    if names.index(first) > names.index(second):
        with pytest.raises(ValueError, match="before one plain"):
            say_between(key, language, first, second, **values)
        return
    others = {name: value for name, value in values.items() if name not in (first, second)}
    head, middle, tail = say_between(key, language, first, second, **others)
    for one, two in (("x", 7), ("", 0), ("{a}", -3)):
        whole = say(key, language, **{**others, first: one, second: two})
        assert f"{head}{one}{middle}{two}{tail}" == whole


def test_words_between_missing_converted_or_swapped_fields_are_refused() -> None:
    with pytest.raises(ValueError, match="before one plain"):
        say_between("balance", "en", "count", "name", area="A")  # name comes first
    with pytest.raises(ValueError, match="before one plain"):
        say_between("balance", "en", "name", "nothing", area="A", count=1)
    with pytest.raises(ValueError, match="before one plain"):
        say_between("campaign", "en", "campaign", "priority")  # {campaign!r}
    with pytest.raises(ValueError, match="before one plain"):
        say_between("no_topic", "de", "name", "name")


@pytest.mark.parametrize("language", ["en", "de", "fr"])
@pytest.mark.parametrize("name", NAMES, ids=range(len(NAMES)))
def test_balance_and_fresh_words_equal_the_whole_message(language: str, name: str) -> None:
    area_names = {"a": "Data {x}", "b": "", "c": "Ökologie"}
    words = ReasonWords(language, area_names)
    for _ in range(2):  # worded first, then read from the table
        assert words.fresh_never(name) == say("fresh_never", language, name=name)
        for area, count in itertools.product(area_names, (0, 1, 12)):
            head, middle, tail = words.balance(area)
            assert words.balances[area] == (head, middle, tail)
            expected = say("balance", language, name=name, area=area_names[area], count=count)
            assert f"{head}{name}{middle}{count}{tail}" == expected


def _person(number: int, start: dt.time, end: dt.time) -> Person:
    return Person.model_validate(
        {
            "id": f"p{number}",
            "name": f"Person {number}",
            "languages": ["en"],
            "expertise": {"a": "expert"},
            "accounts": {"linkedin": {"cadence": "mon 09:00"}},
            "sharing_hours": {"start": start, "end": end},
        }
    )


ZONED = dt.timezone(dt.timedelta(hours=2))
HOURS = [
    (dt.time(8), dt.time(18)),
    (dt.time(8), dt.time(18)),  # the same hours as the first: the same room
    (dt.time(8, fold=1), dt.time(18)),
    (dt.time(0), dt.time(23, 59, 59, 999999)),
    (dt.time(12), dt.time(12, 1)),
    (dt.time(9, 15), dt.time(11, 7, 30)),
    (dt.time(8, tzinfo=ZONED), dt.time(18, tzinfo=ZONED)),
    (dt.time(8, tzinfo=ZONED), dt.time(18, tzinfo=dt.UTC)),  # a zone apart: two hours more
    (dt.time(6, tzinfo=dt.UTC), dt.time(16, tzinfo=dt.UTC)),  # equal to the zoned ones
]


@pytest.mark.parametrize("minutes", [1, 7, 30, 45, 240])
def test_the_room_in_the_sharing_hours_is_the_room_of_each_persons_hours(minutes: int) -> None:
    spacing = ColleagueSpacing(minutes, "en")
    people = [_person(number, start, end) for number, (start, end) in enumerate(HOURS)]
    for person in [*people, *reversed(people)]:  # asked in both orders, cached or not
        hours = person.sharing_hours
        length = dt.datetime.combine(dt.date.min, hours.end) - dt.datetime.combine(
            dt.date.min, hours.start
        )
        assert spacing.room_of(person) == length / dt.timedelta(minutes=minutes) + 1
    assert spacing.room_of(people[7]) != spacing.room_of(people[6])


def test_a_start_in_utc_is_remembered_per_time_object_not_per_equal_time() -> None:
    kit, week = varied_kit(3)
    state = _Planner(kit, week, PastUse())
    berlin = ZoneInfo("Europe/Berlin")
    first = dt.datetime(2026, 10, 25, 2, 30, tzinfo=berlin)
    second = first.replace(fold=1)  # equal in its zone, an hour later
    elsewhere = first.astimezone(ZoneInfo("Asia/Kolkata"))  # the same instant, another day?
    for start in (first, second, elsewhere, first, second):
        when = state.when_of(start)
        assert when == (start, start.astimezone(dt.UTC), start.date())
        assert state.when[id(start)] is when
    assert state.when_of(first)[1] != state.when_of(second)[1]


def _topic(number: int) -> Topic:
    return Topic.model_validate({"id": f"t{number}", "title": f"Topic {number}", "areas": ["a"]})


@pytest.mark.parametrize("seed", range(40), ids=lambda seed: f"seed-{seed}")
def test_a_search_finds_the_lowest_ranked_fitting_topic_below_the_rank_to_beat(seed: int) -> None:
    rng = random.Random(seed)
    topics = [_topic(number) for number in range(rng.randint(1, 30))]
    # Few order values, so topics share them; counts from none to beyond a float's precision.
    order = {topic.id: rng.randint(0, 6) for topic in topics}
    big = 2**60
    uses = {topic.id: rng.choice((0, 0, 1, 2, 5, big, big + 1)) for topic in topics}
    index = TopicIndex(topics, order, uses)
    for topic in rng.sample(topics, rng.randint(0, len(topics))):
        index.use(topic.id)
    pools = index.pools_for("a", ("en",), None)
    fitting = {topic.id for topic in topics if rng.random() < 0.6}
    asked: list[str] = []

    def fits(topic: Topic) -> bool:
        asked.append(topic.id)
        return topic.id in fitting

    def rank(topic: Topic) -> tuple[int, int]:
        return index.uses[topic.id], order[topic.id]

    for than in [None, *topics]:
        asked.clear()
        found = index.search(pools, fits, than)
        lower = [
            topic
            for topic in topics
            if topic.id in fitting and (than is None or rank(topic) < rank(than))
        ]
        if not lower:
            assert found is None
            continue
        assert found is not None
        assert rank(found) == min(map(rank, lower))
        # Nothing ranked as high as the topic to beat is asked about.
        assert than is None or all(rank(index.topics[name]) < rank(than) for name in asked)


@pytest.mark.parametrize("seed", range(6), ids=lambda seed: f"seed-{seed}")
def test_assignments_built_directly_equal_the_constructed_ones(seed: int) -> None:
    kit, week = varied_kit(seed)
    slots, _ = careful_schedule.schedule_week(kit, week)
    assignments, _ = plan_slots(kit, week, list(slots), varied_past(seed, kit, week, slots))
    for assignment in assignments:
        constructed = Assignment.model_construct(None, **dict(assignment.__dict__))
        assert type(assignment) is Assignment
        assert assignment == constructed
        assert assignment.model_fields_set == constructed.model_fields_set
        assert isinstance(assignment.slot, Slot)


@pytest.mark.parametrize("with_past", [False, True], ids=["no-history", "history"])
@pytest.mark.parametrize("seed", range(120, 300), ids=lambda seed: f"seed-{seed}")
def test_more_varied_kits_plan_as_the_careful_reference(seed: int, with_past: bool) -> None:
    kit, week = varied_kit(seed)
    slots, _ = careful_schedule.schedule_week(kit, week)
    past = varied_past(seed, kit, week, slots) if with_past else None
    fast = plan_slots(kit, week, list(slots), past)
    careful = careful_planner.plan_slots(kit, week, list(slots), past)
    assert _dump(fast[0]) == _dump(careful[0])
    assert _dump(fast[1]) == _dump(careful[1])


@pytest.mark.parametrize("seed", range(0, 300, 7), ids=lambda seed: f"seed-{seed}")
def test_slots_sharing_start_objects_plan_as_slots_with_their_own(seed: int) -> None:
    """The UTC time remembered per start object: copies of the starts change nothing."""
    kit, week = varied_kit(seed)
    slots, _ = careful_schedule.schedule_week(kit, week)
    own = [
        slot.model_copy(update={"start": slot.start.replace(microsecond=slot.start.microsecond)})
        for slot in slots
    ]
    assert all(a.start is not b.start for a, b in zip(own, slots, strict=True))
    shared = plan_slots(kit, week, list(slots))
    apart = plan_slots(kit, week, own)
    assert _dump(shared[0]) == _dump(apart[0])
    assert _dump(shared[1]) == _dump(apart[1])
