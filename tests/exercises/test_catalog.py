"""The built-in catalog: the contract's ids, honest tags backed by evidence, anatomy invariants,
alias look-up, and the merging of user catalogs with each of its errors."""

import re
from pathlib import Path

import pytest

from exercises.catalog import Catalog, load_catalog
from exercises.exceptions import FileFormatError, InputError, UnknownNameError
from exercises.vocabulary import Action, Difficulty, Equipment, Joint, KneeAngle, Pattern, Role

SPEC_EXERCISES = {
    "deadlift", "sumo_deadlift", "romanian_deadlift", "stiff_leg_deadlift", "single_leg_romanian_deadlift",
    "good_morning", "back_extension", "hip_thrust", "glute_ham_raise", "nordic_curl", "lying_leg_curl",
    "seated_leg_curl", "standing_leg_curl", "back_squat", "sumo_squat", "standing_calf_raise",
    "seated_calf_raise", "single_leg_calf_raise", "toe_curl",
}  # fmt: skip
COUNTED = (Role.PRIMARY, Role.SECONDARY)


def test_every_spec_exercise_is_there(catalog: Catalog) -> None:
    assert SPEC_EXERCISES <= set(catalog.exercises)
    assert len(catalog.exercises) >= 35


def test_every_posterior_leg_muscle_counts_somewhere(catalog: Catalog) -> None:
    """Every muscle is trained by some exercise, as primary or, where no evidence supports a prime
    mover (the plantaris, the popliteus), as secondary: no tag is made primary just to fill a gap."""
    counted = {m for e in catalog.exercises.values() for m in (*e.muscles.primary, *e.muscles.secondary)}
    assert {m.id for m in catalog.muscles.targets} <= counted
    primaries = {m for e in catalog.exercises.values() for m in e.muscles.primary}
    assert "plantaris" not in primaries
    assert "popliteus" not in primaries


def test_the_calves_count_nothing_in_knee_flexion_work(catalog: Catalog) -> None:
    """No growth study credits curls, Nordics or glute-ham raises with calf growth, and the bent knee
    slackens the gastrocnemius (Kinoshita 2023): they are listed as stabilizers."""
    curls = catalog.select(pattern=Pattern.KNEE_FLEXION)
    assert len(curls) >= 8
    for exercise in curls:
        assert exercise.role_of("gastrocnemius") is Role.STABILIZER, exercise.id
        assert exercise.role_of("plantaris") is Role.STABILIZER, exercise.id


def test_one_plantaris_rule(catalog: Catalog) -> None:
    """The plantaris counts (as secondary) in the straight-knee calf raises and nowhere else."""
    for exercise in catalog.exercises.values():
        straight_raise = exercise.pattern is Pattern.PLANTARFLEXION and exercise.knee_angle is KneeAngle.STRAIGHT
        expected = Role.SECONDARY if straight_raise else None
        role = exercise.role_of("plantaris")
        assert (role if role is not Role.STABILIZER else None) is expected, exercise.id


def test_hip_thrusts_and_bridges_count_no_hamstrings(catalog: Catalog) -> None:
    """Hip-thrust training hardly grew the hamstrings (Plotkin 2023, MRI)."""
    for exercise_id in ("hip_thrust", "single_leg_hip_thrust", "glute_bridge", "single_leg_glute_bridge"):
        exercise = catalog.exercises[exercise_id]
        for head in catalog.muscles.group_members("hamstrings"):
            assert exercise.role_of(head) in (None, Role.STABILIZER), (exercise_id, head)


def test_the_semis_share_a_role_where_only_one_was_measured(catalog: Catalog) -> None:
    """Dicus 2023 recorded the biceps femoris and semitendinosus only; the semimembranosus shares the
    semitendinosus's hip extension, so it gets the same role."""
    for exercise_id in ("cable_pull_through", "reverse_hyperextension"):
        exercise = catalog.exercises[exercise_id]
        assert exercise.role_of("semimembranosus") is exercise.role_of("semitendinosus") is not None
        assert "Dicus 2023" in exercise.notes


def test_the_glute_ham_raise_counts_the_knee_like_the_nordic(catalog: Catalog) -> None:
    ghr, nordic = catalog.exercises["glute_ham_raise"], catalog.exercises["nordic_curl"]
    for muscle in ("biceps_femoris_short_head", "popliteus", "gastrocnemius"):
        assert ghr.role_of(muscle) is nordic.role_of(muscle), muscle


