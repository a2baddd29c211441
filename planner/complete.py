"""Completing a routine: keep what a lifter already does and add the fewest sets that make a plan.

`complete_plan` takes a plan request, the routine to keep (a plan file: its exercises with their
sets on their days), exercises to include and, optionally, the exercises a training log shows. It
hands the integer program of planner.plan_model the kept work as fixed least sets on its day
(`Problem.fixed`) and the inclusions as least weekly sets (`Problem.least`), and solves it as
`legday plan` does (planner.block_planner.plan_week): every rule of a plan holds (each muscle in its
band, the per-session cap, the session length, two days for the hamstrings and calves, the kinds of
work, the equipment at hand, the most sets of an exercise a day for what is added). Kept work is
never reduced or moved; the sets added on top of it are the fewest any completion has, because the
total is the model's objective and the kept sets are a constant of it.

What the log shows is a preference among equally short plans only: options the log does not show
cost more per set in the model's tie-break stage (`Option.cost`), which never changes the number of
sets. The exercises chosen for that reason are the added ones the log shows that the completion
without the preference does not add.

When nothing added meets the rules, the error names the kept work (or inclusion) that blocks and the
changes that would work, as data (exercises.ways_out): fewer kept sets, longer sessions, more days,
equipment; a request that has no plan even without what is kept gets the diagnosis of
planner.feasibility.
"""

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from exercises.catalog import Catalog, Exercise
from exercises.equipment import missing_groups, needs_text
from exercises.exceptions import InputError, InputErrors, UnmetRequestError
from exercises.vocabulary import Equipment
from exercises.ways_out import (
    AddEquipment,
    FewerIncludedSets,
    FewerKeptSets,
    Limit,
    LongerSessions,
    MoreDays,
    OtherLevel,
    WayOut,
)
from planner.block_planner import growth_band, plan_week
from planner.feasibility import diagnose, least_minutes, plannable, roomier, unsettled
from planner.generate import VolumeReach, day_order, plan_name, plan_settings, weekdays
from planner.limits import MAX_DAYS
from planner.plan_file import Plan, PlanDay, PlanEntry, Weekday, split_exercise_spec
from planner.plan_model import MAX_EXERCISE_SETS, Problem, Solution, build_problem, proven_plan, without_dominated
from planner.plan_request import PlanRequest, excluded_ids, plan_request
from planner.solver import SearchLimitReached
from planner.volume import Level, Volume, VolumeSettings
from planner.wording import number_text, the_muscle

#: What an exercise the log does not show costs more per set in the tie-break stage: more than the
#: widest spread of the other preferences (evidence levels 0-4, a seed's up to 2), so among equally
#: short plans the lifter's own lifts come first, and the best evidence among them.
UNLOGGED_COST: Final = 10.0


@dataclass(frozen=True)
class Inclusion:
    """An exercise the plan must have (`--include EXERCISE[:SETS]`): its id and least weekly sets."""

    exercise: str
    sets: int


def parse_inclusion(spec: str, catalog: Catalog) -> Inclusion:
    """'EXERCISE[:SETS]' as typed: an exercise id, name or alias, and at least SETS weekly sets (1 to
    20; without it, at least one working set). InputError (exit 2, about `include`) for an unknown
    exercise, with the closest names, or sets that are not a whole number from 1 to 20."""
    from exercises.exceptions import UnknownNameError

    name, sets = split_exercise_spec(spec, 1, parameter="include", example="seated leg curl:4")
    try:
        exercise = catalog.exercise(name)
    except UnknownNameError as error:
        error.parameters = ("include",)
        raise
    return Inclusion(exercise.id, sets)


def parse_inclusions(specs: Sequence[str], catalog: Catalog) -> tuple[Inclusion, ...]:
    """Each 'EXERCISE[:SETS]' as `parse_inclusion` reads it; every bad one reported together (one
    InputError, or InputErrors of them all), so one run shows every name to correct."""
    found: list[Inclusion] = []
    problems: list[InputError] = []
    for spec in specs:
        try:
            found.append(parse_inclusion(spec, catalog))
        except InputError as error:
            problems.append(error)
    if problems:
        raise InputErrors.of(problems)
    return tuple(found)


