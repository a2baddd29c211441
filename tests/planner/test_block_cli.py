"""Blocks on the command line: coverage BLOCKFILE [--week K], exports of a block, and bad input
(exit 2, one line, nothing written), in-process and through a real subprocess."""

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., subprocess.CompletedProcess[str]]
Cli = Callable[..., Result]
BLOCK = (Path(__file__).parent / "blocks" / "three_weeks.toml").read_bytes()


@pytest.fixture
def block_file(tmp_path: Path) -> Path:
    path = tmp_path / "block.toml"
    path.write_bytes(BLOCK)
    return path


def test_coverage_of_a_block_shows_every_week(cli: Cli, block_file: Path) -> None:
    result = cli("coverage", str(block_file))
    assert result.exit_code == 0, result.output
    assert "a 3-week block (intermediate level)" in " ".join(result.output.split())
    assert "Week 3, deload: 5 sets at RIR 4-5;" in result.output
    header = next(line for line in result.output.splitlines() if line.startswith("Muscle"))
    assert header.split() == ["Muscle", "Target", "W1", "W2", "W3", "d"]
    soleus = next(line for line in result.output.splitlines() if line.startswith("Soleus"))
    assert soleus.split() == ["Soleus", "10-16", "4▼", "5▼", "2▼"]


def test_coverage_json_of_a_block_is_the_peak_week_with_weeks(cli: Cli, block_file: Path) -> None:
    result = cli("coverage", str(block_file), "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    weeks = document["weeks"]
    assert [(w["week"], w["deload"], w["sets"], w["rir"]) for w in weeks] == [
        (1, False, 9, [3, 3]),
        (2, False, 12, [0, 1]),
        (3, True, 5, [4, 5]),
    ]
    assert [len(w["minutes"]) for w in weeks] == [2, 2, 2]
    peak = weeks[1]["coverage"]
    assert {key: document[key] for key in peak} == peak  # the top level is the peak week's document
    soleus = next(m for m in weeks[0]["coverage"]["muscles"] if m["id"] == "soleus")
    assert soleus["effective"] == 4


def test_coverage_of_one_week_of_a_block_is_todays_report(cli: Cli, block_file: Path) -> None:
    week = cli("coverage", str(block_file), "--week", "3", "--json")
    assert week.exit_code == 0, week.output
    document = json.loads(week.output)
    assert "weeks" not in document
    soleus = next(m for m in document["muscles"] if m["id"] == "soleus")
    assert soleus["effective"] == 2
    text = cli("coverage", str(block_file), "--week", "2")
    assert f"Weekly coverage of {block_file}, week 2 (intermediate level)" in " ".join(text.output.split())


def test_strict_checks_the_loading_weeks(cli: Cli, block_file: Path) -> None:
    result = cli("coverage", str(block_file), "--strict", "--json")
    assert result.exit_code == 1
    assert "week 1: " in result.output


def test_a_block_exports_its_weeks(cli: Cli, block_file: Path) -> None:
    markdown = cli("export", str(block_file), "--format", "md")
    assert markdown.exit_code == 0, markdown.output
    assert "| Exercise | Reps | Rest | W1 | W2 | W3 (deload) |" in markdown.output
    assert "| Romanian deadlift | 6\u201310 | 2:30 min | 3 | 4 | 2 |" in markdown.output
    assert "| Reps in reserve |  |  | 3 | 0-1 | 4-5 |" in markdown.output
    calendar = cli("export", str(block_file), "--format", "ics", "--start", "2026-01-05")
    assert calendar.exit_code == 0, calendar.output
    text = calendar.output.replace("\r\n ", "")
    assert text.count("BEGIN:VEVENT") == 6  # 2 days x the block's 3 weeks
    assert "SUMMARY:Three weeks: Day 1\\, week 2" in text
    assert "Romanian deadlift: 4 x 6-10 @ RIR 0-1\\, rest 2:30 min" in text
    assert "SUMMARY:Three weeks: Day 2\\, week 3 (deload)" in text
    longer = cli("export", str(block_file), "--format", "ics", "--start", "2026-01-05", "--weeks", "4")
    unfolded = longer.output.replace("\r\n ", "")
    # Past the block's end the calendar starts it over.
    assert "DTSTART:20260126T180000" in unfolded
    assert "SUMMARY:Three weeks: Day 1\\, week 1" in unfolded
    assert unfolded.count("BEGIN:VEVENT") == 8
    as_json = cli("export", str(block_file), "--json")
    assert json.loads(as_json.output)["format"] == "legday.plan/2"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--week", "4"], "legday: --week: the block has weeks 1 to 3, not 4\n"),
        (
            ["--week", "0"],
            "legday: coverage: Invalid value for '--week': give a whole number from 1 to 12 (see ",
        ),
        (
            ["-e", "rdl"],
            "legday: --exercise, --week: exercises given on their own add a session to one week: choose the week of "
            "this block to check with them\n",
        ),
    ],
)
def test_bad_weeks_exit_2_with_one_line_and_nothing_written(
    run_legday: Run, block_file: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    picture = tmp_path / "map.svg"
    result = run_legday("coverage", str(block_file), *args, "--svg", str(picture))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert not picture.exists()


def test_a_week_beyond_a_one_week_plan(run_legday: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('[[days]]\nexercises = [{ exercise = "rdl", sets = 3 }]\n')
    result = run_legday("coverage", str(plan), "--week", "2")
    assert result.returncode == 2
    assert (
        result.stderr
        == f"legday: --week: {plan} is a plan of one week, so week 2 is not in it; ask for week 1 or none\n"
    )
    assert run_legday("coverage", str(plan), "--week", "1", "--json").returncode == 0


# --- legday plan --weeks N ---------------------------------------------------------------------


def test_plan_weeks_json_has_the_block_the_peak_week_and_the_weeks(cli: Cli, tmp_path: Path) -> None:
    result = cli("plan", "--weeks", "4", "--days", "3", "--json", "-o", str(tmp_path / "block.toml"))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert set(document) == {"plan", "minutes", "coverage", "volume", "weeks"}
    assert document["plan"]["format"] == "legday.plan/2"
    # Three 75-minute days hold the climb asked: week 1 at the bottom (low), the peak a set below the top.
    assert document["volume"] == {
        "asked": "low",
        "fits": True,
        "band": {"min": 10, "max": 16},
        "climb": {"asked": 5, "reached": 5},
        "first_week_climb": {"asked": 0, "reached": 0},
        "settled": True,
        "reached_with": None,
    }
    weeks = document["weeks"]
    assert [w["week"] for w in weeks] == [1, 2, 3, 4]
    assert [w["deload"] for w in weeks] == [False, False, False, True]
    assert [w["rir"] for w in weeks] == [[3, 3], [2, 2], [0, 1], [4, 5]]
    peak = weeks[2]
    assert document["minutes"] == peak["minutes"]
    assert document["coverage"] == peak["coverage"]
    for week in weeks:
        assert week["sets"] == sum(
            e["sets"][week["week"] - 1] for d in document["plan"]["days"] for e in d["exercises"]
        )
        assert len(week["minutes"]) == 3
        assert max(week["minutes"]) <= 75
    # The file written is the block, and coverage reads it back to the same weeks.
    again = cli("coverage", str(tmp_path / "block.toml"), "--json")
    assert json.loads(again.stdout)["weeks"] == weeks


def test_plan_weeks_one_is_todays_single_week(cli: Cli) -> None:
    result = cli("plan", "--weeks", "1", "--days", "3", "--json")
    document = json.loads(result.stdout)
    assert set(document) == {"plan", "minutes", "coverage", "volume"}
    assert document["plan"]["format"] == "legday.plan/1"


def test_plan_weekdays_set_the_days(cli: Cli) -> None:
    result = cli("plan", "--weekdays", "TUE", "--weekdays", "thursday,sat", "--json")
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)["plan"]
    assert [day["weekday"] for day in plan["days"]] == ["tuesday", "thursday", "saturday"]
    assert plan["settings"]["days"] == 3
    assert plan["settings"]["weekdays"] == ["tuesday", "thursday", "saturday"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--weeks", "0"], "legday: plan: Invalid value for '--weeks': give a whole number from 1 to 12"),
        (["--weeks", "13"], "legday: plan: Invalid value for '--weeks': give a whole number from 1 to 12"),
        (["--weekdays", "mon,funday"], "legday: --weekdays: unknown weekday 'funday': did you mean"),
        (["--weekdays", "mon", "--weekdays", "Monday"], "legday: --weekdays: monday is given twice"),
        (
            ["--days", "2", "--weekdays", "mon,wed,fri"],
            "legday: --weekdays, --days: 3 weekdays (mon, wed, fri) but 2 days",
        ),
        (["--no-deload"], "legday: --no-deload, --weeks: a single week has no deload to leave out; leaving it out is"),
        (["--weeks", "1", "--no-deload"], "legday: --no-deload, --weeks: a single week has no deload"),
        (["--volume", "max"], "legday: plan: Invalid value for '--volume'"),
    ],
)
def test_bad_block_requests_exit_2_with_one_line_and_nothing_written(
    run_legday: Run, tmp_path: Path, args: list[str], message: str
) -> None:
    output, picture = tmp_path / "block.toml", tmp_path / "map.svg"
    result = run_legday("plan", *args, "-o", str(output), "--svg", str(picture))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert not output.exists()
    assert not picture.exists()


