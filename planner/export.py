"""Exports of a plan: a printable Markdown plan, an iCalendar file of training days, JSON, the HTML
report page, the SVG muscle map, and the plan file itself (TOML).

A training block exports its weeks: the Markdown has a table of sets per exercise per week, the
calendar one event per training day of each week with that week's sets and effort, the JSON the
block file's content.

Every export is bytes and deterministic: the same plan, catalog and options give byte-identical
output (calendar UIDs and time stamps are derived from the plan and the dates, not from the clock).
Only the standard library loads at import; the models, the coverage, the generator's helpers and
icalendar load inside the functions that use them.
"""

import json
import math
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from exercises.exceptions import InputError
from planner.limits import MAX_WEEKS, MIN_WEEKS
from planner.wording import band_text, number_text

if TYPE_CHECKING:
    from exercises.catalog import Catalog, Exercise
    from planner.block_report import WeekReport
    from planner.coverage import CoverageReport
    from planner.plan_file import Block, Plan, PlanDay, PlanEntry, Weekday
    from planner.volume import Level


class ExportFormat(StrEnum):
    """What `legday export` writes."""

    MD = "md"
    ICS = "ics"
    JSON = "json"
    HTML = "html"
    SVG = "svg"
    TOML = "toml"


DEFAULT_WEEKS: Final = 4
#: When a training day starts in the calendar unless told otherwise (local, floating time).
DEFAULT_START_TIME: Final = time(18, 0)


def next_monday(today: date) -> date:
    """The first Monday after `today` (a week later when today is a Monday)."""
    return today + timedelta(days=7 - today.weekday())


def parse_start(text: str) -> date:
    """A start date typed as YYYY-MM-DD; InputError with one clear line otherwise."""
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"{text!r} is not a date; give it as YYYY-MM-DD, e.g. 2026-01-05", parameters=("start",)
        ) from None


def parse_time(text: str) -> time:
    """A time of day typed as HH:MM (24-hour); InputError with one clear line otherwise."""
    try:
        if len(text) != 5 or text[2] != ":":
            raise ValueError(text)
        return time.fromisoformat(text)
    except ValueError:
        raise InputError(f"{text!r} is not a time of day; give it as HH:MM, e.g. 18:30", parameters=("time",)) from None


def check_weeks(weeks: int) -> int:
    """The number of weeks an export covers, checked to be 1 to 52."""
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise InputError(f"{weeks} is out of range; give {MIN_WEEKS} to {MAX_WEEKS}", parameters=("weeks",))
    return weeks


def training_weekdays(plan: "Plan") -> tuple["Weekday", ...]:
    """The week day of each plan day: its own where it names one; the others take the generator's
    spread for the plan's number of days (Monday and Thursday for two), skipping days already taken."""
    from planner.generate import weekdays as spread
    from planner.plan_file import Weekday

    weekdays = tuple(Weekday)
    taken = {day.weekday for day in plan.days if day.weekday is not None}
    preferred = list(spread(len(plan.days)))
    free = [w for w in preferred if w not in taken] + [w for w in weekdays if w not in taken and w not in preferred]
    chosen: list[Weekday] = []
    for day in plan.days:
        if day.weekday is not None:
            chosen.append(day.weekday)
        else:
            chosen.append(free.pop(0))
    return tuple(chosen)


def entry_rest(entry: "PlanEntry", exercise: "Exercise") -> int:
    """The rest after each set: the entry's own, else the catalog's default for the exercise."""
    return entry.rest_seconds if entry.rest_seconds is not None else exercise.rest_seconds


def entry_reps(entry: "PlanEntry", exercise: "Exercise") -> tuple[int, int]:
    """The rep range: the entry's own, else the catalog's default for the exercise."""
    return entry.reps if entry.reps is not None else exercise.reps


def whole_minutes(plan: "Plan", catalog: "Catalog") -> tuple[int, ...]:
    """Each day's estimated minutes (docs/plan-file.md, as `legday plan` reports them), rounded up."""
    from planner.session_minutes import plan_minutes

    return tuple(math.ceil(minutes) for minutes in plan_minutes(plan, catalog))