def completion_request(
    keep: Plan | None,
    *,
    days: int | None = None,
    level: Level | None = None,
    equipment: Sequence[Equipment] | None = None,
    minutes: int | None = None,
    exclude: Sequence[str] | None = None,
    seed: int = 0,
    volume: Volume | None = None,
    weekdays: Sequence[Weekday] = (),
) -> PlanRequest:
    """The request of a completion from the values given (None: not given).

    With a kept plan: its days, or more when `days` asks for more (the added days come after its
    own); its [settings]' level, equipment, minutes and exclusions unless given; volume `low` unless
    given (the fewest sets that bring each muscle into its band). Its days keep their weekdays, so `weekdays`
    cannot be given with it. InputError (exit 2) for fewer days than the plan has, or weekdays.
    """
    if keep is None:
        fields: dict[str, Any] = {"days": days, "seed": seed, "exclude": tuple(exclude or ()), "volume": volume}
        fields |= {"level": level, "equipment": equipment, "minutes": minutes, "weekdays": tuple(weekdays)}
        return plan_request(**{key: value for key, value in fields.items() if value is not None})
    if weekdays:
        raise InputError(
            "the kept plan's days keep their own weekdays; leave it out (days added to it get free weekdays)",
            parameters=("weekdays",),
        )
    own = len(keep.days)
    if days is not None and days < own:
        raise InputError(
            f"the kept plan has {own} days, and all of them stay; give {own} or more", parameters=("days",)
        )
    settings = keep.settings
    return plan_request(
        days=days if days is not None else own,
        level=level or (settings.level if settings is not None else Level.INTERMEDIATE),
        equipment=tuple(equipment) if equipment is not None else (settings.equipment if settings else tuple(Equipment)),
        minutes=minutes or (settings.minutes if settings is not None else 75),
        exclude=tuple(exclude) if exclude is not None else tuple((settings.exclude or ()) if settings else ()),
        seed=seed,
        volume=volume or Volume.LOW,
    )


def logged_exercises(names: Iterable[str], catalog: Catalog) -> frozenset[str]:
    """The catalog exercises (ids) that a training log's exercise names mean; others are left out."""
    from planner.logs.names import match_exercise

    found = (match_exercise(name, catalog) for name in dict.fromkeys(names))
    return frozenset(exercise.id for exercise in found if exercise is not None)


@dataclass(frozen=True)
class CompletedEntry:
    """One entry of a completed plan: its day (1 is the first), exercise, and how many of its sets
    were kept and how many added."""

    day: int
    exercise: str
    kept: int
    added: int

    @property
    def origin(self) -> str:
        """'kept' for kept work (with any sets added to it), 'added' for a new entry."""
        return "kept" if self.kept else "added"

    def to_data(self) -> dict[str, Any]:
        """{day, exercise, origin, kept_sets, added_sets}."""
        return {
            "day": self.day,
            "exercise": self.exercise,
            "origin": self.origin,
            "kept_sets": self.kept,
            "added_sets": self.added,
        }


@dataclass(frozen=True)
class Completion:
    """A completed plan: the plan, each of its entries marked kept or added (in plan order), the
    inclusions asked for, the exercises chosen because the log shows them, and where the plan sits
    in the growth band against where the request's volume asked it to (planner.generate.VolumeReach)."""

    plan: Plan
    entries: tuple[CompletedEntry, ...]
    included: tuple[Inclusion, ...]
    preferred: tuple[str, ...]
    volume: VolumeReach

    @property
    def kept_sets(self) -> int:
        """The sets of the kept plan, all of them in this one."""
        return sum(entry.kept for entry in self.entries)

    @property
    def added_sets(self) -> int:
        """The sets added to the kept plan."""
        return sum(entry.added for entry in self.entries)

    def to_data(self) -> dict[str, Any]:
        """The `completion` of `plan --json` with --keep, --include or --prefer-log."""
        return {
            "kept_sets": self.kept_sets,
            "added_sets": self.added_sets,
            "entries": [entry.to_data() for entry in self.entries],
            "included": [{"exercise": item.exercise, "sets": item.sets} for item in self.included],
            "preferred_from_log": list(self.preferred),
        }


# --- The kept work as the model sees it ------------------------------------------------------------


