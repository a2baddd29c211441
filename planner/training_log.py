"""Training logs: the average weekly coverage of what was actually done.

Reading an export (Strong, Hevy, FitNotes, Fitbod, in every generation and language) is the job of
the `planner.logs` package; this module turns a read log into a coverage report.

Weeks (`log_coverage`): sets are grouped by ISO week (Monday to Sunday) and the report is the
average week. The window is --since/--until when given, else the first and last workout in the log;
`weeks` counts every ISO week the window touches, including weeks with no leg training. Those empty
weeks count as zero on purpose: the question is what a typical week of this person's training gives
each muscle, and a week spent away from leg day is part of that answer; averaging only over weeks
that had leg work would report a routine that is better than what was done. A stretch of more than
four weeks without a workout (a holiday, an injury) is reported with the first day after it, so the
window can start there. Sets outside the window are left out even in the window's first and last
week, so a --since that is not a Monday makes the first week a partial one (the report shows the
window it used). Each distinct workout date is one training day, which is what `days` counts. A
window wholly before or after the log is an error naming the log's first and last day.

Names: see planner.logs.names. Names that match nothing are reported with their set counts and,
when one is close, a catalog exercise they may mean; they are never dropped silently. An upper-body
exercise is simply unmatched: the catalog is about the back of the leg.

Conditioning (`with_conditioning`): the catalog's conditioning exercises (sprinting, sled drags, pogo
hops) are logged by time or distance more often than by reps, rows the reader takes for cardio ('Sprints',
20 s; a sled drag over 20 m) or for timed holds. Each such row of an exercise the catalog flags as
conditioning is one working set, as a timed hold is: the catalog's sets of them are single efforts
(one sprint, one drag), and a logged row is one of them. Cardio that is not in the catalog (running,
cycling, rowing) stays cardio.
"""

import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field

from exercises.catalog import Catalog, Exercise
from exercises.exceptions import InputError
from planner.coverage import (
    CoverageReport,
    Session,
    average_tallies,
    report_from_tally,
    tally_sessions,
)
from planner.logs.model import LogApp, TrainingLog
from planner.logs.names import match_exercise, suggest_exercise
from planner.logs.read import read_log, shown_value
from planner.volume import Level, VolumeSettings
from planner.wording import Count

__all__ = ["LogApp", "LogCoverage", "TrainingLog", "log_coverage", "parse_day", "read_log", "with_conditioning"]


def parse_day(text: str, parameter: str) -> date:
    """A YYYY-MM-DD date typed by a user for `parameter` ('since'); InputError naming it otherwise."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip(), re.ASCII):
            return date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise InputError(f"bad date '{shown_value(text)}': expected YYYY-MM-DD, e.g. 2024-03-04", parameters=(parameter,))


def iso_week_start(day: date) -> date:
    """The Monday of the ISO week a day falls in."""
    return day - timedelta(days=day.weekday())


def iso_week_label(monday: date) -> str:
    """'2024-W10' for the ISO week starting on `monday`."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class UnmatchedName(_Frozen):
    """An exercise name in the log that maps to no catalog exercise, with its working sets in range."""

    name: str
    sets: int
    suggestion: str | None = Field(description="id of the closest catalog exercise, if one is close")


class WeekSummary(_Frozen):
    """One ISO week of the window: workout days, working sets, and each muscle's effective sets."""

    week: str = Field(description="ISO week, e.g. 2024-W10")
    start: date = Field(description="its Monday")
    days: int = Field(description="workout dates in the week")
    sets: int = Field(description="working sets of exercises found in the catalog")
    unmatched_sets: int = Field(description="working sets of exercises not found in the catalog")
    effective: dict[str, Count] = Field(description="effective sets per posterior-leg muscle")


class LogSummary(_Frozen):
    """What was read: the file, the app, and the rows that were not working sets."""

    file: str
    app: LogApp
    working_sets: int
    warmup_sets: int
    skipped_rows: int = Field(description="rest-timer and note rows, which are not sets")
    undone_sets: int = Field(description="sets with no reps and no duration: planned, not done; not counted")
    cardio_rows: int = Field(description="cardio rows (a distance without reps, or a cardio exercise's time): not sets")
    timed_sets: int = Field(description="working sets that are timed holds (a duration, no reps); counted")
    conditioning_sets: int = Field(
        description="working sets of conditioning exercises (sprints, sled drags) logged by time or distance, "
        "one a row; counted"
    )


