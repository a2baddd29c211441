"""Writing output files atomically: a temporary file beside the target, then a rename.

A failure leaves no partial file and never touches an existing one; an existing file is replaced
only with --force.
"""

import contextlib
import os
from pathlib import Path

from exercises.exceptions import OutputFileError


def write_output(path: Path, content: bytes, *, force: bool = False) -> None:
    """Write `content` to `path` atomically; refuses to overwrite unless `force`."""
    if path.is_dir():
        raise OutputFileError(f"{path}: is a directory; give a file name")
    if path.exists() and not force:
        raise OutputFileError(f"{path}: already exists; use --force to overwrite it")
    import tempfile  # only when writing: it pulls in random, which reading commands never need

    directory = path.parent
    if not directory.is_dir():
        raise OutputFileError(f"{path}: the directory {directory} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputFileError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():  # keep the permissions of the file being replaced
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputFileError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
