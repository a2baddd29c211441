"""Completing a routine (planner.complete): kept work stays with its sets on its day, the added sets
are the fewest, inclusions and a log's preferences hold, and kept work that leaves no plan is named."""

import tomllib
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exercises.catalog import Catalog, load_catalog
from exercises.exceptions import InputError, UnmetRequestError
from exercises.vocabulary import Equipment
from exercises.ways_out import AddEquipment, FewerKeptSets, Limit, LongerSessions, OtherLevel
from planner.complete import (
    UNLOGGED_COST,
    Completion,
    Inclusion,
    complete_plan,
    completion_request,
    logged_exercises,
    parse_inclusion,
)
from planner.coverage import coverage_report
from planner.generate import PlanRequest, generate_plan
from planner.plan_file import Plan, PlanDay, PlanEntry, Weekday, plan_from_data
from planner.plan_model import MIN_EXERCISE_SETS
from planner.session_minutes import plan_minutes
from planner.volume import Level, Volume, VolumeSettings

VOLUME = VolumeSettings()

#: A lifter's leg days: squats and leg presses (no posterior-leg credit) with some hamstring and calf work.
ROUTINE = (Path(__file__).parent / "routines" / "squat_and_press_days.toml").read_text()


def _plan(text: str, catalog: Catalog) -> Plan:
    return plan_from_data(tomllib.loads(text), catalog)


@cache
def _catalog() -> Catalog:
    return load_catalog()


def _total(plan: Plan) -> int:
    return sum(entry.sets for day in plan.days for entry in day.exercises)


def _broken_rules(plan: Plan, request: PlanRequest, catalog: Catalog) -> list[str]:
    """The plan rules a completed plan breaks, recomputed from the coverage report and the catalog."""
    found = []
    report = coverage_report(plan, catalog, request.level)
    found += [f"{m} missed" for m in report.missed] + [f"{m} under" for m in report.under]
    found += [f"{m} over" for m in report.over]
    if request.days >= 2:
        twice = {"gastrocnemius", "soleus", *catalog.muscles.group_members("hamstrings")}
        found += [f"{m.id} on {m.days} day" for m in report.muscles if m.id in twice and m.days < 2]
    for number, (day, minutes) in enumerate(zip(plan.days, plan_minutes(plan, catalog), strict=True), 1):
        if minutes > request.minutes:
            found.append(f"day {number}: {minutes} minutes")
        load: dict[str, float] = {}
        for entry in day.exercises:
            exercise = catalog.exercises[entry.exercise]
            for muscle in exercise.muscles.tagged():
                role = exercise.role_of(muscle)
                weight = VOLUME.weights.of(role) if role is not None else 0.0
                load[muscle] = load.get(muscle, 0.0) + weight * entry.sets
        found += [f"day {number}: {m} {v} > cap" for m, v in load.items() if v > VOLUME.session_cap]
        at_hand = set(request.equipment) | {Equipment.BODYWEIGHT}
        found += [
            f"{e.exercise} not at hand"
            for e in day.exercises
            if not all(at_hand.intersection(group) for group in catalog.exercises[e.exercise].equipment)
        ]
    return found


def _assert_kept(completion: Completion, keep: Plan) -> None:
    """Every kept entry is on its own day, in its place at the head of the day, with no fewer sets."""
    for d, day in enumerate(keep.days):
        got = completion.plan.days[d].exercises
        for k, entry in enumerate(day.exercises):
            assert got[k].exercise == entry.exercise
            assert got[k].sets >= entry.sets
            assert (got[k].reps, got[k].rest_seconds) == (entry.reps, entry.rest_seconds)
    kept_sets = _total(keep)
    assert completion.kept_sets == kept_sets
    assert completion.added_sets == _total(completion.plan) - kept_sets


# --- Completing ----------------------------------------------------------------------------------


def test_a_routine_is_kept_and_completed_within_every_rule(catalog: Catalog) -> None:
    keep = _plan(ROUTINE, catalog)
    request = completion_request(keep)
    assert (request.days, request.volume, request.level) == (2, Volume.LOW, Level.INTERMEDIATE)
    done = complete_plan(request, catalog, keep=keep)
    _assert_kept(done, keep)
    assert _broken_rules(done.plan, request, catalog) == []
    marks = [(e.day, e.exercise, e.origin) for e in done.entries]
    assert marks[:3] == [(1, "back_squat", "kept"), (1, "leg_press", "kept"), (1, "romanian_deadlift", "kept")]
    assert {origin for _, _, origin in marks[3:]} <= {"kept", "added"}
    assert done.added_sets > 0
    assert done.plan.settings is not None
    assert done.plan.settings.volume is Volume.LOW


