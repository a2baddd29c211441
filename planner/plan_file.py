"""The plan file (TOML): its pydantic models, reading and atomic writing.

Two formats: `legday.plan/1`, one week (`Plan`), and `legday.plan/2`, a training block (`Block`):
the same days and exercises every week, each exercise with its sets week by week, and each week
with its effort target (reps in reserve) and whether it is a deload. A routine for `coverage` is
the same file; a single session is a plan with one day. Exercise names in a plan are resolved to
catalog ids on reading, so a plan read back is canonical.
"""

import re
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from exercises.exceptions import InputError, UnknownNameError
from exercises.fields import Id, OneLine, RepRange, Reps, Seconds, is_one_line
from exercises.names import UnknownNameValue
from exercises.toml_files import ProblemAt, parse_toml, read_toml, shown_value
from exercises.vocabulary import Equipment
from planner.limits import (
    MAX_BLOCK_WEEKS,
    MAX_DAYS,
    MAX_MINUTES,
    MAX_RIR,
    MAX_SEED,
    MIN_BLOCK_WEEKS,
    MIN_DAYS,
    MIN_MINUTES,
)
from planner.output_files import write_output
from planner.volume import Level, Volume

if TYPE_CHECKING:
    from exercises.catalog import Reading

PLAN_FORMAT: Final = "legday.plan/1"
#: A training block: weeks of the same exercises, with sets and an effort target per week.
BLOCK_FORMAT: Final = "legday.plan/2"
#: Sets of an exercise given inline (`-e EXERCISE`) without a number.
DEFAULT_INLINE_SETS: Final = 3
MAX_SETS: Final = 20


#: Reps written as text, the way people write them: "8-12", "8 - 12", "8\u201312" (an en dash), "10".
_REPS_TEXT: Final = re.compile(r"\s*([0-9]{1,3})\s*(?:[-\u2013\u2014]\s*([0-9]{1,3})\s*)?")
_REPS_HOW: Final = 'write reps as two whole numbers [min, max] or as text "min-max", like [8, 12] or "8-12"'


def _whole_numbers(value: Any) -> Any:
    """Reps as people write them: two whole numbers [8, 12], text "8-12" (or "8 - 12", "8\u201312"),
    or one number of reps, 10 or "10", for [10, 10]. Refuse 6.0, "6.0" and true, which pydantic
    would otherwise coerce."""
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, value)
    if isinstance(value, str):
        found = _REPS_TEXT.fullmatch(value)
        if found is None:
            raise ValueError(f"{_REPS_HOW}, not {shown_value(value)}")
        low = int(found[1])
        return (low, int(found[2]) if found[2] is not None else low)
    if not isinstance(value, (list, tuple)) or (
        len(value) != 2 or not all(isinstance(item, int) and not isinstance(item, bool) for item in value)
    ):
        raise ValueError(f"{_REPS_HOW}, not {shown_value(value)}")
    return value


#: An entry's exercise as the file names it.
ExerciseName = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        description="an exercise id, name or alias from the catalog",
        examples=["Romanian deadlift"],
    ),
]
#: Whole numbers in a plan file are TOML integers: 3.0, "3" and true are errors, not coerced.
Sets = Annotated[int, Strict(), Field(ge=1, le=MAX_SETS, description="working sets, 1 to 20")]
#: What a file may write for reps, for the JSON Schema: [8, 12], 10 or "8-12".
_RepsWritten = tuple[Reps, Reps] | Reps | Annotated[str, StringConstraints(pattern=f"^{_REPS_TEXT.pattern}$")]
PlanReps = Annotated[
    RepRange,
    BeforeValidator(_whole_numbers, json_schema_input_type=_RepsWritten),
    Field(description="[min, max] reps per set, 1 to 100, min first; default: the catalog's"),
]
PlanRest = Annotated[Seconds, Strict(), Field(description="rest after each set in seconds; default: the catalog's")]


