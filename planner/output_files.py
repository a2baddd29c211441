"""Writing output files atomically: a temporary file beside the target, then a rename.

A failure leaves no partial file and never touches an existing one; an existing file is replaced
only with --force. A symbolic link is followed, so the file it points to is replaced and the link
kept; a device or a pipe that exists (/dev/stdout, /dev/null, a FIFO) is written to as it is, since
it cannot be replaced by a rename and holds no file to lose.
"""

import contextlib
import os
import stat
from pathlib import Path

from exercises.exceptions import OutputExistsError, OutputFileError


def check_output(path: Path, *, force: bool = False) -> None:
    """Raise OutputFileError when `path` cannot be written (a directory, a file that exists
    without `force`, a folder that does not exist, a name the system refuses); else return.

    Commands that write several files check them all first, so that one bad path leaves none written.
    """
    _writable_target(path, force=force)


def _writable_target(path: Path, *, force: bool) -> tuple[Path, bool]:
    """The file to write (a link followed) and whether it is a device or pipe written in place."""
    try:
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        if target.is_dir():
            raise OutputFileError(f"{path}: is a directory; give a file name")
        if target.exists():
            if not stat.S_ISREG(target.stat().st_mode):
                return target, True
            if not force:
                raise OutputExistsError(f"{path}: already exists")
        directory = target.parent
        if not directory.exists():
            raise OutputFileError(f"{path}: the directory {directory} does not exist")
        if not directory.is_dir():
            raise OutputFileError(f"{path}: {directory} is a file, not a directory")
    except OSError as exc:
        raise OutputFileError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return target, False


def write_output(path: Path, content: bytes, *, force: bool = False) -> None:
    """Write `content` to `path` atomically; refuses to overwrite unless `force`."""
    target, in_place = _writable_target(path, force=force)
    if in_place:
        try:
            with open(target, "wb") as stream:
                stream.write(content)
        except OSError as exc:
            raise OutputFileError(f"{path}: cannot write: {exc.strerror or exc}") from None
        return
    import tempfile  # only when writing: it pulls in random, which reading commands never need

    try:
        # A short name of its own: the target's name plus a suffix could pass the system's limit.
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".legday-", suffix=".tmp")
    except OSError as exc:
        raise OutputFileError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():  # keep the permissions of the file being replaced
            os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputFileError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
