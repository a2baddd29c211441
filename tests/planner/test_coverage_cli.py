"""`legday coverage` and `legday schema` on the command line: in-process (CliRunner) for output, and
in a real subprocess for exit codes, stderr and standard input."""

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.plan_file import plan_schema

Run = Callable[..., subprocess.CompletedProcess[str]]
Cli = Callable[..., Any]

#: The seed article's routine, as a one-day plan file.
SEED = """\
format = "legday.plan/1"
name = "The seed article's leg day"

[[days]]
name = "Leg day"
exercises = [
  { exercise = "Deadlift", sets = 3 },
  { exercise = "Sumo Squat", sets = 3 },
  { exercise = "lying_leg_curl", sets = 3 },
]
"""

#: Two days that meet every target at the intermediate level, with one day over the session cap.
TWO_DAYS = """\
[settings]
level = "intermediate"

[[days]]
name = "Monday"
exercises = [
  { exercise = "romanian_deadlift", sets = 4 },
  { exercise = "nordic_curl", sets = 5 },
  { exercise = "seated_leg_curl", sets = 6 },
  { exercise = "standing_calf_raise", sets = 5 },
  { exercise = "toe_curl", sets = 2 },
]

[[days]]
name = "Thursday"
exercises = [
  { exercise = "seated_calf_raise", sets = 5 },
  { exercise = "standing_calf_raise", sets = 5 },
  { exercise = "toe_curl", sets = 2 },
]
"""


@pytest.fixture
def seed_file(tmp_path: Path) -> Path:
    path = tmp_path / "seed.toml"
    path.write_text(SEED)
    return path


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_is_one_document_in_the_spec_shape(cli: Cli, seed_file: Path) -> None:
    document = _json(cli("coverage", str(seed_file), "--json"))
    assert {"muscles", "missed", "under", "over", "suggestions", "level", "actions", "warnings"} <= set(document)
    assert len(document["muscles"]) == 10
    assert {"soleus", "flexor_hallucis_longus", "flexor_digitorum_longus"} <= set(document["missed"])
    assert document["level"] == "intermediate"


def test_file_and_inline_exercises_are_one_routine(cli: Cli, seed_file: Path) -> None:
    alone = _json(cli("coverage", str(seed_file), "--json"))
    both = _json(cli("coverage", str(seed_file), "-e", "toe curl:4", "-e", "Seated Calf Raise", "--json"))
    by_id = {m["id"]: m for m in both["muscles"]}
    assert by_id["flexor_hallucis_longus"]["effective"] == 4 + 3 * 0.5
    assert by_id["soleus"]["effective"] == 3
    assert by_id["soleus"]["days"] == 1
    assert "soleus" not in both["missed"]
    assert len(both["missed"]) < len(alone["missed"])


def test_inline_exercises_alone(cli: Cli) -> None:
    document = _json(cli("coverage", "-e", "RDL:4", "-e", "nordic_curl", "--json"))
    by_id = {m["id"]: m for m in document["muscles"]}
    assert by_id["semitendinosus"]["sets"] == {"primary": 7, "secondary": 0, "stabilizer": 0}
    assert by_id["biceps_femoris_short_head"]["effective"] == 3


def test_level_defaults_to_the_plans_and_can_be_overridden(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "advanced.toml"
    path.write_text(
        '[settings]\nlevel = "advanced"\n\n[[days]]\nexercises = [{ exercise = "nordic_curl", sets = 3 }]\n'
    )
    assert _json(cli("coverage", str(path), "--json"))["level"] == "advanced"
    beginner = _json(cli("coverage", str(path), "--level", "beginner", "--json"))
    assert beginner["level"] == "beginner"
    assert beginner["muscles"][0]["target"]["min"] == 8


def test_standard_input(cli: Cli) -> None:
    document = _json(cli("coverage", "-", "--json", input=SEED))
    assert "soleus" in document["missed"]


def test_strict_prints_the_report_then_exits_1_naming_the_muscles(run_legday: Run, seed_file: Path) -> None:
    done = run_legday("coverage", str(seed_file), "--strict", "--json")
    assert done.returncode == 1
    assert json.loads(done.stdout)["missed"], "the report is printed first"
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        "legday: coverage --strict: missed: gastrocnemius, soleus, plantaris, flexor_hallucis_longus"
    )
    assert "under target: biceps_femoris_long_head" in lines[0]
    human = run_legday("coverage", str(seed_file), "--strict")
    assert human.returncode == 1
    assert "✗ MISSED" in human.stdout