class Weekday(StrEnum):
    """Days of the week, Monday first."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


#: Abbreviations of weekdays people write besides the first three letters.
_WEEKDAY_ABBREVIATIONS: Final = {
    "tues": "tuesday",
    "tue": "tuesday",
    "weds": "wednesday",
    "thur": "thursday",
    "thurs": "thursday",
    "thu": "thursday",
}


def weekday_named(text: str) -> Weekday:
    """A weekday typed as its name or an abbreviation, in any case ('Mon', 'tues', 'THURS',
    'monday'); UnknownNameError with the closest day otherwise."""
    from exercises.names import NameIndex

    index = NameIndex("weekday")
    for day in Weekday:
        index.add_all((day.value, day.value[:3]), day.value)
    for short, day_name in _WEEKDAY_ABBREVIATIONS.items():
        index.add(short, day_name)
    return Weekday(index.resolve(text))


def _weekday(value: Any) -> Any:
    """A day's weekday as people write it: any case, three-letter and common abbreviations."""
    if isinstance(value, Weekday):
        return value
    if not isinstance(value, str):
        raise ValueError(f'write a day of the week in quotes, like "monday" or "mon", not {shown_value(value)}')
    try:
        return weekday_named(value)
    except UnknownNameError as error:
        hint = f" (did you mean '{error.suggestion}'?)" if error.suggestion else ""
        raise ValueError(f'\'{value}\' is not a day: write a day of the week, like "monday" or "mon"{hint}') from None


#: A day's weekday: read in any case and abbreviated, written back as the full lowercase name.
DayOfWeek = Annotated[
    Weekday,
    BeforeValidator(
        _weekday,
        # For editors: the names and abbreviations, in lower, title and upper case (legday reads any case).
        json_schema_input_type=Literal[
            tuple(
                dict.fromkeys(
                    spelling
                    for day in Weekday
                    for written in (
                        day.value,
                        day.value[:3],
                        *(short for short, full in _WEEKDAY_ABBREVIATIONS.items() if full == day.value),
                    )
                    for spelling in (written, written.title(), written.upper())
                )
            )
        ],
    ),
    Field(examples=["monday"]),
]


def parse_weekdays(values: Sequence[str]) -> tuple[Weekday, ...]:
    """Weekdays typed as `--weekdays`: names or abbreviations in any case, comma-separated and/or
    repeated ('mon,wed' 'fri'), returned in week order. InputError for an empty one or a day named
    twice; UnknownNameError for an unknown one."""
    chosen: list[Weekday] = []
    for value in values:
        for part in value.split(","):
            if not part.strip():
                raise InputError(f"{value!r} has an empty day; give days like mon,wed,fri", parameters=("weekdays",))
            try:
                day = weekday_named(part)
            except UnknownNameError as error:
                raise InputError(error.message, parameters=("weekdays",)) from None
            if day in chosen:
                raise InputError(f"{day.value} is given twice; give each training day once", parameters=("weekdays",))
            chosen.append(day)
    return tuple(day for day in Weekday if day in chosen)


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PlanEntry(_Strict):
    """One exercise in a day: sets, and optionally reps and rest (else the catalog's defaults)."""

    exercise: ExerciseName
    sets: Sets = Field(examples=[3])
    reps: PlanReps | None = None
    rest_seconds: PlanRest | None = None

    @field_validator("exercise")
    @classmethod
    def _known_exercise(cls, name: str, info: ValidationInfo) -> str:
        """With a catalog in the validation context, names and aliases become catalog ids."""
        return _resolve_exercise(name, info)


def _resolve_exercise(name: str, info: ValidationInfo) -> str:
    """An entry's exercise: with a catalog in the validation context, its catalog id."""
    if not is_one_line(name):
        # Error messages quote the name, and must stay on one line.
        raise ValueError(f"{name!r} is not an exercise name: it has a line break or a control character")
    context = info.context or {}
    catalog = context.get("catalog")
    if catalog is None:
        return name
    # A routine names the same few exercises many times: resolve each spelling once per file.
    resolved: dict[str, str] = context.setdefault("resolved", {})
    found = resolved.get(name)
    if found is None:
        try:
            reading = catalog.read(name)
        except UnknownNameError as exc:
            raise UnknownNameValue(exc) from None
        found = resolved[name] = str(reading.exercise.id)
        read_as = context.get("read_as")
        if reading.generic and read_as is not None:
            read_as.append(reading)
    return found


class _Day(_Strict):
    """What a day of a week and a day of a block share: a name, a weekday, and exercises (of the
    entry type of each)."""

    name: OneLine | None = Field(default=None, description="e.g. 'Day 1'")
    weekday: DayOfWeek | None = None

    @field_validator("exercises", check_fields=False)
    @classmethod
    def _not_empty(cls, exercises: tuple[Any, ...]) -> tuple[Any, ...]:
        # Checked after the entries (not as min_length) so a bad entry is not also reported as a
        # missing one: pydantic drops invalid items before counting.
        if not exercises:
            raise ValueError("a day needs at least one exercise")
        return exercises


