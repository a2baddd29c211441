"""Reading an export: the app is detected from the header, then every row is classified once.

Columns are found by name (in any of the app's languages), so extra or reordered columns are fine.
Byte-order marks, quoted fields (with delimiters or newlines inside), blank lines, CRLF line ends and
comma, semicolon or tab delimiters are tolerated. Each row is one of: a working set (reps, or a
duration with no reps: a timed hold), a set that was not done (no reps and no duration), a warm-up
set, a cardio row (a distance without reps, the Cardio category, or the time of a cardio exercise), or a row
that is not a set (Strong's rest timers and notes). Cardio rows are kept by day and name, as sets
are: the reader knows no catalog, and the conditioning exercises of one (sprints, sled drags) count
where they were logged as cardio (planner.training_log.with_conditioning). Reps, weight, RPE and
duration are checked on every set, and the date and name on every set and cardio row; anything that
cannot be read is a FileFormatError naming the file and the line where the row starts.
"""

import csv
import io
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Final

from exercises.exceptions import FileFormatError
from exercises.input_files import decode_text, read_input
from planner.logs import fitbod, fitnotes, hevy, strong
from planner.logs.dates import parse_log_date
from planner.logs.model import ROLES, Kind, Layout, TrainingLog

if TYPE_CHECKING:
    from _csv import Reader

LAYOUTS: Final = (strong.LAYOUT, hevy.LAYOUT, fitnotes.LAYOUT, fitbod.LAYOUT)
_DELIMITERS: Final = (",", ";", "\t")
_APPS: Final = "Strong, Hevy, FitNotes or Fitbod"


def read_log(path: Path | str) -> TrainingLog:
    """Read a Strong, Hevy, FitNotes or Fitbod CSV export ('-' for standard input); every failure is a
    FileFormatError."""
    label, raw = read_input(path)
    return parse_log(raw, label)


def parse_log(raw: bytes, label: str) -> TrainingLog:
    """Parse the bytes of an export; `label` names the source in error messages."""
    text = decode_text(raw, label, "export the CSV again from the app", encoding="utf-8-sig")
    if not text.strip():
        raise FileFormatError(f"{label}: empty file: expected a CSV export of {_APPS}")
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


@dataclass(frozen=True)
class _Columns:
    """The layout of one file: the index of each role's column (-1 when absent) and its header text."""

    layout: Layout
    width: int
    at: dict[str, int]
    names: dict[str, str]


#: A number as the apps write it: '8', '8.0', ' 4', '82,5' (a decimal comma), '-10' (assistance).
_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)", re.ASCII)
#: A duration written as a clock: FitNotes' '0:01:48', '1:30'.
_CLOCK: Final = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.\d+)?", re.ASCII)
_BAD: Final = math.nan


def _number(text: str) -> float | None:
    """The value of a numeric field: None when empty, NaN when it is not a number."""
    text = text.strip()
    if not text:
        return None
    if _NUMBER.fullmatch(text):
        return float(text.replace(",", "."))
    clock = _CLOCK.fullmatch(text)
    if clock:
        hours, minutes, seconds = clock.groups()
        return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return _BAD


_EXPECTED: Final = {
    "reps": "a whole number of reps",
    "weight": "a number",
    "duration": "seconds, or h:mm:ss",
    "distance": "a number",
    "rpe": "an RPE from 0 to 10",
}


def _picker(indices: tuple[int, ...]) -> Callable[[list[str]], tuple[str, ...]]:
    """A function giving the texts of a row at `indices`, as a tuple (operator.itemgetter gives a bare
    item for one index)."""
    if len(indices) > 1:
        return itemgetter(*indices)
    return lambda row: tuple(row[index] for index in indices)


def _amounts(texts: tuple[str, ...], roles: tuple[str, ...], names: dict[str, str]) -> tuple[float, float, float]:
    """The reps, duration and distance of a row (0 when absent) from its measured texts, each checked;
    a _RowError names the first that cannot be read."""
    values: dict[str, float] = {}
    for role, text in zip(roles, texts, strict=True):
        value = _number(text)
        if value is not None and not _valid(role, value):
            shown = shown_value(text.strip())
            raise _RowError(f"bad {role} '{shown}' in column '{names[role]}': expected {_EXPECTED[role]}")
        values[role] = value or 0.0
    return values.get("reps", 0.0), values.get("duration", 0.0), values.get("distance", 0.0)


def _valid(role: str, value: float | None) -> bool:
    if value is None:
        return True
    if math.isnan(value):  # not a number at all
        return False
    if role == "reps":
        return value >= 0 and value.is_integer()
    if role == "rpe":
        return 0 <= value <= 10
    return role == "weight" or value >= 0


