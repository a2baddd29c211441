"""`legday plan` through typer's CliRunner and a real subprocess: JSON shape, -o and the coverage round
trip, determinism across processes, exit codes and one-line errors."""

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from exercises.catalog import Catalog
from exercises.vocabulary import Equipment
from planner.generate import PlanRequest, generate_plan
from planner.plan_file import plan_to_toml, read_plan

if TYPE_CHECKING:
    from typer.testing import Result

Cli = Callable[..., "Result"]
Run = Callable[..., subprocess.CompletedProcess[str]]


def test_json_has_the_plan_its_minutes_and_its_coverage(cli: Cli, catalog: Catalog) -> None:
    result = cli("plan", "--days", "3", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert set(document) >= {"plan", "minutes", "coverage"}
    plan = document["plan"]
    assert plan["format"] == "legday.plan/1"
    assert plan["settings"] == {
        "days": 3,
        "level": "intermediate",
        "equipment": [item.value for item in Equipment],
        "minutes": 75,
        "seed": 0,
        "volume": "mid",
    }
    assert [day["weekday"] for day in plan["days"]] == ["monday", "wednesday", "friday"]
    assert len(document["minutes"]) == 3
    for day, minutes in zip(plan["days"], document["minutes"], strict=True):
        seconds = sum(
            entry["sets"] * (catalog.exercises[entry["exercise"]].set_seconds + entry["rest_seconds"])
            for entry in day["exercises"]
        )
        assert minutes == pytest.approx(seconds / 60, abs=0.01)
        assert minutes <= 75
    coverage = document["coverage"]
    assert (coverage["missed"], coverage["under"], coverage["over"]) == ([], [], [])
    assert {m["status"] for m in coverage["muscles"]} == {"ok"}
    assert len(coverage["muscles"]) == 10
    # The library gives the same plan.
    assert plan == generate_plan(PlanRequest(days=3), catalog).to_data()


def test_options_reach_the_request(cli: Cli) -> None:
    result = cli(
        "plan",
        "--days", "4",
        "--level", "advanced",
        "--equipment", "dumbbell",
        "--equipment", "bench",
        "--minutes", "60",
        "--exclude", "Nordic curl",
        "--seed", "3",
        "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)["plan"]
    assert plan["settings"] == {
        "days": 4,
        "level": "advanced",
        "equipment": ["dumbbell", "bench"],
        "minutes": 60,
        "seed": 3,
        "volume": "mid",
        "exclude": ["nordic_curl"],
    }
    used = {entry["exercise"] for day in plan["days"] for entry in day["exercises"]}
    assert "nordic_curl" not in used
    minutes = json.loads(result.stdout)["minutes"]
    assert len(minutes) == len(plan["days"]) > 0
    assert all(m <= 60 for m in minutes)


def test_human_output_shows_each_day_and_the_coverage(cli: Cli) -> None:
    result = cli("plan", "--days", "2")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Day 1 (Monday): about" in out
    assert "Day 2 (Thursday): about" in out
    assert "Sets x reps" in out
    assert "Weekly coverage of this plan (intermediate level)" in out
    assert "0 missed, 0 under target, 0 over, 10 ok" in out


def test_written_plan_reads_back_to_the_same_coverage(cli: Cli, tmp_path: Path, catalog: Catalog) -> None:
    target = tmp_path / "plan.toml"
    made = cli("plan", "--days", "3", "--level", "beginner", "-o", str(target), "--json")
    assert made.exit_code == 0, made.output
    checked = cli("coverage", str(target), "--json")
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout) == json.loads(made.stdout)["coverage"]
    plan = read_plan(target, catalog)
    assert plan.to_data() == json.loads(made.stdout)["plan"]
    assert target.read_bytes() == plan_to_toml(plan)


def test_an_existing_output_file_needs_force(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    target.write_text("keep me\n")
    refused = cli("plan", "-o", str(target))
    assert refused.exit_code == 2
    assert target.read_text() == "keep me\n"
    forced = cli("plan", "-o", str(target), "--force", "--json")
    assert forced.exit_code == 0, forced.output
    assert target.read_text().startswith('format = "legday.plan/1"')


def test_subprocess_gives_byte_identical_files(run_legday: Run, tmp_path: Path, catalog: Catalog) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    for target in (first, second):
        done = run_legday("plan", "--days", "3", "--seed", "11", "-o", str(target), "--json")
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        json.loads(done.stdout)  # exactly one JSON document on stdout
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == plan_to_toml(generate_plan(PlanRequest(days=3, seed=11), catalog))


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (["--days", "0"], "--days"),
        (["--days", "8"], "--days"),
        (["--days", "two"], "--days"),
        (["--minutes", "5"], "--minutes"),
        (["--minutes", "301"], "--minutes"),
        (["--seed", "-1"], "--seed"),
        (["--level", "expert"], "--level"),
        (["--equipment", "rowing_machine"], "--equipment"),
        (["--exclude", "romanain deadlift"], "did you mean 'Romanian deadlift'"),
    ],
)
def test_bad_input_exits_2_with_one_line(run_legday: Run, args: list[str], mentions: str) -> None:
    done = run_legday("plan", *args, "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("legday: ")
    assert mentions in lines[0]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (["--days", "1", "--level", "advanced"], r"biceps femoris .* per-session cap .* raise --days to 2"),
        (["--days", "2", "--level", "advanced", "--minutes", "20"], r"2 sessions of 20 minutes .* raise --minutes"),
    ],
)
def test_a_request_that_cannot_be_met_exits_1_saying_why(run_legday: Run, args: list[str], mentions: str) -> None:
    done = run_legday("plan", *args, "--json")
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert re.search(mentions, lines[0]), lines[0]