def test_the_block_output_matches_the_golden_file(golden: Callable[[str, str], None]) -> None:
    """The human block view: a table per day with each week's sets and effort, then the weeks x
    muscles table."""
    import io

    from rich.console import Console

    from exercises.catalog import load_catalog
    from planner import render_block
    from planner.block_report import week_reports
    from planner.generate import PlanRequest, generate_block

    catalog = load_catalog()
    block = generate_block(PlanRequest(days=3, weeks=6), catalog)
    out = io.StringIO()
    console = Console(file=out, width=120, no_color=True)
    for part in render_block.block_view(block, week_reports(block, catalog), catalog):
        console.print(part)
    golden("plan_block_6_weeks.txt", out.getvalue())
    out = io.StringIO()
    console = Console(file=out, width=120, no_color=True)
    for part in render_block.block_coverage_view(week_reports(block, catalog), "block.toml"):
        console.print(part)
    golden("coverage_block_6_weeks.txt", out.getvalue())


# --- legday schema describes what plan writes, weeks and blocks alike ------------------------------


@pytest.mark.parametrize(
    "request_",
    [
        ("--days", "3"),
        ("--days", "1", "--level", "beginner", "--equipment", "machine,dumbbell,bench"),
        ("--days", "2", "--minutes", "30", "--volume", "high", "--exclude", "nordic curl"),
        ("--weekdays", "tue,thu,sat", "--seed", "5"),
        ("--weeks", "6", "--days", "3"),
        ("--weeks", "4", "--days", "2", "--minutes", "30", "--no-deload"),
        ("--weeks", "2", "--weekdays", "mon,wed,fri,sat", "--level", "advanced", "--volume", "mid"),
    ],
)
def test_every_file_plan_writes_satisfies_the_printed_schema(
    cli: Cli, tmp_path: Path, request_: tuple[str, ...]
) -> None:
    import tomllib

    from jsonschema import Draft202012Validator

    printed = cli("schema")
    assert printed.exit_code == 0, printed.output
    validator = Draft202012Validator(json.loads(printed.stdout))
    target = tmp_path / "plan.toml"
    written = cli("plan", *request_, "-o", str(target))
    assert written.exit_code == 0, written.output
    data = tomllib.loads(target.read_text())
    assert data["format"] == ("legday.plan/2" if "--weeks" in request_ else "legday.plan/1")
    assert [error.message for error in validator.iter_errors(data)] == []
    # And the schema tells it apart: a wrong field in it is flagged.
    data["days"][0]["exercises"][0]["sets"] = "3"
    assert list(validator.iter_errors(data))


def test_the_schema_of_the_real_command_checks_a_block_file(run_legday: Run, tmp_path: Path) -> None:
    import tomllib

    from jsonschema import Draft202012Validator

    printed = run_legday("schema")
    assert (printed.returncode, printed.stderr) == (0, "")
    validator = Draft202012Validator(json.loads(printed.stdout))
    assert list(validator.iter_errors(tomllib.loads(BLOCK.decode()))) == []
    wrong = tomllib.loads(BLOCK.decode())
    wrong["weeks"][0]["rir"] = "3"
    assert list(validator.iter_errors(wrong))
