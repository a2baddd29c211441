"""Plan generation: a weekly leg-day plan with the fewest sets that meets every muscle's target.

`generate_plan` turns a `PlanRequest` into a `Plan`: the integer program of planner.plan_model (its
rules and its two stages are described there) solved exactly, its days ordered, named and given
weekdays, and the request recorded as the plan's settings. When no plan exists, it raises
UnmetRequestError with the diagnosis of planner.feasibility: what blocks the request and the ways
out (changes of the request, each checked to give a plan).

The public API: PlanRequest, generate_plan, plan_minutes, weekdays, excluded_ids, available_exercises.
"""

from typing import Final

from exercises.catalog import Catalog
from exercises.exceptions import UnmetRequestError
from exercises.vocabulary import Mechanic, Pattern
from planner.feasibility import diagnose, word_ways_out
from planner.plan_file import Plan, PlanDay, PlanEntry, PlanSettings, Weekday
from planner.plan_model import Option, Problem, Solution, build_problem, solve_plan, without_dominated
from planner.plan_request import PlanRequest, available_exercises, excluded_ids
from planner.volume import VolumeSettings

__all__ = [
    "PlanRequest",
    "available_exercises",
    "excluded_ids",
    "generate_plan",
    "plan_minutes",
    "weekdays",
]

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


def weekdays(days: int) -> tuple[Weekday, ...]:
    """Weekdays spread over the week: day i on weekday floor(i x 7 / days). That keeps sessions 48 h
    apart where the week allows (Monday/Thursday, Monday/Wednesday/Friday) and, beyond 3 days, has
    the fewest back-to-back sessions a 7-day week permits."""
    order = tuple(Weekday)
    return tuple(order[index * 7 // days] for index in range(days))


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


def _day_order(option: Option) -> tuple[int, int, str]:
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


def _to_plan(solution: Solution, problem: Problem, request: PlanRequest, excluded: tuple[str, ...]) -> Plan:
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


def generate_plan(request: PlanRequest, catalog: Catalog, settings: VolumeSettings | None = None) -> Plan:
    """The weekly plan with the fewest sets that meets every rule (see planner.plan_model), with
    its settings filled and its days named and given weekdays.

    Raises UnknownNameError (exit 2) for an unknown exercise in `request.exclude`, and
    UnmetRequestError (exit 1) when no plan exists, naming what blocks it and what would unblock it.
    """
    settings = settings or VolumeSettings()
    problem = without_dominated(build_problem(request, catalog, settings))
    solution = solve_plan(problem)
    if solution is None:
        diagnosis = diagnose(request, catalog, settings)
        raise UnmetRequestError(f"{diagnosis.reason}: {word_ways_out(diagnosis.ways_out)}")
    # The exclusions as sorted ids: the same ones in any order and spelling give the same file.
    return _to_plan(solution, problem, request, excluded_ids(request, catalog))
