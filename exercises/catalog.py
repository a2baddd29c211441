"""The exercise catalog: pydantic models of an exercise, the loader, and user-catalog merging.

The built-in catalog and a user's catalog share one file format and one model, so a user's
exercise is validated exactly like a shipped one: known muscles, one role per muscle, at least one
primary, evidence that names tagged muscles, and the anatomy check (a muscle counts only where the
exercise loads a joint action the muscle can perform).
"""

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, NamedTuple

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationInfo,
    field_serializer,
    field_validator,
    model_validator,
)

from exercises.equipment import find_equipment, needs_data, needs_met
from exercises.exceptions import InputError, InputErrors, UnknownNameError
from exercises.fields import Id, Name, RepRange, Seconds, Text
from exercises.muscles import MuscleRegistry, load_muscles
from exercises.names import NameIndex, UnknownNameValue
from exercises.toml_files import TomlDocument, read_package_data, read_toml
from exercises.vocabulary import (
    PATTERN_ACTIONS,
    Action,
    Difficulty,
    Equipment,
    EquipmentNeeds,
    EvidenceLevel,
    KneeAngle,
    Mechanic,
    Pattern,
    Role,
)

_COMPOUND_PATTERNS = {Pattern.HIP_HINGE, Pattern.SQUAT, Pattern.LUNGE, Pattern.LEG_PRESS}
_DEFAULT_REPS = {Mechanic.COMPOUND: (6, 10), Mechanic.ISOLATION: (10, 15)}
_DEFAULT_REST = {Mechanic.COMPOUND: 150, Mechanic.ISOLATION: 75}


def _registry(info: ValidationInfo) -> MuscleRegistry:
    if not info.context or "muscles" not in info.context:
        raise RuntimeError("exercise models are validated with context={'muscles': registry}")
    registry: MuscleRegistry = info.context["muscles"]
    return registry


def _resolve_muscles(names: Iterable[str], info: ValidationInfo) -> tuple[str, ...]:
    registry = _registry(info)
    resolved: list[str] = []
    for name in names:
        try:
            ids = registry.resolve(name)
        except UnknownNameError as exc:
            raise UnknownNameValue(exc) from None
        resolved.extend(i for i in ids if i not in resolved)
    return tuple(resolved)


def _equipment_group(value: Any) -> tuple[Equipment, ...]:
    """One entry of an exercise's equipment: a name (needed) or a list of names (any one of them)."""
    names = value if isinstance(value, (list, tuple)) else [value]
    if not names:
        raise ValueError("an equipment choice needs at least one name, e.g. ['dumbbell', 'kettlebell']")
    group: list[Equipment] = []
    for name in names:
        if not isinstance(name, str):
            raise ValueError(
                "equipment is a list of names (all needed) or of lists of names (any one of each), "
                "e.g. [['dumbbell', 'kettlebell'], 'bench']"
            )
        try:
            item = Equipment(name)
        except ValueError:
            # A file names equipment by its id; a name or plural a person would type earns a hint.
            try:
                close = find_equipment(name)
            except UnknownNameError as exc:
                raise ValueError(exc.message) from None
            raise ValueError(f"unknown equipment '{name}': did you mean '{close}'?") from None
        if item not in group:
            group.append(item)
    return tuple(group)


#: One group of an exercise's equipment, any one piece of which is enough.
EquipmentGroup = Annotated[tuple[Equipment, ...], BeforeValidator(_equipment_group)]


