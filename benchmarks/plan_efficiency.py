"""Plan efficiency: the generator's weekly sets against an exact optimum computed independently.

For each request of a grid (days x levels x equipment sets x minutes), the exact fewest weekly sets
come from an integer program written here from the catalog and the rules of issue 4, separately from
planner.generate (no shared helpers, no weekly bound, no pruning, no symmetry breaking), solved by
HiGHS through highspy's own modelling layer. The ratio generator / optimum must be <= 1.2 (issue 4);
an exact generator gives 1.0. Both must also agree on which requests have no plan at all. The weeks
are planned at --volume low (the fewest sets) and at mid, where each growth muscle's floor is raised
into its band (the independent model raises the same floors).

Blocks (issue 11) are measured against an independent bound: each loading week's own exact fewest
sets at that week's floors (the climbs of planner.progression, with the peak's climb the highest the
independent model finds feasible), summed. A block keeps the same exercises on the same days and adds
at most one set per exercise a week, which single weeks need not, so its ratio can exceed 1.0; the
ratio says what that sameness costs.

    python benchmarks/plan_efficiency.py [--days 1 2 3 4] [--minutes 30 45 75] [--part weeks blocks]
"""

import argparse
import contextlib
import itertools
import os
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exercises.catalog import Catalog, Exercise, load_catalog
from exercises.exceptions import UnmetRequestError
from exercises.vocabulary import Action, Equipment, KneeAngle
from planner.generate import PlanRequest, generate_block, generate_plan
from planner.plan_file import week_sets
from planner.progression import STEP, climbs, peak_climb, volume_climb
from planner.volume import Level, Volume, VolumeSettings

ROLE_WEIGHTS = {"primary": 1.0, "secondary": 0.5}
HAMSTRINGS = {"biceps_femoris_long_head", "biceps_femoris_short_head", "semitendinosus", "semimembranosus"}
TWICE = HAMSTRINGS | {"gastrocnemius", "soleus"}
EQUIPMENT_SETS: dict[str, tuple[Equipment, ...]] = {
    "all": tuple(Equipment),
    "bodyweight": (),
    "barbell": (Equipment.BARBELL,),
    "dumbbells+bench": (Equipment.DUMBBELL, Equipment.BENCH),
    "machine+cable": (Equipment.MACHINE, Equipment.CABLE),
}


