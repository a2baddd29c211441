"""legday swap: ranked substitutes, and a swap in a plan that refits the sets with the fewest changes."""

import itertools
import json
import subprocess
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises.catalog import Catalog, load_catalog
from exercises.exceptions import InputError, InputErrors, UnknownNameError, UnmetRequestError
from exercises.vocabulary import Equipment
from exercises.ways_out import OtherSubstitute
from planner.cli import error_line
from planner.coverage import coverage_report
from planner.generate import PlanRequest, generate_plan
from planner.plan_file import Plan, plan_from_data, read_plan
from planner.swap import credit_similarity, rank_substitutes, set_credit, swap_in_plan, work_done
from planner.volume import VolumeSettings

if TYPE_CHECKING:
    from typer.testing import Result

Cli = Callable[..., "Result"]
Run = Callable[..., subprocess.CompletedProcess[str]]
VOLUME = VolumeSettings()

ROUTINE = """\
format = "legday.plan/1"

[settings]
days = 2
level = "intermediate"
minutes = 75

[[days]]
exercises = [
  { exercise = "romanian_deadlift", sets = 4 },
  { exercise = "lying_leg_curl", sets = 4 },
  { exercise = "standing_calf_raise", sets = 5 },
]

[[days]]
exercises = [
  { exercise = "nordic_curl", sets = 3 },
  { exercise = "seated_leg_curl", sets = 3 },
  { exercise = "back_extension", sets = 4 },
  { exercise = "seated_calf_raise", sets = 4 },
  { exercise = "toe_curl", sets = 3 },
]
"""


def _routine(catalog: Catalog) -> Plan:
    import tomllib

    return plan_from_data(tomllib.loads(ROUTINE), catalog)


# --- Ranking ----------------------------------------------------------------------------------


def test_the_same_lift_with_another_tool_ranks_first(catalog: Catalog) -> None:
    ranked = rank_substitutes(catalog.exercise("rdl"), catalog)
    assert ranked[0].exercise == "dumbbell_romanian_deadlift"
    assert ranked[0].score == 1
    assert ranked[0].same_actions
    assert (ranked[0].gains, ranked[0].losses) == ({}, {})
    assert "romanian_deadlift" not in {s.exercise for s in ranked}


def test_gains_and_losses_are_the_credit_difference_per_set(catalog: Catalog) -> None:
    nordic = catalog.exercise("nordic_curl")
    for substitute in rank_substitutes(nordic, catalog):
        theirs = set_credit(catalog.exercises[substitute.exercise], catalog)
        ours = set_credit(nordic, catalog)
        for muscle in catalog.muscles.targets:
            change = theirs.get(muscle.id, 0.0) - ours.get(muscle.id, 0.0)
            assert substitute.gains.get(muscle.id, 0.0) - substitute.losses.get(muscle.id, 0.0) == change


def test_order_is_same_actions_first_then_score(catalog: Catalog) -> None:
    for exercise in catalog.exercises.values():
        ranked = rank_substitutes(exercise, catalog)
        keys = [(not s.same_actions, -s.score) for s in ranked]
        assert keys == sorted(keys), exercise.id
        for substitute in ranked:
            other = catalog.exercises[substitute.exercise]
            shares_work = work_done(exercise, catalog) & work_done(other, catalog)
            shares_credit = set(set_credit(exercise, catalog)) & set(set_credit(other, catalog))
            assert shares_work or shares_credit


def test_a_bent_knee_calf_raise_is_other_work_than_a_straight_knee_one(catalog: Catalog) -> None:
    ranked = {s.exercise: s for s in rank_substitutes(catalog.exercise("seated calf raise"), catalog)}
    assert ranked["bent_knee_calf_raise"].same_actions
    assert not ranked["standing_calf_raise"].same_actions
    assert ranked["standing_calf_raise"].gains["gastrocnemius"] == 1


def test_equipment_limits_the_substitutes(catalog: Catalog) -> None:
    at_hand = (Equipment.DUMBBELL, Equipment.BENCH)
    ranked = rank_substitutes(catalog.exercise("lying leg curl"), catalog, equipment=at_hand)
    assert ranked
    assert all(catalog.exercises[s.exercise].available_with(at_hand) for s in ranked)
    assert ranked[0].exercise == "dumbbell_leg_curl"


