"""The plan file: reading with file:line errors, strict values, round trips, atomic writing, and a
corpus of malformed files run through the real command line."""

import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from typer.testing import Result

from exercises.catalog import Catalog
from exercises.exceptions import (
    FileFormatError,
    InputError,
    InputErrors,
    OutputExistsError,
    OutputFileError,
    UnknownNameError,
)
from exercises.vocabulary import Equipment
from planner.plan_file import (
    BLOCK_FORMAT,
    PLAN_FORMAT,
    Plan,
    Weekday,
    day_labels,
    parse_exercise_spec,
    parse_plan,
    plan_from_data,
    plan_schema,
    plan_to_toml,
    read_plan,
    weekday_named,
    write_plan,
)
from planner.volume import Level

Run = Callable[..., subprocess.CompletedProcess[str]]
Cli = Callable[..., Result]
MALFORMED = Path(__file__).parent / "malformed"

GOOD = b"""format = "legday.plan/1"
name = "Two leg days"

[settings]
days = 2
level = "advanced"
equipment = ["barbell", "machine"]

[[days]]
name = "Day 1"
weekday = "monday"
exercises = [
  { exercise = "RDL", sets = 3, reps = [6, 10], rest_seconds = 150 },
  { exercise = "Seated Leg Curl", sets = 3 },
]

[[days]]
exercises = [{ exercise = "nordic_curl", sets = 2 }]
"""


def test_a_plan_reads_with_names_resolved_to_ids(catalog: Catalog) -> None:
    plan = parse_plan(GOOD, "plan.toml", catalog)
    assert plan.name == "Two leg days"
    assert plan.settings is not None
    assert plan.settings.level is Level.ADVANCED
    assert plan.settings.equipment == (Equipment.BARBELL, Equipment.MACHINE)
    assert [e.exercise for e in plan.days[0].exercises] == ["romanian_deadlift", "seated_leg_curl"]
    assert plan.days[0].exercises[0].reps == (6, 10)
    assert plan.days[0].weekday is Weekday.MONDAY
    assert plan.days[1].exercises[0].reps is None


def test_without_a_catalog_names_are_kept_as_written() -> None:
    plan = parse_plan(GOOD, "plan.toml")
    assert plan.days[0].exercises[0].exercise == "RDL"


def test_format_is_optional_when_read_and_written_always() -> None:
    plan = parse_plan(GOOD.replace(b'format = "legday.plan/1"\n', b""), "plan.toml")
    assert plan.format == PLAN_FORMAT
    assert plan_to_toml(plan).startswith(b'format = "legday.plan/1"\n')


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (b'nmae = "x"\n', "plan.toml:1: nmae: unknown key 'nmae' (did you mean 'name'?)"),
        (
            b"[settings]\nlevle = 'beginner'\n",
            "plan.toml:2: settings.levle: unknown key 'levle' (did you mean 'level'?)",
        ),
        (b"[[days]]\nnmae = 'x'\nexercises = [{ exercise = 'rdl', sets = 3 }]\n", "did you mean 'name'?"),
        (b"[[days]]\nexercises = [{ exercise = 'rdl', sets = 3, rest_secs = 60 }]\n", "did you mean 'rest_seconds'?"),
    ],
)
def test_unknown_keys_at_every_level_suggest_the_known_one(broken: bytes, expected: str) -> None:
    with pytest.raises(FileFormatError) as raised:
        parse_plan(
            broken + (b"" if b"[[days]]" in broken else b"[[days]]\nexercises = [{ exercise = 'rdl', sets = 3 }]\n"),
            "plan.toml",
        )
    assert expected in raised.value.message


def test_unknown_exercise_names_the_line_and_the_closest_exercise(catalog: Catalog) -> None:
    source = GOOD.replace(b'"nordic_curl"', b'"nordik curls"')
    with pytest.raises(FileFormatError) as raised:
        parse_plan(source, "plan.toml", catalog)
    assert raised.value.message.startswith(
        "plan.toml:18: days[1].exercises[0].exercise: unknown exercise 'nordik curls'"
    )
    assert "nordic" in raised.value.message.split("did you mean", 1)[1].lower()


@pytest.mark.parametrize(
    ("entry", "phrase"),
    [
        (b"sets = 3, reps = [12, 6]", "reps [12, 6] are reversed"),
        (b"sets = 0", "sets: write a whole number from 1 to 20, not 0"),
        (b"sets = -2", "sets: write a whole number from 1 to 20, not -2"),
        (b"sets = 21", "sets: write a whole number from 1 to 20, not 21"),
        (b"sets = 123456789012345678901234567890", "not 123456789012345678901234567890"),
        (b"sets = 3.0", "sets: write a whole number from 1 to 20, not 3.0"),
        (b'sets = "3"', "sets: write a whole number from 1 to 20, not '3'"),
        (b"sets = true", "sets: write a whole number from 1 to 20, not true"),
        (b"sets = 3, reps = [6, 10.0]", "reps: write reps as two whole numbers [min, max]"),
        (b'sets = 3, reps = "6-10.5"', "not '6-10.5'"),
        (b'sets = 3, reps = "0-5"', "reps[0]: write a whole number from 1 to 100, not 0"),
        (b"sets = 3, rest_seconds = -1", "rest_seconds: write a whole number from 0 to 900, not -1"),
        (b"sets = 3, rest_seconds = 1e9", "rest_seconds: write a whole number from 0 to 900, not 1000000000.0"),
    ],
)
def test_numbers_are_whole_and_in_range(entry: bytes, phrase: str) -> None:
    source = b"[[days]]\nexercises = [\n  { exercise = 'rdl', " + entry + b" },\n]\n"
    with pytest.raises(FileFormatError) as raised:
        parse_plan(source, "plan.toml")
    assert raised.value.message.startswith("plan.toml:3: days[0].exercises[0].")
    assert phrase in raised.value.message