def test_strict_passes_a_routine_that_meets_every_target(run_legday: Run, tmp_path: Path) -> None:
    path = tmp_path / "two.toml"
    path.write_text(TWO_DAYS)
    done = run_legday("coverage", str(path), "--strict")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        ((), "nothing to check: give a plan FILE"),
        (("-e", "rdl:0"), "--exercise: 'rdl:0': sets must be a whole number from 1 to 20, not '0'"),
        (("-e", "rdl:three"), "sets must be a whole number from 1 to 20, not 'three'"),
        (("-e", "romanian deadlfit"), "unknown exercise 'romanian deadlfit': did you mean"),
        (("-e", "rdl", "--level", "expert"), "Invalid value for '--level'"),
        (("-e", "rdl", "--catalog", "/nonexistent/catalog.toml"), "/nonexistent/catalog.toml: no such file"),
    ],
)
def test_bad_usage_exits_2_with_one_line(run_legday: Run, args: tuple[str, ...], phrase: str) -> None:
    done = run_legday("coverage", *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert phrase in done.stderr


def test_json_with_bad_input_prints_nothing_on_stdout(run_legday: Run) -> None:
    done = run_legday("coverage", "-e", "nope:3", "--json")
    assert done.returncode == 2
    assert done.stdout == ""


def test_human_output_of_the_seed_routine(cli: Cli, seed_file: Path, golden: Callable[[str, str], None]) -> None:
    result = cli("coverage", str(seed_file))
    assert result.exit_code == 0, result.output
    output = result.stdout.replace(str(seed_file), "seed.toml")
    golden("coverage_seed.txt", output)
    # A missed muscle stands out even without colour: its status says so in capitals.
    soleus_row = next(line for line in output.splitlines() if line.startswith("Soleus"))
    assert "✗ MISSED" in soleus_row


def test_human_output_with_warnings(cli: Cli, tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    path = tmp_path / "two.toml"
    path.write_text(TWO_DAYS)
    result = cli("coverage", str(path))
    assert result.exit_code == 0, result.output
    output = result.stdout.replace(str(path), "two.toml")
    assert "over the per-session cap of 10" in output
    assert "Every muscle reaches its target" in output
    golden("coverage_two_days.txt", output)


def test_a_plan_written_by_the_library_reads_back_to_the_same_coverage(cli: Cli, tmp_path: Path) -> None:
    from planner.plan_file import parse_plan, write_plan

    written = tmp_path / "written.toml"
    write_plan(parse_plan(TWO_DAYS.encode(), "two.toml"), written)
    original = tmp_path / "original.toml"
    original.write_text(TWO_DAYS)
    assert _json(cli("coverage", str(written), "--json")) == _json(cli("coverage", str(original), "--json"))


# --- legday schema ----------------------------------------------------------------------------


def test_schema_prints_the_plan_files_json_schema(run_legday: Run) -> None:
    done = run_legday("schema")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == plan_schema()
    assert run_legday("schema", "--json").stdout == done.stdout


def test_schema_writes_a_file_and_refuses_to_overwrite(run_legday: Run, tmp_path: Path) -> None:
    target = tmp_path / "legday-plan.schema.json"
    assert run_legday("schema", "-o", str(target)).returncode == 0
    assert json.loads(target.read_text()) == plan_schema()
    target.write_text("keep me")
    refused = run_legday("schema", "-o", str(target))
    assert refused.returncode == 2
    assert refused.stderr == f"legday: {target}: already exists; use --force to overwrite it\n"
    assert target.read_text() == "keep me"
    assert run_legday("schema", "-o", str(target), "--force").returncode == 0
    assert json.loads(target.read_text()) == plan_schema()


def test_every_plan_key_is_in_the_schema(tmp_path: Path) -> None:
    import tomllib

    schema = plan_schema()
    data = tomllib.loads(SEED + '\n[settings]\ndays = 1\nlevel = "beginner"\nequipment = ["barbell"]\n')
    assert set(data) <= set(schema["$defs"]["Plan"]["properties"])
    assert set(data["settings"]) <= set(schema["$defs"]["PlanSettings"]["properties"])
    assert set(data["days"][0]) <= set(schema["$defs"]["PlanDay"]["properties"])
    for entry in data["days"][0]["exercises"]:
        assert set(entry) <= set(schema["$defs"]["PlanEntry"]["properties"])


# --- The whole leg day, as people name it ----------------------------------------------------------

LEG_DAY = ("-e", "squat", "-e", "leg press", "-e", "leg extension", "-e", "leg curl", "-e", "calf raise")


def test_a_whole_leg_day_with_family_names_is_checked_and_says_how_it_read_them(cli: Cli) -> None:
    result = cli("coverage", *LEG_DAY)
    assert result.exit_code == 0, result.output
    assert (
        "'squat' read as Back squat; 'leg curl' read as Lying leg curl; 'calf raise' read as Standing calf raise"
        in result.stdout
    )
    data = _json(cli("coverage", *LEG_DAY, "--json"))
    assert [(r["typed"], r["exercise"]) for r in data["read_as"]] == [
        ("squat", "back_squat"),
        ("leg curl", "lying_leg_curl"),
        ("calf raise", "standing_calf_raise"),
    ]
    assert {"muscles", "missed", "under", "over", "suggestions"} <= set(data)


def test_family_names_in_a_plan_file_are_reported_too(run_legday: Run, tmp_path: Path) -> None:
    path = tmp_path / "legs.toml"
    path.write_text('[[days]]\nexercises = [{ exercise = "Squats", sets = 4 }, { exercise = "Leg Curls", sets = 4 }]\n')
    done = run_legday("coverage", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert [r["name"] for r in json.loads(done.stdout)["read_as"]] == ["Back squat", "Lying leg curl"]


def test_the_neighbours_are_shown_as_context_and_json_keeps_its_keys(cli: Cli, run_legday: Run) -> None:
    result = cli("coverage", "-e", "leg extension:4", "-e", "hip abduction")
    assert result.exit_code == 0, result.output
    context = result.stdout.split("Also trained (context, no targets)", 1)[1].split("Joint actions", 1)[0]
    assert "Quadriceps femoris" in context
    assert "leg_extension" in context
    assert "Gluteus medius" in context
    assert "hip_abduction_machine" in context
    assert "Erector spinae" not in context, "a neighbour the routine does not work is left out of the table"
    done = run_legday("coverage", "-e", "leg extension:4", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert list(data)[:5] == ["muscles", "missed", "under", "over", "suggestions"]
    assert [m["id"] for m in data["context"] if m["effective"]] == ["quadriceps"]


def test_the_text_report_says_not_needed(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "enough.toml"
    day = (
        '[[days]]\nexercises = [{ exercise = "seated_leg_curl", sets = 5 }, '
        '{ exercise = "standing_calf_raise", sets = 5 }]\n'
    )
    path.write_text(day + day)
    result = cli("coverage", str(path))
    assert result.exit_code == 0, result.output
    toe = next(line for line in result.stdout.splitlines() if line.startswith("Toe flexion"))
    assert "not needed" in toe
    assert "GAP" not in toe
    assert "no toe-flexion exercise" not in result.stdout