class EmptyStretch(_Frozen):
    """More than MAX_EMPTY_WEEKS weeks in a row without a workout inside the window."""

    start: date = Field(description="Monday of its first week")
    end: date = Field(description="Sunday of its last week")
    weeks: int
    resume: date | None = Field(description="Monday of the first week after it with a workout, if any")


@dataclass(frozen=True, slots=True)
class LogCoverage:
    """The average weekly coverage of a training log over a window of ISO weeks."""

    report: CoverageReport
    #: ISO weeks averaged, weeks without leg training included.
    weeks: int
    #: First day of the window.
    since: date
    #: Last day of the window.
    until: date
    per_week: tuple[WeekSummary, ...]
    unmatched: tuple[UnmatchedName, ...]
    log: LogSummary
    #: Stretches of more than MAX_EMPTY_WEEKS weeks without a workout, in order.
    empty_stretches: tuple[EmptyStretch, ...] = ()

    def to_data(self) -> dict[str, Any]:
        """The `coverage --log --json` document: the coverage keys, then the log's."""
        data = self.report.to_data()
        data.update(
            weeks=self.weeks,
            since=self.since.isoformat(),
            until=self.until.isoformat(),
            per_week=[week.model_dump(mode="json") for week in self.per_week],
            unmatched=[name.model_dump(mode="json") for name in self.unmatched],
            log=self.log.model_dump(mode="json"),
            empty_stretches=[stretch.model_dump(mode="json") for stretch in self.empty_stretches],
        )
        return data


#: The longest window a report covers: a hundred years of ISO weeks (a window longer than a life
#: comes from a bad date in the log).
MAX_WINDOW_YEARS: Final = 100
MAX_WINDOW_WEEKS: Final = math.ceil(MAX_WINDOW_YEARS * 365.25 / 7) + 1
#: More weeks than this in a row without a workout is a break worth naming: it pulls the average down.
MAX_EMPTY_WEEKS: Final = 4


def with_conditioning(log: TrainingLog, catalog: Catalog) -> TrainingLog:
    """The log with the rows of the catalog's conditioning exercises that were logged by time or
    distance (read as cardio rows or timed holds) counted as conditioning work: one working set a
    row. Rows of other exercises, cardio among them, are left as they were read."""
    names = {name for _, name in (*log.cardio, *log.timed)}
    conditioning = {
        name for name in names if (found := match_exercise(name, catalog)) is not None and found.conditioning
    }
    if not conditioning:
        return log
    sets = dict(log.sets)
    cardio: dict[tuple[date, str], int] = {}
    timed: dict[tuple[date, str], int] = {}
    counted = 0
    for key, rows in log.cardio.items():
        if key[1] in conditioning:
            sets[key] = sets.get(key, 0) + rows
            counted += rows
        else:
            cardio[key] = rows
    for key, held in log.timed.items():
        if key[1] in conditioning:
            counted += held  # in `sets` already, as a timed hold
        else:
            timed[key] = held
    return replace(log, sets=sets, cardio=cardio, timed=timed, conditioning_sets=log.conditioning_sets + counted)


