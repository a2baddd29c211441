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
    assert f"Weekly coverage of {block_file}, week 2 (intermediate level)" in text.output


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
        (["--week", "4"], "legday: --week 4: the block has weeks 1 to 3\n"),
        (
            ["--week", "0"],
            "legday: coverage: Invalid value for '--week': Input should be greater than or equal to 1 (see ",
        ),
        (["-e", "rdl"], "legday: -e adds a session to one week: give --week K to check a week of this block with it\n"),
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
    assert result.stderr == f"legday: --week 2: {plan} is a plan of one week; only --week 1 is in it\n"
    assert run_legday("coverage", str(plan), "--week", "1", "--json").returncode == 0