def test_other_format_versions_are_refused_by_name() -> None:
    with pytest.raises(FileFormatError) as raised:
        parse_plan(b'format = "legday.plan/3"\n' + GOOD.split(b"\n", 1)[1], "plan.toml")
    assert raised.value.message == (
        "plan.toml:1: format: unsupported format 'legday.plan/3': this legday reads 'legday.plan/1' and 'legday.plan/2'"
    )


def test_a_week_has_one_to_seven_days() -> None:
    day = {"exercises": [{"exercise": "rdl", "sets": 3}]}
    assert len(plan_from_data({"days": [day] * 7}).days) == 7
    for count, phrase in ((0, "at least one day"), (8, "at most 7 days; this plan has 8")):
        with pytest.raises(ValueError, match=phrase):
            plan_from_data({"days": [day] * count})


def test_day_labels_are_unique() -> None:
    entry = {"exercise": "rdl", "sets": 3}
    named = plan_from_data({"days": [{"name": "Legs", "exercises": [entry]}, {"exercises": [entry]}]})
    assert day_labels(named) == ("Legs", "Day 2")
    twice = plan_from_data({"days": [{"name": "Legs", "exercises": [entry]}] * 2})
    assert day_labels(twice) == ("Day 1: Legs", "Day 2: Legs")
    clash = plan_from_data({"days": [{"name": "Day 2", "exercises": [entry]}, {"exercises": [entry]}]})
    assert day_labels(clash) == ("Day 1: Day 2", "Day 2")


def test_inline_exercise_specs(catalog: Catalog) -> None:
    assert parse_exercise_spec("RDL", catalog).model_dump() == {
        "exercise": "romanian_deadlift",
        "sets": 3,
        "reps": None,
        "rest_seconds": None,
    }
    assert parse_exercise_spec("Seated Leg Curl:5", catalog).sets == 5
    for bad in ("rdl:0", "rdl:21", "rdl:x", "rdl:", "rdl:2.5", "rdl:-1", "rdl:\uff13"):
        with pytest.raises(InputError, match=r"sets must be a whole number from 1 to 20"):
            parse_exercise_spec(bad, catalog)
    with pytest.raises(InputError, match="give an exercise"):
        parse_exercise_spec(":3", catalog)
    with pytest.raises(UnknownNameError, match="did you mean"):
        parse_exercise_spec("romanian deadlfit:3", catalog)


def test_every_unknown_inline_name_is_reported_in_one_run(run_legday: Run, cli: Cli) -> None:
    """Through the real command line and in process: one line per unknown name, exit 2, nothing on stdout."""
    args = ("coverage", "-e", "squat", "-e", "foo curl", "-e", "bar raise", "-e", "romainian deadlift:4")
    expected = [
        "legday: unknown exercise 'foo curl'",
        "legday: unknown exercise 'bar raise'",
        "legday: unknown exercise 'romainian deadlift': did you mean 'Romanian deadlift', ",
    ]
    done = run_legday(*args)
    result = cli(*args)
    for code, stdout, stderr in (
        (done.returncode, done.stdout, done.stderr),
        (result.exit_code, result.stdout, result.stderr),
    ):
        assert (code, stdout) == (2, "")
        lines = stderr.splitlines()
        assert lines[:2] == expected[:2]
        assert len(lines) == 3
        assert lines[2].startswith(expected[2])


def test_the_library_raises_one_error_carrying_every_unknown_name(catalog: Catalog) -> None:
    from planner.coverage import load_routine

    with pytest.raises(InputErrors) as raised:
        load_routine(None, ["squat", "Cable curl", "nordik curl:2", "rdl:0"], catalog)
    unknown = raised.value.unknown_names
    assert [(error.name, error.suggestions[:1], error.where) for error in unknown] == [
        ("Cable curl", (), None),
        ("nordik curl", ("Nordic hamstring curl",), None),
    ]
    assert [type(problem).__name__ for problem in raised.value.problems] == [
        "UnknownNameError",
        "UnknownNameError",
        "InputError",
    ]


