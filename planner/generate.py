"""Plan generation: a weekly leg-day plan with the fewest sets that meets every muscle's target.

The plan is an integer program solved exactly with HiGHS. For each day d and available exercise e,
`sets[d, e]` is 0 or 2-5 (a binary `used[d, e]` switches it on). The rules:

- each posterior-leg muscle's weekly effective sets (sets x role weight) lie in its target band;
- no muscle gets more than the per-session cap of effective sets in one day;
- each day's estimated minutes (sets x (set seconds + rest seconds) / 60) fit the session length;
- every day has an exercise; with 2+ days, each hamstring muscle, the gastrocnemius and the soleus
  get effective sets on at least 2 days;
- the week holds a hip-extension and a knee-flexion exercise for the hamstrings and a straight-knee
  and a bent-knee calf exercise, each when some available exercise does that work.

Stage 1 minimises the total weekly sets. Stage 2 keeps that optimum and picks among the equally small
plans: stronger evidence first (H > E > A > X), then sessions of even length, and for a seed other
than 0 seeded preferences per exercise, so other seeds give variety and the same seed the same plan.

When no plan exists, `generate_plan` raises UnmetRequestError naming the muscle or limit that blocks
it and a change of the request that would work (found by re-solving relaxed requests).
"""

import math
import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, Field, field_validator

from exercises.catalog import Catalog, Exercise
from exercises.exceptions import UnmetRequestError
from exercises.muscles import Muscle
from exercises.vocabulary import Action, Equipment, EvidenceLevel, KneeAngle, Mechanic, Pattern, Role
from planner.limits import MAX_DAYS, MAX_MINUTES, MAX_SEED, MIN_DAYS, MIN_MINUTES
from planner.plan_file import Plan, PlanDay, PlanEntry, PlanSettings, Weekday
from planner.solver import IntegerProgram, solve
from planner.volume import Level, VolumeSettings

#: Sets of one exercise in one day: fewer is hardly a working block, more is better split over days.
MIN_EXERCISE_SETS: Final = 2
MAX_EXERCISE_SETS: Final = 5
#: With two or more days, these muscles must be trained on at least this many days.
TWICE_A_WEEK_DAYS: Final = 2
#: Evidence levels from strongest to weakest; an exercise with none ranks after X.
_EVIDENCE_ORDER: Final = (EvidenceLevel.H, EvidenceLevel.E, EvidenceLevel.A, EvidenceLevel.X)
#: How far a seed's random preference can move an exercise: up to this many evidence levels.
_SEED_SPREAD: Final = 2.0
#: Stage 2's weight on the longest session, per minute: below one evidence level per set moved, so
#: evenness decides only between plans of equal evidence.
_EVENNESS_WEIGHT: Final = 0.05
#: Stage 2's relative gap: the tie-break is a preference, so near-best is enough (stage 1 is exact).
_TIE_BREAK_GAP: Final = 1e-3
#: Order of movement patterns within a day (compounds before isolation is decided first).
_PATTERN_ORDER: Final = (
    Pattern.HIP_HINGE,
    Pattern.SQUAT,
    Pattern.LUNGE,
    Pattern.LEG_PRESS,
    Pattern.HIP_EXTENSION,
    Pattern.KNEE_FLEXION,
    Pattern.PLANTARFLEXION,
    Pattern.TOE_FLEXION,
    Pattern.OTHER,
)


