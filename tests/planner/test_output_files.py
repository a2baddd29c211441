"""Output files: atomic writes, no overwrite without --force, links followed, devices and pipes
written in place, and every refusal one clear message before anything is written."""

import os
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from exercises.exceptions import OutputExistsError, OutputFileError
from planner.output_files import check_output, write_output


def test_a_new_file_is_written_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    write_output(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]


def test_an_existing_file_needs_force_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    target.write_bytes(b"old")
    target.chmod(0o600)
    with pytest.raises(OutputExistsError, match="already exists"):
        write_output(target, b"new")
    assert target.read_bytes() == b"old"
    write_output(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (lambda root: root / "folder", "is a directory; give a file name"),
        (lambda root: root / "missing" / "plan.toml", "the directory"),
        (lambda root: root / "file.txt" / "plan.toml", "is a file, not a directory"),
        (lambda root: root / ("a" * 300), "cannot write: File name too long"),
    ],
)
def test_paths_that_cannot_be_written_are_refused_before_writing(make: object, phrase: str, tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text("keep")
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(OutputFileError, match=phrase) as caught:
        check_output(path, force=True)
    assert "\n" not in caught.value.message
    with pytest.raises(OutputFileError, match=phrase):
        write_output(path, b"x", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "folder"]


def test_a_long_name_the_system_allows_is_written(tmp_path: Path) -> None:
    """The temporary file has a short name of its own, so a target name near the limit still works."""
    target = tmp_path / ("b" * 245)
    write_output(target, b"ok")
    assert target.read_bytes() == b"ok"


def test_a_symbolic_link_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    write_output(link, b"new", force=True)
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, b"through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert fifo.exists()
    assert not fifo.is_file(), "still a pipe, not replaced by a file"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_a_device_is_written_in_place_and_never_replaced() -> None:
    before = os.stat("/dev/null")
    write_output(Path("/dev/null"), b"discarded")
    write_output(Path("/dev/null"), b"discarded", force=True)
    after = os.stat("/dev/null")
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_plan_checks_every_output_before_writing_any(
    tmp_path: Path, run_legday: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """A bad --svg path fails the command before -o has replaced or created anything."""
    kept = tmp_path / "keep.toml"
    kept.write_text("ORIGINAL")
    new = tmp_path / "new.toml"
    bad_svg = str(tmp_path / "no" / "map.svg")
    for done in (
        run_legday("plan", "-o", str(kept), "--force", "--svg", bad_svg),
        run_legday("plan", "-o", str(new), "--svg", bad_svg),
    ):
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1
        assert "the directory" in done.stderr
    assert kept.read_text() == "ORIGINAL"
    assert not new.exists()
