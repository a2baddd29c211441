"""Integer programs for the planner, and solving them exactly with HiGHS.

`IntegerProgram` is a mixed-integer program in row form, built in plain Python; `solve` hands it to
HiGHS and returns the optimal values (or None when no solution exists). The model travels to HiGHS as
a CPLEX LP file (`lp_format`), because HiGHS's Python layer imports numpy, about 120 ms of
`legday plan`'s start-up, as soon as highspy is imported or a list is passed where it expects an
array; its compiled core reads LP files and takes scalars without numpy.
"""

import contextlib
import math
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from exercises.exceptions import LegdayError

if TYPE_CHECKING:
    from types import ModuleType

    from highspy import _core


@dataclass
class IntegerProgram:
    """A mixed-integer program in row form, built in plain Python and handed to HiGHS at once. Each
    column has a name that says what it is (`sets_2_14`: sets of option 14 on day 2); the names
    travel in the LP file and are checked when HiGHS reads it back."""

    names: list[str]
    cost: list[float]
    lower: list[float]
    upper: list[float]
    integer: list[bool]
    rows: list[tuple[float, float, dict[int, float]]]

    @classmethod
    def empty(cls) -> "IntegerProgram":
        """A program with no columns and no rows."""
        return cls([], [], [], [], [], [])

    def variable(self, name: str, lower: float, upper: float, *, integer: bool, cost: float = 0.0) -> int:
        """Add a column with its bounds and objective cost; returns its index."""
        self.names.append(name)
        self.cost.append(cost)
        self.lower.append(lower)
        self.upper.append(upper)
        self.integer.append(integer)
        return len(self.cost) - 1

    def row(self, lower: float, upper: float, terms: Mapping[int, float]) -> None:
        """Add a row `lower <= sum(coefficient x column) <= upper`; zero coefficients are dropped."""
        self.rows.append((lower, upper, {k: v for k, v in terms.items() if v != 0}))


# --- The model as an LP file ----------------------------------------------------------------------

#: Longest line the writer emits: HiGHS reads lines of any length; CPLEX's LP format allows 560
#: characters (510 in older versions), and short lines are easier to read.
LP_LINE_LENGTH: Final = 255
#: Column names the writer accepts: a letter, then letters, digits and underscores. None can be
#: read as a number, a sign, an operator or a row name.
#: HiGHS's primal solution status for "a feasible solution is known" (kSolutionStatusFeasible).
_FEASIBLE_SOLUTION: Final = 2
_LP_NAME: Final = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,99}")
#: Words an LP reader takes for something other than a column (section keywords, 'free').
_LP_RESERVED: Final = frozenset(
    {
        *("minimize", "min", "minimum", "maximize", "max", "maximum", "subject", "such", "st"),
        *("bounds", "bound", "general", "generals", "gen", "binary", "binaries", "bin"),
        *("semi", "semis", "sos", "end", "free"),
    }
)
#: Names a reader takes for a number: C's strtod (HiGHS) reads 'inf...' and 'nan...' as numbers, and
#: CPLEX keeps 'e' alone or followed by a digit or another 'e' for exponents.
_LP_NUMBER_LIKE: Final = re.compile(r"(?i)inf|nan|e$|e[0-9e]")


def lp_number(value: float) -> str:
    """A float as an LP file number: Python's repr, the shortest text that reads back (with C's
    strtod, as HiGHS reads) as the same float; 'inf' and '-inf' for the infinities."""
    number = float(value)
    if math.isnan(number):
        raise ValueError("an LP file cannot hold NaN")
    return repr(number)


def _lp_name_error(name: str) -> str | None:
    if not _LP_NAME.fullmatch(name):
        return "a letter, then up to 99 letters, digits or underscores"
    if name.lower() in _LP_RESERVED or _LP_NUMBER_LIKE.match(name):
        return "no LP keyword and not read as a number ('inf...', 'nan...', 'e', 'e1...', 'ee...')"
    return None


def _lp_expression(names: Sequence[str], terms: Iterable[tuple[int, float]]) -> list[str]:
    """' + 2.0 sets_0_1', ' - 5.0 used_0_1', ...: one piece per term, sign apart from the number."""
    pieces = []
    for column, coefficient in terms:
        sign = "-" if math.copysign(1.0, coefficient) < 0 else "+"
        pieces.append(f" {sign} {lp_number(abs(coefficient))} {names[column]}")
    return pieces