class PlanRequest(BaseModel):
    """What a person asks for: days a week, level, equipment at hand, minutes per session,
    exercises to leave out (ids, names or aliases) and a seed for variety."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    days: Annotated[int, Field(ge=MIN_DAYS, le=MAX_DAYS, description="training days a week")] = 2
    level: Level = Level.INTERMEDIATE
    equipment: tuple[Equipment, ...] = Field(default=tuple(Equipment), description="equipment at hand")
    minutes: Annotated[int, Field(ge=MIN_MINUTES, le=MAX_MINUTES, description="the longest session")] = 75
    exclude: tuple[str, ...] = Field(default=(), description="exercises to leave out")
    seed: Annotated[int, Field(ge=0, le=MAX_SEED, description="0: the best-evidence plan; others: variety")] = 0

    @field_validator("equipment")
    @classmethod
    def _in_vocabulary_order(cls, equipment: tuple[Equipment, ...]) -> tuple[Equipment, ...]:
        """One order for the same set, so the same request always gives the same plan file."""
        return tuple(item for item in Equipment if item in equipment)


@dataclass(frozen=True)
class _Need:
    """Work the week must contain when an available exercise can do it: an action loaded with a
    muscle of the group that performs it counted (at a knee angle, for the calves)."""

    description: str
    group: str
    action: Action
    knee_angle: KneeAngle | None

    def met_by(self, exercise: Exercise, counted: Collection[str], catalog: Catalog) -> bool:
        """True when the exercise loads the action and counts a group muscle that performs it."""
        if self.action not in exercise.actions:
            return False
        if self.knee_angle is not None and exercise.knee_angle is not self.knee_angle:
            return False
        muscles = catalog.muscles.muscles
        return any(
            muscles[m].group == self.group and self.action in muscles[m].actions for m in counted if m in muscles
        )


NEEDS: Final = (
    _Need("a hip-extension exercise for the hamstrings", "hamstrings", Action.HIP_EXTENSION, None),
    _Need("a knee-flexion exercise for the hamstrings", "hamstrings", Action.KNEE_FLEXION, None),
    _Need("a straight-knee calf exercise", "calves", Action.PLANTARFLEXION, KneeAngle.STRAIGHT),
    _Need("a bent-knee calf exercise", "calves", Action.PLANTARFLEXION, KneeAngle.BENT),
)


def twice_a_week_muscles(catalog: Catalog) -> tuple[str, ...]:
    """The muscles a plan of 2+ days trains on at least 2 days: the hamstrings, gastrocnemius, soleus."""
    wanted = {*catalog.muscles.group_members("hamstrings"), "gastrocnemius", "soleus"}
    return tuple(m.id for m in catalog.muscles.targets if m.id in wanted)


def weekdays(days: int) -> tuple[Weekday, ...]:
    """Weekdays spread over the week: day i on weekday floor(i x 7 / days). That keeps sessions 48 h
    apart where the week allows (Monday/Thursday, Monday/Wednesday/Friday) and, beyond 3 days, has
    the fewest back-to-back sessions a 7-day week permits."""
    order = tuple(Weekday)
    return tuple(order[index * 7 // days] for index in range(days))


def session_seconds(exercise: Exercise) -> int:
    """Seconds one set of an exercise takes, its rest included."""
    return exercise.set_seconds + exercise.rest_seconds


def plan_minutes(plan: Plan, catalog: Catalog) -> tuple[float, ...]:
    """Each day's estimated minutes (docs/plan-file.md): the sum of sets x (set seconds + rest seconds) / 60,
    with an entry's own rest where it gives one."""
    minutes = []
    for day in plan.days:
        seconds = 0
        for entry in day.exercises:
            exercise = catalog.exercise(entry.exercise)
            rest = entry.rest_seconds if entry.rest_seconds is not None else exercise.rest_seconds
            seconds += entry.sets * (exercise.set_seconds + rest)
        minutes.append(round(seconds / 60, 2))
    return tuple(minutes)


# --- The problem the solver sees ----------------------------------------------------------------


@dataclass(frozen=True)
class _Option:
    """An exercise the plan may use, with what the integer program needs to know of it."""

    exercise: Exercise
    weights: Mapping[str, float]
    seconds: int
    needs: frozenset[int]
    cost: float


@dataclass(frozen=True)
class _Problem:
    """One integer program: the options, the week's shape and the limits."""

    options: tuple[_Option, ...]
    days: int
    minutes: int
    minimum: Mapping[str, float]
    maximum: Mapping[str, float]
    cap: float
    twice: tuple[str, ...]
    needs: tuple[int, ...]

    def reshaped(self, *, days: int | None = None, minutes: int | None = None) -> "_Problem":
        """The same problem with other days or minutes (for finding a way out of an infeasible one)."""
        return replace(
            self, days=self.days if days is None else days, minutes=self.minutes if minutes is None else minutes
        )


#: A solution: for each day, (option index, sets) pairs.
_Solution = tuple[tuple[tuple[int, int], ...], ...]


def _evidence_rank(exercise: Exercise) -> int:
    levels = [_EVIDENCE_ORDER.index(item.level) for item in exercise.evidence]
    return min(levels, default=len(_EVIDENCE_ORDER))


def _options(
    exercises: Sequence[Exercise], catalog: Catalog, settings: VolumeSettings, seed: int
) -> tuple[_Option, ...]:
    # One draw per catalog exercise in catalog order, so a seed's preferences for the exercises it
    # can use do not depend on which others the equipment or --exclude removed.
    preference = random.Random(seed)
    noise = {exercise_id: preference.random() for exercise_id in catalog.exercises}
    options = []
    for exercise in exercises:
        weights = {}
        for role in Role:
            weight = settings.weights.of(role)
            if weight > 0:
                weights.update(dict.fromkeys(exercise.muscles.by_role(role), weight))
        counted = tuple(weights)
        cost = float(_evidence_rank(exercise)) + (_SEED_SPREAD * noise[exercise.id] if seed else 0.0)
        options.append(
            _Option(
                exercise=exercise,
                weights=weights,
                seconds=session_seconds(exercise),
                needs=frozenset(i for i, need in enumerate(NEEDS) if need.met_by(exercise, counted, catalog)),
                cost=cost,
            )
        )
    return tuple(options)