def test_unknown_names_in_a_file_carry_their_lines(catalog: Catalog) -> None:
    path = MALFORMED / "unknown_exercises_three.toml"
    with pytest.raises(FileFormatError) as raised:
        read_plan(path, catalog)
    assert isinstance(raised.value, InputErrors)
    assert [(e.name, e.where) for e in raised.value.unknown_names] == [
        ("Bicep Curl (Dumbbell)", f"{path}:4"),
        ("romainian deadlift", f"{path}:5"),
        ("Cable curl", f"{path}:11"),
    ]
    assert raised.value.unknown_names[1].suggestion == "Romanian deadlift"


def test_plan_exclude_and_swap_report_every_unknown_name(run_legday: Run, tmp_path: Path) -> None:
    done = run_legday("plan", "--exclude", "foo curl", "--exclude", "rdl", "--exclude", "nordik curl")
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0] == "legday: unknown exercise 'foo curl'"
    assert lines[1].startswith("legday: unknown exercise 'nordik curl': did you mean 'Nordic hamstring curl'")
    plan = tmp_path / "plan.toml"
    plan.write_bytes(GOOD)
    done = run_legday("swap", "leg crul", "--plan", str(plan), "--with", "Hammer Curl")
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("legday: unknown exercise 'leg crul': did you mean 'Leg Curl'")
    assert lines[1] == "legday: unknown exercise 'Hammer Curl'"


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("mon", Weekday.MONDAY),
        ("Tue", Weekday.TUESDAY),
        ("tues", Weekday.TUESDAY),
        ("WED", Weekday.WEDNESDAY),
        ("thurs", Weekday.THURSDAY),
        ("Thu", Weekday.THURSDAY),
        ("Friday", Weekday.FRIDAY),
        ("SATURDAY", Weekday.SATURDAY),
        (" sun ", Weekday.SUNDAY),
    ],
)
def test_weekdays_as_people_write_them_are_written_back_in_full(written: str, day: Weekday) -> None:
    source = f'[settings]\nweekdays = ["{written}"]\n[[days]]\nweekday = "{written}"\n'
    plan = parse_plan((source + "exercises = [{ exercise = 'rdl', sets = 3 }]\n").encode(), "plan.toml")
    assert plan.days[0].weekday is day
    assert plan.settings is not None
    assert plan.settings.weekdays == (day,)
    assert f'weekday = "{day.value}"' in plan_to_toml(plan).decode()


@pytest.mark.parametrize(
    ("written", "reps"),
    [
        ('"8-12"', (8, 12)),
        ('"8 - 12"', (8, 12)),
        ('"8\u201312"', (8, 12)),
        ('"8\u2014 12"', (8, 12)),
        ('" 6-10 "', (6, 10)),
        ('"10"', (10, 10)),
        ("10", (10, 10)),
        ("[8, 12]", (8, 12)),
    ],
)
def test_reps_as_people_write_them(written: str, reps: tuple[int, int]) -> None:
    source = f"[[days]]\nexercises = [{{ exercise = 'rdl', sets = 3, reps = {written} }}]\n"
    plan = parse_plan(source.encode(), "plan.toml")
    assert plan.days[0].exercises[0].reps == reps
    assert f"reps = [\n    {reps[0]},\n    {reps[1]},\n]" in plan_to_toml(plan).decode()
    assert _schema_errors(tomllib.loads(source)) == [], "the JSON Schema accepts what legday reads"


@pytest.mark.parametrize(
    ("written", "phrase"),
    [
        ('"8 to 12"', "not '8 to 12'"),
        ('"8-"', "not '8-'"),
        ('"8-12-15"', "not '8-12-15'"),
        ('"\u0668-12"', "not '"),  # an Arabic-Indic eight: reps are written in ASCII digits
        ('"12-8"', "reps [12, 8] are reversed"),
        ('"0-5"', "reps[0]: write a whole number from 1 to 100, not 0"),
        ("true", "not true"),
        ("8.5", "not 8.5"),
    ],
)
def test_reps_text_that_cannot_be_read(written: str, phrase: str) -> None:
    source = f"[[days]]\nexercises = [{{ exercise = 'rdl', sets = 3, reps = {written} }}]\n"
    with pytest.raises(FileFormatError) as raised:
        parse_plan(source.encode(), "plan.toml")
    assert raised.value.message.startswith("plan.toml:2: days[0].exercises[0].reps")
    assert phrase in raised.value.message


def test_two_days_on_one_weekday_name_both_lines() -> None:
    with pytest.raises(FileFormatError) as raised:
        read_plan(MALFORMED / "weekday_twice.toml")
    assert raised.value.message.endswith(
        ":11: days[2].weekday: monday is already the weekday at days[0].weekday (line 3): give each day its "
        "own weekday, or leave weekday out"
    )
    with pytest.raises(ValueError, match=r"monday is already the weekday at days\[0\]\.weekday"):
        plan_from_data({"days": [{"weekday": "mon", "exercises": [{"exercise": "rdl", "sets": 3}]}] * 2})


# --- Round trips and writing ------------------------------------------------------------------

