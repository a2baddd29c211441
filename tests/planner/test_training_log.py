"""Training logs: reading Strong and Hevy exports, mapping their names, averaging coverage by ISO week,
and `legday coverage --log` through typer's runner and a real subprocess."""

import csv
import io
import json
import math
import subprocess
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises.catalog import Catalog, load_catalog
from exercises.exceptions import FileFormatError, InputError
from planner.logs.dates import parse_log_date
from planner.logs.model import LogApp, TrainingLog
from planner.logs.names import match_exercise, suggest_exercise
from planner.logs.read import parse_log, read_log
from planner.training_log import log_coverage, parse_day
from planner.volume import Level

LOGS = Path(__file__).parent / "logs"
Run = Callable[..., subprocess.CompletedProcess[str]]
STRONG_OLD_HEADER = [
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
]
HEVY_HEADER = [
    "title",
    "start_time",
    "end_time",
    "description",
    "exercise_title",
    "superset_id",
    "exercise_notes",
    "set_index",
    "set_type",
    "weight_kg",
    "reps",
    "distance_km",
    "duration_seconds",
    "rpe",
]


def _muscle(result: Any, muscle_id: str) -> Any:
    return next(m for m in result.report.muscles if m.id == muscle_id)


# --- reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "app", "working", "warmups", "skipped", "days"),
    [
        ("strong_old.csv", LogApp.STRONG, 25, 0, 0, 4),
        ("strong_new.csv", LogApp.STRONG, 16, 1, 2, 2),
        ("strong_bom_crlf.csv", LogApp.STRONG, 4, 0, 1, 1),
        ("hevy.csv", LogApp.HEVY, 21, 3, 0, 3),
        ("hevy_iso_bom.csv", LogApp.HEVY, 3, 1, 0, 2),
    ],
)
def test_each_format_is_detected_and_counted(
    file: str, app: LogApp, working: int, warmups: int, skipped: int, days: int
) -> None:
    log = read_log(LOGS / file)
    assert log.app is app
    assert log.working_sets == working
    assert log.warmup_sets == warmups
    assert log.skipped_rows == skipped
    assert len(log.days) == days


def test_strong_old_sets_per_day_and_name() -> None:
    log = read_log(LOGS / "strong_old.csv")
    assert log.sets[date(2024, 3, 5), "Romanian Deadlift (Barbell)"] == 3
    assert log.sets[date(2024, 3, 5), "Standing Calf Raise (Machine)"] == 4
    assert log.sets[date(2024, 3, 19), "Seated Calf Raise (Plate Loaded)"] == 4
    assert log.sets[date(2024, 3, 7), "Bench Press (Barbell)"] == 3


def test_strong_new_skips_warmups_rest_timers_and_notes_but_counts_drop_sets() -> None:
    log = read_log(LOGS / "strong_new.csv")
    assert log.sets[date(2024, 3, 4), "Deadlift (Barbell)"] == 3  # W, Rest Timer not counted
    assert log.sets[date(2024, 3, 4), "Nordic Hamstring Curl"] == 2  # the Note row is not a set
    assert log.sets[date(2024, 3, 7), "Hip Thrust (Barbell)"] == 3  # the D(rop) set counts


def test_bom_crlf_blank_lines_and_quoted_newlines() -> None:
    log = read_log(LOGS / "strong_bom_crlf.csv")
    assert dict(log.sets) == {
        (date(2024, 4, 1), "Stiff Leg Deadlift (Barbell)"): 2,
        (date(2024, 4, 1), "Single Leg Calf Raise (Dumbbell)"): 2,
    }


