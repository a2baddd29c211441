"""Reading a file a person named (or standard input for '-'): its bytes, then its UTF-8 text;
each failure is one error line naming the file."""

import sys
from pathlib import Path
from typing import Final

from exercises.exceptions import FileFormatError

#: The path that means standard input.
STDIN: Final = "-"


def read_input(path: Path | str) -> tuple[str, bytes]:
    """The label that names `path` in error messages ('<stdin>' for '-') and its bytes.

    Every failure to read is a FileFormatError of one line naming the file, so that every reader
    (TOML files, training logs) reports a missing file, a directory or a permission problem alike.
    """
    if not str(path).strip():
        raise FileFormatError("an empty file name: give the file to read, or '-' for standard input")
    label = "<stdin>" if str(path) == STDIN else str(path)
    try:
        raw = sys.stdin.buffer.read() if str(path) == STDIN else Path(path).read_bytes()
    except FileNotFoundError:
        raise FileFormatError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise FileFormatError(f"{label}: is a directory, not a file") from None
    except PermissionError:
        raise FileFormatError(f"{label}: cannot read: permission denied") from None
    except OSError as exc:
        raise FileFormatError(f"{label}: cannot read: {exc.strerror or exc}") from None
    return label, raw


def decode_text(raw: bytes, label: str, advice: str, encoding: str = "utf-8") -> str:
    """The text of UTF-8 bytes (`encoding` "utf-8-sig" also drops a byte-order mark), or a
    FileFormatError naming the line of the first byte that is not UTF-8, followed by `advice`."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FileFormatError(f"{label}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x}); {advice}") from None