def _read_rows(reader: "Reader", label: str) -> TrainingLog:  # noqa: PLR0915 - one pass, one classification
    """Read the header, then classify every row once into the counts of a TrainingLog."""
    header = next((row for row in reader if any(cell.strip() for cell in row)), None)
    if header is None:
        raise FileFormatError(f"{label}: empty file: expected a CSV export of {_APPS}")
    columns = _detect(header, label, reader.line_num)
    layout, width, at, names = columns.layout, columns.width, columns.at, columns.names
    date_at, name_at, marker_at, index_at = at["date"], at["exercise"], at["marker"], at["index"]
    # Each distinct combination of a row's numbers (reps, weight, duration, distance, RPE) is read and
    # checked once, and so is each distinct marker and set index: a log repeats them on every row.
    measured = tuple(role for role in _EXPECTED if at[role] >= 0)
    pick = _picker(tuple(at[role] for role in measured))
    amounts: dict[tuple[str, ...], tuple[float, float, float]] = {}
    kinds: dict[str, Kind | None] = {}
    indices: set[str] = set()
    # Sets are counted by their raw (date, name) strings and each distinct pair is checked once
    # after the loop: a workout repeats them on every row, and parsing dates row by row is slow.
    work: dict[tuple[str, str], int] = {}
    timed: dict[tuple[str, str], int] = {}
    cardio: dict[tuple[str, str], int] = {}
    first_line: dict[tuple[str, str], int] = {}
    warmups = not_sets = undone = 0
    problems: list[tuple[int, str]] = []
    end = reader.line_num
    for cells in reader:
        # A quoted field may span lines: the row starts just after the previous one ended.
        start, end = end + 1, reader.line_num
        row = cells
        try:
            if len(cells) != width:
                if not any(cell.strip() for cell in cells):
                    continue
                row = _realigned(cells, columns)
            marker = row[marker_at]
            try:
                kind = kinds[marker]
            except KeyError:
                kind = kinds[marker] = layout.marker(marker)
            texts = pick(row)
            try:
                reps, duration, distance = amounts[texts]
            except KeyError:
                reps, duration, distance = amounts[texts] = _amounts(texts, measured, names)
            if kind is None:
                if not any(cell.strip() for cell in row):
                    continue  # a row of empty fields, as spreadsheets save blank lines
                if (layout.lenient_markers or not marker.strip()) and not reps:
                    # A rest-timer row in the app's language, or an exercise logged without sets.
                    not_sets += 1
                    continue
                raise _RowError(
                    f"bad {layout.marker_noun} '{shown_value(marker.strip())}' in column '{names['marker']}': "
                    f"expected {layout.expected_markers}"
                )
            if kind is Kind.NOT_A_SET:
                not_sets += 1
                continue
            if index_at >= 0 and row[index_at] not in indices:
                if not _is_number(row[index_at].strip()):
                    raise _RowError(
                        f"bad set index '{shown_value(row[index_at].strip())}' in column '{names['index']}': "
                        "expected a whole number"
                    )
                indices.add(row[index_at])
        except _RowError as error:
            problems.append((start, str(error)))
            break
        if kind is Kind.WARMUP:
            warmups += 1
            continue
        # Cardio rows are kept by day and name too: a catalog's conditioning exercises among them count.
        # A distance with reps is a set that travels (walking lunges over 30 m), not cardio.
        if kind is Kind.CARDIO or (distance and not reps):
            tally = cardio
        elif reps:
            tally = work
        elif duration:
            tally = timed
        else:
            undone += 1
            continue
        key = (row[date_at], row[name_at])
        count = tally.get(key)
        if count is None:
            tally[key] = 1
            first_line.setdefault(key, start)
        else:
            tally[key] = count + 1
    return _gather(columns, label, (work, timed, cardio), first_line, problems, (warmups, not_sets, undone))