def _lp_lines(pieces: Iterable[str]) -> list[str]:
    """The pieces joined into lines of at most LP_LINE_LENGTH characters, each continuation line
    starting with a space; a reader takes the line breaks as spaces."""
    lines: list[str] = []
    line = ""
    for piece in pieces:
        if line and len(line) + len(piece) > LP_LINE_LENGTH:
            lines.append(line)
            line = ""
        line += piece
    if line:
        lines.append(line)
    return lines


def lp_format(model: IntegerProgram) -> str:
    """The model as a CPLEX LP file that HiGHS reads back into the same columns and rows, in order.

    - The objective lists every column, zero costs too, in column order: a reader numbers the
      columns in the order it first meets them, so the file's columns are the model's.
    - Rows keep their order and are named r0, r1, ... LP files have no ranged rows: a row with
      two finite, different bounds is written with its lower bound only, and the caller sets its
      upper bound once the file is read (`load_model` does).
    - Every column gets its bounds; integer columns are listed under General, or under Binary
      when their bounds are exactly 0 and 1.
    - Numbers are written with `lp_number`, so nothing is lost; lines stay within LP_LINE_LENGTH.

    Raises ValueError for a column name an LP file cannot hold safely, a repeated name, NaN, or a
    lower bound of +inf or an upper bound of -inf (which no value meets).
    """
    seen: set[str] = set()
    for name in model.names:
        problem = _lp_name_error(name)
        if problem is not None:
            raise ValueError(f"LP column name {name!r}: must be {problem}")
        if name in seen:
            raise ValueError(f"LP column name {name!r} is used twice")
        seen.add(name)
    bounds = [*zip(model.lower, model.upper, strict=True), *((row[0], row[1]) for row in model.rows)]
    if any(lower == math.inf or upper == -math.inf for lower, upper in bounds):
        raise ValueError("an LP file cannot hold a lower bound of +inf or an upper bound of -inf")
    names = model.names
    lines = ["\\ legday weekly plan model", "Minimize"]
    lines += _lp_lines([" obj:", *_lp_expression(names, enumerate(model.cost))])
    if model.rows:
        lines.append("Subject To")
    for index, (lower, upper, terms) in enumerate(model.rows):
        if lower == upper:
            relation = f" = {lp_number(lower)}"
        elif lower == -math.inf:
            relation = f" <= {lp_number(upper)}"
        else:
            relation = f" >= {lp_number(lower)}"
        lines += _lp_lines([f" r{index}:", *_lp_expression(names, sorted(terms.items())), relation])
    lines.append("Bounds")
    lines += [
        f" {lp_number(low)} <= {name} <= {lp_number(high)}"
        for name, low, high in zip(names, model.lower, model.upper, strict=True)
    ]
    binary = [
        f" {name}" for j, name in enumerate(names) if model.integer[j] and (model.lower[j], model.upper[j]) == (0, 1)
    ]
    general = [
        f" {name}" for j, name in enumerate(names) if model.integer[j] and (model.lower[j], model.upper[j]) != (0, 1)
    ]
    for section, listed in (("General", general), ("Binary", binary)):
        if listed:
            lines.append(section)
            lines += _lp_lines(listed)
    lines.append("End")
    return "\n".join(lines) + "\n"


def _ranged(lower: float, upper: float) -> bool:
    """Whether a row has two finite, different bounds (which an LP file cannot say)."""
    return lower != upper and math.isfinite(lower) and math.isfinite(upper)


# --- Solving with HiGHS ---------------------------------------------------------------------------


def _highs_core() -> "ModuleType":
    """HiGHS's compiled core, `highspy._core`, loaded without running highspy/__init__.py (which
    imports numpy). When loading it directly fails for any reason (another layout or platform),
    the ordinary package import gives it, so solving never depends on this shortcut."""
    loaded = sys.modules.get("highspy._core")
    if loaded is not None:
        return loaded
    try:
        return _load_core_directly()
    except Exception:  # any failure at all: the ordinary import below is always right
        from highspy import _core

        return _core


def _load_core_directly() -> "ModuleType":
    """Load highspy's extension module file itself, registered under its own name, so a later
    `import highspy` uses this same module rather than loading the library twice."""
    import importlib.machinery
    import importlib.util

    package = importlib.util.find_spec("highspy")
    if package is None or not package.submodule_search_locations:
        raise ImportError("highspy is not installed as a package")
    for directory in package.submodule_search_locations:
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = os.path.join(directory, "_core" + suffix)
            if not os.path.isfile(path):
                continue
            loader = importlib.machinery.ExtensionFileLoader("highspy._core", path)
            spec = importlib.util.spec_from_file_location("highspy._core", path, loader=loader)
            if spec is None:
                break
            module = importlib.util.module_from_spec(spec)
            loader.exec_module(module)
            if not hasattr(module, "_Highs"):
                raise ImportError(f"{path} is not HiGHS's core")
            sys.modules["highspy._core"] = module
            return module
    raise ImportError("highspy's compiled core was not found")


