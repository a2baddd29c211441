"""The HTML report: one self-contained page with the muscle map, the plan's days, the coverage
table, the gaps and what to add, and each exercise's evidence.

The page has inline CSS and the inline SVG of planner/svg.py, and nothing else: no scripts, fonts or
images, and a Content-Security-Policy that forbids fetching any. Every string that comes from a file
or a log (a plan's name, a day's name, a user catalog's exercise names) is escaped by Jinja2's
autoescaping; the only markup marked safe is the SVG, which svg.py builds with ElementTree.

Python builds plain records for the template (what to show); the template only lays them out. Jinja2
loads inside `render_page`, so no other command pays for it.
"""

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

from exercises.catalog import Catalog, Exercise
from exercises.muscles import GROUPS
from exercises.vocabulary import EvidenceLevel
from planner.coverage import CoverageReport, Status, coverage_report, secondary_only_note, suggestion_notes
from planner.plan_file import Block, Plan, PlanEntry, day_labels, rir_text
from planner.render_catalog import counted_muscles
from planner.volume import BANDS_NOTE
from planner.wording import band_text, number_text

if TYPE_CHECKING:
    from planner.training_log import LogCoverage
    from planner.volume import Level

#: What each evidence level means, as the catalog defines the levels.
EVIDENCE_LEVELS: Final = {
    EvidenceLevel.H: "growth trial",
    EvidenceLevel.E: "muscle activity (EMG) only",
    EvidenceLevel.A: "anatomy",
    EvidenceLevel.X: "practitioner rule",
}
#: A status as text with a marker, so it reads without colour (the same markers as the terminal).
STATUS_TEXT: Final = {
    Status.MISSED: "✗ missed",
    Status.UNDER: "▼ under",
    Status.OK: "✓ ok",
    Status.OVER: "▲ over",
}
#: The effort of a working set in a one-week plan. Growth is similar across loads when sets go near
#: failure (Schoenfeld 2021); a block's weeks carry their own reps-in-reserve targets.
PLAN_EFFORT: Final = "near failure"
EFFORT_NOTE: Final = (
    "Effort: take each working set near failure, stopping with a rep or two in reserve; growth is similar "
    "across loads when sets go near failure (Schoenfeld 2021)."
)
BLOCK_EFFORT_NOTE: Final = (
    "Effort: stop each set with the week's reps in reserve (RIR); the days show the peak week, the block's "
    "table every week."
)


class EntryView(NamedTuple):
    """One exercise of a day, as the page shows it."""

    name: str
    exercise_id: str
    sets_reps: str
    rest: str
    effort: str
    counts_for: str


class DayView(NamedTuple):
    """One training day: its heading and its exercises."""

    label: str
    weekday: str | None
    minutes: int
    entries: tuple[EntryView, ...]


class WeekView(NamedTuple):
    """One week of a training block: its number, whether it is the deload, its effort target, the
    sets of each exercise (in the order of `BlockView.exercises`) and the week's total."""

    number: int
    deload: bool
    effort: str
    sets: tuple[int, ...]
    total: int


class BlockView(NamedTuple):
    """A training block's weeks: a row per exercise (day and name), a column per week."""

    exercises: tuple[str, ...]
    weeks: tuple[WeekView, ...]
    peak: int


def block_view(block: Block, catalog: Catalog) -> BlockView:
    """The block's table: each exercise of each day, with its sets in every week and each week's effort."""
    labels = day_labels(block.week(1))
    rows = tuple(
        f"{label}: {catalog.exercise(entry.exercise).name}"
        for label, day in zip(labels, block.days, strict=True)
        for entry in day.exercises
    )
    entries = [entry for day in block.days for entry in day.exercises]
    weeks = tuple(
        WeekView(
            number=number,
            deload=week.deload,
            effort=rir_text(week.rir),
            sets=tuple(entry.sets[number - 1] for entry in entries),
            total=sum(entry.sets[number - 1] for entry in entries),
        )
        for number, week in enumerate(block.weeks, 1)
    )
    return BlockView(exercises=rows, weeks=weeks, peak=block.peak)


class MuscleRow(NamedTuple):
    """One muscle's line of the coverage table."""

    id: str
    name: str
    primary: str
    secondary: str
    effective: str
    days: str
    target: str
    mark: str
    status: str
    status_text: str


class GroupView(NamedTuple):
    """The muscles of one group (hamstrings, calves, deep posterior)."""

    name: str
    muscles: tuple[MuscleRow, ...]


class OptionView(NamedTuple):
    """An exercise suggested for a muscle, with what it needs and what else it closes."""

    name: str
    notes: str


class GapView(NamedTuple):
    """A missed or under-target muscle and the exercises that would train it."""

    muscle: str
    status: str
    status_text: str
    options: tuple[OptionView, ...]


class EvidenceItem(NamedTuple):
    """One source behind an exercise's tags."""

    level: str
    meaning: str
    source: str
    muscles: str


