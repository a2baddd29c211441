"""The solver: integer programs as LP files that HiGHS reads back exactly, solved to their known
optima, and HiGHS's core loaded without numpy."""

import hashlib
import math
import os
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises.catalog import Catalog
from planner.generate import PlanRequest, generate_plan
from planner.plan_file import plan_to_toml
from planner.solver import LP_LINE_LENGTH, IntegerProgram, break_ties, load_model, lp_format, lp_number, solve

# --- The models as LP files -----------------------------------------------------------------------


def lp_model(
    columns: Sequence[tuple[str, float, float, bool, float]], rows: Sequence[tuple[float, float, dict[int, float]]]
) -> IntegerProgram:
    """A model of (name, lower, upper, integer, cost) columns and (lower, upper, terms) rows."""
    model = IntegerProgram.empty()
    for name, lower, upper, integer, cost in columns:
        model.variable(name, lower, upper, integer=integer, cost=cost)
    for lower, upper, terms in rows:
        model.row(lower, upper, terms)
    return model


#: min 3x + 2y + 0.5b + 2s with x + 2y + s >= 3.5, 0 <= y - b <= 1 (ranged), x + b = 1, x - s <= 5;
#: x, y integer in 0..10, b binary, s >= 0. Optimum 4.5 at y = 2, b = 1 and nowhere else; without the
#: ranged row's upper bound it would be 4 (y = 2, b = 0), without integrality 3.875.
TINY = lp_model(
    [("x", 0, 10, True, 3.0), ("y", 0, 10, True, 2.0), ("b", 0, 1, True, 0.5), ("s", 0, math.inf, False, 2.0)],
    [(3.5, math.inf, {0: 1, 1: 2, 3: 1}), (0, 1, {1: 1, 2: -1}), (1, 1, {0: 1, 2: 1}), (-math.inf, 5, {0: 1, 3: -1})],
)


def test_a_tiny_model_solved_from_its_lp_file_gives_its_known_optimum() -> None:
    values = solve(TINY)
    assert values is not None
    assert [round(v, 9) for v in values] == [0, 2, 1, 0]


def three_optima() -> IntegerProgram:
    """min x + y + z with x + y + z >= 2, binaries: three optima (any two of the three)."""
    return lp_model([(name, 0, 1, True, 1.0) for name in "xyz"], [(2, math.inf, {0: 1.0, 1: 1.0, 2: 1.0})])


@pytest.mark.parametrize(("weights", "chosen"), [({0: 3.0, 1: 2.0, 2: 1.0}, [0, 1, 1]), ({0: 1.0, 1: 3.0}, [1, 0, 1])])
def test_a_tie_break_picks_the_optimum_least_in_its_weights(weights: dict[int, float], chosen: list[int]) -> None:
    model = three_optima()
    values = solve(model)
    assert values is not None
    break_ties(model, values, weights)
    broken = solve(model)
    assert broken is not None
    assert [round(v) for v in broken] == chosen
    # The objective it replaced is kept at its optimum: no cheaper (all zero) or dearer solution.
    assert model.cost == [weights.get(column, 0.0) for column in range(3)]
    lower, upper, terms = model.rows[-1]
    assert (lower, round(upper, 5), terms) == (-math.inf, 2.0, {0: 1.0, 1: 1.0, 2: 1.0})


def test_an_infeasible_model_gives_none() -> None:
    model = lp_model([("x", 0, 3, True, 1.0)], [(4, math.inf, {0: 1.0})])
    assert solve(model) is None


def test_the_tiny_model_as_an_lp_file() -> None:
    assert lp_format(TINY).splitlines() == [
        "\\ legday weekly plan model",
        "Minimize",
        " obj: + 3.0 x + 2.0 y + 0.5 b + 2.0 s",
        "Subject To",
        " r0: + 1.0 x + 2.0 y + 1.0 s >= 3.5",
        " r1: + 1.0 y - 1.0 b >= 0.0",
        " r2: + 1.0 x + 1.0 b = 1.0",
        " r3: + 1.0 x - 1.0 s <= 5.0",
        "Bounds",
        " 0.0 <= x <= 10.0",
        " 0.0 <= y <= 10.0",
        " 0.0 <= b <= 1.0",
        " 0.0 <= s <= inf",
        "General",
        " x y",
        "Binary",
        " b",
        "End",
    ]


Row = tuple[float, float, dict[str, float]]


