"""The integer program of a weekly plan, and solving it exactly with HiGHS (planner.solver).

A request becomes a `Problem`: the exercises it allows as `Option`s (each with its role weights,
seconds per set, the needs it meets and a preference cost), the days, the session length, each
muscle's weekly band and the per-session cap. For each day d and option i, `sets[d, i]` is 0 or 2-5
(a binary `used[d, i]` switches it on). The rules:

- each posterior-leg muscle's weekly effective sets (sets x role weight) lie in its target band;
- no muscle gets more than the per-session cap of effective sets in one day;
- each day's estimated minutes (sets x (set seconds + rest seconds) / 60) fit the session length;
- every day has an exercise; with 2+ days, each hamstring muscle, the gastrocnemius and the soleus
  get effective sets on at least 2 days;
- the week holds a hip-extension and a knee-flexion exercise for the hamstrings and a straight-knee
  calf exercise, each when some available exercise does that work. Bent-knee calf work is not
  forced: the soleus grew about as much from standing raises (Kinoshita 2023), so it comes in only
  when the soleus's band needs it.

A completion (planner.complete) adds kept work, `Problem.fixed`: sets of an exercise on a day that
stay (at least as many; more only where allowed), so those days are no longer interchangeable, and
inclusions, `Problem.least`: at least so many weekly sets of an exercise. Both default to none, and
then the models are the same as without them.

Stage 1 minimises the total weekly sets. Stage 2 keeps that optimum and picks among the equally small
plans: stronger evidence first (H > E > A > X), an exercise the catalog says is outranked by one at
hand after it (`Exercise.outranked_by`: the lying leg curl after the seated one, Maeo 2021), then
sessions of even length, and for a seed other than 0 seeded preferences per exercise, so other seeds
give variety and the same seed the same plan.

The model breaks its own ties, so the plan does not depend on which of several equally good plans a
solver version happens to find: each stage is solved to optimality (gap 0), and among plans equal in
every preference the one least in `tie_weight` (a fixed, arbitrary number per exercise, and per
exercise and day) is the plan.

`solve_plan` gives the plan's sets per day and option; `has_plan` and `fewest_sets` answer the
questions the diagnosis of a request without a plan (planner.feasibility) asks of relaxed problems,
and `daily_model(..., elastic=True)` lets every weekly band be missed at a price, to see which must be.
"""

import math
import random
import zlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from exercises.catalog import Catalog, Exercise
from exercises.vocabulary import Action, EvidenceLevel, KneeAngle
from planner.plan_request import PlanRequest, available_exercises, excluded_ids
from planner.solver import IntegerProgram, SearchLimitReached, break_ties, solve
from planner.volume import VolumeSettings

#: Sets of one exercise in one day: fewer is hardly a working block, more is better split over days.
MIN_EXERCISE_SETS: Final = 2
MAX_EXERCISE_SETS: Final = 5
#: With two or more days, these muscles must be trained on at least this many days.
TWICE_A_WEEK_DAYS: Final = 2
#: Evidence levels from strongest to weakest; an exercise with none ranks after X.
_EVIDENCE_ORDER: Final = (EvidenceLevel.H, EvidenceLevel.E, EvidenceLevel.A, EvidenceLevel.X)
#: How far a seed's random preference can move an exercise: up to this many evidence levels, enough
#: for an A-level exercise to stand in for an H-level one (most calf raises share one tag set).
_SEED_SPREAD: Final = 3.0
#: What an exercise outranked by another at hand costs in stage 2, per set: a tie-break among
#: exercises of equal evidence, too small to outweigh a level of evidence in any week.
_OUTRANKED_COST: Final = 0.01
#: Branch-and-bound nodes (a count, so the same everywhere) for each preference (evidence, evenness,
#: the tie-break): the best found by then is kept. Every request of the built-in catalog settles in
#: far fewer (1,100 at most, a 7-day spread), so its plans are each stage's proven optimum.
PREFERENCE_NODES: Final = 20000
#: Nodes for finding any spread of weekly sets over the days (whether a plan exists): none found by
#: then counts as none, and the whole week is searched instead.
ANY_SPREAD_NODES: Final = 500
#: Nodes for a question of fact (is there a plan, how few sets): when the search has not settled it
#: by then, it says so (SearchLimitReached) rather than run on. Short sessions over many days can
#: make proving that no plan exists a search of millions of nodes (5 days of 10 minutes).
PROOF_NODES: Final = 2000
#: Nodes for a probe (a higher volume, a way out to offer): an unsettled probe counts as no plan, so
#: it may be cut short sooner. Each node of a 7-day model can take several milliseconds.
PROBE_NODES: Final = 250


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
)


