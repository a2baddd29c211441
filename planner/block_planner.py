"""Planning a week at a volume, and a training block: weeks of the same exercises whose sets rise
through the target band, then a deload.

Week by week, peak first, each part exact:

1. The peak week (the last loading week) is the week of planner.plan_model with each growth muscle's
   floor raised toward the top of its band (planner.progression), solved exactly by `solve_plan`:
   no week with those floors has fewer sets. When the request's days or minutes cannot hold that
   floor, the highest floor they can hold is found (in half sets) and used.
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
from dataclasses import replace
from typing import Final

from planner.plan_model import (
    MIN_EXERCISE_SETS,
    Problem,
    Solution,
    has_plan,
    proven_plan,
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


def _growth_band(problem: Problem, request: PlanRequest, settings: VolumeSettings) -> Target | None:
    """The level's growth band (the same for every muscle with training studies), if any muscle in
    the problem has one."""
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


def _highest(problem: Problem, wanted: float, settings: VolumeSettings) -> tuple[float, Solution] | None:
    """The highest climb from 0 to `wanted` (in half sets) whose week has a plan, with that plan;
    None when not even the bottom of the band has one. A climb whose search does not settle (planner.
    plan_model.PROOF_NODES) counts as too high: the week climbs as far as a plan is proven to exist.
    Raises SearchLimitReached when that cannot be settled even at the bottom of the band."""
    try:
        solution = solve_plan(raised(problem, wanted, settings))
    except SearchLimitReached:
        solution = None
    if solution is not None:
        return wanted, solution
    if not has_plan(problem):
        return None
    # Higher floors only remove plans, so feasibility falls once along the climbs: bisect.
    low, high = 0, round(wanted / STEP)  # climb low x STEP has a plan; high x STEP has none
    while high - low > 1:
        middle = (low + high) // 2
        if proven_plan(raised(problem, middle * STEP, settings)):
            low = middle
        else:
            high = middle
    found = solve_plan(raised(problem, low * STEP, settings))
    if found is None:  # cannot happen: has_plan said it has one
        raise RuntimeError("a week the search found feasible has no plan")
    return low * STEP, found


def plan_week(problem: Problem, request: PlanRequest, settings: VolumeSettings) -> Solution | None:
    """A single week at the request's volume: the fewest sets with each growth muscle at least the
    volume's climb into its band (or as high as the days and minutes allow); None when no week
    exists even at the bottom of the bands."""
    band = _growth_band(problem, request, settings)
    wanted = volume_climb(request.default_volume, band) if band is not None else 0.0
    found = _highest(problem, wanted, settings)
    return None if found is None else found[1]


def plan_block(problem: Problem, request: PlanRequest, settings: VolumeSettings) -> BlockSolution | None:
    """The block of `request.weeks` weeks (see the module docstring); None when not even one week
    exists at the bottom of the bands."""
    band = _growth_band(problem, request, settings)
    loading = request.loading_weeks
    first = volume_climb(request.default_volume, band) if band is not None else 0.0
    top = max(first, peak_climb(band)) if band is not None else 0.0
    found = _highest(problem, top if loading > 1 else first, settings)
    if found is None:
        return None
    peak_climb_found, peak = found
    steps = climbs(min(first, peak_climb_found), peak_climb_found, loading)
    entries = [(d, option, sets) for d, day in enumerate(peak) for option, sets in day]
    earlier = _ramp(problem, entries, steps, settings)
    weeks = [*earlier, tuple(sets for _, _, sets in entries)]
    if request.loading_weeks < request.weeks:
        weeks.append(deload_sets(weeks[-1]))
    by_day: list[list[tuple[int, tuple[int, ...]]]] = [[] for _ in peak]
    for e, (d, option, _) in enumerate(entries):
        by_day[d].append((option, tuple(week[e] for week in weeks)))
    return tuple(tuple(day) for day in by_day)


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