def test_hevy_counts_failure_and_drop_sets_not_warmups() -> None:
    log = read_log(LOGS / "hevy.csv")
    assert log.sets[date(2023, 12, 28), "Romanian Deadlift (Dumbbell)"] == 3  # warmup, normal x2, failure
    assert log.sets[date(2023, 12, 28), "Leg Curl (Seated)"] == 3  # with a dropset
    assert log.sets[date(2024, 1, 9), "Seated Calf Raise"] == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05 18:02:11", date(2024, 3, 5)),
        ("2024-03-05", date(2024, 3, 5)),
        ("2024-03-05T18:02:00Z", date(2024, 3, 5)),
        ("2024-03-05T23:30:00+02:00", date(2024, 3, 5)),
        ("5 Mar 2024, 18:02", date(2024, 3, 5)),
        ("05 Mar 2024, 18:02", date(2024, 3, 5)),
        ("5 March 2024 18:02", date(2024, 3, 5)),
        ("29 Feb 2024, 6:02 PM", date(2024, 2, 29)),
        (" 5 Sept 2024, 07:00 ", date(2024, 9, 5)),
        ("2024-13-45 18:02:11", None),
        ("2023-02-29", None),
        ("2024-03-05 25:00:00", None),
        ("5 Mrz 2024, 18:02", None),
        ("30 Feb 2024, 18:02", None),
        ("5 Mar 2024, 13:02 PM", None),
        ("yesterday", None),
        ("", None),
        ("\u0662\u0660\u0662\u0664-\u0660\u0663-\u0660\u0665", None),  # Arabic-Indic digits are not the apps'
    ],
)
def test_log_dates(text: str, expected: date | None) -> None:
    assert parse_log_date(text) == expected


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            "bad_header.csv",
            "bad_header.csv:1: not a Strong, Hevy, FitNotes or Fitbod export: unknown header 'when,what,how many'",
        ),
        ("bad_date.csv", "bad_date.csv:4: bad date '2024-13-45 18:02:11' in column 'Date'"),
        ("bad_missing_field.csv", "bad_missing_field.csv:4: 9 fields where the header has 12"),
        ("bad_set_index.csv", "bad_set_index.csv:4: bad set index 'one' in column 'set_index'"),
        (
            "bad_no_set_order.csv",
            "bad_no_set_order.csv:1: this looks like a Strong export but has no column 'Set Order'",
        ),
        ("not_utf8.csv", "not_utf8.csv:2: not UTF-8 text (byte 0xe9)"),
        ("empty.csv", "empty.csv: empty file"),
        ("no_such_file.csv", "no_such_file.csv: no such file"),
    ],
)
def test_bad_files_name_the_file_and_line(file: str, message: str) -> None:
    with pytest.raises(FileFormatError) as raised:
        read_log(LOGS / file)
    assert raised.value.message.startswith(str(LOGS / file))
    assert message in raised.value.message
    assert "\n" not in raised.value.message


def test_a_directory_is_not_a_log() -> None:
    with pytest.raises(FileFormatError, match="is a directory"):
        read_log(LOGS)


def _strong(*rows: str) -> bytes:
    return ("\n".join([",".join(STRONG_OLD_HEADER), *rows]) + "\n").encode()


ROW = '2024-03-05 18:02:11,Legs,1h,"Romanian Deadlift (Barbell)",{order},100,8,0,0,"","",'


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_strong(ROW.format(order=1), ROW.format(order="Cooldown")), "log.csv:3: bad set order 'Cooldown'"),
        (_strong(ROW.format(order='"1\n2"')), "log.csv:2: bad set order '1\\n2'"),
        (_strong(ROW.format(order=1), ROW.format(order="")), "log.csv:3: bad set order ''"),
        (_strong(ROW.format(order="\u00b2")), "log.csv:2: bad set order '\u00b2'"),
        (_strong(ROW.format(order=1) + ",extra"), "log.csv:2: 13 fields where the header has 12"),
        (_strong(ROW.format(order=1).replace('"Romanian Deadlift (Barbell)"', '" "')), "log.csv:2: no exercise name"),
        (_strong(ROW.format(order=1), '"' + "x" * 200_000 + '"'), "log.csv:3: not valid CSV: field larger than"),
        (_strong(ROW.format(order=1), '2024-03-05,"unterminated'), "log.csv:3: 2 fields where the header has 12"),
        (b"\n\n  \n", "log.csv: empty file"),
        (",".join(HEVY_HEADER).encode() + b"\n", None),
        (
            (",".join(HEVY_HEADER) + "\nLegs,5 Mar 2024 18:02,,,RDL,,,0,cooldown,1,1,,,\n").encode(),
            "log.csv:2: bad set type 'cooldown' in column 'set_type'",
        ),
    ],
)
def test_broken_rows(raw: bytes, message: str | None) -> None:
    if message is None:
        assert parse_log(raw, "log.csv").working_sets == 0
        return
    with pytest.raises(FileFormatError) as raised:
        parse_log(raw, "log.csv")
    assert message in raised.value.message