def test_the_added_sets_are_as_few_as_a_search_over_one_more_or_less_finds(catalog: Catalog) -> None:
    """Cross-check of the minimum: the same kept work with one set fewer allowed in all is infeasible."""
    keep = _plan(ROUTINE, catalog)
    request = completion_request(keep)
    done = complete_plan(request, catalog, keep=keep)
    # The kept routine's days and sets are a restriction of the unconstrained problem: never fewer
    # sets than the plan without anything kept (same days, level and volume).
    free = generate_plan(request, catalog)
    assert _total(done.plan) >= _total(free)
    # And no completion with fewer sets exists: the model with the total capped one lower has none.
    from planner.complete import _kept_work, _with_work
    from planner.plan_model import build_problem, daily_model, without_dominated
    from planner.solver import solve

    problem = without_dominated(_with_work(build_problem(request, catalog, VOLUME), _kept_work(keep, catalog), ()))
    model, _ = daily_model(problem, total=_total(done.plan) - 1)
    assert solve(model) is None


def test_keeping_a_whole_low_plan_adds_nothing(catalog: Catalog) -> None:
    plan = generate_plan(PlanRequest(days=3, volume=Volume.LOW), catalog)
    done = complete_plan(completion_request(plan), catalog, keep=plan)
    assert done.added_sets == 0
    assert done.plan.days == plan.days
    assert {e.origin for e in done.entries} == {"kept"}


def test_more_days_than_kept_come_after_with_free_weekdays(catalog: Catalog) -> None:
    keep = _plan(ROUTINE.replace("[[days]]\n", '[[days]]\nweekday = "tuesday"\n', 1), catalog)
    request = completion_request(keep, days=3)
    done = complete_plan(request, catalog, keep=keep)
    _assert_kept(done, keep)
    weekdays = [day.weekday for day in done.plan.days]
    assert weekdays[0] is Weekday.TUESDAY
    assert len(set(weekdays)) == 3
    assert None not in weekdays
    assert _broken_rules(done.plan, request, catalog) == []


def test_kept_work_of_one_set_and_more_than_five_sets_stays(catalog: Catalog) -> None:
    keep = _plan(
        """
[[days]]
exercises = [{ exercise = "seated calf raise", sets = 1 }, { exercise = "back squat", sets = 7 }]
[[days]]
exercises = [{ exercise = "toe curl", sets = 1, rest_seconds = 200 }]
""",
        catalog,
    )
    request = completion_request(keep)
    done = complete_plan(request, catalog, keep=keep)
    _assert_kept(done, keep)
    assert _broken_rules(done.plan, request, catalog) == []
    # The toe curl has its own rest: its sets stay as kept (added sets would be timed at the catalog's).
    assert done.plan.days[1].exercises[0].sets == 1


def test_the_settings_of_the_kept_file_are_the_defaults(catalog: Catalog) -> None:
    keep = _plan(
        '[settings]\nlevel = "beginner"\nminutes = 60\nequipment = ["barbell", "machine"]\n' + ROUTINE, catalog
    )
    request = completion_request(keep)
    assert (request.level, request.minutes, request.equipment) == (
        Level.BEGINNER,
        60,
        (Equipment.BARBELL, Equipment.MACHINE),
    )
    given = completion_request(keep, level=Level.ADVANCED, minutes=90, equipment=tuple(Equipment))
    assert (given.level, given.minutes, given.equipment) == (Level.ADVANCED, 90, tuple(Equipment))
    excluding = _plan('[settings]\nexclude = ["nordic_curl"]\n' + ROUTINE, catalog)
    assert completion_request(excluding).exclude == ("nordic_curl",)
    assert completion_request(excluding, exclude=()).exclude == ()
    done = complete_plan(completion_request(excluding), catalog, keep=excluding)
    assert all(entry.exercise != "nordic_curl" for day in done.plan.days for entry in day.exercises)


def test_fewer_days_than_kept_or_weekdays_are_bad_input(catalog: Catalog) -> None:
    keep = _plan(ROUTINE, catalog)
    with pytest.raises(InputError, match="has 2 days") as error:
        completion_request(keep, days=1)
    assert error.value.parameters == ("days",)
    with pytest.raises(InputError, match="weekdays") as error:
        completion_request(keep, weekdays=(Weekday.MONDAY, Weekday.FRIDAY))
    assert error.value.parameters == ("weekdays",)