_names = (
    st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30)
    .map(str.strip)
    .filter(bool)
)
_entries = st.fixed_dictionaries(
    {"exercise": _names, "sets": st.integers(1, 20)},
    optional={
        "reps": st.tuples(st.integers(1, 100), st.integers(1, 100)).map(sorted),
        "rest_seconds": st.integers(0, 900),
    },
)
_days = st.fixed_dictionaries(
    {"exercises": st.lists(_entries, min_size=1, max_size=6)},
    # A weekday as people write it: the full name or an abbreviation, in any case.
    optional={
        "name": _names,
        "weekday": st.sampled_from(list(Weekday)).flatmap(
            lambda day: st.sampled_from([day, day.value.title(), day.value[:3], day.value[:3].upper()])
        ),
    },
)
_settings = st.fixed_dictionaries(
    {},
    optional={
        "days": st.integers(1, 7),
        "level": st.sampled_from(list(Level)),
        "equipment": st.lists(st.sampled_from(list(Equipment)), unique=True),
        "minutes": st.integers(10, 300),
        "seed": st.integers(0, 2**63 - 1),
        "exclude": st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,20}", fullmatch=True), min_size=1, max_size=3),
    },
)
plans = st.fixed_dictionaries(
    # Each weekday on one day at most: two days on a weekday are an error.
    {
        "days": st.lists(
            _days,
            min_size=1,
            max_size=7,
            unique_by=lambda day: weekday_named(str(day["weekday"])) if "weekday" in day else object(),
        )
    },
    optional={"name": _names, "settings": _settings},
).map(plan_from_data)


@given(plans)
def test_plan_to_toml_to_plan_is_identical(plan: Plan) -> None:
    assert parse_plan(plan_to_toml(plan), "plan.toml") == plan


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=30)
@given(plan=plans)
def test_writing_twice_gives_identical_bytes(plan: Plan, tmp_path: Path) -> None:
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    write_plan(plan, first, force=True)
    write_plan(plan, second, force=True)
    assert first.read_bytes() == second.read_bytes() == plan_to_toml(plan)
    assert read_plan(first) == plan


def test_write_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    plan = parse_plan(GOOD, "plan.toml")
    target = tmp_path / "plan.toml"
    target.write_bytes(b"precious")
    with pytest.raises(OutputExistsError, match="already exists"):
        write_plan(plan, target)
    assert target.read_bytes() == b"precious"
    write_plan(plan, target, force=True)
    assert read_plan(target) == plan
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"], "no temporary file is left behind"


def test_write_into_a_missing_directory_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(OutputFileError, match="does not exist"):
        write_plan(parse_plan(GOOD, "plan.toml"), tmp_path / "nowhere" / "plan.toml")


def test_the_schema_describes_every_key_and_forbids_others() -> None:
    schema = plan_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # One of the two formats: a one-week plan or a block, told apart by format (or a block's weeks).
    assert schema["oneOf"] == [{"$ref": "#/$defs/Plan"}, {"$ref": "#/$defs/Block"}]
    week, block = schema["$defs"]["Plan"], schema["$defs"]["Block"]
    assert week["properties"]["format"]["const"] == PLAN_FORMAT
    assert block["properties"]["format"]["const"] == BLOCK_FORMAT
    assert week["required"] == ["days"]
    assert block["required"] == ["weeks", "days"]
    assert "weeks" not in week["properties"]
    entry = schema["$defs"]["PlanEntry"]
    assert set(entry["properties"]) == {"exercise", "sets", "reps", "rest_seconds"}
    assert entry["required"] == ["exercise", "sets"]
    assert (entry["properties"]["sets"]["minimum"], entry["properties"]["sets"]["maximum"]) == (1, 20)
    block_entry = schema["$defs"]["BlockEntry"]
    assert set(block_entry["properties"]) == {"exercise", "sets", "reps", "rest_seconds"}
    week_sets = block_entry["properties"]["sets"]
    assert (week_sets["items"]["minimum"], week_sets["items"]["maximum"]) == (1, 20)
    assert (week_sets["minItems"], week_sets["maxItems"]) == (1, 12)
    tables = [o for o in schema["$defs"].values() if o.get("type") == "object"]
    assert {"Plan", "Block", "PlanSettings", "PlanDay", "PlanEntry", "BlockWeek", "BlockDay", "BlockEntry"} <= {
        o["title"] for o in tables
    }
    assert all(o["additionalProperties"] is False for o in tables)
    assert "null" not in str(schema), "TOML has no null: optional keys are simply left out"


# --- The malformed corpus, through the real command line -------------------------------------

