"""The plan file (TOML, format legday.plan/1): its pydantic model, reading and atomic writing.

A routine for `coverage` is the same file; a single session is a plan with one day. Exercise names
in a plan are resolved to catalog ids on reading, so a plan read back is canonical.
"""

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from exercises.exceptions import UnknownNameError
from exercises.fields import RepRange, Seconds, Text
from exercises.toml_files import read_toml
from exercises.vocabulary import Equipment
from planner.output_files import write_output
from planner.volume import Level

PLAN_FORMAT: Final = "legday.plan/1"


class Weekday(StrEnum):
    """Days of the week, Monday first."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PlanEntry(_Strict):
    """One exercise in a day: sets, and optionally reps and rest (else the catalog's defaults)."""

    exercise: Annotated[str, Field(min_length=1, max_length=200)]
    sets: Annotated[int, Field(ge=1, le=20)]
    reps: RepRange | None = None
    rest_seconds: Seconds | None = None

    @field_validator("exercise")
    @classmethod
    def _known_exercise(cls, name: str, info: ValidationInfo) -> str:
        """With a catalog in the validation context, names and aliases become catalog ids."""
        catalog = (info.context or {}).get("catalog")
        if catalog is None:
            return name
        try:
            return str(catalog.exercise(name).id)
        except UnknownNameError as exc:
            raise ValueError(exc.message) from None


class PlanDay(_Strict):
    """One training day."""

    name: Text | None = None
    weekday: Weekday | None = None
    exercises: tuple[PlanEntry, ...] = Field(min_length=1)


class PlanSettings(_Strict):
    """What the plan was built from."""

    days: Annotated[int, Field(ge=1, le=7)] = 2
    level: Level = Level.INTERMEDIATE
    equipment: tuple[Equipment, ...] = tuple(Equipment)
    minutes: Annotated[int, Field(ge=10, le=300)] = 75
    seed: Annotated[int, Field(ge=0)] = 0


class Plan(_Strict):
    """A weekly plan, or a routine to check: days of exercises."""

    format: Literal["legday.plan/1"] = PLAN_FORMAT
    name: Text | None = None
    settings: PlanSettings | None = None
    days: tuple[PlanDay, ...] = Field(min_length=1, max_length=7)

    def to_data(self) -> dict[str, Any]:
        """The plan as plain data, in the file's key order, without absent optional keys."""
        return self.model_dump(mode="json", exclude_none=True)


def plan_from_data(data: Any, catalog: Any | None = None) -> Plan:
    """Validate plan data (e.g. parsed JSON); with a catalog, exercise names become ids."""
    return Plan.model_validate(data, context={"catalog": catalog} if catalog is not None else None)


def read_plan(path: Path | str, catalog: Any | None = None) -> Plan:
    """Read a plan file ('-' for standard input); errors name the file, the line and the field."""
    document = read_toml(path)
    return document.validate(Plan, context={"catalog": catalog} if catalog is not None else None)


def plan_to_toml(plan: Plan) -> bytes:
    """The plan as TOML bytes: the same plan always gives the same bytes."""
    import tomli_w

    return tomli_w.dumps(plan.to_data()).encode()


def write_plan(plan: Plan, path: Path, *, force: bool = False) -> None:
    """Write a plan file atomically; refuses to overwrite an existing file unless `force`."""
    write_output(path, plan_to_toml(plan), force=force)


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of the plan file, for editors that check TOML against JSON Schema."""
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "legday plan file (legday.plan/1)"
    return schema


def plan_entries(plan: Plan) -> Sequence[tuple[int, PlanEntry]]:
    """Every entry of the plan with the index of its day."""
    return [(index, entry) for index, day in enumerate(plan.days) for entry in day.exercises]
