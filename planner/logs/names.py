"""Exercise names as the apps write them, mapped to the catalog.

An app's name is matched against the catalog's ids, names and aliases, then against the app names
of exercises/data/app_names.toml (names the apps write in English and in their other languages), then
with its parenthesised suffix understood: "Romanian Deadlift (Dumbbell)" or "Levantamento Terra
Romeno (Halteres)" -> the Romanian deadlift, preferring an exercise that uses dumbbells. Case,
accents and punctuation never matter. The app-name table is read on the first match, not at start-up.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Final

from pydantic import BaseModel, ConfigDict, Field

from exercises.catalog import Catalog, Exercise
from exercises.names import normalize_name
from exercises.toml_files import read_package_data
from exercises.vocabulary import Equipment

APP_NAMES_FILE: Final = "app_names.toml"


class _AppNamesFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    equipment: dict[Equipment, list[str]]
    cardio: dict[str, list[str]] = Field(description="{words = [...]}: the words of cardio exercises")
    exercises: dict[str, list[str]] = Field(description="catalog id -> the names apps write for it")


@dataclass(frozen=True)
class AppNames:
    """The app-name table, normalized for look-ups."""

    #: normalized app name -> catalog id
    exercises: Mapping[str, str]
    #: normalized equipment suffix -> catalog equipment
    equipment: Mapping[str, Equipment]
    #: normalized words of cardio exercises
    cardio_words: frozenset[str]


@cache
def app_names() -> AppNames:
    """The shipped app-name table (exercises/data/app_names.toml), read once."""
    parsed = read_package_data(APP_NAMES_FILE).validate(_AppNamesFile)
    return AppNames(
        exercises={normalize_name(name): id_ for id_, names in parsed.exercises.items() for name in names},
        equipment={normalize_name(name): kind for kind, names in parsed.equipment.items() for name in names},
        cardio_words=frozenset(normalize_name(word) for word in parsed.cardio.get("words", ())),
    )


_SUFFIX: Final = re.compile(r"^(?P<base>.*?)\s*\((?P<suffix>[^()]*)\)\s*$")


def match_exercise(name: str, catalog: Catalog) -> Exercise | None:
    """The catalog exercise an app's exercise name means, or None.

    The whole name is tried first ("Deadlift (Barbell)" may be an alias, "Mesa Flexora (Máquina)" an
    app name). Then the parenthesised suffix: an equipment suffix ("(Dumbbell)", "(Halteres)") is
    dropped, preferring an exercise that uses that equipment among "Dumbbell Romanian Deadlift" and
    "Romanian Deadlift"; any other suffix ("Calf Raise (Seated)") is tried as a prefix only ("Seated
    Calf Raise"), because dropping it could change which muscles work.
    """
    table = app_names()
    found = _lookup(name, catalog, table)
    if found is not None:
        return found
    parts = _SUFFIX.match(name)
    if parts is None or not parts["base"]:
        return None
    base, suffix = parts["base"], parts["suffix"].strip()
    equipment = table.equipment.get(normalize_name(suffix))
    if equipment is None:
        found_id = catalog.names.get(f"{suffix} {base}")
        return catalog.exercises[found_id] if found_id is not None else None
    spellings = [f"{suffix} {base}", f"{equipment.value} {base}", f"{base} {equipment.value}"]
    candidates = [catalog.exercises[i] for i in dict.fromkeys(filter(None, map(catalog.names.get, spellings)))]
    plain = _lookup(base, catalog, table)
    if plain is not None:
        # "Levantamento Terra Romeno (Halteres)": the translated base names the barbell lift; its
        # variant with this equipment ("dumbbell Romanian deadlift") is the better match.
        variant = catalog.names.get(f"{equipment.value} {plain.name}")
        candidates += [catalog.exercises[variant]] if variant is not None else []
        candidates.append(plain)
    if not candidates:
        return None
    return next((c for c in candidates if c.can_use(equipment)), candidates[0])


def _lookup(name: str, catalog: Catalog, table: AppNames) -> Exercise | None:
    """A whole name in the catalog, else in the app-name table (for ids this catalog has)."""
    found = catalog.names.get(name)
    if found is None:
        found = table.exercises.get(normalize_name(name))
    return catalog.exercises.get(found) if found is not None else None


def is_cardio(name: str) -> bool:
    """Whether an app's exercise name is a cardio exercise ("Running (Treadmill)", "Cycling")."""
    return not app_names().cardio_words.isdisjoint(_words(name))


def _words(name: str) -> set[str]:
    words = normalize_name(name).split()
    return {*words, *(" ".join(pair) for pair in pairwise(words))}


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