#: Each file of the corpus: for each line of the message, in order, the line of the file it must
#: name (None where there is none) and a phrase it must contain.
EXPECTED: dict[str, tuple[tuple[int | None, str], ...]] = {
    "binary_junk.toml": ((1, "not UTF-8 text"),),
    "block_every_week_a_deload.toml": ((3, "weeks: a block needs a week that is not a deload"),),
    "block_sets_for_two_weeks.toml": (
        (16, "days[0].exercises[1].sets: seated_leg_curl gives sets for 2 weeks and the block has 3: write one"),
    ),
    "block_several_mistakes.toml": (
        (5, "weeks[0].rir: rir [3, 1] is reversed: the smaller number comes first"),
        (13, "days[0].exercises[0].sets: write a list in square brackets, like [3, 4, 4], not 3"),
        (14, "days[0].exercises[1].exercise: unknown exercise 'Preacher Curl'"),
    ),
    "block_weekday_twice.toml": ((14, "days[1].weekday: friday is already the weekday at days[0].weekday (line 10)"),),
    "day_name_line_break.toml": ((2, "days[0].name: 'Monday\\nThursday' must be one line"),),
    "day_without_exercises.toml": ((2, "days[0].exercises: missing: add exercises (the day's exercises"),),
    "days_empty.toml": ((3, "a plan needs at least one day"),),
    "days_not_array.toml": ((2, "days: write a list in square brackets, not 'monday and thursday'"),),
    "eight_days.toml": ((2, "a week has at most 7 days; this plan has 8"),),
    "empty.toml": ((None, "days: missing: add days (the training days of a week)"),),
    "entry_not_table.toml": (
        (3, "days[0].exercises[0]: write a table, like { key = value, ... }, not 'romanian_deadlift'"),
        (3, "days[0].exercises[1]: write a table, like { key = value, ... }, not 'seated_leg_curl'"),
    ),
    "exercise_empty.toml": ((7, 'exercise: write some text, like "Romanian deadlift", not an empty string'),),
    "exercise_missing.toml": ((7, 'days[0].exercises[1].exercise: missing: add exercise = "Romanian deadlift" (an'),),
    "exercises_empty.toml": ((4, "a day needs at least one exercise"),),
    "format_not_string.toml": ((2, "unsupported format 1 (not a string)"),),
    "format_other_program.toml": ((2, "unsupported format 'workout-log/3'"),),
    "format_v3.toml": (
        (2, "unsupported format 'legday.plan/3': this legday reads 'legday.plan/1' and 'legday.plan/2'"),
    ),
    "latin1.toml": ((2, "not UTF-8 text (byte 0xe9)"),),
    "name_control_character.toml": ((1, "name: 'leg\\x00day' must be one line, without control characters"),),
    "name_empty.toml": ((2, "name: write some text, not an empty string"),),
    "nested_too_deep.toml": ((None, "TOML nested too deeply"),),
    "no_days.toml": ((None, "days: missing: add days"),),
    "nul_byte.toml": ((1, "TOML syntax: Illegal character"),),
    "only_comments.toml": ((None, "days: missing: add days"),),
    "png_header.toml": ((1, "not UTF-8 text (byte 0x89)"),),
    "reps_float.toml": ((7, 'write reps as two whole numbers [min, max] or as text "min-max"'),),
    "reps_huge.toml": ((7, "reps[1]: write a whole number from 1 to 100, not 1000"),),
    "reps_not_array.toml": ((7, 'reps: write reps as two whole numbers [min, max] or as text "min-max"'),),
    "reps_reversed.toml": ((7, "reps [12, 6] are reversed"),),
    "reps_text_reversed.toml": ((3, "reps [12, 8] are reversed"),),
    "reps_text_unreadable.toml": ((3, "like [8, 12] or \"8-12\", not '8 to 12'"),),
    "reps_three_numbers.toml": ((7, "not [6, 8, 10]"),),
    "reps_zero.toml": ((7, "reps[0]: write a whole number from 1 to 100, not 0"),),
    "rest_huge.toml": ((7, "rest_seconds: write a whole number from 0 to 900, not 100000"),),
    "rest_negative.toml": ((7, "rest_seconds: write a whole number from 0 to 900, not -30"),),
    "sets_bool.toml": ((7, "sets: write a whole number from 1 to 20, not true"),),
    "sets_float.toml": ((7, "sets: write a whole number from 1 to 20, not 3.0"),),
    "sets_huge.toml": ((7, "sets: write a whole number from 1 to 20, not 9223372036854775807"),),
    "sets_inf.toml": ((7, "sets: write a whole number from 1 to 20, not inf"),),
    "sets_missing.toml": ((7, "sets: missing: add sets = 3 (working sets, 1 to 20)"),),
    "sets_nan.toml": ((7, "sets: write a whole number from 1 to 20, not nan"),),
    "sets_negative.toml": ((7, "sets: write a whole number from 1 to 20, not -3"),),
    "sets_string.toml": ((7, "sets: write a whole number from 1 to 20, not '3'"),),
    "sets_too_many.toml": ((7, "sets: write a whole number from 1 to 20, not 21"),),
    "sets_zero.toml": ((7, "sets: write a whole number from 1 to 20, not 0"),),
    "settings_days_zero.toml": ((3, "settings.days: write a whole number from 1 to 7, not 0"),),
    "settings_equipment_unknown.toml": ((3, "settings.equipment[1]: 'smith' is not a known equipment"),),
    "settings_deload_yes.toml": ((2, "settings.deload: write true or false, not 'yes'"),),
    "settings_level_unknown.toml": (
        (3, "settings.level: 'expert' is not a known level: write 'beginner', 'intermediate' or 'advanced'"),
    ),
    "settings_minutes_huge.toml": ((3, "settings.minutes: write a whole number from 10 to 300, not 100000"),),
    "settings_not_table.toml": ((2, "settings: write a table ([settings] or { key = value, ... }), not 2"),),
    "settings_seed_negative.toml": ((3, "settings.seed: write a whole number from 0 to"),),
    "several_mistakes.toml": (
        (3, "settings.level: 'expert' is not a known level"),
        (
            6,
            'days[0].weekday: \'mnday\' is not a day: write a day of the week, like "monday" or "mon" '
            "(did you mean 'monday'?)",
        ),
        (8, "days[0].exercises[0].sets: write a whole number from 1 to 20, not 0"),
        (9, "days[0].exercises[1].rest_seconds: write a whole number from 0 to 900, not -5"),
    ),
    "syntax_bare_word.toml": ((2, "TOML syntax: Invalid value"),),
    "syntax_double_comma.toml": ((4, "TOML syntax: Invalid initial character for a key part"),),
    "syntax_duplicate_key.toml": ((3, "TOML syntax: Cannot overwrite a value"),),
    "syntax_missing_value.toml": ((3, "TOML syntax: Invalid value"),),
    "syntax_table_twice.toml": ((5, "TOML syntax: Cannot declare ('settings',) twice"),),
    "syntax_unclosed_header.toml": ((2, "TOML syntax: Expected ']]' at the end of an array declaration"),),
    "syntax_unterminated_string.toml": ((2, "TOML syntax: Illegal character"),),
    "unknown_day_key.toml": ((4, "unknown key 'exercizes' (did you mean 'exercises'?)"),),
    "unknown_entry_key.toml": ((7, "unknown key 'setz' (did you mean 'sets'?)"),),
    "unknown_exercise.toml": ((7, "unknown exercise 'romanian deadlfit': did you mean"),),
    "unknown_exercise_far.toml": ((7, "unknown exercise 'xyzzy plugh'"),),
    "unknown_exercises_three.toml": (
        (4, "days[0].exercises[0].exercise: unknown exercise 'Bicep Curl (Dumbbell)'"),
        (5, "days[0].exercises[1].exercise: unknown exercise 'romainian deadlift': did you mean 'Romanian deadlift'"),
        (11, "days[1].exercises[1].exercise: unknown exercise 'Cable curl'"),
    ),
    "unknown_settings_key.toml": ((4, "unknown key 'levle' (did you mean 'level'?)"),),
    "unknown_top_key.toml": ((3, "unknown key 'nmae' (did you mean 'name'?)"),),
    "unknown_top_key_far.toml": ((1, "unknown key 'author': the keys here are format, name, settings and days"),),
    "utf16.toml": ((1, "not UTF-8 text (byte 0xff)"),),
    "weekday_not_string.toml": ((2, 'days[0].weekday: write a day of the week in quotes, like "monday"'),),
    "weekday_twice.toml": (
        (11, "days[2].weekday: monday is already the weekday at days[0].weekday (line 3): give each day its own"),
    ),
    "weekday_unknown.toml": ((3, "days[0].weekday: 'mondey' is not a day: write a day of the week"),),
}