class MuscleRoles(BaseModel):
    """The muscles an exercise works, by role. Names are resolved to ids on validation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    primary: tuple[str, ...] = Field(min_length=1)
    secondary: tuple[str, ...] = ()
    stabilizer: tuple[str, ...] = ()

    @field_validator("primary", "secondary", "stabilizer")
    @classmethod
    def _known_muscles(cls, names: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        return _resolve_muscles(names, info)

    @model_validator(mode="after")
    def _one_role_each(self) -> "MuscleRoles":
        seen: dict[str, Role] = {}
        for role in Role:
            for muscle in self.by_role(role):
                if muscle in seen:
                    raise ValueError(f"'{muscle}' is both {seen[muscle]} and {role}: give each muscle one role")
                seen[muscle] = role
        return self

    def by_role(self, role: Role) -> tuple[str, ...]:
        """The muscle ids with a role."""
        return getattr(self, role.value)  # type: ignore[no-any-return]

    def role_of(self, muscle_id: str) -> Role | None:
        """The role a muscle has in this exercise, or None."""
        return next((role for role in Role if muscle_id in self.by_role(role)), None)

    def tagged(self) -> tuple[str, ...]:
        """Every muscle id tagged in any role."""
        return self.primary + self.secondary + self.stabilizer


class Evidence(BaseModel):
    """Why some tags are what they are: a level (H/E/A/X) and a short source."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    level: EvidenceLevel
    source: Text
    muscles: tuple[str, ...] = Field(min_length=1)

    @field_validator("muscles")
    @classmethod
    def _known_muscles(cls, names: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        return _resolve_muscles(names, info)


class Exercise(BaseModel):
    """One exercise with its muscles by role, its defaults and its evidence."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Id
    name: Name
    aliases: tuple[Name, ...] = ()
    #: Family names this exercise stands for as their most common member ('Squat' for the back
    #: squat): they find it, and the reports say how they were read.
    generic: tuple[Name, ...] = ()
    #: Every group needed, any one piece of each: ["barbell", "bench"] needs both, [["dumbbell",
    #: "kettlebell"]] either.
    equipment: tuple[EquipmentGroup, ...] = Field(min_length=1)
    pattern: Pattern = Pattern.OTHER
    mechanic: Mechanic
    actions: tuple[Action, ...]
    knee_angle: KneeAngle | None = None
    muscles: MuscleRoles
    reps: RepRange
    rest_seconds: Seconds
    set_seconds: Annotated[int, Strict(), Field(ge=5, le=900)] = 40
    #: How much skill or strength it asks first: plans keep to the exercises within their level.
    difficulty: Difficulty = Difficulty.BEGINNER
    #: Conditioning (sprints, sled drags, pogo hops): counted when logged or listed, never prescribed
    #: by a plan, a suggestion or a swap.
    conditioning: Annotated[bool, Strict()] = False
    #: Ids of exercises a plan or a suggestion takes before this one when they are at hand (a trial
    #: found them better: the seated leg curl outranks the lying one, Maeo 2021).
    outranked_by: tuple[Id, ...] = ()
    notes: str = ""
    evidence: tuple[Evidence, ...] = ()
    #: In a user catalog, lets an entry replace the built-in exercise with the same id.
    replace: Annotated[bool, Strict()] = Field(default=False, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        """Fill what a user catalog may leave out, from the pattern and the mechanic."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        # A bad pattern or mechanic is reported by its field validator; the defaults are filled all
        # the same, so the fields they derive are not also reported as missing.
        try:
            pattern = Pattern(data.get("pattern", Pattern.OTHER))
        except ValueError:
            pattern = Pattern.OTHER
        default = Mechanic.COMPOUND if pattern in _COMPOUND_PATTERNS else Mechanic.ISOLATION
        try:
            mechanic = Mechanic(data.get("mechanic") or default)
        except ValueError:
            mechanic = default
        data.setdefault("mechanic", mechanic)
        data.setdefault("actions", PATTERN_ACTIONS[pattern])
        data.setdefault("reps", _DEFAULT_REPS[mechanic])
        data.setdefault("rest_seconds", _DEFAULT_REST[mechanic])
        reps = data["reps"]
        if isinstance(reps, (list, tuple)) and len(reps) == 2 and all(isinstance(r, int) for r in reps):
            data.setdefault("set_seconds", 10 + 3 * max(reps))
        return data

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> "Exercise":
        registry = _registry(info)
        tagged = set(self.muscles.tagged())
        for item in self.evidence:
            untagged = [m for m in item.muscles if m not in tagged]
            if untagged:
                raise ValueError(f"evidence names {', '.join(untagged)}, which the exercise does not tag")
        if self.actions:
            loaded = set(self.actions)
            for role in (Role.PRIMARY, Role.SECONDARY):
                for muscle_id in self.muscles.by_role(role):
                    muscle = registry[muscle_id]
                    if muscle.is_target and not loaded.intersection(muscle.actions):
                        raise ValueError(
                            f"{muscle_id} cannot be {role} here: it acts by {', '.join(muscle.actions)}, "
                            f"and this exercise loads only {', '.join(self.actions)}"
                        )
        return self

    @field_serializer("equipment")
    def _equipment_as_written(self, equipment: EquipmentNeeds) -> list[str | list[str]]:
        return needs_data(equipment)

    @field_serializer("reps")
    def _reps_as_range(self, reps: tuple[int, int]) -> dict[str, int]:
        return {"min": reps[0], "max": reps[1]}

    def role_of(self, muscle_id: str) -> Role | None:
        """The role a muscle has in this exercise, or None."""
        return self.muscles.role_of(muscle_id)

    def available_with(self, equipment: Collection[Equipment]) -> bool:
        """True when one piece of each equipment group it needs is at hand (bodyweight always is)."""
        return needs_met(self.equipment, equipment)

    def suits(self, level: str) -> bool:
        """True when the exercise is within a lifter's level ('beginner', 'intermediate', 'advanced')."""
        return Difficulty(level).allows(self.difficulty)

    def prescribable(self, level: str) -> bool:
        """True when a plan at `level` may hold it: within the level, and not conditioning."""
        return not self.conditioning and self.suits(level)

    def can_use(self, item: Equipment) -> bool:
        """True when one of its equipment groups names `item` (the trap bar of a trap bar deadlift)."""
        return any(item in group for group in self.equipment)


class CatalogFile(BaseModel):
    """A catalog TOML file: the shipped one or a user's."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    exercises: tuple[Exercise, ...] = ()


class Reading(NamedTuple):
    """How a typed name was read: the exercise, and whether the name stood for a family of them."""

    typed: str
    exercise: Exercise
    generic: bool


@dataclass(frozen=True)
class Catalog:
    """The merged catalog: muscles, exercises by id (in catalog order) and name look-up."""

    muscles: MuscleRegistry
    exercises: Mapping[str, Exercise]
    names: NameIndex

    def exercise(self, name: str) -> Exercise:
        """The exercise a typed id, name or alias means; UnknownNameError with a suggestion otherwise."""
        return self.exercises[self.names.resolve(name)]

    def exercises_named(self, names: Iterable[str]) -> tuple[Exercise, ...]:
        """The exercises typed names mean, in order; every unknown name is reported together (one
        UnknownNameError, or InputErrors of them all), so one run shows every name to correct."""
        found: list[Exercise] = []
        unknown: list[UnknownNameError] = []
        for name in names:
            try:
                found.append(self.exercise(name))
            except UnknownNameError as error:
                unknown.append(error)
        if unknown:
            raise InputErrors.of(unknown)
        return tuple(found)

    def read(self, name: str) -> Reading:
        """The exercise a typed name means, and whether it was a family name ('leg curl' read as the
        lying leg curl) that a report should mention; UnknownNameError otherwise."""
        found = self.names.resolve_match(name)
        return Reading(typed=name, exercise=self.exercises[found.target], generic=found.generic)

    def select(
        self,
        *,
        muscles: Iterable[str] = (),
        equipment: Collection[Equipment] | None = None,
        pattern: Pattern | None = None,
    ) -> list[Exercise]:
        """Exercises that count any of `muscles` (primary or secondary), are doable with
        `equipment` and follow `pattern`; each filter applies only when given."""
        wanted = {m for name in muscles for m in self.muscles.resolve(name)}
        return [
            exercise
            for exercise in self.exercises.values()
            if (not wanted or wanted.intersection(exercise.muscles.primary + exercise.muscles.secondary))
            and (equipment is None or exercise.available_with(equipment))
            and (pattern is None or exercise.pattern is pattern)
        ]


@dataclass(frozen=True)
class _Origin:
    document: TomlDocument
    index: int

    def error(self, field: str | tuple[str | int, ...], message: str) -> Exception:
        entry = self.document.data["exercises"][self.index]
        where = field if isinstance(field, tuple) else (field,)
        return self.document.error(("exercises", self.index, *where), f"{message} (entry '{entry.get('id')}')")


def _validate(document: TomlDocument, muscles: MuscleRegistry) -> CatalogFile:
    return document.validate(CatalogFile, context={"muscles": muscles})


@cache
def _builtin() -> tuple[TomlDocument, CatalogFile]:
    document = read_package_data("exercises.toml")
    return document, _validate(document, load_muscles())


def load_catalog(user_files: Sequence[Path | str] = ()) -> Catalog:
    """The built-in catalog with each user catalog file merged over it, in order.

    A user entry whose id is already taken is an error unless it says `replace = true`; every
    spelling (id, name, alias) must name one exercise only. Errors name the file, entry and field.
    """
    if any(str(path) == "-" for path in user_files):
        # Standard input is kept for the one thing a command reads from it: a plan or a training log.
        raise InputError("a catalog is read from a file, not from standard input ('-')", parameters=("catalog",))
    muscles = load_muscles()
    exercises: dict[str, Exercise] = {}
    origins: dict[str, _Origin] = {}
    sources = [_builtin(), *((doc, _validate(doc, muscles)) for doc in map(read_toml, user_files))]
    for document, parsed in sources:
        for index, entry in enumerate(parsed.exercises):
            origin = _Origin(document, index)
            previous = origins.get(entry.id)
            if previous is not None and previous.document is document:
                raise origin.error("id", f"'{entry.id}' is used twice in this file")
            if previous is not None and not entry.replace:
                taken = f"'{entry.id}' is already in {previous.document.label}"
                raise origin.error("id", f"{taken}; add replace = true to replace it")
            if previous is None and entry.replace:
                raise origin.error("replace", f"there is no exercise '{entry.id}' to replace; remove replace = true")
            exercises[entry.id] = entry
            origins[entry.id] = origin
    names = NameIndex("exercise", body_parts=True)
    for exercise in exercises.values():
        # The name first: it is what a "did you mean" shows when a spelling's key is shared with the id.
        spellings: list[tuple[str, tuple[str | int, ...]]] = [(exercise.name, ("name",)), (exercise.id, ("id",))]
        spellings += [(alias, ("aliases", number)) for number, alias in enumerate(exercise.aliases)]
        for spelling, field in spellings:
            clash = names.add(spelling, exercise.id)
            if clash is not None:
                raise origins[exercise.id].error(field, f"'{spelling}' already names '{clash}'")
    for exercise in exercises.values():
        for number, other in enumerate(exercise.outranked_by):
            if other == exercise.id or other not in exercises:
                close = names.suggest(other)
                hint = f": did you mean '{names.get(close) or close}'?" if close and other != exercise.id else ""
                what = "itself" if other == exercise.id else f"'{other}', which is no exercise id"
                raise origins[exercise.id].error(("outranked_by", number), f"outranked by {what}{hint}")
    # Family names after every exact spelling: an exercise's own name always wins over a family name.
    for exercise in exercises.values():
        for number, spelling in enumerate(exercise.generic):
            clash = names.add(spelling, exercise.id, generic=True)
            if clash is not None:
                raise origins[exercise.id].error(("generic", number), f"'{spelling}' already names '{clash}'")
    return Catalog(muscles=muscles, exercises=exercises, names=names)
