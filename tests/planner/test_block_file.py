"""The block file (legday.plan/2): weeks of the same exercises, exact round trips, weeks as plans,
errors with their line, and one-week files still read as they did."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from exercises.catalog import Catalog
from exercises.exceptions import FileFormatError, InputError, UnknownNameError
from planner.cli import error_line
from planner.limits import MAX_BLOCK_WEEKS, MAX_RIR
from planner.plan_file import (
    BLOCK_FORMAT,
    PLAN_FORMAT,
    Block,
    Plan,
    Weekday,
    parse_plan,
    parse_plan_or_block,
    parse_weekdays,
    plan_or_block_from_data,
    plan_to_toml,
    read_plan_or_block,
    rir_text,
    week_sets,
    weekday_named,
    write_plan,
)

#: A block of two loading weeks and a deload: 9, 12 and 5 sets.
BLOCK = (Path(__file__).parent / "blocks" / "three_weeks.toml").read_bytes()


def test_a_block_reads_with_names_resolved_and_each_week_is_a_plan(catalog: Catalog) -> None:
    block = parse_plan_or_block(BLOCK, "block.toml", catalog)
    assert isinstance(block, Block)
    assert [week.rir for week in block.weeks] == [(3, 3), (0, 1), (4, 5)]
    assert [week.deload for week in block.weeks] == [False, False, True]
    assert block.days[0].exercises[0].exercise == "romanian_deadlift"
    assert block.peak == 2
    assert [week_sets(block, k) for k in (1, 2, 3)] == [9, 12, 5]
    second = block.week(2)
    assert isinstance(second, Plan)
    assert second.format == PLAN_FORMAT
    assert [entry.sets for day in second.days for entry in day.exercises] == [4, 3, 5]
    assert second.days[1].weekday is Weekday.THURSDAY
    assert second.days[0].exercises[0].reps == (6, 10)


def test_a_block_read_as_a_plan_is_its_peak_week(catalog: Catalog) -> None:
    """Commands that take one week (swap --plan, plan --keep) read a block as its peak week."""
    plan = parse_plan(BLOCK, "block.toml", catalog)
    block = parse_plan_or_block(BLOCK, "block.toml", catalog)
    assert isinstance(block, Block)
    assert plan == block.week(block.peak)


def test_a_week_beyond_the_block_is_bad_input(catalog: Catalog) -> None:
    block = parse_plan_or_block(BLOCK, "block.toml", catalog)
    assert isinstance(block, Block)
    for number in (0, 4):
        with pytest.raises(InputError, match=rf"^the block has weeks 1 to 3, not {number}$") as raised:
            block.week(number)
        assert raised.value.parameters == ("week",)


def test_a_one_week_file_still_reads_as_a_plan() -> None:
    one_week = b'format = "legday.plan/1"\n[[days]]\nexercises = [{ exercise = "rdl", sets = 3 }]\n'
    assert isinstance(parse_plan_or_block(one_week, "plan.toml"), Plan)
    without_format = b'[[days]]\nexercises = [{ exercise = "rdl", sets = 3 }]\n'
    assert isinstance(parse_plan_or_block(without_format, "plan.toml"), Plan)


def test_weeks_without_a_format_make_a_block() -> None:
    raw = BLOCK.replace(b'format = "legday.plan/2"\n', b"")
    block = parse_plan_or_block(raw, "block.toml")
    assert isinstance(block, Block)
    assert block.to_data()["format"] == BLOCK_FORMAT


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            b"sets = [2, 3, 1]",
            b"sets = [2, 3]",
            "block.toml:19: days[0].exercises[1].sets: Seated Leg Curl gives sets for 2 weeks and the block has 3: "
            "write one number of sets for each week",
        ),
        (
            b"sets = [2, 3, 1]",
            b"sets = [2, 0, 1]",
            "block.toml:19: days[0].exercises[1].sets[1]: write a whole number from 1 to 20, not 0",
        ),
        (
            b"sets = [2, 3, 1]",
            b"sets = 3",
            "block.toml:19: days[0].exercises[1].sets: write a list in square brackets, like [3, 4, 4], not 3",
        ),
        (
            b"rir = [0, 1]",
            b"rir = [1, 0]",
            "block.toml:8: weeks[1].rir: rir [1, 0] is reversed: the smaller number comes first",
        ),
        (b"rir = [0, 1]", b"rir = [0, 11]", "block.toml:8: weeks[1].rir[1]: write a whole number from 0 to 10, not 11"),
        (
            b"rir = [0, 1]",
            b"rir = [0.0, 1]",
            "block.toml:8: weeks[1].rir: write rir as two whole numbers [min, max], like [0, 1], not [0.0, 1]",
        ),
        (
            b"rir = [0, 1]",
            b"rir = [0, 1]\ndelaod = true",
            "block.toml:9: weeks[1].delaod: unknown key 'delaod' (did you mean 'deload'?)",
        ),
    ],
)
def test_bad_blocks_name_the_line_and_the_field(old: bytes, new: bytes, expected: str) -> None:
    with pytest.raises(FileFormatError) as raised:
        parse_plan_or_block(BLOCK.replace(old, new, 1), "block.toml")
    assert raised.value.message == expected


def test_every_week_a_deload_is_refused() -> None:
    raw = BLOCK.replace(b"rir = [3, 3]\n", b"rir = [3, 3]\ndeload = true\n").replace(
        b"rir = [0, 1]\n", b"rir = [0, 1]\ndeload = true\n"
    )
    with pytest.raises(FileFormatError, match="a block needs a week that is not a deload"):
        parse_plan_or_block(raw, "block.toml")


def test_a_block_of_thirteen_weeks_is_refused() -> None:
    data = {
        "weeks": [{"rir": [2, 2]}] * (MAX_BLOCK_WEEKS + 1),
        "days": [{"exercises": [{"exercise": "rdl", "sets": [3] * (MAX_BLOCK_WEEKS + 1)}]}],
    }
    with pytest.raises(ValueError, match=f"a block has 1 to {MAX_BLOCK_WEEKS} weeks; this one has 13"):
        plan_or_block_from_data(data)


def test_rir_text() -> None:
    assert rir_text((3, 3)) == "3"
    assert rir_text((0, 1)) == "0-1"


@pytest.mark.parametrize(
    ("typed", "day"),
    [("mon", Weekday.MONDAY), ("Wed", Weekday.WEDNESDAY), ("FRIDAY", Weekday.FRIDAY), (" sun ", Weekday.SUNDAY)],
)
def test_weekdays_by_name_or_abbreviation_in_any_case(typed: str, day: Weekday) -> None:
    assert weekday_named(typed) is day


def test_an_unknown_weekday_suggests_the_closest() -> None:
    with pytest.raises(UnknownNameError, match="unknown weekday 'wensday': did you mean 'wednesday'"):
        weekday_named("wensday")


# --- Round trips ---------------------------------------------------------------------------------

_names = (
    st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)
_rir = st.tuples(st.integers(0, MAX_RIR), st.integers(0, MAX_RIR)).map(sorted)


@st.composite
def blocks(draw: st.DrawFn) -> Block:
    """Any valid block: 1 to 12 weeks (one of them loading), 1 to 7 days, each entry with one
    number of sets per week."""
    count = draw(st.integers(1, MAX_BLOCK_WEEKS))
    deloads = draw(st.lists(st.booleans(), min_size=count, max_size=count).filter(lambda flags: not all(flags)))
    weeks = [
        {"rir": draw(_rir), "deload": deload} if deload or draw(st.booleans()) else {"rir": draw(_rir)}
        for deload in deloads
    ]
    entry = st.fixed_dictionaries(
        {"exercise": _names, "sets": st.lists(st.integers(1, 20), min_size=count, max_size=count)},
        optional={
            "reps": st.tuples(st.integers(1, 100), st.integers(1, 100)).map(sorted),
            "rest_seconds": st.integers(0, 900),
        },
    )
    day = st.fixed_dictionaries(
        {"exercises": st.lists(entry, min_size=1, max_size=4)},
        optional={"name": _names, "weekday": st.sampled_from(list(Weekday))},
    )
    # Each weekday on one day at most: two days on a weekday are an error.
    days = draw(st.lists(day, min_size=1, max_size=7, unique_by=lambda d: d.get("weekday") or object()))
    data = {"weeks": weeks, "days": days}
    if draw(st.booleans()):
        data["name"] = draw(_names)
    if draw(st.booleans()):
        data["settings"] = {"weeks": count, "deload": deloads[-1], "volume": draw(st.sampled_from(["low", "mid"]))}
    found = plan_or_block_from_data(data)
    assert isinstance(found, Block)
    return found


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(blocks())
def test_block_to_toml_to_block_is_identical(block: Block) -> None:
    raw = plan_to_toml(block)
    again = parse_plan_or_block(raw, "block.toml")
    assert again == block
    assert plan_to_toml(again) == raw


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=40)
@given(blocks())
def test_every_week_of_a_block_is_a_plan_with_that_weeks_sets(block: Block) -> None:
    for number in range(1, len(block.weeks) + 1):
        week = block.week(number)
        assert [len(day.exercises) for day in week.days] == [len(day.exercises) for day in block.days]
        assert sum(e.sets for day in week.days for e in day.exercises) == week_sets(block, number)
    assert not block.weeks[block.peak - 1].deload
    loading = [week_sets(block, k) for k in range(1, len(block.weeks) + 1) if not block.weeks[k - 1].deload]
    assert week_sets(block, block.peak) == max(loading)


def test_a_written_block_reads_back(tmp_path: Path, catalog: Catalog) -> None:
    block = parse_plan_or_block(BLOCK, "block.toml", catalog)
    path = tmp_path / "block.toml"
    write_plan(block, path)
    assert read_plan_or_block(path, catalog) == block
    assert path.read_bytes().startswith(b'format = "legday.plan/2"\n')


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        (["mon,wed,fri"], (Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.FRIDAY)),
        (["FRI", "Mon"], (Weekday.MONDAY, Weekday.FRIDAY)),
        (["tuesday, Thu", "sat"], (Weekday.TUESDAY, Weekday.THURSDAY, Weekday.SATURDAY)),
    ],
)
def test_weekdays_comma_separated_or_repeated_in_week_order(typed: list[str], days: tuple[Weekday, ...]) -> None:
    assert parse_weekdays(typed) == days


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (["mon,monday"], "--weekdays: monday is given twice; give each training day once"),
        (["mon", "MON"], "--weekdays: monday is given twice; give each training day once"),
        (["mon,,fri"], "--weekdays: 'mon,,fri' has an empty day; give days like mon,wed,fri"),
        (["mon,funday"], "--weekdays: unknown weekday 'funday': did you mean 'sunday', 'monday' or 'friday'?"),
    ],
)
def test_bad_weekdays_are_one_line(typed: list[str], message: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_weekdays(typed)
    assert error_line(raised.value) == message


# --- The JSON Schema describes blocks too -------------------------------------------------------------


def _schema_errors(value: object) -> list[str]:
    """Where `value` breaks the plan file's JSON Schema (one of a week and a block)."""
    from jsonschema import Draft202012Validator

    from planner.plan_file import plan_schema

    return [f"{error.json_path}: {error.message}" for error in Draft202012Validator(plan_schema()).iter_errors(value)]


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(blocks())
def test_every_valid_block_satisfies_the_schema(block: Block) -> None:
    import tomllib

    assert _schema_errors(tomllib.loads(plan_to_toml(block).decode())) == []


