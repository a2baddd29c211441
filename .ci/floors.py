"""Print a pip constraints file that pins every dependency in pyproject.toml to its declared floor.

    python .ci/floors.py > floors.txt && pip install -c floors.txt '.[test]'

installs the project's direct dependencies (and its test extras) at the lowest versions it claims to
support, so the tests can prove the claim. Every dependency must declare a floor with `>=`.
"""

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_REQUIREMENT = re.compile(r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?P<specifiers>[^;]*)")


def floors(pyproject: dict[str, object]) -> dict[str, str]:
    """Each requirement's name and the version of its `>=` specifier, runtime and optional alike."""
    project = pyproject["project"]
    assert isinstance(project, dict)
    requirements: list[str] = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    found: dict[str, str] = {}
    for requirement in requirements:
        match = _REQUIREMENT.match(requirement)
        if match is None:
            raise SystemExit(f"floors.py: cannot read the requirement {requirement!r}")
        specifiers = [spec.strip() for spec in match["specifiers"].split(",")]
        versions = [spec[2:].strip() for spec in specifiers if spec.startswith(">=")]
        if len(versions) != 1:
            raise SystemExit(f"floors.py: {requirement!r} needs exactly one '>=' floor")
        found[match["name"]] = versions[0]
    return found


def main() -> None:
    """Write the constraints to standard output."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for name, version in floors(pyproject).items():
        sys.stdout.write(f"{name}=={version}\n")


if __name__ == "__main__":
    main()