class ExerciseEvidence(NamedTuple):
    """An exercise with its evidence and notes."""

    id: str
    name: str
    notes: str
    items: tuple[EvidenceItem, ...]


class ActionView(NamedTuple):
    """A joint action: whether the routine loads it, and with which exercises."""

    name: str
    covered: bool
    exercises: str
    needed: bool


class LogView(NamedTuple):
    """What a training log's report covers: the window and its weeks, and the names not matched."""

    weeks: int
    since: str
    until: str
    per_week: tuple[tuple[str, int, int], ...]
    unmatched: tuple[tuple[str, int, str], ...]


def _rest(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes}:{rest:02d} min"


def counts_for(exercise: Exercise, catalog: Catalog) -> str:
    """'Counts for' and the posterior-leg muscles an exercise counts: primary ones, then secondary ones
    after '½:', a whole group named as the group ('Hamstrings') when all its heads count the same."""
    counted = counted_muscles(exercise, catalog.muscles, half="\u00bd: ")
    return f"Counts for {counted}" if counted else "Counts for no posterior-leg muscle"


def _entry(entry: PlanEntry, catalog: Catalog, effort: str) -> EntryView:
    exercise = catalog.exercise(entry.exercise)
    low, high = entry.reps if entry.reps is not None else exercise.reps
    reps = str(low) if low == high else f"{low}\u2013{high}"
    rest = entry.rest_seconds if entry.rest_seconds is not None else exercise.rest_seconds
    return EntryView(
        name=exercise.name,
        exercise_id=exercise.id,
        sets_reps=f"{entry.sets} \u00d7 {reps}",
        rest=_rest(rest),
        effort=effort,
        counts_for=counts_for(exercise, catalog),
    )


def plan_days(plan: Plan, catalog: Catalog, effort: str = PLAN_EFFORT) -> tuple[DayView, ...]:
    """Each day of a plan with its week day (where the plan names one), its minutes rounded up, and
    its exercises at the given effort."""
    from planner.session_minutes import plan_minutes

    return tuple(
        DayView(
            label=label,
            weekday=day.weekday.value.capitalize() if day.weekday is not None else None,
            minutes=math.ceil(minutes),
            entries=tuple(_entry(entry, catalog, effort) for entry in day.exercises),
        )
        for label, day, minutes in zip(day_labels(plan), plan.days, plan_minutes(plan, catalog), strict=True)
    )


def _basis_marks(report: CoverageReport) -> dict[str, str]:
    """A footnote number per distinct target basis, in the order the muscles show them."""
    marks: dict[str, str] = {}
    for muscle in report.muscles:
        marks.setdefault(muscle.target.basis, str(len(marks) + 1))
    return marks


def coverage_groups(report: CoverageReport) -> tuple[GroupView, ...]:
    """The coverage table's rows, a group at a time, in the order of the groups."""
    marks = _basis_marks(report)
    order = [*GROUPS, *sorted({m.group for m in report.muscles} - set(GROUPS))]
    groups = []
    for group in order:
        rows = tuple(
            MuscleRow(
                id=m.id,
                name=m.name,
                primary=number_text(m.sets.primary),
                secondary=number_text(m.sets.secondary),
                effective=number_text(m.effective),
                days=number_text(m.days),
                target=band_text(m.target.min, m.target.max, "\u2013"),
                mark=marks[m.target.basis],
                status=m.status.value,
                status_text=STATUS_TEXT[m.status],
            )
            for m in report.muscles
            if m.group == group
        )
        if rows:
            groups.append(GroupView(name=GROUPS.get(group, group.replace("_", " ").capitalize()), muscles=rows))
    return tuple(groups)


def gaps(report: CoverageReport) -> tuple[GapView, ...]:
    """Each missed or under-target muscle with the exercises that train it as primary, best first."""
    names = {m.id: m.name for m in report.muscles}
    views = []
    for suggestion in report.suggestions:
        options = [
            OptionView(name=option.name, notes="; ".join(suggestion_notes(report, suggestion, option)))
            for option in suggestion.options
        ]
        views.append(
            GapView(
                muscle=names.get(suggestion.muscle, suggestion.muscle),
                status=suggestion.status.value,
                status_text=STATUS_TEXT[suggestion.status],
                options=tuple(options),
            )
        )
    return tuple(views)


def exercise_evidence(exercise_ids: Iterable[str], catalog: Catalog) -> tuple[ExerciseEvidence, ...]:
    """Each exercise once, in the order given, with its notes and its sources (level and source)."""
    registry = catalog.muscles
    seen: dict[str, None] = dict.fromkeys(exercise_ids)
    views = []
    for exercise_id in seen:
        exercise = catalog.exercise(exercise_id)
        items = tuple(
            EvidenceItem(
                level=item.level.value,
                meaning=EVIDENCE_LEVELS[item.level],
                source=item.source,
                muscles=", ".join(registry[m].name for m in item.muscles),
            )
            for item in exercise.evidence
        )
        views.append(ExerciseEvidence(id=exercise.id, name=exercise.name, notes=exercise.notes, items=items))
    return tuple(views)


