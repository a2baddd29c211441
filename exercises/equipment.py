"""Equipment as lifters have it: what each piece is, the names people type for it, and what an
exercise's equipment groups need ("all of these groups, any one of each").

Plain data and functions with no pydantic import: the command line parses `--equipment` with them at
start-up cost only when the option is given.
"""

from collections.abc import Collection, Iterable, Mapping
from functools import cache
from typing import Final, NamedTuple

from exercises.exceptions import UnknownNameError
from exercises.names import NameIndex, normalize_name
from exercises.vocabulary import Equipment, EquipmentNeeds


class EquipmentInfo(NamedTuple):
    """One piece of equipment: its id, the name people know it by (lower case but for proper
    names, to sit inside a sentence), what it is, and other names."""

    id: Equipment
    name: str
    description: str
    aliases: tuple[str, ...]


#: Every piece of equipment in vocabulary order. Aliases are other names typed for it; plurals of
#: every spelling are understood without listing them.
EQUIPMENT: Final[Mapping[Equipment, EquipmentInfo]] = {
    info.id: info
    for info in (
        EquipmentInfo(Equipment.BARBELL, "barbell", "a long bar with plates, and a rack to start from", ("bar",)),
        EquipmentInfo(Equipment.DUMBBELL, "dumbbell", "a pair of dumbbells", ("db",)),
        EquipmentInfo(Equipment.KETTLEBELL, "kettlebell", "one or two kettlebells", ("kb",)),
        EquipmentInfo(
            Equipment.MACHINE,
            "machine",
            "a gym's selectorized or plate-loaded machines: leg curl, leg press, calf raise",
            ("gym machine", "plate loaded", "lever"),
        ),
        EquipmentInfo(Equipment.CABLE, "cable", "a cable stack with an ankle strap or a rope", ("cable machine",)),
        EquipmentInfo(Equipment.BAND, "resistance band", "a loop or tube band", ("resistance band", "loop band")),
        EquipmentInfo(
            Equipment.BODYWEIGHT, "bodyweight", "nothing but the floor, a step and a wall: always at hand", ("none",)
        ),
        EquipmentInfo(
            Equipment.BENCH, "flat bench", "a flat bench or a sturdy box", ("flat bench", "box", "weight bench")
        ),
        EquipmentInfo(Equipment.TRAP_BAR, "trap bar", "a hexagonal bar you stand inside", ("hex bar", "hexagonal bar")),
        EquipmentInfo(Equipment.SMITH_MACHINE, "Smith machine", "a barbell fixed in rails", ("smith", "smith rack")),
        EquipmentInfo(
            Equipment.HYPEREXTENSION_BENCH,
            "hyperextension bench",
            "a 45-degree back extension bench (roman chair) with a hip pad and ankle rollers",
            ("back extension bench", "45 degree bench", "roman chair", "hyper bench", "hyperextension"),
        ),
        EquipmentInfo(
            Equipment.GHD,
            "GHD",
            "a glute-ham developer: a horizontal bench with a knee pad and a foot plate, for glute-ham raises",
            ("glute ham developer", "glute ham bench", "glute ham raise bench", "ghr bench"),
        ),
        EquipmentInfo(
            Equipment.NORDIC_ANCHOR,
            "Nordic anchor",
            "something that holds the heels down for Nordic curls: a Nordic bench or strap, a partner, "
            "a loaded bar or a lat-pulldown pad",
            ("anchor", "nordic bench", "nordic strap", "foot anchor", "ankle anchor"),
        ),
        EquipmentInfo(
            Equipment.SLIDERS,
            "sliders",
            "gliding discs, or towels on a smooth floor",
            ("slider", "gliders", "glider", "gliding discs", "slider discs", "valslides"),
        ),
        EquipmentInfo(
            Equipment.STABILITY_BALL,
            "stability ball",
            "a large inflatable exercise ball",
            ("swiss ball", "exercise ball", "physio ball", "gym ball", "fitness ball"),
        ),
        EquipmentInfo(
            Equipment.SLED,
            "sled",
            "a weight sled or prowler to drag or push, with a harness or straps",
            ("prowler", "weight sled", "drag sled", "push sled"),
        ),
    )
}


@cache
def equipment_index() -> NameIndex:
    """Every spelling of every piece of equipment: its id, its name and its aliases."""
    index = NameIndex("equipment")
    for info in EQUIPMENT.values():
        index.add_all((info.id.value, info.name, *info.aliases), info.id.value)
    return index


def _singular(key: str) -> str | None:
    """'dumbbells' -> 'dumbbell', 'benches' -> 'bench', 'trap bars' -> 'trap bar'; None if not plural."""
    if key.endswith(("ches", "shes", "xes", "sses")):
        return key[:-2]
    if key.endswith("s") and not key.endswith("ss"):
        return key[:-1]
    return None


def find_equipment(name: str) -> Equipment:
    """The equipment a typed name means, in any case, singular or plural: 'Dumbbells', 'hex bar',
    'smith-machine'. Raises UnknownNameError with the closest names otherwise."""
    index = equipment_index()
    found = index.get(name)
    if found is None:
        singular = _singular(normalize_name(name))
        found = index.get(singular) if singular else None
    if found is None:
        raise UnknownNameError("equipment", name, index.suggestions(name))
    return Equipment(found)


def parse_equipment(texts: Iterable[str]) -> tuple[Equipment, ...]:
    """Equipment as people type it on a command line: each text a name or a comma-separated list
    ('dumbbell,bench'). The result is in vocabulary order, without repeats."""
    wanted: set[Equipment] = set()
    for text in texts:
        parts = [part.strip() for part in text.split(",")]
        if not any(parts):
            raise UnknownNameError("equipment", text, ())
        wanted.update(find_equipment(part) for part in parts if part)
    return tuple(item for item in Equipment if item in wanted)


def needs_met(needs: EquipmentNeeds, at_hand: Collection[Equipment]) -> bool:
    """True when every group has one piece at hand (bodyweight always is)."""
    return all(any(item is Equipment.BODYWEIGHT or item in at_hand for item in group) for group in needs)


def missing_groups(needs: EquipmentNeeds, at_hand: Collection[Equipment]) -> EquipmentNeeds:
    """The groups of which nothing is at hand."""
    return tuple(group for group in needs if not any(i is Equipment.BODYWEIGHT or i in at_hand for i in group))


def needs_items(needs: EquipmentNeeds) -> tuple[Equipment, ...]:
    """Every piece of equipment any group names, in vocabulary order."""
    named = {item for group in needs for item in group}
    return tuple(item for item in Equipment if item in named)


def needs_data(needs: EquipmentNeeds) -> list[str | list[str]]:
    """The needs as a catalog file writes them: a name for a group of one, a list for a choice."""
    return [group[0].value if len(group) == 1 else [item.value for item in group] for group in needs]


def needs_text(needs: EquipmentNeeds) -> str:
    """The needs for people: 'dumbbell or kettlebell + flat bench', 'Nordic anchor, GHD or barbell'."""
    texts = []
    for group in needs:
        names = [EQUIPMENT[item].name for item in group]
        texts.append(names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}")
    return " + ".join(texts)