class PlanDay(_Day):
    """One training day."""

    exercises: tuple[PlanEntry, ...] = Field(
        description="the day's exercises, in order", json_schema_extra={"minItems": 1}
    )


class PlanSettings(_Strict):
    """What the plan was built from."""

    days: Annotated[int, Strict(), Field(ge=MIN_DAYS, le=MAX_DAYS, description="training days a week")] = 2
    level: Level = Level.INTERMEDIATE
    equipment: tuple[Equipment, ...] = Field(default=tuple(Equipment), description="equipment at hand")
    minutes: Annotated[
        int, Strict(), Field(ge=MIN_MINUTES, le=MAX_MINUTES, description="the longest session, in minutes")
    ] = 75
    seed: Annotated[int, Strict(), Field(ge=0, le=MAX_SEED, description="picks among equally good plans")] = 0
    exclude: tuple[Id, ...] | None = Field(default=None, description="ids of the exercises left out, if any")
    volume: Volume | None = Field(
        default=None, description="where week 1 sits in the target band: low (its bottom), mid, high"
    )
    weekdays: tuple[DayOfWeek, ...] | None = Field(default=None, description="the weekdays asked for, if any")
    weeks: (
        Annotated[int, Strict(), Field(ge=MIN_BLOCK_WEEKS, le=MAX_BLOCK_WEEKS, description="weeks of a block")] | None
    ) = None
    deload: Annotated[bool, Strict()] | None = Field(
        default=None, description="whether a block ends with a deload week"
    )


class Plan(_Strict):
    """A weekly plan, or a routine to check: days of exercises."""

    format: Literal["legday.plan/1"] = Field(
        default=PLAN_FORMAT, description="the file format and its version; this legday reads legday.plan/1"
    )
    name: OneLine | None = Field(default=None, description="the plan's name")
    settings: PlanSettings | None = Field(default=None, description="what the plan was built from")
    days: tuple[PlanDay, ...] = Field(
        description="the training days of a week", json_schema_extra={"minItems": 1, "maxItems": MAX_DAYS}
    )

    @field_validator("days")
    @classmethod
    def _a_week(cls, days: tuple[PlanDay, ...]) -> tuple[PlanDay, ...]:
        # After validation of the days, for the same reason as PlanDay._not_empty.
        _check_day_count(len(days))
        _one_day_a_weekday(days)
        return days

    @field_validator("format", mode="before")
    @classmethod
    def _known_format(cls, value: Any) -> Any:
        """Say which format this version reads, rather than pydantic's bare literal error."""
        if value != PLAN_FORMAT:
            raise ValueError(_unsupported_format(value))
        return value

    def to_data(self) -> dict[str, Any]:
        """The plan as plain data, in the file's key order, without absent optional keys."""
        return self.model_dump(mode="json", exclude_none=True)


def _one_day_a_weekday(days: "Sequence[_Day]") -> None:
    """Two days of a week on one weekday are a mistake (a copied day, a typo): name both."""
    seen: dict[Weekday, int] = {}
    for number, day in enumerate(days):
        if day.weekday is None:
            continue
        first = seen.setdefault(day.weekday, number)
        if first != number:
            raise ProblemAt(
                f"{day.weekday.value} is already the weekday at {{see}}: give each day its own weekday, or "
                "leave weekday out",
                at=(number, "weekday"),
                see=((first, "weekday"),),
                within=("days",),
            )


def _check_day_count(count: int) -> None:
    if not count:
        raise ValueError("a plan needs at least one day: add a [[days]] table with exercises")
    if count > MAX_DAYS:
        raise ValueError(f"a week has at most {MAX_DAYS} days; this plan has {count}")


def _unsupported_format(value: Any) -> str:
    shown = repr(value) if isinstance(value, str) else f"{value!r} (not a string)"
    return f"unsupported format {shown}: this legday reads '{PLAN_FORMAT}' and '{BLOCK_FORMAT}'"


# --- A training block (legday.plan/2) -----------------------------------------------------------


def _rir_pair(value: Any) -> Any:
    """Reps in reserve are two whole numbers, as reps are: refuse 1.0, "1" and true."""
    if isinstance(value, (list, tuple)) and (
        len(value) != 2 or not all(isinstance(item, int) and not isinstance(item, bool) for item in value)
    ):
        raise ValueError(f"write rir as two whole numbers [min, max], like [0, 1], not {shown_value(value)}")
    return value


