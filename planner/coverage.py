"""Coverage: which posterior-leg muscles a routine trains, how much, and what to add.

Two steps, so that anything that yields sessions of (exercise, sets) can be judged the same way:

1. tally: sessions (a plan's days, or a training log's workouts) -> `RoutineTally`: sets of each muscle
   by role, effective sets, effective sets per day (for the per-session cap), and the exercises that
   counted it (`tally_sessions`, `tally_plan`; `average_tallies` turns weekly tallies into a weekly
   average);
2. judge: `RoutineTally` -> `CoverageReport`: statuses against the level's targets, per-session cap
   warnings, joint-action coverage with one sentence per gap, and suggestions (`report_from_tally`,
   or `coverage_report` for a plan in one call).

Everything here is pure: validated plans and catalogs in, immutable records out. The tally and the
report are internal data built from validated input, so they are NamedTuples: pydantic models would
add about 9 ms of class and schema building to every `legday coverage`, and frozen dataclasses about
0.6 ms each (Python 3.11 compiles each generated method on its own), a NamedTuple about 0.1 ms. The
report's `to_data()` is the `coverage --json` document of docs/json.md.
"""

from collections.abc import Collection, Iterable, Sequence
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any, NamedTuple

from exercises.catalog import Catalog, Exercise, Reading
from exercises.equipment import needs_data, needs_text
from exercises.exceptions import InputError, InputErrors, TargetsUnmetError
from exercises.muscles import Muscle, MuscleRegistry
from exercises.vocabulary import Action, Equipment, EquipmentNeeds, EvidenceLevel, Joint, KneeAngle, Role
from planner.plan_file import Block, Plan, PlanDay, PlanEntry, day_labels, parse_exercise_spec, read_plan_or_block
from planner.volume import ROLES, Level, VolumeSettings, role_slots
from planner.wording import TIDIED, Count, number_text, the_muscle, tidy_number

#: How many exercises a suggestion offers per muscle.
SUGGESTIONS_PER_MUSCLE = 3
#: The name of the extra session formed by exercises given on the command line.
INLINE_SESSION = "Exercises given with -e"
#: The volume model's defaults (role weights 1 / 0.5 / 0, a per-session cap of 10).
DEFAULT_SETTINGS = VolumeSettings()


class _JsonMark(StrEnum):
    """How a record field is written to JSON, where that is not simply its value."""

    OMIT_WHEN_NONE = "omit_when_none"
    #: Equipment groups as a catalog file writes them: a name, or a list of names for a choice.
    EQUIPMENT = "equipment"


def _json_ready(value: object) -> Any:
    """A report (or any part of one) as plain JSON data: records as objects in field order, other
    tuples as lists, enums as their values, counts tidied, and fields marked OMIT_WHEN_NONE left out
    when they are None."""
    if isinstance(value, tuple):
        names: tuple[str, ...] | None = getattr(value, "_fields", None)
        if names is None:
            return [_json_ready(item) for item in value]
        hints = type(value).__annotations__
        data: dict[str, Any] = {}
        for name, item in zip(names, value, strict=True):
            marks = getattr(hints[name], "__metadata__", ())
            if item is None and _JsonMark.OMIT_WHEN_NONE in marks:
                continue
            if TIDIED in marks:
                data[name] = tidy_number(item)
            elif _JsonMark.EQUIPMENT in marks:
                data[name] = needs_data(item)
            else:
                data[name] = _json_ready(item)
        return data
    if isinstance(value, Enum):
        return value.value
    return value


# --- Step 1: tally ----------------------------------------------------------------------------


class RoleSets(NamedTuple):
    """Sets in which a muscle works in each role (stabilizer sets are listed, not counted)."""

    primary: Count = 0
    secondary: Count = 0
    stabilizer: Count = 0

    def of(self, role: Role) -> float:
        """The sets in one role."""
        return float(getattr(self, role.value))


class SessionLoad(NamedTuple):
    """The effective sets a muscle gets in one session (a plan day, or a logged day)."""

    session: str
    effective: float


class MuscleTally(NamedTuple):
    """What a routine gives one muscle in a week."""

    muscle: str
    sets: RoleSets
    effective: float
    #: Sessions (plan days) in which the muscle gets effective sets; fractional when averaged.
    days: float
    #: Effective sets per session, where there are any.
    sessions: tuple[SessionLoad, ...]
    #: Ids of the exercises that add effective sets.
    exercises: tuple[str, ...]