#: User catalog files of the corpus (tests/planner/malformed/catalogs), as EXPECTED.
CATALOG_EXPECTED: dict[str, tuple[tuple[int | None, str], ...]] = {
    "missing_fields.toml": ((1, "exercises[0].name: missing: add name"), (1, "exercises[0].muscles: missing")),
    "not_a_table.toml": ((1, "exercises: write a list in square brackets, not 'band curl'"),),
    "several_mistakes.toml": (
        (6, "exercises[0].muscles.primary: unknown muscle 'Semitendinosos': did you mean 'Semitendinosus'"),
        (7, "exercises[0].pattern: 'knee_flex' is not a known pattern: write 'hip_hinge', "),
        (9, "exercises[0].rest_seconds: write a whole number from 0 to 900, not '60'"),
        (12, "exercises[1].id: write an id: lowercase letters, digits and _, starting with a letter"),
    ),
    "unknown_key.toml": ((8, "exercises[0].rest: unknown key 'rest' (did you mean 'rest_seconds'?)"),),
}

#: What pydantic says, which no message to a person may contain.
PYDANTIC_PHRASES = (
    "Input should be",
    "valid tuple",
    "valid integer",
    "Field required",
    "Extra inputs are not permitted",
    "type=",
    "For further information",
    "String should",
    "Value error",
    "validation error",
    "more error",
)


def test_the_corpus_is_large_and_fully_described() -> None:
    files = {path.name for path in MALFORMED.iterdir() if path.is_file()}
    assert files == set(EXPECTED)
    assert len(files) >= 30
    catalogs = {path.name for path in (MALFORMED / "catalogs").iterdir()}
    assert catalogs == set(CATALOG_EXPECTED)


