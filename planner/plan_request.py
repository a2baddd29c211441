"""A plan request: what a person asks a plan for, and the catalog exercises it allows.

Its own module so that the integer program (planner.plan_model), the diagnosis of a request that
has no plan (planner.feasibility) and the planner (planner.generate) all read it without importing
each other; `planner.generate` re-exports it as part of the public API.
"""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from exercises.catalog import Catalog, Exercise
from exercises.vocabulary import Equipment
from planner.limits import MAX_DAYS, MAX_MINUTES, MAX_SEED, MIN_DAYS, MIN_MINUTES
from planner.volume import Level


class PlanRequest(BaseModel):
    """What a person asks for: days a week, level, equipment at hand, minutes per session,
    exercises to leave out (ids, names or aliases) and a seed for variety."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    days: Annotated[int, Field(ge=MIN_DAYS, le=MAX_DAYS, description="training days a week")] = 2
    level: Level = Level.INTERMEDIATE
    equipment: tuple[Equipment, ...] = Field(default=tuple(Equipment), description="equipment at hand")
    minutes: Annotated[int, Field(ge=MIN_MINUTES, le=MAX_MINUTES, description="the longest session")] = 75
    exclude: tuple[str, ...] = Field(default=(), description="exercises to leave out")
    seed: Annotated[int, Field(ge=0, le=MAX_SEED, description="0: the best-evidence plan; others: variety")] = 0

    @field_validator("equipment")
    @classmethod
    def _in_vocabulary_order(cls, equipment: tuple[Equipment, ...]) -> tuple[Equipment, ...]:
        """One order for the same set, so the same request always gives the same plan file."""
        return tuple(item for item in Equipment if item in equipment)


def excluded_ids(request: PlanRequest, catalog: Catalog) -> tuple[str, ...]:
    """The ids of the exercises a request leaves out, sorted: its exclusions are ids, names or
    aliases in any order; an unknown one raises UnknownNameError (exit 2)."""
    return tuple(sorted({catalog.exercise(name).id for name in request.exclude}))


def available_exercises(request: PlanRequest, catalog: Catalog) -> tuple[Exercise, ...]:
    """The catalog exercises a request allows: all their equipment at hand, and not excluded."""
    excluded = set(excluded_ids(request, catalog))
    return tuple(
        exercise
        for exercise in catalog.exercises.values()
        if exercise.available_with(request.equipment) and exercise.id not in excluded
    )