class RoutineTally(NamedTuple):
    """The tally of a whole routine: every muscle of the registry, and what the routine contains."""

    muscles: dict[str, MuscleTally]
    #: Ids of the routine's exercises, in order of appearance.
    exercises: tuple[str, ...]
    #: Session labels, in order.
    sessions: tuple[str, ...]


#: One session: its label and its work as (exercise, sets) pairs, the exercise given by its id, name
#: or alias. Sessions with the same label are one day (two workouts on one date).
Session = tuple[str, Sequence[tuple[str, int]]]


def tally_sessions(
    sessions: Iterable[Session], catalog: Catalog, settings: VolumeSettings = DEFAULT_SETTINGS
) -> RoutineTally:
    """Tally sessions of work: sets by role, effective sets, and effective sets per session.

    Whole sets are summed per role before they are weighted, so the result does not depend on the
    order of the work or how it is split into sessions (beyond the per-session figures).
    """
    registry = catalog.muscles
    # Sum the sets of each (session, exercise) first: a routine repeats few exercises many times, so
    # the muscles are then visited once per distinct pair rather than once per entry.
    pair_sets: dict[tuple[str, str], int] = {}
    labels: dict[str, None] = {}
    ids: dict[str, str] = {}
    for label, work in sessions:
        labels[label] = None
        for name, sets in work:
            exercise_id = ids.get(name)
            if exercise_id is None:
                exercise_id = ids[name] = catalog.exercise(name).id
            pair = (label, exercise_id)
            pair_sets[pair] = pair_sets.get(pair, 0) + sets
    # Role weights and each exercise's muscles are looked up once per call, not once per session (a
    # training log has thousands): sets are counted per muscle in one slot per role, in the order of
    # ROLES, and weighed once (VolumeSettings.weigh).
    weights = tuple(settings.weights.of(role) for role in ROLES)
    totals: dict[str, list[int]] = {m: [0] * len(ROLES) for m in registry.muscles}
    per_session: dict[str, dict[str, list[int]]] = {label: {} for label in labels}
    contributors: dict[str, dict[str, None]] = {m: {} for m in registry.muscles}
    slots_of: dict[str, list[tuple[str, int]]] = {}
    exercise_sets: dict[str, int] = {}
    for (label, exercise_id), sets in pair_sets.items():
        slots = slots_of.get(exercise_id)
        if slots is None:
            slots = slots_of[exercise_id] = role_slots(catalog.exercises[exercise_id])
            for muscle_id, slot in slots:
                if weights[slot] > 0:
                    contributors[muscle_id][exercise_id] = None
        exercise_sets[exercise_id] = exercise_sets.get(exercise_id, 0) + sets
        session = per_session[label]
        for muscle_id, slot in slots:
            day = session.get(muscle_id)
            if day is None:
                day = session[muscle_id] = [0] * len(ROLES)
            day[slot] += sets
    # The week's totals from each exercise's sets, rather than once more for every session.
    for exercise_id, sets in exercise_sets.items():
        for muscle_id, slot in slots_of[exercise_id]:
            totals[muscle_id][slot] += sets

    loads: dict[str, list[SessionLoad]] = {m: [] for m in registry.muscles}
    for label, session in per_session.items():
        for muscle_id, counts in session.items():
            value = settings.weigh(counts)
            if value > 0:
                loads[muscle_id].append(SessionLoad(session=label, effective=value))
    muscles: dict[str, MuscleTally] = {}
    for muscle_id in registry.muscles:
        muscles[muscle_id] = MuscleTally(
            muscle=muscle_id,
            sets=RoleSets(**{role.value: sets for role, sets in zip(ROLES, totals[muscle_id], strict=True)}),
            effective=settings.weigh(totals[muscle_id]),
            days=len(loads[muscle_id]),
            sessions=tuple(loads[muscle_id]),
            exercises=tuple(contributors[muscle_id]),
        )
    return RoutineTally(muscles=muscles, exercises=tuple(exercise_sets), sessions=tuple(labels))


def tally_plan(plan: Plan, catalog: Catalog, settings: VolumeSettings = DEFAULT_SETTINGS) -> RoutineTally:
    """Tally a plan: each day is a session, labelled by its name (or 'Day N')."""
    labels = day_labels(plan)
    sessions = [
        (label, [(entry.exercise, entry.sets) for entry in day.exercises])
        for label, day in zip(labels, plan.days, strict=True)
    ]
    return tally_sessions(sessions, catalog, settings)