def _without_dominated(problem: _Problem) -> _Problem:
    """Drop options that can never be needed, which keeps big catalogs fast and the optimum exact.

    Options with the same weights are interchangeable for every muscle rule. One of them dominates
    another when it meets every need the other meets, takes no longer per set and costs no more. A
    day holds at most `room` options of one weight class (each uses 2+ sets and the per-session cap
    bounds their heaviest muscle), so an option with `room` or more dominators (then `room` or more
    kept ones, by transitivity) can always be swapped for an unused one on its day, losing nothing.
    """
    classes: dict[tuple[tuple[str, float], ...], list[int]] = {}
    for index, option in enumerate(problem.options):
        classes.setdefault(tuple(sorted(option.weights.items())), []).append(index)
    keep: list[int] = []
    for key, members in classes.items():
        heaviest = max((weight for _, weight in key), default=0.0)
        room = len(members)
        if heaviest > 0:
            room = min(room, math.floor(problem.cap / (MIN_EXERCISE_SETS * heaviest)))
        for index in members:
            option = problem.options[index]
            dominators = sum(
                1
                for other in members
                if other != index
                and problem.options[other].needs >= option.needs
                and problem.options[other].seconds <= option.seconds
                and problem.options[other].cost <= option.cost
                and (
                    (problem.options[other].seconds, problem.options[other].cost, other)
                    < (option.seconds, option.cost, index)
                )
            )
            if dominators < max(room, 1):
                keep.append(index)
    keep.sort()
    kept = tuple(problem.options[i] for i in keep)
    needs = tuple(n for n in problem.needs if any(n in option.needs for option in kept))
    return replace(problem, options=kept, needs=needs)


# --- The integer programs -----------------------------------------------------------------------
#
# Solving the whole week at once is slow when days are many (they are interchangeable, so the solver
# wades through permutations). So the week is solved in two parts, and exactly:
#
# 1. the weekly model: sets per exercise for the week, with every rule that holds for a week as a
#    whole (the bands, the needs; the cap and the minutes summed over the days; 2 sets on each of 2
#    days for a twice-a-week muscle). Its optimum is a lower bound on any plan's sets. Its stage 2
#    keeps that optimum and prefers stronger evidence and the seed's preferences;
# 2. the daily model: the same weekly sets per exercise spread over the days with every daily rule,
#    the longest session as short as possible. When that works, the plan has the bound's sets, so it
#    is optimal. When it does not, the full daily model is solved in its two stages, with the bound
#    as a cut (the first plan found at the bound is then known to be optimal).


def _counting(problem: _Problem, muscle: str) -> list[tuple[int, float]]:
    """(option index, weight) of the options that count a muscle."""
    return [(i, option.weights[muscle]) for i, option in enumerate(problem.options) if muscle in option.weights]


def _muscles(problem: _Problem) -> list[str]:
    """Every muscle an option counts or a band names, in a fixed order."""
    return sorted({m for option in problem.options for m in option.weights} | set(problem.minimum))


def _weekly_model(problem: _Problem, *, total: int | None = None) -> tuple[IntegerProgram, list[int]]:
    """The weekly model (part 1 above); with `total`, its stage 2: at most `total` sets, preferences
    as the objective. Returns the model and the column of each option's weekly sets."""
    model = IntegerProgram.empty()
    inf = math.inf
    days = problem.days
    weekly = []
    used = []
    for i, option in enumerate(problem.options):
        cost = 1.0 if total is None else option.cost
        x = model.variable(f"sets_{i}", 0, MAX_EXERCISE_SETS * days, integer=True, cost=cost)
        u = model.variable(f"used_{i}", 0, 1, integer=True)
        model.row(0, inf, {x: 1, u: -MIN_EXERCISE_SETS})
        model.row(-inf, 0, {x: 1, u: -MAX_EXERCISE_SETS * days})
        weekly.append(x)
        used.append(u)
    model.row(MIN_EXERCISE_SETS * days, inf if total is None else total, dict.fromkeys(weekly, 1.0))
    model.row(-inf, problem.minutes * 60 * days, {x: o.seconds for x, o in zip(weekly, problem.options, strict=True)})
    for muscle in _muscles(problem):
        terms = {weekly[i]: w for i, w in _counting(problem, muscle)}
        upper = problem.cap * days
        if muscle in problem.minimum:
            model.row(problem.minimum[muscle], min(upper, problem.maximum[muscle]), terms)
        else:
            model.row(-inf, upper, terms)
        if days >= TWICE_A_WEEK_DAYS and muscle in problem.twice:
            model.row(TWICE_A_WEEK_DAYS * MIN_EXERCISE_SETS, inf, dict.fromkeys(terms, 1.0))
    for need in problem.needs:
        model.row(1, inf, {u: 1.0 for u, o in zip(used, problem.options, strict=True) if need in o.needs})
    return model, weekly


