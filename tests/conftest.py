"""Shared test set-up: stable terminal output and the loaded catalog."""

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

# Rich reads these when a console is made: pin them so tables render the same everywhere.
os.environ["COLUMNS"] = "120"
os.environ["LINES"] = "50"
os.environ["NO_COLOR"] = "1"
os.environ["TERM"] = "dumb"
os.environ.pop("FORCE_COLOR", None)

from exercises.catalog import Catalog, load_catalog

# No per-example deadline: CI machines are shared and noisy, and a slow example is not a wrong one.
# Derandomized, so every run checks the same examples and a failure found once is found again.
settings.register_profile("legday", deadline=None, derandomize=True)
settings.load_profile("legday")

if TYPE_CHECKING:
    from typer.testing import Result

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The built-in catalog."""
    return load_catalog()


@pytest.fixture(scope="session")
def run_legday() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real command line in a subprocess: `run_legday("catalog", "--json", input="...")`."""

    def run(*args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "planner", *args],
            input=input,
            capture_output=True,
            text=True,
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
        )

    return run


@pytest.fixture
def cli() -> Callable[..., "Result"]:
    """Invoke the typer app in-process: `cli("catalog", "show", "RDL")` returns a click Result."""
    from typer.testing import CliRunner

    from planner.cli import app

    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> "Result":
        return runner.invoke(app, list(args), input=input)

    return invoke


def check_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; LEGDAY_UPDATE_GOLDEN=1 rewrites the file instead."""
    path = ROOT / "tests" / "golden" / name
    if os.environ.get("LEGDAY_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual)
    assert path.read_text() == actual, f"output differs from {path}; LEGDAY_UPDATE_GOLDEN=1 updates it"


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """The golden-file check as a fixture: `golden("catalog_show.txt", output)`."""
    return check_golden
