"""How long a plan's sessions take: the estimate `legday plan` checks against --minutes and every
report shows. Kept apart from the generator so that reports and exports need not load it."""

from exercises.catalog import Catalog
from planner.plan_file import Plan


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