def log_coverage(
    log: TrainingLog,
    catalog: Catalog,
    level: Level = Level.INTERMEDIATE,
    since: date | None = None,
    until: date | None = None,
    settings: VolumeSettings | None = None,
) -> LogCoverage:
    """The average weekly coverage of the log's working sets from `since` to `until` (inclusive).

    Without bounds the window runs from the first to the last workout. Every ISO week the window
    touches counts, with or without leg work (see the module's docstring for why). Each workout
    date is one session, so `days` is the average number of dates per week a muscle was trained.
    Conditioning exercises logged by time or distance count (`with_conditioning`).
    """
    settings = settings or VolumeSettings()
    log = with_conditioning(log, catalog)
    if since is not None and until is not None and since > until:
        raise InputError(f"the window is empty: since {since} is after until {until}")
    in_range = {
        key: sets
        for key, sets in log.sets.items()
        if (since is None or key[0] >= since) and (until is None or key[0] <= until)
    }
    if not in_range and (since is None or until is None or _outside(log, since, until)):
        raise InputError(_no_workouts(log, since, until))
    first = since or min(day for day, _ in in_range)
    last = until or max(day for day, _ in in_range)
    first_monday, last_monday = iso_week_start(first), iso_week_start(last)
    weeks = (last_monday - first_monday).days // 7 + 1
    if weeks > MAX_WINDOW_WEEKS:
        # Every week of the window gets a line of its own: a stray date (0001-01-01) would make millions.
        raise InputError(
            f"the window from {first} to {last} spans {weeks} weeks, more than {MAX_WINDOW_YEARS} years: "
            "check the log's dates, or narrow the window",
            parameters=("since", "until"),
        )

    matches: dict[str, Exercise | None] = {}
    work: dict[date, dict[date, dict[str, int]]] = {}
    unmatched: dict[str, int] = {}
    unmatched_by_week: dict[date, int] = {}
    days_by_week: dict[date, set[date]] = {}
    mondays = {day: iso_week_start(day) for day in dict.fromkeys(day for day, _ in in_range)}
    for day, monday in mondays.items():
        days_by_week.setdefault(monday, set()).add(day)
    for (day, name), sets in in_range.items():
        monday = mondays[day]
        exercise = matches[name] if name in matches else matches.setdefault(name, match_exercise(name, catalog))
        if exercise is None:
            unmatched[name] = unmatched.get(name, 0) + sets
            unmatched_by_week[monday] = unmatched_by_week.get(monday, 0) + sets
            continue
        session = work.setdefault(monday, {}).setdefault(day, {})
        session[exercise.id] = session.get(exercise.id, 0) + sets

    sessions: list[Session] = [
        (day.isoformat(), sorted(work[monday][day].items())) for monday in sorted(work) for day in sorted(work[monday])
    ]
    tally = average_tallies([tally_sessions(sessions, catalog, settings)], weeks)
    report = report_from_tally(tally, catalog, level, settings, worst_session_only=True)

    targets = [muscle.id for muscle in catalog.muscles.targets]
    per_week = []
    for index in range(weeks):
        monday = first_monday + timedelta(weeks=index)
        week_work = work.get(monday, {})
        # Each exercise's sets over the week first: the volume model is then asked once per exercise.
        week_sets: dict[str, int] = {}
        for session in week_work.values():
            for exercise_id, sets in session.items():
                week_sets[exercise_id] = week_sets.get(exercise_id, 0) + sets
        effective = settings.effective_sets((catalog.exercises[e], sets) for e, sets in week_sets.items())
        per_week.append(
            WeekSummary(
                week=iso_week_label(monday),
                start=monday,
                days=len(days_by_week.get(monday, ())),
                sets=sum(sum(session.values()) for session in week_work.values()),
                unmatched_sets=unmatched_by_week.get(monday, 0),
                effective={m: effective.get(m, 0) for m in targets},
            )
        )
    return LogCoverage(
        report=report,
        weeks=weeks,
        since=first,
        until=last,
        per_week=tuple(per_week),
        unmatched=tuple(
            UnmatchedName(name=name, sets=sets, suggestion=suggest_exercise(name, catalog))
            for name, sets in sorted(unmatched.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))
        ),
        log=LogSummary(
            file=log.label,
            app=log.app,
            working_sets=log.working_sets,
            warmup_sets=log.warmup_sets,
            skipped_rows=log.skipped_rows,
            undone_sets=log.undone_sets,
            cardio_rows=log.cardio_rows,
            timed_sets=log.timed_sets,
            conditioning_sets=log.conditioning_sets,
        ),
        empty_stretches=empty_stretches(per_week),
    )


def empty_stretches(weeks: list[WeekSummary]) -> tuple[EmptyStretch, ...]:
    """The runs of more than MAX_EMPTY_WEEKS weeks without a workout day, with the Monday after each."""
    stretches = []
    run: list[WeekSummary] = []
    for week in [*weeks, None]:
        if week is not None and not week.days:
            run.append(week)
            continue
        if len(run) > MAX_EMPTY_WEEKS:
            stretches.append(
                EmptyStretch(
                    start=run[0].start,
                    end=run[-1].start + timedelta(days=6),
                    weeks=len(run),
                    resume=week.start if week is not None else None,
                )
            )
        run = []
    return tuple(stretches)


def _outside(log: TrainingLog, since: date, until: date) -> bool:
    """Whether a window lies wholly before or after the log's workouts."""
    days = log.days
    return not days or until < days[0] or since > days[-1]


def _no_workouts(log: TrainingLog, since: date | None, until: date | None) -> str:
    if not log.sets:
        return f"{log.label}: no working sets in the log"
    days = log.days
    window = " and ".join(
        part for part in (f"on or after {since}" if since else "", f"on or before {until}" if until else "") if part
    )
    return f"{log.label}: no workouts {window}; the log runs from {days[0]} to {days[-1]}"
