"""Plan generation: a weekly leg-day plan with the fewest sets that meets every muscle's target.

`generate_plan` turns a `PlanRequest` into a `Plan`: the integer program of planner.plan_model (its
rules and its two stages are described there) solved exactly, its days ordered, named and given
weekdays, and the request recorded as the plan's settings. When no plan exists, it raises
UnmetRequestError carrying the diagnosis of planner.feasibility as data: the limit that blocks the
request, the muscles it holds back and the ways out (changes of the request, each checked to give a
plan); the command line words them as its options.

`generate_block` turns a request of several weeks into a `Block` (planner.block_planner): the same
exercises every week, sets rising through the band, each week's effort target, then a deload.

When the days and minutes cannot hold the volume asked, the week (a block's peak) sits as high in
the band as they allow. `generate` says so: it returns the plan or block with a `VolumeReach`, the
climb into the band asked and reached and the room that would reach it, as data for the caller to
word (the command line says it in one line and in `plan --json`).

The public API: PlanRequest, generate, Generated, VolumeReach, generate_plan, generate_block,
plan_minutes, weekdays, excluded_ids, available_exercises.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

from exercises.catalog import Catalog
from exercises.vocabulary import Mechanic, Pattern
from exercises.ways_out import LongerSessions, MoreDays
from planner.block_planner import BlockSolution, Climb, growth_band, plan_block, plan_week
from planner.feasibility import diagnose, unsettled
from planner.plan_file import Block, BlockDay, BlockEntry, BlockWeek, Plan, PlanDay, PlanEntry, PlanSettings, Weekday
from planner.plan_model import Option, Problem, Solution, build_problem, without_dominated
from planner.plan_request import PlanRequest, available_exercises, excluded_ids
from planner.progression import DELOAD_RIR, loading_rir
from planner.session_minutes import plan_minutes
from planner.solver import SearchLimitReached
from planner.volume import Target, Volume, VolumeSettings
from planner.wording import tidy_number

__all__ = [
    "Climb",
    "Generated",
    "PlanRequest",
    "VolumeReach",
    "available_exercises",
    "excluded_ids",
    "generate",
    "generate_block",
    "generate_plan",
    "plan_minutes",
    "weekdays",
]

#: A day's sets: one number (a week) or one per week (a block).
T = TypeVar("T", int, tuple[int, ...])
#: What was generated: a one-week plan or a block.
P = TypeVar("P", Plan, Block)
#: What a planner finds for a problem: a week, or a block, each with its climbs.
S = TypeVar("S")


@dataclass(frozen=True)
class VolumeReach:
    """Where a generated week sits in its growth band against where the request's volume asked it
    to: `volume` as asked (or defaulted), the level's growth `band`, and the `climb` (planner.
    block_planner.Climb: effective sets above the band's bottom of each growth muscle's weekly floor,
    asked and reached, and the room that would reach it). For a block, `climb` is its peak week's
    (the last loading week, which climbs toward the top of the band) and `first` its week 1's (where
    the volume puts it); for one week, `first` is None.

    It is what the plan file cannot say: its `[settings]` record the volume asked, the request the
    plan was built from, which a plan that could not climb so far still answers (as high as the days
    and minutes allow)."""

    volume: Volume
    band: Target | None
    climb: Climb
    first: Climb | None = None

    @property
    def fits(self) -> bool:
        """Whether every week reached the climb asked of it."""
        return not self.climb.short and (self.first is None or not self.first.short)

    def to_data(self) -> dict[str, Any]:
        """The `volume` of `plan --json`: see docs/json.md."""
        data: dict[str, Any] = {
            "asked": self.volume.value,
            "fits": self.fits,
            "band": None
            if self.band is None
            else {"min": tidy_number(self.band.min), "max": tidy_number(self.band.max)},
            "climb": _climb_data(self.climb),
        }
        if self.first is not None:
            data["first_week_climb"] = _climb_data(self.first)
        data["settled"] = self.climb.settled
        data["reached_with"] = None
        if not self.fits:
            minutes = next((c.minutes for way in self.climb.room for c in way if isinstance(c, LongerSessions)), None)
            days = next((c.days for way in self.climb.room for c in way if isinstance(c, MoreDays)), None)
            data["reached_with"] = {"minutes": minutes, "days": days}
        return data


def _climb_data(climb: Climb) -> dict[str, Any]:
    return {"asked": tidy_number(climb.wanted), "reached": tidy_number(climb.reached)}


@dataclass(frozen=True)
class Generated(Generic[P]):
    """A generated plan or block, and where its volume sits against what was asked."""

    plan: P
    volume: VolumeReach


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


def day_order(option: Option) -> tuple[int, int, str]:
    """Compounds first, then isolation; within each, by movement pattern, then by id."""
    exercise = option.exercise
    return (
        0 if exercise.mechanic is Mechanic.COMPOUND else 1,
        _PATTERN_ORDER.index(exercise.pattern),
        exercise.id,
    )


def plan_name(request: PlanRequest) -> str:
    """A generated plan's name: '3 leg days a week, intermediate, 75 minutes'."""
    days = "1 leg day" if request.days == 1 else f"{request.days} leg days"
    name = f"{days} a week, {request.level}, {request.minutes} minutes"
    return name if request.weeks == 1 else f"{name}, {request.weeks} weeks"


