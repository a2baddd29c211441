"""`legday plan --keep FILE`, `--include`, `--prefer-log` through typer's CliRunner and a real
subprocess: the JSON marks, -o writes the whole plan, one-line errors and exit codes, the golden."""

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from exercises.catalog import Catalog
from planner.complete import complete_plan, completion_request
from planner.plan_file import read_plan

if TYPE_CHECKING:
    from typer.testing import Result

Cli = Callable[..., "Result"]
Run = Callable[..., subprocess.CompletedProcess[str]]
MALFORMED = Path(__file__).parent / "malformed"

#: The routine test_complete.py completes too.
ROUTINE = (Path(__file__).parent / "routines" / "squat_and_press_days.toml").read_text()

#: A Strong export (semicolons, as its European versions write) of a lifter who does these lifts.
HEADER = "Workout #;Date;Workout Name;Duration (sec);Exercise Name;Set Order;Weight (kg);Reps;RPE;"
LOG = f"""\
{HEADER}Distance (meters);Seconds;Notes;Workout Notes
1;2024-03-04 17:45:02;"Lower";4020;"Glute Ham Raise";1;0;8;;;0;"";""
1;2024-03-04 17:45:02;"Lower";4020;"Calf Press on Leg Press";1;100;15;;;0;"";""
1;2024-03-04 17:45:02;"Lower";4020;"Bench Press (Barbell)";1;60;8;;;0;"";""
"""


@pytest.fixture
def routine(tmp_path: Path) -> Path:
    path = tmp_path / "routine.toml"
    path.write_text(ROUTINE)
    return path


