"""The whole leg day: the front-of-leg and hip lifts people log beside their hamstring and calf work,
and the names people type for them (family names, plurals, any word order)."""

from pathlib import Path

import pytest

from exercises.catalog import Catalog, load_catalog
from exercises.exceptions import FileFormatError
from exercises.names import NameIndex, loose_key
from exercises.vocabulary import Region, Role

#: Leg-day exercises that train little or nothing of the back of the leg.
FRONT_OF_LEG = (
    "back_squat", "front_squat", "hack_squat", "goblet_squat", "smith_machine_squat", "box_squat", "belt_squat",
    "pendulum_squat", "bodyweight_squat", "pistol_squat", "sissy_squat", "leg_press", "leg_extension",
    "bulgarian_split_squat", "split_squat", "walking_lunge", "dumbbell_lunge", "lateral_lunge", "curtsy_lunge",
    "step_up", "hip_abduction_machine", "hip_adduction_machine",
)  # fmt: skip


@pytest.mark.parametrize("exercise_id", FRONT_OF_LEG)
def test_front_of_leg_lifts_count_nothing_for_the_back_of_the_leg(catalog: Catalog, exercise_id: str) -> None:
    exercise = catalog.exercises[exercise_id]
    for muscle_id in exercise.muscles.tagged():
        if catalog.muscles[muscle_id].is_target:
            assert exercise.role_of(muscle_id) is Role.STABILIZER, f"{exercise_id} counts {muscle_id}"
    # What they do train is tagged: a neighbour is a primary mover.
    assert all(catalog.muscles[m].region is Region.OTHER for m in exercise.muscles.primary)
    assert exercise.notes


def test_the_rack_pull_is_a_partial_deadlift_with_the_hamstrings_assisting(catalog: Catalog) -> None:
    rack_pull, deadlift = catalog.exercises["rack_pull"], catalog.exercises["deadlift"]
    for head in ("biceps_femoris_long_head", "semitendinosus", "semimembranosus"):
        assert rack_pull.role_of(head) is Role.SECONDARY is deadlift.role_of(head)
    assert rack_pull.role_of("biceps_femoris_short_head") is None


def test_hip_abduction_trains_the_gluteus_medius_a_neighbour_in_the_glutes_group(catalog: Catalog) -> None:
    medius = catalog.muscles["gluteus_medius"]
    assert (medius.group, medius.region, medius.is_target) == ("glutes", Region.OTHER, False)
    assert catalog.exercises["hip_abduction_machine"].muscles.primary == ("gluteus_medius",)
    assert catalog.exercises["hip_adduction_machine"].muscles.primary == ("adductor_magnus",)


@pytest.mark.parametrize(
    ("typed", "expected", "generic"),
    [
        ("squat", "back_squat", True),
        ("Squats", "back_squat", True),
        ("leg curl", "lying_leg_curl", True),
        ("Leg Curl", "lying_leg_curl", True),
        ("curls, leg", "lying_leg_curl", True),
        ("hamstring curls", "lying_leg_curl", True),
        ("calf raise", "standing_calf_raise", True),
        ("Calf Raises", "standing_calf_raise", True),
        ("Hip Extension", "back_extension", True),
        ("lunges", "dumbbell_lunge", True),
        ("nordic", "nordic_curl", False),
        ("Nordics", "nordic_curl", False),
        ("RDL", "romanian_deadlift", False),
        ("SLDL", "stiff_leg_deadlift", False),
        ("GHR", "glute_ham_raise", False),
        ("hex deadlift", "trap_bar_deadlift", False),
        ("Deadlift Hex", "trap_bar_deadlift", False),
        ("trap-bar deadlift", "trap_bar_deadlift", False),
        ("rack pull", "rack_pull", False),
        ("Rack Pull (Barbell)", "rack_pull", False),
        ("front squats", "front_squat", False),
        ("Hack Squat (Machine)", "hack_squat", False),
        ("Goblet Squat", "goblet_squat", False),
        ("Smith Machine Squat", "smith_machine_squat", False),
        ("Leg Extensions", "leg_extension", False),
        ("Hip Abduction (Machine)", "hip_abduction_machine", False),
        ("Hip Adduction (Machine)", "hip_adduction_machine", False),
        ("step ups", "step_up", False),
        ("Split Squats", "split_squat", False),
        ("Lying leg curl", "lying_leg_curl", False),
    ],
)
def test_names_as_people_write_them(catalog: Catalog, typed: str, expected: str, generic: bool) -> None:
    reading = catalog.read(typed)
    assert (reading.exercise.id, reading.generic, reading.typed) == (expected, generic, typed)


def test_a_whole_leg_day_resolves(catalog: Catalog) -> None:
    day = ["squat", "leg press", "leg extension", "leg curl", "calf raise", "lunges", "hip abduction"]
    assert all(catalog.exercise(name) for name in day)


def test_loose_keys_ignore_plurals_and_word_order() -> None:
    assert loose_key("leg curls") == loose_key("curl leg") == "curl leg"
    assert loose_key("calves raise") == loose_key("calf raise")
    assert loose_key("leg press") == "leg press"  # 'press' is not a plural
    assert loose_key("soleus") == "soleus"


def test_an_exact_spelling_beats_a_loose_one_and_a_shared_loose_form_finds_neither() -> None:
    index = NameIndex("exercise")
    index.add("Curl leg", "odd_curl")
    index.add("Leg curl", "lying_leg_curl", generic=True)
    assert index.match("leg curl") == ("lying_leg_curl", True)
    assert index.match("curl leg") == ("odd_curl", False)
    assert index.match("leg curls") is None  # 'curl leg' loosely: two things


def test_an_exercise_own_name_stays_exact_when_also_given_as_a_family_name() -> None:
    index = NameIndex("exercise")
    index.add("Calf raise", "standing_calf_raise", generic=True)
    index.add("Calf raise", "standing_calf_raise")
    assert index.match("calf raises") == ("standing_calf_raise", False)


def test_a_family_name_that_names_another_exercise_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[exercises]]\nid = "my_curl"\nname = "My curl"\nequipment = ["machine"]\npattern = "knee_flexion"\n'
        'generic = ["Lying leg curl"]\nmuscles = { primary = ["semitendinosus"] }\n'
    )
    with pytest.raises(FileFormatError) as raised:
        load_catalog([path])
    assert raised.value.message == (
        f"{path}:6: exercises[0].generic[0]: 'Lying leg curl' already names 'lying_leg_curl' (entry 'my_curl')"
    )


def test_a_user_catalog_family_name_is_read_as_its_exercise(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[exercises]]\nid = "partner_leg_curl"\nname = "Partner leg curl"\nequipment = ["bodyweight"]\n'
        'pattern = "knee_flexion"\ngeneric = ["Partner curl"]\nmuscles = { primary = ["semitendinosus"] }\n'
    )
    reading = load_catalog([path]).read("partner curls")
    assert (reading.exercise.id, reading.generic) == ("partner_leg_curl", True)
