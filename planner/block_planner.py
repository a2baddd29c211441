"""Planning a week at a volume, and a training block: weeks of the same exercises whose sets rise
through the target band, then a deload.

Week by week, peak first, each part exact:

1. The peak week (the last loading week) is the week of planner.plan_model with each growth muscle's
   floor raised toward the top of its band (planner.progression), solved exactly by `solve_plan`:
   no week with those floors has fewer sets. When the request's days or minutes cannot hold that
   floor, the highest floor they can hold is found (in half sets) and used, and said: the result
   carries the climb asked and the climb reached (`Climb`), with the longer sessions or more days
   that would hold the one asked, so a caller can tell the person.
2. The loading weeks before it are one integer program over the peak's entries only (the same
   exercises on the same days): each entry's sets never fall from one week to the next and rise by
   at most one set a week (steps a lifter can follow), each week's floors rise evenly from week 1's
   (the volume's place in the band) to the peak's, and the total sets of those weeks is the fewest
   possible given the peak.
3. The deload week is the peak's entries at about half their sets (planner.progression).

Why not one model for the whole block: the daily model already slows as days grow (interchangeable
days); weeks x days x exercises would multiply that. Why the peak first: any earlier week can copy
the peak's sets, so once the peak exists the block exists; building up from week 1 can paint the
block into a corner (exercises already at 5 sets with no room to grow, a session already full). And
every rule one week obeys holds in every week for free: no entry ever has more sets than at the
peak, so no session is longer, no muscle is above its band or the per-session cap, and the same
exercises on the same days keep the two-days rules and the kinds of work.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final

from exercises.ways_out import WayOut
from planner.feasibility import roomier
from planner.plan_model import (
    MIN_EXERCISE_SETS,
    Problem,
    Solution,
    has_plan,
    probed_plan,
    solve_plan,
    tie_weight,
)
from planner.plan_request import PlanRequest
from planner.progression import STEP, climbs, deload_sets, peak_climb, volume_climb
from planner.solver import IntegerProgram, SearchLimitReached, break_ties, solve
from planner.volume import Target, VolumeSettings

#: A block's plan: for each day, (option index, sets in each week) pairs.
BlockSolution = tuple[tuple[tuple[int, tuple[int, ...]], ...], ...]

#: The ramp's tie-break: below one set in all, so it only orders blocks of equally few sets.
_TIE_BREAK_SHARE: Final = 0.5


@dataclass(frozen=True)
class Climb:
    """How far above the bottom of its growth band each growth muscle's weekly floor sits, in
    effective sets (planner.progression): the climb the request asked (`wanted`) and the one the
    plan holds (`reached`). `reached` is below `wanted` only when the days and minutes hold no plan
    a half set higher (`settled`), or none the search could prove within its limit (`settled` false:
    planner.plan_model.PROBE_NODES). `room` are then the changes of room alone (longer sessions,
    more days), each proven to hold a plan at `wanted`; empty when none does, or nothing fell short."""

    wanted: float
    reached: float
    settled: bool = True
    room: tuple[WayOut, ...] = ()

    @property
    def short(self) -> bool:
        """Whether the plan sits lower in the band than asked."""
        return self.reached < self.wanted


def growth_band(problem: Problem, request: PlanRequest, settings: VolumeSettings) -> Target | None:
    """The level's growth band (the same for every muscle with training studies), if any muscle in
    the problem has one: the band a `Climb` is measured in."""
    for muscle in problem.minimum:
        if settings.climbs(muscle):
            return settings.target(muscle, request.level)
    return None


def raised(problem: Problem, climb: float, settings: VolumeSettings) -> Problem:
    """The problem with each growth muscle's weekly floor `climb` effective sets above the bottom of
    its band (never above its top); the others keep their minimum."""
    minimum = {
        muscle: min(low + climb, problem.maximum[muscle]) if settings.climbs(muscle) else low
        for muscle, low in problem.minimum.items()
    }
    return replace(problem, minimum=minimum)


def _highest(
    problem: Problem, wanted: float, settings: VolumeSettings, *, room: bool = True
) -> tuple[Climb, Solution] | None:
    """The highest climb from 0 to `wanted` (in half sets) whose week has a plan, with that plan;
    None when not even the bottom of the band has one. A climb whose search does not settle (planner.
    plan_model.PROOF_NODES) counts as too high: the week climbs as far as a plan is proven to exist.
    Raises SearchLimitReached when that cannot be settled even at the bottom of the band. With
    `room`, a climb that falls short carries the room that would reach `wanted` (feasibility.roomier:
    more solves, so only for a climb that falls short and a caller that says it)."""
    try:
        solution = solve_plan(raised(problem, wanted, settings))
        settled = True
    except SearchLimitReached:
        solution, settled = None, False
    if solution is not None:
        return Climb(wanted, wanted), solution
    if not has_plan(problem):
        return None
    # Higher floors only remove plans, so feasibility falls once along the climbs: bisect.
    low, high = 0, round(wanted / STEP)  # climb low x STEP has a plan; high x STEP has none
    while high - low > 1:
        middle = (low + high) // 2
        found_plan = probed_plan(raised(problem, middle * STEP, settings))
        if found_plan:
            low = middle
        else:
            high, settled = middle, found_plan is False
    found = solve_plan(raised(problem, low * STEP, settings))
    if found is None:  # cannot happen: has_plan said it has one
        raise RuntimeError("a week the search found feasible has no plan")
    ways = roomier(raised(problem, wanted, settings)) if room else ()
    return Climb(wanted, low * STEP, settled, ways), found


def plan_week(
    problem: Problem, request: PlanRequest, settings: VolumeSettings, *, room: bool = True
) -> tuple[Solution, Climb] | None:
    """A single week at the request's volume: the fewest sets with each growth muscle at least the
    volume's climb into its band (or as high as the days and minutes allow), with the climb asked
    and reached (with `room`, and the room that would reach it when it falls short); None when no
    week exists even at the bottom of the bands."""
    band = growth_band(problem, request, settings)
    wanted = volume_climb(request.default_volume, band) if band is not None else 0.0
    found = _highest(problem, wanted, settings, room=room)
    return None if found is None else (found[1], found[0])


def plan_block(
    problem: Problem, request: PlanRequest, settings: VolumeSettings, *, room: bool = True
) -> tuple[BlockSolution, Climb, Climb] | None:
    """The block of `request.weeks` weeks (see the module docstring), with the climbs of its peak
    week and of its week 1 (asked and reached; with `room`, and the room that would reach them when
    they fall short); None when not even one week exists at the bottom of the bands. Week 1 reaches
    the volume's climb unless the peak could not: then every loading week sits at the peak's."""
    band = growth_band(problem, request, settings)
    loading = request.loading_weeks
    first = volume_climb(request.default_volume, band) if band is not None else 0.0
    top = max(first, peak_climb(band)) if band is not None else 0.0
    found = _highest(problem, top if loading > 1 else first, settings, room=room)
    if found is None:
        return None
    peak_reached, peak = found
    start = Climb(first, min(first, peak_reached.reached), peak_reached.settled, peak_reached.room)
    if not start.short:
        start = Climb(first, first)
    steps = climbs(start.reached, peak_reached.reached, loading)
    entries = [(d, option, sets) for d, day in enumerate(peak) for option, sets in day]
    earlier = _ramp(problem, entries, steps, settings)
    weeks = [*earlier, tuple(sets for _, _, sets in entries)]
    if request.loading_weeks < request.weeks:
        weeks.append(deload_sets(weeks[-1]))
    by_day: list[list[tuple[int, tuple[int, ...]]]] = [[] for _ in peak]
    for e, (d, option, _) in enumerate(entries):
        by_day[d].append((option, tuple(week[e] for week in weeks)))
    return tuple(tuple(day) for day in by_day), peak_reached, start


def _ramp(
    problem: Problem, entries: Sequence[tuple[int, int, int]], steps: Sequence[float], settings: VolumeSettings
) -> list[tuple[int, ...]]:
    """The loading weeks before the peak, week 1 first: each entry's sets in each week (see the
    module docstring, part 2); the fewest total sets, then the preferred exercises kept."""
    before = len(steps) - 1
    if before == 0:
        return []
    model = IntegerProgram.empty()
    inf = math.inf
    total_cost = sum(problem.options[option].cost * sets for _, option, sets in entries) * before
    share = _TIE_BREAK_SHARE / (1.0 + total_cost)
    columns: list[list[int]] = []
    for week in range(before):
        row = []
        for e, (_, option, sets) in enumerate(entries):
            # At most one set a week below the next week's, so at most (weeks to the peak) below it.
            lowest = max(MIN_EXERCISE_SETS, sets - (before - week))
            cost = 1.0 + share * problem.options[option].cost
            row.append(model.variable(f"sets_{week}_{e}", lowest, sets, integer=True, cost=cost))
        columns.append(row)
    for week in range(before - 1):
        for e in range(len(entries)):
            now, later = columns[week][e], columns[week + 1][e]
            model.row(0, 1, {later: 1.0, now: -1.0})
    for week, climb in enumerate(steps[:-1]):
        floors = raised(problem, climb, settings).minimum
        for muscle, floor in floors.items():
            terms: Mapping[int, float] = {
                columns[week][e]: problem.options[option].weights[muscle]
                for e, (_, option, _) in enumerate(entries)
                if muscle in problem.options[option].weights
            }
            if terms:
                model.row(floor, inf, terms)
    values = solve(model)
    if values is None:  # cannot happen: every week at the peak's sets is a solution
        raise RuntimeError("the weeks before the peak have no plan")
    # Among ramps equally good, the least in the plan model's tie-break, so no solver picks.
    weights = {
        column: tie_weight(problem.options[option].exercise.id, day, week)
        for week, row in enumerate(columns)
        for column, (day, option, _) in zip(row, entries, strict=True)
    }
    break_ties(model, values, weights)
    values = solve(model) or values
    return [tuple(round(values[column]) for column in row) for row in columns]
