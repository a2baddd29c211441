"""FitNotes' (Android) CSV export: `Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time
[,Comment]`, or with the unit in its own column (`Weight,Weight Unit`). Every row is a set; the
category `Cardio` marks cardio entries, and Time is `h:mm:ss`.
"""

from typing import Final

from planner.logs.model import Kind, Layout, LogApp


def marker(text: str) -> Kind | None:
    """What a Category means: Cardio is cardio, any other category (the user names them) a set."""
    return Kind.CARDIO if text.strip().casefold() == "cardio" else Kind.SET


LAYOUT: Final = Layout(
    app=LogApp.FITNOTES,
    columns={
        "date": ("Date",),
        "exercise": ("Exercise",),
        "marker": ("Category",),
        "reps": ("Reps",),
        "weight": ("Weight", "Weight (kgs)", "Weight (lbs)"),
        "duration": ("Time",),
        "distance": ("Distance",),
    },
    required=("date", "exercise", "marker"),
    marker=marker,
    marker_noun="category",
    expected_markers="a category",
)
