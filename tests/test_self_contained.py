"""The repository stands alone: nothing in it points outside it, and the docs it points to exist."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Paths into the folder beside the repository, where the project once kept its contract, its
#: reference facts and its benchmark floor. Written as patterns so this file does not match itself.
_OUTSIDE = re.compile(r"\.\./shared\b|\bshared/(?:SPEC|reference|bench)\b|\bSPEC\.md\b")
#: Relative Markdown links: [text](target).
_LINK = re.compile(r"\]\((?!https?://|mailto:|#)([^)#\s]+)")


def _tracked_files() -> list[Path]:
    """The files git tracks, or every file of a checkout without git metadata (an unpacked sdist)."""
    git = shutil.which("git")
    if git is not None and (ROOT / ".git").exists():
        listed = subprocess.run([git, "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        return [ROOT / name for name in listed.decode().split("\0") if name]
    skipped = {
        ".git",
        ".venv",
        "venv",
        "build",
        "dist",
        "__pycache__",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        "venv-floors",
    }
    return [
        path
        for path in ROOT.rglob("*")
        if path.is_file() and not skipped.intersection(path.relative_to(ROOT).parts[:-1])
    ]


def test_no_file_refers_outside_the_repository() -> None:
    files = [path for path in _tracked_files() if path.is_file()]
    assert any(path.name == "README.md" for path in files)
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_bytes().decode("utf-8", errors="replace").splitlines(), 1)
        if _OUTSIDE.search(line)
    ]
    assert found == []


@pytest.mark.parametrize("page", ["README.md", *sorted(p.relative_to(ROOT).as_posix() for p in ROOT.glob("docs/*.md"))])
def test_relative_links_of_the_docs_lead_to_files_in_the_repository(page: str) -> None:
    source = ROOT / page
    targets = _LINK.findall(source.read_text(encoding="utf-8"))
    missing = [
        t for t in targets if not (source.parent / t).resolve().is_relative_to(ROOT) or not (source.parent / t).exists()
    ]
    assert missing == []


def test_the_docs_cover_what_the_readme_promises() -> None:
    pages = {path.name for path in (ROOT / "docs").glob("*.md")}
    assert {"README.md", "command-line.md", "plan-file.md", "catalog-file.md", "json.md", "training-logs.md"} <= pages
    assert "sources.md" in pages
    assert (ROOT / "benchmarks" / "floor.py").is_file()


def test_the_readmes_test_command_ends_with_the_count_of_tests() -> None:
    """`python -m pytest`, as the README runs it, must end with a summary line such as '3 passed in 0.5s'
    (the project's addopts must not quiet it away)."""
    one_test = "tests/test_self_contained.py::test_the_docs_cover_what_the_readme_promises"
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", one_test],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.fullmatch(r"=*\s*1 passed in [\d.]+s\s*=*", done.stdout.strip().splitlines()[-1])