@dataclass(frozen=True)
class _Kept:
    """The kept sets of one exercise on one day: the entries of the kept plan that have it."""

    day: int
    exercise: Exercise
    entries: tuple[PlanEntry, ...]

    @property
    def sets(self) -> int:
        return sum(entry.sets for entry in self.entries)

    @property
    def seconds(self) -> int:
        """Seconds these sets take, each entry at its own rest."""
        return sum(entry.sets * (self.exercise.set_seconds + _rest(entry, self.exercise)) for entry in self.entries)

    @property
    def grows(self) -> bool:
        """Whether sets may be added to it: one entry, at the catalog's rest (the model times added
        sets at the catalog's rest)."""
        return len(self.entries) == 1 and _rest(self.entries[0], self.exercise) == self.exercise.rest_seconds


def _rest(entry: PlanEntry, exercise: Exercise) -> int:
    return entry.rest_seconds if entry.rest_seconds is not None else exercise.rest_seconds


def _kept_work(keep: Plan | None, catalog: Catalog) -> list[_Kept]:
    if keep is None:
        return []
    work: dict[tuple[int, str], list[PlanEntry]] = {}
    for d, day in enumerate(keep.days):
        for entry in day.exercises:
            work.setdefault((d, catalog.exercise(entry.exercise).id), []).append(entry)
    return [_Kept(d, catalog.exercises[e], tuple(entries)) for (d, e), entries in work.items()]


def _with_work(problem: Problem, kept: Sequence[_Kept], included: Sequence[Inclusion]) -> Problem:
    fixed = {(k.day, k.exercise.id): (k.sets, max(MAX_EXERCISE_SETS, k.sets) if k.grows else k.sets) for k in kept}
    extra = [0] * problem.days
    for k in kept:
        extra[k.day] += k.seconds - k.sets * (k.exercise.set_seconds + k.exercise.rest_seconds)
    least = {item.exercise: item.sets for item in included}
    return replace(problem, fixed=fixed, least=least, extra_seconds=tuple(extra))


def _preferring(problem: Problem, known: Collection[str]) -> Problem:
    options = tuple(o if o.exercise.id in known else replace(o, cost=o.cost + UNLOGGED_COST) for o in problem.options)
    return replace(problem, options=options)


# --- Completing ------------------------------------------------------------------------------------


def complete_plan(
    request: PlanRequest,
    catalog: Catalog,
    *,
    keep: Plan | None = None,
    include: Sequence[Inclusion] = (),
    known: Collection[str] | None = None,
    settings: VolumeSettings | None = None,
) -> Completion:
    """The plan that keeps `keep`'s exercises with their sets on their days (its day d is the plan's
    day d; days beyond its own come after), has at least each inclusion's weekly sets, meets every
    rule of `generate_plan` at the request's volume (or as high in the band as the days and minutes
    allow), and adds the fewest sets; among equally short ones, the one that uses most the exercises
    in `known` (ids, e.g. `logged_exercises` of a training log), then the best evidence.

    Raises InputError (exit 2) for fewer days than `keep` has, an exercise both kept (or included)
    and excluded, or an inclusion that needs equipment not at hand; UnmetRequestError (exit 1) when
    no completion exists, naming the kept work or inclusion that blocks and the ways out.
    """
    settings = settings or VolumeSettings()
    if keep is not None and request.days < len(keep.days):
        raise InputError(
            f"the kept plan has {len(keep.days)} days; a plan keeping them needs as many or more", parameters=("days",)
        )
    kept = _kept_work(keep, catalog)
    included = _merged(include)
    _check_exclusions(request, catalog, kept, included)
    chosen = {k.exercise.id for k in kept} | {item.exercise for item in included}
    problem = _with_work(build_problem(request, catalog, settings, chosen=chosen), kept, included)
    _check_kept_work(problem, request, catalog, settings, kept, included)
    pruned = without_dominated(_preferring(problem, known) if known is not None else problem)
    try:
        found = plan_week(pruned, request, settings)
    except SearchLimitReached:
        raise unsettled(request, catalog, settings).error() from None
    if found is None:
        raise _unmet(problem, request, catalog, settings, kept, included)
    solution, climb = found
    preferred: tuple[str, ...] = ()
    if known is not None:
        plain = without_dominated(problem)
        try:
            without = plan_week(plain, request, settings, room=False)
        except SearchLimitReached:
            without = None
        added_without = _added_exercises(without[0], plain, kept) if without is not None else set()
        preferred = tuple(
            e for e in dict.fromkeys(_ordered_added(solution, pruned, kept)) if e in known and e not in added_without
        )
    plan, entries = _to_plan(solution, pruned, request, catalog, keep, kept)
    reach = VolumeReach(request.default_volume, growth_band(pruned, request, settings), climb)
    return Completion(plan=plan, entries=entries, included=included, preferred=preferred, volume=reach)


