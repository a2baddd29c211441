"""Every generation and language of the exports, and sets as the apps mean them: written from the
headers, markers and titles the apps use (sources named per test), beside the real excerpts."""

import json
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises.catalog import Catalog
from exercises.exceptions import FileFormatError, InputError
from planner.logs.dates import parse_log_date
from planner.logs.model import LogApp
from planner.logs.names import is_cardio, match_exercise
from planner.logs.read import parse_log
from planner.training_log import MAX_EMPTY_WEEKS, log_coverage

LOGS = Path(__file__).parent
Run = Callable[..., subprocess.CompletedProcess[str]]


def _csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def test_strong_newest_export_quoted_with_spelled_out_markers() -> None:
    header = (
        '"Workout #","Date","Workout Name","Duration (sec)","Exercise Name","Set Order","Weight (kg)","Reps",'
        '"RPE","Distance (meters)","Seconds","Notes","Workout Notes"'
    )
    row = (
        '"1","2024-05-01 09:00:00","Legs","3600","Romanian Deadlift (Barbell)","{order}","100","{reps}",'
        '"","","{secs}","",""'
    )
    log = parse_log(
        _csv(
            header,
            row.format(order="WARM_UP", reps=5, secs=""),
            row.format(order="1", reps=8, secs=""),
            row.format(order="Rest Timer", reps="", secs=90),
            row.format(order="FAILURE", reps=6, secs=""),
            row.format(order="DROP_SET", reps=10, secs=""),
            row.format(order="2", reps=0, secs=""),
        ),
        "strong.csv",
    )
    assert (log.app, log.working_sets, log.warmup_sets, log.skipped_rows, log.undone_sets) == (
        LogApp.STRONG,
        3,
        1,
        1,
        1,
    )


def test_strong_in_german_and_french() -> None:
    # German headers as jjaju/statlift's columns.json lists them (iOS), rest rows 'Ruhezeit'.
    german = parse_log(
        _csv(
            "Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.,Entfernung,Sekunden,"
            "Notizen,Workout-Notizen,RPE",
            '2025-08-23 17:51:23,"Beine",1h,"Lying Leg Curl (Machine)",1,50.0,12.0,0,0.0,"","",',
            '2025-08-23 17:51:23,"Beine",1h,"Lying Leg Curl (Machine)",Ruhezeit,0,0.0,0,120.0,,,',
            '2025-08-23 17:51:23,"Beine",1h,"Lying Leg Curl (Machine)",2,55.0,10.0,0,0.0,,,8',
        ),
        "de.csv",
    )
    assert (german.app, german.working_sets, german.skipped_rows) == (LogApp.STRONG, 2, 1)
    french = parse_log(
        _csv(
            "Date,Nom de l'entraînement,Durée,Nom de l'exercice,Ordre de la série,Poids,Réps,Distance,Secondes,"
            "RPE,Notes",
            "2025-01-01 10:00:00,Jambes,60m,Seated Leg Curl (Machine),1,40,12,0,0,8,",
            "2025-01-01 10:00:00,Jambes,60m,Seated Leg Curl (Machine),Minuterie de repos,0,0,0,90,,",
        ),
        "fr.csv",
    )
    assert (french.working_sets, french.skipped_rows) == (1, 1)