def parse_lp(text: str) -> tuple[list[str], list[float], list[tuple[float, float]], set[str], set[str], list[Row]]:
    """Read an LP file as the writer writes it, independently of it: column names in objective
    order, costs, bounds, General and Binary names, rows as (lower, upper, terms by name)."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        if line.startswith("\\"):
            continue
        if not line.startswith(" "):
            current = line
            sections[current] = []
        else:
            sections[current].extend(line.split())
    objective = sections["Minimize"]
    assert objective[0] == "obj:"
    names, costs = [], []
    for sign, number, name in zip(objective[1::3], objective[2::3], objective[3::3], strict=True):
        names.append(name)
        costs.append(float(sign + number))
    rows: list[Row] = []
    tokens = sections.get("Subject To", [])
    at = 0
    while at < len(tokens):
        assert tokens[at] == f"r{len(rows)}:"
        at += 1
        terms: dict[str, float] = {}
        while tokens[at] in "+-":
            terms[tokens[at + 2]] = float(tokens[at] + tokens[at + 1])
            at += 3
        relation, value = tokens[at], float(tokens[at + 1])
        at += 2
        bounds = {">=": (value, math.inf), "<=": (-math.inf, value), "=": (value, value)}[relation]
        rows.append((*bounds, terms))
    bound_tokens = sections["Bounds"]
    column_bounds = []
    for index, name in enumerate(names):
        lower, less, named, less_again, upper = bound_tokens[5 * index : 5 * index + 5]
        assert (less, named, less_again) == ("<=", name, "<=")
        column_bounds.append((float(lower), float(upper)))
    general, binary = set(sections.get("General", [])), set(sections.get("Binary", []))
    assert sections["End"] == []
    return names, costs, column_bounds, general, binary, rows


#: Words an LP reader takes for a section or a free bound (names read as numbers are kept out below).
LP_WORDS = {"minimize", "min", "minimum", "maximize", "max", "maximum", "subject", "such", "st", "bounds", "bound"}
LP_WORDS |= {"general", "generals", "gen", "binary", "binaries", "bin", "semi", "semis", "sos", "end", "free"}
NAMES = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,30}", fullmatch=True).filter(
    lambda name: name.lower() not in LP_WORDS and not re.match(r"(?i)inf|nan|e$|e[0-9e]", name)
)
FINITE = st.floats(allow_nan=False, allow_infinity=False)


def at_least(lower: float) -> Callable[[float], bool]:
    return lambda value: value >= lower


@st.composite
def lp_models(draw: st.DrawFn, values: st.SearchStrategy[float] = FINITE) -> IntegerProgram:
    """Models of any shape and numbers, with names an LP file can hold (others are refused, tested below)."""
    names = draw(st.lists(NAMES, min_size=1, max_size=30, unique=True))
    columns = []
    for name in names:
        lower = draw(st.one_of(st.just(-math.inf), values))
        upper = draw(st.one_of(st.just(math.inf), values.filter(at_least(lower))))
        integer = draw(st.booleans())
        columns.append((name, lower, upper, integer, draw(st.one_of(st.just(0.0), values))))
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        terms = draw(st.dictionaries(st.integers(0, len(names) - 1), values, max_size=len(names)))
        lower = draw(st.one_of(st.just(-math.inf), values))
        equal = st.just(lower) if math.isfinite(lower) else st.nothing()
        upper = draw(st.one_of(st.just(math.inf), equal, values.filter(at_least(lower))))
        rows.append((lower, upper, terms))
    return lp_model(columns, rows)


@settings(max_examples=200, deadline=None)
@given(model=lp_models())
def test_names_and_numbers_round_trip_through_the_lp_text(model: IntegerProgram) -> None:
    names, costs, bounds, general, binary, rows = parse_lp(lp_format(model))
    assert names == model.names
    assert [c.hex() for c in costs] == [float(c).hex() for c in model.cost]
    assert bounds == list(zip(model.lower, model.upper, strict=True))
    assert general | binary == {name for name, integer in zip(names, model.integer, strict=True) if integer}
    assert not general & binary
    assert all(bounds[names.index(name)] == (0, 1) for name in binary)
    expected = [
        (lower, upper if lower in (upper, -math.inf) else math.inf, {names[j]: v for j, v in terms.items()})
        for lower, upper, terms in model.rows
    ]
    assert rows == expected
    assert all(len(line) <= LP_LINE_LENGTH for line in lp_format(model).splitlines())


@settings(max_examples=60, deadline=None)
@given(model=lp_models(st.floats(-1e6, 1e6).filter(lambda v: abs(v) >= 1e-6)))
def test_highs_reads_the_lp_file_back_into_the_same_model(model: IntegerProgram) -> None:
    """Through HiGHS itself, numbers in the range it keeps as they are (it drops matrix values under
    1e-9 and takes bounds from 1e20 as infinite): the same columns, in order, the same rows."""
    from highspy import _core

    solver = _core._Highs()
    solver.setOptionValue("output_flag", False)
    load_model(solver, _core, model)
    assert [solver.getColName(j)[1] for j in range(len(model.names))] == model.names
    lp = solver.getLp()
    assert list(lp.col_cost_) == model.cost
    assert list(lp.col_lower_) == model.lower
    assert list(lp.col_upper_) == model.upper
    integrality = list(lp.integrality_) or [_core.HighsVarType.kContinuous] * len(model.names)
    assert [kind == _core.HighsVarType.kInteger for kind in integrality] == model.integer
    assert list(lp.row_lower_) == [row[0] for row in model.rows]
    assert list(lp.row_upper_) == [row[1] for row in model.rows]
    matrix = lp.a_matrix_
    assert matrix.format_ == _core.MatrixFormat.kColwise
    read = {
        (int(matrix.index_[k]), j): float(matrix.value_[k])
        for j in range(len(model.names))
        for k in range(matrix.start_[j], matrix.start_[j + 1])
    }
    assert read == {(i, j): v for i, (_, _, terms) in enumerate(model.rows) for j, v in terms.items()}


def test_long_rows_are_broken_over_lines_and_read_whole() -> None:
    """560 sets columns in one row: the fewest sets giving at least 12 from weights 0.5, 1.5 and 2.5
    are five of weight 2.5 (12.5), which HiGHS finds only if it reads the whole row."""
    columns = [(f"sets_{d}_{i}", 0, 5, True, 1.0) for d in range(7) for i in range(80)]
    weights = {j: 0.5 + j % 3 for j in range(len(columns))}
    model = lp_model(columns, [(12, 40, weights)])
    text = lp_format(model)
    assert max(len(line) for line in text.splitlines()) <= LP_LINE_LENGTH
    assert len(text.splitlines()) > 20
    values = solve(model)
    assert values is not None
    assert sum(values) == pytest.approx(5)
    assert sum(v * weights[j] for j, v in enumerate(values)) == pytest.approx(12.5)


@pytest.mark.parametrize(
    "name", ["1x", "x-y", "x y", "", "Inflate", "nan_1", "end", "FREE", "st", "e", "e24", "E9cats", "eels", "a" * 101]
)
def test_names_an_lp_file_cannot_hold_safely_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="LP column name"):
        lp_format(lp_model([(name, 0, 1, True, 1.0)], []))


def test_a_repeated_name_or_nan_is_refused() -> None:
    with pytest.raises(ValueError, match="used twice"):
        lp_format(lp_model([("x", 0, 1, True, 1.0), ("x", 0, 1, True, 1.0)], []))
    with pytest.raises(ValueError, match="NaN"):
        lp_format(lp_model([("x", 0, 1, True, math.nan)], []))


@settings(max_examples=300)
@given(value=st.floats(allow_nan=False))
def test_lp_numbers_read_back_as_the_same_float(value: float) -> None:
    text = lp_number(value)
    assert float(text) == value
    assert math.copysign(1.0, float(text)) == math.copysign(1.0, value)
    assert " " not in text


@pytest.mark.parametrize(("lower", "upper"), [(math.inf, math.inf), (-math.inf, -math.inf)])
def test_bounds_no_value_meets_are_refused(lower: float, upper: float) -> None:
    with pytest.raises(ValueError, match="cannot hold"):
        lp_format(lp_model([("x", lower, upper, False, 1.0)], []))
    with pytest.raises(ValueError, match="cannot hold"):
        lp_format(lp_model([("x", 0, 1, False, 1.0)], [(lower, upper, {0: 1.0})]))


# --- Loading HiGHS --------------------------------------------------------------------------------


def run_python(script: str) -> list[str]:
    """Run a script in a fresh interpreter (nothing imported yet) and return its output's words."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