def _rir_ordered(rir: tuple[int, int]) -> tuple[int, int]:
    if rir[0] > rir[1]:
        raise ValueError(f"rir [{rir[0]}, {rir[1]}] is reversed: the smaller number comes first")
    return rir


RirValue = Annotated[int, Strict(), Field(ge=0, le=MAX_RIR)]
#: An effort target: stop each set with this many reps still in reserve, [min, max].
Rir = Annotated[
    tuple[RirValue, RirValue],
    BeforeValidator(_rir_pair),
    AfterValidator(_rir_ordered),
    Field(description=f"reps in reserve at the end of each set, [min, max], 0 to {MAX_RIR}"),
]


def rir_text(rir: tuple[int, int]) -> str:
    """An effort target for people: '3', '0-1'."""
    low, high = rir
    return str(low) if low == high else f"{low}-{high}"


class BlockWeek(_Strict):
    """One week of a block: its effort target and whether it is a deload."""

    rir: Rir
    deload: Annotated[bool, Strict()] = Field(
        default=False, description="a lighter week: about half the sets, easier effort"
    )


class BlockEntry(_Strict):
    """One exercise in a block's day: its sets in each week, in order, and optionally reps and rest."""

    exercise: ExerciseName
    sets: tuple[Sets, ...] = Field(
        description="working sets in each week of the block, week 1 first",
        examples=[[3, 4, 4]],
        json_schema_extra={"minItems": MIN_BLOCK_WEEKS, "maxItems": MAX_BLOCK_WEEKS},
    )
    reps: PlanReps | None = None
    rest_seconds: PlanRest | None = None

    @field_validator("exercise")
    @classmethod
    def _known_exercise(cls, name: str, info: ValidationInfo) -> str:
        return _resolve_exercise(name, info)


class BlockDay(_Day):
    """One training day of every week of a block."""

    exercises: tuple[BlockEntry, ...] = Field(
        description="the day's exercises, in order", json_schema_extra={"minItems": 1}
    )


class Block(_Strict):
    """A training block: the same days and exercises every week, with each week's sets and effort."""

    format: Literal["legday.plan/2"] = Field(
        default=BLOCK_FORMAT, description="the file format and its version: legday.plan/2 is a block"
    )
    name: OneLine | None = Field(default=None, description="the block's name")
    settings: PlanSettings | None = Field(default=None, description="what the block was built from")
    weeks: tuple[BlockWeek, ...] = Field(
        description="the weeks of the block, in order",
        json_schema_extra={
            "minItems": MIN_BLOCK_WEEKS,
            "maxItems": MAX_BLOCK_WEEKS,
            # For editors, as `_some_weeks` says: at least one week is not a deload.
            "contains": {"not": {"required": ["deload"], "properties": {"deload": {"const": True}}}},
        },
    )
    days: tuple[BlockDay, ...] = Field(
        description="the training days of every week", json_schema_extra={"minItems": 1, "maxItems": MAX_DAYS}
    )

    @field_validator("format", mode="before")
    @classmethod
    def _known_format(cls, value: Any) -> Any:
        if value != BLOCK_FORMAT:
            raise ValueError(_unsupported_format(value))
        return value

    @field_validator("weeks")
    @classmethod
    def _some_weeks(cls, weeks: tuple[BlockWeek, ...]) -> tuple[BlockWeek, ...]:
        if not MIN_BLOCK_WEEKS <= len(weeks) <= MAX_BLOCK_WEEKS:
            raise ValueError(f"a block has {MIN_BLOCK_WEEKS} to {MAX_BLOCK_WEEKS} weeks; this one has {len(weeks)}")
        if all(week.deload for week in weeks):
            raise ValueError("a block needs a week that is not a deload")
        return weeks

    @field_validator("days")
    @classmethod
    def _every_week_has_sets(cls, days: tuple[BlockDay, ...], info: ValidationInfo) -> tuple[BlockDay, ...]:
        _check_day_count(len(days))
        _one_day_a_weekday(days)
        weeks = info.data.get("weeks")
        if weeks is None:  # the weeks were invalid: that is the error to report
            return days
        for d, day in enumerate(days):
            for e, entry in enumerate(day.exercises):
                if len(entry.sets) != len(weeks):
                    raise ProblemAt(
                        f"{entry.exercise} gives sets for {len(entry.sets)} week{'s' if len(entry.sets) != 1 else ''}"
                        f" and the block has {len(weeks)}: write one number of sets for each week",
                        at=(d, "exercises", e, "sets"),
                    )
        return days

    @property
    def peak(self) -> int:
        """The peak week's number (1 is the first): the loading week with the most sets, the later
        one on a tie. A block's one-week views (coverage, minutes, the muscle map) describe it."""
        totals = [
            (sum(entry.sets[k] for day in self.days for entry in day.exercises), k)
            for k, week in enumerate(self.weeks)
            if not week.deload
        ]
        return max(totals)[1] + 1

    def week(self, number: int) -> Plan:
        """Week `number` (1 is the first) as a one-week plan: the days with that week's sets."""
        if not 1 <= number <= len(self.weeks):
            raise InputError(f"the block has weeks 1 to {len(self.weeks)}, not {number}", parameters=("week",))
        k = number - 1
        days = tuple(
            PlanDay(
                name=day.name,
                weekday=day.weekday,
                exercises=tuple(
                    PlanEntry(exercise=e.exercise, sets=e.sets[k], reps=e.reps, rest_seconds=e.rest_seconds)
                    for e in day.exercises
                ),
            )
            for day in self.days
        )
        return Plan(name=self.name, settings=self.settings, days=days)

    def to_data(self) -> dict[str, Any]:
        """The block as plain data, in the file's key order, without absent optional keys."""
        return self.model_dump(mode="json", exclude_none=True)