@settings(max_examples=80, deadline=None)
@given(value=st.text(min_size=1, max_size=80), column=st.sampled_from([0, 4]))
def test_a_bad_value_is_quoted_on_one_line(value: str, column: int) -> None:
    """Whatever a bad date or set order holds (a newline in a quoted field), the message is one line."""
    row = ["2024-03-05 18:02:11", "Legs", "1h", "Good Morning (Barbell)", "1", "1", "1", "0", "0", "", "", ""]
    row[column] = value
    stream = io.StringIO()
    csv.writer(stream).writerows([STRONG_OLD_HEADER, row])
    message = _failure(stream.getvalue().encode())
    assert message is None or ("\n" not in message and message.startswith("junk.csv"))


@pytest.mark.parametrize(
    ("order", "working", "warmups", "skipped"),
    [("1", 1, 0, 0), (" 2 ", 1, 0, 0), ("d", 1, 0, 0), ("w", 0, 1, 0), ("REST TIMER", 0, 0, 1), ("note", 0, 0, 1)],
)
def test_set_markers_in_any_case(order: str, working: int, warmups: int, skipped: int) -> None:
    log = parse_log(_strong(ROW.format(order=order)), "log.csv")
    assert (log.working_sets, log.warmup_sets, log.skipped_rows) == (working, warmups, skipped)


def test_trailing_empty_fields_and_empty_rows_are_tolerated() -> None:
    raw = _strong(ROW.format(order=1) + ",,", ",,,,,,,,,,,", "", ROW.format(order=2))
    assert parse_log(raw, "log.csv").working_sets == 2


def test_the_earliest_problem_is_reported() -> None:
    bad_date = ROW.format(order=1).replace("2024-03-05", "2024-02-30")
    broken = "2024-03-05 18:02:11,Legs,1h"
    assert "log.csv:3: bad date" in _error(_strong(ROW.format(order=1), bad_date, broken))
    assert "log.csv:3: 3 fields" in _error(_strong(ROW.format(order=1), broken, bad_date))


def _error(raw: bytes) -> str:
    with pytest.raises(FileFormatError) as raised:
        parse_log(raw, "log.csv")
    return raised.value.message


def test_semicolon_export_with_units_and_workout_number() -> None:
    header = "Workout #;Date;Workout Name;Duration (sec);Exercise Name;Set Order;Weight (lbs);Reps;RPE;"
    header += "Distance (miles);Seconds;Notes;Workout Notes"
    row = '7;2024-03-05 18:02:11;"Legs";3600;"Good Morning (Barbell)";1;135;8;;;0;"a, b";"c; d"'
    log = parse_log(f"{header}\r\n{row}\r\n{row.replace(';1;', ';2;')}\r\n".encode(), "x.csv")
    assert log.app is LogApp.STRONG
    assert dict(log.sets) == {(date(2024, 3, 5), "Good Morning (Barbell)"): 2}


# --- the property: every working set is counted once, whatever the order --------------------------

WORKING_HEVY = ["normal", "failure", "dropset"]
NAMES = ["Romanian Deadlift (Barbell)", 'Curl, "seated"', "Calf Raise\nStanding", "Bench Press (Barbell)"]
row_specs = st.lists(
    st.tuples(
        st.integers(0, 60),  # day offset
        st.sampled_from(NAMES),
        st.sampled_from(["work", "warmup", "rest", "note"]),
        st.integers(0, 2),  # which working marker
    ),
    max_size=60,
)