def export_plan(
    plan: "Plan | Block",
    catalog: "Catalog",
    export_format: ExportFormat,
    *,
    level: "Level | None" = None,
    start: date | None = None,
    weeks: int | None = None,
    at: time = DEFAULT_START_TIME,
    today: date | None = None,
    source: str = "this plan",
) -> bytes:
    """The plan (or block) in one export format, as bytes.

    `level` sets the coverage targets of the Markdown summary, the HTML page and the SVG map (default:
    the plan's level); `source` names the plan (its file) on the page and the map. A block's page shows
    its weeks, its map the peak week.
    For iCalendar: `weeks` of training days (default: 4, or a block's own weeks) from `start`
    (default: the Monday after `today`, which defaults to the real date) at time `at`.
    """
    from planner.plan_file import Block

    if export_format is ExportFormat.JSON:
        return plan_json(plan).encode()
    if export_format is ExportFormat.TOML:
        from planner.plan_file import plan_to_toml

        return plan_to_toml(plan)
    if export_format is ExportFormat.MD and isinstance(plan, Block):
        from planner.block_report import week_reports

        return block_markdown(plan, catalog, week_reports(plan, catalog, level)).encode()
    if export_format is ExportFormat.HTML:
        from planner.report import plan_report

        return plan_report(plan, catalog, level=level, source=source)
    if export_format in (ExportFormat.MD, ExportFormat.SVG):
        from planner.coverage import coverage_report

        week = plan.week(plan.peak) if isinstance(plan, Block) else plan
        report = coverage_report(week, catalog, level)
        if export_format is ExportFormat.MD:
            return plan_markdown(week, catalog, report).encode()
        from planner.svg import muscle_map_svg

        return muscle_map_svg(report, subtitle=source)
    first = start if start is not None else next_monday(today if today is not None else date.today())
    default = len(plan.weeks) if isinstance(plan, Block) else DEFAULT_WEEKS
    return plan_calendar(plan, catalog, start=first, weeks=weeks or default, at=at)


def plan_json(plan: "Plan | Block") -> str:
    """The plan as a JSON document: the plan file's content (Plan.to_data())."""
    return json.dumps(plan.to_data(), indent=2, ensure_ascii=False) + "\n"


# --- Markdown ---------------------------------------------------------------------------------

# Characters that would end a table cell or start inline markup; a backslash makes each literal.
_MARKDOWN_SPECIAL: Final = frozenset("\\|`*_[]<>#~")


def markdown_cell(text: str) -> str:
    """Text made safe for one Markdown table cell: markup characters and pipes escaped with a
    backslash, line breaks folded into spaces."""
    flat = " ".join(text.split())
    return "".join(f"\\{char}" if char in _MARKDOWN_SPECIAL else char for char in flat)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(markdown_cell(cell) for cell in row) + " |" for row in rows)
    return lines


def _rest_text(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60}:{seconds % 60:02d} min"


def _counts_for(exercise: "Exercise", catalog: "Catalog") -> str:
    """The posterior-leg muscles an exercise counts for: primary ones, then secondary ones (half); a
    whole group named as the group ('Hamstrings') when all its heads count the same."""
    from planner.render_catalog import posterior_leg_names

    primary = posterior_leg_names(exercise.muscles.primary, catalog.muscles)
    secondary = posterior_leg_names(exercise.muscles.secondary, catalog.muscles)
    parts = []
    if primary:
        parts.append("; ".join(primary))
    if secondary:
        parts.append("half: " + "; ".join(secondary))
    return " \u00b7 ".join(parts) if parts else "none (stabilizer only)"