def test_one_role_per_muscle_and_a_primary_in_every_exercise(catalog: Catalog) -> None:
    for exercise in catalog.exercises.values():
        tagged = exercise.muscles.tagged()
        assert len(tagged) == len(set(tagged)), exercise.id
        assert exercise.muscles.primary, exercise.id


def test_every_posterior_leg_tag_is_backed_by_evidence(catalog: Catalog) -> None:
    targets = {m.id for m in catalog.muscles.targets}
    for exercise in catalog.exercises.values():
        backed = {m for item in exercise.evidence for m in item.muscles}
        missing = (set(exercise.muscles.tagged()) & targets) - backed
        assert not missing, f"{exercise.id}: no evidence for {sorted(missing)}"


def test_a_muscle_counts_only_where_the_exercise_loads_one_of_its_actions(catalog: Catalog) -> None:
    for exercise in catalog.exercises.values():
        for role in COUNTED:
            for muscle_id in exercise.muscles.by_role(role):
                muscle = catalog.muscles[muscle_id]
                if muscle.is_target:
                    assert set(muscle.actions) & set(exercise.actions), f"{exercise.id} counts {muscle_id}"


def test_knee_only_muscles_need_a_knee_flexion_moment(catalog: Catalog) -> None:
    """The short head of the biceps femoris crosses only the knee: no knee flexion, no credit."""
    knee_only = [m.id for m in catalog.muscles.targets if m.joints == (Joint.KNEE,)]
    assert "biceps_femoris_short_head" in knee_only
    for exercise in catalog.exercises.values():
        if Action.KNEE_FLEXION not in exercise.actions:
            counted = set(exercise.muscles.primary + exercise.muscles.secondary)
            assert not counted & set(knee_only), exercise.id


def test_muscles_that_do_not_cross_the_knee_get_no_credit_from_knee_flexion(catalog: Catalog) -> None:
    """The soleus does not cross the knee: a knee-flexion exercise cannot count it."""
    not_knee = [m.id for m in catalog.muscles.targets if Joint.KNEE not in m.joints and Joint.HIP not in m.joints]
    assert "soleus" in not_knee
    for exercise in catalog.select(pattern=Pattern.KNEE_FLEXION):
        counted = set(exercise.muscles.primary + exercise.muscles.secondary)
        assert "soleus" not in counted, exercise.id


def test_hinges_cannot_train_the_short_head(catalog: Catalog) -> None:
    for exercise in catalog.select(pattern=Pattern.HIP_HINGE):
        assert exercise.role_of("biceps_femoris_short_head") in (None, Role.STABILIZER), exercise.id


def test_sumo_squat_follows_the_evidence_and_says_why(catalog: Catalog) -> None:
    sumo = catalog.exercises["sumo_squat"]
    for head in catalog.muscles.group_members("hamstrings"):
        assert sumo.role_of(head) in (None, Role.STABILIZER)
    assert "Kubo" in sumo.notes or "Paoli" in sumo.notes


def test_calf_raises_say_which_knee_angle(catalog: Catalog) -> None:
    assert catalog.exercises["standing_calf_raise"].knee_angle is KneeAngle.STRAIGHT
    assert catalog.exercises["seated_calf_raise"].knee_angle is KneeAngle.BENT
    assert catalog.exercises["seated_calf_raise"].role_of("gastrocnemius") in (None, Role.STABILIZER)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("RDL", "romanian_deadlift"),
        ("romanian deadlift", "romanian_deadlift"),
        ("Romanian Deadlift (Barbell)", "romanian_deadlift"),
        ("Deadlift (Barbell)", "deadlift"),
        ("Lying Leg Curl (Machine)", "lying_leg_curl"),
        ("NORDIC_CURL", "nordic_curl"),
    ],
)
def test_aliases_resolve(catalog: Catalog, typed: str, expected: str) -> None:
    assert catalog.exercise(typed).id == expected


def test_unknown_exercise_suggests(catalog: Catalog) -> None:
    with pytest.raises(UnknownNameError) as raised:
        catalog.exercise("romanian dedlift")
    assert raised.value.suggestion is not None
    assert catalog.exercise(raised.value.suggestion).id == "romanian_deadlift"


