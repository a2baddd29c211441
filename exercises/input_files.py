"""Reading the bytes of a file a person named on the command line, or standard input for '-'."""

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