def plan_markdown(plan: "Plan", catalog: "Catalog", report: "CoverageReport") -> str:
    """A printable plan: a table per day (exercise, sets x reps, rest, the muscles it counts for)
    and the coverage summary (effective sets, target and status per muscle)."""
    from planner.plan_file import day_labels

    labels = day_labels(plan)
    weekdays = training_weekdays(plan)
    day_minutes = whole_minutes(plan, catalog)
    lines = [f"# {markdown_cell(plan.name or 'Leg plan')}", ""]
    facts = [f"{len(plan.days)} training {'day' if len(plan.days) == 1 else 'days'} a week"]
    facts.append(f"targets for level {report.level}")
    lines += [markdown_cell(", ".join(facts) + "."), ""]
    for label, weekday, minutes, day in zip(labels, weekdays, day_minutes, plan.days, strict=True):
        lines += [f"## {markdown_cell(label)}: {weekday.value.capitalize()}, about {minutes} minutes", ""]
        rows = []
        for entry in day.exercises:
            exercise = catalog.exercise(entry.exercise)
            low, high = entry_reps(entry, exercise)
            reps = str(low) if low == high else f"{low}\u2013{high}"
            rest = _rest_text(entry_rest(entry, exercise))
            rows.append([exercise.name, f"{entry.sets} \u00d7 {reps}", rest, _counts_for(exercise, catalog)])
        lines += [*_table(["Exercise", "Sets \u00d7 reps", "Rest", "Counts for"], rows), ""]
    lines += ["## Weekly coverage", ""]
    rows = [
        [
            muscle.name,
            number_text(muscle.effective),
            band_text(muscle.target.min, muscle.target.max, "\u2013"),
            muscle.status.value,
        ]
        for muscle in report.muscles
    ]
    lines += [*_table(["Muscle", "Effective sets", "Target", "Status"], rows), ""]
    names = {muscle.id: muscle.name for muscle in report.muscles}
    for title, ids in (("Missed", report.missed), ("Under target", report.under), ("Over target", report.over)):
        if ids:
            lines += [f"- {title}: {markdown_cell('; '.join(names.get(i, i) for i in ids))}"]
    if not (report.missed or report.under or report.over):
        lines += ["- Every posterior-leg muscle is within its target."]
    lines += [
        "",
        "Effective sets count a primary muscle's sets in full and a secondary muscle's at half.",
        "",
    ]
    return "\n".join(lines)


def block_markdown(block: "Block", catalog: "Catalog", reports: "Sequence[WeekReport]") -> str:
    """A printable block: a table per day of each exercise's sets week by week (with the weeks'
    effort targets), then each muscle's effective sets week by week against its target."""
    from planner.plan_file import day_labels, rir_text

    first = block.week(1)
    labels = day_labels(first)
    weekdays = training_weekdays(first)
    headings = [f"W{r.week}" + (" (deload)" if r.deload else "") for r in reports]
    lines = [f"# {markdown_cell(block.name or 'Leg block')}", ""]
    loading = sum(not r.deload for r in reports)
    facts = f"{len(block.days)} training {'day' if len(block.days) == 1 else 'days'} a week"
    facts += f", a {len(reports)}-week block ({loading} loading, {len(reports) - loading} deload)"
    facts += f"; targets for level {reports[0].coverage.level}."
    lines += [markdown_cell(facts), ""]
    lines += [
        "Each week's column gives the sets of each exercise; the last row, the effort: stop each set with "
        "that many reps in reserve (RIR).",
        "",
    ]
    effort = ["Reps in reserve", "", "", *(rir_text(r.rir) for r in reports)]
    for index, (label, weekday, day) in enumerate(zip(labels, weekdays, block.days, strict=True)):
        longest = max(math.ceil(r.minutes[index]) for r in reports)
        lines += [f"## {markdown_cell(label)}: {weekday.value.capitalize()}, up to about {longest} minutes", ""]
        rows = []
        for entry in day.exercises:
            exercise = catalog.exercise(entry.exercise)
            low, high = entry.reps if entry.reps is not None else exercise.reps
            reps = str(low) if low == high else f"{low}\u2013{high}"
            rest = entry.rest_seconds if entry.rest_seconds is not None else exercise.rest_seconds
            rows.append([exercise.name, reps, _rest_text(rest), *(str(count) for count in entry.sets)])
        lines += [*_table(["Exercise", "Reps", "Rest", *headings], [*rows, effort]), ""]
    lines += ["## Effective sets a week", ""]
    rows = []
    for row, muscle in enumerate(reports[0].coverage.muscles):
        band = band_text(muscle.target.min, muscle.target.max, "\u2013")
        cells = [number_text(r.coverage.muscles[row].effective) for r in reports]
        rows.append([muscle.name, band, *cells])
    rows.append(["Sets", "", *(str(r.sets) for r in reports)])
    lines += [*_table(["Muscle", "Target", *headings], rows), ""]
    lines += [
        "Effective sets count a primary muscle's sets in full and a secondary muscle's at half. A deload "
        "week is under target by design.",
        "",
    ]
    return "\n".join(lines)


# --- iCalendar --------------------------------------------------------------------------------


def _calendar_text(text: str) -> str:
    """Text for an iCalendar property: RFC 5545 allows no control characters in text values other
    than line breaks (which icalendar escapes), so any other one becomes a space."""
    return "".join(" " if (ord(char) < 32 and char != "\n") or ord(char) == 127 else char for char in text)