def _merged(include: Sequence[Inclusion]) -> tuple[Inclusion, ...]:
    """One inclusion per exercise, the most sets asked, in the order first given."""
    most: dict[str, int] = {}
    for item in include:
        most[item.exercise] = max(most.get(item.exercise, 0), item.sets)
    return tuple(Inclusion(exercise, sets) for exercise, sets in most.items())


def _added(solution: Solution, problem: Problem, kept: Sequence[_Kept]) -> dict[tuple[int, str], int]:
    """Sets added per (day, exercise id): the solution's beyond what is kept there."""
    kept_sets = {(k.day, k.exercise.id): k.sets for k in kept}
    added = {}
    for d, day in enumerate(solution):
        for i, sets in day:
            key = (d, problem.options[i].exercise.id)
            more = sets - kept_sets.get(key, 0)
            if more > 0:
                added[key] = more
    return added


def _added_exercises(solution: Solution, problem: Problem, kept: Sequence[_Kept]) -> set[str]:
    return {exercise for _, exercise in _added(solution, problem, kept)}


def _ordered_added(solution: Solution, problem: Problem, kept: Sequence[_Kept]) -> list[str]:
    return [exercise for _, exercise in sorted(_added(solution, problem, kept))]


def _check_exclusions(
    request: PlanRequest, catalog: Catalog, kept: Sequence[_Kept], included: Sequence[Inclusion]
) -> None:
    """An exercise both kept (or included) and excluded, or included and not at hand, is bad input."""
    excluded = set(excluded_ids(request, catalog))
    for k in kept:
        if k.exercise.id in excluded:
            raise InputError(
                f"{k.exercise.id} is kept (day {k.day + 1} of the kept plan) and excluded; keep it or exclude it",
                parameters=("exclude",),
            )
    for item in included:
        if item.exercise in excluded:
            raise InputError(f"{item.exercise} is both included and excluded", parameters=("include",))
        exercise = catalog.exercises[item.exercise]
        if not exercise.available_with(request.equipment):
            raise InputError(
                f"{item.exercise} needs {needs_text(exercise.equipment)}, which is not in the equipment at hand",
                parameters=("include", "equipment"),
            )


# --- Why what is kept leaves no plan ---------------------------------------------------------------