def test_filters(catalog: Catalog) -> None:
    soleus = catalog.select(muscles=["soleus"])
    assert soleus
    assert all(e.role_of("soleus") in COUNTED for e in soleus)
    bodyweight = catalog.select(equipment=[Equipment.BODYWEIGHT])
    assert bodyweight
    assert all(e.equipment == ((Equipment.BODYWEIGHT,),) for e in bodyweight)
    kettlebell = catalog.select(equipment=[Equipment.KETTLEBELL])
    assert "single_leg_romanian_deadlift" in {e.id for e in kettlebell}, "either of its tools is enough"
    assert "seated_dumbbell_calf_raise" not in {e.id for e in kettlebell}, "it needs a bench too"
    assert all(e.pattern is Pattern.PLANTARFLEXION for e in catalog.select(pattern=Pattern.PLANTARFLEXION))


USER_CATALOG = """\
[[exercises]]
id = "banded_leg_curl_test"
name = "Banded leg curl test"
equipment = ["band"]
muscles = { primary = ["biceps_femoris_short_head", "Semitendinosus"], secondary = ["gastrocnemius"] }
aliases = ["Band Leg Curl Test"]
pattern = "knee_flexion"
mechanic = "isolation"
reps = [10, 15]
rest_seconds = 60
"""