@dataclass(frozen=True)
class _Layout:
    """Where the daily model's variables are."""

    sets: tuple[tuple[int, ...], ...]
    used: tuple[tuple[int, ...], ...]
    #: The row of each target muscle's weekly band.
    bands: Mapping[str, int]


def _daily_model(
    problem: _Problem,
    *,
    cost: Sequence[float] | None = None,
    evenness: float = 0.0,
    total: int | None = None,
) -> tuple[IntegerProgram, _Layout]:
    """The daily model: sets of each option on each day, with every rule. The objective is the
    options' per-set `cost` (default 1: the total sets) plus `evenness` per minute of the longest
    session; `total` caps the total sets (stage 2)."""
    model = IntegerProgram.empty()
    inf = math.inf
    options = problem.options
    sets: list[tuple[int, ...]] = []
    used: list[tuple[int, ...]] = []
    for d in range(problem.days):
        day_sets = []
        day_used = []
        for i in range(len(options)):
            per_set = 1.0 if cost is None else cost[i]
            s = model.variable(f"sets_{d}_{i}", 0, MAX_EXERCISE_SETS, integer=True, cost=per_set)
            u = model.variable(f"used_{d}_{i}", 0, 1, integer=True)
            model.row(0, inf, {s: 1, u: -MIN_EXERCISE_SETS})
            model.row(-inf, 0, {s: 1, u: -MAX_EXERCISE_SETS})
            day_sets.append(s)
            day_used.append(u)
        sets.append(tuple(day_sets))
        used.append(tuple(day_used))
        model.row(1, inf, dict.fromkeys(day_used, 1.0))
        model.row(-inf, problem.minutes * 60, {s: o.seconds for s, o in zip(day_sets, options, strict=True)})
    bands = {}
    for muscle in _muscles(problem):
        counting = _counting(problem, muscle)
        if muscle in problem.minimum:
            bands[muscle] = len(model.rows)
            week = {sets[d][i]: w for d in range(problem.days) for i, w in counting}
            model.row(problem.minimum[muscle], problem.maximum[muscle], week)
        if sum(MAX_EXERCISE_SETS * w for _, w in counting) > problem.cap:
            for d in range(problem.days):
                model.row(-inf, problem.cap, {sets[d][i]: w for i, w in counting})
    if problem.days >= TWICE_A_WEEK_DAYS:
        for k, muscle in enumerate(problem.twice):
            counting_ids = [i for i, _ in _counting(problem, muscle)]
            trained = []
            for d in range(problem.days):
                t = model.variable(f"trained_{d}_{k}", 0, 1, integer=True)
                trained.append(t)
                model.row(-inf, 0, {t: 1.0} | {used[d][i]: -1.0 for i in counting_ids})
            model.row(TWICE_A_WEEK_DAYS, inf, dict.fromkeys(trained, 1.0))
    for need in problem.needs:
        meeting = [i for i, option in enumerate(options) if need in option.needs]
        model.row(1, inf, {used[d][i]: 1.0 for d in range(problem.days) for i in meeting})
    # Days are interchangeable: order them by total sets, so the solver does not search permutations.
    for d in range(problem.days - 1):
        model.row(0, inf, dict.fromkeys(sets[d], 1.0) | dict.fromkeys(sets[d + 1], -1.0))
    if total is not None:
        model.row(-inf, total, {s: 1.0 for day in sets for s in day})
    if evenness:
        # In whole seconds: whole-number data keeps HiGHS clear of rounding trouble at its tolerances.
        longest = model.variable("longest", 0, problem.minutes * 60, integer=True, cost=evenness / 60)
        for day_columns in sets:
            terms = {s: float(o.seconds) for s, o in zip(day_columns, options, strict=True)}
            model.row(-inf, 0, terms | {longest: -1.0})
    return model, _Layout(tuple(sets), tuple(used), bands)


def _read(values: Sequence[float], layout: _Layout) -> _Solution:
    return tuple(tuple((i, round(values[s])) for i, s in enumerate(day) if round(values[s]) > 0) for day in layout.sets)