def test_a_kept_exercise_that_is_excluded_is_bad_input(catalog: Catalog) -> None:
    keep = _plan(ROUTINE, catalog)
    with pytest.raises(InputError, match="back_squat is kept"):
        complete_plan(completion_request(keep, exclude=("squat",)), catalog, keep=keep)


# --- Inclusions ------------------------------------------------------------------------------------


def test_parse_inclusion(catalog: Catalog) -> None:
    assert parse_inclusion("RDL", catalog) == Inclusion("romanian_deadlift", 1)
    assert parse_inclusion("seated leg curl:4", catalog) == Inclusion("seated_leg_curl", 4)
    for bad in ("rdl:0", "rdl:-1", "rdl:x", "rdl:2.5", "rdl:21", ":3", "rdl:"):
        with pytest.raises(InputError) as error:
            parse_inclusion(bad, catalog)
        assert error.value.parameters == ("include",)
    with pytest.raises(InputError, match="did you mean 'Romanian deadlift'"):
        parse_inclusion("romanien deadlift", catalog)


def test_included_exercises_are_in_the_plan_with_their_sets(catalog: Catalog) -> None:
    request = PlanRequest(days=3)
    include = (Inclusion("glute_ham_raise", 4), Inclusion("toe_curl", 1))
    done = complete_plan(request, catalog, include=include)
    weekly: dict[str, int] = {}
    for day in done.plan.days:
        for entry in day.exercises:
            weekly[entry.exercise] = weekly.get(entry.exercise, 0) + entry.sets
    assert weekly["glute_ham_raise"] >= 4
    assert weekly["toe_curl"] >= 1
    assert _broken_rules(done.plan, request, catalog) == []
    assert done.kept_sets == 0
    assert {e.origin for e in done.entries} == {"added"}
    assert done.to_data()["included"] == [
        {"exercise": "glute_ham_raise", "sets": 4},
        {"exercise": "toe_curl", "sets": 1},
    ]


def test_an_inclusion_not_at_hand_is_bad_input(catalog: Catalog) -> None:
    request = PlanRequest(days=2, equipment=(Equipment.DUMBBELL, Equipment.BENCH, Equipment.MACHINE))
    with pytest.raises(InputError, match="glute_ham_raise needs"):
        complete_plan(request, catalog, include=(Inclusion("glute_ham_raise", 1),))


# --- A training log's preferences ------------------------------------------------------------------


def test_logged_exercises_map_app_names(catalog: Catalog) -> None:
    found = logged_exercises(["Seated Calf Raise (Machine)", "Bench Press (Barbell)", "Deadlift (Barbell)"], catalog)
    assert "seated_calf_raise" in found
    assert all(exercise in catalog.exercises for exercise in found)
    assert len(found) == 2


def test_the_log_changes_which_exercises_not_how_many_sets(catalog: Catalog) -> None:
    keep = _plan(ROUTINE, catalog)
    request = completion_request(keep)
    plain = complete_plan(request, catalog, keep=keep)
    known = frozenset({"leg_press_calf_raise", "glute_ham_raise"})
    liked = complete_plan(request, catalog, keep=keep, known=known)
    assert _total(liked.plan) == _total(plain.plan)
    _assert_kept(liked, keep)
    assert _broken_rules(liked.plan, request, catalog) == []
    added = {e.exercise for e in liked.entries if e.added}
    added_plain = {e.exercise for e in plain.entries if e.added}
    assert liked.preferred
    for exercise in liked.preferred:
        assert exercise in known
        assert exercise in added
        assert exercise not in added_plain
    # Without a log nothing is said to be chosen for it.
    assert plain.preferred == ()
    assert UNLOGGED_COST > 6


# --- Kept work that leaves no plan -----------------------------------------------------------------