def average_tallies(tallies: Sequence[RoutineTally], weeks: int | None = None) -> RoutineTally:
    """The weekly average of several weeks' tallies (e.g. from a training log).

    Sets, effective sets and days are divided by `weeks` (default: the number of tallies, so pass
    weeks without training as empty tallies or give `weeks`). Session loads are kept as they are, so
    the per-session cap is still checked per real session; exercises are the union, in order.
    """
    count = len(tallies) if weeks is None else weeks
    if count <= 0:
        raise InputError("no weeks to average: the range holds no training")
    muscle_ids: dict[str, None] = {m: None for tally in tallies for m in tally.muscles}
    muscles: dict[str, MuscleTally] = {}
    for muscle_id in muscle_ids:
        parts = [tally.muscles[muscle_id] for tally in tallies if muscle_id in tally.muscles]
        muscles[muscle_id] = MuscleTally(
            muscle=muscle_id,
            sets=RoleSets(**{role.value: sum(p.sets.of(role) for p in parts) / count for role in Role}),
            effective=sum(p.effective for p in parts) / count,
            days=sum(p.days for p in parts) / count,
            sessions=tuple(load for p in parts for load in p.sessions),
            exercises=tuple(dict.fromkeys(e for p in parts for e in p.exercises)),
        )
    return RoutineTally(
        muscles=muscles,
        exercises=tuple(dict.fromkeys(e for tally in tallies for e in tally.exercises)),
        sessions=tuple(dict.fromkeys(s for tally in tallies for s in tally.sessions)),
    )


# --- Step 2: judge ----------------------------------------------------------------------------


class Status(StrEnum):
    """Where a muscle's weekly effective sets fall against its target band (docs/json.md)."""

    MISSED = "missed"
    UNDER = "under"
    OK = "ok"
    OVER = "over"


def status_of(effective: float, low: float, high: float) -> Status:
    """missed (no effective sets), under (below the minimum), ok, or over (above the maximum)."""
    if effective <= 0:
        return Status.MISSED
    if effective < low:
        return Status.UNDER
    if effective > high:
        return Status.OVER
    return Status.OK


class TargetBand(NamedTuple):
    """A weekly band of effective sets, and where its numbers come from."""

    min: Count
    max: Count
    basis: str


class MuscleCoverage(NamedTuple):
    """One muscle in the report: the stable keys first, then name, target basis and exercises."""

    id: str
    group: str
    sets: RoleSets
    effective: Count
    days: Count
    target: TargetBand
    status: Status
    name: str
    exercises: tuple[str, ...]


class CapWarning(NamedTuple):
    """A muscle that gets more effective sets in one session than the per-session cap."""

    muscle: str
    day: str
    effective: Count
    cap: Count
    message: str
    #: For a training log, which warns once per muscle: the sessions over the cap, this the worst.
    sessions_over_cap: Annotated[int | None, _JsonMark.OMIT_WHEN_NONE] = None


class ActionCoverage(NamedTuple):
    """Whether the routine loads a joint action with a muscle that performs it counted, and whether
    the routine needs it to."""

    id: str
    name: str
    covered: bool
    #: The routine's exercises that cover it.
    exercises: tuple[str, ...]
    #: The posterior-leg muscles that perform it.
    muscles: tuple[str, ...]
    #: For an uncovered action that is needed, what its absence costs.
    gap: str | None
    #: False for an uncovered action the routine can do without: one its muscles get enough of
    #: elsewhere (bent-knee calf work while the soleus meets its target).
    needed: bool = True


class SuggestedExercise(NamedTuple):
    """One exercise offered for a muscle, and why it ranks where it does."""

    id: str
    name: str
    equipment: Annotated[EquipmentNeeds, _JsonMark.EQUIPMENT]
    uses_routine_equipment: bool
    #: Ids of the joint-action gaps it would close.
    closes: tuple[str, ...]
    #: Already in the routine: the fix is more sets of it.
    in_routine: bool
    #: The strongest evidence the catalog gives for this exercise and muscle (H, E, A, X).
    evidence: EvidenceLevel | None


class Suggestion(NamedTuple):
    """For a missed or under muscle: catalog exercises that train it as primary, best first, or as
    secondary for a muscle that no exercise trains as primary (`role` says which)."""

    muscle: str
    exercises: tuple[str, ...]
    status: Status
    options: tuple[SuggestedExercise, ...]
    role: Role = Role.PRIMARY