def twice_a_week_muscles(catalog: Catalog) -> tuple[str, ...]:
    """The muscles a plan of 2+ days trains on at least 2 days: the hamstrings, gastrocnemius, soleus."""
    wanted = {*catalog.muscles.group_members("hamstrings"), "gastrocnemius", "soleus"}
    return tuple(m.id for m in catalog.muscles.targets if m.id in wanted)


def session_seconds(exercise: Exercise) -> int:
    """Seconds one set of an exercise takes, its rest included."""
    return exercise.set_seconds + exercise.rest_seconds


# --- The problem the solver sees ----------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """An exercise the plan may use, with what the integer program needs to know of it."""

    exercise: Exercise
    weights: Mapping[str, float]
    seconds: int
    needs: frozenset[int]
    cost: float


@dataclass(frozen=True)
class Problem:
    """One integer program: the options, the week's shape and the limits."""

    options: tuple[Option, ...]
    days: int
    minutes: int
    minimum: Mapping[str, float]
    maximum: Mapping[str, float]
    cap: float
    twice: tuple[str, ...]
    needs: tuple[int, ...]
    #: Work that must stay (a kept routine, planner.complete): (day, exercise id) -> (least, most)
    #: sets of that exercise on that day. Days with kept work are no longer interchangeable.
    fixed: Mapping[tuple[int, str], tuple[int, int]] = field(default_factory=dict)
    #: The least weekly sets of an exercise (by id) that the plan must have (an --include).
    least: Mapping[str, int] = field(default_factory=dict)
    #: Seconds a day spends beyond its sets at the catalog's rest (kept entries with their own rest);
    #: empty: none on any day.
    extra_seconds: tuple[int, ...] = ()

    def reshaped(self, *, days: int | None = None, minutes: int | None = None) -> "Problem":
        """The same problem with other days or minutes (for finding a way out of an infeasible one)."""
        return replace(
            self, days=self.days if days is None else days, minutes=self.minutes if minutes is None else minutes
        )

    def day_extra(self, day: int) -> int:
        """The seconds day `day` spends beyond its sets at the catalog's rest."""
        return self.extra_seconds[day] if day < len(self.extra_seconds) else 0

    def forced(self) -> frozenset[str]:
        """The exercises the plan must have: kept or included."""
        return frozenset({exercise for _, exercise in self.fixed} | set(self.least))

    def bounds(self, day: int, option: int) -> tuple[int, int]:
        """The least and most sets of an option on a day: what is kept there, else 0 to the most of
        an exercise a day."""
        return self.fixed.get((day, self.options[option].exercise.id), (0, MAX_EXERCISE_SETS))


#: A solution: for each day, (option index, sets) pairs.
Solution = tuple[tuple[tuple[int, int], ...], ...]


def tie_weight(name: str, *place: int) -> float:
    """The tie-break weight in [1, 2) of a set of an exercise (or of a muscle's miss), at a place (a
    day, a week): a fixed, arbitrary number drawn from the id and the place (CRC-32). An exercise
    weighs the same whatever else the catalog or the request holds, and two different plans weigh
    the same only by a fluke of about one in a billion, so the plan least in these weights is unique."""
    key = ":".join([name, *map(str, place)])
    return 1.0 + zlib.crc32(key.encode()) / 2**32


def _evidence_rank(exercise: Exercise) -> int:
    levels = [_EVIDENCE_ORDER.index(item.level) for item in exercise.evidence]
    return min(levels, default=len(_EVIDENCE_ORDER))


def _options(
    exercises: Sequence[Exercise], catalog: Catalog, settings: VolumeSettings, seed: int
) -> tuple[Option, ...]:
    # One draw per catalog exercise in catalog order, so a seed's preferences for the exercises it
    # can use do not depend on which others the equipment or --exclude removed.
    preference = random.Random(seed)
    noise = {exercise_id: preference.random() for exercise_id in catalog.exercises}
    at_hand = {exercise.id for exercise in exercises}
    options = []
    for exercise in exercises:
        weights = settings.set_credit(exercise)
        counted = tuple(weights)
        cost = float(_evidence_rank(exercise)) + (_SEED_SPREAD * noise[exercise.id] if seed else 0.0)
        if at_hand.intersection(exercise.outranked_by):
            cost += _OUTRANKED_COST
        options.append(
            Option(
                exercise=exercise,
                weights=weights,
                seconds=session_seconds(exercise),
                needs=frozenset(i for i, need in enumerate(NEEDS) if need.met_by(exercise, counted, catalog)),
                cost=cost,
            )
        )
    return tuple(options)


