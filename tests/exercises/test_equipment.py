"""Equipment as lifters have it: groups of alternatives, names people type, old files still read."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.catalog import Catalog, load_catalog
from exercises.equipment import (
    EQUIPMENT,
    equipment_index,
    find_equipment,
    missing_groups,
    needs_data,
    needs_met,
    needs_text,
    parse_equipment,
)
from exercises.exceptions import UnknownNameError
from exercises.vocabulary import Equipment, EquipmentNeeds


def test_every_piece_is_described_and_every_spelling_names_one_piece() -> None:
    assert list(EQUIPMENT) == list(Equipment)
    index = equipment_index()
    for info in EQUIPMENT.values():
        assert info.description
        assert info.name
        for spelling in (info.id.value, info.name, *info.aliases):
            assert index.get(spelling) == info.id.value, spelling


def test_the_first_vocabulary_keeps_its_names_and_order() -> None:
    """Plan files written before the vocabulary grew list these names in this order."""
    first = ["barbell", "dumbbell", "kettlebell", "machine", "cable", "band", "bodyweight", "bench"]
    assert [item.value for item in Equipment][: len(first)] == first


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("dumbbells", Equipment.DUMBBELL),
        ("Dumbbell", Equipment.DUMBBELL),
        ("BENCHES", Equipment.BENCH),
        ("hex bar", Equipment.TRAP_BAR),
        ("Trap Bars", Equipment.TRAP_BAR),
        ("smith-machine", Equipment.SMITH_MACHINE),
        ("Roman chair", Equipment.HYPEREXTENSION_BENCH),
        ("GHDs", Equipment.GHD),
        ("glute-ham developer", Equipment.GHD),
        ("Swiss balls", Equipment.STABILITY_BALL),
        ("slider", Equipment.SLIDERS),
        ("resistance bands", Equipment.BAND),
    ],
)
def test_names_people_type(typed: str, expected: Equipment) -> None:
    assert find_equipment(typed) is expected


def test_an_unknown_name_gets_the_closest() -> None:
    with pytest.raises(UnknownNameError) as raised:
        find_equipment("dumbel")
    assert raised.value.message == "unknown equipment 'dumbel': did you mean 'dumbbell'?"


def test_comma_lists_repeats_and_order() -> None:
    assert parse_equipment(["bench,Dumbbells", " kettlebell ", "dumbbell"]) == (
        Equipment.DUMBBELL,
        Equipment.KETTLEBELL,
        Equipment.BENCH,
    )
    with pytest.raises(UnknownNameError):
        parse_equipment([","])
    with pytest.raises(UnknownNameError, match="'rope'"):
        parse_equipment(["cable,rope"])


NEEDS = st.lists(st.lists(st.sampled_from(list(Equipment)), min_size=1, max_size=3, unique=True), min_size=1).map(
    lambda groups: tuple(tuple(group) for group in groups)
)


@given(needs=NEEDS, at_hand=st.sets(st.sampled_from(list(Equipment))))
def test_needs_are_met_when_one_piece_of_every_group_is_at_hand(needs: EquipmentNeeds, at_hand: set[Equipment]) -> None:
    met = needs_met(needs, at_hand)
    assert met == all(Equipment.BODYWEIGHT in g or at_hand.intersection(g) for g in needs)
    assert met == (missing_groups(needs, at_hand) == ())
    # Adding the first piece of every missing group is always enough.
    assert needs_met(needs, at_hand | {group[0] for group in missing_groups(needs, at_hand)})


@given(needs=NEEDS)
def test_needs_round_trip_through_the_file_form(
    needs: EquipmentNeeds, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import tomli_w

    entry = {
        "id": "x_curl",
        "name": "X curl",
        "equipment": needs_data(needs),
        "pattern": "knee_flexion",
        "muscles": {"primary": ["semitendinosus"]},
    }
    path = tmp_path_factory.mktemp("needs") / "mine.toml"
    path.write_text(tomli_w.dumps({"exercises": [entry]}))
    exercise = load_catalog([path]).exercise("x_curl")
    # Repeats within a group are dropped; the groups and their order stay.
    assert exercise.equipment == tuple(tuple(dict.fromkeys(group)) for group in needs)
    assert exercise.model_dump(mode="json")["equipment"] == needs_data(exercise.equipment)


def test_a_flat_list_still_means_all_of_them(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text(
        '[[exercises]]\nid = "x_curl"\nname = "X curl"\nequipment = ["dumbbell", "bench"]\n'
        'pattern = "knee_flexion"\nmuscles = { primary = ["semitendinosus"] }\n'
    )
    exercise = load_catalog([path]).exercise("x_curl")
    assert exercise.equipment == ((Equipment.DUMBBELL,), (Equipment.BENCH,))
    assert not exercise.available_with([Equipment.DUMBBELL])
    assert exercise.available_with([Equipment.DUMBBELL, Equipment.BENCH])


def test_the_catalog_says_what_each_exercise_really_needs(catalog: Catalog) -> None:
    single_leg = catalog.exercises["single_leg_romanian_deadlift"]
    assert single_leg.available_with([Equipment.KETTLEBELL])
    assert single_leg.available_with([Equipment.DUMBBELL])
    assert needs_text(single_leg.equipment) == "dumbbell or kettlebell"
    assert catalog.exercises["glute_ham_raise"].equipment == ((Equipment.GHD,),)
    assert catalog.exercises["trap_bar_deadlift"].can_use(Equipment.TRAP_BAR)
    nordic = catalog.exercises["nordic_curl"]
    assert not nordic.available_with([]), "Nordics need something to hold the heels"
    assert nordic.available_with([Equipment.GHD])
    assert nordic.available_with([Equipment.NORDIC_ANCHOR])
    assert nordic.available_with([Equipment.BARBELL]), "a loaded barbell holds the heels"
    back_extension = catalog.exercises["back_extension"]
    assert not back_extension.available_with([Equipment.BENCH]), "a flat bench is not a hyperextension bench"
    assert needs_text(catalog.exercises["hip_thrust"].equipment) == "barbell + flat bench"
