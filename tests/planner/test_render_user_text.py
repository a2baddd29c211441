"""Names from users (a --catalog file's exercises, a plan file's names, a training log's exercise
names, file paths) show as they were written: rich never reads them as console markup or :emoji:
codes, in the command line's output nor in the renderables themselves."""

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from exercises.catalog import Catalog, load_catalog

if TYPE_CHECKING:
    from rich.console import RenderableType
    from typer.testing import Result

Cli = Callable[..., "Result"]

#: Each would lose text to rich's markup or turn into an emoji: '[bold]' is a style, ':fire:' is 🔥.
NAME = "Towel curl [bold] :fire:"
ALIAS = "[red]Slider[/red] curl :fire:"
NOTES = "Heels on a towel [i]on a smooth floor[/i] :thumbs_up:"
SOURCE = "Coach [b]notes[/b] :fire:"
PLAN_NAME = "[red]x[/red]"
DAY_NAME = "[bold]Leg day[/bold] :fire:"
CATALOG = f"""\
[[exercises]]
id = "towel_slide_curl"
name = "{NAME}"
aliases = ["{ALIAS}"]
equipment = ["bodyweight"]
pattern = "knee_flexion"
muscles = {{ primary = ["hamstrings"], secondary = ["gastrocnemius"] }}
notes = "{NOTES}"
evidence = [{{ level = "X", source = "{SOURCE}", muscles = ["semitendinosus"] }}]
"""
PLAN = f"""\
name = "{PLAN_NAME}"

[[days]]
name = "{DAY_NAME}"
exercises = [
  {{ exercise = "{NAME}", sets = 3 }},
  {{ exercise = "romanian_deadlift", sets = 3 }},
  {{ exercise = "standing_calf_raise", sets = 3 }},
  {{ exercise = "seated_calf_raise", sets = 3 }},
  {{ exercise = "toe_curl", sets = 3 }},
]

[[days]]
name = "Day two"
exercises = [
  {{ exercise = "towel_slide_curl", sets = 3 }},
  {{ exercise = "romanian_deadlift", sets = 3 }},
  {{ exercise = "standing_calf_raise", sets = 3 }},
  {{ exercise = "seated_calf_raise", sets = 3 }},
]
"""
#: A routine to complete (a day of it; the plan above is too full to add to).
KEEP = f"""\
name = "{PLAN_NAME}"

[[days]]
name = "{DAY_NAME}"
exercises = [{{ exercise = "{NAME}", sets = 3 }}, {{ exercise = "romanian_deadlift", sets = 3 }}]
"""
BLOCK = f"""\
format = "legday.plan/2"
name = "{PLAN_NAME}"

[[weeks]]
rir = [3, 3]

[[weeks]]
rir = [4, 5]
deload = true

[[days]]
name = "{DAY_NAME}"
exercises = [{{ exercise = "towel_slide_curl", sets = [3, 2] }}, {{ exercise = "RDL", sets = [3, 2] }}]
"""
UNKNOWN = "[red]Mystery curl[/red] :fire:"
STRONG_HEADER = (
    "Workout #;Date;Workout Name;Duration (sec);Exercise Name;Set Order;Weight (kg);Reps;RPE;Distance (meters);"
    "Seconds;Notes;Workout Notes\n"
)
STRONG = (
    STRONG_HEADER
    + f"""\
1;2024-03-04 17:45:02;"Lower";4020;"{NAME}";1;0;10;;;0;"";""
1;2024-03-04 17:45:02;"Lower";4020;"{NAME}";2;0;10;;;0;"";""
1;2024-03-04 17:45:02;"Lower";4020;"{UNKNOWN}";1;20;10;;;0;"";""
"""
)
#: A file name rich would read as markup, for the plan, the block and the written plan.
#: (No '/': a closing tag would be a directory.)
PLAN_FILE = "[bold]mine :fire:.toml"
BLOCK_FILE = "[italic]block.toml"
KEEP_FILE = "[dim]keep :fire:.toml"
WRITTEN = "[red]out :fire:.toml"


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's catalog, plan, block and log in the working directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.toml").write_text(CATALOG)
    (tmp_path / PLAN_FILE).write_text(PLAN)
    (tmp_path / BLOCK_FILE).write_text(BLOCK)
    (tmp_path / KEEP_FILE).write_text(KEEP)
    (tmp_path / "strong.csv").write_text(STRONG)
    return tmp_path


