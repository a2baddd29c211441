"""Whether a plan request has a plan, and for one that has none, what blocks it and the way out.

`plannable` answers yes or no. `diagnose` returns a `Diagnosis`: the limit that blocks the request
and the muscles it holds back (exercises.ways_out.Limit), a sentence saying so, and the ways out: the
changes of the request (more days, longer sessions, an exclusion dropped, equipment added, another
level) each checked to give a plan, found by solving relaxed problems. The integer program is built
by planner.plan_model, asked for the relaxation (other days or minutes, elastic bands) it needs.
"""

import math
from dataclasses import dataclass

from exercises.catalog import Catalog
from exercises.equipment import missing_groups
from exercises.exceptions import UnmetRequestError
from exercises.vocabulary import Equipment, Role
from exercises.ways_out import (
    AddEquipment,
    AddExercises,
    KeepEveryExercise,
    KeepExercise,
    Limit,
    LongerSessions,
    MoreDays,
    OtherLevel,
    WayOut,
)
from planner.limits import MAX_DAYS, MAX_MINUTES
from planner.plan_model import (
    MAX_EXERCISE_SETS,
    Problem,
    build_problem,
    daily_model,
    fewest_sets,
    proven_plan,
    tie_weight,
    without_dominated,
)
from planner.plan_request import PlanRequest, excluded_ids
from planner.solver import break_ties, solve
from planner.volume import Level, VolumeSettings
from planner.wording import number_text, the_muscle


@dataclass(frozen=True)
class Diagnosis:
    """Why a request has no plan: the blocking limit, the muscles it holds back (ids; none when the
    limit is the session length), a sentence saying so, and the ways out, best first."""

    reason: str
    limit: Limit
    muscles: tuple[str, ...]
    ways_out: tuple[WayOut, ...]

    def error(self) -> UnmetRequestError:
        """The diagnosis as the error the library raises (exit 1), its data carried along."""
        return UnmetRequestError(self.reason, limit=self.limit, muscles=self.muscles, ways_out=self.ways_out)


@dataclass(frozen=True)
class _Shortfall:
    """A muscle kept below its weekly minimum whatever the solver does: nothing at hand counts it
    (NO_EXERCISE), or a day gives it at most `per_day` effective sets (SESSION_CAP, EXERCISE_SETS)."""

    muscle: str
    minimum: float
    limit: Limit
    per_day: float


def _shortfall(problem: Problem) -> _Shortfall | None:
    """The first muscle that cannot reach its weekly minimum, seen without the solver."""
    for muscle, minimum in problem.minimum.items():
        if minimum > 0 and not any(muscle in option.weights for option in problem.options):
            return _Shortfall(muscle, minimum, Limit.NO_EXERCISE, 0.0)
    for muscle, minimum in problem.minimum.items():
        counting = [option.weights[muscle] for option in problem.options if muscle in option.weights]
        per_day = min(problem.cap, sum(MAX_EXERCISE_SETS * w for w in counting))
        if per_day * problem.days < minimum:
            limit = Limit.SESSION_CAP if per_day == problem.cap else Limit.EXERCISE_SETS
            return _Shortfall(muscle, minimum, limit, per_day)
    return None


def plannable(request: PlanRequest, catalog: Catalog, settings: VolumeSettings) -> bool:
    """Whether the request has a plan."""
    problem = build_problem(request, catalog, settings)
    return _shortfall(problem) is None and proven_plan(without_dominated(problem))


def unsettled(request: PlanRequest, catalog: Catalog, settings: VolumeSettings) -> Diagnosis:
    """A request whose search did not settle within the planner's node limit (plan_model.PROOF_NODES):
    said so, with the longer sessions and the more days that are proven to give a plan."""
    ways = roomier(without_dominated(build_problem(request, catalog, settings)))
    reason = (
        f"the planner could not settle, within its search limit, whether {_sessions(request.days)} of "
        f"{request.minutes} minutes can hold a plan at the {request.level} level"
    )
    return Diagnosis(reason, Limit.UNSETTLED, (), ways)


def diagnose(request: PlanRequest, catalog: Catalog, settings: VolumeSettings) -> Diagnosis:
    """What blocks a request that has no plan, and the changes that give it one (each checked)."""
    problem = build_problem(request, catalog, settings)
    shortfall = _shortfall(problem)
    if shortfall is not None:
        return _diagnose_shortfall(shortfall, problem, request, catalog, settings)
    pruned = without_dominated(problem)
    minutes = least_minutes(pruned)
    days = least_days(pruned)
    if minutes is None and days is None:
        return _diagnose_bands(pruned, request, catalog, settings)
    if minutes is None and days is not None:
        return _diagnose_daily_limits(pruned, request, catalog, settings, days)
    roomy = pruned.reshaped(minutes=MAX_MINUTES) if minutes is not None else pruned.reshaped(days=days)
    reason = (
        f"{_sessions(request.days)} of {request.minutes} minutes cannot hold the {fewest_sets(roomy)} weekly sets "
        f"the {request.level} level asks"
    )
    return Diagnosis(reason, Limit.SESSION_LENGTH, (), _room_ways(minutes, days))


