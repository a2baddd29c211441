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

    from planner.complete import CompletedEntry, Completion


def _counted_muscles(exercise: Exercise, catalog: Catalog) -> str:
    """The posterior-leg muscles an exercise counts: primary ones, then secondary ones after a 1/2."""
    return counted_muscles(exercise, catalog.muscles) or "-"


def _reps(entry: PlanEntry, exercise: Exercise) -> str:
    low, high = entry.reps if entry.reps is not None else exercise.reps
    return f"{entry.sets} x {low}-{high}"


def _origin(mark: "CompletedEntry") -> str:
    """'kept', 'added', or 'kept +2' for kept work with sets added to it."""
    if not mark.kept:
        return "added"
    return f"kept +{mark.added}" if mark.added else "kept"


def day_table(
    day: PlanDay, label: str, minutes: float, catalog: Catalog, marks: "Sequence[CompletedEntry] | None" = None
) -> "Table":
    """One day: exercise, sets x reps, rest, the posterior-leg muscles it counts; its estimated minutes,
    rounded up, in the title. With `marks` (a completed plan's, one per entry), whether each entry
    was kept or added."""
    from rich.text import Text

    weekday = f" ({day.weekday.value.capitalize()})" if day.weekday is not None else ""
    table = report_table(f"{label}{weekday}: about {math.ceil(minutes)} minutes")
    table.add_column("Exercise", min_width=24)
    table.add_column("Sets x reps", justify="right")
    if marks is not None:
        table.add_column("From")
    table.add_column("Rest", justify="right")
    table.add_column("Counts for")
    for index, entry in enumerate(day.exercises):
        exercise = catalog.exercise(entry.exercise)
        rest = entry.rest_seconds if entry.rest_seconds is not None else exercise.rest_seconds
        origin = [_origin(marks[index])] if marks is not None else []
        table.add_row(
            Text(exercise.name), _reps(entry, exercise), *origin, f"{rest} s", Text(_counted_muscles(exercise, catalog))
        )
    return table


def completion_lines(completion: "Completion", kept_from: str | None, catalog: Catalog) -> list[str]:
    """What a completion kept, added, included and chose for the log's sake, in sentences."""
    lines = []
    added = completion.added_sets
    if kept_from is not None:
        lines.append(
            f"Kept {completion.kept_sets} sets of {kept_from} on their days; added {added} "
            f"set{'s' if added != 1 else ''}, the fewest that meet every rule of a plan."
        )
    if completion.included:
        listed = ", ".join(f"{catalog.exercises[item.exercise].name} ({item.sets}+)" for item in completion.included)
        lines.append(f"Included as asked (least weekly sets): {listed}.")
    return lines


def log_line(completion: "Completion", catalog: Catalog) -> str:
    """Which exercises were chosen because the training log shows them."""
    if not completion.preferred:
        return "Chosen for the log: none (the plan's exercises are the same without it)."
    names = ", ".join(catalog.exercises[exercise].name for exercise in completion.preferred)
    return f"Chosen because your log shows them (as short a plan as any): {names}."


def plan_view(
    plan: Plan,
    minutes: Sequence[float],
    report: CoverageReport,
    catalog: Catalog,
    completion: "Completion | None" = None,
    kept_from: str | None = None,
    logged: bool = False,
) -> list["RenderableType"]:
    """The whole plan for people: heading, a table per day, then the coverage summary. A completed
    plan (`completion`) also says what was kept (from `kept_from`), added and included, marks each
    entry, and with `logged` names the exercises chosen because the training log shows them."""
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
    if completion is not None:
        parts.extend(Text(line) for line in completion_lines(completion, kept_from, catalog))
        if logged:
            parts.append(Text(log_line(completion, catalog)))
    marks = iter(completion.entries) if completion is not None else None
    for label, day, day_minutes in zip(day_labels(plan), plan.days, minutes, strict=True):
        day_marks = [next(marks) for _ in day.exercises] if marks is not None else None
        parts.extend([Text(""), day_table(day, label, day_minutes, catalog, day_marks)])
    parts.append(Text(""))
    parts.extend(render_coverage.coverage_view(report, "this plan"))
    return parts