@settings(max_examples=120, deadline=None)
@given(
    rows=row_specs,
    app=st.sampled_from([LogApp.STRONG, LogApp.HEVY]),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
    order=st.randoms(use_true_random=False),
)
def test_working_sets_are_counted_once_whatever_the_order(
    rows: list[tuple[int, str, str, int]], app: LogApp, newline: str, bom: bool, order: Any
) -> None:
    if app is LogApp.HEVY:
        rows = [row for row in rows if row[2] not in ("rest", "note")]  # Hevy has no such rows
    shuffled = list(rows)
    order.shuffle(shuffled)
    expected = Counter((date(2024, 1, 1 + offset % 28), name) for offset, name, kind, _ in rows if kind == "work")
    for variant in (rows, shuffled):
        log = parse_log(_export(variant, app, newline, bom), "log.csv")
        assert log.working_sets == sum(1 for row in rows if row[2] == "work")
        assert Counter(dict(log.sets)) == expected


def _export(rows: list[tuple[int, str, str, int]], app: LogApp, newline: str, bom: bool) -> bytes:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator=newline)
    writer.writerow(STRONG_OLD_HEADER if app is LogApp.STRONG else HEVY_HEADER)
    for number, (offset, name, kind, marker) in enumerate(rows):
        day = 1 + offset % 28
        if app is LogApp.STRONG:
            order = {"work": ["1", "D", "F"][marker], "warmup": "W", "rest": "Rest Timer", "note": "Note"}[kind]
            writer.writerow([f"2024-01-{day:02d} 18:00:00", "Legs", "1h", name, order, 1, 1, 0, 0, "", "", ""])
        else:
            set_type = WORKING_HEVY[marker] if kind == "work" else "warmup"
            stamp = f"{day} Jan 2024, 18:00"
            writer.writerow(["Legs", stamp, stamp, "", name, "", "", number, set_type, 1, 1, "", "", ""])
    return (b"\xef\xbb\xbf" if bom else b"") + stream.getvalue().encode()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_parse_or_fail_with_one_line(raw: bytes) -> None:
    for data in (raw, b"Date,Exercise Name,Set Order\n" + raw):
        message = _failure(data)
        assert message is None or (message.startswith("junk.csv") and "\n" not in message)


def _failure(data: bytes) -> str | None:
    try:
        parse_log(data, "junk.csv")
    except FileFormatError as error:
        return error.message
    return None


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Romanian Deadlift (Barbell)", "romanian_deadlift"),
        ("ROMANIAN-deadlift", "romanian_deadlift"),
        ("Romanian Deadlift (Dumbbell)", "dumbbell_romanian_deadlift"),
        ("Romanian Deadlift (Dumbbells)", "dumbbell_romanian_deadlift"),  # equipment preferred
        ("Good Morning (Dumbbell)", "good_morning"),  # equipment suffix dropped
        ("Glute Ham Raise (Bodyweight)", "glute_ham_raise"),
        ("Calf Raise (Seated)", "seated_calf_raise"),  # qualifier read as a prefix
        ("Seated Calf Raise (Plate Loaded)", "seated_calf_raise"),
        ("Calf Press on Seated Leg Press", "leg_press_calf_raise"),  # Strong
        ("Back Extension (Weighted Hyperextension)", "back_extension"),  # Hevy
        ("Bench Press (Barbell)", None),
        ("Leg Curl (Machine)", "lying_leg_curl"),  # the family name 'Leg curl': its most common variant
        ("Leg Extension (Machine)", "leg_extension"),  # counts nothing here, but is known
        ("Good Morning (Paused)", None),  # an unknown qualifier is not dropped
        ("(Barbell)", None),
    ],
)
def test_app_names_map_to_the_catalog(catalog: Catalog, name: str, expected: str | None) -> None:
    found = match_exercise(name, catalog)
    assert (found.id if found else None) == expected


USER_CATALOG = """
[[exercises]]
id = "zercher_hinge"
name = "Zercher hinge"
equipment = ["barbell"]
pattern = "hip_hinge"
muscles = { primary = ["semimembranosus"] }

[[exercises]]
id = "kettlebell_zercher_hinge"
name = "Kettlebell Zercher hinge"
equipment = ["kettlebell"]
pattern = "hip_hinge"
muscles = { primary = ["semitendinosus"] }
"""


