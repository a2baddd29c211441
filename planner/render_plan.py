"""Rich renderables for a generated plan: a table per day, then the coverage summary.

Functions here build renderables and never print; the CLI prints them. rich is imported inside each
function so that `plan --json` never loads it.
"""

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from exercises.catalog import Catalog, Exercise
from planner.coverage import CoverageReport
from planner.plan_file import Plan, PlanDay, PlanEntry
from planner.render_catalog import counted_muscles
from planner.render_coverage import report_table

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table


def _counted_muscles(exercise: Exercise, catalog: Catalog) -> str:
    """The posterior-leg muscles an exercise counts: primary ones, then secondary ones after a 1/2."""
    return counted_muscles(exercise, catalog.muscles) or "-"


def _reps(entry: PlanEntry, exercise: Exercise) -> str:
    low, high = entry.reps if entry.reps is not None else exercise.reps
    return f"{entry.sets} x {low}-{high}"


def day_table(day: PlanDay, label: str, minutes: float, catalog: Catalog) -> "Table":
    """One day: exercise, sets x reps, rest, the posterior-leg muscles it counts; its estimated minutes,
    rounded up, in the title."""

    weekday = f" ({day.weekday.value.capitalize()})" if day.weekday is not None else ""
    table = report_table(f"{label}{weekday}: about {math.ceil(minutes)} minutes")
    table.add_column("Exercise", min_width=24)
    table.add_column("Sets x reps", justify="right")
    table.add_column("Rest", justify="right")
    table.add_column("Counts for")
    for entry in day.exercises:
        exercise = catalog.exercise(entry.exercise)
        rest = entry.rest_seconds if entry.rest_seconds is not None else exercise.rest_seconds
        table.add_row(exercise.name, _reps(entry, exercise), f"{rest} s", _counted_muscles(exercise, catalog))
    return table


def plan_view(plan: Plan, minutes: Sequence[float], report: CoverageReport, catalog: Catalog) -> list["RenderableType"]:
    """The whole plan for people: heading, a table per day, then the coverage summary."""
    from rich.text import Text

    from planner import render_coverage
    from planner.plan_file import day_labels

    total = sum(entry.sets for day in plan.days for entry in day.exercises)
    heading = Text(plan.name or "Leg-day plan", style="bold underline")
    parts: list[RenderableType] = [
        heading,
        Text(
            f"{total} sets a week over {len(plan.days)} day{'s' if len(plan.days) != 1 else ''}; "
            "muscles after '1/2:' are secondary, each set counting half."
        ),
    ]
    for label, day, day_minutes in zip(day_labels(plan), plan.days, minutes, strict=True):
        parts.extend([Text(""), day_table(day, label, day_minutes, catalog)])
    parts.append(Text(""))
    parts.extend(render_coverage.coverage_view(report, "this plan"))
    return parts