def _gather(
    columns: _Columns,
    label: str,
    tallies: tuple[dict[tuple[str, str], int], dict[tuple[str, str], int], dict[tuple[str, str], int]],
    first_line: dict[tuple[str, str], int],
    problems: list[tuple[int, str]],
    counts: tuple[int, int, int],
) -> TrainingLog:
    """The log from the raw tallies (sets with reps, timed sets, cardio rows): dates parsed and names
    checked once per distinct pair; timed sets of cardio exercises moved to the cardio rows."""
    from planner.logs.names import is_cardio

    warmups, not_sets, undone = counts
    sets: dict[tuple[date, str], int] = {}
    timed_sets: dict[tuple[date, str], int] = {}
    cardio: dict[tuple[date, str], int] = {}
    days: dict[str, date | None] = {}
    for tally, kind in zip(tallies, ("work", "timed", "cardio"), strict=True):
        for key, count in tally.items():
            when, name = key[0], key[1].strip()
            day = days[when] if when in days else days.setdefault(when, parse_log_date(when))
            if day is None:
                shown = shown_value(when.strip())
                problems.append((first_line[key], f"bad date '{shown}' in column '{columns.names['date']}'"))
            elif not name:
                problems.append((first_line[key], f"no exercise name in column '{columns.names['exercise']}'"))
            elif kind == "cardio" or (kind == "timed" and is_cardio(name)):
                cardio[day, name] = cardio.get((day, name), 0) + count
            else:
                sets[day, name] = sets.get((day, name), 0) + count
                if kind == "timed":
                    timed_sets[day, name] = timed_sets.get((day, name), 0) + count
    if problems:
        line, message = min(problems)
        raise FileFormatError(f"{label}:{line}: {message}")
    return TrainingLog(
        label,
        columns.layout.app,
        sets,
        warmup_sets=warmups,
        skipped_rows=not_sets,
        undone_sets=undone,
        cardio=cardio,
        timed=timed_sets,
    )


_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f]")


def shown_value(text: str, limit: int = 60) -> str:
    """A value from the file as it can be quoted in a one-line message: control characters (a
    newline inside a quoted field) escaped, long values cut."""
    text = _CONTROL.sub(lambda found: repr(found[0])[1:-1], text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _realigned(row: list[str], columns: _Columns) -> list[str]:
    """A row with more or fewer fields than the header, made to fit or refused.

    FitNotes writes exercise names unquoted, so "Overhead Press (Each Side, Dumbbells)" spreads over
    two fields: the extra fields are joined back into the name when the row then reads as a set.
    Spreadsheets add empty fields at the end of a row: those are dropped.
    """
    width = columns.width
    extra = len(row) - width
    if extra > 0:
        name_at = columns.at["exercise"]
        joined = [*row[:name_at], ",".join(row[name_at : name_at + extra + 1]), *row[name_at + extra + 1 :]]
        if not _reads(row[:width], columns) and _reads(joined, columns):
            return joined
        if not any(cell.strip() for cell in row[width:]):
            return row[:width]
    raise _RowError(
        f"{len(row)} field{'s' if len(row) != 1 else ''} where the header has {width}: "
        f"a missing field, or an unquoted '{_quote_hint(row)}' inside one?"
    )


def _reads(row: list[str], columns: _Columns) -> bool:
    """Whether a row's reps and weight read as numbers (or are empty)."""
    return all(_valid(role, _number(row[columns.at[role]])) for role in ("reps", "weight") if columns.at[role] >= 0)


def _quote_hint(row: list[str]) -> str:
    return ";" if any(";" in cell for cell in row) else ","


def _is_number(text: str) -> bool:
    """A set number as the apps write it: ASCII digits ('²' and '٣' are digits to str.isdigit)."""
    return text.isascii() and text.isdigit()


def _header_key(cell: str) -> str:
    return " ".join(cell.strip().lstrip("\ufeff").strip().casefold().split())


def _detect(header: list[str], label: str, line: int) -> _Columns:
    """The app that wrote this header, and where the columns legday reads are."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        found.setdefault(_header_key(cell), index)
    best: tuple[int, Layout, list[str]] | None = None
    for layout in LAYOUTS:
        at = {role: _find(found, layout.columns.get(role, ())) for role in ROLES}
        missing = [role for role in layout.required if at[role] < 0]
        if not missing:
            names = {role: header[index].strip().lstrip("\ufeff") for role, index in at.items() if index >= 0}
            return _Columns(layout, len(header), at, names)
        present = len(layout.required) - len(missing)
        if present >= 2 and (best is None or present > best[0]):
            best = (present, layout, missing)
    if best is not None:
        _, layout, missing = best
        shown = ", ".join(f"'{_display_column(layout, role)}'" for role in missing)
        app = layout.app.display_name
        raise FileFormatError(f"{label}:{line}: this looks like a {app} export but has no column {shown}")
    shown = shown_value(",".join(cell.strip() for cell in header))
    raise FileFormatError(
        f"{label}:{line}: not a {_APPS} export: unknown header '{shown}' "
        "(expected Strong's 'Date', 'Exercise Name', 'Set Order', Hevy's 'start_time', 'exercise_title', "
        "'set_type', FitNotes' 'Date', 'Exercise', 'Category' or Fitbod's 'Date', 'Exercise', 'isWarmup')"
    )


def _find(found: dict[str, int], names: tuple[str, ...]) -> int:
    """The index of the first of `names` the header has, or -1."""
    return next((found[key] for key in map(_header_key, names) if key in found), -1)


def _display_column(layout: Layout, role: str) -> str:
    return layout.columns[role][0]
