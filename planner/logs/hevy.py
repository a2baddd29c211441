"""Hevy's CSV export: `title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,
set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe` (`weight_lbs`, `distance_miles`
with imperial units). The header is the same in every language; the dates and the exercise titles are
written in the app's language (see planner.logs.dates and exercises/data/app_names.toml).
"""

from typing import Final

from planner.logs.model import Kind, Layout, LogApp

_MARKERS: Final = {"normal": Kind.SET, "failure": Kind.SET, "dropset": Kind.SET, "warmup": Kind.WARMUP}


def marker(text: str) -> Kind | None:
    """What a set_type means."""
    return _MARKERS.get(text.strip().casefold())


LAYOUT: Final = Layout(
    app=LogApp.HEVY,
    columns={
        "date": ("start_time",),
        "exercise": ("exercise_title",),
        "marker": ("set_type",),
        "index": ("set_index",),
        "reps": ("reps",),
        "weight": ("weight_kg", "weight_lbs"),
        "duration": ("duration_seconds",),
        "distance": ("distance_km", "distance_miles", "distance_m"),
        "rpe": ("rpe",),
    },
    required=("date", "exercise", "marker", "index"),
    marker=marker,
    marker_noun="set type",
    expected_markers="normal, warmup, failure or dropset",
)