def without_dominated(problem: Problem) -> Problem:
    """Drop options that can never be needed, which keeps big catalogs fast and the optimum exact.

    Options with the same weights are interchangeable for every muscle rule. One of them dominates
    another when it meets every need the other meets, takes no longer per set and costs no more. A
    day holds at most `room` options of one weight class (each uses 2+ sets and the per-session cap
    bounds their heaviest muscle), so an option with `room` or more dominators (then `room` or more
    kept ones, by transitivity) can always be swapped for an unused one on its day, losing nothing.
    Kept or included options (`Problem.forced`) always stay, and each widens its class's `room` by
    one: kept work may have fewer than 2 sets, so a day may hold one more option of its class.
    """
    forced = problem.forced()
    classes: dict[tuple[tuple[str, float], ...], list[int]] = {}
    for index, option in enumerate(problem.options):
        classes.setdefault(tuple(sorted(option.weights.items())), []).append(index)
    keep: list[int] = []
    for key, members in classes.items():
        heaviest = max((weight for _, weight in key), default=0.0)
        room = len(members)
        if heaviest > 0:
            widened = sum(1 for i in members if problem.options[i].exercise.id in forced)
            room = min(room, math.floor(problem.cap / (MIN_EXERCISE_SETS * heaviest)) + widened)
        for index in members:
            option = problem.options[index]
            if option.exercise.id in forced:
                keep.append(index)
                continue
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


def build_problem(
    request: PlanRequest, catalog: Catalog, settings: VolumeSettings, *, chosen: Collection[str] = ()
) -> Problem:
    """The problem of a request: the exercises it allows, its days and minutes, its level's bands.

    `chosen` are ids of exercises the lifter chose (kept or included by a completion): they are
    options whatever their difficulty, and even conditioning, while equipment and exclusions apply."""
    allowed = {exercise.id for exercise in available_exercises(request, catalog)}
    if chosen:
        excluded = set(excluded_ids(request, catalog))
        allowed |= {
            exercise_id
            for exercise_id in chosen
            if exercise_id in catalog.exercises
            and exercise_id not in excluded
            and catalog.exercises[exercise_id].available_with(request.equipment)
        }
    exercises = [exercise for exercise in catalog.exercises.values() if exercise.id in allowed]
    options = _options(exercises, catalog, settings, request.seed)
    targets = {m.id: settings.target(m.id, request.level) for m in catalog.muscles.targets}
    return Problem(
        options=options,
        days=request.days,
        minutes=request.minutes,
        minimum={m: t.min for m, t in targets.items()},
        maximum={m: t.max for m, t in targets.items()},
        cap=settings.session_cap,
        twice=twice_a_week_muscles(catalog),
        needs=tuple(i for i in range(len(NEEDS)) if any(i in option.needs for option in options)),
    )


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


def _counting(problem: Problem, muscle: str) -> list[tuple[int, float]]:
    """(option index, weight) of the options that count a muscle."""
    return [(i, option.weights[muscle]) for i, option in enumerate(problem.options) if muscle in option.weights]


def _muscles(problem: Problem) -> list[str]:
    """Every muscle an option counts or a band names, in a fixed order."""
    return sorted({m for option in problem.options for m in option.weights} | set(problem.minimum))


def _weekly_bounds(problem: Problem, index: int) -> tuple[int, int, int]:
    """An option's least and most weekly sets, and the fewest sets it has on a day it is used: 2,
    or fewer where kept work has fewer."""
    exercise = problem.options[index].exercise.id
    kept = [problem.fixed[d, exercise] for d in range(problem.days) if (d, exercise) in problem.fixed]
    least = max(sum(low for low, _ in kept), problem.least.get(exercise, 0))
    most = MAX_EXERCISE_SETS * (problem.days - len(kept)) + sum(high for _, high in kept)
    step = min([MIN_EXERCISE_SETS, *(low for low, _ in kept)])
    return least, most, step