CREDIT = st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.sampled_from([0.5, 1.0]))


@given(first=CREDIT, second=CREDIT)
def test_credit_similarity_is_symmetric_bounded_and_one_only_when_alike(
    first: dict[str, float], second: dict[str, float]
) -> None:
    similarity = credit_similarity(first, second)
    assert similarity == credit_similarity(second, first)
    assert 0 <= similarity <= 1
    assert (similarity == 1) == (first == second)


# --- A swap in a plan ---------------------------------------------------------------------------


def test_nothing_changes_for_a_substitute_with_the_same_credit(catalog: Catalog) -> None:
    result = swap_in_plan(_routine(catalog), "lying leg curl", catalog)
    assert result.substitute == "seated_leg_curl"
    assert result.chosen_by_rank
    assert [(c.day, c.exercise, c.before, c.after) for c in result.changes] == [(1, "seated_leg_curl", 4, 4)]
    assert [m.effective for m in result.after.muscles] == [m.effective for m in result.before.muscles]


def test_a_swap_that_drops_work_is_made_up_elsewhere(catalog: Catalog) -> None:
    plan = _routine(catalog)
    result = swap_in_plan(plan, "nordic_curl", catalog, substitute_name="rdl")
    assert result.substitute == "romanian_deadlift"
    assert not result.chosen_by_rank
    before = {m.id: m for m in result.before.muscles}
    for muscle in result.after.muscles:
        old = before[muscle.id]
        if old.status.value == "ok":
            assert muscle.status.value == "ok", muscle.id
        assert muscle.effective >= min(old.effective, muscle.target.min)
        assert muscle.effective <= max(old.effective, muscle.target.max)
    assert "nordic_curl" not in {e.exercise for day in result.plan.days for e in day.exercises}


def _changes(plan: Plan, other: Plan) -> int:
    return sum(
        abs(a.sets - b.sets)
        for day, other_day in zip(plan.days, other.days, strict=True)
        for a, b in zip(day.exercises, other_day.exercises, strict=True)
    )


def test_the_refit_has_the_fewest_changes_of_all(catalog: Catalog) -> None:
    """Every set count of a small plan, tried by brute force: none keeps the rules with fewer changes."""
    data = {
        "settings": {"days": 1, "level": "beginner", "minutes": 75},
        "days": [
            {
                "exercises": [
                    {"exercise": "lying_leg_curl", "sets": 3},
                    {"exercise": "romanian_deadlift", "sets": 4},
                    {"exercise": "standing_calf_raise", "sets": 5},
                    {"exercise": "seated_calf_raise", "sets": 4},
                ]
            }
        ],
    }
    plan = plan_from_data(data, catalog)
    result = swap_in_plan(plan, "romanian_deadlift", catalog, substitute_name="deadlift")
    best = _changes(plan.model_copy(update={"days": result.plan.days}), result.plan)
    fewest = sum(abs(c.after - c.before) for c in result.changes)
    assert best == 0  # the same plan compared with itself, as a check of _changes
    assert fewest == 2  # the hinge's hamstring work moves to the leg curl
    before = coverage_report(plan, catalog)
    swapped = result.plan
    baseline = [e.sets for e in plan.days[0].exercises]
    for counts in itertools.product(range(1, 11), repeat=4):
        moved = sum(abs(a - b) for a, b in zip(counts, baseline, strict=True))
        if moved >= fewest:
            continue
        entries = tuple(
            e.model_copy(update={"sets": n}) for e, n in zip(swapped.days[0].exercises, counts, strict=True)
        )
        candidate = swapped.model_copy(update={"days": (swapped.days[0].model_copy(update={"exercises": entries}),)})
        report = coverage_report(candidate, catalog)
        # In its band if it was; no farther out of it if it was not.
        in_band = all(
            min(old.effective, after.target.min) <= after.effective <= max(old.effective, after.target.max)
            for after, old in zip(report.muscles, before.muscles, strict=True)
        )
        within = in_band and not report.warnings and _minutes(candidate, catalog) <= 75
        assert not (within and max(counts) <= 5), counts


def _minutes(plan: Plan, catalog: Catalog) -> float:
    return max(
        sum(
            e.sets
            * (
                catalog.exercises[e.exercise].set_seconds
                + (e.rest_seconds if e.rest_seconds is not None else catalog.exercises[e.exercise].rest_seconds)
            )
            for e in day.exercises
        )
        / 60
        for day in plan.days
    )