def _highs(core: "ModuleType") -> "_core._Highs":
    """A HiGHS instance that prints nothing and solves the same way every time."""
    # highspy.Highs() prints a banner to standard output when it is made, which would spoil
    # `plan --json`; the core class it wraps solves the same and stays quiet with output off.
    solver: _core._Highs = core._Highs()
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("threads", 1)
    solver.setOptionValue("random_seed", 0)
    solver.setOptionValue("mip_rel_gap", 0.0)
    solver.setOptionValue("mip_abs_gap", OBJECTIVE_TOLERANCE)
    return solver


def load_model(solver: "_core._Highs", core: "ModuleType", model: IntegerProgram) -> None:
    """Hand the model to HiGHS through a temporary LP file (deleted afterwards), set the upper
    bounds of ranged rows, and check HiGHS holds the model's columns in the model's order."""
    text = lp_format(model)
    path = None
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".lp", encoding="ascii", delete=False) as file:
            path = file.name
            file.write(text)
        status = solver.readModel(path)
    except OSError as exc:
        folder = tempfile.gettempdir()
        raise LegdayError(
            f"cannot write the plan's model to the temporary folder {folder}: {exc.strerror or exc}; "
            "set TMPDIR to a writable folder"
        ) from None
    finally:
        if path is not None:
            with contextlib.suppress(OSError):
                os.unlink(path)
    if status != core.HighsStatus.kOk:
        raise RuntimeError(f"HiGHS could not read the plan model: {status}")
    if solver.getNumCol() != len(model.names) or solver.getNumRow() != len(model.rows):
        raise RuntimeError("HiGHS read the plan model with other columns or rows than written")
    for column, name in enumerate(model.names):
        if solver.getColName(column)[1] != name:
            raise RuntimeError(f"HiGHS read the plan model's column {column} as another column than {name}")
    for index, (lower, upper, _) in enumerate(model.rows):
        if _ranged(lower, upper):
            solver.changeRowBounds(index, lower, upper)


#: Objective values within this of each other count as equal: HiGHS's absolute gap (`_highs`).
OBJECTIVE_TOLERANCE: Final = 1e-6


def break_ties(model: IntegerProgram, values: Sequence[float], weights: Mapping[int, float]) -> None:
    """Turn a solved model into its tie-break: its objective kept at most what `values` (its
    optimum) make it, and `weights` (column: weight) the objective, so that among its equally good
    solutions the one least in the weights is found, whichever a solver would have stopped at."""
    objective = {column: cost for column, cost in enumerate(model.cost) if cost}
    best = sum(cost * (round(values[c]) if model.integer[c] else values[c]) for c, cost in objective.items())
    model.row(-math.inf, best + OBJECTIVE_TOLERANCE, objective)
    model.cost = [weights.get(column, 0.0) for column in range(len(model.cost))]


class SearchLimitReached(Exception):
    """HiGHS stopped at the node limit before settling the model: `best` holds the best solution it
    found, or None when it found none (then whether the model has a solution is not known)."""

    def __init__(self, best: list[float] | None) -> None:
        super().__init__("the branch-and-bound search reached its node limit")
        self.best = best


def solve(model: IntegerProgram, *, node_limit: int | None = None) -> list[float] | None:
    """Solve the model exactly (a relative gap of 0): the variable values, or None when it is
    infeasible.

    No known solution is handed to HiGHS as a start: highspy 1.16, given one, can return it as
    optimal with an objective value that is not its own where a better solution exists.

    With `node_limit`, the search stops after that many branch-and-bound nodes and raises
    SearchLimitReached when it has not settled the model by then. A count of nodes, not a time
    limit: the same model stops at the same place on every machine, so outputs stay deterministic.
    """
    core = _highs_core()
    solver = _highs(core)
    if node_limit is not None:
        solver.setOptionValue("mip_max_nodes", node_limit)
    load_model(solver, core, model)
    solver.run()
    status = solver.getModelStatus()
    if status == core.HighsModelStatus.kInfeasible:
        return None
    if node_limit is not None and status == core.HighsModelStatus.kSolutionLimit:
        found = int(solver.getInfo().primal_solution_status) == _FEASIBLE_SOLUTION
        raise SearchLimitReached(list(solver.getSolution().col_value) if found else None)
    if status != core.HighsModelStatus.kOptimal:
        raise RuntimeError(f"HiGHS stopped without an answer: {solver.modelStatusToString(status)}")
    return list(solver.getSolution().col_value)
