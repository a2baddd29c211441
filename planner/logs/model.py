"""The shared row model of every logging app: what one row of an export is, and what a log holds."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum


class LogApp(StrEnum):
    """The app that wrote an export."""

    STRONG = "strong"
    HEVY = "hevy"
    FITNOTES = "fitnotes"
    FITBOD = "fitbod"

    @property
    def display_name(self) -> str:
        """The app's name as it spells it."""
        return {"strong": "Strong", "hevy": "Hevy", "fitnotes": "FitNotes", "fitbod": "Fitbod"}[self.value]


class Kind(IntEnum):
    """What one row of an export is, as far as its set marker tells."""

    #: A set: a working set if it has reps or a duration, else a set that was not done.
    SET = 0
    WARMUP = 1
    #: Not a set at all: Strong's rest-timer and note rows, in any language.
    NOT_A_SET = 2
    #: A cardio entry (FitNotes' Cardio category); rows with a distance are cardio too.
    CARDIO = 3


#: The roles of the columns legday reads. `marker` is the column that says what a row is (Strong's
#: Set Order, Hevy's set_type, FitNotes' Category, Fitbod's isWarmup); `index` is Hevy's set_index.
ROLES = ("date", "exercise", "marker", "index", "reps", "weight", "duration", "distance", "rpe")


@dataclass(frozen=True)
class Layout:
    """One app's export: the header names of each column legday reads, in every language the app
    writes, and what its set markers mean."""

    app: LogApp
    #: role -> header names as the app writes them (matched in any case); the first is shown in messages.
    columns: Mapping[str, tuple[str, ...]]
    #: The roles a header must have to be this app's.
    required: tuple[str, ...]
    #: What a marker means; None for a marker the app does not write.
    marker: Callable[[str], Kind | None]
    #: What the marker column holds, in a message about a value it should not hold: ("set order",
    #: "a set number, W, D, F, ...").
    marker_noun: str
    expected_markers: str
    #: Whether an unknown marker on a row without reps is a row that is not a set (Strong writes its
    #: rest-timer rows' marker in the app's language: 'Rest Timer', 'Ruhezeit').
    lenient_markers: bool = False


@dataclass(frozen=True)
class TrainingLog:
    """What a log holds, reduced to what coverage needs: working sets per workout day and exercise
    name as the app wrote it, plus counts of the rows that were read but are not working sets."""

    label: str
    app: LogApp
    sets: Mapping[tuple[date, str], int]
    warmup_sets: int = 0
    #: Rest-timer and note rows.
    skipped_rows: int = 0
    #: Sets with no reps and no duration: planned in the app, not done.
    undone_sets: int = 0
    #: Cardio rows per workout day and name: a distance, FitNotes' Cardio category, or a cardio
    #: exercise's time. Not working sets, but kept by name: a catalog's conditioning exercises
    #: among them (a timed 'Sprints') count (planner.training_log.with_conditioning).
    cardio: Mapping[tuple[date, str], int] = field(default_factory=dict)
    #: Working sets that are timed holds (a duration, no reps) per workout day and name; they are
    #: in `sets` too.
    timed: Mapping[tuple[date, str], int] = field(default_factory=dict)
    #: Working sets of conditioning exercises logged by time or distance (rows read as cardio or as
    #: timed holds), one a row; they are in `sets` too. The reader knows no catalog: 0 until
    #: planner.training_log.with_conditioning counts them.
    conditioning_sets: int = 0

    @property
    def working_sets(self) -> int:
        """Every working set in the log."""
        return sum(self.sets.values())

    @property
    def cardio_rows(self) -> int:
        """The cardio rows: not working sets."""
        return sum(self.cardio.values())

    @property
    def timed_sets(self) -> int:
        """The working sets that are timed holds."""
        return sum(self.timed.values())

    @property
    def days(self) -> tuple[date, ...]:
        """The workout dates, in order."""
        return tuple(sorted({day for day, _ in self.sets}))
