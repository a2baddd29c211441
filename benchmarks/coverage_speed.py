"""Coverage speed: start-up of `legday coverage FILE --json` against the typer floor, and a plan file
with 10,000 exercise entries read and reported.

(a) Start-up: `legday coverage FILE --json` on a two-day routine, as a ratio to benchmarks/floor.py
    run with this same interpreter; the two are run interleaved (floor, coverage, floor, ...) so machine
    noise hits both alike, and the medians are compared. Target: <= 1.3x. `legday catalog --json`
    runs alongside as the baseline every command that loads the catalog pays. Measured twice:
    "installed", with a bytecode cache, as after `pip install` (which byte-compiles legday just as it
    did typer and pydantic); and "no bytecode", as this project's environment runs its source when
    PYTHONDONTWRITEBYTECODE is set (every legday module compiled on every run).
(b) Size: a plan file of 7 days holding 10,000 entries in all; the time to read it (TOML, validation,
    name look-up) and build the report, in this process (median of a few runs, after one warm-up),
    and end to end as `legday coverage FILE --json` in a subprocess. Budget: 1 s.

    python benchmarks/coverage_speed.py [--runs 21] [--entries 10000]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path

from timing import FLOOR, ROOT, CommandFailed, interleaved, legday_command, time_command

sys.path.insert(0, str(ROOT))

ROUTINE = {
    "format": "legday.plan/1",
    "days": [
        {
            "exercises": [
                {"exercise": "romanian_deadlift", "sets": 3},
                {"exercise": "seated_leg_curl", "sets": 3},
                {"exercise": "standing_calf_raise", "sets": 4},
            ]
        },
        {
            "exercises": [
                {"exercise": "nordic_curl", "sets": 3},
                {"exercise": "seated_calf_raise", "sets": 4},
                {"exercise": "toe_curl", "sets": 2},
            ]
        },
    ],
}


def _run(command: Sequence[str], env: Mapping[str, str] | None = None) -> float:
    return time_command(command, env=env, cwd=ROOT)


def _big_plan(entries: int) -> dict[str, object]:
    """A plan of 7 days holding `entries` entries, cycling through the catalog with seeded set counts,
    names written as ids, names and aliases so that look-up is exercised too."""
    from exercises.catalog import load_catalog

    catalog = load_catalog()
    spellings = [s for e in catalog.exercises.values() for s in (e.id, e.name, *e.aliases)]
    rng = random.Random(0)
    days: list[dict[str, object]] = [{"name": f"Day {n}", "exercises": []} for n in range(1, 8)]
    for index in range(entries):
        day_exercises = days[index % 7]["exercises"]
        assert isinstance(day_exercises, list)
        day_exercises.append({"exercise": spellings[index % len(spellings)], "sets": rng.randint(1, 20)})
    return {"format": "legday.plan/1", "name": f"{entries} entries", "days": days}


def startup(runs: int, folder: Path) -> None:
    """(a): the coverage command's wall time as a ratio to the floor, with and without bytecode."""
    import tomli_w

    routine = folder / "routine.toml"
    routine.write_bytes(tomli_w.dumps(ROUTINE).encode())
    source = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    source["PYTHONDONTWRITEBYTECODE"] = "1"
    installed = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    installed["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    commands = {
        "floor (typer no-op --json)": [sys.executable, str(FLOOR), "--json"],
        "legday catalog --json": [*legday_command(), "catalog", "--json"],
        "legday coverage FILE --json": [*legday_command(), "coverage", str(routine), "--json"],
    }
    print("(a) start-up, median of interleaved runs")
    for setting, env in (("installed", installed), ("no bytecode", source)):
        for command in commands.values():  # fill the file and bytecode caches before timing
            _run(command, env)
        times, failed = interleaved({name: partial(_run, command, env) for name, command in commands.items()}, runs)
        if failed:
            raise CommandFailed(next(iter(failed.values())))
        floor = statistics.median(times["floor (typer no-op --json)"])
        for name in commands:
            median = statistics.median(times[name])
            verdict = ""
            if name.startswith("legday coverage"):
                verdict = f"(target <= 1.3x: {'ok' if median / floor <= 1.3 else 'MISSED'})"
            print(f"    {setting:12} {name:30} {median * 1000:8.1f} ms   {median / floor:.2f}x floor {verdict}")


def size(entries: int, folder: Path) -> None:
    """(b): a plan of `entries` entries, read and reported in-process and end to end."""
    import tomli_w

    from exercises.catalog import load_catalog
    from planner.coverage import coverage_report
    from planner.plan_file import read_plan

    path = folder / "big.toml"
    path.write_bytes(tomli_w.dumps(_big_plan(entries)).encode())
    catalog = load_catalog()
    in_process = []
    for attempt in range(6):
        start = time.perf_counter()
        plan = read_plan(path, catalog)
        report = coverage_report(plan, catalog)
        report.to_data()
        if attempt:  # the first run is a warm-up
            in_process.append(time.perf_counter() - start)
    assert sum(len(day.exercises) for day in plan.days) == entries
    end_to_end = [_run([*legday_command(), "coverage", str(path), "--json"]) for _ in range(5)]
    budget = 1.0
    print(f"(b) a plan file with {entries:,} entries ({path.stat().st_size / 1024:.0f} KiB)")
    for label, times in (("read + report, in process", in_process), ("legday coverage FILE --json", end_to_end)):
        median = statistics.median(times)
        verdict = "ok" if median <= budget else "MISSED"
        print(f"    {label:30} {median * 1000:8.1f} ms   {median / budget:.2f}x the 1 s budget ({verdict})")


def main() -> None:
    """Run both measurements and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="interleaved runs for the start-up ratio")
    parser.add_argument("--entries", type=int, default=10_000, help="entries in the large plan file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        try:
            startup(args.runs, folder)
            size(args.entries, folder)
        except CommandFailed as error:
            raise SystemExit(str(error)) from None
    print(f"({sys.executable})")


if __name__ == "__main__":
    main()
