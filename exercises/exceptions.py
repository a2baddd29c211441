"""legday's exceptions: one base class carrying a one-line message for the user and an exit code.

The library raises these; the command line turns them into a line on stderr and the exit code, in one
place (`planner.cli`).
"""

from enum import IntEnum


class ExitCode(IntEnum):
    """The exit codes of the command line (docs/command-line.md)."""

    OK = 0
    UNMET = 1
    BAD_INPUT = 2


class LegdayError(Exception):
    """Base of every error legday reports to a user."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(LegdayError):
    """Bad input or usage: a malformed file, an unknown name, an invalid number."""


class UnknownNameError(InputError):
    """A name that matches no exercise or muscle; carries the closest known name, if any."""

    def __init__(self, kind: str, name: str, suggestions: "str | tuple[str, ...] | None" = None) -> None:
        options = (suggestions,) if isinstance(suggestions, str) else tuple(suggestions or ())
        quoted = [f"'{option}'" for option in options]
        hint = ""
        if quoted:
            listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
            hint = f": did you mean {listed}?"
        super().__init__(f"unknown {kind} '{name}'{hint}")
        self.kind = kind
        self.name = name
        self.suggestions = options
        self.suggestion = options[0] if options else None


class FileFormatError(InputError):
    """A file that cannot be read or does not follow its format; the message names the file."""


class OutputFileError(InputError):
    """An output file that exists without --force, or cannot be written."""


class UnmetRequestError(LegdayError):
    """Valid input, but the request cannot be met (a plan that cannot exist, a strict check failed)."""

    exit_code = ExitCode.UNMET