def _weekly_model(problem: Problem, *, total: int | None = None) -> tuple[IntegerProgram, list[int]]:
    """The weekly model (part 1 above); with `total`, its stage 2: at most `total` sets, preferences
    as the objective. Returns the model and the column of each option's weekly sets."""
    model = IntegerProgram.empty()
    inf = math.inf
    days = problem.days
    weekly = []
    used = []
    steps = []
    for i, option in enumerate(problem.options):
        cost = 1.0 if total is None else option.cost
        least, most, step = _weekly_bounds(problem, i)
        x = model.variable(f"sets_{i}", least, most, integer=True, cost=cost)
        u = model.variable(f"used_{i}", 1 if least else 0, 1, integer=True)
        model.row(0, inf, {x: 1, u: -step})
        model.row(-inf, 0, {x: 1, u: -most})
        weekly.append(x)
        used.append(u)
        steps.append(step)
    # Each day has 2 sets or more, a day with kept work at least what is kept there.
    kept_days = {d: 0 for d, _ in problem.fixed}
    for (d, _), (low, _) in problem.fixed.items():
        kept_days[d] += low
    fewest = sum(kept_days.get(d, MIN_EXERCISE_SETS) for d in range(days))
    model.row(fewest, inf if total is None else total, dict.fromkeys(weekly, 1.0))
    seconds = problem.minutes * 60 * days - sum(problem.day_extra(d) for d in range(days))
    model.row(-inf, seconds, {x: o.seconds for x, o in zip(weekly, problem.options, strict=True)})
    for muscle in _muscles(problem):
        counting = _counting(problem, muscle)
        terms = {weekly[i]: w for i, w in counting}
        upper = problem.cap * days
        if muscle in problem.minimum:
            model.row(problem.minimum[muscle], min(upper, problem.maximum[muscle]), terms)
        else:
            model.row(-inf, upper, terms)
        if days >= TWICE_A_WEEK_DAYS and muscle in problem.twice:
            step = min([MIN_EXERCISE_SETS, *(steps[i] for i, _ in counting)])
            model.row(TWICE_A_WEEK_DAYS * step, inf, dict.fromkeys(terms, 1.0))
    for need in problem.needs:
        model.row(1, inf, {u: 1.0 for u, o in zip(used, problem.options, strict=True) if need in o.needs})
    return model, weekly


@dataclass(frozen=True)
class Layout:
    """Where the daily model's variables are."""

    sets: tuple[tuple[int, ...], ...]
    used: tuple[tuple[int, ...], ...]
    #: With `elastic`: (muscle, column) of the effective sets each weekly band is missed by, under
    #: and over, in the order of the bands.
    slacks: tuple[tuple[str, int], ...] = ()