def _spread(problem: _Problem, weekly: Sequence[int]) -> _Solution | None:
    """Part 2: the weekly sets of each option spread over the days, the longest session shortest;
    None when these weekly sets cannot be spread within the daily rules."""
    # Only the options with weekly sets take part: the others stay at 0, and leaving them out keeps
    # the model small however big the catalog.
    chosen = [i for i, sets in enumerate(weekly) if sets > 0]
    options = tuple(problem.options[i] for i in chosen)
    needs = tuple(n for n in problem.needs if any(n in option.needs for option in options))
    part = replace(problem, options=options, needs=needs)
    model, layout = _daily_model(part, cost=[0.0] * len(options), evenness=1.0)
    for j, i in enumerate(chosen):
        model.row(weekly[i], weekly[i], {day[j]: 1.0 for day in layout.sets})
    values = solve(model, gap=_TIE_BREAK_GAP)
    if values is None:
        return None
    return tuple(tuple((chosen[j], sets) for j, sets in day) for day in _read(values, layout))


def _weekly_optimum(problem: _Problem) -> tuple[int, list[int]] | None:
    """Part 1 in both stages: the bound and the preferred weekly sets per option; None when even
    the weekly rules cannot be met (then no plan exists)."""
    model, weekly = _weekly_model(problem)
    values = solve(model)
    if values is None:
        return None
    bound = sum(round(values[x]) for x in weekly)
    model, weekly = _weekly_model(problem, total=bound)
    values = solve(model, gap=_TIE_BREAK_GAP)
    if values is None:  # cannot happen: stage 1's answer is feasible here
        raise RuntimeError("the weekly model lost its own optimum")
    return bound, [round(values[x]) for x in weekly]


def _solve(problem: _Problem) -> _Solution | None:
    """The plan with the fewest sets (exact), and among those the preferred one; None if none exists."""
    found = _weekly_optimum(problem)
    if found is None:
        return None
    bound, weekly = found
    spread = _spread(problem, weekly)
    if spread is not None:
        return spread
    # The preferred weekly sets do not fit the days: solve the whole week at once.
    model, layout = _daily_model(problem)
    model.row(bound, math.inf, {s: 1.0 for day in layout.sets for s in day})  # a valid cut: bound <= optimum
    values = solve(model)
    if values is None:
        return None
    total = sum(sets for day in _read(values, layout) for _, sets in day)
    # Stage 2 on the whole week, preferences only (evenness in one model is slow), then the chosen
    # weekly sets are spread evenly: they fit the days, as stage 2's own plan shows.
    cost = [option.cost for option in problem.options]
    model, layout = _daily_model(problem, cost=cost, total=total)
    values = solve(model, gap=_TIE_BREAK_GAP, start=values)
    if values is None:  # cannot happen: stage 1's plan is feasible here
        raise RuntimeError("stage 2 lost the stage 1 optimum")
    chosen = _read(values, layout)
    weekly = [sum(sets for day in chosen for i, sets in day if i == index) for index in range(len(cost))]
    return _spread(problem, weekly) or chosen


def _fewest_sets(problem: _Problem) -> int | None:
    """The fewest weekly sets of any plan, or None when no plan exists."""
    solution = _solve(problem)
    return None if solution is None else sum(sets for day in solution for _, sets in day)


def _has_plan(problem: _Problem) -> bool:
    """Whether any plan exists: `_solve` without the preferences, for probing relaxed requests."""
    model, weekly = _weekly_model(problem)
    values = solve(model)
    if values is None:
        return False
    if _spread(problem, [round(values[x]) for x in weekly]) is not None:
        return True
    model, _ = _daily_model(problem)
    return solve(model) is not None


# --- From request to plan -----------------------------------------------------------------------


def _day_order(option: _Option) -> tuple[int, int, str]:
    """Compounds first, then isolation; within each, by movement pattern, then by id."""
    exercise = option.exercise
    return (
        0 if exercise.mechanic is Mechanic.COMPOUND else 1,
        _PATTERN_ORDER.index(exercise.pattern),
        exercise.id,
    )


def _plan_name(request: PlanRequest) -> str:
    days = "1 leg day" if request.days == 1 else f"{request.days} leg days"
    return f"{days} a week, {request.level}, {request.minutes} minutes"


def _to_plan(solution: _Solution, problem: _Problem, request: PlanRequest, excluded: tuple[str, ...]) -> Plan:
    days = []
    for number, (weekday, work) in enumerate(zip(weekdays(request.days), solution, strict=True), 1):
        ordered = sorted(work, key=lambda item: _day_order(problem.options[item[0]]))
        entries = tuple(
            PlanEntry(
                exercise=problem.options[i].exercise.id,
                sets=sets,
                reps=problem.options[i].exercise.reps,
                rest_seconds=problem.options[i].exercise.rest_seconds,
            )
            for i, sets in ordered
        )
        days.append(PlanDay(name=f"Day {number}", weekday=weekday, exercises=entries))
    settings = PlanSettings(
        days=request.days,
        level=request.level,
        equipment=request.equipment,
        minutes=request.minutes,
        seed=request.seed,
        exclude=excluded or None,
    )
    return Plan(name=_plan_name(request), settings=settings, days=tuple(days))


