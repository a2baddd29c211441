"""Rich renderables for a coverage report: a table per muscle group, joint actions, suggestions, warnings.

Functions here build renderables and never print; the CLI prints them. rich is imported inside each
function so that `coverage --json` never loads it. Every status carries a text marker as well as a
colour, so a missed muscle still stands out with NO_COLOR or on paper. Titles and cells that hold
names are rich Text, never a str, which rich would read as console markup with :emoji: codes: names
come from users' catalogs, plan files and training logs.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from planner.coverage import CoverageReport, MuscleCoverage, Status, secondary_only_note, suggestion_notes
from planner.volume import BANDS_NOTE
from planner.wording import band_text, number_text

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

#: Marker and style per status: the marker survives NO_COLOR, the style adds colour where there is some.
STATUS_LOOK: dict[Status, tuple[str, str]] = {
    Status.MISSED: ("✗ MISSED", "bold red"),
    Status.UNDER: ("▼ under", "yellow"),
    Status.OK: ("✓ ok", "green"),
    Status.OVER: ("▲ over", "magenta"),
}
_FOOTNOTE_MARKS = ("*", "†", "‡", "§")


def report_table(title: str, *, collapse_padding: bool = False) -> "Table":
    """An empty table in the reports' style: bold title on the left, a rule under the header, no
    outer edge or padding (coverage, plan and log tables all look alike). The title is shown as
    written (it may hold a day's name from a plan file), never read as markup."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    return Table(
        title=Text(title, style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=collapse_padding,
    )


def _status(status: Status) -> "Text":
    from rich.text import Text

    marker, style = STATUS_LOOK[status]
    return Text(marker, style=style)


def _basis_marks(report: CoverageReport) -> dict[str, str]:
    """A footnote mark per distinct target basis, in the order the muscles show them."""
    marks: dict[str, str] = {}
    for muscle in report.muscles:
        if muscle.target.basis not in marks:
            marks[muscle.target.basis] = _FOOTNOTE_MARKS[len(marks) % len(_FOOTNOTE_MARKS)] * (
                1 + len(marks) // len(_FOOTNOTE_MARKS)
            )
    return marks


def muscle_tables(report: CoverageReport) -> list["Table"]:
    """One table per group (hamstrings, calves, deep posterior): sets by role, effective sets, days,
    the target band and the status of each muscle; missed muscles in bold red with a marker."""
    from rich.text import Text

    from exercises.muscles import GROUPS

    marks = _basis_marks(report)
    groups = [*GROUPS, *sorted({m.group for m in report.muscles} - set(GROUPS))]
    tables = []
    for group in groups:
        members: Sequence[MuscleCoverage] = [m for m in report.muscles if m.group == group]
        if not members:
            continue
        table = report_table(GROUPS.get(group, group.replace("_", " ").capitalize()), collapse_padding=True)
        # Fixed widths, so the group tables line up with each other and fit in 80 columns.
        table.add_column("Muscle", width=26)
        for header in ("Primary", "Secondary", "Effective", "Days", "Target"):
            table.add_column(header, justify="right", width=len(header) + 1)
        table.add_column("Status", width=8)
        for muscle in members:
            style = STATUS_LOOK[muscle.status][1] if muscle.status is Status.MISSED else ""
            table.add_row(
                Text(muscle.name, style=style),
                number_text(muscle.sets.primary),
                number_text(muscle.sets.secondary),
                Text(number_text(muscle.effective), style=style),
                number_text(muscle.days),
                f"{band_text(muscle.target.min, muscle.target.max)}{marks[muscle.target.basis]}",
                _status(muscle.status),
            )
        tables.append(table)
    return tables


def context_table(report: CoverageReport) -> "Table | None":
    """The neighbouring muscles the routine trains (quadriceps, glutes, adductors, lower back), with
    their sets as context and no target; None when it trains none of them."""
    from rich.text import Text

    rows = [m for m in report.context if any(m.sets)]
    if not rows:
        return None
    table = report_table("Also trained (context, no targets)", collapse_padding=True)
    table.add_column("Muscle", no_wrap=True)
    for header in ("Primary", "Secondary", "Stabilizer", "Effective"):
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column("Counted from")
    for muscle in rows:
        table.add_row(
            Text(muscle.name),
            number_text(muscle.sets.primary),
            number_text(muscle.sets.secondary),
            number_text(muscle.sets.stabilizer),
            number_text(muscle.effective),
            Text(", ".join(muscle.exercises) or "-"),
        )
    return table


def footnotes(report: CoverageReport) -> "Text":
    """How effective sets are counted, and where each target band comes from."""
    from rich.text import Text

    weights = report.weights
    text = Text(
        f"Effective sets = primary sets x{weights.primary:g} + secondary sets x{weights.secondary:g}"
        f" (stabilizer sets x{weights.stabilizer:g}); targets are weekly, for the {report.level} level.",
        style="dim",
    )
    for basis, mark in _basis_marks(report).items():
        text.append(f"\n{mark} {basis}", style="dim")
    text.append(f"\n{BANDS_NOTE}", style="dim")
    note = secondary_only_note(report)
    if note:
        text.append(f"\n{note}", style="dim")
    return text


def action_table(report: CoverageReport) -> "RenderableType":
    """Joint-action coverage: which exercises cover each action, and a sentence for each gap."""
    from rich.console import Group
    from rich.text import Text

    table = report_table("Joint actions")
    table.add_column("Action", min_width=24)
    table.add_column("Covered by")
    table.add_column("")
    for action in report.actions:
        covered_by = ", ".join(action.exercises) if action.covered else "-"
        if action.covered:
            marker = Text("✓ covered", style="green")
        elif action.needed:
            marker = Text("✗ GAP", style="bold red")
        else:
            marker = Text("- not needed", style="dim")
        table.add_row(Text(action.name), Text(covered_by), marker)
    gaps = [Text(f"- {action.gap}") for action in report.actions if action.gap]
    return Group(table, *gaps) if gaps else table


def suggestion_table(report: CoverageReport) -> "RenderableType":
    """For each missed or under muscle, exercises that train it as primary, best first."""
    from rich.text import Text

    if not report.suggestions:
        return Text("Every muscle reaches its target: nothing to add.")
    names = {m.id: m.name for m in report.muscles}
    title = "To add: exercises that train the muscle as primary, best first"
    table = report_table(title)
    table.add_column("Muscle", min_width=24)
    table.add_column("Status")
    table.add_column("Try")
    for suggestion in report.suggestions:
        options = []
        for option in suggestion.options:
            options.append(f"{option.name} ({'; '.join(suggestion_notes(report, suggestion, option))})")
        table.add_row(
            Text(names.get(suggestion.muscle, suggestion.muscle)),
            _status(suggestion.status),
            Text("\n".join(options) or "no exercise in the catalog trains it as primary"),
        )
    return table


def warning_lines(report: CoverageReport) -> "Text":
    """The per-session cap warnings, one line each."""
    from rich.text import Text

    text = Text()
    for index, warning in enumerate(report.warnings):
        if index:
            text.append("\n")
        text.append("! ", style="bold yellow")
        text.append(warning.message)
    return text


def coverage_view(report: CoverageReport, source: str | None = None) -> list["RenderableType"]:
    """The whole report for people: heading, muscle tables, footnotes, joint actions, suggestions and
    warnings. `source` names what was checked (a file name, or standard input)."""
    from rich.text import Text

    heading = Text("Weekly coverage", style="bold underline")
    if source:
        heading.append(f" of {source}")
    heading.append(f" ({report.level} level)")
    summary = Text(
        f"{len(report.missed)} missed, {len(report.under)} under target, {len(report.over)} over, "
        f"{sum(m.status is Status.OK for m in report.muscles)} ok"
    )
    if report.missed:
        names = {m.id: m.name for m in report.muscles}
        summary.append(" - missed: ", style="bold red")
        summary.append(", ".join(names[m] for m in report.missed), style="bold red")
    parts: list[RenderableType] = [heading]
    if report.read_as:
        readings = "; ".join(f"'{read.typed}' read as {read.name}" for read in report.read_as)
        parts.append(Text(f"{readings} (give the full name for another variant)", style="dim"))
    parts.append(summary)
    for table in muscle_tables(report):
        parts.extend([Text(""), table])
    parts.append(footnotes(report))
    context = context_table(report)
    if context is not None:
        parts.extend([Text(""), context])
    parts.extend([Text(""), action_table(report), Text(""), suggestion_table(report)])
    if report.warnings:
        parts.extend([Text(""), warning_lines(report)])
    return parts