def suggestion_notes(report: "CoverageReport", suggestion: Suggestion, option: SuggestedExercise) -> tuple[str, ...]:
    """What a person should know of an offered exercise, as every output says it: the equipment it
    needs, that it counts the muscle as secondary (where none trains it as primary), that it is already
    in the routine, and the joint-action gaps it closes, in the report's order of actions."""
    notes = [needs_text(option.equipment)]
    if suggestion.role is Role.SECONDARY:
        notes.append("counts it as secondary")
    if option.in_routine:
        notes.append("more sets of it")
    if option.closes:
        notes.append("closes " + ", ".join(a.name.lower() for a in report.actions if a.id in option.closes))
    return tuple(notes)


class Weights(NamedTuple):
    """The role weights the effective sets were counted with."""

    primary: float
    secondary: float
    stabilizer: float


class ContextMuscle(NamedTuple):
    """A neighbouring muscle (quadriceps, glutes, adductors, lower back): what the routine gives it,
    shown as context without a target, so that a lift counting nothing for the back of the leg still
    shows what it trains."""

    id: str
    group: str
    name: str
    sets: RoleSets
    effective: Count
    days: Count
    #: Ids of the routine's exercises that add effective sets.
    exercises: tuple[str, ...]


class NameRead(NamedTuple):
    """A family name the routine gave ('leg curl') and the exercise it was read as."""

    typed: str
    exercise: str
    name: str


class CoverageReport(NamedTuple):
    """The coverage of a routine: the `coverage --json` keys of docs/json.md, then legday's extras."""

    muscles: tuple[MuscleCoverage, ...]
    missed: tuple[str, ...]
    under: tuple[str, ...]
    over: tuple[str, ...]
    suggestions: tuple[Suggestion, ...]
    level: Level
    weights: Weights
    session_cap: Count
    actions: tuple[ActionCoverage, ...]
    warnings: tuple[CapWarning, ...]
    #: The neighbouring muscles, every one in registry order, as context (no targets).
    context: tuple[ContextMuscle, ...] = ()
    #: Posterior-leg muscles that no catalog exercise trains as primary: covered through secondary roles.
    secondary_only: tuple[str, ...] = ()
    #: For a routine given by names: the family names read as one exercise ('squat' as the back squat).
    read_as: Annotated[tuple[NameRead, ...] | None, _JsonMark.OMIT_WHEN_NONE] = None

    def to_data(self) -> dict[str, Any]:
        """The `coverage --json` document."""
        data: dict[str, Any] = _json_ready(self)
        return data

    def require_targets(self) -> None:
        """A strict check: raise TargetsUnmetError naming every missed or under muscle."""
        if self.missed or self.under:
            raise TargetsUnmetError(self.missed, self.under)


class ActionCheck(NamedTuple):
    """A joint action coverage looks for; plantarflexion is checked per knee angle. An action that is
    not `essential` is a gap only while a muscle that performs it is short of its target: its muscles
    can meet their targets through other work (the soleus in straight-knee raises, Kinoshita 2023;
    the toe flexors and the popliteus through their secondary roles)."""

    id: str
    action: Action
    knee_angle: KneeAngle | None
    name: str
    adjective: str
    essential: bool = True

    def loaded_by(self, exercise: Exercise) -> bool:
        """True when the exercise loads this action (at this knee angle, where one is given)."""
        return self.action in exercise.actions and (self.knee_angle is None or exercise.knee_angle is self.knee_angle)

    def performers(self, registry: MuscleRegistry) -> tuple[Muscle, ...]:
        """The posterior-leg muscles that do this work. A plantarflexor that also crosses the knee
        is slack with the knee bent, so it counts for the straight-knee check only; one that does not
        cross the knee carries the bent-knee work."""
        found = []
        for muscle in registry.targets:
            if self.action not in muscle.actions:
                continue
            crosses_knee = Joint.KNEE in muscle.joints
            if self.knee_angle is KneeAngle.STRAIGHT and not crosses_knee:
                continue
            if self.knee_angle is KneeAngle.BENT and crosses_knee:
                continue
            found.append(muscle)
        return tuple(found)


#: The joint actions coverage reports on, in report order.
ACTION_CHECKS: tuple[ActionCheck, ...] = (
    ActionCheck("hip_extension", Action.HIP_EXTENSION, None, "Hip extension", "hip-extension"),
    ActionCheck("knee_flexion", Action.KNEE_FLEXION, None, "Knee flexion", "knee-flexion"),
    ActionCheck(
        "plantarflexion_knee_straight",
        Action.PLANTARFLEXION,
        KneeAngle.STRAIGHT,
        "Plantarflexion, knee straight",
        "straight-knee plantarflexion",
    ),
    ActionCheck(
        "plantarflexion_knee_bent",
        Action.PLANTARFLEXION,
        KneeAngle.BENT,
        "Plantarflexion, knee bent",
        "bent-knee plantarflexion",
        essential=False,
    ),
    ActionCheck("toe_flexion", Action.TOE_FLEXION, None, "Toe flexion", "toe-flexion", essential=False),
    ActionCheck("knee_unlocking", Action.KNEE_UNLOCKING, None, "Knee unlocking", "knee-unlocking", essential=False),
)