# --- The causes seen without the solver ------------------------------------------------------------


def _diagnose_shortfall(
    shortfall: _Shortfall, problem: Problem, request: PlanRequest, catalog: Catalog, settings: VolumeSettings
) -> Diagnosis:
    muscle = shortfall.muscle
    named = the_muscle(catalog.muscles.muscles[muscle])
    if shortfall.limit is Limit.NO_EXERCISE:
        reason = (
            f"no exercise available with {_equipment_list(request)} trains {named}, which needs "
            f"{number_text(shortfall.minimum)} effective sets a week at the {request.level} level"
        )
        return Diagnosis(reason, shortfall.limit, (muscle,), _unlock(muscle, request, catalog, settings))
    limit = (
        f"the per-session cap is {number_text(problem.cap)}"
        if shortfall.limit is Limit.SESSION_CAP
        else f"{MAX_EXERCISE_SETS} sets of each available exercise"
    )
    more_days = _more_days(problem, math.ceil(shortfall.minimum / shortfall.per_day))
    ways = (more_days,) if more_days is not None else _unlock(muscle, request, catalog, settings)
    reason = (
        f"{_sessions(problem.days)} can give {named} at most {number_text(shortfall.per_day * problem.days)} "
        f"effective sets ({limit}), below the {number_text(shortfall.minimum)} a week the {request.level} level asks"
    )
    return Diagnosis(reason, shortfall.limit, (muscle,), ways)


def _unlock(muscle_id: str, request: PlanRequest, catalog: Catalog, settings: VolumeSettings) -> tuple[WayOut, ...]:
    """The smallest changes of exclusions or equipment that give a muscle an exercise that counts it,
    each tried on the whole request and offered with whatever else it then needs (longer sessions or
    more days), so that following it gives a plan."""
    excluded = excluded_ids(request, catalog)
    counting = [
        exercise
        for exercise in catalog.exercises.values()
        if any(settings.weights.of(role) > 0 and muscle_id in exercise.muscles.by_role(role) for role in Role)
        # Only what a plan at this level may hold: giving back a Nordic curl does not help a beginner.
        and exercise.prescribable(request.level)
    ]
    ways: list[tuple[WayOut, PlanRequest]] = []
    unexclude = [e.id for e in counting if e.id in excluded and e.available_with(request.equipment)]
    if unexclude:
        kept = tuple(e for e in excluded if e != unexclude[0])
        ways.append(((KeepExercise(unexclude[0]),), request.model_copy(update={"exclude": kept})))
    missing_sets: dict[tuple[Equipment, ...], list[str]] = {}
    for exercise in counting:
        # One piece of each equipment group not at hand: the first named, which the catalog lists
        # as the usual tool ("nordic_anchor" before "barbell" for a Nordic curl).
        needed = {group[0] for group in missing_groups(exercise.equipment, request.equipment)}
        missing = tuple(item for item in Equipment if item in needed)
        if missing and exercise.id not in excluded:
            missing_sets.setdefault(missing, []).append(exercise.id)
    if missing_sets:
        best = min(missing_sets, key=lambda items: (len(items), -len(missing_sets[items]), items))
        wider = request.model_copy(update={"equipment": (*request.equipment, *best)})
        ways.append(((AddEquipment(best, tuple(missing_sets[best][:3])),), wider))
    checked = [_with_what_else(way, changed, catalog, settings) for way, changed in ways]
    found = tuple(way for way in checked if way is not None)
    return found or ((AddExercises(muscle_id),),)


def _with_what_else(way: WayOut, changed: PlanRequest, catalog: Catalog, settings: VolumeSettings) -> WayOut | None:
    """A way out as given when the changed request has a plan, else with the longer sessions or more
    days it also needs; None when nothing more makes it work."""
    if plannable(changed, catalog, settings):
        return way
    problem = without_dominated(build_problem(changed, catalog, settings))
    minutes = least_minutes(problem)
    if minutes is not None:
        return (*way, LongerSessions(minutes))
    days = least_days(problem)
    if days is not None:
        return (*way, MoreDays(days))
    return None


def _more_days(problem: Problem, days: int) -> WayOut | None:
    """The fewest days from `days` on that give a plan, with the session length that also needs, if
    any; None when no number of days helps."""
    pruned = without_dominated(problem)
    for more in range(days, MAX_DAYS + 1):
        wider = pruned.reshaped(days=more)
        if proven_plan(wider):
            return (MoreDays(more),)
        minutes = least_minutes(wider)
        if minutes is not None:
            return (MoreDays(more), LongerSessions(minutes))
    return None


# --- The causes the solver finds -------------------------------------------------------------------


def roomier(problem: Problem) -> tuple[WayOut, ...]:
    """The ways out that only make room, each proven to give a plan: the shortest longer sessions,
    then the fewest more days (either may be missing)."""
    return _room_ways(least_minutes(problem), least_days(problem))