def test_an_unknown_strong_marker_with_reps_is_an_error() -> None:
    header = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Seconds"
    with pytest.raises(FileFormatError, match=r"^log.csv:2: bad set order 'Cooldown' in column 'Set Order'"):
        parse_log(_csv(header, "2024-03-05 18:02:11,Legs,Deadlift,Cooldown,100,5,0"), "log.csv")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 Mai 2026, 07:34", date(2026, 5, 5)),
        ("1 Fev 2026, 07:34", date(2026, 2, 1)),
        ("9 Abr 2026, 18:00", date(2026, 4, 9)),
        ("9 Ago 2026, 18:00", date(2026, 8, 9)),
        ("9 Set 2026, 18:00", date(2026, 9, 9)),
        ("9 Out 2026, 18:00", date(2026, 10, 9)),
        ("24 Dez 2026, 18:00", date(2026, 12, 24)),
        ("3 ene 2026, 18:00", date(2026, 1, 3)),
        ("24 dic 2026, 18:00", date(2026, 12, 24)),
        ("5. März 2026, 07:34", date(2026, 3, 5)),
        ("5 Okt 2026, 07:34", date(2026, 10, 5)),
        ("5 févr. 2026, 07:34", date(2026, 2, 5)),
        ("5 août 2026, 07:34", date(2026, 8, 5)),
        ("5 giu 2026, 07:34", date(2026, 6, 5)),
        ("5 mei 2026, 07:34", date(2026, 5, 5)),
        ("Jun 11, 2026, 1:01 PM", date(2026, 6, 11)),
        ("2021-01-17 22:14:35 +0000", date(2021, 1, 17)),
        ("2024-05-01 9:00:00\u202fPM", date(2024, 5, 1)),
        ("2024-05-01 9:00:00 AM", date(2024, 5, 1)),
        ("2024-05-01 13:00:00 PM", None),
        ("5 Mau 2026, 07:34", None),
        ("31 Fev 2026, 07:34", None),
        ("Jun 11, 2026, 13:01 PM", None),
    ],
)
def test_dates_in_the_apps_languages(text: str, expected: date | None) -> None:
    assert parse_log_date(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Portuguese, Spanish, German, French and Italian titles of Hevy's leg curls and calf raises
        # (Hevy's own pt/es/de/fr/it titles), and Brazilian gym names.
        ("Cadeira Flexora (Máquina)", "seated_leg_curl"),
        ("Mesa Flexora (Máquina)", "lying_leg_curl"),
        ("Elevação de Panturrilha Sentado (Máquina)", "seated_calf_raise"),
        ("Stiff", "stiff_leg_deadlift"),
        ("Curl de Piernas Acostado (Máquina)", "lying_leg_curl"),
        ("Elevación de Gemelos Sentado", "seated_calf_raise"),
        ("Peso Muerto Rumano (Mancuernas)", "dumbbell_romanian_deadlift"),
        ("Liegendes Beinbeugen (Maschine)", "lying_leg_curl"),
        ("Wadenheben sitzend", "seated_calf_raise"),
        ("Rumänisches Kreuzheben (Langhantel)", "romanian_deadlift"),
        ("Leg Curl Allongé (Machine)", "lying_leg_curl"),
        ("Extension Mollets Assis", "seated_calf_raise"),
        ("Soulevé de Terre Roumain (Barre)", "romanian_deadlift"),
        ("Leg Curl Sdraiato (Macchina)", "lying_leg_curl"),
        ("Calf Raise Seduto", "seated_calf_raise"),
        ("Stacco Rumeno (Bilanciere)", "romanian_deadlift"),
        ("Сгибание ног лежа (Тренажёр)", "lying_leg_curl"),
        ("躺着腿弯举\uff08机\uff09", "lying_leg_curl"),  # Hevy's full-width parentheses
        ("Oturarak Calf Raise", "seated_calf_raise"),
        ("Lying Leg Curl (Makine)", "lying_leg_curl"),
        # Names real logs use.
        ("Calf Extension (Machine)", "leg_press_calf_raise"),
        ("Physioball Leg Curl", "stability_ball_leg_curl"),
        ("SL Standing Calf Raise (Machine)", "single_leg_calf_raise"),
        ("Kettlebell Swing One Hand", "kettlebell_swing"),
        ("Laying Curls(single Leg)", "lying_leg_curl"),
        ("Single Leg Calf Extension", "single_leg_calf_raise"),
        ("Isometric Bridge", "glute_bridge"),
        # Generic and app names the catalog itself knows.
        ("Leg Curl", "lying_leg_curl"),
        ("Hip Extension", "back_extension"),
        ("Deadlift Hex", "trap_bar_deadlift"),
        ("Rack Pull (Barbell)", "rack_pull"),
        ("Leg Extension (Machine)", "leg_extension"),
        ("Bench Press (Barbell)", None),
    ],
)
def test_app_and_translated_names(catalog: Catalog, name: str, expected: str | None) -> None:
    found = match_exercise(name, catalog)
    assert (found.id if found else None) == expected