def excluded_ids(request: PlanRequest, catalog: Catalog) -> tuple[str, ...]:
    """The ids of the exercises a request leaves out, sorted: its exclusions are ids, names or
    aliases in any order; an unknown one raises UnknownNameError (exit 2)."""
    return tuple(sorted({catalog.exercise(name).id for name in request.exclude}))


def available_exercises(request: PlanRequest, catalog: Catalog) -> tuple[Exercise, ...]:
    """The catalog exercises a request allows: all their equipment at hand, and not excluded."""
    excluded = set(excluded_ids(request, catalog))
    return tuple(
        exercise
        for exercise in catalog.exercises.values()
        if exercise.available_with(request.equipment) and exercise.id not in excluded
    )


def _problem(
    request: PlanRequest, exercises: Sequence[Exercise], catalog: Catalog, settings: VolumeSettings
) -> _Problem:
    options = _options(exercises, catalog, settings, request.seed)
    targets = {m.id: settings.target(m.id, request.level) for m in catalog.muscles.targets}
    return _Problem(
        options=options,
        days=request.days,
        minutes=request.minutes,
        minimum={m: t.min for m, t in targets.items()},
        maximum={m: t.max for m, t in targets.items()},
        cap=settings.session_cap,
        twice=twice_a_week_muscles(catalog),
        needs=tuple(i for i in range(len(NEEDS)) if any(i in option.needs for option in options)),
    )


def generate_plan(request: PlanRequest, catalog: Catalog, settings: VolumeSettings | None = None) -> Plan:
    """The weekly plan with the fewest sets that meets every rule (see the module docstring), with
    its settings filled and its days named and given weekdays.

    Raises UnknownNameError (exit 2) for an unknown exercise in `request.exclude`, and
    UnmetRequestError (exit 1) when no plan exists, naming what blocks it and what would unblock it.
    """
    settings = settings or VolumeSettings()
    exercises = available_exercises(request, catalog)
    problem = _problem(request, exercises, catalog, settings)
    _check_simple_causes(problem, request, catalog, settings)
    pruned = _without_dominated(problem)
    solution = _solve(pruned)
    if solution is None:
        raise UnmetRequestError(_explain_infeasible(pruned, request, catalog, settings))
    # The exclusions as sorted ids: the same ones in any order and spelling give the same file.
    return _to_plan(solution, pruned, request, excluded_ids(request, catalog))


# --- Why a request cannot be met, and the way out -----------------------------------------------


def _the(muscle: Muscle) -> str:
    """'Biceps femoris, long head' -> 'the biceps femoris long head'."""
    return "the " + muscle.name.replace(", ", " ").lower()


def _sets(value: float) -> str:
    return f"{value:g}"


def _equipment_list(request: PlanRequest) -> str:
    at_hand = [item.value for item in Equipment if item in request.equipment or item is Equipment.BODYWEIGHT]
    return "[" + ", ".join(at_hand) + "]"


def _unlock(
    muscle_id: str, request: PlanRequest, catalog: Catalog, settings: VolumeSettings, *, verify: bool = True
) -> str:
    """The smallest change of equipment or exclusions that gives a muscle an exercise that counts it.

    With `verify`, each change is tried on the whole request and offered only with whatever else it
    then needs (longer sessions or more days), so that following the advice gives a plan.
    """
    excluded = set(excluded_ids(request, catalog))
    counting = [
        exercise
        for exercise in catalog.exercises.values()
        if any(settings.weights.of(role) > 0 and muscle_id in exercise.muscles.by_role(role) for role in Role)
    ]
    if not counting:
        return "add an exercise that trains it with --catalog FILE"
    ways: list[tuple[str, PlanRequest]] = []
    unexclude = [e.id for e in counting if e.id in excluded and e.available_with(request.equipment)]
    if unexclude:
        kept = tuple(e for e in excluded_ids(request, catalog) if e != unexclude[0])
        ways.append((f"drop --exclude {unexclude[0]}", request.model_copy(update={"exclude": kept})))
    missing_sets: dict[tuple[Equipment, ...], list[str]] = {}
    for exercise in counting:
        missing = tuple(
            item
            for item in Equipment
            if item in exercise.equipment and item is not Equipment.BODYWEIGHT and item not in request.equipment
        )
        if missing and exercise.id not in excluded:
            missing_sets.setdefault(missing, []).append(exercise.id)
    if missing_sets:
        best = min(missing_sets, key=lambda items: (len(items), -len(missing_sets[items]), items))
        flags = " ".join(f"--equipment {item}" for item in best)
        wider = request.model_copy(update={"equipment": (*request.equipment, *best)})
        ways.append((f"add {flags} ({', '.join(missing_sets[best][:3])})", wider))
    if verify:
        checked = [_with_what_else(way, changed, catalog, settings) for way, changed in ways]
        ways_out = [way for way in checked if way is not None]
    else:
        ways_out = [way for way, _ in ways]
    return ", or ".join(ways_out) if ways_out else "add an exercise that trains it with --catalog FILE"


