"""Training logs: coverage from what was actually done, read from Strong and Hevy CSV exports.

Reading (`read_log`, `parse_log`): the format is detected from the header. Strong writes either the
older comma-separated export (`Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,...`)
or the newer semicolon-separated one with units in the column names (`Weight (kg)`, `Duration (sec)`);
Hevy writes `title,start_time,end_time,...,exercise_title,...,set_index,set_type,...`. Columns are
found by name, so extra or reordered columns are fine. Byte-order marks, quoted fields (with commas
or newlines inside), blank lines and CRLF line ends are tolerated. Every row is one set: Strong's
rest-timer and note rows (Set Order `Rest Timer` / `Note`) are not sets and are skipped; warm-up sets
(Hevy's set_type `warmup`, Strong's Set Order `W`) are counted apart and not as working sets; normal,
failure and drop sets are working sets. Anything else that is wrong (an unknown header, a row with a
missing field, a bad date, an unknown set marker) is a FileFormatError naming the file and the line
where the row starts.

Weeks (`log_coverage`): sets are grouped by ISO week (Monday to Sunday) and the report is the
average week. The window is --since/--until when given, else the first and last workout in the log;
`weeks` counts every ISO week the window touches, including weeks with no leg training. Those empty
weeks count as zero on purpose: the question is what a typical week of this person's training gives
each muscle, and a week spent away from leg day is part of that answer; averaging only over weeks
that had leg work would report a routine that is better than what was done. Sets outside the
window are left out even in the window's first and last week, so a --since that is not a Monday
makes the first week a partial one (the report shows the window it used). Each distinct workout date
is one training day, which is what `days` counts.

Names: an app's exercise name is matched against the catalog's ids, names and aliases (case and
punctuation do not matter), then with its parenthesised suffix understood ("Romanian Deadlift
(Dumbbell)" -> the Romanian deadlift, preferring an exercise that uses dumbbells). Names that match
nothing are reported with their set counts and, when one is close, a catalog exercise they may
mean; they are never dropped silently. An upper-body exercise is simply unmatched: the catalog is
about the back of the leg.
"""

import csv
import io
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from exercises.catalog import Catalog, Exercise
from exercises.exceptions import FileFormatError, InputError
from exercises.input_files import decode_text, read_input
from exercises.names import normalize_name
from exercises.vocabulary import Equipment
from planner.coverage import (
    CoverageReport,
    Session,
    average_tallies,
    report_from_tally,
    tally_sessions,
    tidy_number,
)
from planner.volume import Level, VolumeSettings

if TYPE_CHECKING:
    from _csv import Reader


class LogApp(StrEnum):
    """The app that wrote an export."""

    STRONG = "strong"
    HEVY = "hevy"


@dataclass(frozen=True)
class _Layout:
    """Where an app keeps what legday reads: the header names of the date, exercise and set columns."""

    app: LogApp
    date: str
    exercise: str
    set_order: str
    set_type: str | None


_LAYOUTS: Final = (
    _Layout(LogApp.STRONG, date="date", exercise="exercise name", set_order="set order", set_type=None),
    _Layout(LogApp.HEVY, date="start_time", exercise="exercise_title", set_order="set_index", set_type="set_type"),
)
_DELIMITERS: Final = (",", ";", "\t")

#: Strong's Set Order: a number for a set, W/D/F for warm-up, drop and failure sets (newer versions),
#: and rows that are not sets at all (rest timers, notes).
_STRONG_WARMUP: Final = frozenset({"w"})
_STRONG_WORKING: Final = frozenset({"d", "f"})
_STRONG_NOT_A_SET: Final = frozenset({"rest timer", "note", "notes"})
_HEVY_WORKING: Final = frozenset({"normal", "failure", "dropset"})
_HEVY_WARMUP: Final = frozenset({"warmup"})

_ISO_DATE: Final = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.ASCII,
)
_HEVY_DATE: Final = re.compile(
    r"(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?",
    re.ASCII,
)
_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


@dataclass(frozen=True)
class TrainingLog:
    """What a log holds, reduced to what coverage needs: working sets per workout day and exercise
    name as the app wrote it, plus counts of the rows that were read but are not working sets."""

    label: str
    app: LogApp
    sets: Mapping[tuple[date, str], int]
    warmup_sets: int = 0
    skipped_rows: int = 0

    @property
    def working_sets(self) -> int:
        """Every working set in the log."""
        return sum(self.sets.values())

    @property
    def days(self) -> tuple[date, ...]:
        """The workout dates, in order."""
        return tuple(sorted({day for day, _ in self.sets}))