def _counted(exercise: Exercise) -> tuple[str, ...]:
    return exercise.muscles.primary + exercise.muscles.secondary


def _covers(check: ActionCheck, exercise: Exercise, performers: Collection[str]) -> bool:
    return check.loaded_by(exercise) and any(m in performers for m in _counted(exercise))


def _join(items: Sequence[str], word: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _verb(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def _work_kinds(muscle: Muscle, exercises: Iterable[Exercise]) -> list[str]:
    """What work the routine gives a muscle, as adjectives: 'hip-extension', 'straight-knee plantarflexion'."""
    kinds: dict[str, None] = {}
    for exercise in exercises:
        if muscle.id not in _counted(exercise):
            continue
        for action in exercise.actions:
            if action not in muscle.actions:
                continue
            check = next((c for c in ACTION_CHECKS if c.action is action and c.loaded_by(exercise)), None)
            if check is not None and (check.knee_angle is None or action is Action.PLANTARFLEXION):
                kinds[check.adjective] = None
            else:
                kinds[action.value.replace("_", "-")] = None
    return list(kinds)


def _gap_sentence(
    check: ActionCheck,
    performers: Sequence[Muscle],
    tally: RoutineTally,
    exercises: Sequence[Exercise],
) -> str:
    """One sentence on what an uncovered joint action costs, derived from the registry.

    Untrained performers are named when the action is what they mainly do (their first action) or
    when they cross only one joint (so nothing else can train them); trained performers are named
    with the only work they get.
    """
    single_joint: dict[Joint, list[Muscle]] = {}
    mainly: list[Muscle] = []
    elsewhere: list[tuple[Muscle, list[str]]] = []
    for muscle in performers:
        muscle_tally = tally.muscles.get(muscle.id)
        if muscle_tally is not None and muscle_tally.effective > 0:
            elsewhere.append((muscle, _work_kinds(muscle, exercises)))
        elif len(muscle.joints) == 1:
            single_joint.setdefault(muscle.joints[0], []).append(muscle)
        elif muscle.actions[0] is check.action:
            mainly.append(muscle)
    clauses = []
    untrained = 0
    for joint, alone in single_joint.items():
        clauses.append(
            f"{_join([the_muscle(m) for m in alone])} {_verb(len(alone), 'crosses', 'cross')} only the {joint}"
        )
        untrained += len(alone)
    if mainly:
        action = mainly[0].actions[0].value.replace("_", " ")
        clauses.append(
            f"{_join([the_muscle(m) for m in mainly])} {_verb(len(mainly), 'acts', 'act')} mainly by {action}"
        )
        untrained += len(mainly)
    parts = []
    if clauses:
        parts.append(f"{_join(clauses)}, so this routine leaves {_verb(untrained, 'it', 'them')} untrained")
    by_work: dict[tuple[str, ...], list[Muscle]] = {}
    for muscle, kinds in elsewhere:
        by_work.setdefault(tuple(kinds), []).append(muscle)
    for work_kinds, trained in by_work.items():
        work = f"only {_join(list(work_kinds))} work" if work_kinds else "other work only"
        parts.append(f"{_join([the_muscle(m) for m in trained])} {_verb(len(trained), 'gets', 'get')} {work}")
    if not parts:
        names = _join([the_muscle(m) for m in performers], "or")
        parts.append(f"nothing here loads {check.name.lower()} for {names}")
    return f"no {check.adjective} exercise: {'; '.join(parts)}"


def action_coverage(
    tally: RoutineTally, catalog: Catalog, short: Collection[str] | None = None
) -> tuple[ActionCoverage, ...]:
    """Joint-action coverage: each action is covered when an exercise of the routine loads it and
    counts (primary or secondary) a posterior-leg muscle that performs it. An uncovered action is a
    gap, with a sentence, unless it is not essential and none of its muscles is in `short` (the
    muscles below their targets; None counts every uncovered action as a gap): then it is not needed."""
    exercises = [catalog.exercises[e] for e in tally.exercises if e in catalog.exercises]
    results = []
    for check in ACTION_CHECKS:
        performers = check.performers(catalog.muscles)
        ids = {m.id for m in performers}
        covering = tuple(e.id for e in exercises if _covers(check, e, ids))
        needed = check.essential or short is None or bool(ids.intersection(short))
        results.append(
            ActionCoverage(
                id=check.id,
                name=check.name,
                covered=bool(covering),
                exercises=covering,
                muscles=tuple(m.id for m in performers),
                gap=None if covering or not needed else _gap_sentence(check, performers, tally, exercises),
                needed=bool(covering) or needed,
            )
        )
    return tuple(results)


#: Evidence levels, strongest first: growth trial, muscle activity, anatomy, practitioner rule.
_EVIDENCE_ORDER = (EvidenceLevel.H, EvidenceLevel.E, EvidenceLevel.A, EvidenceLevel.X)


def _best_evidence(exercise: Exercise, muscle_id: str) -> EvidenceLevel | None:
    """The strongest evidence level the exercise cites for a muscle, if any."""
    levels = [item.level for item in exercise.evidence if muscle_id in item.muscles]
    return min(levels, key=_EVIDENCE_ORDER.index) if levels else None


def secondary_only(catalog: Catalog) -> tuple[str, ...]:
    """The posterior-leg muscles no catalog exercise trains as primary (the plantaris and popliteus of
    the built-in catalog, which no study has trained): they are covered through secondary roles."""
    primaries = {m for exercise in catalog.exercises.values() for m in exercise.muscles.primary}
    return tuple(m.id for m in catalog.muscles.targets if m.id not in primaries)


def secondary_only_note(report: CoverageReport) -> str:
    """The sentence a report gives its muscles that no exercise trains as primary, or ''."""
    names = [m.name for m in report.muscles if m.id in report.secondary_only]
    if not names:
        return ""
    them = "it" if len(names) == 1 else "them"
    return (
        f"{_join(names)}: no exercise in the catalog trains {them} as primary; "
        f"{'it is' if len(names) == 1 else 'they are'} covered through secondary roles, each set counting "
        f"{tidy_number(report.weights.secondary)}."
    )


def _suggestions(
    shortfalls: Sequence[MuscleCoverage],
    tally: RoutineTally,
    catalog: Catalog,
    gaps: Sequence[ActionCheck],
    level: Level,
) -> tuple[Suggestion, ...]:
    in_routine = set(tally.exercises)
    # The equipment the routine surely has: what its exercises need without a choice. An exercise
    # done with either of two tools tells not which one the lifter has, so neither counts.
    equipment = {Equipment.BODYWEIGHT} | {
        group[0]
        for e in tally.exercises
        if e in catalog.exercises
        for group in catalog.exercises[e].equipment
        if len(group) == 1
    }
    short_ids = {m.id for m in shortfalls}
    gap_performers = {check.id: {m.id for m in check.performers(catalog.muscles)} for check in gaps}
    order = {exercise_id: index for index, exercise_id in enumerate(catalog.exercises)}
    only_secondary = set(secondary_only(catalog))
    suggestions = []
    for muscle in shortfalls:
        # A muscle no exercise trains as primary is offered the exercises that count it as secondary.
        role = Role.SECONDARY if muscle.id in only_secondary else Role.PRIMARY
        options = []
        for exercise in catalog.exercises.values():
            if muscle.id not in exercise.muscles.by_role(role) or exercise.conditioning:
                continue
            closes = tuple(c.id for c in gaps if _covers(c, exercise, gap_performers[c.id]))
            options.append(
                SuggestedExercise(
                    id=exercise.id,
                    name=exercise.name,
                    equipment=exercise.equipment,
                    uses_routine_equipment=exercise.available_with(equipment),
                    closes=closes,
                    in_routine=exercise.id in in_routine,
                    evidence=_best_evidence(exercise, muscle.id),
                )
            )

        offered = {option.id for option in options}
        outranked = {option.id for option in options if offered.intersection(catalog.exercises[option.id].outranked_by)}

        def rank(
            option: SuggestedExercise, outranked: frozenset[str] = frozenset(outranked)
        ) -> tuple[bool, int, int, bool, bool, int, int]:
            # Equipment already at hand first, then what closes most gaps, then the strongest
            # evidence for this muscle (a growth trial before anatomy), then what no other option
            # outranks (the seated leg curl before the lying one, Maeo 2021), then something new
            # before more sets of the same, then what helps most other short muscles.
            exercise = catalog.exercises[option.id]
            helps = len(short_ids.intersection(exercise.muscles.primary))
            strength = _EVIDENCE_ORDER.index(option.evidence) if option.evidence else len(_EVIDENCE_ORDER)
            return (
                not option.uses_routine_equipment,
                -len(option.closes),
                strength,
                option.id in outranked,
                option.in_routine,
                -helps,
                order[option.id],
            )

        # Within the level where anything is (an assisted Nordic curl for a beginner, not the Nordic).
        suited = [option for option in options if catalog.exercises[option.id].suits(level)] or options
        best = sorted(suited, key=rank)[:SUGGESTIONS_PER_MUSCLE]
        suggestions.append(
            Suggestion(
                muscle=muscle.id,
                exercises=tuple(o.id for o in best),
                status=muscle.status,
                options=tuple(best),
                role=role,
            )
        )
    return tuple(suggestions)


def _cap_warning(muscle: Muscle, load: SessionLoad, cap: float, sessions_over_cap: int | None = None) -> CapWarning:
    """The warning for a muscle's session over the per-session cap (the worst of several, if counted)."""
    worst = (
        f" (the most of {sessions_over_cap} sessions over it)" if sessions_over_cap and sessions_over_cap > 1 else ""
    )
    return CapWarning(
        muscle=muscle.id,
        day=load.session,
        effective=load.effective,
        cap=cap,
        message=(
            f"{load.session}: {muscle.name} gets {number_text(load.effective)} effective sets, "
            f"over the per-session cap of {number_text(cap)}{worst}; "
            "sets beyond it add little, so move some to another day"
        ),
        sessions_over_cap=sessions_over_cap,
    )


def report_from_tally(
    tally: RoutineTally,
    catalog: Catalog,
    level: Level,
    settings: VolumeSettings = DEFAULT_SETTINGS,
    *,
    worst_session_only: bool = False,
) -> CoverageReport:
    """Judge a tally: each posterior-leg muscle's status against its target at `level`, the
    per-session cap warnings, joint-action coverage and suggestions.

    A warning is given for every session over the cap; with `worst_session_only` (a training log of
    years has thousands) one per muscle instead, for its worst session, counting the sessions over.
    """
    registry = catalog.muscles
    muscles = []
    warnings = []
    for muscle in registry.targets:
        muscle_tally = tally.muscles.get(muscle.id) or MuscleTally(
            muscle=muscle.id, sets=RoleSets(), effective=0, days=0, sessions=(), exercises=()
        )
        target = settings.target(muscle.id, level)
        muscles.append(
            MuscleCoverage(
                id=muscle.id,
                group=muscle.group,
                sets=muscle_tally.sets,
                effective=muscle_tally.effective,
                days=muscle_tally.days,
                target=TargetBand(min=target.min, max=target.max, basis=target.basis),
                status=status_of(muscle_tally.effective, target.min, target.max),
                name=muscle.name,
                exercises=muscle_tally.exercises,
            )
        )
        over = [load for load in muscle_tally.sessions if load.effective > settings.session_cap]
        if worst_session_only and over:
            # The first of the highest: ties go to the earliest session.
            worst = max(over, key=lambda load: load.effective)
            warnings.append(_cap_warning(muscle, worst, settings.session_cap, sessions_over_cap=len(over)))
        else:
            warnings.extend(_cap_warning(muscle, load, settings.session_cap) for load in over)
    context = tuple(
        ContextMuscle(
            id=muscle.id,
            group=muscle.group,
            name=muscle.name,
            sets=found.sets,
            effective=found.effective,
            days=found.days,
            exercises=found.exercises,
        )
        for muscle in registry.muscles.values()
        if not muscle.is_target and (found := tally.muscles.get(muscle.id)) is not None
    )
    by_status = {status: tuple(m.id for m in muscles if m.status is status) for status in Status}
    shortfalls = [m for m in muscles if m.status in (Status.MISSED, Status.UNDER)]
    actions = action_coverage(tally, catalog, short={m.id for m in shortfalls})
    gaps = [check for check, result in zip(ACTION_CHECKS, actions, strict=True) if result.gap is not None]
    weights = settings.weights
    return CoverageReport(
        muscles=tuple(muscles),
        missed=by_status[Status.MISSED],
        under=by_status[Status.UNDER],
        over=by_status[Status.OVER],
        suggestions=_suggestions(shortfalls, tally, catalog, gaps, level),
        level=level,
        weights=Weights(primary=weights.primary, secondary=weights.secondary, stabilizer=weights.stabilizer),
        session_cap=settings.session_cap,
        actions=actions,
        warnings=tuple(warnings),
        context=context,
        secondary_only=secondary_only(catalog),
    )


def coverage_report(
    plan: Plan,
    catalog: Catalog,
    level: Level | None = None,
    settings: VolumeSettings = DEFAULT_SETTINGS,
    *,
    read_as: Sequence[Reading] | None = None,
) -> CoverageReport:
    """The coverage of a plan at `level` (default: the plan's own level, else intermediate).

    `read_as`, the family names the plan's names were read as (`Routine.read_as`), is kept in the
    report so that it says how it read them; without any the report has no `read_as`, so a routine
    of exact names reports exactly as the plan it is.
    """
    report = report_from_tally(tally_plan(plan, catalog, settings), catalog, level or plan_level(plan), settings)
    if not read_as:
        return report
    # Once per spelling, as first given: a name repeated in a file and with -e is one reading.
    once = {r.typed: r for r in read_as}.values()
    names = tuple(NameRead(typed=r.typed, exercise=r.exercise.id, name=r.exercise.name) for r in once)
    return report._replace(read_as=names)


def plan_level(plan: Plan) -> Level:
    """The level a plan was built for, or intermediate when it does not say."""
    return plan.settings.level if plan.settings is not None else Level.INTERMEDIATE


def load_routine(
    path: Path | str | None, specs: Sequence[str], catalog: Catalog, *, read_as: list[Reading] | None = None
) -> Plan:
    """The routine `legday coverage` checks: a plan file ('-' for standard input) and/or exercises
    given as 'EXERCISE[:SETS]' (3 sets by default), which form one extra session. A block file
    gives its peak week. Each family name read as one exercise ('leg curl' as the lying leg curl)
    is appended to `read_as`, when given."""
    found = load_routine_or_block(path, specs, catalog, read_as=read_as)
    return found.week(found.peak) if isinstance(found, Block) else found


def load_routine_or_block(
    path: Path | str | None,
    specs: Sequence[str],
    catalog: Catalog,
    week: int | None = None,
    *,
    read_as: list[Reading] | None = None,
) -> Plan | Block:
    """As `load_routine`, but a block file without `week` stays a block (its weeks are checked
    together); with `week`, that week of a block, or of a one-week plan its only week, 1. Raises
    InputError for a week beyond the file's and for -e with a whole block."""
    if path is None and not specs:
        raise InputError("nothing to check: give a plan or exercises")
    # Every bad exercise and every problem of the file are reported together, so one run shows
    # them all: an InputErrors of every problem (or the one problem alone).
    problems: list[InputError] = []
    parsed: list[PlanEntry] = []
    for spec in specs:
        try:
            parsed.append(parse_exercise_spec(spec, catalog, read_as=read_as))
        except InputError as error:
            problems.append(error)
    found: Plan | Block | None = None
    if path is not None:
        try:
            found = read_plan_or_block(path, catalog, read_as=read_as)
        except InputError as error:
            problems.append(error)
    if problems:
        raise InputErrors.of(problems)
    entries = tuple(parsed)
    inline = PlanDay(name=INLINE_SESSION, exercises=entries) if entries else None
    if found is None:
        if week not in (None, 1):
            raise InputError(
                f"exercises given on their own make one week, so week {week} is not in it; ask for week 1 or none",
                parameters=("week",),
            )
        return Plan(days=(PlanDay(name=INLINE_SESSION, exercises=entries),))
    if isinstance(found, Block):
        if week is None:
            if inline is not None:
                raise InputError(
                    "exercises given on their own add a session to one week: choose the week of this block to "
                    "check with them",
                    parameters=("exercise", "week"),
                )
            return found
        plan = found.week(week)
    elif week not in (None, 1):
        raise InputError(
            f"{path} is a plan of one week, so week {week} is not in it; ask for week 1 or none", parameters=("week",)
        )
    else:
        plan = found
    if inline is None:
        return plan
    # A routine is not a plan to be written: an extra session may make it longer than a week's 7 days.
    return plan.model_copy(update={"days": (*plan.days, inline)})


def describe_routine(path: Path | str | None, specs: Sequence[str]) -> str:
    """What a `legday coverage` run checks, for the report's heading."""
    source = None if path is None else ("standard input" if str(path) == "-" else str(path))
    if source and specs:
        return f"{source} and {len(specs)} exercise{'s' if len(specs) != 1 else ''} given with -e"
    return source or f"{len(specs)} exercise{'s' if len(specs) != 1 else ''} given with -e"