@cache
def _catalog() -> Catalog:
    return load_catalog()


@cache
def _generated() -> Plan:
    return generate_plan(PlanRequest(days=3), _catalog())


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_a_refit_keeps_every_muscle_in_its_band_when_it_can(data: st.DataObject) -> None:
    catalog = _catalog()
    plan = _generated()
    entries = sorted({e.exercise for day in plan.days for e in day.exercises})
    exercise = data.draw(st.sampled_from(entries))
    others = [s.exercise for s in rank_substitutes(catalog.exercises[exercise], catalog)]
    substitute = data.draw(st.sampled_from(others))
    failure = None
    try:
        result = swap_in_plan(plan, exercise, catalog, substitute_name=substitute)
    except UnmetRequestError as error:
        failure = error.message
    if failure is not None:
        assert failure.endswith("within the plan's limits") or "no substitute at hand can" in failure
        return
    assert not result.after.missed
    assert not result.after.under
    assert not result.after.over
    assert not result.after.warnings
    assert plan.settings is not None
    assert _minutes(result.plan, catalog) <= plan.settings.minutes
    assert all(1 <= e.sets <= 20 for day in result.plan.days for e in day.exercises)
    changed = {(c.day, c.exercise) for c in result.changes}
    for number, (old_day, new_day) in enumerate(zip(plan.days, result.plan.days, strict=True), 1):
        old_sets = {e.exercise: e.sets for e in old_day.exercises}
        for entry in new_day.exercises:
            if (number, entry.exercise) not in changed:
                assert old_sets[entry.exercise] == entry.sets
        assert exercise not in {e.exercise for e in new_day.exercises}


def test_a_substitute_that_fails_names_one_that_works(catalog: Catalog) -> None:
    plan = plan_from_data(
        {
            "settings": {"days": 1, "level": "beginner", "minutes": 30},
            "days": [{"exercises": [{"exercise": "lying_leg_curl", "sets": 8}, {"exercise": "toe_curl", "sets": 2}]}],
        },
        catalog,
    )
    with pytest.raises(UnmetRequestError) as raised:
        swap_in_plan(plan, "lying leg curl", catalog, substitute_name="rdl")
    assert raised.value.message.startswith("no sets of romanian_deadlift in place of lying_leg_curl keep")
    assert raised.value.ways_out == ((OtherSubstitute("seated_leg_curl"),),)
    assert error_line(raised.value).endswith("within the plan's limits: try --with seated_leg_curl")


@pytest.mark.parametrize(
    ("exercise", "options", "expected"),
    [
        ("deadlift", {}, "Deadlift is not in the plan; its exercises: Romanian deadlift,"),
        ("nordic curl", {"day": 1}, "Nordic hamstring curl is not on day 1 of the plan; it is on day 2"),
        ("nordic curl", {"day": 3}, "--day: the plan has days 1 to 2, not 3"),
        ("nordic curl", {"day": 0}, "--day: the plan has days 1 to 2, not 0"),
        ("nordic curl", {"substitute_name": "nordics"}, "--with: nordics is the exercise being swapped"),
        (
            "nordic curl",
            {"substitute_name": "ghr", "equipment": (Equipment.DUMBBELL,)},
            "--with, --equipment: glute_ham_raise needs GHD, which is not in the equipment at hand",
        ),
    ],
)
def test_bad_swaps_are_input_errors(catalog: Catalog, exercise: str, options: dict[str, object], expected: str) -> None:
    with pytest.raises(InputError) as raised:
        swap_in_plan(_routine(catalog), exercise, catalog, **options)  # type: ignore[arg-type]
    assert error_line(raised.value).startswith(expected)


def test_unknown_names_are_unknown_both_at_once(catalog: Catalog) -> None:
    with pytest.raises(InputErrors) as raised:
        swap_in_plan(_routine(catalog), "nordic curll", catalog, substitute_name="romanian dedlift")
    assert [(error.name, error.suggestion) for error in raised.value.unknown_names] == [
        ("nordic curll", "Nordic hamstring curl"),
        ("romanian dedlift", "Romanian deadlift"),
    ]
    with pytest.raises(UnknownNameError):
        swap_in_plan(_routine(catalog), "nordic curl", catalog, substitute_name="romanian dedlift")


