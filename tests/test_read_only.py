"""Commands that only read write nothing: not under the home folder, not beside the files they read.

Each runs the real command line in a subprocess with a home folder of its own, so whatever legday
wrote there (a cache, a config) would show.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ROUTINE = """\
format = "legday.plan/1"

[[days]]
exercises = [{ exercise = "romanian_deadlift", sets = 3 }, { exercise = "seated calf raise", sets = 4 }]
"""


def _environment(home: Path | None) -> dict[str, str]:
    """This environment with `home` as HOME (or none), and no XDG folders or legday settings to go elsewhere."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "LEGDAY_")) and key != "HOME"}
    if home is not None:
        env["HOME"] = str(home)
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # Python's own bytecode cache is not legday's doing
    return env


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "planner", *args]


def _tree(folder: Path) -> list[tuple[str, int, int]]:
    """Every path under `folder` with its size and modification time."""
    return sorted(
        (str(path.relative_to(folder)), path.stat().st_size, path.stat().st_mtime_ns) for path in folder.rglob("*")
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty home folder that cannot be written (for users other than root)."""
    folder = tmp_path / "home"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """The working folder, holding the routine the coverage command reads."""
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "routine.toml").write_text(ROUTINE)
    return folder


READ_ONLY = [
    ("muscles", "--json"),
    ("catalog", "--json"),
    ("catalog", "show", "RDL", "--json"),
    ("coverage", "routine.toml", "--json"),
    ("coverage", "routine.toml"),
    ("plan", "--json"),
    ("schema",),
]


def test_read_only_commands_write_nothing_under_home_or_beside_their_input(home: Path, work: Path) -> None:
    before_home, before_work = _tree(home), _tree(work)
    for args in READ_ONLY:
        done = subprocess.run(
            _command(*args), cwd=work, env=_environment(home), capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, (args, done.stderr)
        assert done.stdout.strip()
        assert done.stderr == ""
    assert _tree(home) == before_home == []
    assert _tree(work) == before_work


def test_commands_run_without_a_home(work: Path) -> None:
    done = subprocess.run(
        _command("coverage", "routine.toml", "--json"),
        cwd=work,
        env=_environment(None),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"missed"' in done.stdout


def test_two_runs_at_once_give_the_same_answer(home: Path, work: Path) -> None:
    runs = [
        subprocess.Popen(
            _command("catalog", "--json"),
            cwd=work,
            env=_environment(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    first, second = (out for out, _ in outputs)
    assert first == second
    assert first.startswith("[")
    assert _tree(home) == []