PLAN_AND_REPORT = (
    "from exercises.catalog import load_catalog\n"
    "from planner.generate import PlanRequest, generate_plan\n"
    "from planner.plan_file import plan_to_toml\n"
    "import hashlib, sys\n"
    "plan = plan_to_toml(generate_plan(PlanRequest(days=3), load_catalog()))\n"
    "print(hashlib.sha256(plan).hexdigest(), 'numpy' in sys.modules, 'highspy' in sys.modules)\n"
)


def test_highs_core_is_loaded_without_numpy_and_shared_with_a_later_highspy_import() -> None:
    words = run_python(
        PLAN_AND_REPORT + "import highspy\nprint(highspy._Highs is sys.modules['highspy._core']._Highs)\n"
    )
    assert words[1:] == ["False", "False", "True"]


def test_when_loading_the_core_directly_fails_the_package_import_gives_the_same_plan(catalog: Catalog) -> None:
    loaded = run_python(PLAN_AND_REPORT)
    fallen_back = run_python(
        "import planner.solver\n"
        "def fail():\n"
        "    raise OSError('another layout')\n"
        "planner.solver._load_core_directly = fail\n" + PLAN_AND_REPORT
    )
    assert fallen_back[0] == loaded[0]
    # The fallback imports the highspy package (which may or may not import numpy, by version).
    assert fallen_back[2] == "True"
    assert loaded[1:] == ["False", "False"]
    expected = plan_to_toml(generate_plan(PlanRequest(days=3), catalog))
    assert loaded[0] == hashlib.sha256(expected).hexdigest()