def test_hevy_in_portuguese(catalog: Catalog) -> None:
    header = (
        "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
        "weight_kg,reps,distance_km,duration_seconds,rpe"
    )
    row = 'Pernas,"{day} Mai 2026, 07:34","{day} Mai 2026, 08:30",,{name},,,{index},normal,40,10,,,'
    log = parse_log(
        _csv(
            header,
            row.format(day=5, name="Mesa Flexora (Máquina)", index=0),
            row.format(day=5, name="Cadeira Flexora (Máquina)", index=0),
            row.format(day=7, name="Elevação de Panturrilha Sentado (Máquina)", index=0),
            row.format(day=7, name="Stiff", index=0),
        ),
        "pt.csv",
    )
    result = log_coverage(log, catalog)
    assert result.unmatched == ()
    assert (result.since, result.until, result.weeks) == (date(2026, 5, 5), date(2026, 5, 7), 1)


def test_sets_as_the_apps_mean_them() -> None:
    header = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment"
    log = parse_log(
        _csv(
            header,
            "2024-03-05,Romanian Deadlift,Legs,100.0,8,,,,",
            "2024-03-05,Romanian Deadlift,Legs,100.0,0,,,,",  # no reps, no time: not done
            "2024-03-05,Isometric Bridge,Legs,,,,,0:00:45,",  # a timed hold counts
            "2024-03-05,Running (Treadmill),Legs,,,,,0:20:00,",  # a cardio exercise's time does not
            "2024-03-05,Sled Push,Legs,,,0.5,km,,",  # a distance does not
            "2024-03-05,Cycling,Cardio,,,,,0:30:00,",
            "2024-03-05,Overhead Press (Each Side, Dumbbells),Shoulders,8.0,5,,,,",  # FitNotes' unquoted comma
        ),
        "fitnotes.csv",
    )
    assert log.app is LogApp.FITNOTES
    assert (log.working_sets, log.timed_sets, log.undone_sets, log.cardio_rows) == (3, 1, 1, 3)
    assert "Overhead Press (Each Side, Dumbbells)" in {name for _, name in log.sets}
    assert is_cardio("Jump Rope")
    assert not is_cardio("Nordic Curl")


def test_fitbod_warmups_and_weights_in_pounds() -> None:
    log = parse_log(
        _csv(
            "Date,Exercise,Reps,Weight(lbs),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier",
            "2021-01-17 22:14:35 +0000,Romanian Deadlift, 8,135.0,0.0,0.0,0.0,0.0,true,, 1.0",
            "2021-01-17 22:14:35 +0000,Romanian Deadlift, 8,185.0,0.0,0.0,0.0,0.0,false,, 1.0",
            "2021-01-17 22:14:35 +0000,Walking, 0,0.0,1412.4,1874.8,0.0,0.0,false,, 0.0",
        ),
        "fitbod.csv",
    )
    assert (log.app, log.working_sets, log.warmup_sets, log.cardio_rows) == (LogApp.FITBOD, 1, 1, 1)


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("bad_reps.csv", "bad_reps.csv:3: bad reps 'eight' in column 'Reps': expected a whole number of reps"),
        ("bad_weight.csv", "bad_weight.csv:2: bad weight '40kg' in column 'weight_kg': expected a number"),
        ("bad_rpe.csv", "bad_rpe.csv:3: bad rpe '11' in column 'RPE': expected an RPE from 0 to 10"),
        ("bad_fitnotes_time.csv", "bad_fitnotes_time.csv:2: bad duration '1 minute' in column 'Time'"),
        ("bad_hevy_month.csv", "bad_hevy_month.csv:3: bad date '5 Mau 2026, 07:34' in column 'start_time'"),
    ],
)
def test_unreadable_values_exit_2_with_the_file_and_line(run_legday: Run, file: str, message: str) -> None:
    done = run_legday("coverage", "--log", str(LOGS / file), cwd=LOGS)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"legday: {LOGS / file}:")
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_window_outside_the_log_exits_2_naming_its_first_and_last_day(run_legday: Run) -> None:
    log = str(LOGS / "strong_old.csv")
    done = run_legday("coverage", "--log", log, "--since", "2030-01-01", "--until", "2030-02-01")
    assert done.returncode == 2
    assert "the log runs from 2024-03-05 to 2024-03-19" in done.stderr


