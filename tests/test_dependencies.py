"""The declared dependencies: every third-party import is declared, every declaration has an honest
floor that CI installs (.ci/floors.py), and the private names legday relies on exist."""

import ast
import importlib.util
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> dict[str, str]:
    """Runtime requirements by normalized distribution name."""
    found: dict[str, str] = {}
    for requirement in PYPROJECT["project"]["dependencies"]:
        name = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
        assert name is not None, requirement
        found[_normalized(name[0])] = requirement
    return found


def _imported_modules() -> set[str]:
    """Top-level modules imported anywhere in the two packages."""
    modules: set[str] = set()
    for path in [*ROOT.glob("exercises/**/*.py"), *ROOT.glob("planner/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules


def test_every_third_party_import_is_a_declared_dependency() -> None:
    third_party = {m for m in _imported_modules() if m not in sys.stdlib_module_names} - {"exercises", "planner"}
    assert {"typer", "pydantic", "pydantic_core", "highspy"} <= third_party
    distributions = packages_distributions()
    undeclared = {
        module: distributions.get(module)
        for module in third_party
        if not {_normalized(d) for d in distributions.get(module, [])} & set(_declared())
    }
    assert undeclared == {}


def _floors_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ci_floors", ROOT / ".ci" / "floors.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_floors_script_pins_every_dependency_at_its_declared_floor() -> None:
    pins = _floors_script().floors(PYPROJECT)
    declared = _declared()
    assert {_normalized(name) for name in pins} >= set(declared)
    for name, version in pins.items():
        if _normalized(name) in declared:
            assert f">={version}" in declared[_normalized(name)].replace(" ", "")
    assert pins["pytest"] == PYPROJECT["project"]["optional-dependencies"]["test"][0].split(">=")[1]


@pytest.mark.parametrize("requirement", ["rich", "rich<15", "rich>=13,>=14", "rich==14.3"])
def test_the_floors_script_refuses_a_requirement_without_one_floor(requirement: str) -> None:
    with pytest.raises(SystemExit, match="floor"):
        _floors_script().floors({"project": {"dependencies": [requirement]}})


def test_typers_private_click_names_are_what_legday_catches() -> None:
    """planner.cli catches typer._click's UsageError and NoArgsIsHelpError (typer exports neither):
    they must exist and be what typer raises, at the lowest typer the project allows and the newest."""
    import typer
    from typer._click.core import Context
    from typer._click.exceptions import NoArgsIsHelpError, UsageError
    from typer.main import get_command

    app = typer.Typer()

    @app.command()
    def one(count: int = 1) -> None:
        """A command that takes one option."""

    command = get_command(app)
    with pytest.raises(UsageError) as raised:
        command.main(["--bogus"], standalone_mode=False)
    assert isinstance(raised.value.ctx, Context)
    assert issubclass(NoArgsIsHelpError, UsageError)