def test_the_suffix_equipment_picks_the_variant(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(USER_CATALOG)
    mine = load_catalog([path])
    assert _id(match_exercise("Zercher Hinge (Kettlebell)", mine)) == "kettlebell_zercher_hinge"
    assert _id(match_exercise("Zercher Hinge (Barbell)", mine)) == "zercher_hinge"
    assert _id(match_exercise("Zercher Hinge (Smith Machine)", mine)) == "zercher_hinge"
    assert match_exercise("Zercher Hinge (Paused)", mine) is None
    assert suggest_exercise("Zercher Hinge (Paused)", mine) == "zercher_hinge"


def _id(found: Any) -> str | None:
    return found.id if found is not None else None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Romanian Dedlift", "romanian_deadlift"),
        ("Romanian Deadlift (Barbel)", "romanian_deadlift"),
        ("Leg Curl (Machine)", "lying_leg_curl"),  # a spelling that contains "leg curl" beats "toe curl"
        ("Nordic Curls", "nordic_curl"),
        ("Lat Pulldown (Cable)", None),
        ("Bench Press (Barbell)", None),  # not "Leg Press": a far-fetched guess is worse than none
        ("Bicep Curl (Dumbbell)", None),
    ],
)
def test_suggestions_for_unmatched_names(catalog: Catalog, name: str, expected: str | None) -> None:
    assert suggest_exercise(name, catalog) == expected


# --- weeks and coverage ----------------------------------------------------------------------------


def test_average_over_iso_weeks_counts_weeks_without_leg_work(catalog: Catalog) -> None:
    result = log_coverage(read_log(LOGS / "strong_old.csv"), catalog)
    # W10: RDL 3 + seated curl 3; W11: bench only; W12: lying curl 3 + good morning 3.
    assert result.weeks == 3
    assert (result.since, result.until) == (date(2024, 3, 5), date(2024, 3, 19))
    assert [w.week for w in result.per_week] == ["2024-W10", "2024-W11", "2024-W12"]
    assert [w.days for w in result.per_week] == [2, 1, 1]
    assert [w.sets for w in result.per_week] == [10, 0, 10]
    long_head = _muscle(result, "biceps_femoris_long_head")
    assert long_head.effective == pytest.approx(12 / 3)
    assert long_head.days == pytest.approx(2 / 3)
    assert [u.model_dump() for u in result.unmatched] == [
        {"name": "Bench Press (Barbell)", "sets": 5, "suggestion": None}
    ]


@pytest.mark.parametrize("file", ["strong_old.csv", "strong_new.csv", "hevy.csv", "strong_bom_crlf.csv"])
def test_the_report_is_the_mean_of_the_weeks(catalog: Catalog, file: str) -> None:
    result = log_coverage(read_log(LOGS / file), catalog)
    assert len(result.per_week) == result.weeks
    for muscle in result.report.muscles:
        mean = sum(week.effective[muscle.id] for week in result.per_week) / result.weeks
        assert muscle.effective == pytest.approx(mean)


def test_the_same_work_as_a_plan_gives_the_same_coverage(catalog: Catalog) -> None:
    """One week of logged work is judged exactly like the same routine written as a plan."""
    from planner.coverage import coverage_report
    from planner.plan_file import plan_from_data

    log = read_log(LOGS / "strong_new.csv")
    plan = plan_from_data(
        {
            "days": [
                {"exercises": [{"exercise": "deadlift", "sets": 3}, {"exercise": "nordic_curl", "sets": 2}]},
                {"exercises": [{"exercise": "leg_press_calf_raise", "sets": 3}]},
                {
                    "exercises": [
                        {"exercise": "hip_thrust", "sets": 3},
                        {"exercise": "single_leg_romanian_deadlift", "sets": 3},
                        {"exercise": "towel_curl", "sets": 2},
                    ]
                },
            ]
        },
        catalog,
    )
    from_log = log_coverage(log, catalog).report
    from_plan = coverage_report(plan, catalog, Level.INTERMEDIATE)
    for logged, planned in zip(from_log.muscles, from_plan.muscles, strict=True):
        assert (logged.id, logged.sets, logged.effective, logged.status) == (
            planned.id,
            planned.sets,
            planned.effective,
            planned.status,
        )
    assert from_log.missed == from_plan.missed


