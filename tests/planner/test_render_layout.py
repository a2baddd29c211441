"""Tables for a terminal: whole where they fit, stacked one block per row where a cell would be cut."""

import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from planner.render_layout import fit_to_width, stacked

if TYPE_CHECKING:
    from rich.table import Table
    from typer.testing import Result

ELLIPSIS = "\u2026"
COMMANDS = [
    ["catalog"],
    ["catalog", "--muscle", "soleus"],
    ["catalog", "show", "nordic_curl"],
    ["catalog", "show", "RDL"],
    ["muscles"],
    ["plan"],
    ["plan", "--days", "3"],
    ["coverage", "-e", "RDL", "-e", "toe_curl:2", "-e", "seated_calf_raise"],
]


def _table() -> "Table":
    from rich.table import Table

    table = Table(title="Two rows")
    table.add_column("Name", no_wrap=True)
    table.add_column("Muscles")
    table.add_row("Romanian deadlift", "Semimembranosus, Semitendinosus")
    table.add_row("Seated leg curl", "Biceps femoris, short head")
    return table


def _render(renderable: object, width: int) -> str:
    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=width, no_color=True, legacy_windows=False).print(fit_to_width(renderable))  # type: ignore[arg-type]
    return out.getvalue()


def test_a_table_that_fits_stays_a_table() -> None:
    text = _render(_table(), 120)
    assert "┃ Name" in text
    assert ELLIPSIS not in text


def test_a_table_that_would_be_cut_becomes_blocks() -> None:
    text = _render(_table(), 30)
    assert ELLIPSIS not in text
    assert "┃" not in text
    assert "Muscles: Semimembranosus," in text
    assert text.index("Romanian deadlift") < text.index("Seated leg curl")
    assert all(len(line) <= 30 for line in text.splitlines())


def test_a_table_that_would_squeeze_a_column_to_nothing_becomes_blocks() -> None:
    from rich.table import Table

    # A table that fills the width with ratio columns: rich gives the long first column its words
    # and the ratio columns what is left, down to no width at all, with no ellipsis to show for it.
    table = Table(expand=True)
    table.add_column("Exercise", no_wrap=True)
    table.add_column("Equipment", ratio=1)
    table.add_column("Pattern", ratio=1)
    table.add_row("Single-leg glute bridge with a long name", "bodyweight", "hip extension")
    text = _render(table, 50)
    assert "Equipment: bodyweight" in text
    assert "Pattern:   hip extension" in text


def test_tables_inside_a_group_are_fitted_too() -> None:
    from rich.console import Group
    from rich.text import Text

    text = _render(Group(Text("before"), _table()), 30)
    assert text.startswith("before")
    assert ELLIPSIS not in text


def test_stacked_keeps_every_cell() -> None:
    table = _table()
    text = _render(stacked(table), 80)
    for column in table.columns:
        for cell in column.cells:
            assert str(cell) in text


@pytest.mark.parametrize("columns", [80, 200])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_cell_is_cut(
    cli: Callable[..., "Result"], monkeypatch: pytest.MonkeyPatch, columns: int, args: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert ELLIPSIS not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= columns


@pytest.mark.parametrize("columns", [50, 60, 70, 80])
def test_no_column_is_squeezed_away(
    cli: Callable[..., "Result"], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli("catalog", "--equipment", "bodyweight")
    assert result.exit_code == 0, result.output
    ids = [exercise["id"] for exercise in json.loads(cli("catalog", "--equipment", "bodyweight", "--json").stdout)]
    assert len(ids) >= 10
    for exercise_id in ids:
        assert exercise_id in result.stdout
    assert result.stdout.count("bodyweight") >= len(ids)


@pytest.mark.parametrize("columns", [80, 200])
def test_catalog_of_a_muscle_golden(
    cli: Callable[..., "Result"],
    monkeypatch: pytest.MonkeyPatch,
    golden: Callable[[str, str], None],
    columns: int,
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli("catalog", "--muscle", "soleus")
    assert result.exit_code == 0
    golden(f"catalog_soleus_{columns}.txt", result.stdout)


def test_muscles_golden_at_80(
    cli: Callable[..., "Result"], monkeypatch: pytest.MonkeyPatch, golden: Callable[[str, str], None]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("muscles")
    assert result.exit_code == 0
    golden("muscles_80.txt", result.stdout)
