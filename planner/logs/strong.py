"""Strong's CSV export, every generation and language of it.

- The early export (2016): `Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes`, sets
  numbered from 0, the units in the column names.
- The comma export: `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,
  Notes,Workout Notes,RPE`; Set Order W, D and F mark warm-up, drop and failure sets.
- The semicolon export with units: `Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;
  RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes[;Workout Duration]`.
- The newest: `"Workout #","Date","Workout Name","Duration (sec)","Exercise Name","Set Order","Weight
  (kg)","Reps","RPE","Distance (meters)","Seconds","Notes","Workout Notes"`, every field quoted, set
  markers spelled out (WARM_UP, FAILURE, DROP_SET) and `Rest Timer` rows.
- Translated: the app writes the header in its language (German `Datum,Workout-Name,Dauer,Name der
  Übung,Reihenfolge festlegen,Gewicht,Wiederh.,Entfernung,Sekunden,Notizen,Workout-Notizen,RPE`, rest
  rows `Ruhezeit`; French `Date,Nom de l'entraînement,Durée,Nom de l'exercice,Ordre de la série,Poids,
  Réps,Distance,Secondes,RPE,Notes`).

A Set Order that is none of these, on a row without reps, is a rest-timer or note row in a language
legday does not list: the app writes no reps there.
"""

from typing import Final

from planner.logs.model import Kind, Layout, LogApp

_MARKERS: Final = {
    "w": Kind.WARMUP,
    "warm_up": Kind.WARMUP,
    "warmup": Kind.WARMUP,
    "warm up": Kind.WARMUP,
    "d": Kind.SET,
    "drop_set": Kind.SET,
    "dropset": Kind.SET,
    "drop set": Kind.SET,
    "f": Kind.SET,
    "failure": Kind.SET,
    "normal": Kind.SET,
    "rest timer": Kind.NOT_A_SET,
    "rest_timer": Kind.NOT_A_SET,
    "ruhezeit": Kind.NOT_A_SET,
    "note": Kind.NOT_A_SET,
    "notes": Kind.NOT_A_SET,
}


def marker(text: str) -> Kind | None:
    """What a Set Order means: a number is a set (numbered from 0 or 1), a letter or word a marked set."""
    text = text.strip()
    if text.isascii() and text.isdigit():
        return Kind.SET
    return _MARKERS.get(text.casefold())


LAYOUT: Final = Layout(
    app=LogApp.STRONG,
    columns={
        "date": ("Date", "Datum"),
        "exercise": ("Exercise Name", "Name der Übung", "Nom de l'exercice"),
        "marker": ("Set Order", "Reihenfolge festlegen", "Ordre de la série"),
        "reps": ("Reps", "Wiederh.", "Réps"),
        "weight": ("Weight", "Weight (kg)", "Weight (lbs)", "kg", "lbs", "Gewicht", "Poids"),
        "duration": ("Seconds", "Sekunden", "Secondes"),
        "distance": ("Distance", "Distance (meters)", "km", "mi", "Entfernung"),
        "rpe": ("RPE",),
    },
    required=("date", "exercise", "marker"),
    marker=marker,
    marker_noun="set order",
    expected_markers="a set number, W, D, F, WARM_UP, DROP_SET, FAILURE, 'Rest Timer' or 'Note'",
    lenient_markers=True,
)
