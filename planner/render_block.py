"""Rich renderables for a training block: each day's exercises with their sets and effort week by
week, and the compact weeks x muscles coverage table.

Functions here build renderables and never print; the CLI prints them. rich is imported inside each
function so that `--json` never loads it.
"""

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from exercises.catalog import Catalog
from planner.block_report import WeekReport
from planner.coverage import Status
from planner.plan_file import Block, BlockDay, day_labels, rir_text
from planner.render_coverage import STATUS_LOOK, report_table
from planner.wording import band_text, number_text

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

#: A cell's mark for a week's muscle status (the ok status has none: the number says it).
_MARKS: dict[Status, str] = {Status.MISSED: "✗", Status.UNDER: "▼", Status.OK: "", Status.OVER: "▲"}


def week_heading(report: WeekReport) -> str:
    """A week's column heading: 'W3', 'W6 deload'."""
    return f"W{report.week}" + (" deload" if report.deload else "")


def block_day_table(day: BlockDay, index: int, label: str, reports: Sequence[WeekReport], catalog: Catalog) -> "Table":
    """Day `index` of a block: each exercise's reps and rest, then its sets and effort in each week
    ('3 @2': 3 sets, each stopped with 2 reps in reserve); its longest week's minutes in the title."""
    from rich.text import Text

    longest = max(math.ceil(report.minutes[index]) for report in reports)
    weekday = f" ({day.weekday.value.capitalize()})" if day.weekday is not None else ""
    table = report_table(f"{label}{weekday}: up to about {longest} minutes", collapse_padding=True)
    table.add_column("Exercise", min_width=22)
    table.add_column("Reps", justify="right")
    table.add_column("Rest", justify="right")
    for report in reports:
        table.add_column(week_heading(report), justify="right")
    for entry in day.exercises:
        exercise = catalog.exercise(entry.exercise)
        low, high = entry.reps if entry.reps is not None else exercise.reps
        rest = entry.rest_seconds if entry.rest_seconds is not None else exercise.rest_seconds
        cells = [f"{entry.sets[r.week - 1]} @{rir_text(r.rir)}" for r in reports]
        table.add_row(Text(exercise.name), f"{low}-{high}", f"{rest} s", *cells)
    return table


def weeks_table(reports: Sequence[WeekReport], title: str) -> "Table":
    """The compact weeks x muscles table: each muscle's effective sets in each week against its
    target band, marked when under (▼), over (▲) or missed (✗); then each week's sets, effort and
    longest session."""
    from rich.text import Text

    table = report_table(title, collapse_padding=True)
    table.add_column("Muscle", min_width=26)
    table.add_column("Target", justify="right")
    for report in reports:
        table.add_column(week_heading(report).replace(" deload", " d"), justify="right")
    first = reports[0].coverage
    for row, muscle in enumerate(first.muscles):
        cells = []
        for report in reports:
            week_muscle = report.coverage.muscles[row]
            mark = _MARKS[week_muscle.status]
            style = "" if week_muscle.status is Status.OK or report.deload else STATUS_LOOK[week_muscle.status][1]
            cells.append(Text(f"{number_text(week_muscle.effective)}{mark}", style=style))
        band = band_text(muscle.target.min, muscle.target.max)
        table.add_row(Text(muscle.name), band, *cells)
    table.add_section()
    table.add_row("Sets", "", *(str(report.sets) for report in reports))
    table.add_row("Reps in reserve", "", *(rir_text(report.rir) for report in reports))
    table.add_row("Longest session, minutes", "", *(str(math.ceil(max(report.minutes))) for report in reports))
    return table


def block_view(block: Block, reports: Sequence[WeekReport], catalog: Catalog) -> list["RenderableType"]:
    """The whole block for people: heading, a table per day with every week's sets and effort, and
    the weeks x muscles coverage table."""
    from rich.text import Text

    loading = [r for r in reports if not r.deload]
    deloads = len(reports) - len(loading)
    shape = f"{len(reports)}-week block: {len(loading)} loading week{'s' if len(loading) != 1 else ''}"
    shape += f" and {deloads} deload week" if deloads == 1 else (f" and {deloads} deload weeks" if deloads else "")
    sets = " -> ".join(str(report.sets) for report in reports)
    parts: list[RenderableType] = [
        Text(block.name or "Leg-day block", style="bold underline"),
        Text(f"{shape}; sets a week {sets}."),
        Text("Each week's cell: sets @ reps in reserve (stop each set with that many reps left)."),
    ]
    for index, (label, day) in enumerate(zip(day_labels(block.week(1)), block.days, strict=True)):
        parts.extend([Text(""), block_day_table(day, index, label, reports, catalog)])
    parts.extend([Text(""), weeks_table(reports, f"Effective sets a week ({reports[0].coverage.level} level)")])
    return parts


def block_coverage_view(reports: Sequence[WeekReport], source: str) -> list["RenderableType"]:
    """`coverage BLOCKFILE` for people: the weeks x muscles table, with a summary line per week."""
    from rich.text import Text

    level = reports[0].coverage.level
    parts: list[RenderableType] = [
        Text(f"Coverage of {source}, a {len(reports)}-week block ({level} level)", style="bold underline")
    ]
    for report in reports:
        coverage = report.coverage
        ok = sum(m.status is Status.OK for m in coverage.muscles)
        kind = ", deload" if report.deload else ""
        parts.append(
            Text(
                f"Week {report.week}{kind}: {report.sets} sets at RIR {rir_text(report.rir)}; "
                f"{len(coverage.missed)} missed, {len(coverage.under)} under target, {len(coverage.over)} over, "
                f"{ok} ok"
            )
        )
    parts.extend([Text(""), weeks_table(reports, "Effective sets a week"), Text("")])
    parts.append(Text("A deload week is under target by design. --week K shows one week in full."))
    return parts
