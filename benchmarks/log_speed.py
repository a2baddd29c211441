"""Training-log benchmark: parse a 100,000-row export and build its coverage report, against 1 s.

A synthetic export is written with the csv module in each format (Strong's older comma export,
Strong's newer semicolon export, Hevy, FitNotes, Fitbod): about ten years of four workouts a week,
each a mix of leg exercises, an upper-body exercise legday does not know, warm-up sets, a set never
done (no reps) and, for Strong, rest-timer rows. Each run times `read_log` + `log_coverage` in this
process; runs are interleaved across the formats and the median is reported with its ratio to the 1 s
budget, and with its ratio to a floor measured in the same runs (csv.reader iterating the file), which
stays put when the machine is busy.

    python benchmarks/log_speed.py [--rows 100000] [--runs 7]
"""

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from timing import ROOT, interleaved

BUDGET_SECONDS = 1.0
#: App names as the exports spell them, plus two the catalog does not know.
EXERCISES = (
    "Romanian Deadlift (Barbell)",
    "Seated Leg Curl (Machine)",
    "Lying Leg Curl (Machine)",
    "Standing Calf Raise (Machine)",
    "Seated Calf Raise (Plate Loaded)",
    "Nordic Hamstring Curl",
    "Hip Thrust (Barbell)",
    "Romanian Deadlift (Dumbbells)",
    "Bench Press (Barbell)",
    "Lat Pulldown (Cable)",
)
STRONG_OLD = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
STRONG_NEW = (
    "Workout #;Date;Workout Name;Duration (sec);Exercise Name;Set Order;Weight (kg);Reps;RPE;"
    "Distance (meters);Seconds;Notes;Workout Notes"
)
HEVY = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
    "weight_kg,reps,distance_km,duration_seconds,rpe"
)
FITNOTES = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment"
FITBOD = "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier"
LAYOUTS = ("strong_old", "strong_new", "hevy", "fitnotes", "fitbod")


def _workouts(rows: int, seed: int) -> list[tuple[datetime, str, str]]:
    """(start, exercise, set marker) per row: 'W' for a warm-up, 'R' for a rest timer, 'U' for a set
    never done, else the set number."""
    rng = random.Random(seed)
    start = datetime(2015, 1, 5, 18, 0)
    out: list[tuple[datetime, str, str]] = []
    workout = 0
    while len(out) < rows:
        when = start + timedelta(days=workout * 7 // 4, minutes=rng.randrange(120))
        for exercise in rng.sample(EXERCISES, 6):
            out.append((when, exercise, "W"))
            for number in range(1, rng.randrange(3, 6)):
                out.append((when, exercise, str(number)))
                if number == 1:
                    out.append((when, exercise, "R"))
            if rng.random() < 0.1:
                out.append((when, exercise, "U"))
        workout += 1
    return out[:rows]


def write_export(path: Path, layout: str, rows: int, seed: int = 0) -> None:
    """Write a synthetic export of `rows` rows in one of LAYOUTS."""
    with path.open("w", newline="", encoding="utf-8") as stream:
        if layout == "hevy":
            writer = csv.writer(stream)
            writer.writerow(HEVY.split(","))
            for when, exercise, marker in _workouts(rows, seed):
                kind = {"W": "warmup", "R": "failure"}.get(marker, "normal")
                index = "0" if marker in "WRU" else marker
                reps = "" if marker == "U" else "10"
                stamp = f"{when.day} {when:%b %Y, %H:%M}"
                writer.writerow(["Legs", stamp, stamp, "", exercise, "", "", index, kind, "60", reps, "", "", ""])
            return
        if layout in ("fitnotes", "fitbod"):
            writer = csv.writer(stream)
            writer.writerow((FITNOTES if layout == "fitnotes" else FITBOD).split(","))
            for when, exercise, marker in _workouts(rows, seed):
                reps = "0" if marker == "U" else "10"
                if layout == "fitnotes":
                    writer.writerow([f"{when:%Y-%m-%d}", exercise, "Legs", "60.0", reps, "", "", "", ""])
                else:
                    warm = "true" if marker == "W" else "false"
                    stamp = f"{when:%Y-%m-%d %H:%M:%S} +0000"
                    writer.writerow([stamp, exercise, f" {reps}", "60.0", "0.0", "0.0", "0.0", "0.0", warm, "", " 1.0"])
            return
        delimiter = "," if layout == "strong_old" else ";"
        header = STRONG_OLD if layout == "strong_old" else STRONG_NEW
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow(header.split(delimiter))
        for number, (when, exercise, marker) in enumerate(_workouts(rows, seed)):
            order = {"R": "Rest Timer", "U": "4"}.get(marker, marker)
            reps = "0" if marker == "U" else "10"
            stamp = f"{when:%Y-%m-%d %H:%M:%S}"
            if layout == "strong_old":
                writer.writerow([stamp, "Legs", "1h 5m", exercise, order, "60", reps, "0", "0", "", "a, b", ""])
            else:
                writer.writerow([number // 40, stamp, "Legs", "3900", exercise, order, "60", reps, "", "", "0", "", ""])


def main() -> None:
    """Write the exports, time parsing + report, print medians and ratios to the budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows per export")
    parser.add_argument("--runs", type=int, default=7, help="interleaved runs per format")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from exercises.catalog import load_catalog
    from planner.training_log import log_coverage, read_log

    catalog = load_catalog()
    layouts = LAYOUTS
    weeks = 0

    def report(path: Path) -> float:
        nonlocal weeks
        start = time.perf_counter()
        result = log_coverage(read_log(path), catalog)
        elapsed = time.perf_counter() - start
        weeks = result.weeks
        return elapsed

    with tempfile.TemporaryDirectory() as folder:
        paths = {layout: Path(folder) / f"{layout}.csv" for layout in layouts}
        for layout, path in paths.items():
            write_export(path, layout, args.rows)
        measures: dict[str, Callable[[], float]] = {}
        for layout, path in paths.items():
            measures[f"floor {layout}"] = partial(_csv_floor, path, ";" if layout == "strong_new" else ",")
            measures[layout] = partial(report, path)
        measured, _ = interleaved(measures, args.runs)
    times = {layout: measured[layout] for layout in layouts}
    floors = {layout: measured[f"floor {layout}"] for layout in layouts}
    heading = f"export ({args.rows} rows)"
    print(f"{heading:24} {'median ms':>10} {'x budget':>9} {'csv floor ms':>13} {'x floor':>8}")
    for layout in layouts:
        median = statistics.median(times[layout])
        floor = statistics.median(floors[layout])
        verdict = "" if median <= BUDGET_SECONDS else "  MISSED"
        print(
            f"{layout:24} {median * 1000:10.1f} {median / BUDGET_SECONDS:9.2f} {floor * 1000:13.1f} "
            f"{median / floor:8.2f}{verdict}"
        )
    print(f"(read_log + log_coverage, {weeks} weeks, {args.runs} interleaved runs each, budget {BUDGET_SECONDS:.0f} s;")
    print(" the floor is csv.reader merely iterating the same file: the ratio to it holds on a busy machine)")


def _csv_floor(path: Path, delimiter: str) -> float:
    """Seconds for the csv module to read every row of the file and do nothing with it."""
    start = time.perf_counter()
    with path.open(newline="", encoding="utf-8") as stream:
        for _ in csv.reader(stream, delimiter=delimiter):
            pass
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