@contextlib.contextmanager
def quiet_stdout() -> Iterator[None]:
    """highspy.Highs() prints a banner on file descriptor 1 when it is made: send it to /dev/null."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 1)
        try:
            yield
        finally:
            os.dup2(saved, 1)
            os.close(saved)


def weight(exercise: Exercise, muscle: str) -> float:
    for role, value in ROLE_WEIGHTS.items():
        if muscle in getattr(exercise.muscles, role):
            return value
    return 0.0


def kinds(exercise: Exercise) -> set[str]:
    """Which of the three required kinds of work an exercise does, from its catalog entry (bent-knee
    calf work is not required: the soleus's band alone decides whether a week needs it)."""
    counted = set(exercise.muscles.primary) | set(exercise.muscles.secondary)
    found = set()
    if Action.HIP_EXTENSION in exercise.actions and counted & (HAMSTRINGS - {"biceps_femoris_short_head"}):
        found.add("hip")
    if Action.KNEE_FLEXION in exercise.actions and counted & HAMSTRINGS:
        found.add("knee")
    calves = {"gastrocnemius", "soleus", "plantaris"}
    if Action.PLANTARFLEXION in exercise.actions and counted & calves and exercise.knee_angle is KneeAngle.STRAIGHT:
        found.add("straight")
    return found


def exact_fewest_sets(
    catalog: Catalog, days: int, level: Level, equipment: Sequence[Equipment], minutes: int, climb: float = 0.0
) -> int | None:
    """The fewest weekly sets meeting every rule, with each growth muscle's floor `climb` effective
    sets above the bottom of its band (capped at its top), or None when no plan exists."""
    import highspy

    targets = [m.id for m in catalog.muscles.targets]
    volume = VolumeSettings()
    at_hand = set(equipment) | {Equipment.BODYWEIGHT}
    # Within the level and not conditioning, written out here rather than with Exercise.prescribable.
    levels = [item.value for item in Level]
    exercises = [
        e
        for e in catalog.exercises.values()
        if all(at_hand.intersection(g) for g in e.equipment)
        and not e.conditioning
        and levels.index(e.difficulty.value) <= levels.index(level.value)
    ]
    every_muscle = sorted({m for e in exercises for m in (*e.muscles.primary, *e.muscles.secondary)} | set(targets))
    with quiet_stdout():
        h = highspy.Highs()  # type: ignore[no-untyped-call]  # highspy ships no annotation for it
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    h.setOptionValue("mip_rel_gap", 0.0)
    sets = {(d, e.id): h.addIntegral(lb=0, ub=5) for d in range(days) for e in exercises}
    on = {(d, e.id): h.addBinary() for d in range(days) for e in exercises}
    for key, count in sets.items():
        h.addConstr(count >= 2 * on[key])
        h.addConstr(count <= 5 * on[key])
    for d in range(days):
        h.addConstr(sum(on[d, e.id] for e in exercises) >= 1)
        h.addConstr(sum(sets[d, e.id] * (e.set_seconds + e.rest_seconds) for e in exercises) <= 60 * minutes)
        for muscle in every_muscle:
            load = [(e, weight(e, muscle)) for e in exercises if weight(e, muscle) > 0]
            if load:
                h.addConstr(sum(sets[d, e.id] * w for e, w in load) <= volume.session_cap)
    for muscle in targets:
        band = volume.target(muscle, level)
        load = [(e, weight(e, muscle)) for e in exercises if weight(e, muscle) > 0]
        if not load:
            return None
        weekly = sum(sets[d, e.id] * w for d in range(days) for e, w in load)
        floor = min(band.min + climb, band.max) if volume.climbs(muscle) else band.min
        h.addConstr(weekly >= floor)
        h.addConstr(weekly <= band.max)
        if days >= 2 and muscle in TWICE:
            trained = [h.addBinary() for _ in range(days)]
            for d in range(days):
                h.addConstr(trained[d] <= sum(on[d, e.id] for e, _ in load))
            h.addConstr(sum(trained) >= 2)
    for kind in ("hip", "knee", "straight"):
        doing = [e for e in exercises if kind in kinds(e)]
        if doing:
            h.addConstr(sum(on[d, e.id] for d in range(days) for e in doing) >= 1)
    h.minimize(sum(sets.values()))
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    return round(h.getObjectiveValue())


def highest_climb(
    catalog: Catalog, days: int, level: Level, equipment: Sequence[Equipment], minutes: int, wanted: float
) -> float:
    """The highest climb from `wanted` down, in half sets, at which the independent model has a week."""
    climb = wanted
    while climb > 0 and exact_fewest_sets(catalog, days, level, equipment, minutes, climb) is None:
        climb -= STEP
    return max(climb, 0.0)


def block_bound(catalog: Catalog, request: PlanRequest) -> tuple[int, ...] | None:
    """Each loading week's exact fewest sets at its floors, computed independently; None when no week exists."""
    band = VolumeSettings().target("soleus", request.level)
    first = volume_climb(request.default_volume, band)
    loading = request.loading_weeks
    wanted = max(first, peak_climb(band)) if loading > 1 else first
    shape = (catalog, request.days, request.level, request.equipment, request.minutes)
    peak = highest_climb(*shape, wanted)
    bounds = []
    for climb in climbs(min(first, peak), peak, loading):
        fewest = exact_fewest_sets(*shape, climb)
        if fewest is None:
            return None
        bounds.append(fewest)
    return tuple(bounds)


def blocks(days_grid: Sequence[int]) -> list[float]:
    """The block grid: each block's loading sets against the independent bound; the ratios."""
    catalog = load_catalog()
    ratios: list[float] = []
    print(
        f"{'days':>4} {'weeks':>5} {'level':<12} {'deload':<6} {'block (loading weeks)':<28} {'bound':<28} {'ratio':>6}"
    )
    for days in days_grid:
        for weeks, deload in ((4, True), (6, True), (8, False)):
            for level in (Level.INTERMEDIATE, Level.ADVANCED):
                request = PlanRequest(days=days, weeks=weeks, level=level, deload=deload)
                try:
                    block = generate_block(request, catalog)
                except UnmetRequestError:
                    block = None
                bound = block_bound(catalog, request)
                if block is None or bound is None:
                    print(f"{days:>4} {weeks:>5} {level:<12} {deload!s:<6} {'no plan' if block is None else ''}")
                    continue
                got = [week_sets(block, k) for k in range(1, request.loading_weeks + 1)]
                ratio = sum(got) / sum(bound)
                ratios.append(ratio)
                shown, least = " ".join(map(str, got)), " ".join(map(str, bound))
                print(f"{days:>4} {weeks:>5} {level:<12} {deload!s:<6} {shown:<28} {least:<28} {ratio:>6.3f}")
    if ratios:
        worst, median = max(ratios), statistics.median(ratios)
        print(f"blocks: ratio loading sets / independent bound: worst {worst:.3f}, median {median:.3f}")
    return ratios


def main() -> None:
    """Run the grids and print each request's ratio, then the worst and the median."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, nargs="+", default=[1, 2, 3, 4])
    parser.add_argument("--minutes", type=int, nargs="+", default=[30, 45, 75])
    parser.add_argument("--part", nargs="+", choices=["weeks", "blocks"], default=["weeks", "blocks"])
    args = parser.parse_args()
    started = time.perf_counter()
    failed = False
    if "weeks" in args.part:
        failed = weeks(args.days, args.minutes)
    if "blocks" in args.part:
        blocks([d for d in args.days if d >= 2] or [2])
    print(f"({time.perf_counter() - started:.0f} s)")
    if failed:
        raise SystemExit(1)


def weeks(days_grid: Sequence[int], minutes_grid: Sequence[int]) -> bool:
    """The week grid at --volume low and mid; True when a ratio misses the target or the two disagree."""
    catalog = load_catalog()
    ratios: list[float] = []
    disagreements = 0
    unmet = 0
    print(f"{'days':>4} {'level':<12} {'equipment':<16} {'min':>4} {'vol':<4} {'plan':>5} {'exact':>5} {'ratio':>6}")
    for days, level, (label, equipment), minutes, volume in itertools.product(
        days_grid, Level, EQUIPMENT_SETS.items(), minutes_grid, (Volume.LOW, Volume.MID)
    ):
        request = PlanRequest(days=days, level=level, equipment=equipment, minutes=minutes, volume=volume)
        try:
            plan = generate_plan(request, catalog)
            got: int | None = sum(e.sets for d in plan.days for e in d.exercises)
        except UnmetRequestError:
            got = None
        band = VolumeSettings().target("soleus", level)
        climb = highest_climb(catalog, days, level, equipment, minutes, volume_climb(volume, band))
        exact = exact_fewest_sets(catalog, days, level, equipment, minutes, climb)
        if got is None and exact is None:
            unmet += 1
            shown = "  -       -      -"
        elif got is None or exact is None:
            disagreements += 1
            shown = f"{got!s:>5} {exact!s:>5}  DISAGREE"
        else:
            ratios.append(got / exact)
            shown = f"{got:>5} {exact:>5} {got / exact:>6.3f}"
        print(f"{days:>4} {level:<12} {label:<16} {minutes:>4} {volume:<4} {shown}")
    print()
    print(f"{len(ratios)} plannable requests, {unmet} with no plan (both agree), {disagreements} disagreements")
    if ratios:
        worst, median = max(ratios), statistics.median(ratios)
        print(f"ratio plan / exact optimum: worst {worst:.3f}, median {median:.3f} (target <= 1.2)")
    return bool(disagreements or (ratios and max(ratios) > 1.2))


if __name__ == "__main__":
    main()
