"""A plan request: what a person asks a plan for, and the catalog exercises it allows.

Its own module so that the integer program (planner.plan_model), the diagnosis of a request that
has no plan (planner.feasibility) and the planner (planner.generate) all read it without importing
each other; `planner.generate` re-exports it as part of the public API.
"""

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from exercises.catalog import Catalog, Exercise
from exercises.exceptions import InputError
from exercises.vocabulary import Equipment
from planner.limits import MAX_BLOCK_WEEKS, MAX_DAYS, MAX_MINUTES, MAX_SEED, MIN_BLOCK_WEEKS, MIN_DAYS, MIN_MINUTES
from planner.plan_file import Weekday
from planner.volume import Level, Volume


class PlanRequest(BaseModel):
    """What a person asks for: days a week, level, equipment at hand, minutes per session,
    exercises to leave out (ids, names or aliases), a seed for variety, and for a block its weeks
    and deload, the volume to start from and the weekdays to train on.

    Given `weekdays` and no `days`, the days are as many as the weekdays; given both, they must
    agree. A block's deload is optional; a single week has none to leave out."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    days: Annotated[int, Field(ge=MIN_DAYS, le=MAX_DAYS, description="training days a week")] = 2
    level: Level = Level.INTERMEDIATE
    equipment: tuple[Equipment, ...] = Field(default=tuple(Equipment), description="equipment at hand")
    minutes: Annotated[int, Field(ge=MIN_MINUTES, le=MAX_MINUTES, description="the longest session")] = 75
    exclude: tuple[str, ...] = Field(default=(), description="exercises to leave out")
    seed: Annotated[int, Field(ge=0, le=MAX_SEED, description="0: the best-evidence plan; others: variety")] = 0
    weeks: Annotated[
        int, Field(ge=MIN_BLOCK_WEEKS, le=MAX_BLOCK_WEEKS, description="weeks of the block; 1 is a single week")
    ] = 1
    deload: bool = Field(default=True, description="whether a block of 2+ weeks ends with a deload week")
    volume: Volume | None = Field(
        default=None, description="where the week (a block's week 1) sits in the band; default: `default_volume`"
    )
    weekdays: tuple[Weekday, ...] = Field(default=(), description="the weekdays to train on, in week order")

    @model_validator(mode="before")
    @classmethod
    def _days_from_weekdays(cls, data: Any) -> Any:
        """Weekdays without days (or with days None) set the days; with days, the two must agree."""
        if not isinstance(data, dict) or data.get("days") is not None:
            return data
        given = {key: value for key, value in data.items() if key != "days"}
        if data.get("weekdays"):
            given["days"] = len(data["weekdays"])
        return given

    @model_validator(mode="after")
    def _consistent(self) -> "PlanRequest":
        if self.weekdays:
            if len(set(self.weekdays)) != len(self.weekdays):
                raise PydanticCustomError(
                    "weekday_twice", "a day is named twice; give each training day once", {"parameters": ("weekdays",)}
                )
            if len(self.weekdays) != self.days:
                named = ", ".join(day.value[:3] for day in self.weekdays)
                raise PydanticCustomError(
                    "weekdays_against_days",
                    f"{len(self.weekdays)} weekday{'s' if len(self.weekdays) != 1 else ''} ({named}) but "
                    f"{self.days} day{'s' if self.days != 1 else ''}; give as many weekdays as days, or leave the "
                    "days out",
                    {"parameters": ("weekdays", "days")},
                )
        if not self.deload and self.weeks == 1:
            raise PydanticCustomError(
                "deload_of_one_week",
                "a single week has no deload to leave out; leaving it out is for a block of 2 weeks or more",
                {"parameters": ("deload", "weeks")},
            )
        return self

    @field_validator("weekdays")
    @classmethod
    def _in_week_order(cls, weekdays: tuple[Weekday, ...]) -> tuple[Weekday, ...]:
        return tuple(sorted(weekdays, key=list(Weekday).index))

    @property
    def default_volume(self) -> Volume:
        """The volume a coach would choose: for a single week, the middle of the band (`mid`), a
        week to keep doing that grows more than the minimum and stays clear of the most that can be
        recovered from; for a block, the bottom (`low`), so the weeks have the band to climb."""
        return self.volume or (Volume.MID if self.weeks == 1 else Volume.LOW)

    @property
    def loading_weeks(self) -> int:
        """The weeks of rising sets: all of a block's but its deload."""
        return self.weeks - 1 if self.deload and self.weeks > 1 else self.weeks

    @field_validator("equipment")
    @classmethod
    def _in_vocabulary_order(cls, equipment: tuple[Equipment, ...]) -> tuple[Equipment, ...]:
        """One order for the same set, so the same request always gives the same plan file."""
        return tuple(item for item in Equipment if item in equipment)


def plan_request(**fields: Any) -> PlanRequest:
    """A request from the command line's values: an inconsistent one (weekdays against days, no
    deload for a single week) raises InputError, one line, exit 2, naming the parameters at fault."""
    try:
        return PlanRequest(**fields)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        parameters = tuple(first.get("ctx", {}).get("parameters", ()))
        if parameters:  # the request's own rules (PydanticCustomError): their message is legday's
            raise InputError(str(first["msg"]), parameters=parameters) from None
        from exercises.toml_files import worded_errors

        raise InputError("; ".join(worded_errors(PlanRequest, error))) from None


def excluded_ids(request: PlanRequest, catalog: Catalog) -> tuple[str, ...]:
    """The ids of the exercises a request leaves out, sorted: its exclusions are ids, names or
    aliases in any order; an unknown one raises UnknownNameError (exit 2)."""
    return tuple(sorted({exercise.id for exercise in catalog.exercises_named(request.exclude)}))


def available_exercises(request: PlanRequest, catalog: Catalog) -> tuple[Exercise, ...]:
    """The catalog exercises a request allows: all their equipment at hand, not excluded, within
    the request's level and not conditioning (a plan never prescribes sprints or sled drags)."""
    excluded = set(excluded_ids(request, catalog))
    return tuple(
        exercise
        for exercise in catalog.exercises.values()
        if exercise.available_with(request.equipment)
        and exercise.id not in excluded
        and exercise.prescribable(request.level)
    )