def _with_what_else(way: str, changed: PlanRequest, catalog: Catalog, settings: VolumeSettings) -> str | None:
    """A way out as given when the changed request has a plan, else with the longer sessions or more
    days it also needs; None when nothing more makes it work."""
    if _feasible(changed, catalog, settings):
        return way
    problem = _without_dominated(_problem(changed, available_exercises(changed, catalog), catalog, settings))
    minutes = _least_minutes(problem)
    if minutes is not None:
        return f"{way} and raise --minutes to {minutes}"
    days = _least_days(problem)
    if days is not None:
        return f"{way} and raise --days to {days}"
    return None


def _check_simple_causes(
    problem: _Problem, request: PlanRequest, catalog: Catalog, settings: VolumeSettings, *, solvable: bool = True
) -> None:
    """Raise for the causes that need no solver to see: a muscle nothing available counts, and a
    muscle the per-session cap keeps below its weekly minimum in the days given. The way out of the
    second is checked with the solver (more days, and longer sessions if those are needed too)
    unless `solvable` is false."""
    muscles = catalog.muscles.muscles
    for muscle_id, minimum in problem.minimum.items():
        if minimum <= 0:
            continue
        counting = [option.weights[muscle_id] for option in problem.options if muscle_id in option.weights]
        if not counting:
            raise UnmetRequestError(
                f"no exercise available with {_equipment_list(request)} trains {_the(muscles[muscle_id])}, "
                f"which needs {_sets(minimum)} effective sets a week at the {request.level} level: "
                f"{_unlock(muscle_id, request, catalog, settings, verify=solvable)}"
            )
    for muscle_id, minimum in problem.minimum.items():
        counting = [option.weights[muscle_id] for option in problem.options if muscle_id in option.weights]
        per_day = min(problem.cap, sum(MAX_EXERCISE_SETS * w for w in counting))
        if per_day * problem.days >= minimum:
            continue
        sessions = "1 session" if problem.days == 1 else f"{problem.days} sessions"
        limit = (
            f"the per-session cap is {_sets(problem.cap)}"
            if per_day == problem.cap
            else f"{MAX_EXERCISE_SETS} sets of each available exercise"
        )
        needed_days = math.ceil(minimum / per_day)
        way = _way_out_with_more_days(problem, needed_days) if solvable else None
        if way is None:
            way = _unlock(muscle_id, request, catalog, settings, verify=solvable)
        raise UnmetRequestError(
            f"{sessions} can give {_the(muscles[muscle_id])} at most {_sets(per_day * problem.days)} effective "
            f"sets ({limit}), below the {_sets(minimum)} a week the {request.level} level asks: {way}"
        )


def _way_out_with_more_days(problem: _Problem, days: int) -> str | None:
    """'raise --days to N' for the fewest days from `days` on that give a plan, with the session
    length that also needs, if any; None when no number of days helps."""
    pruned = _without_dominated(problem)
    for more in range(days, MAX_DAYS + 1):
        wider = pruned.reshaped(days=more)
        if _has_plan(wider):
            return f"raise --days to {more}"
        minutes = _least_minutes(wider)
        if minutes is not None:
            return f"raise --days to {more} and --minutes to {minutes}"
    return None


def _least_minutes(problem: _Problem) -> int | None:
    """The shortest session length, in steps of 5 minutes, that makes the problem feasible, if any."""
    lengths = list(range(math.ceil((problem.minutes + 1) / 5) * 5, MAX_MINUTES + 1, 5))
    if not lengths or not _has_plan(problem.reshaped(minutes=lengths[-1])):
        return None
    low, high = -1, len(lengths) - 1  # lengths[high] is feasible; lengths[low] is not (or before them)
    while high - low > 1:
        middle = (low + high) // 2
        if not _has_plan(problem.reshaped(minutes=lengths[middle])):
            low = middle
        else:
            high = middle
    return lengths[high]


def _least_days(problem: _Problem) -> int | None:
    """The fewest days (beyond the request's) at the same session length that make it feasible."""
    for days in range(problem.days + 1, MAX_DAYS + 1):
        if _has_plan(problem.reshaped(days=days)):
            return days
    return None