def _check_kept_work(
    problem: Problem,
    request: PlanRequest,
    catalog: Catalog,
    settings: VolumeSettings,
    kept: Sequence[_Kept],
    included: Sequence[Inclusion],
) -> None:
    """The rules kept work breaks by itself, seen without the solver: equipment not at hand, a day
    past the per-session cap, a muscle past the top of its band, a day past the session length, an
    inclusion of more sets than the days hold. Raises UnmetRequestError naming it."""
    for k in kept:
        if not k.exercise.available_with(request.equipment):
            needed = {group[0] for group in missing_groups(k.exercise.equipment, request.equipment)}
            missing = tuple(item for item in Equipment if item in needed)
            raise UnmetRequestError(
                f"{k.exercise.id} (kept, day {k.day + 1}) needs {needs_text(k.exercise.equipment)}, "
                "which is not in the equipment at hand",
                limit=Limit.KEPT_WORK,
                ways_out=((AddEquipment(missing, (k.exercise.id,)),),),
            )
    weights = {option.exercise.id: option.weights for option in problem.options}
    for d in range(problem.days):
        on_day = [k for k in kept if k.day == d]
        for muscle in sorted({m for k in on_day for m in weights[k.exercise.id]}):
            load = [(k, k.sets * weights[k.exercise.id][muscle]) for k in on_day if muscle in weights[k.exercise.id]]
            total = sum(amount for _, amount in load)
            if total > problem.cap:
                way = _fewer(problem, kept, included, load, total - problem.cap, muscle)
                raise UnmetRequestError(
                    f"day {d + 1} of the kept plan gives {_the(muscle, catalog)} {number_text(total)} effective sets "
                    f"({_listed(load)}), above the per-session cap of {number_text(problem.cap)}",
                    limit=Limit.KEPT_WORK,
                    muscles=(muscle,),
                    ways_out=(way,),
                )
    for muscle, top in problem.maximum.items():
        load = [(k, k.sets * weights[k.exercise.id][muscle]) for k in kept if muscle in weights[k.exercise.id]]
        total = sum(amount for _, amount in load)
        if total > top:
            ways: list[WayOut] = [_fewer(problem, kept, included, load, total - top, muscle)]
            higher = [
                level
                for level in list(Level)[list(Level).index(request.level) + 1 :]
                if settings.target(muscle, level).max >= total
            ]
            if higher:
                ways.append((OtherLevel(higher[0]),))
            raise UnmetRequestError(
                f"the kept plan gives {_the(muscle, catalog)} {number_text(total)} effective sets a week "
                f"({_listed(load)}), above the top of its band at the {request.level} level ({number_text(top)})",
                limit=Limit.KEPT_WORK,
                muscles=(muscle,),
                ways_out=tuple(ways),
            )
    for d in range(problem.days):
        on_day = [k for k in kept if k.day == d]
        seconds = sum(k.seconds for k in on_day)
        if seconds > request.minutes * 60:
            longer = least_minutes(without_dominated(problem))
            ways = [(LongerSessions(longer),)] if longer is not None else []
            biggest = max(on_day, key=lambda k: (k.seconds, k.exercise.id))
            per_set = biggest.seconds / biggest.sets
            fewer = biggest.sets - math.ceil((seconds - request.minutes * 60) / per_set)
            if fewer >= 0 and _has_plan_keeping(problem, kept, included, {biggest: fewer}):
                ways.append((FewerKeptSets(d + 1, biggest.exercise.id, fewer),))
            raise UnmetRequestError(
                f"day {d + 1} of the kept plan takes about {math.ceil(seconds / 60)} minutes "
                f"({_listed([(k, k.sets) for k in on_day], unit='sets')}), longer than the "
                f"{request.minutes}-minute sessions asked",
                limit=Limit.SESSION_LENGTH,
                ways_out=tuple(ways),
            )
    for item in included:
        index = next(i for i, o in enumerate(problem.options) if o.exercise.id == item.exercise)
        most = sum(problem.bounds(d, index)[1] for d in range(problem.days))
        if item.sets > most:
            ways = [(FewerIncludedSets(item.exercise, most),)]
            if request.days < MAX_DAYS:
                ways.insert(0, (MoreDays(min(MAX_DAYS, math.ceil(item.sets / MAX_EXERCISE_SETS))),))
            raise UnmetRequestError(
                f"{request.days} day{'s' if request.days != 1 else ''} hold at most {most} sets of "
                f"{item.exercise} ({MAX_EXERCISE_SETS} a day), fewer than the {item.sets} included",
                limit=Limit.KEPT_WORK,
                ways_out=tuple(ways),
            )


def _fewer(
    problem: Problem,
    kept: Sequence[_Kept],
    included: Sequence[Inclusion],
    load: Sequence[tuple[_Kept, float]],
    excess: float,
    muscle: str,
) -> WayOut:
    """Keep fewer sets of one kept exercise that gives the muscle `excess` effective sets too many:
    the most sets of it, the biggest giver first, that leave a plan; else (nothing kept fewer alone
    gives one) enough fewer sets of the biggest giver to remove the excess."""
    givers = sorted(load, key=lambda item: -item[1])
    for k, _ in givers:
        weight = problem.options[_index(problem, k.exercise.id)].weights[muscle]
        for sets in range(k.sets - math.ceil(excess / weight), -1, -1):
            if _has_plan_keeping(problem, kept, included, {k: sets}):
                return (FewerKeptSets(k.day + 1, k.exercise.id, sets),)
    # No one kept exercise alone: a set fewer at a time of whichever gives the muscle most.
    fewer = {k: k.sets for k, _ in givers}
    weights = {k: problem.options[_index(problem, k.exercise.id)].weights[muscle] for k in fewer}
    while any(fewer.values()):
        biggest = max(fewer, key=lambda k: (fewer[k] * weights[k], k.exercise.id))
        fewer[biggest] -= 1
        if _has_plan_keeping(problem, kept, included, fewer):
            return tuple(FewerKeptSets(k.day + 1, k.exercise.id, sets) for k, sets in fewer.items() if sets < k.sets)
    biggest = givers[0][0]
    sets = max(biggest.sets - math.ceil(excess / weights[biggest]), 0)
    return (FewerKeptSets(biggest.day + 1, biggest.exercise.id, sets),)


