"""The weeks of a training block, each with its coverage: what `coverage BLOCKFILE` and
`plan --weeks N` report, and their JSON (`weeks: [{week, deload, sets, rir, minutes, coverage}]`).
"""

from typing import Any, NamedTuple

from exercises.catalog import Catalog
from exercises.exceptions import TargetsUnmetError
from planner.coverage import DEFAULT_SETTINGS, CoverageReport, coverage_report, plan_level
from planner.plan_file import Block, week_sets
from planner.volume import Level, VolumeSettings


class WeekReport(NamedTuple):
    """One week of a block: its number (1 is the first), whether it is a deload, its total sets, its
    effort target, each day's estimated minutes and its coverage."""

    week: int
    deload: bool
    sets: int
    rir: tuple[int, int]
    minutes: tuple[float, ...]
    coverage: CoverageReport

    def to_data(self) -> dict[str, Any]:
        """The week as plain data: `coverage` in the shape of `coverage --json`."""
        return {
            "week": self.week,
            "deload": self.deload,
            "sets": self.sets,
            "rir": list(self.rir),
            "minutes": list(self.minutes),
            "coverage": self.coverage.to_data(),
        }


def week_reports(
    block: Block, catalog: Catalog, level: Level | None = None, settings: VolumeSettings = DEFAULT_SETTINGS
) -> tuple[WeekReport, ...]:
    """Every week of a block with its coverage at `level` (default: the block's own level)."""
    from planner.session_minutes import plan_minutes

    reports = []
    for number, week in enumerate(block.weeks, 1):
        plan = block.week(number)
        reports.append(
            WeekReport(
                week=number,
                deload=week.deload,
                sets=week_sets(block, number),
                rir=week.rir,
                minutes=plan_minutes(plan, catalog),
                coverage=coverage_report(plan, catalog, level or plan_level(plan), settings),
            )
        )
    return tuple(reports)


def weeks_data(reports: tuple[WeekReport, ...]) -> list[dict[str, Any]]:
    """The `weeks` list of the JSON documents, in order."""
    return [report.to_data() for report in reports]


def require_loading_targets(reports: tuple[WeekReport, ...]) -> None:
    """`coverage --strict` on a block: every loading week must have every muscle in its band (a
    deload week is under target by design). Raises TargetsUnmetError (exit 1) for the first week that misses."""
    for report in reports:
        if report.deload:
            continue
        try:
            report.coverage.require_targets()
        except TargetsUnmetError as error:
            raise TargetsUnmetError(error.missed, error.under, week=report.week) from None
