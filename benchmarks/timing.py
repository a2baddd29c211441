"""What the benchmarks share: the legday command to run, timing a subprocess, and interleaved runs.

Scripts in benchmarks/ import this as `timing`: Python puts a script's own folder on sys.path.
"""

import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: A no-op typer command: the least any typer CLI pays at start-up, run with the same interpreter.
FLOOR = ROOT / "benchmarks" / "floor.py"


class CommandFailed(RuntimeError):
    """A timed command exited with a code the benchmark does not accept."""


def legday_command() -> list[str]:
    """The installed `legday` script beside this interpreter (else on PATH), else `python -m planner`."""
    script = Path(sys.executable).parent / "legday"
    found = script if script.exists() else shutil.which("legday")
    return [str(found)] if found else [sys.executable, "-m", "planner"]


def time_command(
    command: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    exit_codes: Collection[int] = (0,),
) -> float:
    """Wall seconds for one run of `command`; CommandFailed (with its stderr) on another exit code."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False, cwd=cwd, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode not in exit_codes:
        raise CommandFailed(f"{' '.join(command)} failed: {done.stderr.decode().strip()}")
    return elapsed


def interleaved(
    measures: Mapping[str, Callable[[], float]], runs: int
) -> tuple[dict[str, list[float]], dict[str, str]]:
    """Seconds of `runs` rounds of every measure, one after another in each round (so machine noise
    hits all alike), and the measures that failed with why. A measure that raises CommandFailed is
    not run again."""
    times: dict[str, list[float]] = {name: [] for name in measures}
    failed: dict[str, str] = {}
    for _ in range(runs):
        for name, measure in measures.items():
            if name in failed:
                continue
            try:
                times[name].append(measure())
            except CommandFailed as error:
                failed[name] = str(error)
    return times, failed