@settings(max_examples=60, deadline=None)
@given(
    workouts=st.lists(
        st.tuples(
            st.integers(0, 20),
            st.lists(
                st.tuples(
                    st.sampled_from(["romanian_deadlift", "Nordic curl", "seated_calf_raise", "RDL", "back_squat"]),
                    st.integers(1, 6),
                ),
                min_size=1,
                max_size=5,
            ),
        ),
        min_size=1,
        max_size=12,
    ),
)
def test_the_log_is_tallied_as_coverage_tallies_its_workout_days(
    workouts: list[tuple[int, list[tuple[str, int]]]],
) -> None:
    """A log's report is planner.coverage's tally of its workout days (each date one session, its
    sets summed per exercise), averaged over the window's ISO weeks and judged with one cap warning per
    muscle: here built from the rows directly."""
    from planner.coverage import average_tallies, report_from_tally, tally_sessions

    catalog = load_catalog()
    first = date(2024, 1, 1)
    rows = [
        f"{(first + timedelta(days=offset)).isoformat()} 18:00:00,Legs,1h,{name},{number},60,8,0,0,,,"
        for offset, work in workouts
        for name, sets in work
        for number in range(1, sets + 1)
    ]
    result = log_coverage(parse_log(_strong(*rows), "log.csv"), catalog)
    by_day: dict[date, dict[str, int]] = {}
    for offset, work in workouts:
        day = by_day.setdefault(first + timedelta(days=offset), {})
        for name, sets in work:
            exercise_id = catalog.exercise(name).id
            day[exercise_id] = day.get(exercise_id, 0) + sets
    sessions = [(day.isoformat(), sorted(by_day[day].items())) for day in sorted(by_day)]
    # The window runs from the first workout to the last; every ISO week it touches counts.
    mondays = {day - timedelta(days=day.weekday()) for day in by_day}
    weeks = (max(mondays) - min(mondays)).days // 7 + 1
    expected = report_from_tally(
        average_tallies([tally_sessions(sessions, catalog)], weeks),
        catalog,
        Level.INTERMEDIATE,
        worst_session_only=True,
    )
    assert result.weeks == weeks
    assert result.report == expected  # raw floats, not the rounded dump


def test_a_long_log_warns_once_per_muscle_for_its_worst_session(catalog: Catalog) -> None:
    """Years of heavy days would give a warning per session; a log gives one per muscle, with a count."""
    first = date(2024, 1, 1)
    rows = [
        f"{(first + timedelta(days=2 * index)).isoformat()} 18:00:00,Legs,1h,Nordic Curl,{number},0,5,0,0,,,"
        for index in range(200)
        for number in range(1, 13 + (index == 57))
    ]
    result = log_coverage(parse_log(_strong(*rows), "log.csv"), catalog)
    warnings = result.to_data()["warnings"]
    assert len({w["muscle"] for w in warnings}) == len(warnings) > 0
    semitendinosus = next(w for w in warnings if w["muscle"] == "semitendinosus")
    assert semitendinosus["day"] == (first + timedelta(days=2 * 57)).isoformat()
    assert (semitendinosus["effective"], semitendinosus["cap"], semitendinosus["sessions_over_cap"]) == (13, 10, 200)
    assert semitendinosus["message"].startswith(f"{semitendinosus['day']}: Semitendinosus gets 13 effective sets")
    assert "(the most of 200 sessions over it)" in semitendinosus["message"]


def test_window_bounds_are_inclusive_and_partial_weeks_count(catalog: Catalog) -> None:
    log = read_log(LOGS / "strong_old.csv")
    result = log_coverage(log, catalog, since=date(2024, 3, 11), until=date(2024, 3, 19))
    assert result.weeks == 2
    assert _muscle(result, "biceps_femoris_long_head").effective == pytest.approx(6 / 2)
    only_last = log_coverage(log, catalog, since=date(2024, 3, 19), until=date(2024, 3, 19))
    assert only_last.weeks == 1
    assert _muscle(only_last, "biceps_femoris_long_head").effective == 6


def test_a_window_of_more_than_a_hundred_years_is_refused(catalog: Catalog) -> None:
    """A stray date would otherwise give a line per week for millennia."""
    log = read_log(LOGS / "strong_old.csv")
    with pytest.raises(InputError, match=r"spans \d+ weeks, more than 100 years: check the log's dates"):
        log_coverage(log, catalog, since=date(1, 1, 1), until=date(9999, 12, 31))
    assert log_coverage(log, catalog, since=date(1950, 1, 2), until=date(2049, 12, 31)).weeks == 5218