def _room_ways(minutes: int | None, days: int | None) -> tuple[WayOut, ...]:
    ways: list[WayOut] = []
    if minutes is not None:
        ways.append((LongerSessions(minutes),))
    if days is not None:
        ways.append((MoreDays(days),))
    return tuple(ways)


def least_minutes(problem: Problem) -> int | None:
    """The shortest session length, in steps of 5 minutes, that makes the problem feasible, if any."""
    lengths = list(range(math.ceil((problem.minutes + 1) / 5) * 5, MAX_MINUTES + 1, 5))
    if not lengths or not proven_plan(problem.reshaped(minutes=lengths[-1])):
        return None
    low, high = -1, len(lengths) - 1  # lengths[high] is feasible; lengths[low] is not (or before them)
    while high - low > 1:
        middle = (low + high) // 2
        if not proven_plan(problem.reshaped(minutes=lengths[middle])):
            low = middle
        else:
            high = middle
    return lengths[high]


def least_days(problem: Problem) -> int | None:
    """The fewest days (beyond the request's) at the same session length that make it feasible."""
    for days in range(problem.days + 1, MAX_DAYS + 1):
        if proven_plan(problem.reshaped(days=days)):
            return days
    return None


def _diagnose_daily_limits(
    problem: Problem, request: PlanRequest, catalog: Catalog, settings: VolumeSettings, days: int
) -> Diagnosis:
    """Only more days help, however long the sessions: the per-session limits block the muscles
    named (found by elastic relaxation), and more days or, where it works, a lower level get round them."""
    blocking = _blocking_muscles(problem.reshaped(minutes=MAX_MINUTES))
    ways: list[WayOut] = [(MoreDays(days),)]
    for level in Level:
        if level is request.level:
            break
        if plannable(request.model_copy(update={"level": level}), catalog, settings):
            ways.append((OtherLevel(level),))
            break
    reason = (
        f"{_sessions(request.days)} of any length cannot keep {_named(blocking, catalog)} within "
        f"{_its(blocking)} weekly target band at the {request.level} level under the per-session cap of "
        f"{number_text(problem.cap)} effective sets and {MAX_EXERCISE_SETS} sets of an exercise a day"
    )
    return Diagnosis(reason, Limit.DAILY_LIMITS, blocking, tuple(ways))


def _diagnose_bands(problem: Problem, request: PlanRequest, catalog: Catalog, settings: VolumeSettings) -> Diagnosis:
    """No length or number of sessions helps: the muscles whose band cannot be met with the
    exercises at hand, and the equipment or exclusion that would give a plan."""
    blocking = _blocking_muscles(problem.reshaped(minutes=MAX_MINUTES, days=MAX_DAYS))
    reason = (
        f"no plan of exercises available with {_equipment_list(request)} keeps {_named(blocking, catalog)} "
        f"within {_its(blocking)} weekly target band at the {request.level} level while meeting the other rules"
    )
    return Diagnosis(reason, Limit.TARGET_BANDS, blocking, _by_equipment(request, catalog, settings))


def _blocking_muscles(problem: Problem) -> tuple[str, ...]:
    """The muscles whose weekly band must give way for a plan to exist: the cheapest plan of the
    elastic model (each band may be missed at a price per effective set) shows which must be."""
    model, layout = daily_model(problem, cost=[0.0] * len(problem.options), elastic=True)
    values = solve(model)
    if values is None:
        return ()
    # Among equally cheap misses, the least in the plan model's tie-break, so the muscles named do
    # not depend on the solver.
    break_ties(model, values, {slack: tie_weight(muscle, k % 2) for k, (muscle, slack) in enumerate(layout.slacks)})
    values = solve(model) or values
    return tuple(dict.fromkeys(muscle for muscle, slack in layout.slacks if values[slack] > 1e-6))


def _by_equipment(request: PlanRequest, catalog: Catalog, settings: VolumeSettings) -> tuple[WayOut, ...]:
    """One more piece of equipment, or no exclusions, that gives a plan for the same days and minutes."""
    for item in Equipment:
        if item in request.equipment or item is Equipment.BODYWEIGHT:
            continue
        if plannable(request.model_copy(update={"equipment": (*request.equipment, item)}), catalog, settings):
            return ((AddEquipment((item,)),),)
    if request.exclude and plannable(request.model_copy(update={"exclude": ()}), catalog, settings):
        return ((KeepEveryExercise(),),)
    return ((AddExercises(None),), (OtherLevel(None),))


# --- Words ------------------------------------------------------------------------------------------


def _named(muscle_ids: tuple[str, ...], catalog: Catalog) -> str:
    muscles = catalog.muscles.muscles
    return " and ".join(the_muscle(muscles[m]) for m in muscle_ids) or "every muscle"


def _its(muscle_ids: tuple[str, ...]) -> str:
    return "its" if len(muscle_ids) == 1 else "their"


def _sessions(days: int) -> str:
    return "1 session" if days == 1 else f"{days} sessions"


def _equipment_list(request: PlanRequest) -> str:
    at_hand = [item.value for item in Equipment if item in request.equipment or item is Equipment.BODYWEIGHT]
    return "[" + ", ".join(at_hand) + "]"