# --- The command line ---------------------------------------------------------------------------


def test_swap_json_is_a_ranked_list(cli: Cli) -> None:
    result = cli("swap", "RDL", "--equipment", "kettlebells", "--json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [set(item) for item in listed] == [{"exercise", "score", "same_actions", "gains", "losses"}] * len(listed)
    assert listed[0]["exercise"] == "kettlebell_romanian_deadlift"
    assert len(listed) == 5


def test_swap_shows_names_as_written(cli: Cli, tmp_path: Path) -> None:
    """A user's name is text, never rich markup or an :emoji: code: it shows as it was written."""
    name = "Towel curl [bold] :fire:"
    path = tmp_path / "mine.toml"
    path.write_text(
        f'[[exercises]]\nid = "towel_slide_curl"\nname = "{name}"\nequipment = ["bodyweight"]\n'
        'pattern = "knee_flexion"\nmuscles = { primary = ["hamstrings"] }\n'
    )
    result = cli("swap", "towel_slide_curl", "--catalog", str(path))
    assert result.exit_code == 0, result.output
    assert f"Substitutes for {name} (towel_slide_curl)" in " ".join(result.stdout.split())


def test_swap_in_a_plan_writes_only_with_output(cli: Cli, tmp_path: Path, catalog: Catalog) -> None:
    routine = tmp_path / "routine.toml"
    routine.write_text(ROUTINE)
    shown = cli("swap", "nordic curl", "--plan", str(routine), "--with", "rdl")
    assert shown.exit_code == 0, shown.output
    assert "Nothing written: add -o FILE" in shown.stdout
    assert "Weekly coverage before and after" in shown.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["routine.toml"]
    out = tmp_path / "swapped.toml"
    done = cli("swap", "nordic curl", "--plan", str(routine), "--with", "rdl", "-o", str(out), "--json")
    assert done.exit_code == 0, done.output
    document = json.loads(done.stdout)
    assert {"exercise", "with", "days", "changes", "plan", "coverage"} <= set(document)
    assert document["with"] == "romanian_deadlift"
    assert read_plan(out, catalog).to_data() == document["plan"]
    again = cli("swap", "nordic curl", "--plan", str(routine), "-o", str(out))
    assert again.exit_code == 2


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("swap", "nordic curll"), "unknown exercise 'nordic curll': did you mean"),
        (("swap", "deadlift", "--plan", "PLAN"), "Deadlift is not in PLAN; its exercises: Romanian deadlift"),
        (("swap", "nordic curl", "--plan", "PLAN", "--day", "9"), "--day: PLAN has days 1 to 2, not 9"),
        (("swap", "nordic curl", "--plan", "PLAN", "--with", "rdll"), "unknown exercise 'rdll'"),
        (("swap", "nordic curl", "--day", "1"), "'--day': it works on a plan: add --plan FILE"),
        (("swap", "nordic curl", "--equipment", "bike"), "'--equipment': unknown equipment 'bike'"),
        (
            ("swap", "nordic curl", "--plan", "PLAN", "--with", "ghr", "--equipment", "dumbbell"),
            "needs GHD, which is not in the equipment at hand",
        ),
    ],
)
def test_bad_swaps_exit_2_with_one_line_and_write_nothing(
    run_legday: Run, tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    routine = tmp_path / "routine.toml"
    routine.write_text(ROUTINE)
    out = tmp_path / "out.toml"
    writes = ("-o", str(out)) if "--plan" in args else ()
    done = run_legday(*(str(routine) if a == "PLAN" else a for a in args), *writes)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert expected.replace("PLAN", str(routine)) in done.stderr
    assert not out.exists()


def test_an_impossible_swap_exits_1(run_legday: Run, tmp_path: Path) -> None:
    routine = tmp_path / "routine.toml"
    routine.write_text(
        'format = "legday.plan/1"\n[settings]\ndays = 1\nlevel = "beginner"\nminutes = 30\n'
        '[[days]]\nexercises = [{ exercise = "lying_leg_curl", sets = 8 }, { exercise = "toe_curl", sets = 2 }]\n'
    )
    done = run_legday("swap", "lying leg curl", "--plan", str(routine), "--with", "rdl")
    assert done.returncode == 1
    assert done.stderr.startswith("legday: no sets of romanian_deadlift in place of lying_leg_curl keep")