def _uid(content: str, day_index: int, on: date) -> str:
    """A stable UID from the plan's content (canonical JSON), the day and the date: re-exporting the
    same plan updates the same events in a calendar instead of duplicating them."""
    import hashlib

    digest = hashlib.sha256(f"{content}\n{day_index}\n{on.isoformat()}".encode()).hexdigest()
    return f"{digest[:32]}@legday"


def _description(day: "PlanDay", catalog: "Catalog", minutes: int, rir: str | None = None) -> str:
    """The exercises of a day, one a line, with `rir` (a block week's effort target) on each."""
    lines = []
    effort = f" @ RIR {rir}" if rir is not None else ""
    for entry in day.exercises:
        exercise = catalog.exercise(entry.exercise)
        low, high = entry_reps(entry, exercise)
        reps = str(low) if low == high else f"{low}-{high}"
        rest = _rest_text(entry_rest(entry, exercise))
        lines.append(f"{exercise.name}: {entry.sets} x {reps}{effort}, rest {rest}")
    if rir is not None:
        lines += ["", f"Effort: stop each set with {rir} reps in reserve (RIR)."]
    lines += ["", f"About {minutes} minutes. Planned with legday."]
    return "\n".join(lines)


def calendar_dates(plan: "Plan", *, start: date, weeks: int) -> list[tuple[date, int]]:
    """(date, day index) of every training day in `weeks` weeks from `start`, in date order. Week k
    covers the seven days from start + 7k; each day falls on its week day within that span."""
    from planner.plan_file import Weekday

    check_weeks(weeks)
    # The last event may end the day after its date: keep a day in hand before date.max.
    if (date.max - start).days <= 7 * weeks:
        raise InputError(
            f"{start.isoformat()} with {weeks} weeks runs past {date.max.isoformat()}, "
            "the last day a calendar can hold; give an earlier start or fewer weeks",
            parameters=("start", "weeks"),
        )
    order = list(Weekday)
    weekdays = training_weekdays(plan)
    dates = []
    for week in range(weeks):
        first = start + timedelta(days=7 * week)
        for index, weekday in enumerate(weekdays):
            offset = (order.index(weekday) - first.weekday()) % 7
            dates.append((first + timedelta(days=offset), index))
    return sorted(dates)


def plan_calendar(
    plan: "Plan | Block",
    catalog: "Catalog",
    *,
    start: date,
    weeks: int = DEFAULT_WEEKS,
    at: time = DEFAULT_START_TIME,
) -> bytes:
    """An iCalendar file (RFC 5545) with one event per training day for `weeks` weeks from `start`,
    at time `at` (floating: the calendar's own time zone), lasting the day's estimated minutes,
    with the exercises in the description. A block's calendar week k is the block's week k, with
    that week's sets and effort target; past the block's end it starts over at week 1."""
    from icalendar import Calendar, Event

    from planner.plan_file import Block, day_labels, rir_text

    block = plan if isinstance(plan, Block) else None
    week_plans = [plan.week(k) for k in range(1, len(plan.weeks) + 1)] if isinstance(plan, Block) else [plan]
    labels = day_labels(week_plans[0])
    week_minutes = [whole_minutes(week, catalog) for week in week_plans]
    title = plan.name or "Leg plan"
    calendar = Calendar()
    calendar.add("prodid", "-//legday//legday plan export//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _calendar_text(title))
    # The stamp is part of the output, so it comes from the input (the start date), not the clock.
    stamp = datetime.combine(start, time(0, 0), tzinfo=UTC)
    content = json.dumps(plan.to_data(), sort_keys=True, ensure_ascii=False)
    for on, index in calendar_dates(week_plans[0], start=start, weeks=weeks):
        k = (on - start).days // 7 % len(week_plans)
        day, minutes = week_plans[k].days[index], week_minutes[k][index]
        summary = f"{title}: {labels[index]}"
        rir = None
        if block is not None:
            summary += f", week {k + 1}" + (" (deload)" if block.weeks[k].deload else "")
            rir = rir_text(block.weeks[k].rir)
        event = Event()
        event.add("uid", _uid(content, index, on))
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.combine(on, at))
        event.add("duration", timedelta(minutes=minutes))
        event.add("summary", _calendar_text(summary))
        event.add("description", _calendar_text(_description(day, catalog, minutes, rir)))
        event.add("categories", ["Training"])
        calendar.add_component(event)
    return bytes(calendar.to_ical())