def _two_blocks() -> Any:
    header = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Seconds"
    rows = [f"{day} 18:00:00,Legs,Romanian Deadlift (Barbell),1,100,8,0" for day in ("2024-01-02", "2024-03-05")]
    return parse_log(_csv(header, *rows), "gap.csv")


def test_a_long_break_is_named_with_the_since_that_skips_it(
    catalog: Catalog, cli: Callable[..., Any], tmp_path: Path
) -> None:
    result = log_coverage(_two_blocks(), catalog)
    (stretch,) = result.empty_stretches
    assert stretch.weeks > MAX_EMPTY_WEEKS
    assert (stretch.start, stretch.end, stretch.resume) == (date(2024, 1, 8), date(2024, 3, 3), date(2024, 3, 4))
    assert result.to_data()["empty_stretches"] == [
        {"start": "2024-01-08", "end": "2024-03-03", "weeks": 8, "resume": "2024-03-04"}
    ]
    path = tmp_path / "gap.csv"
    path.write_bytes(
        _csv(
            "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Seconds",
            "2024-01-02 18:00:00,Legs,Romanian Deadlift (Barbell),1,100,8,0",
            "2024-03-05 18:00:00,Legs,Romanian Deadlift (Barbell),1,100,8,0",
        )
    )
    shown = cli("coverage", "--log", str(path))
    assert shown.exit_code == 0
    assert "No workout for 8 weeks, from 2024-01-08 to 2024-03-03: --since 2024-03-04" in " ".join(shown.stdout.split())
    data = json.loads(cli("coverage", "--log", str(path), "--json").stdout)
    assert data["empty_stretches"][0]["resume"] == "2024-03-04"
    # Four empty weeks are not a break worth naming.
    short = parse_log(
        _csv(
            "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Seconds",
            "2024-01-02 18:00:00,Legs,Romanian Deadlift (Barbell),1,100,8,0",
            "2024-02-06 18:00:00,Legs,Romanian Deadlift (Barbell),1,100,8,0",
        ),
        "short.csv",
    )
    assert log_coverage(short, catalog).empty_stretches == ()
    with pytest.raises(InputError):
        log_coverage(short, catalog, since=date(2025, 1, 1), until=date(2025, 2, 1))


#: Hevy rows of each kind: (set_type, reps, duration, distance) and the count it adds to.
_HEVY_ROWS = {
    "working": ("normal", "8", "", ""),
    "failure": ("failure", "5", "", ""),
    "timed": ("normal", "", "45", ""),
    "undone": ("normal", "", "", ""),
    "zero": ("dropset", "0", "0", ""),
    "warmup": ("warmup", "10", "", ""),
    "distance": ("normal", "", "600", "1.5"),
}