def _index(problem: Problem, exercise: str) -> int:
    return next(i for i, option in enumerate(problem.options) if option.exercise.id == exercise)


def _has_plan_keeping(
    problem: Problem, kept: Sequence[_Kept], included: Sequence[Inclusion], fewer: Mapping[_Kept, int]
) -> bool:
    """Whether a plan exists when each kept work in `fewer` keeps only that many sets (its last
    entries lose them first)."""
    changed = []
    for k in kept:
        left = fewer.get(k, k.sets)
        entries = []
        for entry in k.entries:
            if left > 0:
                entries.append(entry.model_copy(update={"sets": min(entry.sets, left)}))
                left -= entries[-1].sets
        if entries:
            changed.append(_Kept(k.day, k.exercise, tuple(entries)))
    trial = _with_work(problem, changed, included)
    return _breaks_nothing(trial, changed) and proven_plan(without_dominated(trial))


def _breaks_nothing(problem: Problem, kept: Sequence[_Kept]) -> bool:
    """Whether kept work stays within the per-session cap and the tops of the bands by itself."""
    weights = {option.exercise.id: option.weights for option in problem.options}
    week: dict[str, float] = {}
    for d in range(problem.days):
        day: dict[str, float] = {}
        for k in kept:
            if k.day == d:
                for muscle, weight in weights[k.exercise.id].items():
                    day[muscle] = day.get(muscle, 0.0) + weight * k.sets
        if any(load > problem.cap for load in day.values()):
            return False
        for muscle, load in day.items():
            week[muscle] = week.get(muscle, 0.0) + load
    return all(week.get(muscle, 0.0) <= top for muscle, top in problem.maximum.items())


def _unmet(
    problem: Problem,
    request: PlanRequest,
    catalog: Catalog,
    settings: VolumeSettings,
    kept: Sequence[_Kept],
    included: Sequence[Inclusion],
) -> UnmetRequestError:
    """No completion: the request without what is kept, if it has no plan either, is diagnosed as
    `legday plan` does; else longer sessions, more days, or the first kept work or inclusion that,
    left out, gives a plan."""
    plain = replace(problem, fixed={}, least={}, extra_seconds=())
    if not plannable(request, catalog, settings) or not proven_plan(without_dominated(plain)):
        return diagnose(request, catalog, settings).error()
    ways = roomier(without_dominated(problem))
    what = "what is kept" if kept else "what is included"
    if ways:
        return UnmetRequestError(
            f"{_sessions(request.days)} of {request.minutes} minutes hold {what} but not the sets the "
            f"{request.level} level asks besides",
            limit=Limit.KEPT_WORK,
            ways_out=ways,
        )
    for k in kept:
        for sets in range(k.sets - 1, -1, -1):
            if _has_plan_keeping(problem, kept, included, {k: sets}):
                return UnmetRequestError(
                    f"{k.sets} set{'s' if k.sets != 1 else ''} of {k.exercise.id} on day {k.day + 1} of the kept "
                    f"plan leave no plan that keeps every muscle in its weekly band at the {request.level} level "
                    "under the plan's rules",
                    limit=Limit.KEPT_WORK,
                    ways_out=((FewerKeptSets(k.day + 1, k.exercise.id, sets),),),
                )
    for item in included:
        for sets in range(item.sets - 1, -1, -1):
            least = {key: value for key, value in problem.least.items() if key != item.exercise}
            if sets:
                least[item.exercise] = sets
            if proven_plan(without_dominated(replace(problem, least=least))):
                return UnmetRequestError(
                    f"{item.sets} set{'s' if item.sets != 1 else ''} of {item.exercise} leave no plan that keeps "
                    f"every muscle in its weekly band at the {request.level} level under the plan's rules",
                    limit=Limit.KEPT_WORK,
                    ways_out=((FewerIncludedSets(item.exercise, sets),),),
                )
    return UnmetRequestError(
        f"no sets added to {what} keep every muscle in its weekly band at the {request.level} level under "
        "the plan's rules",
        limit=Limit.KEPT_WORK,
        ways_out=(
            ((FewerKeptSets(kept[0].day + 1, kept[0].exercise.id, 0),),)
            if kept
            else (tuple(FewerIncludedSets(item.exercise, 0) for item in included),)
        ),
    )