def plan_settings(request: PlanRequest, catalog: Catalog) -> PlanSettings:
    """The request as the file records it: the exclusions as sorted ids (the same ones in any order
    and spelling give the same file), the volume as resolved, a block's weeks and deload."""
    block = request.weeks > 1
    return PlanSettings(
        days=request.days,
        level=request.level,
        equipment=request.equipment,
        minutes=request.minutes,
        seed=request.seed,
        exclude=excluded_ids(request, catalog) or None,
        volume=request.default_volume,
        weekdays=request.weekdays or None,
        weeks=request.weeks if block else None,
        deload=request.deload if block else None,
    )


def _days(
    work: Sequence[Sequence[tuple[int, T]]], problem: Problem, request: PlanRequest
) -> list[tuple[str, Weekday, list[tuple[Option, T]]]]:
    """Each day's name, weekday and work (option, sets), the work in the order it is done."""
    named = []
    chosen = request.weekdays or weekdays(request.days)
    for number, (weekday, day) in enumerate(zip(chosen, work, strict=True), 1):
        ordered = sorted(day, key=lambda item: day_order(problem.options[item[0]]))
        named.append((f"Day {number}", weekday, [(problem.options[i], sets) for i, sets in ordered]))
    return named


def _to_plan(solution: Solution, problem: Problem, request: PlanRequest, catalog: Catalog) -> Plan:
    days = tuple(
        PlanDay(
            name=name,
            weekday=weekday,
            exercises=tuple(
                PlanEntry(exercise=o.exercise.id, sets=sets, reps=o.exercise.reps, rest_seconds=o.exercise.rest_seconds)
                for o, sets in work
            ),
        )
        for name, weekday, work in _days(solution, problem, request)
    )
    return Plan(name=plan_name(request), settings=plan_settings(request, catalog), days=days)


def _to_block(solution: BlockSolution, problem: Problem, request: PlanRequest, catalog: Catalog) -> Block:
    days = tuple(
        BlockDay(
            name=name,
            weekday=weekday,
            exercises=tuple(
                BlockEntry(
                    exercise=o.exercise.id, sets=sets, reps=o.exercise.reps, rest_seconds=o.exercise.rest_seconds
                )
                for o, sets in work
            ),
        )
        for name, weekday, work in _days(solution, problem, request)
    )
    weeks = [BlockWeek(rir=rir) for rir in loading_rir(request.loading_weeks)]
    if request.loading_weeks < request.weeks:
        weeks.append(BlockWeek(rir=DELOAD_RIR, deload=True))
    return Block(name=plan_name(request), settings=plan_settings(request, catalog), weeks=tuple(weeks), days=days)