def _explain_infeasible(problem: _Problem, request: PlanRequest, catalog: Catalog, settings: VolumeSettings) -> str:
    """Why no plan exists, and a change of the request that gives one: longer sessions or more days
    when either helps, else the muscles whose bands cannot be met and the equipment that would."""
    minutes = _least_minutes(problem)
    days = _least_days(problem)
    if minutes is None and days is None:
        return _explain_by_relaxing(problem, request, catalog, settings)
    if minutes is None and days is not None:
        return _explain_daily_limits(problem, request, catalog, settings, days)
    roomy = problem.reshaped(minutes=MAX_MINUTES) if minutes is not None else problem.reshaped(days=days)
    total = _fewest_sets(roomy)
    ways = []
    if minutes is not None:
        ways.append(f"raise --minutes to {minutes}")
    if days is not None:
        ways.append(f"--days to {days}" if ways else f"raise --days to {days}")
    sessions = "1 session" if request.days == 1 else f"{request.days} sessions"
    return (
        f"{sessions} of {request.minutes} minutes cannot hold the {total} weekly sets "
        f"the {request.level} level asks: {' or '.join(ways)}"
    )


def _explain_daily_limits(
    problem: _Problem, request: PlanRequest, catalog: Catalog, settings: VolumeSettings, days: int
) -> str:
    """Only more days help, however long the sessions: the per-session limits block the muscles
    named (found by elastic relaxation), and more days or, where it works, a lower level get round them."""
    blocking = _blocking_muscles(problem.reshaped(minutes=MAX_MINUTES))
    muscles = catalog.muscles.muscles
    named = " and ".join(_the(muscles[m]) for m in blocking) or "every muscle"
    sessions = "1 session" if request.days == 1 else f"{request.days} sessions"
    ways = [f"raise --days to {days}"]
    for level in Level:
        if level is request.level:
            break
        if _feasible(request.model_copy(update={"level": level}), catalog, settings):
            ways.append(f"choose --level {level}")
            break
    return (
        f"{sessions} of any length cannot keep {named} within {'its' if len(blocking) == 1 else 'their'} "
        f"weekly target band at the {request.level} level under the per-session cap of {_sets(problem.cap)} "
        f"effective sets and {MAX_EXERCISE_SETS} sets of an exercise a day: {' or '.join(ways)}"
    )


def _explain_by_relaxing(problem: _Problem, request: PlanRequest, catalog: Catalog, settings: VolumeSettings) -> str:
    """No length or number of sessions helps: name the muscles whose band cannot be met with the
    exercises at hand, and the equipment or exclusion that would give a plan."""
    blocking = _blocking_muscles(problem.reshaped(minutes=MAX_MINUTES, days=MAX_DAYS))
    muscles = catalog.muscles.muscles
    named = " and ".join(_the(muscles[m]) for m in blocking) or "every muscle"
    way = _way_out_by_equipment(request, catalog, settings)
    return (
        f"no plan of exercises available with {_equipment_list(request)} keeps {named} within "
        f"{'its' if len(blocking) == 1 else 'their'} weekly target band at the {request.level} level "
        f"while meeting the other rules: {way}"
    )


def _blocking_muscles(problem: _Problem) -> tuple[str, ...]:
    """The muscles whose weekly band must give way for a plan to exist. Elastic relaxation: each
    band may be missed at a price per effective set, and the cheapest plan shows which must be."""
    model, layout = _daily_model(problem, cost=[0.0] * len(problem.options))
    slacks: list[tuple[str, int]] = []
    for k, (muscle, row_index) in enumerate(layout.bands.items()):
        lower, upper, terms = model.rows[row_index]
        under = model.variable(f"under_{k}", 0, math.inf, integer=False, cost=1.0)
        over = model.variable(f"over_{k}", 0, math.inf, integer=False, cost=1.0)
        model.rows[row_index] = (lower, upper, terms | {under: 1.0, over: -1.0})
        slacks.extend([(muscle, under), (muscle, over)])
    values = solve(model)
    if values is None:
        return ()
    return tuple(dict.fromkeys(muscle for muscle, slack in slacks if values[slack] > 1e-6))


def _way_out_by_equipment(request: PlanRequest, catalog: Catalog, settings: VolumeSettings) -> str:
    """One more piece of equipment, or no exclusions, that gives a plan for the same days and minutes."""
    for item in Equipment:
        if item in request.equipment or item is Equipment.BODYWEIGHT:
            continue
        if _feasible(request.model_copy(update={"equipment": (*request.equipment, item)}), catalog, settings):
            return f"add --equipment {item}"
    if request.exclude and _feasible(request.model_copy(update={"exclude": ()}), catalog, settings):
        return "drop the --exclude options"
    return "add exercises with --catalog FILE, or choose another level"


def _feasible(request: PlanRequest, catalog: Catalog, settings: VolumeSettings) -> bool:
    problem = _problem(request, available_exercises(request, catalog), catalog, settings)
    try:
        _check_simple_causes(problem, request, catalog, settings, solvable=False)
    except UnmetRequestError:
        return False
    return _has_plan(_without_dominated(problem))
