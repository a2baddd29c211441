"""Fitbod's CSV export: `Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,
isWarmup,Note,multiplier`, one row a set, dates such as `2021-01-17 22:14:35 +0000`.
"""

from typing import Final

from planner.logs.model import Kind, Layout, LogApp

_MARKERS: Final = {"false": Kind.SET, "": Kind.SET, "0": Kind.SET, "true": Kind.WARMUP, "1": Kind.WARMUP}


def marker(text: str) -> Kind | None:
    """What isWarmup means."""
    return _MARKERS.get(text.strip().casefold())


LAYOUT: Final = Layout(
    app=LogApp.FITBOD,
    columns={
        "date": ("Date",),
        "exercise": ("Exercise",),
        "marker": ("isWarmup",),
        "reps": ("Reps",),
        "weight": ("Weight(kg)", "Weight(lbs)", "Weight (kg)", "Weight (lbs)", "Weight"),
        "duration": ("Duration(s)", "Duration (s)"),
        "distance": ("Distance(m)", "Distance (m)"),
    },
    required=("date", "exercise", "marker"),
    marker=marker,
    marker_noun="warm-up flag",
    expected_markers="true or false",
)