def test_a_window_wholly_outside_the_log_names_its_first_and_last_day(catalog: Catalog) -> None:
    log = read_log(LOGS / "strong_old.csv")
    for since, until in ((date(2025, 1, 6), date(2025, 1, 19)), (date(2020, 1, 6), date(2020, 1, 19))):
        with pytest.raises(InputError, match=r"; the log runs from 2024-03-05 to 2024-03-19$"):
            log_coverage(log, catalog, since=since, until=until)


def test_an_open_window_without_workouts_is_an_error(catalog: Catalog) -> None:
    with pytest.raises(InputError, match=r"no workouts on or after 2025-01-01; the log runs from 2024-03-05"):
        log_coverage(read_log(LOGS / "strong_old.csv"), catalog, since=date(2025, 1, 1))
    with pytest.raises(InputError, match="since 2024-04-01 is after until 2024-03-01"):
        log_coverage(read_log(LOGS / "strong_old.csv"), catalog, since=date(2024, 4, 1), until=date(2024, 3, 1))
    empty = TrainingLog("empty.csv", LogApp.HEVY, {})
    with pytest.raises(InputError, match=r"empty\.csv: no working sets"):
        log_coverage(empty, catalog)


def test_weeks_cross_the_iso_year(catalog: Catalog) -> None:
    result = log_coverage(read_log(LOGS / "hevy.csv"), catalog, level=Level.BEGINNER)
    assert [w.week for w in result.per_week] == ["2023-W52", "2024-W01", "2024-W02"]
    assert result.per_week[1].days == 0
    assert result.report.level is Level.BEGINNER
    assert {u.name: u.sets for u in result.unmatched} == {"Bench Press (Barbell)": 3, "Hamstring Wall Hold": 2}
    # Warm-ups are not counted: 3 working sets of the dumbbell RDL in the whole window.
    dumbbell_rdl = catalog.exercises["dumbbell_romanian_deadlift"]
    assert "dumbbell_romanian_deadlift" in _muscle(result, dumbbell_rdl.muscles.primary[0]).exercises


def test_user_dates(catalog: Catalog) -> None:
    assert parse_day("2024-03-04", "since") == date(2024, 3, 4)
    for bad in ("2024-3-4", "04/03/2024", "2024-02-30", ""):
        with pytest.raises(InputError, match=f"bad date '{bad}': expected YYYY-MM-DD") as raised:
            parse_day(bad, "since")
        assert raised.value.parameters == ("since",)


# --- command line --------------------------------------------------------------------------------