def _assert_clean_lines(
    done: subprocess.CompletedProcess[str], label: str, expected: tuple[tuple[int | None, str], ...]
) -> None:
    """Exit 2, nothing on stdout, and on stderr one line per problem: each naming the file (and
    its line), with its phrase, and none in pydantic's words."""
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == len(expected), done.stderr
    for text, (line, phrase) in zip(lines, expected, strict=True):
        prefix = f"legday: {label}:{line}: " if line else f"legday: {label}: "
        assert text.startswith(prefix), text
        assert phrase in text, text
        assert not [p for p in PYDANTIC_PHRASES if p in text], text


def _assert_one_clean_line(done: subprocess.CompletedProcess[str], label: str, line: int | None, phrase: str) -> None:
    _assert_clean_lines(done, label, ((line, phrase),))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_exits_2_with_a_clean_line_per_problem(name: str, run_legday: Run) -> None:
    path = MALFORMED / name
    done = run_legday("coverage", str(path))
    _assert_clean_lines(done, str(path), EXPECTED[name])
    if name == "unknown_exercise.toml":
        assert "romanian deadlift" in done.stderr.split("did you mean", 1)[1].lower().replace("_", " ")


@pytest.mark.parametrize(
    "command", [("export", "-f", "json"), ("report", "-o", "never.html"), ("swap", "rdl", "--plan")]
)
def test_every_command_reading_a_plan_reports_every_problem(command: tuple[str, ...], cli: Cli, tmp_path: Path) -> None:
    """In process (CliRunner): the same lines from every command that reads a plan file."""
    path = MALFORMED / "several_mistakes.toml"
    *words, last = command
    args = [*words, last, str(path)] if last == "--plan" else [*command[:1], str(path), *command[1:]]
    if command[0] == "report":
        args = ["report", str(path), "-o", str(tmp_path / "never.html")]
    result = cli(*args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == [f"{path}:3", f"{path}:6", f"{path}:8", f"{path}:9"]
    assert not (tmp_path / "never.html").exists()


@pytest.mark.parametrize("name", sorted(CATALOG_EXPECTED))
def test_malformed_user_catalog_exits_2_with_a_clean_line_per_problem(name: str, run_legday: Run) -> None:
    path = MALFORMED / "catalogs" / name
    done = run_legday("catalog", "--catalog", str(path))
    _assert_clean_lines(done, str(path), CATALOG_EXPECTED[name])


def test_malformed_file_with_json_and_inline_exercises_still_fails_cleanly(run_legday: Run) -> None:
    path = MALFORMED / "sets_zero.toml"
    done = run_legday("coverage", str(path), "-e", "toe_curl", "--json")
    _assert_clean_lines(done, str(path), EXPECTED["sets_zero.toml"])


def test_unknown_inline_names_and_the_files_problems_come_together(run_legday: Run) -> None:
    path = MALFORMED / "unknown_exercises_three.toml"
    done = run_legday("coverage", str(path), "-e", "squat", "-e", "foo curl", "-e", "nordik curl:2")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 5
    assert lines[0] == "legday: unknown exercise 'foo curl'"
    assert lines[1].startswith("legday: unknown exercise 'nordik curl': did you mean 'Nordic hamstring curl'")
    assert [line.split(": ", 2)[1] for line in lines[2:]] == [f"{path}:4", f"{path}:5", f"{path}:11"]


def test_a_directory(run_legday: Run, tmp_path: Path) -> None:
    done = run_legday("coverage", str(tmp_path))
    _assert_one_clean_line(done, str(tmp_path), None, "is a directory, not a file")


def test_a_missing_file(run_legday: Run, tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    done = run_legday("coverage", str(missing))
    _assert_one_clean_line(done, str(missing), None, "no such file")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads anything")
def test_an_unreadable_file(run_legday: Run, tmp_path: Path) -> None:
    locked = tmp_path / "locked.toml"
    locked.write_bytes(GOOD)
    locked.chmod(0)
    done = run_legday("coverage", str(locked))
    _assert_one_clean_line(done, str(locked), None, "permission denied")


@pytest.mark.parametrize(
    ("junk", "line", "phrase"),
    [
        (b"\x00\x01\x02\xff\xfe binary junk", 1, "not UTF-8 text"),
        (b"days = [[[", 1, "TOML syntax: Invalid value (at the end of the file)"),
        (b"[[days]]\nexercises = [{ exercise = 'rdl', sets = 99 }]\n", 2, "write a whole number from 1 to 20, not 99"),
        (b"", None, "days: missing: add days"),
    ],
)
def test_standard_input_junk(junk: bytes, line: int | None, phrase: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "planner", "coverage", "-"],
        input=junk,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        check=False,
    )
    result = subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(), done.stderr.decode())
    _assert_one_clean_line(result, "<stdin>", line, phrase)


def _error_of(raw: bytes) -> str | None:
    """The one-line message reading `raw` gives, or None when it is a valid plan; anything but a
    FileFormatError propagates and fails the test."""
    try:
        parse_plan(raw, "fuzz.toml")
    except FileFormatError as error:
        return error.message
    return None


