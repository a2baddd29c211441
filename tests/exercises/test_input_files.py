"""Reading a named file or standard input: the label and bytes, or one error line naming the file."""

import io
import os
import sys
from pathlib import Path

import pytest

from exercises.exceptions import FileFormatError
from exercises.input_files import decode_text, read_input


def test_a_file_gives_its_path_as_label_and_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "routine.toml"
    path.write_bytes(b"a = 1\r\n\xff")
    assert read_input(path) == (str(path), b"a = 1\r\n\xff")
    assert read_input(str(path)) == (str(path), b"a = 1\r\n\xff")


def test_a_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"Date,Exercise Name\n"))
    monkeypatch.setattr(sys, "stdin", fake)
    assert read_input("-") == ("<stdin>", b"Date,Exercise Name\n")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError) as raised:
        read_input(tmp_path / "nope.csv")
    assert raised.value.message == f"{tmp_path / 'nope.csv'}: no such file"
    with pytest.raises(FileFormatError) as raised:
        read_input(tmp_path)
    assert raised.value.message == f"{tmp_path}: is a directory, not a file"


@pytest.mark.parametrize("name", ["", "  "])
def test_an_empty_name_says_so(name: str) -> None:
    with pytest.raises(FileFormatError, match="an empty file name"):
        read_input(name)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    path.write_bytes(b"")
    path.chmod(0)
    with pytest.raises(FileFormatError) as raised:
        read_input(path)
    assert raised.value.message == f"{path}: cannot read: permission denied"


def test_another_os_error_gives_its_reason(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(FileFormatError) as raised:
        read_input(tmp_path / "file" / "below")  # a file cannot hold another
    assert raised.value.message == f"{tmp_path / 'file' / 'below'}: cannot read: Not a directory"


def test_decode_text_names_the_line_of_the_first_bad_byte() -> None:
    assert decode_text("a = 'café'\n".encode(), "x.toml", "unused") == "a = 'café'\n"
    assert decode_text(b"\xef\xbb\xbfDate\n", "log.csv", "unused", encoding="utf-8-sig") == "Date\n"
    with pytest.raises(FileFormatError) as raised:
        decode_text(b"Date\n2024\n\xe9t\xe9\n", "log.csv", "export it again", encoding="utf-8-sig")
    assert raised.value.message == "log.csv:3: not UTF-8 text (byte 0xe9); export it again"