def _day_columns(
    model: IntegerProgram, problem: Problem, d: int, cost: Sequence[float] | None
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Day d's columns: each option's sets (0 or 2-5, or within what is kept there) and whether it
    is used."""
    day_sets = []
    day_used = []
    for i in range(len(problem.options)):
        least, most = problem.bounds(d, i)
        s = model.variable(f"sets_{d}_{i}", least, most, integer=True, cost=1.0 if cost is None else cost[i])
        u = model.variable(f"used_{d}_{i}", 1 if least else 0, 1, integer=True)
        if not least:  # kept work keeps its sets, however few
            model.row(0, math.inf, {s: 1, u: -MIN_EXERCISE_SETS})
        model.row(-math.inf, 0, {s: 1, u: -most})
        day_sets.append(s)
        day_used.append(u)
    return tuple(day_sets), tuple(day_used)


def daily_model(
    problem: Problem,
    *,
    cost: Sequence[float] | None = None,
    evenness: float = 0.0,
    total: int | None = None,
    elastic: bool = False,
) -> tuple[IntegerProgram, Layout]:
    """The daily model: sets of each option on each day, with every rule. The objective is the
    options' per-set `cost` (default 1: the total sets) plus `evenness` per minute of the longest
    session; `total` caps the total sets (stage 2). With `elastic`, each weekly band may be missed,
    under or over, at a cost of 1 per effective set (the layout's `slacks`): the cheapest plan then
    shows which bands must give way for a plan to exist."""
    model = IntegerProgram.empty()
    inf = math.inf
    options = problem.options
    sets: list[tuple[int, ...]] = []
    used: list[tuple[int, ...]] = []
    for d in range(problem.days):
        day_sets, day_used = _day_columns(model, problem, d, cost)
        sets.append(day_sets)
        used.append(day_used)
        model.row(1, inf, dict.fromkeys(day_used, 1.0))
        seconds = problem.minutes * 60 - problem.day_extra(d)
        model.row(-inf, seconds, {s: o.seconds for s, o in zip(day_sets, options, strict=True)})
    bands = {}
    for muscle in _muscles(problem):
        counting = _counting(problem, muscle)
        if muscle in problem.minimum:
            bands[muscle] = len(model.rows)
            week = {sets[d][i]: w for d in range(problem.days) for i, w in counting}
            model.row(problem.minimum[muscle], problem.maximum[muscle], week)
        for d in range(problem.days):
            if sum(problem.bounds(d, i)[1] * w for i, w in counting) > problem.cap:
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
    _least_and_order(model, problem, sets)
    if total is not None:
        model.row(-inf, total, {s: 1.0 for day in sets for s in day})
    if evenness:
        # In whole seconds: whole-number data keeps HiGHS clear of rounding trouble at its tolerances.
        longest = model.variable("longest", 0, problem.minutes * 60, integer=True, cost=evenness / 60)
        for d, day_columns in enumerate(sets):
            terms = {s: float(o.seconds) for s, o in zip(day_columns, options, strict=True)}
            model.row(-inf, -problem.day_extra(d), terms | {longest: -1.0})
    slacks: list[tuple[str, int]] = []
    if elastic:
        # The slack columns come last, so the model's other columns are numbered as without them.
        for k, (muscle, row_index) in enumerate(bands.items()):
            lower, upper, terms = model.rows[row_index]
            under = model.variable(f"under_{k}", 0, inf, integer=False, cost=1.0)
            over = model.variable(f"over_{k}", 0, inf, integer=False, cost=1.0)
            model.rows[row_index] = (lower, upper, terms | {under: 1.0, over: -1.0})
            slacks.extend([(muscle, under), (muscle, over)])
    return model, Layout(tuple(sets), tuple(used), tuple(slacks))


def _least_and_order(model: IntegerProgram, problem: Problem, sets: Sequence[Sequence[int]]) -> None:
    """The least weekly sets of included options, and the order of interchangeable days."""
    for i, option in enumerate(problem.options):
        least = problem.least.get(option.exercise.id, 0)
        if least:
            model.row(least, math.inf, {sets[d][i]: 1.0 for d in range(problem.days)})
    # Days are interchangeable: order them by total sets, so the solver does not search permutations.
    # Days with kept work are not: only the days without it are ordered.
    kept_days = {d for d, _ in problem.fixed}
    for d in range(problem.days - 1):
        if d not in kept_days and d + 1 not in kept_days:
            model.row(0, math.inf, dict.fromkeys(sets[d], 1.0) | dict.fromkeys(sets[d + 1], -1.0))


def _read(values: Sequence[float], layout: Layout) -> Solution:
    return tuple(tuple((i, round(values[s])) for i, s in enumerate(day) if round(values[s]) > 0) for day in layout.sets)


def _preferred(model: IntegerProgram, *, node_limit: int = PREFERENCE_NODES) -> list[float] | None:
    """A preference stage solved: the optimum, or the best found within `node_limit` nodes (None
    when none was found: then whether the model has a solution is not known)."""
    try:
        return solve(model, node_limit=node_limit)
    except SearchLimitReached as stopped:
        return stopped.best


def _spread(problem: Problem, weekly: Sequence[int], *, even: bool = True) -> Solution | None:
    """Part 2: the weekly sets of each option spread over the days, the longest session shortest,
    then the least in the tie-break (any spread, without `even`); None when these weekly sets cannot
    be spread within the daily rules."""
    # Only the options with weekly sets take part: the others stay at 0, and leaving them out keeps
    # the model small however big the catalog.
    chosen = [i for i, sets in enumerate(weekly) if sets > 0]
    options = tuple(problem.options[i] for i in chosen)
    needs = tuple(n for n in problem.needs if any(n in option.needs for option in options))
    part = replace(problem, options=options, needs=needs)
    model, layout = daily_model(part, cost=[0.0] * len(options), evenness=1.0 if even else 0.0)
    for j, i in enumerate(chosen):
        model.row(weekly[i], weekly[i], {day[j]: 1.0 for day in layout.sets})
    values = _preferred(model, node_limit=PREFERENCE_NODES if even else ANY_SPREAD_NODES)
    if values is not None and even:
        # Among the evenest spreads, the least in the tie-break, weighed per day: so days that
        # could trade places do not, and the order of the days is the model's too.
        weights = {
            column: tie_weight(option.exercise.id, d)
            for d, day in enumerate(layout.sets)
            for option, column in zip(options, day, strict=True)
        }
        break_ties(model, values, weights)
        values = _preferred(model) or values
    if values is None:
        return None
    return tuple(tuple((chosen[j], sets) for j, sets in day) for day in _read(values, layout))


def _weekly_optimum(problem: Problem) -> tuple[int, list[int]] | None:
    """Part 1 in both stages: the bound and the preferred weekly sets per option; None when even
    the weekly rules cannot be met (then no plan exists)."""
    model, weekly = _weekly_model(problem)
    values = solve(model)
    if values is None:
        return None
    bound = sum(round(values[x]) for x in weekly)
    model, weekly = _weekly_model(problem, total=bound)
    values = solve(model)
    if values is None:  # cannot happen: stage 1's answer is feasible here
        raise RuntimeError("the weekly model lost its own optimum")
    ties = {x: tie_weight(option.exercise.id) for x, option in zip(weekly, problem.options, strict=True)}
    break_ties(model, values, ties)
    values = solve(model)
    if values is None:  # cannot happen: stage 2's answer is feasible here
        raise RuntimeError("the weekly model lost its own preferred sets")
    return bound, [round(values[x]) for x in weekly]


def solve_plan(problem: Problem) -> Solution | None:
    """The plan with the fewest sets (exact), and among those the preferred one; None if none exists.
    Raises SearchLimitReached when the search could not settle, within PROOF_NODES, whether a plan
    exists or which has the fewest sets."""
    found = _weekly_optimum(problem)
    if found is None:
        return None
    bound, weekly = found
    spread = _spread(problem, weekly)
    if spread is not None:
        return spread
    # The preferred weekly sets do not fit the days: solve the whole week at once.
    model, layout = daily_model(problem)
    model.row(bound, math.inf, {s: 1.0 for day in layout.sets for s in day})  # a valid cut: bound <= optimum
    values = solve(model, node_limit=PROOF_NODES)
    if values is None:
        return None
    total = sum(sets for day in _read(values, layout) for _, sets in day)
    # Stage 2 on the whole week, the evidence and then the tie-break (evenness in one model is
    # slow), then the chosen weekly sets are spread evenly: they fit the days, as stage 2's own plan
    # shows.
    cost = [option.cost for option in problem.options]
    model, layout = daily_model(problem, cost=cost, total=total)
    values = _preferred(model) or values
    weights = {
        column: tie_weight(option.exercise.id)
        for day in layout.sets
        for option, column in zip(problem.options, day, strict=True)
    }
    break_ties(model, values, weights)
    values = _preferred(model) or values
    chosen = _read(values, layout)
    weekly = [sum(sets for day in chosen for i, sets in day if i == index) for index in range(len(cost))]
    return _spread(problem, weekly) or chosen


def fewest_sets(problem: Problem) -> int | None:
    """The fewest weekly sets of any plan, or None when no plan exists."""
    solution = solve_plan(problem)
    return None if solution is None else sum(sets for day in solution for _, sets in day)


def has_plan(problem: Problem, *, node_limit: int = PROOF_NODES) -> bool:
    """Whether any plan exists: `solve_plan` without the preferences, for probing relaxed requests.
    Raises SearchLimitReached when the search could not settle it within `node_limit` nodes."""
    model, weekly = _weekly_model(problem)
    values = solve(model)
    if values is None:
        return False
    if _spread(problem, [round(values[x]) for x in weekly], even=False) is not None:
        return True
    # The fewest sets as the objective: HiGHS then often proves at the root that no plan exists,
    # where the bare question takes it hundreds of nodes. Any plan found answers the question.
    model, _ = daily_model(problem)
    try:
        return solve(model, node_limit=node_limit) is not None
    except SearchLimitReached as stopped:
        if stopped.best is None:
            raise
        return True


def probed_plan(problem: Problem) -> bool | None:
    """Whether a plan exists, asked as a probe (`has_plan` within PROBE_NODES): None when the search
    did not settle it."""
    try:
        return has_plan(problem, node_limit=PROBE_NODES)
    except SearchLimitReached:
        return None


def proven_plan(problem: Problem) -> bool:
    """Whether a plan is known to exist: `probed_plan`, with an unsettled search counted as no plan
    (for choosing among ways out and volumes, where only what is proven may be offered)."""
    return probed_plan(problem) is True
