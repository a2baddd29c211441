"""Rich renderables for the coverage of a training log: the coverage report, then what was averaged
and the exercise names that matched nothing in the catalog.

Functions here build renderables and never print; the CLI prints them. rich is imported inside each
function so that `coverage --log --json` never loads it.
"""

from datetime import timedelta
from typing import TYPE_CHECKING

from planner import render_coverage
from planner.training_log import LogCoverage

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def log_source(result: LogCoverage) -> str:
    """What the report averages, for its heading: 'log.csv, the average of 3 ISO weeks from ... to ...'."""
    weeks = _plural(result.weeks, "ISO week")
    return f"{result.log.file}, the average of {weeks} from {result.since} to {result.until}"


def log_summary(result: LogCoverage) -> "Text":
    """What was read and how it was counted, in two sentences."""
    from rich.text import Text

    log = result.log
    counted = sum(week.sets for week in result.per_week)
    unmatched = sum(week.unmatched_sets for week in result.per_week)
    leg_weeks = sum(1 for week in result.per_week if week.sets)
    text = Text(f"{log.app.display_name} export: {_plural(log.working_sets, 'working set')}")
    skipped = []
    if log.warmup_sets:
        skipped.append(_plural(log.warmup_sets, "warm-up set"))
    if log.undone_sets:
        skipped.append(_plural(log.undone_sets, "set") + " never done (no reps, no time)")
    if log.cardio_rows:
        skipped.append(_plural(log.cardio_rows, "cardio row"))
    if log.skipped_rows:
        skipped.append(_plural(log.skipped_rows, "rest-timer or note row"))
    notes = [f"{log.timed_sets} of them timed holds"] if log.timed_sets else []
    if log.conditioning_sets:
        notes.append(f"{log.conditioning_sets} of them conditioning work logged by time or distance")
    if skipped:
        listed = skipped[0] if len(skipped) == 1 else f"{', '.join(skipped[:-1])} and {skipped[-1]}"
        notes.append(f"{listed} not counted")
    if notes:
        text.append(f" ({'; '.join(notes)})")
    text.append(
        f"; in the window, {_plural(counted, 'set')} of catalog exercises and {_plural(unmatched, 'set')} "
        f"of exercises legday does not know. {_plural(leg_weeks, 'week')} of {result.weeks} had leg work: "
        "weeks without it count as zero in the average."
    )
    for stretch in result.empty_stretches:
        weeks = _plural(stretch.weeks, "week")
        text.append(f"\nNo workout for {weeks}, from {stretch.start} to {stretch.end}: ")
        if stretch.resume is not None:
            text.append(f"--since {stretch.resume} leaves the break out of the average.")
        else:
            text.append(f"--until {stretch.start - timedelta(days=1)} leaves the break out of the average.")
    return text


def unmatched_table(result: LogCoverage) -> "RenderableType":
    """The exercise names that matched no catalog exercise, with their sets and a "did you mean"."""
    from rich.text import Text

    if not result.unmatched:
        return Text("Every exercise name in the window matched the catalog.")
    title = "Not in the catalog, not counted"
    table = render_coverage.report_table(title)
    table.add_column("Exercise in the log")
    table.add_column("Sets", justify="right")
    table.add_column("Did you mean")
    for name in result.unmatched:
        # Names as the log wrote them, and catalog names: Text, never read as markup.
        table.add_row(Text(name.name), str(name.sets), Text(name.suggestion or "-"))
    return table


def log_view(result: LogCoverage) -> list["RenderableType"]:
    """The whole report for people: the coverage report of the average week (with at most one cap
    warning per muscle, for its worst session), what was read, and the unmatched names."""
    from rich.text import Text

    parts = render_coverage.coverage_view(result.report, log_source(result))
    parts.extend([Text(""), log_summary(result), Text(""), unmatched_table(result)])
    return parts