def read_log(path: Path | str) -> TrainingLog:
    """Read a Strong or Hevy CSV export ('-' for standard input); every failure is a FileFormatError."""
    label, raw = read_input(path)
    return parse_log(raw, label)


def parse_log(raw: bytes, label: str) -> TrainingLog:
    """Parse the bytes of a Strong or Hevy CSV export; `label` names the source in error messages."""
    text = decode_text(raw, label, "export the CSV again from the app", encoding="utf-8-sig")
    if not text.strip():
        raise FileFormatError(f"{label}: empty file: expected a CSV export of Strong or Hevy")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return _read_rows(reader, label)
    except csv.Error as exc:
        raise FileFormatError(f"{label}:{reader.line_num}: not valid CSV: {exc}") from None


def _delimiter(text: str) -> str:
    """The delimiter of the header line: whichever of comma, semicolon and tab it uses most."""
    header = next(line for line in io.StringIO(text) if line.strip())
    return max(_DELIMITERS, key=header.count)


class _RowError(ValueError):
    """A problem with one row; the reader adds the file and line."""


_WORK, _WARMUP, _NOT_A_SET, _BLANK, _UNSORTED = range(5)
#: The set markers exactly as the apps write them, for the fast path of the row loop.
_STRONG_KINDS: Final = {"W": _WARMUP, "D": _WORK, "F": _WORK, "Rest Timer": _NOT_A_SET, "Note": _NOT_A_SET}
_HEVY_KINDS: Final = {"normal": _WORK, "failure": _WORK, "dropset": _WORK, "warmup": _WARMUP}


@dataclass(frozen=True)
class _Columns:
    """The layout of one file: indices of the columns legday reads and their names as written."""

    app: LogApp
    width: int
    date: int
    exercise: int
    set_order: int
    set_type: int
    names: Mapping[str, str]

    def kind(self, row: list[str]) -> int:
        """What a row is: a working set, a warm-up set, not a set at all (rest timer, note) or blank."""
        if len(row) != self.width:
            if not any(cell.strip() for cell in row):
                return _BLANK
            if len(row) < self.width or any(cell.strip() for cell in row[self.width :]):
                raise _RowError(
                    f"{len(row)} field{'s' if len(row) != 1 else ''} where the header has {self.width}: "
                    f"a missing field, or an unquoted '{_quote_hint(row)}' inside one?"
                )
        order = row[self.set_order].strip()
        if self.app is LogApp.STRONG:
            if _is_number(order):
                return _WORK
            marker = order.casefold()
            if marker in _STRONG_WORKING:
                return _WORK
            if marker in _STRONG_WARMUP:
                return _WARMUP
            if marker in _STRONG_NOT_A_SET:
                return _NOT_A_SET
            if not any(cell.strip() for cell in row):
                return _BLANK  # a row of empty fields, as spreadsheets save blank lines
            raise _RowError(
                f"bad set order '{_shown(order)}' in column '{self.names['set_order']}': "
                "expected a set number, W, D, F, 'Rest Timer' or 'Note'"
            )
        if not _is_number(order):
            if not any(cell.strip() for cell in row):
                return _BLANK
            raise _RowError(
                f"bad set index '{_shown(order)}' in column '{self.names['set_order']}': expected a whole number"
            )
        kind = row[self.set_type].strip().casefold()
        if kind in _HEVY_WORKING:
            return _WORK
        if kind in _HEVY_WARMUP:
            return _WARMUP
        raise _RowError(
            f"unknown set type '{_shown(row[self.set_type].strip())}' in column '{self.names['set_type']}': "
            "expected normal, warmup, failure or dropset"
        )