def test_kept_work_past_the_session_cap_is_named_with_what_would_work(catalog: Catalog) -> None:
    keep = _plan(
        """
[[days]]
exercises = [
  { exercise = "romanian deadlift", sets = 5 },
  { exercise = "stiff-leg deadlift", sets = 5 },
  { exercise = "good morning", sets = 3 },
]
[[days]]
exercises = [{ exercise = "seated leg curl", sets = 3 }]
""",
        catalog,
    )
    request = completion_request(keep)
    with pytest.raises(UnmetRequestError) as error:
        complete_plan(request, catalog, keep=keep)
    assert error.value.limit is Limit.KEPT_WORK
    assert "per-session cap" in error.value.message
    assert "romanian_deadlift" in error.value.message
    (way,) = error.value.ways_out
    fewer = {}
    for change in way:
        assert isinstance(change, FewerKeptSets)
        assert change.day == 1
        fewer[change.exercise] = change.sets
    assert "romanian_deadlift" in fewer
    # Following the way out gives a plan.
    days = list(keep.days)
    entries = tuple(
        e.model_copy(update={"sets": fewer[e.exercise]}) if e.exercise in fewer else e
        for e in days[0].exercises
        if fewer.get(e.exercise) != 0
    )
    days[0] = PlanDay(exercises=entries)
    fixed = keep.model_copy(update={"days": tuple(days)})
    done = complete_plan(request, catalog, keep=fixed)
    assert _broken_rules(done.plan, request, catalog) == []
    # A lighter day needs only one change, the biggest giver's.
    light = _plan(
        """
[[days]]
exercises = [{ exercise = "romanian deadlift", sets = 5 }, { exercise = "good morning", sets = 4 }]
[[days]]
exercises = [{ exercise = "seated leg curl", sets = 3 }]
""",
        catalog,
    )
    with pytest.raises(UnmetRequestError) as error:
        complete_plan(request, catalog, keep=light)
    (way,) = error.value.ways_out
    assert len(way) == 1


def test_kept_work_longer_than_the_sessions_offers_longer_sessions_that_work(catalog: Catalog) -> None:
    keep = _plan(ROUTINE, catalog)
    request = completion_request(keep, minutes=20)
    with pytest.raises(UnmetRequestError) as error:
        complete_plan(request, catalog, keep=keep)
    assert error.value.limit is Limit.SESSION_LENGTH
    assert "day 1 of the kept plan takes about 35 minutes" in error.value.message
    change = error.value.ways_out[0][0]
    assert isinstance(change, LongerSessions)
    longer = request.model_copy(update={"minutes": change.minutes})
    done = complete_plan(longer, catalog, keep=keep)
    assert _broken_rules(done.plan, longer, catalog) == []
    # 5 minutes less than the way out is not enough.
    with pytest.raises(UnmetRequestError):
        complete_plan(request.model_copy(update={"minutes": change.minutes - 5}), catalog, keep=keep)


def test_kept_work_past_the_top_of_a_band_offers_fewer_sets_or_a_higher_level(catalog: Catalog) -> None:
    calves = '[[days]]\nexercises = [{ exercise = "seated calf raise", sets = 5 }]\n'
    keep = _plan(calves * 4, catalog)
    request = completion_request(keep)
    with pytest.raises(UnmetRequestError) as error:
        complete_plan(request, catalog, keep=keep)
    assert error.value.muscles == ("soleus",)
    assert "above the top of its band" in error.value.message
    kinds = [type(way[0]) for way in error.value.ways_out]
    assert kinds[0] is FewerKeptSets
    if len(kinds) > 1:
        assert kinds[1] is OtherLevel


def test_kept_work_needing_equipment_not_at_hand_names_it(catalog: Catalog) -> None:
    keep = _plan(ROUTINE, catalog)
    request = completion_request(keep, equipment=(Equipment.DUMBBELL, Equipment.MACHINE))
    with pytest.raises(UnmetRequestError) as error:
        complete_plan(request, catalog, keep=keep)
    assert "back_squat (kept, day 1)" in error.value.message
    assert error.value.ways_out == ((AddEquipment((Equipment.BARBELL,), ("back_squat",)),),)


# --- The property: any kept part of a plan re-completes to a plan as short -------------------------


@st.composite
def _kept_parts(draw: st.DrawFn) -> tuple[Plan, Plan]:
    catalog = _catalog()
    days = draw(st.integers(2, 4))
    level = draw(st.sampled_from(list(Level)))
    plan = _low_plan(days, level)
    kept_days = []
    for day in plan.days:
        chosen = draw(st.lists(st.booleans(), min_size=len(day.exercises), max_size=len(day.exercises)))
        entries = []
        for entry, keep in zip(day.exercises, chosen, strict=True):
            if keep:
                # At least a plan's smallest block of sets: a kept single set may stand where a plan
                # needs two, so the completion can be a set shorter than any plan (see below).
                sets = draw(st.integers(min(MIN_EXERCISE_SETS, entry.sets), entry.sets))
                entries.append(entry.model_copy(update={"sets": sets}))
        if entries:
            kept_days.append(day.model_copy(update={"exercises": tuple(entries)}))
    if not kept_days:
        kept_days.append(plan.days[0].model_copy(update={"exercises": plan.days[0].exercises[:1]}))
    assert catalog is not None
    return plan, Plan(days=tuple(kept_days), settings=plan.settings)


