"""Plan speed: (a) `legday plan --days 3 --json` wall time as a ratio to the typer floor; (b) planning
with a synthetic catalog of 1,000 exercises.

(a) The floor is benchmarks/floor.py (a no-op typer command) run with this same interpreter.
    Floor and plan are run interleaved so machine noise hits both alike; the medians are compared.
    Target: <= 2.0x (developers' guide; issue 4 allows 2.5x).
(b) The synthetic catalog holds the built-in exercises plus variants of them up to 1,000: each variant
    keeps its model's anatomy (roles may be demoted from primary to secondary or dropped), with its
    own equipment, timing and evidence, drawn from a fixed seed. Target: each plan in <= 2 s.
(c) Training blocks over the same synthetic catalog, up to 12 weeks of 7 days (issue 11).
    Target: each block in <= 5 s.

    python benchmarks/plan_speed.py [--runs 21]
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import FLOOR, interleaved, legday_command, time_command

from exercises.catalog import Catalog, Exercise, load_catalog
from exercises.names import NameIndex
from exercises.vocabulary import Equipment, EvidenceLevel
from planner.generate import PlanRequest, generate_block, generate_plan
from planner.plan_file import week_sets
from planner.volume import Level

SYNTHETIC_SIZE = 1000


def startup_ratio(runs: int) -> None:
    """(a): medians of interleaved runs, and their ratio."""
    floor = [sys.executable, str(FLOOR), "--json"]
    plan = [*legday_command(), "plan", "--days", "3", "--json"]
    time_command(floor), time_command(plan)  # warm the file cache
    times, failed = interleaved({"floor": lambda: time_command(floor), "plan": lambda: time_command(plan)}, runs)
    if failed:
        raise SystemExit("; ".join(failed.values()))
    floor_median, plan_median = statistics.median(times["floor"]), statistics.median(times["plan"])
    print(f"(a) {runs} interleaved runs each")
    print(f"    floor (typer no-op --json)    median {floor_median * 1000:7.1f} ms")
    print(f"    legday plan --days 3 --json   median {plan_median * 1000:7.1f} ms")
    print(f"    ratio {plan_median / floor_median:.2f}x (target <= 2.0x)")


def synthetic_catalog(size: int, seed: int = 1) -> Catalog:
    """The built-in catalog plus variants of its exercises, `size` exercises in all."""
    base = load_catalog()
    chooser = random.Random(seed)
    models = list(base.exercises.values())
    exercises: dict[str, Exercise] = dict(base.exercises)
    names = NameIndex("exercise")
    for exercise in exercises.values():
        names.add(exercise.id, exercise.id)
    equipment = [item for item in Equipment if item is not Equipment.BODYWEIGHT]
    while len(exercises) < size:
        model = chooser.choice(models)
        primary = list(model.muscles.primary)
        secondary = list(model.muscles.secondary)
        if len(primary) > 1 and chooser.random() < 0.3:
            secondary.append(primary.pop(chooser.randrange(len(primary))))
        if secondary and chooser.random() < 0.3:
            secondary.pop(chooser.randrange(len(secondary)))
        tagged = set(primary) | set(secondary)
        number = len(exercises)
        variant = {
            "id": f"{model.id}_variant_{number}",
            "name": f"{model.name} variant {number}",
            "equipment": chooser.sample(equipment, chooser.randint(1, 2)),
            "pattern": model.pattern,
            "mechanic": model.mechanic,
            "actions": list(model.actions),
            "knee_angle": model.knee_angle,
            "muscles": {"primary": primary, "secondary": secondary, "stabilizer": list(model.muscles.stabilizer)},
            "reps": list(model.reps),
            "rest_seconds": chooser.choice([45, 60, 75, 90, 120, 150, 180]),
            "set_seconds": chooser.randint(30, 120),
            "evidence": [
                {
                    "level": chooser.choice(list(EvidenceLevel)),
                    "source": "synthetic",
                    "muscles": sorted(tagged),
                }
            ],
        }
        made = Exercise.model_validate(variant, context={"muscles": base.muscles})
        exercises[made.id] = made
        names.add(made.id, made.id)
    return Catalog(muscles=base.muscles, exercises=exercises, names=names)


def synthetic_speed() -> None:
    """(b): plan a few requests against the synthetic catalog, each timed in this process."""
    catalog = synthetic_catalog(SYNTHETIC_SIZE)
    generate_plan(PlanRequest(), catalog)  # load highspy once, as a command run would before planning
    requests = [
        PlanRequest(days=3),
        PlanRequest(days=2, level=Level.ADVANCED),
        PlanRequest(days=5, level=Level.BEGINNER, minutes=45),
        PlanRequest(days=7, level=Level.INTERMEDIATE, minutes=30),
        PlanRequest(days=4, level=Level.ADVANCED, equipment=(Equipment.DUMBBELL, Equipment.BENCH), seed=9),
    ]
    print(f"(b) synthetic catalog of {len(catalog.exercises)} exercises")
    worst = 0.0
    for request in requests:
        start = time.perf_counter()
        plan = generate_plan(request, catalog)
        elapsed = time.perf_counter() - start
        worst = max(worst, elapsed)
        total = sum(entry.sets for day in plan.days for entry in day.exercises)
        print(
            f"    days {request.days} {request.level:<12} minutes {request.minutes:>3} seed {request.seed:>2}: "
            f"{total:>2} sets in {elapsed * 1000:7.1f} ms"
        )
    print(f"    worst {worst:.2f} s (target <= 2 s)")


def block_speed() -> None:
    """(c): blocks against the synthetic catalog, each timed in this process."""
    catalog = synthetic_catalog(SYNTHETIC_SIZE)
    generate_plan(PlanRequest(), catalog)  # load highspy once, as a command run would before planning
    requests = [
        PlanRequest(days=7, weeks=12),
        PlanRequest(days=7, weeks=12, level=Level.ADVANCED, deload=False),
        PlanRequest(days=4, weeks=6),
        PlanRequest(days=3, weeks=8, level=Level.BEGINNER, minutes=45, seed=5),
    ]
    print(f"(c) blocks over the synthetic catalog of {len(catalog.exercises)} exercises")
    worst = 0.0
    for request in requests:
        start = time.perf_counter()
        block = generate_block(request, catalog)
        elapsed = time.perf_counter() - start
        worst = max(worst, elapsed)
        sets = " ".join(str(week_sets(block, k)) for k in range(1, len(block.weeks) + 1))
        print(
            f"    {request.weeks:>2} weeks x {request.days} days {request.level:<12} deload {request.deload!s:<5}: "
            f"sets {sets} in {elapsed * 1000:7.1f} ms"
        )
    print(f"    worst {worst:.2f} s (target <= 5 s)")


def main() -> None:
    """Run the three parts and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="interleaved runs of floor and plan")
    args = parser.parse_args()
    startup_ratio(args.runs)
    synthetic_speed()
    block_speed()


if __name__ == "__main__":
    main()