def _read_rows(reader: "Reader", label: str) -> TrainingLog:
    """Read the header, then every row into working sets per (day, exercise name)."""
    header = next((row for row in reader if any(cell.strip() for cell in row)), None)
    if header is None:
        raise FileFormatError(f"{label}: empty file: expected a CSV export of Strong or Hevy")
    columns = _detect(header, label, reader.line_num)
    width, order_at, type_at = columns.width, columns.set_order, columns.set_type
    date_at, name_at = columns.date, columns.exercise
    hevy = columns.app is LogApp.HEVY
    # Rows are counted by their raw (date, name) strings and each distinct pair is checked once
    # after the loop: a workout repeats them on every row, and parsing dates row by row is slow.
    raw: dict[tuple[str, str], int] = {}
    first_line: dict[tuple[str, str], int] = {}
    counts = [0, 0, 0, 0, 0]
    problems: list[tuple[int, str]] = []
    end = reader.line_num
    for row in reader:
        # A quoted field may span lines: the row starts just after the previous one ended.
        start, end = end + 1, reader.line_num
        # Rows as the apps write them are sorted here by exact look-ups; kind() sorts out the rest
        # (other spellings, blank rows) and says what is wrong with a bad one.
        if len(row) != width:
            kind = _UNSORTED
        elif hevy:
            kind = _HEVY_KINDS.get(row[type_at], _UNSORTED) if _is_number(row[order_at]) else _UNSORTED
        else:
            kind = _WORK if _is_number(row[order_at]) else _STRONG_KINDS.get(row[order_at], _UNSORTED)
        if kind == _UNSORTED:
            try:
                kind = columns.kind(row)
            except _RowError as error:
                problems.append((start, str(error)))
                break
        if kind != _WORK:
            counts[kind] += 1
            continue
        key = (row[date_at], row[name_at])
        count = raw.get(key)
        if count is None:
            raw[key] = 1
            first_line[key] = start
        else:
            raw[key] = count + 1
    sets: dict[tuple[date, str], int] = {}
    days: dict[str, date | None] = {}
    for key, count in raw.items():
        when, name = key[0], key[1].strip()
        day = days[when] if when in days else days.setdefault(when, parse_log_date(when))
        if day is None:
            problems.append((first_line[key], f"bad date '{_shown(when.strip())}' in column '{columns.names['date']}'"))
        elif not name:
            problems.append((first_line[key], f"no exercise name in column '{columns.names['exercise']}'"))
        else:
            sets[day, name] = sets.get((day, name), 0) + count
    if problems:
        line, message = min(problems)
        raise FileFormatError(f"{label}:{line}: {message}")
    return TrainingLog(label, columns.app, sets, warmup_sets=counts[_WARMUP], skipped_rows=counts[_NOT_A_SET])


_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f]")