def _shown(result: "Result") -> str:
    """The output with its runs of spaces and line breaks made one space (tables pad their cells)."""
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("catalog",), [NAME]),
        (("catalog", "--muscle", "semitendinosus", "--equipment", "bodyweight"), [NAME]),
        (("catalog", "show", "towel_slide_curl"), [NAME, ALIAS, NOTES, SOURCE]),
        (("catalog", "show", ALIAS), [NAME]),
        (("coverage", PLAN_FILE), [f"Weekly coverage of {PLAN_FILE} (intermediate level)"]),
        (("coverage", "-e", "towel_slide_curl:3", "-e", "RDL"), [f"{NAME} (bodyweight"]),
        (("coverage", BLOCK_FILE), [f"Coverage of {BLOCK_FILE}"]),
        (("coverage", "--log", "strong.csv", "--since", "2024-03-04"), [UNKNOWN, f"{NAME} (bodyweight"]),
        (
            ("plan", "--keep", KEEP_FILE, "--days", "2", "-o", WRITTEN),
            [
                PLAN_NAME,
                f"Kept 6 sets of {KEEP_FILE} on their days",
                f"{DAY_NAME} (Monday): about",
                f"{NAME} 3 x 10-15 kept",
                f"Plan written to {WRITTEN};",
            ],
        ),
        (("swap", "towel_slide_curl"), [f"Substitutes for {NAME} (towel_slide_curl)"]),
        (
            ("swap", "romanian_deadlift", "--with", "towel_slide_curl", "--plan", PLAN_FILE),
            [f"Romanian deadlift swapped for {NAME} on days 1, 2", f"{NAME} (in place of Romanian deadlift)"],
        ),
    ],
)
def test_the_command_line_shows_names_as_written(
    cli: Cli, files: Path, args: tuple[str, ...], expected: list[str]
) -> None:
    shown = _shown(cli(*args, "--catalog", "mine.toml"))
    for text in expected:
        assert text in shown
    assert "🔥" not in shown


def test_stacked_blocks_show_names_as_written(cli: Cli, files: Path) -> None:
    """Where a table is too wide (the whole catalog's is), its rows become blocks, their first cell
    a heading: still text."""
    shown = _shown(cli("catalog", "--catalog", "mine.toml"))
    assert f"{NAME} towel_slide_curl Equipment: bodyweight" in shown
    assert "🔥" not in shown


def _render(parts: "list[RenderableType]") -> str:
    """The renderables as a console with rich's defaults (markup and emoji codes on) prints them."""
    from rich.console import Console

    from planner.render_layout import fit_to_width

    out = io.StringIO()
    console = Console(file=out, width=120, no_color=True)
    for part in parts:
        console.print(fit_to_width(part))
    return " ".join(out.getvalue().split())


@pytest.fixture(scope="module")
def mine(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    path = tmp_path_factory.mktemp("catalog") / "mine.toml"
    path.write_text(CATALOG)
    return load_catalog([path])


def test_the_renderers_hold_names_as_text_not_markup(mine: Catalog, tmp_path: Path) -> None:
    """Whatever console prints them: the renderables carry names as Text, never a str rich would
    read as markup (so a console with markup and emoji codes on shows them as written too)."""
    from planner import render_block, render_catalog, render_log, render_plan
    from planner.block_report import week_reports
    from planner.coverage import coverage_report
    from planner.plan_file import Block, Plan, read_plan_or_block
    from planner.session_minutes import plan_minutes
    from planner.training_log import log_coverage, read_log

    towel = mine.exercise("towel_slide_curl")
    shown = _render([render_catalog.exercise_table([towel], mine.muscles)])
    assert f"│ {NAME} │ bodyweight │" in shown
    shown = _render(render_catalog.exercise_details(towel, mine.muscles))
    assert all(text in shown for text in (NAME, ALIAS, NOTES, SOURCE))

    (tmp_path / "plan.toml").write_text(PLAN)
    plan = read_plan_or_block(str(tmp_path / "plan.toml"), mine)
    assert isinstance(plan, Plan)
    report = coverage_report(plan, mine)
    shown = _render(render_plan.plan_view(plan, plan_minutes(plan, mine), report, mine))
    assert all(text in shown for text in (PLAN_NAME, f"{DAY_NAME}: about", f"{NAME} 3 x 10-15"))

    (tmp_path / "block.toml").write_text(BLOCK)
    block = read_plan_or_block(str(tmp_path / "block.toml"), mine)
    assert isinstance(block, Block)
    shown = _render(render_block.block_view(block, week_reports(block, mine), mine))
    assert all(text in shown for text in (PLAN_NAME, f"{DAY_NAME}: up to about", f"{NAME} 10-15"))

    (tmp_path / "strong.csv").write_text(STRONG)
    result = log_coverage(read_log(tmp_path / "strong.csv"), mine)
    shown = _render(render_log.log_view(result))
    assert UNKNOWN in shown
    assert f"{NAME} (bodyweight" in shown
    assert "🔥" not in shown


def test_a_stacked_table_reads_its_str_cells_as_text() -> None:
    """stacked() takes any table: a str title and str cells show as written there too."""
    from rich.table import Table

    from planner.render_layout import stacked

    table = Table(title=PLAN_NAME)
    table.add_column("Name")
    table.add_column("Muscles")
    table.add_row(NAME, ALIAS)
    shown = _render([stacked(table)])
    assert shown == f"{PLAN_NAME} {NAME} Muscles: {ALIAS}"