def test_cli_json(cli: Callable[..., Any]) -> None:
    result = cli("coverage", "--log", str(LOGS / "strong_old.csv"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"muscles", "missed", "under", "over", "suggestions", "weeks", "unmatched"} <= set(data)
    assert data["weeks"] == 3
    assert data["unmatched"][0]["name"] == "Bench Press (Barbell)"
    assert data["unmatched"][0]["sets"] == 5
    assert set(data["unmatched"][0]) == {"name", "sets", "suggestion"}
    assert [w["week"] for w in data["per_week"]] == ["2024-W10", "2024-W11", "2024-W12"]
    muscle = next(m for m in data["muscles"] if m["id"] == "biceps_femoris_long_head")
    assert {"id", "group", "sets", "effective", "days", "target", "status"} <= set(muscle)
    assert muscle["effective"] == 4


def test_cli_window_and_level(cli: Callable[..., Any]) -> None:
    args = ["coverage", "--log", str(LOGS / "strong_old.csv"), "--since", "2024-03-11", "--level", "advanced"]
    data = json.loads(cli(*args, "--json").stdout)
    assert data["weeks"] == 2
    assert data["level"] == "advanced"
    assert data["since"] == "2024-03-11"


def test_cli_human_output(cli: Callable[..., Any], golden: Callable[[str, str], None], monkeypatch: Any) -> None:
    monkeypatch.chdir(LOGS)
    result = cli("coverage", "--log", "strong_old.csv")
    assert result.exit_code == 0, result.output
    assert "strong_old.csv, the average of 3 ISO weeks from 2024-03-05 to 2024-03-19" in result.stdout
    assert "weeks without it count as zero" in result.stdout
    assert "Bench Press (Barbell)" in result.stdout
    golden("coverage_log_strong_old.txt", result.stdout)


def test_cli_reads_standard_input(cli: Callable[..., Any]) -> None:
    result = cli("coverage", "--log", "-", "--json", input=(LOGS / "hevy.csv").read_text())
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["log"]["file"] == "<stdin>"


@pytest.mark.parametrize(
    "file",
    [
        "bad_header.csv:1",
        "bad_date.csv:4",
        "bad_missing_field.csv:4",
        "bad_set_index.csv:4",
        "bad_no_set_order.csv:1",
        "bad_reps.csv:3",
        "bad_weight.csv:2",
        "bad_rpe.csv:3",
        "bad_fitnotes_time.csv:2",
        "bad_hevy_month.csv:3",
        "not_utf8.csv:2",
        "empty.csv",
        "no_such_file.csv",
    ],
)
def test_bad_logs_exit_2_with_one_line(run_legday: Run, file: str) -> None:
    name = file.split(":", maxsplit=1)[0]
    done = run_legday("coverage", "--log", name, "--json", cwd=LOGS)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"legday: {file}")
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--log", "hevy.csv", "--since", "2024-13-01"], "--since: bad date '2024-13-01'"),
        (["--log", "hevy.csv", "--until", "soon"], "--until: bad date 'soon'"),
        (["--since", "2024-01-01"], "'--since': it needs --log FILE"),
        (["plan.toml", "--log", "hevy.csv"], "'--log': give a training log or a routine"),
        (["--log", "hevy.csv", "-e", "rdl"], "'--log': give a training log or a routine"),
        (["--log", "hevy.csv", "--since", "2025-01-01"], "hevy.csv: no workouts on or after 2025-01-01"),
        (["--log", "."], ".: is a directory"),
    ],
)
def test_bad_usage_exits_2_with_one_line(run_legday: Run, args: list[str], message: str) -> None:
    done = run_legday("coverage", *args, cwd=LOGS)
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_strict_exits_1_and_still_prints_one_json_document(run_legday: Run) -> None:
    done = run_legday("coverage", "--log", "hevy.csv", "--strict", "--json", cwd=LOGS)
    assert done.returncode == 1
    assert json.loads(done.stdout)["weeks"] == 3
    assert "coverage --strict" in done.stderr


def test_large_counts_stay_finite(catalog: Catalog) -> None:
    """A long log still gives finite, non-negative averages (no division by zero weeks)."""
    rows = [
        f'2024-{month:02d}-{day:02d} 18:00:00,Legs,1h,"Seated Leg Curl (Machine)",1,1,1,0,0,"","",'
        for month in range(1, 13)
        for day in (3, 17)
    ]
    result = log_coverage(parse_log(_strong(*rows), "year.csv"), catalog)
    assert result.weeks > 40
    assert len(result.report.muscles) == 10
    assert all(math.isfinite(m.effective) and m.effective >= 0 for m in result.report.muscles)


WALL_HOLD = """
[[exercises]]
id = "hamstring_wall_hold"
name = "Hamstring wall hold"
aliases = ["Hamstring Wall Hold"]
equipment = ["bodyweight"]
pattern = "knee_flexion"
muscles = { primary = ["biceps_femoris_short_head"] }
"""


def test_a_user_catalog_maps_what_the_built_in_one_does_not(cli: Callable[..., Any], tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(WALL_HOLD)
    plain = json.loads(cli("coverage", "--log", str(LOGS / "hevy.csv"), "--json").stdout)
    result = cli("coverage", "--log", str(LOGS / "hevy.csv"), "--catalog", str(mine), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [u["name"] for u in data["unmatched"]] == ["Bench Press (Barbell)"]

    def short_head(document: Any) -> float:
        return float(next(m for m in document["muscles"] if m["id"] == "biceps_femoris_short_head")["effective"])

    assert short_head(data) == pytest.approx(short_head(plain) + 2 / 3, abs=0.01)  # 2 sets over 3 weeks, rounded
