"""Plan efficiency: the generator's weekly sets against an exact optimum computed independently.

For each request of a grid (days x levels x equipment sets x minutes), the exact fewest weekly sets
come from an integer program written here from the catalog and the rules of issue 4, separately from
planner.generate (no shared helpers, no weekly bound, no pruning, no symmetry breaking), solved by
HiGHS through highspy's own modelling layer. The ratio generator / optimum must be <= 1.2 (issue 4);
an exact generator gives 1.0. Both must also agree on which requests have no plan at all.

    python benchmarks/plan_efficiency.py [--days 1 2 3 4] [--minutes 30 45 75]
"""

import argparse
import contextlib
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
from planner.generate import PlanRequest, generate_plan
from planner.volume import Level, VolumeSettings

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
    """Which of the four required kinds of work an exercise does, from its catalog entry."""
    counted = set(exercise.muscles.primary) | set(exercise.muscles.secondary)
    found = set()
    if Action.HIP_EXTENSION in exercise.actions and counted & (HAMSTRINGS - {"biceps_femoris_short_head"}):
        found.add("hip")
    if Action.KNEE_FLEXION in exercise.actions and counted & HAMSTRINGS:
        found.add("knee")
    if Action.PLANTARFLEXION in exercise.actions and counted & {"gastrocnemius", "soleus", "plantaris"}:
        if exercise.knee_angle is KneeAngle.STRAIGHT:
            found.add("straight")
        if exercise.knee_angle is KneeAngle.BENT:
            found.add("bent")
    return found


def exact_fewest_sets(
    catalog: Catalog, days: int, level: Level, equipment: Sequence[Equipment], minutes: int
) -> int | None:
    """The fewest weekly sets meeting every rule, or None when no plan exists."""
    import highspy

    targets = [m.id for m in catalog.muscles.targets]
    volume = VolumeSettings()
    at_hand = set(equipment) | {Equipment.BODYWEIGHT}
    exercises = [e for e in catalog.exercises.values() if set(e.equipment) <= at_hand]
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
        h.addConstr(weekly >= band.min)
        h.addConstr(weekly <= band.max)
        if days >= 2 and muscle in TWICE:
            trained = [h.addBinary() for _ in range(days)]
            for d in range(days):
                h.addConstr(trained[d] <= sum(on[d, e.id] for e, _ in load))
            h.addConstr(sum(trained) >= 2)
    for kind in ("hip", "knee", "straight", "bent"):
        doing = [e for e in exercises if kind in kinds(e)]
        if doing:
            h.addConstr(sum(on[d, e.id] for d in range(days) for e in doing) >= 1)
    h.minimize(sum(sets.values()))
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    return round(h.getObjectiveValue())


def main() -> None:
    """Run the grid and print each request's ratio, then the worst and the median."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, nargs="+", default=[1, 2, 3, 4])
    parser.add_argument("--minutes", type=int, nargs="+", default=[30, 45, 75])
    args = parser.parse_args()
    catalog = load_catalog()
    ratios: list[float] = []
    disagreements = 0
    unmet = 0
    started = time.perf_counter()
    print(f"{'days':>4} {'level':<12} {'equipment':<16} {'min':>4} {'plan':>5} {'exact':>5} {'ratio':>6}")
    for days in args.days:
        for level in Level:
            for label, equipment in EQUIPMENT_SETS.items():
                for minutes in args.minutes:
                    request = PlanRequest(days=days, level=level, equipment=equipment, minutes=minutes)
                    try:
                        plan = generate_plan(request, catalog)
                        got: int | None = sum(e.sets for d in plan.days for e in d.exercises)
                    except UnmetRequestError:
                        got = None
                    exact = exact_fewest_sets(catalog, days, level, equipment, minutes)
                    if got is None and exact is None:
                        unmet += 1
                        shown = "  -       -      -"
                    elif got is None or exact is None:
                        disagreements += 1
                        shown = f"{got!s:>5} {exact!s:>5}  DISAGREE"
                    else:
                        ratios.append(got / exact)
                        shown = f"{got:>5} {exact:>5} {got / exact:>6.3f}"
                    print(f"{days:>4} {level:<12} {label:<16} {minutes:>4} {shown}")
    print()
    print(f"{len(ratios)} plannable requests, {unmet} with no plan (both agree), {disagreements} disagreements")
    if ratios:
        worst, median = max(ratios), statistics.median(ratios)
        print(f"ratio plan / exact optimum: worst {worst:.3f}, median {median:.3f} (target <= 1.2)")
    print(f"({time.perf_counter() - started:.0f} s)")
    if disagreements or (ratios and max(ratios) > 1.2):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