def week_sets(block: Block, number: int) -> int:
    """The total sets of a block's week `number` (1 is the first)."""
    return sum(entry.sets[number - 1] for day in block.days for entry in day.exercises)


def _is_block(data: Any) -> bool:
    """Whether plan data is a block: it says format legday.plan/2, or has weeks and no format."""
    if not isinstance(data, dict):
        return False
    return data.get("format") == BLOCK_FORMAT or ("format" not in data and "weeks" in data)


def _context(catalog: Any | None, read_as: "list[Reading] | None" = None) -> dict[str, Any] | None:
    """The validation context that resolves exercise names with `catalog` (a fresh one per read);
    family names ('leg curl') it reads as one exercise are appended to `read_as` when given."""
    return {"catalog": catalog, "resolved": {}, "read_as": read_as} if catalog is not None else None


def plan_from_data(data: Any, catalog: Any | None = None) -> Plan:
    """Validate plan data (e.g. parsed JSON); with a catalog, exercise names become ids. A block
    gives its peak week."""
    found = plan_or_block_from_data(data, catalog)
    return found.week(found.peak) if isinstance(found, Block) else found


def plan_or_block_from_data(data: Any, catalog: Any | None = None) -> Plan | Block:
    """Validate plan data as a week or a block (by its format)."""
    model: type[Plan | Block] = Block if _is_block(data) else Plan
    return model.model_validate(data, context=_context(catalog))


def read_plan(path: Path | str, catalog: Any | None = None, *, read_as: "list[Reading] | None" = None) -> Plan:
    """Read a plan file ('-' for standard input); errors name the file, the line and the field.
    A block file gives its peak week (`read_plan_or_block` gives the block).

    With a catalog, exercise names become ids; each family name read as one exercise ('leg curl' as
    the lying leg curl) is appended to `read_as`, when given, so a report can say so.
    """
    found = read_plan_or_block(path, catalog, read_as=read_as)
    return found.week(found.peak) if isinstance(found, Block) else found


def read_plan_or_block(
    path: Path | str, catalog: Any | None = None, *, read_as: "list[Reading] | None" = None
) -> Plan | Block:
    """Read a plan file, a week (legday.plan/1) or a block (legday.plan/2)."""
    document = read_toml(path)
    model: type[Plan | Block] = Block if _is_block(document.data) else Plan
    return document.validate(model, context=_context(catalog, read_as))


def parse_plan(raw: bytes, label: str, catalog: Any | None = None) -> Plan:
    """Parse plan TOML bytes; `label` names the source in error messages. A block gives its peak week."""
    found = parse_plan_or_block(raw, label, catalog)
    return found.week(found.peak) if isinstance(found, Block) else found


def parse_plan_or_block(raw: bytes, label: str, catalog: Any | None = None) -> Plan | Block:
    """Parse plan TOML bytes as a week or a block (by its format)."""
    document = parse_toml(raw, label)
    model: type[Plan | Block] = Block if _is_block(document.data) else Plan
    return document.validate(model, context=_context(catalog))