# --- The completed plan ----------------------------------------------------------------------------


def _free_weekdays(taken: Sequence[Weekday], count: int) -> list[Weekday]:
    """`count` weekdays not taken, each in turn the one farthest (round the week) from those taken."""
    order = list(Weekday)
    chosen: list[Weekday] = []
    for _ in range(count):
        used = [order.index(day) for day in (*taken, *chosen)]
        free = [i for i in range(len(order)) if i not in used]
        if not free:
            break
        best = max(free, key=lambda i: (min((min((i - j) % 7, (j - i) % 7) for j in used), default=7), -i))
        chosen.append(order[best])
    return chosen


def _weekdays(keep: Plan | None, request: PlanRequest) -> list[Weekday | None]:
    """Each day's weekday: a kept day's own; where none of the kept days has one, the request's
    weekdays or the spread of `legday plan`; else free weekdays far from the taken ones."""
    days = request.days
    own: list[Weekday | None] = [day.weekday for day in keep.days] if keep is not None else []
    own += [None] * (days - len(own))
    if not any(own):
        return list(request.weekdays or weekdays(days))
    free = iter(_free_weekdays([day for day in own if day is not None], own.count(None)))
    return [day if day is not None else next(free, None) for day in own]


def _to_plan(
    solution: Solution,
    problem: Problem,
    request: PlanRequest,
    catalog: Catalog,
    keep: Plan | None,
    kept: Sequence[_Kept],
) -> tuple[Plan, tuple[CompletedEntry, ...]]:
    """The plan: each kept day's entries as they were (with any sets added to them), then the added
    exercises in the order they are done; the days beyond the kept plan's after it."""
    added = _added(solution, problem, kept)
    options = {o.exercise.id: o for o in problem.options}
    days = []
    marks: list[CompletedEntry] = []
    for d, weekday in enumerate(_weekdays(keep, request)):
        entries: list[PlanEntry] = []
        own = keep.days[d] if keep is not None and d < len(keep.days) else None
        for entry in own.exercises if own is not None else ():
            exercise = catalog.exercise(entry.exercise)
            more = added.pop((d, exercise.id), 0)
            entries.append(entry.model_copy(update={"exercise": exercise.id, "sets": entry.sets + more}))
            marks.append(CompletedEntry(d + 1, exercise.id, entry.sets, more))
        new = [(options[e], sets) for (day, e), sets in added.items() if day == d]
        for option, sets in sorted(new, key=lambda item: day_order(item[0])):
            exercise = option.exercise
            entries.append(
                PlanEntry(exercise=exercise.id, sets=sets, reps=exercise.reps, rest_seconds=exercise.rest_seconds)
            )
            marks.append(CompletedEntry(d + 1, exercise.id, 0, sets))
        days.append(
            PlanDay(
                name=own.name if own is not None else f"Day {d + 1}",
                weekday=weekday,
                exercises=tuple(entries),
            )
        )
    name = keep.name if keep is not None and keep.name else plan_name(request)
    plan = Plan(name=name, settings=plan_settings(request, catalog), days=tuple(days))
    return plan, tuple(marks)


# --- Words ------------------------------------------------------------------------------------------


def _the(muscle_id: str, catalog: Catalog) -> str:
    return the_muscle(catalog.muscles.muscles[muscle_id])


def _listed(load: Sequence[tuple[_Kept, float]], unit: str = "effective sets") -> str:
    return ", ".join(
        f"{k.exercise.id} {number_text(amount)}" + (f" {unit}" if unit == "sets" else "") for k, amount in load
    )


def _sessions(days: int) -> str:
    return "1 session" if days == 1 else f"{days} sessions"