def _summary(report: CoverageReport) -> str:
    counts = {status: sum(m.status is status for m in report.muscles) for status in Status}
    return (
        f"{counts[Status.MISSED]} missed, {counts[Status.UNDER]} under target, "
        f"{counts[Status.OK]} ok, {counts[Status.OVER]} over"
    )


def plan_report(plan: Plan | Block, catalog: Catalog, *, level: "Level | None" = None, source: str) -> bytes:
    """The HTML page of a plan, routine or block and its coverage at `level` (default: the plan's own),
    as UTF-8 bytes. `source` says what was checked (a file name, standard input, exercises given with
    -e). A block shows its peak week's days, coverage and map, and a table of every week."""
    if isinstance(plan, Block):
        block = block_view(plan, catalog)
        week = plan.week(plan.peak)
        effort = f"RIR {rir_text(plan.weeks[plan.peak - 1].rir)}"
        facts = f"a {len(plan.weeks)}-week block; week {plan.peak}, its peak, has {week_total(week)} sets"
    else:
        block, week, effort = None, plan, PLAN_EFFORT
        facts = f"{week_total(week)} sets a week"
    days = plan_days(week, catalog, effort)
    facts += f" over {len(days)} day{'s' if len(days) != 1 else ''}"
    ids = [entry.exercise for day in week.days for entry in day.exercises]
    return render_page(
        title=plan.name or ("Leg-day block" if block else "Leg-day plan"),
        source=source,
        facts=facts,
        report=coverage_report(week, catalog, level),
        days=days,
        block=block,
        evidence=exercise_evidence(ids, catalog),
        log=None,
        catalog=catalog,
    )


def week_total(plan: Plan) -> int:
    """The sets of a week."""
    return sum(entry.sets for day in plan.days for entry in day.exercises)


def log_report(result: "LogCoverage", catalog: Catalog, *, source: str) -> bytes:
    """The HTML page of a training log's average week, as UTF-8 bytes."""
    per_week = tuple((week.week, week.days, week.sets) for week in result.per_week)
    unmatched = tuple((name.name, name.sets, name.suggestion or "") for name in result.unmatched)
    log = LogView(
        weeks=result.weeks,
        since=result.since.isoformat(),
        until=result.until.isoformat(),
        per_week=per_week,
        unmatched=unmatched,
    )
    ids = [exercise_id for muscle in result.report.muscles for exercise_id in muscle.exercises]
    weeks = f"{result.weeks} week{'s' if result.weeks != 1 else ''}"
    return render_page(
        title="Training log",
        source=source,
        facts=f"the average week of {weeks}, {log.since} to {log.until}",
        report=result.report,
        days=(),
        block=None,
        evidence=exercise_evidence(sorted(ids, key=lambda i: catalog.exercise(i).name.casefold()), catalog),
        log=log,
        catalog=catalog,
    )


def render_page(
    *,
    title: str,
    source: str,
    facts: str,
    report: CoverageReport,
    days: Sequence[DayView],
    block: BlockView | None,
    evidence: Sequence[ExerciseEvidence],
    log: LogView | None,
    catalog: Catalog,
) -> bytes:
    """Lay the records out with the package's template, every value escaped, as UTF-8 bytes."""
    from markupsafe import Markup

    from planner.page_templates import page_environment
    from planner.svg import muscle_map_svg

    environment = page_environment()
    svg = muscle_map_svg(report, subtitle=source).decode()
    # The SVG was built with ElementTree, which escapes every text and attribute: safe to inline once
    # its XML declaration (meaningless inside HTML) is dropped.
    svg_markup = Markup(svg[svg.index("<svg") :])
    actions = tuple(
        ActionView(
            name=action.name,
            covered=action.covered,
            exercises=", ".join(catalog.exercise(e).name for e in action.exercises),
            needed=action.needed,
        )
        for action in report.actions
    )
    page = environment.get_template("report.html.j2").render(
        title=title,
        source=source,
        facts=facts,
        level=report.level.value,
        summary=_summary(report),
        svg=svg_markup,
        days=days,
        block=block,
        effort_note=(BLOCK_EFFORT_NOTE if block else EFFORT_NOTE) if days else "",
        groups=coverage_groups(report),
        bases=tuple(_basis_marks(report).items()),
        secondary_only=secondary_only_note(report),
        bands_note=BANDS_NOTE,
        weights=report.weights,
        gaps=gaps(report),
        action_gaps=tuple(a.gap for a in report.actions if a.gap),
        actions=actions,
        warnings=tuple(w.message for w in report.warnings),
        evidence=evidence,
        evidence_levels=tuple((level.value, meaning) for level, meaning in EVIDENCE_LEVELS.items()),
        log=log,
    )
    return page.encode()