def test_json_marks_each_entry_kept_or_added(cli: Cli, routine: Path, catalog: Catalog) -> None:
    result = cli("plan", "--keep", str(routine), "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert set(document) == {"plan", "minutes", "coverage", "volume", "completion"}
    completion = document["completion"]
    entries = [entry for day in document["plan"]["days"] for entry in day["exercises"]]
    assert [(e["exercise"], e["sets"]) for e in entries] == [
        (m["exercise"], m["kept_sets"] + m["added_sets"]) for m in completion["entries"]
    ]
    assert completion["kept_sets"] == 16
    assert completion["added_sets"] == sum(e["sets"] for e in entries) - 16
    assert completion["entries"][0] == {
        "day": 1,
        "exercise": "back_squat",
        "origin": "kept",
        "kept_sets": 4,
        "added_sets": 0,
    }
    assert {m["origin"] for m in completion["entries"]} == {"kept", "added"}
    assert completion["preferred_from_log"] == []
    assert (document["coverage"]["missed"], document["coverage"]["under"]) == ([], [])
    keep = read_plan(routine, catalog)
    assert document["plan"] == complete_plan(completion_request(keep), catalog, keep=keep).plan.to_data()


def test_output_file_is_the_whole_plan_and_reads_back(cli: Cli, routine: Path, tmp_path: Path) -> None:
    target = tmp_path / "completed.toml"
    result = cli("plan", "--keep", str(routine), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert f"Plan written to {target}" in " ".join(result.stdout.split())
    checked = cli("coverage", str(target), "--strict", "--json")
    assert checked.exit_code == 0, checked.output
    again = cli("plan", "--keep", str(target), "--json")
    assert json.loads(again.stdout)["completion"]["added_sets"] == 0


def test_include_without_keep(cli: Cli) -> None:
    result = cli(
        "plan", "--weekdays", "tue,thu,sat", "--include", "glute-ham raise:4", "--include", "toe curl", "--json"
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    weekly: dict[str, int] = {}
    for day in document["plan"]["days"]:
        for entry in day["exercises"]:
            weekly[entry["exercise"]] = weekly.get(entry["exercise"], 0) + entry["sets"]
    assert weekly["glute_ham_raise"] >= 4
    assert weekly["toe_curl"] >= 1
    assert document["completion"]["included"] == [
        {"exercise": "glute_ham_raise", "sets": 4},
        {"exercise": "toe_curl", "sets": 1},
    ]
    assert document["plan"]["settings"]["volume"] == "mid"
    assert [day["weekday"] for day in document["plan"]["days"]] == ["tuesday", "thursday", "saturday"]


def test_prefer_log_says_what_it_chose(cli: Cli, routine: Path, tmp_path: Path) -> None:
    log = tmp_path / "strong.csv"
    log.write_text(LOG)
    plain = json.loads(cli("plan", "--keep", str(routine), "--json").stdout)
    result = cli("plan", "--keep", str(routine), "--prefer-log", str(log), "--json")
    assert result.exit_code == 0, result.output
    liked = json.loads(result.stdout)
    assert liked["completion"]["added_sets"] == plain["completion"]["added_sets"]
    chosen = liked["completion"]["preferred_from_log"]
    assert chosen
    assert set(chosen) <= {"glute_ham_raise", "leg_press_calf_raise"}
    human = cli("plan", "--keep", str(routine), "--prefer-log", str(log))
    assert "Chosen because your log shows them" in " ".join(human.stdout.split())


def test_human_output_matches_the_golden_file(
    cli: Cli, routine: Path, monkeypatch: pytest.MonkeyPatch, golden: Callable[[str, str], None]
) -> None:
    monkeypatch.chdir(routine.parent)
    result = cli("plan", "--keep", "routine.toml")
    assert result.exit_code == 0, result.output
    assert "From" in result.stdout
    golden("plan_keep_routine.txt", result.stdout)


@pytest.mark.parametrize(
    ("extra", "mentions"),
    [
        (["--include", "romanien deadlift"], r"--include: unknown exercise .*did you mean 'Romanian deadlift'"),
        (["--include", "rdl:0"], r"--include: 'rdl:0': sets must be a whole number from 1 to 20"),
        (["--include", "rdl:two"], r"sets must be a whole number"),
        (["--days", "1"], r"--days: the kept plan has 2 days"),
        (["--weekdays", "mon,fri"], r"--weekdays: the kept plan's days keep their own weekdays"),
        (["--weeks", "4"], r"'--keep': it completes one week"),
        (["--exclude", "squat"], r"back_squat is kept"),
        (["--include", "glute ham raise", "--equipment", "barbell,machine"], r"glute_ham_raise needs"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    run_legday: Run, routine: Path, tmp_path: Path, extra: list[str], mentions: str
) -> None:
    import re

    target = tmp_path / "out.toml"
    done = run_legday("plan", "--keep", str(routine), "-o", str(target), *extra)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert re.search(mentions, lines[0]), lines[0]
    assert not target.exists()


@pytest.mark.parametrize("name", ["missing.toml", "malformed"])
def test_a_missing_or_malformed_keep_file_exits_2(run_legday: Run, tmp_path: Path, name: str) -> None:
    path = tmp_path / name if name == "missing.toml" else MALFORMED / "days_empty.toml"
    done = run_legday("plan", "--keep", str(path))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"legday: {path}")


def test_a_block_to_keep_exits_2(run_legday: Run, tmp_path: Path) -> None:
    block = tmp_path / "block.toml"
    assert run_legday("plan", "--weeks", "3", "-o", str(block)).returncode == 0
    done = run_legday("plan", "--keep", str(block))
    assert done.returncode == 2
    assert "is a block" in done.stderr


def test_kept_work_past_the_cap_exits_1_naming_it(run_legday: Run, tmp_path: Path) -> None:
    heavy = tmp_path / "heavy.toml"
    heavy.write_text(
        '[[days]]\nexercises = [{ exercise = "romanian deadlift", sets = 5 }, '
        '{ exercise = "stiff-leg deadlift", sets = 5 }, { exercise = "good morning", sets = 3 }]\n'
        '[[days]]\nexercises = [{ exercise = "seated leg curl", sets = 3 }]\n'
    )
    target = tmp_path / "out.toml"
    done = run_legday("plan", "--keep", str(heavy), "-o", str(target))
    assert done.returncode == 1
    assert done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert "day 1 of the kept plan gives the long head of the biceps femoris 13 effective sets" in line
    assert "per-session cap of 10: keep at most" in line
    assert "on day 1 of the --keep file" in line
    assert not target.exists()


def test_kept_sessions_too_long_exit_1_with_the_minutes_that_work(run_legday: Run, routine: Path) -> None:
    done = run_legday("plan", "--keep", str(routine), "--minutes", "20")
    assert done.returncode == 1
    assert "longer than the 20-minute sessions asked: raise --minutes to" in done.stderr


def test_keep_from_standard_input(run_legday: Run) -> None:
    done = run_legday("plan", "--keep", "-", "--json", input=ROUTINE)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["completion"]["kept_sets"] == 16


def test_keep_and_log_cannot_both_read_standard_input(run_legday: Run) -> None:
    done = run_legday("plan", "--keep", "-", "--prefer-log", "-", input=ROUTINE)
    assert done.returncode == 2
    assert "'--prefer-log'" in done.stderr


def test_svg_and_output_together(cli: Cli, routine: Path, tmp_path: Path) -> None:
    target, picture = tmp_path / "plan.toml", tmp_path / "map.svg"
    result = cli("plan", "--keep", str(routine), "-o", str(target), "--svg", str(picture))
    assert result.exit_code == 0, result.output
    assert target.exists()
    assert "<svg" in picture.read_text()[:300]


def test_every_bad_inclusion_of_a_run_is_reported_together(run_legday: Run) -> None:
    done = run_legday("plan", "--include", "nordik curl", "--include", "foo curl:3", "--include", "rdl:0")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "legday: --include: unknown exercise 'nordik curl': did you mean 'Nordic hamstring curl' or "
        "'Assisted Nordic curl'?",
        "legday: --include: unknown exercise 'foo curl'",
        "legday: --include: 'rdl:0': sets must be a whole number from 1 to 20, not '0'",
    ]