def generate(
    request: PlanRequest, catalog: Catalog, settings: VolumeSettings | None = None
) -> Generated[Plan] | Generated[Block]:
    """`generate_plan` for a request of one week, `generate_block` for several, with the
    `VolumeReach` of what was generated: whether it sits as far into the band as the request's
    volume asks (a block: its week 1 there and its peak toward the top), and if not, how far it does
    and what room would reach it. Raises as they do."""
    if request.weeks == 1:
        return _generate_week(request, catalog, settings or VolumeSettings(), room=True)
    return _generate_block(request, catalog, settings or VolumeSettings(), room=True)


def generate_plan(request: PlanRequest, catalog: Catalog, settings: VolumeSettings | None = None) -> Plan:
    """The weekly plan with the fewest sets that meets every rule (see planner.plan_model) with each
    growth muscle at least as far into its band as the request's volume puts it (or as far as its
    days and minutes allow: `generate` tells which), with its settings filled and its days named and
    given weekdays.

    Raises UnknownNameError (exit 2) for an unknown exercise in `request.exclude`, ValueError for a
    request of several weeks (that is `generate_block`'s), and UnmetRequestError (exit 1) when no
    plan exists: its message says what blocks the request, its `limit`, `muscles` and `ways_out` say
    it as data (exercises.ways_out).
    """
    if request.weeks != 1:
        raise ValueError(f"a request of {request.weeks} weeks is a block: use generate_block")
    # Only the plan is asked for: the room that would reach a volume that falls short is not worked out.
    return _generate_week(request, catalog, settings or VolumeSettings(), room=False).plan


def _solved(
    request: PlanRequest, catalog: Catalog, settings: VolumeSettings, planner: Callable[[Problem], S | None]
) -> tuple[Problem, S]:
    """The request's problem and what `planner` finds for it; UnmetRequestError, with what blocks
    the request, when nothing is found or the search could not settle it."""
    problem = without_dominated(build_problem(request, catalog, settings))
    try:
        found = planner(problem)
    except SearchLimitReached:
        raise unsettled(request, catalog, settings).error() from None
    if found is None:
        raise diagnose(request, catalog, settings).error()
    return problem, found


def _generate_week(request: PlanRequest, catalog: Catalog, settings: VolumeSettings, *, room: bool) -> Generated[Plan]:
    problem, (solution, climb) = _solved(
        request, catalog, settings, lambda problem: plan_week(problem, request, settings, room=room)
    )
    reach = VolumeReach(request.default_volume, growth_band(problem, request, settings), climb)
    return Generated(_to_plan(solution, problem, request, catalog), reach)


def generate_block(request: PlanRequest, catalog: Catalog, settings: VolumeSettings | None = None) -> Block:
    """The training block of `request.weeks` weeks (planner.block_planner): the same exercises every
    week, each growth muscle's weekly sets rising from week 1's volume toward the top of its band
    (as far as the days and minutes allow: `generate` tells how far), effort from RIR 3 to 0-1, then
    (unless `request.deload` is false) a deload week of half the peak's sets at RIR 4-5. Raises as
    `generate_plan` does."""
    return _generate_block(request, catalog, settings or VolumeSettings(), room=False).plan


def _generate_block(
    request: PlanRequest, catalog: Catalog, settings: VolumeSettings, *, room: bool
) -> Generated[Block]:
    problem, (solution, peak, first) = _solved(
        request, catalog, settings, lambda problem: plan_block(problem, request, settings, room=room)
    )
    reach = VolumeReach(request.default_volume, growth_band(problem, request, settings), peak, first)
    return Generated(_to_block(solution, problem, request, catalog), reach)
