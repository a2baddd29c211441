"""Why a request cannot be met and how it could be, as data: what an UnmetRequestError carries.

The library says what blocks a request (a `Limit`, with the muscles it holds back) and the changes
of the request that would give a plan (`WayOut`s: each a tuple of `Change`s needed together). It
never words them as command-line options: `planner.cli` does that, in one place, and a Python
caller reads the data. Loaded only when an error is built or worded: class building costs start-up.
"""

from dataclasses import dataclass
from enum import StrEnum

from exercises.vocabulary import Equipment


class Limit(StrEnum):
    """What keeps a request from a plan."""

    #: No exercise at hand trains a muscle that has a weekly minimum.
    NO_EXERCISE = "no_exercise"
    #: The per-session cap of effective sets keeps a muscle below its weekly minimum in the days given.
    SESSION_CAP = "session_cap"
    #: The most sets of each exercise a day keep a muscle below its weekly minimum in the days given.
    EXERCISE_SETS = "exercise_sets"
    #: The sessions are too short for the weekly sets the level asks.
    SESSION_LENGTH = "session_length"
    #: However long the sessions, the per-session limits keep muscles out of their weekly bands.
    DAILY_LIMITS = "daily_limits"
    #: However many and long the sessions, the exercises at hand cannot keep muscles in their bands.
    TARGET_BANDS = "target_bands"
    #: Work that must stay (a kept routine, an included exercise) breaks a rule by itself, or leaves
    #: no room for the sets that would meet the others.
    KEPT_WORK = "kept_work"
    #: The planner's search could not settle, within its limit, whether the request has a plan (very
    #: short sessions over many days make that a search of millions of cases).
    UNSETTLED = "unsettled"


@dataclass(frozen=True)
class MoreDays:
    """Train on this many days a week."""

    days: int


@dataclass(frozen=True)
class LongerSessions:
    """Allow sessions of this many minutes."""

    minutes: int


@dataclass(frozen=True)
class KeepExercise:
    """Stop leaving out this exercise (its id)."""

    exercise: str


@dataclass(frozen=True)
class KeepEveryExercise:
    """Leave no exercise out."""


@dataclass(frozen=True)
class AddEquipment:
    """Have this equipment at hand; `exercises` names (by id) up to three that it makes available."""

    equipment: tuple[Equipment, ...]
    exercises: tuple[str, ...] = ()


@dataclass(frozen=True)
class OtherLevel:
    """Choose this level (its name), or None: another level, none of them known to work."""

    level: str | None


@dataclass(frozen=True)
class AddExercises:
    """Add exercises to the catalog: ones that train this muscle (its id), or None: any that help."""

    muscle: str | None


@dataclass(frozen=True)
class FewerKeptSets:
    """Keep at most `sets` sets of this exercise (its id) on day `day` (1 is the first) of the kept
    plan; 0: keep none of it there."""

    day: int
    exercise: str
    sets: int


@dataclass(frozen=True)
class FewerIncludedSets:
    """Ask for at most `sets` weekly sets of an included exercise (its id); 0: do not include it."""

    exercise: str
    sets: int


@dataclass(frozen=True)
class OtherSubstitute:
    """Swap in this exercise (its id) instead of the one asked for."""

    exercise: str


@dataclass(frozen=True)
class MoreEquipment:
    """Have more equipment at hand (none in particular: any that adds substitutes)."""


#: One change of a request.
Change = (
    MoreDays
    | LongerSessions
    | KeepExercise
    | KeepEveryExercise
    | AddEquipment
    | OtherLevel
    | AddExercises
    | FewerKeptSets
    | FewerIncludedSets
    | OtherSubstitute
    | MoreEquipment
)
#: One way out: changes that give a plan together.
WayOut = tuple[Change, ...]
