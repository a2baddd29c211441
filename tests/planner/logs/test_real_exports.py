"""Excerpts of real exports (origins in real/README.md): every app and generation is detected, every
row sorted as the app means it, and the leg exercises map to the catalog."""

import tomllib
from pathlib import Path

import pytest

from exercises.catalog import Catalog
from exercises.names import normalize_name
from planner.logs.model import LogApp
from planner.logs.names import APP_NAMES_FILE, app_names, match_exercise
from planner.logs.read import read_log
from planner.training_log import log_coverage

REAL = Path(__file__).parent / "real"
DATA = Path(__file__).parents[3] / "exercises" / "data"

#: file, app, (working sets, warm-ups, rows that are not sets, undone sets, cardio rows, timed sets),
#: and names in it with the catalog exercise each must map to.
EXPECTED = [
    ("strong_mlahoz.csv", LogApp.STRONG, (33, 0, 0, 0, 0, 2), {"Deadlift": "deadlift"}),
    ("strong_miroslav.csv", LogApp.STRONG, (35, 0, 0, 0, 0, 2), {"Lying Leg Curl (Machine)": "lying_leg_curl"}),
    ("strong_alexandros.csv", LogApp.STRONG, (37, 0, 0, 0, 1, 1), {}),
    (
        "strong_harrig12.csv",
        LogApp.STRONG,
        (31, 0, 0, 0, 0, 0),
        {"Romanian Deadlift (Dumbbell)": "dumbbell_romanian_deadlift"},
    ),
    ("strong_hipml.csv", LogApp.STRONG, (30, 0, 0, 0, 0, 0), {"Hip Thrust (Barbell)": "hip_thrust"}),
    ("strong_dstanek.csv", LogApp.STRONG, (36, 0, 0, 1, 0, 0), {"Seated Leg Curl (Machine)": "seated_leg_curl"}),
    ("hevy_ferreira.csv", LogApp.HEVY, (36, 2, 0, 0, 3, 0), {"Straight Leg Deadlift": "stiff_leg_deadlift"}),
    ("hevy_pablo.csv", LogApp.HEVY, (23, 0, 5, 0, 1, 0), {"Reverse Hyperextension": "reverse_hyperextension"}),
    ("hevy_tony.csv", LogApp.HEVY, (6, 2, 0, 0, 3, 0), {}),
    ("hevy_ahmed.csv", LogApp.HEVY, (34, 0, 0, 0, 0, 2), {"Seated Calf Raise": "seated_calf_raise"}),
    ("hevy_ajccosta.csv", LogApp.HEVY, (27, 13, 0, 1, 2, 1), {"Calf Press (Machine)": "leg_press_calf_raise"}),
    ("hevy_felipe.csv", LogApp.HEVY, (29, 5, 0, 0, 0, 0), {"Seated Leg Curl (Machine)": "seated_leg_curl"}),
    (
        "hevy_gutory.csv",
        LogApp.HEVY,
        (29, 5, 0, 0, 0, 0),
        {"Romanian Deadlift (Dumbbell)": "dumbbell_romanian_deadlift"},
    ),
    ("fitbod_chrsilvi.csv", LogApp.FITBOD, (26, 7, 0, 0, 2, 2), {"Romanian Deadlift": "romanian_deadlift"}),
    ("fitbod_joe.csv", LogApp.FITBOD, (38, 2, 0, 0, 2, 2), {"Kettlebell Swing": "kettlebell_swing"}),
    ("fitbod_jake.csv", LogApp.FITBOD, (34, 2, 0, 0, 2, 0), {"Hip Thrust": "hip_thrust"}),
    ("fitnotes_bilallb.csv", LogApp.FITNOTES, (38, 0, 0, 0, 0, 0), {"Lying Leg Curl Machine": "lying_leg_curl"}),
    ("fitnotes_wmgriffi3.csv", LogApp.FITNOTES, (36, 0, 0, 0, 2, 0), {"Walking Lunges": "walking_lunge"}),
]


def test_every_excerpt_is_tested_and_listed_with_its_origin() -> None:
    files = {path.name for path in REAL.glob("*.csv")}
    assert files == {file for file, *_ in EXPECTED}
    listed = (REAL / "README.md").read_text(encoding="utf-8")
    assert all(f"| {file} |" in listed for file in files)
    assert len(files) >= 12


@pytest.mark.parametrize(("file", "app", "counts", "names"), EXPECTED, ids=[row[0] for row in EXPECTED])
def test_real_exports_read_as_the_apps_mean_them(
    catalog: Catalog, file: str, app: LogApp, counts: tuple[int, ...], names: dict[str, str]
) -> None:
    log = read_log(REAL / file)
    assert log.app is app
    got = (log.working_sets, log.warmup_sets, log.skipped_rows, log.undone_sets, log.cardio_rows, log.timed_sets)
    assert got == counts
    logged = {name for _, name in log.sets}
    for name, exercise_id in names.items():
        assert name in logged
        found = match_exercise(name, catalog)
        assert found is not None
        assert found.id == exercise_id
    result = log_coverage(log, catalog)
    assert result.log.working_sets == log.working_sets
    assert sum(week.sets + week.unmatched_sets for week in result.per_week) == log.working_sets


def test_every_id_in_the_app_name_table_is_in_the_catalog(catalog: Catalog) -> None:
    data = tomllib.loads((DATA / APP_NAMES_FILE).read_text(encoding="utf-8"))
    ids = set(data["exercises"])
    assert ids, "the table maps names"
    assert ids <= set(catalog.exercises), sorted(ids - set(catalog.exercises))
    table = app_names()
    assert set(table.exercises.values()) == ids
    # No name twice (normalized, the table would keep only the last), none the catalog knows already.
    names = [normalize_name(name) for listed in data["exercises"].values() for name in listed]
    assert len(table.exercises) == len(names)
    assert [name for name in names if catalog.names.get(name)] == []
