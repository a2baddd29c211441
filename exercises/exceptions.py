"""legday's exceptions: one base class carrying a one-line message for the user and an exit code.

The library raises these; the command line turns them into a line on stderr and the exit code, in one
place (`planner.cli`). The library never words command-line options: an error about a parameter
names it (`parameters`), and an unmet request carries what blocks it and the ways out as data
(exercises.ways_out); the command line words both.
"""

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from exercises.ways_out import Limit, WayOut


class ExitCode(IntEnum):
    """The exit codes of the command line (docs/command-line.md)."""

    OK = 0
    UNMET = 1
    BAD_INPUT = 2


class LegdayError(Exception):
    """Base of every error legday reports to a user."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: str, *, parameters: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        #: The parameters of the call the message is about, by name ('start', 'weeks'), if any.
        self.parameters = parameters


class InputError(LegdayError):
    """Bad input or usage: a malformed file, an unknown name, an invalid number."""

    @property
    def problems(self) -> "tuple[InputError, ...]":
        """The separate problems this error reports, each with its own message: itself, unless it
        gathers several (InputErrors)."""
        return (self,)


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
        #: Where the name was written ('plan.toml:7'), when it came from a file.
        self.where: str | None = None

    def located(self, where: str, field: str = "") -> "UnknownNameError":
        """The same unknown name, found at `where` ('plan.toml:7') in `field` ('days[0].exercises[1].exercise');
        the message starts with both, as every error about a file does."""
        located = UnknownNameError(self.kind, self.name, self.suggestions)
        located.where = where
        located.message = ": ".join(part for part in (where, field, self.message) if part)
        located.args = (located.message,)
        return located


class InputErrors(InputError):
    """Several problems of one run, reported together so a person fixes them in one go: `problems`
    in the order found, each with its own message (naming its file and line where it has one);
    `unknown_names` are the unknown names among them, with their suggestions and where they were."""

    def __init__(self, errors: "Sequence[InputError]") -> None:
        flat = tuple(problem for error in errors for problem in error.problems)
        if not flat:
            raise ValueError("InputErrors needs at least one error")
        super().__init__("; ".join(problem.message for problem in flat))
        self._problems = flat

    @property
    def problems(self) -> tuple[InputError, ...]:
        """Every problem, one by one."""
        return self._problems

    @property
    def unknown_names(self) -> tuple[UnknownNameError, ...]:
        """The unknown names among the problems."""
        return tuple(problem for problem in self._problems if isinstance(problem, UnknownNameError))

    @classmethod
    def of(cls, errors: "Sequence[InputError]") -> InputError:
        """One error for `errors`: the error itself when there is one, else them all together."""
        return errors[0] if len(errors) == 1 else cls(errors)


class FileFormatError(InputError):
    """A file that cannot be read or does not follow its format; the message names the file."""


class FileErrors(InputErrors, FileFormatError):
    """Every problem found in one file, each naming the file and its line (FILE:LINE: ...)."""


class OutputFileError(InputError):
    """An output file that cannot be written."""


class OutputExistsError(OutputFileError):
    """An output file that exists, and overwriting was not asked for."""


class UnmetRequestError(LegdayError):
    """Valid input, but the request cannot be met (a plan that cannot exist, a strict check failed).

    The message says why; `limit` is what blocks the request and `muscles` (ids) the muscles it holds
    back, where known; `ways_out` are the changes of the request that would meet it, best first.
    """

    exit_code = ExitCode.UNMET

    def __init__(
        self,
        message: str,
        *,
        limit: "Limit | None" = None,
        muscles: tuple[str, ...] = (),
        ways_out: "tuple[WayOut, ...]" = (),
    ) -> None:
        super().__init__(message)
        self.limit = limit
        self.muscles = muscles
        self.ways_out = ways_out


class TargetsUnmetError(UnmetRequestError):
    """A routine misses muscles or leaves them under their weekly target (a strict coverage check);
    `week` is the week of a block that does, if the routine is a block."""

    def __init__(self, missed: tuple[str, ...], under: tuple[str, ...], *, week: int | None = None) -> None:
        parts = []
        if missed:
            parts.append(f"missed: {', '.join(missed)}")
        if under:
            parts.append(f"under target: {', '.join(under)}")
        super().__init__("; ".join(parts), muscles=(*missed, *under))
        self.missed = missed
        self.under = under
        self.week = week