def test_unmet_request_writes_no_file(run_legday: Run, tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    done = run_legday("plan", "--days", "1", "--level", "advanced", "-o", str(target))
    assert done.returncode == 1
    assert not target.exists()


def test_day_tables_match_the_golden_file(catalog: Catalog, golden: Callable[[str, str], None]) -> None:
    """The per-day tables of the default plan (the coverage part below them has its own golden files)."""
    from rich.console import Console

    from planner.generate import plan_minutes
    from planner.plan_file import day_labels
    from planner.render_plan import day_table

    plan = generate_plan(PlanRequest(days=3), catalog)
    out = io.StringIO()
    console = Console(file=out, width=120, no_color=True)
    for label, day, minutes in zip(day_labels(plan), plan.days, plan_minutes(plan, catalog), strict=True):
        console.print(day_table(day, label, minutes, catalog))
    golden("plan_days_3.txt", out.getvalue())


def test_plan_json_does_not_import_numpy(tmp_path: Path) -> None:
    """The solver runs on HiGHS's compiled core alone: numpy (a third of the start-up) stays out."""
    script = (
        "import sys\n"
        "sys.argv = ['legday', 'plan', '--days', '3', '--json']\n"
        "from planner.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "print('numpy' in sys.modules, 'highspy' in sys.modules, 'highspy._core' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["plan"]["settings"]["days"] == 3
    assert done.stderr.split() == ["False", "False", "True"]


def test_an_unwritable_temporary_folder_is_one_line_not_a_traceback(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("planner.solver.tempfile.NamedTemporaryFile", refuse)
    result = cli("plan", "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "Permission denied; set TMPDIR to a writable folder" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["plan"],
        ["plan", "--days", "3"],
        ["catalog"],
        ["catalog", "--json"],
        ["muscles"],
        ["--help"],
        ["plan", "--help"],
    ],
)
def test_a_closed_pipe_is_not_a_failure(args: list[str]) -> None:
    """`legday plan | head -2`: the reader goes away before legday writes; legday exits 0, silently."""
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-m", "planner", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert process.stdout is not None
    process.stdout.close()  # closed before the first write: every write meets a closed pipe
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0
    assert stderr == b""


def test_head_of_a_plan_exits_0(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", f"'{sys.executable}' -m planner plan | head -2"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert len(done.stdout.splitlines()) == 2


# --- A volume that does not fit is said -----------------------------------------------------------

SHORT_OF_HIGH = (
    "--volume high did not fit in 2 sessions of 30 minutes: each muscle with a 10-16 band is at least 4 "
    "effective sets into it, not 4.5; raise --minutes to 35 or --days to 3 to reach it"
)


def _words(text: str) -> str:
    """The output with rich's line wrapping undone: one space between words."""
    return " ".join(text.split())


def test_a_volume_that_does_not_fit_is_said_in_one_line(cli: Cli) -> None:
    result = cli("plan", "--days", "2", "--minutes", "30", "--volume", "high")
    assert result.exit_code == 0, result.output
    assert _words(result.stdout).endswith(SHORT_OF_HIGH)
    assert _words(result.stdout).count("did not fit") == 1
    document = json.loads(cli("plan", "--days", "2", "--minutes", "30", "--volume", "high", "--json").stdout)
    assert set(document) == {"plan", "minutes", "coverage", "volume"}
    assert document["volume"] == {
        "asked": "high",
        "fits": False,
        "band": {"min": 10, "max": 16},
        "climb": {"asked": 4.5, "reached": 4},
        "settled": True,
        "reached_with": {"minutes": 35, "days": 3},
    }
    # The plan file records the volume asked (the request); the plan sits as high as it could.
    assert document["plan"]["settings"]["volume"] == "high"


def test_the_default_volume_is_named_as_the_default(cli: Cli) -> None:
    result = cli("plan", "--days", "2", "--minutes", "25")
    assert result.exit_code == 0, result.output
    assert _words(result.stdout).endswith(
        "--volume mid (the default) did not fit in 2 sessions of 25 minutes: each muscle with a 10-16 band is at "
        "least 1 effective set into it, not 3; raise --minutes to 30 or --days to 3 to reach it"
    )


def test_a_volume_that_fits_says_nothing_more(cli: Cli) -> None:
    result = cli("plan", "--days", "2", "--minutes", "35", "--volume", "high")
    assert result.exit_code == 0, result.output
    assert "did not fit" not in result.stdout
    assert "--volume" not in result.stdout
    document = json.loads(cli("plan", "--days", "2", "--minutes", "35", "--volume", "high", "--json").stdout)
    assert document["volume"]["fits"] is True
    assert document["volume"]["climb"] == {"asked": 4.5, "reached": 4.5}
    assert document["volume"]["reached_with"] is None


def test_a_block_whose_peak_does_not_fit_says_so(cli: Cli) -> None:
    result = cli("plan", "--days", "2", "--minutes", "30", "--weeks", "4")
    assert result.exit_code == 0, result.output
    assert _words(result.stdout).endswith(
        "the block's peak (week 3) did not fit in 2 sessions of 30 minutes: each muscle with a 10-16 band is at "
        "least 4 effective sets into it, not 5; raise --minutes to 35 or --days to 3 to reach it"
    )
    high = cli("plan", "--days", "2", "--minutes", "25", "--weeks", "4", "--volume", "high")
    assert _words(high.stdout).endswith(
        "--volume high did not fit in 2 sessions of 25 minutes: each muscle with a 10-16 band is at least 1 "
        "effective set into it in every loading week, not 4.5 in week 1 rising to 5; raise --minutes to 35 or "
        "--days to 3 to reach it"
    )


def test_a_completion_whose_volume_does_not_fit_says_so(cli: Cli) -> None:
    args = ("plan", "--include", "seated leg curl", "--days", "2", "--minutes", "30", "--volume", "high")
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert SHORT_OF_HIGH in _words(result.stdout)
    document = json.loads(cli(*args, "--json").stdout)
    assert set(document) == {"plan", "minutes", "coverage", "volume", "completion"}
    assert document["volume"]["fits"] is False


def test_a_volume_that_does_not_fit_is_said_by_the_real_command(run_legday: Run) -> None:
    shown = run_legday("plan", "--days", "2", "--minutes", "30", "--volume", "high")
    assert (shown.returncode, shown.stderr) == (0, "")
    assert _words(shown.stdout).endswith(SHORT_OF_HIGH)
    fits = run_legday("plan", "--days", "2", "--minutes", "35", "--volume", "high", "--json")
    assert (fits.returncode, fits.stderr) == (0, "")
    assert json.loads(fits.stdout)["volume"]["fits"] is True


def test_an_unsettled_climb_is_worded_as_not_proven_and_no_room_as_none() -> None:
    """The wording of reaches no quick request gives: a climb above which the search did not settle,
    and no longer sessions or more days that reach the one asked."""
    from planner.block_planner import Climb
    from planner.cli import _volume_line
    from planner.generate import VolumeReach
    from planner.volume import Target, Volume

    band = Target(12, 20, "advanced")
    unsettled = VolumeReach(Volume.HIGH, band, Climb(6.0, 2.5, settled=False))
    assert _volume_line(unsettled, 5, 10, defaulted=False) == (
        "--volume high was not proven, within the planner's search limit, to fit in 5 sessions of 10 minutes: "
        "each muscle with a 12-20 band is at least 2.5 effective sets into it, not 6"
    )
    assert unsettled.to_data()["settled"] is False
    assert unsettled.to_data()["reached_with"] == {"minutes": None, "days": None}
    peak = VolumeReach(Volume.LOW, band, Climb(7.0, 6.0), Climb(0.0, 0.0))
    assert _volume_line(peak, 1, 60, defaulted=True, peak=4) == (
        "the block's peak (week 4) did not fit in 1 session of 60 minutes: each muscle with a 12-20 band is at "
        "least 6 effective sets into it, not 7"
    )