def _write(tmp_path: Path, text: str, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_user_catalog_merges_over_the_built_in_one(tmp_path: Path) -> None:
    merged = load_catalog([_write(tmp_path, USER_CATALOG)])
    curl = merged.exercise("band leg curl test")
    assert curl.muscles.primary == ("biceps_femoris_short_head", "semitendinosus")
    assert curl.actions == (Action.KNEE_FLEXION, Action.KNEE_UNLOCKING)
    assert len(merged.exercises) == len(load_catalog().exercises) + 1


def test_user_catalog_defaults(tmp_path: Path) -> None:
    minimal = (
        '[[exercises]]\nid = "x_curl"\nname = "X curl"\nequipment = ["cable"]\nmuscles = { primary = ["hamstrings"] }\n'
    )
    exercise = load_catalog([_write(tmp_path, minimal)]).exercise("x_curl")
    assert exercise.muscles.primary == tuple(load_catalog().muscles.group_members("hamstrings"))
    assert exercise.reps[0] <= exercise.reps[1]
    assert exercise.rest_seconds > 0
    # A user's exercise is for everyone and for plans unless it says otherwise.
    assert exercise.difficulty is Difficulty.BEGINNER
    assert not exercise.conditioning
    assert exercise.outranked_by == ()
    assert all(exercise.suits(level) for level in Difficulty)


def test_difficulty_conditioning_and_outranked_by_in_a_user_catalog(tmp_path: Path) -> None:
    text = USER_CATALOG + 'difficulty = "advanced"\nconditioning = true\noutranked_by = ["seated_leg_curl"]\n'
    curl = load_catalog([_write(tmp_path, text)]).exercise("banded_leg_curl_test")
    assert (curl.difficulty, curl.conditioning, curl.outranked_by) == (Difficulty.ADVANCED, True, ("seated_leg_curl",))
    assert [curl.suits(level) for level in Difficulty] == [False, False, True]
    assert not curl.prescribable("advanced"), "conditioning is never prescribed"
    for bad, expected in (
        (
            'outranked_by = ["seated_leg_curls"]',
            "outranked by 'seated_leg_curls', which is no exercise id: did you mean",
        ),
        ('outranked_by = ["banded_leg_curl_test"]', "outranked by itself"),
        ('difficulty = "expert"', "exercises[0].difficulty"),
        ('conditioning = "yes"', "exercises[0].conditioning"),
    ):
        with pytest.raises(FileFormatError, match=re.escape(expected)):
            load_catalog([_write(tmp_path, USER_CATALOG + bad + "\n", "bad.toml")])


def test_levels_and_regressions(catalog: Catalog) -> None:
    """Plans keep within their level; the hard knee-flexion exercises have beginner regressions."""
    assert catalog.exercises["nordic_curl"].difficulty is Difficulty.INTERMEDIATE
    assert catalog.exercises["glute_ham_raise"].difficulty is Difficulty.INTERMEDIATE
    assert catalog.exercises["pistol_squat"].difficulty is Difficulty.ADVANCED
    nordic = catalog.exercises["nordic_curl"]
    assisted = catalog.exercises["assisted_nordic_curl"]
    assert assisted.difficulty is Difficulty.BEGINNER
    assert assisted.muscles == nordic.muscles
    assert assisted.equipment == nordic.equipment
    beginner_knee_flexion = [
        e.id
        for e in catalog.select(pattern=Pattern.KNEE_FLEXION, muscles=["biceps_femoris_short_head"])
        if e.suits("beginner")
    ]
    assert {"assisted_nordic_curl", "slider_leg_curl", "stability_ball_leg_curl", "banded_leg_curl"} <= set(
        beginner_knee_flexion
    )


def test_conditioning_counts_but_is_marked(catalog: Catalog) -> None:
    conditioning = {e.id for e in catalog.exercises.values() if e.conditioning}
    assert conditioning == {"sprinting", "sled_drag", "pogo_hops"}
    assert catalog.exercise("jump rope").id == "pogo_hops"
    sled = catalog.exercises["sled_drag"]
    assert sled.equipment == ((Equipment.SLED,),)
    for head in ("biceps_femoris_long_head", "semitendinosus", "semimembranosus"):
        assert sled.role_of(head) is Role.STABILIZER, "hip and knee extend together, as in a lunge"
    assert catalog.exercises["sprinting"].role_of("biceps_femoris_long_head") is Role.SECONDARY


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Physioball Leg Curl", None),  # an app's name, read from app_names.toml with logs only
        ("Swiss Ball Leg Curl", "stability_ball_leg_curl"),
        ("Band Leg Curl", "banded_leg_curl"),
        ("B-Stance RDL", "b_stance_romanian_deadlift"),
        ("Kickstand RDL", "b_stance_romanian_deadlift"),
        ("Single Leg Back Extension", "single_leg_back_extension"),
        ("Hamstring Hyperextension", "hamstring_back_extension"),
        ("Farmer's Walk on Toes", "farmers_walk_on_toes"),
        ("Sled Pull", "sled_drag"),
        ("Hill Sprints", "sprinting"),
        ("Band Assisted Nordic Curl", "assisted_nordic_curl"),
    ],
)
def test_the_new_exercises_are_found_by_their_names(catalog: Catalog, typed: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(UnknownNameError):
            catalog.exercise(typed)
    else:
        assert catalog.exercise(typed).id == expected


def test_replacing_a_built_in_needs_replace_true(tmp_path: Path) -> None:
    clash = USER_CATALOG.replace('"banded_leg_curl_test"', '"lying_leg_curl"')
    with pytest.raises(FileFormatError) as raised:
        load_catalog([_write(tmp_path, clash)])
    message = raised.value.message
    assert message.startswith(f"{tmp_path / 'mine.toml'}:2: exercises[0].id: ")
    assert "replace = true" in message
    replaced = load_catalog([_write(tmp_path, clash + "replace = true\n", "ok.toml")])
    assert replaced.exercises["lying_leg_curl"].equipment == ((Equipment.BAND,),)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("Semitendinosus", "Semitendinosos"),
            "exercises[0].muscles.primary: unknown muscle 'Semitendinosos': did you mean",
        ),
        (('"gastrocnemius"]', '"soleus"]'), "soleus cannot be secondary here"),
        (
            ("secondary = [", 'stabilizer = ["semitendinosus"], secondary = ['),
            "'semitendinosus' is both primary and stabilizer",
        ),
        (("reps = [10, 15]", "reps = [15, 10]"), "exercises[0].reps: reps [15, 10] are reversed"),
        (
            ('equipment = ["band"]', 'equipment = ["bands"]'),
            "exercises[0].equipment[0]: unknown equipment 'bands': did you mean 'band'?",
        ),
        (
            ('equipment = ["band"]', 'equipment = [["band", "rope"]]'),
            "exercises[0].equipment[0]: unknown equipment 'rope'",
        ),
        (('equipment = ["band"]', "equipment = [[]]"), "exercises[0].equipment[0]: an equipment choice needs"),
        (('equipment = ["band"]', "equipment = [3]"), "exercises[0].equipment[0]: equipment is a list of names"),
        (('equipment = ["band"]', "equipment = []"), "exercises[0].equipment: "),
        (("rest_seconds = 60", "rest_secs = 60"), "unknown key 'rest_secs' (did you mean 'rest_seconds'?)"),
        (('aliases = ["Band Leg Curl Test"]', 'aliases = ["RDL"]'), "'RDL' already names 'romanian_deadlift'"),
        (
            ('id = "banded_leg_curl_test"', 'id = "Banded Curl"'),
            "exercises[0].id: write an id: lowercase letters, digits and _, starting with a letter "
            "(like 'nordic_curl'), not 'Banded Curl'",
        ),
        (
            ('name = "Banded leg curl test"', 'name = "Nordic Curl"'),
            ":3: exercises[0].name: 'Nordic Curl' already names",
        ),
        (
            ('aliases = ["Band Leg Curl Test"]', 'aliases = ["x", "RDL"]'),
            "exercises[0].aliases[1]: 'RDL' already names",
        ),
        (('name = "Banded leg curl test"', 'name = "!!!"'), "exercises[0].name: '!!!' has no letter or digit"),
        (
            ('name = "Banded leg curl test"', 'name = "Banded\\tcurl"'),
            "exercises[0].name: 'Banded\\tcurl' must be one line",
        ),
        # Whole numbers are strict, as in a plan file: nothing is coerced.
        (
            ("rest_seconds = 60", "rest_seconds = true"),
            "exercises[0].rest_seconds: write a whole number from 0 to 900, not true",
        ),
        (
            ("rest_seconds = 60", 'rest_seconds = "60"'),
            "exercises[0].rest_seconds: write a whole number from 0 to 900, not '60'",
        ),
        (
            ("rest_seconds = 60", "rest_seconds = 60.0"),
            "exercises[0].rest_seconds: write a whole number from 0 to 900, not 60.0",
        ),
        (
            ("reps = [10, 15]", 'reps = ["10", "15"]'),
            "exercises[0].reps[0]: write a whole number from 1 to 100, not '10'",
        ),
        (
            ("reps = [10, 15]", "reps = [10.0, 15.0]"),
            "exercises[0].reps[0]: write a whole number from 1 to 100, not 10.0",
        ),
        (
            ("rest_seconds = 60", "rest_seconds = 60\nset_seconds = 40.5"),
            "set_seconds: write a whole number",
        ),
        (
            ("rest_seconds = 60", "rest_seconds = 60\nreplace = 1"),
            "exercises[0].replace: write true or false, not 1",
        ),
    ],
)
def test_user_catalog_errors_name_file_entry_and_field(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    path = _write(tmp_path, USER_CATALOG.replace(*change))
    with pytest.raises(FileFormatError) as raised:
        load_catalog([path])
    assert raised.value.message.startswith(str(path))
    assert expected in raised.value.message
    pydantic_words = ("Input should", "Field required", "String should", "Value error", "valid integer", "type=")
    assert not [words for words in pydantic_words if words in raised.value.message]


def test_replace_of_nothing_and_duplicate_ids_are_errors(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="no exercise 'banded_leg_curl_test' to replace"):
        load_catalog([_write(tmp_path, USER_CATALOG + "replace = true\n")])
    twice = USER_CATALOG + USER_CATALOG.replace("Band Leg Curl Test", "Other").replace(
        "Banded leg curl test", "Another"
    )
    with pytest.raises(FileFormatError, match="used twice in this file"):
        load_catalog([_write(tmp_path, twice, "twice.toml")])


def test_names_in_any_script_can_be_looked_up(tmp_path: Path) -> None:
    text = USER_CATALOG.replace('name = "Banded leg curl test"', 'name = "Сгибание ног"').replace(
        'aliases = ["Band Leg Curl Test"]', 'aliases = ["Curl femoral con banda"]'
    )
    merged = load_catalog([_write(tmp_path, text)])
    assert merged.exercise("сгибание НОГ").id == "banded_leg_curl_test"
    assert merged.exercise("curl femoral con bánda").id == "banded_leg_curl_test"


def test_standard_input_is_not_a_catalog() -> None:
    with pytest.raises(InputError, match="a catalog is read from a file, not from standard input"):
        load_catalog(["-"])


def test_missing_user_catalog(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="no such file"):
        load_catalog([tmp_path / "absent.toml"])