def test_a_block_as_people_write_it_satisfies_the_schema() -> None:
    import tomllib

    data = tomllib.loads(BLOCK.decode())
    assert _schema_errors(data) == []
    # Without a format, weeks make it a block, for legday and for the schema alike.
    del data["format"]
    assert isinstance(plan_or_block_from_data(data), Block)
    assert _schema_errors(data) == []


def _block_data() -> dict[str, object]:
    import tomllib

    return tomllib.loads(BLOCK.decode())


def _broken(change: str) -> dict[str, object]:
    """The block of three weeks with one mistake."""
    data: dict[str, object] = _block_data()
    weeks: list[dict[str, object]] = data["weeks"]  # type: ignore[assignment]
    days: list[dict[str, list[dict[str, object]]]] = data["days"]  # type: ignore[assignment]
    entry = days[0]["exercises"][0]
    match change:
        case "sets_one_number":
            entry["sets"] = 3
        case "sets_zero":
            entry["sets"] = [3, 0, 2]
        case "rir_one_number":
            weeks[0]["rir"] = [3]
        case "rir_too_high":
            weeks[0]["rir"] = [3, 11]
        case "week_unknown_key":
            weeks[0]["effort"] = "hard"
        case "deload_text":
            weeks[2]["deload"] = "yes"
        case "every_week_a_deload":
            for week in weeks:
                week["deload"] = True
        case "no_weeks":
            del data["weeks"]
        case "too_many_weeks":
            data["weeks"] = [{"rir": [3, 3]}] * (MAX_BLOCK_WEEKS + 1)
        case "week_plan_format":
            data["format"] = PLAN_FORMAT
        case "unknown_top_key":
            data["mesocycle"] = 1
    return data


@pytest.mark.parametrize(
    "change",
    [
        "sets_one_number",
        "sets_zero",
        "rir_one_number",
        "rir_too_high",
        "week_unknown_key",
        "deload_text",
        "every_week_a_deload",
        "no_weeks",
        "too_many_weeks",
        "week_plan_format",
        "unknown_top_key",
    ],
)
def test_the_schema_rejects_a_block_with_a_wrong_field(change: str) -> None:
    data = _broken(change)
    assert _schema_errors(data), f"the schema accepts a block with {change}"
    with pytest.raises(ValidationError):  # legday refuses it too
        plan_or_block_from_data(data)


def test_the_schema_rejects_the_malformed_blocks_it_can_see() -> None:
    """Of the malformed block corpus, what a JSON Schema can express: a wrong rir, a day's sets
    not per week, every week a deload. (Sets for another number of weeks than the block has, and two
    days on one weekday, compare values, which only legday checks.)"""
    import tomllib

    corpus = Path(__file__).parent / "malformed"
    for name in ("block_every_week_a_deload.toml", "block_several_mistakes.toml"):
        assert _schema_errors(tomllib.loads((corpus / name).read_text())), name