@given(st.binary(max_size=300))
@settings(max_examples=200)
def test_any_bytes_either_parse_or_raise_one_file_format_error(raw: bytes) -> None:
    message = _error_of(raw)
    assert message is None or (message.startswith("fuzz.toml") and "\n" not in message)
    assert not [phrase for phrase in PYDANTIC_PHRASES if phrase in (message or "")], message


@given(st.text(alphabet=st.sampled_from(list("[]{}=,.\"'#\n abc123-_days exercises sets reps")), max_size=200))
@settings(max_examples=300)
def test_toml_like_text_either_parses_or_raises_one_file_format_error(text: str) -> None:
    message = _error_of(text.encode())
    assert message is None or (message.startswith("fuzz.toml") and "\n" not in message)
    assert not [phrase for phrase in PYDANTIC_PHRASES if phrase in (message or "")], message


_values = st.one_of(
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.booleans(),
    st.text(max_size=12),
    st.lists(st.one_of(st.integers(-5, 200), st.floats(), st.text(max_size=4)), max_size=4),
    st.dictionaries(st.sampled_from(["min", "max", "sets"]), st.integers(0, 30), max_size=2),
)


@given(
    entry=st.dictionaries(st.sampled_from(["exercise", "sets", "reps", "rest_seconds", "setz"]), _values, max_size=5),
    day=st.dictionaries(st.sampled_from(["name", "weekday", "exercizes"]), _values, max_size=2),
    plan_settings=st.dictionaries(st.sampled_from(["days", "level", "equipment", "minutes", "seed", "weeks"]), _values),
)
@settings(max_examples=300)
def test_any_values_in_a_plan_are_worded_without_pydantic(
    entry: dict[str, object], day: dict[str, object], plan_settings: dict[str, object]
) -> None:
    """Wrong values of every type at every key: each problem a line of its own, in legday's words."""
    import tomli_w

    document = {"settings": plan_settings, "days": [{**day, "exercises": [entry]}]}
    try:
        raw = tomli_w.dumps(document).encode()
    except (TypeError, ValueError):  # a value TOML cannot hold (an integer beyond 64 bits)
        return
    message = _error_of(raw)
    assert message is None or message.startswith("fuzz.toml")
    assert not [phrase for phrase in PYDANTIC_PHRASES if phrase in (message or "")], message


@pytest.mark.parametrize("name", ["rd\nl", "rdl\t", "a\u2028b"])
def test_names_with_line_breaks_are_refused_on_one_line(name: str, catalog: Catalog) -> None:
    source = f"[[days]]\nexercises = [{{ exercise = {json.dumps(name)}, sets = 3 }}]\n"
    with pytest.raises(FileFormatError) as raised:
        parse_plan(source.encode(), "plan.toml", catalog)
    assert len(raised.value.message.splitlines()) == 1
    assert "line break or a control character" in raised.value.message
    with pytest.raises(InputError) as inline:
        parse_exercise_spec(f"{name}:3", catalog)
    assert len(inline.value.message.splitlines()) == 1


@given(spec=st.text(max_size=40))
def test_any_inline_spec_gives_an_entry_or_one_input_error(spec: str, catalog: Catalog) -> None:
    try:
        entry = parse_exercise_spec(spec, catalog)
    except InputError as error:
        message = error.message
    else:
        assert entry.exercise in catalog.exercises
        assert 1 <= entry.sets <= 20
        return
    assert "\n" not in message


# --- The schema agrees with the model ---------------------------------------------------------


def _schema_errors(value: object) -> list[str]:
    """Where `value` breaks the plan file's JSON Schema, by a full JSON Schema validator."""
    validator = Draft202012Validator(plan_schema())
    return [f"{error.json_path}: {error.message}" for error in validator.iter_errors(value)]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(plan_schema())


@given(plans)
def test_every_valid_plan_satisfies_the_schema(plan: Plan) -> None:
    assert _schema_errors(plan.to_data()) == []


@pytest.mark.parametrize(
    "name",
    [
        "unknown_top_key.toml",
        "unknown_settings_key.toml",
        "unknown_day_key.toml",
        "unknown_entry_key.toml",
        "sets_zero.toml",
        "sets_too_many.toml",
        # Not sets_float.toml: JSON Schema's "integer" is any number without a fraction, 3.0 included,
        # so only the model can hold a TOML file to whole numbers written as integers.
        "sets_string.toml",
        "sets_bool.toml",
        "reps_three_numbers.toml",
        "reps_huge.toml",
        "rest_negative.toml",
        "format_v3.toml",
        "settings_level_unknown.toml",
        "settings_equipment_unknown.toml",
        "weekday_unknown.toml",
        "days_empty.toml",
        "eight_days.toml",
        "exercises_empty.toml",
        "name_empty.toml",
    ],
)
def test_the_schema_rejects_what_the_model_rejects(name: str) -> None:
    import tomllib

    data = tomllib.loads((MALFORMED / name).read_text())
    assert _schema_errors(data), f"the schema accepts {name}"