@given(
    rows=st.lists(
        st.tuples(st.sampled_from(sorted(_HEVY_ROWS)), st.sampled_from(["Romanian Deadlift (Barbell)", "Plank"])),
        max_size=40,
    )
)
@settings(max_examples=60, deadline=None)
def test_every_row_is_counted_once_as_what_it_is(rows: list[tuple[str, str]]) -> None:
    header = (
        "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
        "weight_kg,reps,distance_km,duration_seconds,rpe"
    )
    lines = [header]
    for index, (kind, name) in enumerate(rows):
        set_type, reps, duration, distance = _HEVY_ROWS[kind]
        lines.append(f'Legs,"5 Mar 2024, 18:02",,,{name},,,{index},{set_type},60,{reps},{distance},{duration},')
    log = parse_log(_csv(*lines), "hevy.csv")
    kinds = [kind for kind, _ in rows]
    assert log.working_sets == sum(kinds.count(kind) for kind in ("working", "failure", "timed"))
    assert log.timed_sets == kinds.count("timed")
    assert log.undone_sets == kinds.count("undone") + kinds.count("zero")
    assert log.warmup_sets == kinds.count("warmup")
    assert log.cardio_rows == kinds.count("distance")
    assert log.skipped_rows == 0


#: Rows of one workout as (name, reps, weight, seconds, metres), None where the app leaves a field
#: empty: a set with reps, then conditioning work logged by time or distance, then cardio.
_CONDITIONING_WORKOUT = (
    ("Romanian Deadlift", 8, 100, None, None),
    ("Sprints", None, None, 15, None),  # a cardio word's time: read as cardio
    ("Sprints", None, None, 15, None),
    ("Sled Drag", None, 40, None, 20),  # a distance: read as cardio
    ("Pogo Hops", None, None, 30, None),  # a time: read as a timed hold
    ("Running (Treadmill)", None, None, 1200, 3000),
    ("Cycling", None, None, 1800, None),
)
_CARDIO_CATEGORY = {"Sprints", "Running (Treadmill)", "Cycling"}


def _field(value: float | None, empty: str = "") -> str:
    return empty if value is None else f"{value:g}"


def _strong(name: str, reps: int | None, weight: float | None, seconds: int | None, metres: int | None) -> str:
    amounts = f"{_field(weight)},{_field(reps)},{_field(metres)},{_field(seconds, '0')}"
    return f"2024-03-05 18:00:00,Legs,1h,{name},1,{amounts},,,"


def _hevy(name: str, reps: int | None, weight: float | None, seconds: int | None, metres: int | None) -> str:
    km = None if metres is None else metres / 1000
    return (
        f'Legs,"5 Mar 2024, 18:02",,,{name},,,0,normal,{_field(weight)},{_field(reps)},{_field(km)},{_field(seconds)},'
    )


def _fitnotes(name: str, reps: int | None, weight: float | None, seconds: int | None, metres: int | None) -> str:
    # FitNotes writes its Cardio category for cardio exercises; a user may file sprints there too.
    category = "Cardio" if name in _CARDIO_CATEGORY else "Legs"
    time = "" if seconds is None else f"0:{seconds // 60:02d}:{seconds % 60:02d}"
    return f"2024-03-05,{name},{category},{_field(weight)},{_field(reps)},{_field(metres)},m,{time},"


def _fitbod(name: str, reps: int | None, weight: float | None, seconds: int | None, metres: int | None) -> str:
    # Fitbod writes every number, 0 for what a set does not have.
    values = (reps or 0, weight or 0.0, seconds or 0.0, metres or 0.0)
    return "2024-03-05 18:00:00 +0000,{},{},{:.1f},{:.1f},{:.1f},0.0,0.0,false,,1.0".format(name, *values)


_FORMATS: dict[str, tuple[str, Callable[[str, int | None, float | None, int | None, int | None], str]]] = {
    "strong": (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
        _strong,
    ),
    "hevy": (
        "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
        "weight_kg,reps,distance_km,duration_seconds,rpe",
        _hevy,
    ),
    "fitnotes": ("Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment", _fitnotes),
    "fitbod": (
        "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier",
        _fitbod,
    ),
}