@cache
def _low_plan(days: int, level: Level) -> Plan:
    return generate_plan(PlanRequest(days=days, level=level, volume=Volume.LOW), _catalog())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=_kept_parts())
def test_any_kept_part_of_a_plan_recompletes_to_as_few_sets(parts: tuple[Plan, Plan]) -> None:
    """The plan itself (its days reordered, kept days first) completes its kept part, so the
    completion has at most its sets, and no completion has fewer than the fewest of any plan."""
    catalog = _catalog()
    plan, keep = parts
    request = completion_request(keep, days=len(plan.days))
    done = complete_plan(request, catalog, keep=keep)
    _assert_kept(done, keep)
    assert _broken_rules(done.plan, request, catalog) == []
    assert _total(done.plan) == _total(plan)


def test_a_kept_single_set_may_make_the_completion_shorter_than_any_plan() -> None:
    # A plan gives an exercise 2 sets or none; kept work may hold 1 (found by hypothesis at its
    # floor version): keeping 1 set of the back extension of a 2-day beginner plan of 18 sets.
    catalog = _catalog()
    plan = _low_plan(2, Level.BEGINNER)
    first = plan.days[0]
    keep = Plan(
        days=(first.model_copy(update={"exercises": (first.exercises[0].model_copy(update={"sets": 1}),)}),),
        settings=plan.settings,
    )
    request = completion_request(keep, days=len(plan.days))
    done = complete_plan(request, catalog, keep=keep)
    _assert_kept(done, keep)
    assert _broken_rules(done.plan, request, catalog) == []
    assert _total(plan) - 1 <= _total(done.plan) <= _total(plan)


def test_too_many_included_sets_offer_the_most_that_work(catalog: Catalog) -> None:
    from exercises.ways_out import FewerIncludedSets

    request = PlanRequest(days=2, level=Level.BEGINNER)
    with pytest.raises(UnmetRequestError) as error:
        complete_plan(request, catalog, include=(Inclusion("nordic_curl", 10),))
    ((change,),) = error.value.ways_out
    assert isinstance(change, FewerIncludedSets)
    assert 0 < change.sets < 10
    done = complete_plan(request, catalog, include=(Inclusion("nordic_curl", change.sets),))
    assert _broken_rules(done.plan, request, catalog) == []
    with pytest.raises(UnmetRequestError):
        complete_plan(request, catalog, include=(Inclusion("nordic_curl", change.sets + 1),))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    days=st.integers(2, 4),
    picks=st.lists(
        st.tuples(st.sampled_from(sorted(load_catalog().exercises)), st.integers(1, 6)), min_size=1, max_size=2
    ),
)
def test_any_inclusion_gives_a_plan_with_it_or_says_why(days: int, picks: list[tuple[str, int]]) -> None:
    """Included exercises are in the plan with their least sets, every rule holds, and the plan has
    at least the sets of the plan without them; or no plan exists and the error offers a way out."""
    catalog = _catalog()
    request = PlanRequest(days=days, volume=Volume.LOW)
    include = tuple(Inclusion(exercise, sets) for exercise, sets in picks)
    unmet: UnmetRequestError | None = None
    try:
        done = complete_plan(request, catalog, include=include)
    except UnmetRequestError as error:
        unmet = error
    if unmet is not None:
        assert unmet.ways_out
        return
    assert _broken_rules(done.plan, request, catalog) == []
    weekly: dict[str, int] = {}
    for day in done.plan.days:
        for entry in day.exercises:
            weekly[entry.exercise] = weekly.get(entry.exercise, 0) + entry.sets
    for exercise, sets in picks:
        assert weekly.get(exercise, 0) >= sets
    assert _total(done.plan) >= _total(_low_plan(days, Level.INTERMEDIATE))


def test_kept_and_included_work_may_be_beyond_the_level_or_conditioning(catalog: Catalog) -> None:
    """A plan never prescribes a Nordic curl to a beginner or a sprint to anyone, but the lifter may
    keep or include them: they stay, count, and the plan is completed around them."""
    request = PlanRequest(days=2, level=Level.BEGINNER)
    keep = Plan(days=(PlanDay(exercises=(PlanEntry(exercise="sprinting", sets=4),)),))
    done = complete_plan(request, catalog, keep=keep, include=(Inclusion("nordic_curl", 2),))
    used = [entry.exercise for day in done.plan.days for entry in day.exercises]
    assert "sprinting" in used
    assert "nordic_curl" in used
    added = generate_plan(request, catalog)
    assert "nordic_curl" not in {entry.exercise for day in added.days for entry in day.exercises}