def _shown(text: str, limit: int = 60) -> str:
    """A value from the file as it can be quoted in a one-line message: control characters (a
    newline inside a quoted field) escaped, long values cut."""
    text = _CONTROL.sub(lambda found: repr(found[0])[1:-1], text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _quote_hint(row: list[str]) -> str:
    return ";" if any(";" in cell for cell in row) else ","


def _detect(header: list[str], label: str, line: int) -> _Columns:
    """The app that wrote this header, and where the columns legday reads are."""
    found = {_header_key(cell): index for index, cell in enumerate(header)}
    best: tuple[int, _Layout, list[str]] | None = None
    for layout in _LAYOUTS:
        wanted = {"date": layout.date, "exercise": layout.exercise, "set_order": layout.set_order}
        if layout.set_type:
            wanted["set_type"] = layout.set_type
        missing = [column for column in wanted.values() if column not in found]
        if not missing:
            at = {role: found[column] for role, column in wanted.items()}
            return _Columns(
                app=layout.app,
                width=len(header),
                date=at["date"],
                exercise=at["exercise"],
                set_order=at["set_order"],
                set_type=at.get("set_type", -1),
                names={role: header[index].strip().lstrip("\ufeff") for role, index in at.items()},
            )
        present = len(wanted) - len(missing)
        if present >= 2 and (best is None or present > best[0]):
            best = (present, layout, missing)
    if best is not None:
        _, layout, missing = best
        app = "Strong" if layout.app is LogApp.STRONG else "Hevy"
        names = ", ".join(f"'{_display_column(column, layout)}'" for column in missing)
        raise FileFormatError(f"{label}:{line}: this looks like a {app} export but has no column {names}")
    shown = _shown(",".join(cell.strip() for cell in header))
    raise FileFormatError(
        f"{label}:{line}: not a Strong or Hevy export: unknown header '{shown}' (expected Strong's "
        "'Date', 'Exercise Name', 'Set Order' or Hevy's 'start_time', 'exercise_title', 'set_type')"
    )


def _header_key(cell: str) -> str:
    return cell.strip().lstrip("\ufeff").strip().casefold()


def _display_column(column: str, layout: _Layout) -> str:
    return column.title() if layout.app is LogApp.STRONG else column


def parse_log_date(text: str) -> date | None:
    """The calendar date of an app's timestamp, or None when it is not one.

    Strong writes '2024-03-05 18:02:11'; Hevy '5 Mar 2024, 18:02' or ISO forms such as
    '2024-03-05T18:02:00Z'. The date is taken as written: a workout belongs to the day the app
    shows, whatever the time zone suffix says.
    """
    text = text.strip()
    try:
        iso = _ISO_DATE.fullmatch(text)
        if iso:
            year, month, day, hour, minute, second = iso.groups()
            datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
            return date(int(year), int(month), int(day))
        hevy = _HEVY_DATE.fullmatch(text)
        if hevy:
            day, month_name, year, hour, minute, second, half = hevy.groups()
            month = _MONTHS.get(month_name.casefold())
            if month is None or (half and not 1 <= int(hour) <= 12):
                return None
            datetime(int(year), month, int(day), int(hour), int(minute), int(second or 0))
            return date(int(year), month, int(day))
    except ValueError:
        return None
    return None


def _is_number(text: str) -> bool:
    """A set number as the apps write it: ASCII digits ('²' and '٣' are digits to str.isdigit)."""
    return text.isascii() and text.isdigit()


def parse_day(text: str, option: str) -> date:
    """A YYYY-MM-DD date typed by a user for `option`; InputError otherwise."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip(), re.ASCII):
            return date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise InputError(f"bad date '{_shown(text)}' for {option}: expected YYYY-MM-DD, e.g. 2024-03-04")


#: The apps' equipment suffixes ("Deadlift (Trap Bar)") and the catalog equipment each means.
EQUIPMENT_SUFFIXES: Final[Mapping[str, Equipment]] = {
    "barbell": Equipment.BARBELL,
    "ez bar": Equipment.BARBELL,
    "trap bar": Equipment.BARBELL,
    "hex bar": Equipment.BARBELL,
    "dumbbell": Equipment.DUMBBELL,
    "dumbbells": Equipment.DUMBBELL,
    "kettlebell": Equipment.KETTLEBELL,
    "machine": Equipment.MACHINE,
    "smith machine": Equipment.MACHINE,
    "plate loaded": Equipment.MACHINE,
    "lever": Equipment.MACHINE,
    "cable": Equipment.CABLE,
    "band": Equipment.BAND,
    "bands": Equipment.BAND,
    "resistance band": Equipment.BAND,
    "bodyweight": Equipment.BODYWEIGHT,
    "body weight": Equipment.BODYWEIGHT,
    "weighted": Equipment.BODYWEIGHT,
    "assisted": Equipment.BODYWEIGHT,
}
_SUFFIX: Final = re.compile(r"^(?P<base>.*?)\s*\((?P<suffix>[^()]*)\)\s*$")


def match_exercise(name: str, catalog: Catalog) -> Exercise | None:
    """The catalog exercise an app's exercise name means, or None.

    The whole name is tried first ("Deadlift (Barbell)" may be an alias). Then the parenthesised
    suffix: an equipment suffix ("(Dumbbell)", "(Smith Machine)") is dropped, preferring an exercise
    that uses that equipment among "Dumbbell Romanian Deadlift" and "Romanian Deadlift"; any other
    suffix ("Calf Raise (Seated)") is tried as a prefix only ("Seated Calf Raise"), because dropping
    it could change which muscles work.
    """
    found = catalog.names.get(name)
    if found is not None:
        return catalog.exercises[found]
    parts = _SUFFIX.match(name)
    if parts is None or not parts["base"]:
        return None
    base, suffix = parts["base"], parts["suffix"].strip()
    equipment = EQUIPMENT_SUFFIXES.get(normalize_name(suffix))
    spellings = [f"{suffix} {base}"]
    if equipment is not None:
        # "Romanian Deadlift (Dumbbells)" -> "dumbbell romanian deadlift" (an id) before the barbell lift.
        spellings += [f"{equipment.value} {base}", f"{base} {equipment.value}", base]
    candidates = [catalog.exercises[i] for i in dict.fromkeys(filter(None, map(catalog.names.get, spellings)))]
    if not candidates:
        return None
    return next((c for c in candidates if equipment in c.equipment), candidates[0])


#: How alike an unmatched name and a catalog spelling must be to be offered: typos and plurals
#: ("Romanian Dedlift", "Nordic Curls") pass; "Bench Press" -> "Leg Press" (0.70) does not.
SUGGESTION_CUTOFF: Final = 0.85


def suggest_exercise(name: str, catalog: Catalog) -> str | None:
    """The id of the catalog exercise closest to an unmatched app name, for a "did you mean".

    The catalog's own "did you mean" (exercises.names.NameIndex) picks it, with a stricter cutoff: a
    log is full of exercises the catalog does not cover, so a far-fetched guess is worse than none.
    With a parenthesised suffix only the base name is looked up: the shared "(Barbell)" would
    otherwise make "Bench Press (Barbell)" look like "Hip Thrust (Barbell)".
    """
    parts = _SUFFIX.match(name)
    base = parts["base"] if parts is not None and parts["base"] else name
    found = catalog.names.suggestions(base, limit=1, cutoff=SUGGESTION_CUTOFF)
    return catalog.names.get(found[0]) if found else None


def iso_week_start(day: date) -> date:
    """The Monday of the ISO week a day falls in."""
    return day - timedelta(days=day.weekday())


def iso_week_label(monday: date) -> str:
    """'2024-W10' for the ISO week starting on `monday`."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


#: Effective sets of a week, written tidied as in the coverage report.
Count = Annotated[float, PlainSerializer(tidy_number, return_type=int | float)]


class UnmatchedName(_Frozen):
    """An exercise name in the log that maps to no catalog exercise, with its working sets in range."""

    name: str
    sets: int
    suggestion: str | None = Field(description="id of the closest catalog exercise, if one is close")


class WeekSummary(_Frozen):
    """One ISO week of the window: workout days, working sets, and each muscle's effective sets."""

    week: str = Field(description="ISO week, e.g. 2024-W10")
    start: date = Field(description="its Monday")
    days: int = Field(description="workout dates in the week")
    sets: int = Field(description="working sets of exercises found in the catalog")
    unmatched_sets: int = Field(description="working sets of exercises not found in the catalog")
    effective: dict[str, Count] = Field(description="effective sets per posterior-leg muscle")


class LogSummary(_Frozen):
    """What was read: the file, the app, and the rows that were not working sets."""

    file: str
    app: LogApp
    working_sets: int
    warmup_sets: int
    skipped_rows: int = Field(description="rest-timer and note rows, which are not sets")


@dataclass(frozen=True, slots=True)
class LogCoverage:
    """The average weekly coverage of a training log over a window of ISO weeks."""

    report: CoverageReport
    #: ISO weeks averaged, weeks without leg training included.
    weeks: int
    #: First day of the window.
    since: date
    #: Last day of the window.
    until: date
    per_week: tuple[WeekSummary, ...]
    unmatched: tuple[UnmatchedName, ...]
    log: LogSummary

    def to_data(self) -> dict[str, Any]:
        """The `coverage --log --json` document: the coverage keys, then the log's."""
        data = self.report.to_data()
        data.update(
            weeks=self.weeks,
            since=self.since.isoformat(),
            until=self.until.isoformat(),
            per_week=[week.model_dump(mode="json") for week in self.per_week],
            unmatched=[name.model_dump(mode="json") for name in self.unmatched],
            log=self.log.model_dump(mode="json"),
        )
        return data


#: The longest window a report covers: a hundred years of ISO weeks (a window longer than a life
#: comes from a bad date in the log).
MAX_WINDOW_YEARS: Final = 100
MAX_WINDOW_WEEKS: Final = math.ceil(MAX_WINDOW_YEARS * 365.25 / 7) + 1


def log_coverage(
    log: TrainingLog,
    catalog: Catalog,
    level: Level = Level.INTERMEDIATE,
    since: date | None = None,
    until: date | None = None,
    settings: VolumeSettings | None = None,
) -> LogCoverage:
    """The average weekly coverage of the log's working sets from `since` to `until` (inclusive).

    Without bounds the window runs from the first to the last workout. Every ISO week the window
    touches counts, with or without leg work (see the module's docstring for why). Each workout
    date is one session, so `days` is the average number of dates per week a muscle was trained.
    """
    settings = settings or VolumeSettings()
    if since is not None and until is not None and since > until:
        raise InputError(f"the window is empty: since {since} is after until {until}")
    in_range = {
        key: sets
        for key, sets in log.sets.items()
        if (since is None or key[0] >= since) and (until is None or key[0] <= until)
    }
    if not in_range and (since is None or until is None):
        raise InputError(_no_workouts(log, since, until))
    first = since or min(day for day, _ in in_range)
    last = until or max(day for day, _ in in_range)
    first_monday, last_monday = iso_week_start(first), iso_week_start(last)
    weeks = (last_monday - first_monday).days // 7 + 1
    if weeks > MAX_WINDOW_WEEKS:
        # Every week of the window gets a line of its own: a stray date (0001-01-01) would make millions.
        raise InputError(
            f"the window from {first} to {last} spans {weeks} weeks, more than {MAX_WINDOW_YEARS} years: "
            "check the log's dates, or narrow it with --since and --until"
        )

    matches: dict[str, Exercise | None] = {}
    work: dict[date, dict[date, dict[str, int]]] = {}
    unmatched: dict[str, int] = {}
    unmatched_by_week: dict[date, int] = {}
    days_by_week: dict[date, set[date]] = {}
    mondays = {day: iso_week_start(day) for day in dict.fromkeys(day for day, _ in in_range)}
    for day, monday in mondays.items():
        days_by_week.setdefault(monday, set()).add(day)
    for (day, name), sets in in_range.items():
        monday = mondays[day]
        exercise = matches[name] if name in matches else matches.setdefault(name, match_exercise(name, catalog))
        if exercise is None:
            unmatched[name] = unmatched.get(name, 0) + sets
            unmatched_by_week[monday] = unmatched_by_week.get(monday, 0) + sets
            continue
        session = work.setdefault(monday, {}).setdefault(day, {})
        session[exercise.id] = session.get(exercise.id, 0) + sets

    sessions: list[Session] = [
        (day.isoformat(), sorted(work[monday][day].items())) for monday in sorted(work) for day in sorted(work[monday])
    ]
    tally = average_tallies([tally_sessions(sessions, catalog, settings)], weeks)
    report = report_from_tally(tally, catalog, level, settings, worst_session_only=True)

    targets = [muscle.id for muscle in catalog.muscles.targets]
    per_week = []
    for index in range(weeks):
        monday = first_monday + timedelta(weeks=index)
        week_work = work.get(monday, {})
        # Each exercise's sets over the week first: the volume model is then asked once per exercise.
        week_sets: dict[str, int] = {}
        for session in week_work.values():
            for exercise_id, sets in session.items():
                week_sets[exercise_id] = week_sets.get(exercise_id, 0) + sets
        effective = settings.effective_sets((catalog.exercises[e], sets) for e, sets in week_sets.items())
        per_week.append(
            WeekSummary(
                week=iso_week_label(monday),
                start=monday,
                days=len(days_by_week.get(monday, ())),
                sets=sum(sum(session.values()) for session in week_work.values()),
                unmatched_sets=unmatched_by_week.get(monday, 0),
                effective={m: effective.get(m, 0) for m in targets},
            )
        )
    return LogCoverage(
        report=report,
        weeks=weeks,
        since=first,
        until=last,
        per_week=tuple(per_week),
        unmatched=tuple(
            UnmatchedName(name=name, sets=sets, suggestion=suggest_exercise(name, catalog))
            for name, sets in sorted(unmatched.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))
        ),
        log=LogSummary(
            file=log.label,
            app=log.app,
            working_sets=log.working_sets,
            warmup_sets=log.warmup_sets,
            skipped_rows=log.skipped_rows,
        ),
    )


def _no_workouts(log: TrainingLog, since: date | None, until: date | None) -> str:
    if not log.sets:
        return f"{log.label}: no working sets in the log"
    days = log.days
    window = " and ".join(
        part for part in (f"on or after {since}" if since else "", f"on or before {until}" if until else "") if part
    )
    return f"{log.label}: no workouts {window}; the log runs from {days[0]} to {days[-1]}"
