"""Start-up benchmark: each legday command's wall time as a ratio to the typer floor.

The floor is benchmarks/floor.py: a no-op typer command run with this same interpreter, the least
any typer CLI pays. Commands are run interleaved (floor, cmd1, cmd2, ..., floor, ...) so machine
noise hits all alike, and the median of each is reported. Targets (developers' guide):
--help <= 1.1x, catalog --json, coverage FILE --json and swap EXERCISE (--json or not) <= 1.3x,
plan --days 3 --json and plan --keep FILE --json (completing a routine) <= 2.0x, plan --weeks 6 --days 4
--json (a training block) <= 2.5x, report FILE
-o PAGE.html (the HTML page of a plan) <= 1.5x.

    python benchmarks/startup.py [--runs 21]

The project's modules are byte-compiled first, as `pip install` does for an installed package: with
PYTHONDONTWRITEBYTECODE set (as on these machines) an editable install would otherwise recompile
every module on every run, which no installed legday does.

An installed wheel reads its catalog data pre-parsed at build time; an editable install (a source
tree) parses the TOML at every start. The report says which one it measured: run it from a venv with
`pip install .` for the numbers a user gets.
"""

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

from timing import FLOOR, ROOT, interleaved, legday_command, time_command

ROUTINE = """\
format = "legday.plan/1"

[[days]]
exercises = [
  { exercise = "romanian_deadlift", sets = 3 },
  { exercise = "seated_leg_curl", sets = 3 },
  { exercise = "standing_calf_raise", sets = 4 },
]

[[days]]
exercises = [
  { exercise = "nordic_curl", sets = 3 },
  { exercise = "seated_calf_raise", sets = 4 },
  { exercise = "toe_curl", sets = 2 },
]
"""


def catalog_data_source() -> str:
    """How the legday of this interpreter reads its built-in data, asked from outside the source tree."""
    probe = (
        "from importlib import resources; from exercises.preparsed import preparsed_name; "
        "print(resources.files('exercises').joinpath('data', preparsed_name('exercises.toml')).is_file())"
    )
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=folder)
    if done.stdout.strip() == "True":
        return "pre-parsed at build time (an installed wheel)"
    return "parsed from TOML at every start (a source tree or editable install)"


def main() -> None:
    """Run the benchmark and print a table of medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="interleaved runs per command")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "exercises", quiet=1)
    compileall.compile_dir(ROOT / "planner", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        routine = Path(folder) / "routine.toml"
        routine.write_text(ROUTINE)
        page = Path(folder) / "routine.html"
        legday = legday_command()
        commands = {
            "floor (typer no-op --json)": [sys.executable, str(FLOOR), "--json"],
            "bare imports (typer, pydantic, tomllib)": [sys.executable, "-c", "import typer, pydantic, tomllib"],
            "legday --help": [*legday, "--help"],
            "legday catalog --json": [*legday, "catalog", "--json"],
            "legday coverage FILE --json": [*legday, "coverage", str(routine), "--json"],
            "legday plan --days 3 --json": [*legday, "plan", "--days", "3", "--json"],
            "legday plan --weeks 6 --days 4 --json": [*legday, "plan", "--weeks", "6", "--days", "4", "--json"],
            "legday report FILE -o PAGE.html": [*legday, "report", str(routine), "-o", str(page), "--force"],
            "legday plan --keep FILE --json": [*legday, "plan", "--keep", str(routine), "--json"],
            "legday swap EXERCISE --json": [*legday, "swap", "romanian deadlift", "--json"],
            "legday swap EXERCISE": [*legday, "swap", "romanian deadlift"],
        }
        targets = {"legday --help": 1.1, "legday catalog --json": 1.3, "legday coverage FILE --json": 1.3}
        targets["legday plan --days 3 --json"] = 2.0
        targets["legday plan --weeks 6 --days 4 --json"] = 2.5
        targets["legday plan --keep FILE --json"] = 2.0
        targets["legday report FILE -o PAGE.html"] = 1.5
        targets["legday swap EXERCISE --json"] = targets["legday swap EXERCISE"] = 1.3
        # Exit code 1 (a request legday cannot meet) is an answer, not a crash.
        measures = {name: partial(time_command, command, exit_codes=(0, 1)) for name, command in commands.items()}
        times, failed = interleaved(measures, args.runs)
    floor = statistics.median(times["floor (typer no-op --json)"])
    print(f"{'command':44} {'median ms':>10} {'x floor':>8} {'target':>7}")
    for name in commands:
        if name in failed:
            print(f"{name:44} {'failed':>10}   {failed[name][:60]}")
            continue
        median = statistics.median(times[name])
        target = targets.get(name)
        verdict = "" if target is None else f"<= {target:.1f}" + ("" if median / floor <= target else " MISSED")
        print(f"{name:44} {median * 1000:10.1f} {median / floor:8.2f} {verdict:>7}")
    print(f"({args.runs} interleaved runs each, {sys.executable}; catalog data {catalog_data_source()})")


if __name__ == "__main__":
    main()