def plan_to_toml(plan: Plan | Block) -> bytes:
    """The plan or block as TOML bytes: the same plan always gives the same bytes."""
    import tomli_w

    return tomli_w.dumps(plan.to_data()).encode()


def write_plan(plan: Plan | Block, path: Path, *, force: bool = False) -> None:
    """Write a plan file atomically; refuses to overwrite an existing file unless `force`."""
    write_output(path, plan_to_toml(plan), force=force)


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of the plan file, for editors that check TOML against JSON Schema: one of a
    one-week plan (`legday.plan/1`, `$defs/Plan`) or a training block (`legday.plan/2`,
    `$defs/Block`). Exactly one of them matches any file, as legday tells them apart: a block says
    `format = "legday.plan/2"` or, without a format, has `weeks`, which a one-week plan may not have."""
    from pydantic import TypeAdapter
    from pydantic.json_schema import GenerateJsonSchema

    class _TomlJsonSchema(GenerateJsonSchema):
        """TOML has no null: an optional key is one that may be left out, so drop the null branch."""

        def nullable_schema(self, schema: Any) -> Any:
            return self.generate_inner(schema["schema"])

    generated = _without_null_defaults(TypeAdapter(Plan | Block).json_schema(schema_generator=_TomlJsonSchema))
    # pydantic writes a union as anyOf; the two never both match, and oneOf says so to an editor.
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"legday plan file ({PLAN_FORMAT}, or a training block: {BLOCK_FORMAT})",
        "oneOf": generated.pop("anyOf"),
        **generated,
    }
    return schema


def _without_null_defaults(node: Any) -> Any:
    """The schema with `"default": null` removed everywhere (a left-out key has no value in TOML)."""
    if isinstance(node, dict):
        return {k: _without_null_defaults(v) for k, v in node.items() if not (k == "default" and v is None)}
    if isinstance(node, list):
        return [_without_null_defaults(item) for item in node]
    return node


def plan_schema_json() -> str:
    """The plan file's JSON Schema as a JSON document (indented, newline-terminated)."""
    import json

    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"


def plan_entries(plan: Plan) -> Sequence[tuple[int, PlanEntry]]:
    """Every entry of the plan with the index of its day."""
    return [(index, entry) for index, day in enumerate(plan.days) for entry in day.exercises]


def day_labels(plan: Plan) -> tuple[str, ...]:
    """A unique label per day for reports: its name, else 'Day N' (with the name when names repeat)."""
    plain = tuple(day.name or f"Day {number}" for number, day in enumerate(plan.days, 1))
    if len(set(plain)) == len(plain):
        return plain
    return tuple(
        f"Day {number}: {day.name}" if day.name else f"Day {number}" for number, day in enumerate(plan.days, 1)
    )


def split_exercise_spec(spec: str, default_sets: int, *, parameter: str, example: str) -> tuple[str, int]:
    """'EXERCISE[:SETS]' as typed for `parameter`: the name (not yet looked up) and the sets, 1 to
    MAX_SETS, `default_sets` when not given. InputError, about `parameter`, for a spec that is not one
    line, has no name (`example` shows one) or has sets that are not such a whole number."""
    if not is_one_line(spec):
        # Checked first: every message below quotes the spec, and must stay on one line.
        raise InputError(f"{spec!r}: an exercise has no line breaks or control characters", parameters=(parameter,))
    name, colon, count = spec.rpartition(":") if ":" in spec else (spec, "", "")
    name = name.strip()
    if not name:
        raise InputError(f"'{spec}': give an exercise, e.g. '{example}'", parameters=(parameter,))
    if not colon:
        return name, default_sets
    text = count.strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_SETS:
        raise InputError(
            f"'{spec}': sets must be a whole number from 1 to {MAX_SETS}, not '{count}'", parameters=(parameter,)
        )
    return name, int(text)


def parse_exercise_spec(spec: str, catalog: Any, *, read_as: "list[Reading] | None" = None) -> PlanEntry:
    """An exercise given on the command line as 'EXERCISE[:SETS]' (id, name or alias; 3 sets by default).

    A family name read as one exercise ('squat' as the back squat) is appended to `read_as`, when given.
    """
    name, sets = split_exercise_spec(spec, DEFAULT_INLINE_SETS, parameter="exercise", example="romanian_deadlift:3")
    reading = catalog.read(name)
    if reading.generic and read_as is not None:
        read_as.append(reading)
    return PlanEntry(exercise=str(reading.exercise.id), sets=sets)