def _conditioning_log(app: str) -> bytes:
    header, row = _FORMATS[app]
    return _csv(header, *(row(*spec) for spec in _CONDITIONING_WORKOUT))


@pytest.mark.parametrize("app", sorted(_FORMATS))
def test_conditioning_logged_by_time_or_distance_counts_and_cardio_does_not(app: str, catalog: Catalog) -> None:
    """Sprints timed, a sled drag over a distance, pogo hops timed: one working set a row, as the
    catalog flags them conditioning; a treadmill run and a ride stay cardio, counted nothing."""
    log = parse_log(_conditioning_log(app), f"{app}.csv")
    assert log.app is LogApp(app)
    # The reader knows no catalog: it reads the sprints and the drag as cardio, the hops as a hold.
    assert (log.working_sets, log.timed_sets, log.cardio_rows, log.conditioning_sets) == (2, 1, 5, 0)
    result = log_coverage(log, catalog)
    assert (result.log.working_sets, result.log.conditioning_sets) == (5, 4)
    assert (result.log.timed_sets, result.log.cardio_rows) == (0, 2)
    assert result.unmatched == ()
    assert result.per_week[0].sets == 5
    effective = {m.id: m.effective for m in result.report.muscles}
    # Sprinting counts half a set for the short head (2 sprints); the Romanian deadlift none.
    assert effective["biceps_femoris_short_head"] == 1
    # Half a set a sprint and the drag, a whole one for the hops.
    assert effective["gastrocnemius"] == 2.5


@pytest.mark.parametrize("app", sorted(_FORMATS))
def test_reps_over_a_distance_are_a_set_not_cardio(app: str) -> None:
    header, row = _FORMATS[app]
    walked = row("Walking Lunge", 20, 20, None, 30)
    log = parse_log(_csv(header, walked, row("Running (Treadmill)", None, None, 1200, 3000)), f"{app}.csv")
    assert (log.working_sets, log.timed_sets, log.cardio_rows) == (1, 0, 1)


def test_with_conditioning_leaves_cardio_and_other_holds_as_read(catalog: Catalog) -> None:
    from planner.training_log import with_conditioning

    header, row = _FORMATS["strong"]
    log = parse_log(
        _csv(
            header,
            row("Isometric Bridge", None, None, 45, None),
            row("Running (Treadmill)", None, None, 600, None),
            row("Sprints", None, None, 12, None),
        ),
        "strong.csv",
    )
    counted = with_conditioning(log, catalog)
    assert (counted.timed_sets, counted.cardio_rows, counted.conditioning_sets, counted.working_sets) == (1, 1, 1, 2)
    assert with_conditioning(counted, catalog) == counted
    bare = parse_log(_csv(header, row("Romanian Deadlift", 8, 100, None, None)), "strong.csv")
    assert with_conditioning(bare, catalog) is bare


def test_coverage_of_a_log_says_what_conditioning_it_counted(cli: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "hevy.csv"
    path.write_bytes(_conditioning_log("hevy"))
    shown = " ".join(cli("coverage", "--log", str(path)).stdout.split())
    assert "5 working sets (4 of them conditioning work logged by time or distance; 2 cardio rows not counted)" in shown
    data = json.loads(cli("coverage", "--log", str(path), "--json").stdout)
    assert (data["log"]["conditioning_sets"], data["log"]["cardio_rows"], data["log"]["working_sets"]) == (4, 2, 5)


def test_a_cardio_row_needs_a_date_legday_can_read() -> None:
    """Cardio rows are kept by day now (conditioning among them counts): a bad date is an error."""
    header, row = _FORMATS["strong"]
    bad = row("Sprints", None, None, 12, None).replace("2024-03-05 18:00:00", "someday")
    with pytest.raises(FileFormatError, match=r"strong\.csv:3: bad date 'someday' in column 'Date'"):
        parse_log(_csv(header, row("Romanian Deadlift", 8, 100, None, None), bad), "strong.csv")
