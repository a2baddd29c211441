"""Coverage: tallies, statuses, joint actions and their gap sentences, suggestions, cap warnings,
worked examples from real programs, and property tests of the volume arithmetic."""

from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.catalog import Catalog, Exercise, Reading
from exercises.exceptions import InputError, TargetsUnmetError, UnknownNameError
from exercises.muscles import MuscleRegistry
from exercises.vocabulary import Equipment, EvidenceLevel, Joint, Role
from planner.coverage import (
    ACTION_CHECKS,
    INLINE_SESSION,
    CoverageReport,
    RoutineTally,
    Status,
    average_tallies,
    coverage_report,
    load_routine,
    report_from_tally,
    status_of,
    tally_plan,
    tally_sessions,
)
from planner.plan_file import Plan, plan_from_data
from planner.volume import Level, RoleWeights, VolumeSettings

POSTERIOR = [
    "biceps_femoris_long_head",
    "biceps_femoris_short_head",
    "semitendinosus",
    "semimembranosus",
    "gastrocnemius",
    "soleus",
    "plantaris",
    "popliteus",
    "flexor_hallucis_longus",
    "flexor_digitorum_longus",
]


def _plan(*days: Sequence[tuple[str, int]], level: Level | None = None) -> Plan:
    data: dict[str, object] = {"days": [{"exercises": [{"exercise": e, "sets": s} for e, s in day]} for day in days]}
    if level is not None:
        data["settings"] = {"level": level.value}
    return plan_from_data(data)


def _muscle(report: CoverageReport, muscle_id: str) -> dict[str, object]:
    found: dict[str, object] = next(m for m in report.to_data()["muscles"] if m["id"] == muscle_id)
    return found


def _gap(report: CoverageReport, action_id: str) -> str | None:
    return next(a.gap for a in report.actions if a.id == action_id)


# --- Worked examples from real programs ---------------------------------------------------------


def test_the_seed_articles_three_exercises_miss_the_soleus_and_the_toe_flexors(catalog: Catalog) -> None:
    # The seed article's routine: deadlift, sumo squat, leg curl (3 sets each, one day).
    report = coverage_report(_plan([("deadlift", 3), ("sumo_squat", 3), ("lying_leg_curl", 3)]), catalog)
    assert {"soleus", "flexor_hallucis_longus", "flexor_digitorum_longus"} <= set(report.missed)
    # The sumo squat counts for no posterior-leg muscle: it only lists some as stabilizers.
    soleus = _muscle(report, "soleus")
    assert soleus["sets"] == {"primary": 0, "secondary": 0, "stabilizer": 3}
    assert soleus["effective"] == 0
    assert soleus["status"] == "missed"
    # Deadlift hamstrings are secondary (0.5), the leg curl primary (1.0): 1.5 + 3 = 4.5.
    assert _muscle(report, "semitendinosus")["effective"] == 4.5
    gaps = {a.id for a in report.actions if not a.covered}
    assert gaps == {"plantarflexion_knee_straight", "plantarflexion_knee_bent", "toe_flexion"}
    assert _gap(report, "toe_flexion") == (
        "no toe-flexion exercise: the flexor hallucis longus and the flexor digitorum longus act mainly by "
        "toe flexion, so this routine leaves them untrained"
    )
    assert _gap(report, "plantarflexion_knee_bent") == (
        "no bent-knee plantarflexion exercise: the soleus crosses only the ankle, so this routine leaves it untrained"
    )
    suggested = {s.muscle: s.exercises for s in report.suggestions}
    assert set(suggested["flexor_hallucis_longus"]) <= {"toe_curl", "towel_curl", "banded_toe_curl"}


def test_a_hinge_only_day_misses_the_short_head_of_biceps_femoris(catalog: Catalog) -> None:
    report = coverage_report(_plan([("romanian_deadlift", 4), ("stiff_leg_deadlift", 3), ("good_morning", 3)]), catalog)
    assert "biceps_femoris_short_head" in report.missed
    for head in ("biceps_femoris_long_head", "semitendinosus", "semimembranosus"):
        assert _muscle(report, head)["status"] == "ok"  # 10 primary sets each
    gap = _gap(report, "knee_flexion")
    assert gap is not None
    assert gap.startswith("no knee-flexion exercise: the short head of the biceps femoris and the popliteus cross only")
    assert "so this routine leaves them untrained" in gap
    assert (
        "the long head of the biceps femoris, the semitendinosus and the semimembranosus get only hip-extension work"
        in gap
    )
    short_head = next(s for s in report.suggestions if s.muscle == "biceps_femoris_short_head")
    assert short_head.options, "something must train the short head"
    for option in short_head.options:
        assert "knee_flexion" in option.closes
    fits = [option.uses_routine_equipment for option in short_head.options]
    assert fits[0], "the routine uses a barbell: a bodyweight or barbell option comes first"
    assert fits == sorted(fits, reverse=True)


def test_a_complete_routine_meets_every_target(catalog: Catalog) -> None:
    plan = _plan(
        [("romanian_deadlift", 3), ("seated_leg_curl", 4), ("standing_calf_raise", 5), ("toe_curl", 2)],
        [
            ("nordic_curl", 3),
            ("lying_leg_curl", 3),
            ("standing_calf_raise", 5),
            ("seated_calf_raise", 2),
            ("toe_curl", 2),
        ],
    )
    report = coverage_report(plan, catalog)
    assert report.missed == report.under == report.over == ()
    assert report.suggestions == ()
    assert len(report.actions) == len(ACTION_CHECKS)
    assert all(a.covered for a in report.actions)
    assert len(report.muscles) == len(POSTERIOR)
    assert all(m.days == 2 for m in report.muscles if m.id != "plantaris"), [(m.id, m.days) for m in report.muscles]
    report.require_targets()  # nothing to raise


# --- The tally --------------------------------------------------------------------------------


def test_days_count_the_days_with_effective_sets(catalog: Catalog) -> None:
    plan = _plan([("seated_calf_raise", 3)], [("romanian_deadlift", 3)], [("standing_calf_raise", 3)])
    tally = tally_plan(plan, catalog)
    assert tally.muscles["soleus"].days == 2
    assert [load.session for load in tally.muscles["soleus"].sessions] == ["Day 1", "Day 3"]
    # Gastrocnemius is only a stabilizer in the seated raise and the RDL: those days do not count.
    assert tally.muscles["gastrocnemius"].days == 1
    assert tally.muscles["gastrocnemius"].sets.stabilizer == 6
    assert tally.exercises == ("seated_calf_raise", "romanian_deadlift", "standing_calf_raise")
    assert tally.muscles["soleus"].exercises == ("seated_calf_raise", "standing_calf_raise")


def test_stabilizer_sets_are_listed_and_count_nothing(catalog: Catalog) -> None:
    tally = tally_plan(_plan([("sumo_squat", 5)]), catalog)
    semitendinosus = tally.muscles["semitendinosus"]
    assert semitendinosus.sets.stabilizer == 5
    assert semitendinosus.effective == 0
    assert semitendinosus.exercises == ()


def test_weights_are_settings(catalog: Catalog) -> None:
    plan = _plan([("deadlift", 4)])
    full = VolumeSettings(weights=RoleWeights(secondary=1.0))
    assert tally_plan(plan, catalog).muscles["semitendinosus"].effective == 2
    assert tally_plan(plan, catalog, full).muscles["semitendinosus"].effective == 4
    report = coverage_report(plan, catalog, settings=full)
    assert report.weights.secondary == 1.0


def _entries_strategy(catalog: Catalog) -> st.SearchStrategy[list[tuple[str, int]]]:
    return st.lists(st.tuples(st.sampled_from(sorted(catalog.exercises)), st.integers(1, 20)), min_size=1, max_size=40)


def _direct_sum(entries: Sequence[tuple[str, int]], catalog: Catalog, weights: RoleWeights) -> dict[str, float]:
    """Effective sets computed the plain way: sets x role weight, entry by entry."""
    totals = dict.fromkeys(catalog.muscles.muscles, 0.0)
    for exercise_id, sets in entries:
        exercise = catalog.exercises[exercise_id]
        for muscle_id in exercise.muscles.tagged():
            role = exercise.role_of(muscle_id)
            assert role is not None
            totals[muscle_id] += sets * weights.of(role)
    return totals


@given(data=st.data())
def test_effective_sets_are_the_sum_over_entries_whatever_the_order_or_split(
    data: st.DataObject, catalog: Catalog
) -> None:
    entries = data.draw(_entries_strategy(catalog))
    shuffled = data.draw(st.permutations(entries))
    day_of = data.draw(st.lists(st.integers(0, 6), min_size=len(shuffled), max_size=len(shuffled)))
    days: list[list[tuple[str, int]]] = [[] for _ in range(7)]
    for entry, day in zip(shuffled, day_of, strict=True):
        days[day].append(entry)
    split = _plan(*[day for day in days if day])
    one_day = _plan(entries)
    expected = _direct_sum(entries, catalog, RoleWeights())
    split_tally = tally_plan(split, catalog)
    one_tally = tally_plan(one_day, catalog)
    for muscle_id, effective in expected.items():
        assert split_tally.muscles[muscle_id].effective == effective
        assert one_tally.muscles[muscle_id].effective == effective
        assert sum(load.effective for load in split_tally.muscles[muscle_id].sessions) == effective
        assert split_tally.muscles[muscle_id].sets == one_tally.muscles[muscle_id].sets
    volume = VolumeSettings().effective_sets((catalog.exercises[e], s) for e, s in shuffled)
    assert {m: volume.get(m, 0.0) for m in expected} == expected
    # Statuses depend only on the totals, so the split changes nothing but days and warnings.
    split_report, one_report = coverage_report(split, catalog), coverage_report(one_day, catalog)
    assert [m.status for m in split_report.muscles] == [m.status for m in one_report.muscles]


@given(data=st.data())
def test_averaging_weeks_divides_the_totals(data: st.DataObject, catalog: Catalog) -> None:
    weeks = data.draw(st.lists(_entries_strategy(catalog), min_size=1, max_size=4))
    tallies = [tally_sessions([(f"week {i} day", entries)], catalog) for i, entries in enumerate(weeks)]
    average = average_tallies(tallies)
    everything = tally_sessions([("all", [e for entries in weeks for e in entries])], catalog)
    for muscle_id, tally in everything.muscles.items():
        assert average.muscles[muscle_id].effective == pytest.approx(tally.effective / len(weeks))
        assert average.muscles[muscle_id].sets.primary == pytest.approx(tally.sets.primary / len(weeks))
    assert len(average.sessions) == len(weeks)


def test_average_of_no_weeks_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no weeks"):
        average_tallies([])


def test_sessions_with_the_same_label_are_one_day(catalog: Catalog) -> None:
    tally = tally_sessions([("2026-11-02", [("nordic_curl", 6)]), ("2026-11-02", [("lying_leg_curl", 6)])], catalog)
    assert tally.muscles["semitendinosus"].days == 1
    report = report_from_tally(tally, catalog, Level.INTERMEDIATE)
    assert [(w.muscle, w.day, w.effective) for w in report.warnings if w.muscle == "semitendinosus"] == [
        ("semitendinosus", "2026-11-02", 12)
    ]


# --- The judgement ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("effective", "status"),
    [
        (0, Status.MISSED),
        (0.5, Status.UNDER),
        (7.5, Status.UNDER),
        (8, Status.OK),
        (16, Status.OK),
        (16.5, Status.OVER),
    ],
)
def test_status_boundaries(effective: float, status: Status) -> None:
    assert status_of(effective, 8, 16) is status


def test_targets_follow_the_level_and_say_where_they_come_from(catalog: Catalog) -> None:
    plan = _plan([("nordic_curl", 3)], level=Level.ADVANCED)
    assert coverage_report(plan, catalog).level is Level.ADVANCED, "the plan's own level by default"
    beginner = coverage_report(plan, catalog, Level.BEGINNER)
    advanced = coverage_report(plan, catalog, Level.ADVANCED)
    low = {m.id: m.target.min for m in beginner.muscles}
    high = {m.id: m.target.min for m in advanced.muscles}
    assert sorted(low) == sorted(POSTERIOR)
    assert all(low[m] < high[m] for m in low)
    assert coverage_report(_plan([("nordic_curl", 3)]), catalog).level is Level.INTERMEDIATE
    for muscle in beginner.muscles:
        unstudied = muscle.id in {"plantaris", "popliteus", "flexor_hallucis_longus", "flexor_digitorum_longus"}
        assert ("no training studies" in muscle.target.basis) is unstudied


def test_the_json_is_the_spec_shape(catalog: Catalog) -> None:
    document = coverage_report(_plan([("deadlift", 3), ("nordic_curl", 3)]), catalog).to_data()
    assert {"muscles", "missed", "under", "over", "suggestions"} <= set(document)
    assert [m["id"] for m in document["muscles"]] == POSTERIOR
    for muscle in document["muscles"]:
        assert {"id", "group", "sets", "effective", "days", "target", "status"} <= set(muscle)
        assert set(muscle["sets"]) == {"primary", "secondary", "stabilizer"}
        assert {"min", "max"} <= set(muscle["target"])
        assert muscle["status"] in {"missed", "under", "ok", "over"}
        assert muscle["group"] in {"hamstrings", "calves", "deep_posterior"}
    for status in ("missed", "under", "over"):
        assert document[status] == [m["id"] for m in document["muscles"] if m["status"] == status]
    short = set(document["missed"]) | set(document["under"])
    assert short, "the routine leaves muscles short, so there are suggestions to check"
    assert {s["muscle"] for s in document["suggestions"]} == short
    assert all(isinstance(s["exercises"], list) for s in document["suggestions"])


def test_suggestions_train_the_muscle_as_primary_and_prefer_the_routines_equipment(catalog: Catalog) -> None:
    # A bodyweight routine: bodyweight suggestions (always available) come before machines.
    report = coverage_report(_plan([("nordic_curl", 3), ("glute_bridge", 3)]), catalog)
    in_use = {Equipment.BODYWEIGHT}
    assert {s.role for s in report.suggestions} == {Role.PRIMARY, Role.SECONDARY}
    for suggestion in report.suggestions:
        assert 1 <= len(suggestion.exercises) <= 3
        # As primary, unless no exercise trains the muscle as primary: then as secondary.
        expected = Role.SECONDARY if suggestion.muscle in report.secondary_only else Role.PRIMARY
        assert suggestion.role is expected, suggestion.muscle
        for exercise_id in suggestion.exercises:
            assert suggestion.muscle in catalog.exercises[exercise_id].muscles.by_role(expected)
        fits = [catalog.exercises[e].available_with(in_use) for e in suggestion.exercises]
        assert fits == sorted(fits, reverse=True), "options that fit the routine's equipment come first"
    soleus = next(s for s in report.suggestions if s.muscle == "soleus")
    assert soleus.exercises
    assert all(catalog.exercises[e].available_with(in_use) for e in soleus.exercises)
    assert coverage_report(_plan([("nordic_curl", 3), ("glute_bridge", 3)]), catalog) == report, "deterministic"


def test_suggestions_prefer_exercises_that_close_a_gap(catalog: Catalog) -> None:
    # Straight-knee raises are in; the bent-knee one is the gap a soleus suggestion should close.
    report = coverage_report(_plan([("standing_calf_raise", 2)]), catalog)
    soleus = next(s for s in report.suggestions if s.muscle == "soleus")
    assert soleus.options[0].closes == ("plantarflexion_knee_bent",)
    assert soleus.options[0].uses_routine_equipment


def test_under_muscles_may_be_offered_more_sets_of_what_is_there(catalog: Catalog) -> None:
    # Three exercises train the big-toe flexor as primary; the toe curl is in the routine, so it is
    # offered again, after the towel curl that needs nothing new and before the band.
    primaries = [e.id for e in catalog.exercises.values() if "flexor_hallucis_longus" in e.muscles.primary]
    assert "toe_curl" in primaries
    plan = _plan([("toe_curl", 1), ("nordic_curl", 3)])
    toes = next(s for s in coverage_report(plan, catalog).suggestions if s.muscle == "flexor_hallucis_longus")
    assert toes.status is Status.UNDER
    assert "toe_curl" in toes.exercises
    assert [o.in_routine for o in toes.options] == [o.id == "toe_curl" for o in toes.options]


def test_a_muscle_no_exercise_trains_as_primary_is_covered_through_secondary_roles(catalog: Catalog) -> None:
    report = coverage_report(_plan([("nordic_curl", 3)]), catalog)
    assert set(report.secondary_only) == {"plantaris", "popliteus"}
    assert report.to_data()["secondary_only"] == list(report.secondary_only)
    plantaris = next(s for s in report.suggestions if s.muscle == "plantaris")
    assert plantaris.role is Role.SECONDARY
    assert all(catalog.exercises[e].role_of("plantaris") is Role.SECONDARY for e in plantaris.exercises)
    assert "plantarflexion_knee_straight" in plantaris.options[0].closes


def test_per_session_cap_warnings(catalog: Catalog) -> None:
    crammed = coverage_report(_plan([("nordic_curl", 6), ("lying_leg_curl", 6)]), catalog)
    warned = {(w.muscle, w.day, w.effective, w.cap) for w in crammed.warnings}
    assert ("semitendinosus", "Day 1", 12, 10) in warned
    assert ("biceps_femoris_short_head", "Day 1", 12, 10) in warned
    assert all(w.effective > w.cap for w in crammed.warnings)
    spread = coverage_report(_plan([("nordic_curl", 6)], [("lying_leg_curl", 6)]), catalog)
    assert spread.warnings == ()
    assert _muscle(spread, "semitendinosus")["effective"] == _muscle(crammed, "semitendinosus")["effective"]


def test_strict_names_every_missed_and_under_muscle(catalog: Catalog) -> None:
    report = coverage_report(_plan([("romanian_deadlift", 3)]), catalog)
    with pytest.raises(TargetsUnmetError) as raised:
        report.require_targets()
    assert raised.value.exit_code == 1
    assert "missed: biceps_femoris_short_head" in raised.value.message
    assert "under target: biceps_femoris_long_head" in raised.value.message
    assert "--strict" not in raised.value.message, "the command line names the check"
    assert raised.value.missed == report.missed
    assert raised.value.under == report.under
    assert raised.value.muscles == (*report.missed, *report.under)


# --- Joint actions ----------------------------------------------------------------------------


def test_an_action_needs_a_performer_counted_not_just_loaded(catalog: Catalog) -> None:
    # Back squats load hip extension, but count no hamstring: hip extension stays a gap.
    report = coverage_report(_plan([("back_squat", 5)]), catalog)
    assert not next(a for a in report.actions if a.id == "hip_extension").covered
    # Nor does a hip thrust (Plotkin 2023); a cable pull-through counts them as secondary: that covers it.
    report = coverage_report(_plan([("hip_thrust", 3)]), catalog)
    assert not next(a for a in report.actions if a.id == "hip_extension").covered
    report = coverage_report(_plan([("cable_pull_through", 3)]), catalog)
    hip = next(a for a in report.actions if a.id == "hip_extension")
    assert hip.covered
    assert hip.exercises == ("cable_pull_through",)


def test_plantarflexion_is_checked_per_knee_angle(catalog: Catalog) -> None:
    straight = coverage_report(_plan([("standing_calf_raise", 3)]), catalog)
    bent = coverage_report(_plan([("seated_calf_raise", 3)]), catalog)
    covered = {r.level: {a.id for a in r.actions if a.covered} for r in (straight,)}
    assert covered[Level.INTERMEDIATE] == {"plantarflexion_knee_straight"}
    assert {a.id for a in bent.actions if a.covered} == {"plantarflexion_knee_bent"}
    gap = _gap(bent, "plantarflexion_knee_straight")
    assert gap == (
        "no straight-knee plantarflexion exercise: the gastrocnemius and the plantaris act mainly by plantarflexion, "
        "so this routine leaves them untrained"
    )


def test_every_check_has_performers_in_the_registry(catalog: Catalog) -> None:
    for check in ACTION_CHECKS:
        assert check.performers(catalog.muscles), check.id


def _registry_with(registry: MuscleRegistry, muscle_id: str, **changes: object) -> MuscleRegistry:
    muscles = dict(registry.muscles)
    muscles[muscle_id] = muscles[muscle_id].model_copy(update=changes)
    return MuscleRegistry(muscles=muscles, names=registry.names)


def test_gap_sentences_are_derived_from_the_registry(catalog: Catalog) -> None:
    plan = _plan([("romanian_deadlift", 3)])
    before = _gap(coverage_report(plan, catalog), "knee_flexion")
    assert before is not None
    assert "the short head of the biceps femoris and the popliteus cross only the knee" in before
    # Were the short head to cross the hip as well, the sentence could no longer say "only the knee".
    registry = _registry_with(catalog.muscles, "biceps_femoris_short_head", joints=(Joint.HIP, Joint.KNEE))
    changed = Catalog(muscles=registry, exercises=catalog.exercises, names=catalog.names)
    after = _gap(coverage_report(plan, changed), "knee_flexion")
    assert after is not None
    assert "the popliteus crosses only the knee" in after
    assert "short head of the biceps femoris cross" not in after


def test_the_gap_sentence_names_what_the_trained_muscles_get(catalog: Catalog) -> None:
    report = coverage_report(_plan([("standing_calf_raise", 3), ("back_extension", 3)]), catalog)
    gap = _gap(report, "plantarflexion_knee_bent")
    assert gap == (
        "no bent-knee plantarflexion exercise: the soleus, the flexor hallucis longus and the flexor digitorum "
        "longus get only straight-knee plantarflexion work"
    )


# --- Routines from files and -e ---------------------------------------------------------------


def test_load_routine_from_inline_exercises(catalog: Catalog) -> None:
    routine = load_routine(None, ["RDL", "Seated Leg Curl:4"], catalog)
    assert len(routine.days) == 1
    assert routine.days[0].name == INLINE_SESSION
    assert [(e.exercise, e.sets) for e in routine.days[0].exercises] == [
        ("romanian_deadlift", 3),
        ("seated_leg_curl", 4),
    ]


def test_family_names_are_read_as_their_most_common_variant_and_said_so(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "legs.toml"
    path.write_text('[[days]]\nexercises = [{ exercise = "Squats", sets = 3 }, { exercise = "leg press", sets = 3 }]\n')
    read_as: list[Reading] = []
    routine = load_routine(path, ["leg curl", "Calf Raises:4", "Squats", "leg curl:2"], catalog, read_as=read_as)
    report = coverage_report(routine, catalog, read_as=read_as).to_data()
    assert [(r["typed"], r["exercise"]) for r in report["read_as"]] == [
        ("leg curl", "lying_leg_curl"),
        ("Calf Raises", "standing_calf_raise"),
        ("Squats", "back_squat"),
    ]
    assert report["read_as"][0] == {"typed": "leg curl", "exercise": "lying_leg_curl", "name": "Lying leg curl"}
    # Exact names are not "read as" anything; a report without family names has no read_as key.
    exact: list[Reading] = []
    load_routine(None, ["Lying leg curl", "Back squat"], catalog, read_as=exact)
    assert exact == []
    assert "read_as" not in coverage_report(routine, catalog, read_as=exact).to_data()


def test_load_routine_merges_a_file_with_inline_exercises(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    day = '[[days]]\nexercises = [{ exercise = "nordic_curl", sets = 3 }]\n'
    path.write_text(day * 7)
    routine = load_routine(path, ["toe curl:2"], catalog)
    assert len(routine.days) == 8, "the -e session is an extra one, even after a full week"
    report = coverage_report(routine, catalog)
    assert _muscle(report, "flexor_hallucis_longus")["effective"] == 2
    assert _muscle(report, "semitendinosus")["days"] == 7


def test_load_routine_needs_something_to_check(catalog: Catalog) -> None:
    with pytest.raises(InputError, match="nothing to check"):
        load_routine(None, [], catalog)
    with pytest.raises(UnknownNameError, match="did you mean"):
        load_routine(None, ["nordik curl"], catalog)


def test_a_user_catalog_exercise_is_suggested_and_counted(catalog: Catalog, tmp_path: Path) -> None:
    from exercises.catalog import load_catalog

    user = tmp_path / "mine.toml"
    user.write_text(
        '[[exercises]]\nid = "partner_leg_curl"\nname = "Partner leg curl"\nequipment = ["bodyweight"]\n'
        'pattern = "knee_flexion"\n'
        'muscles = { primary = ["biceps_femoris_short_head", "semitendinosus"], secondary = ["gastrocnemius"] }\n'
    )
    mine = load_catalog([user])
    report = coverage_report(_plan([("partner_leg_curl", 4)]), mine)
    assert _muscle(report, "biceps_femoris_short_head")["effective"] == 4
    assert next(a for a in report.actions if a.id == "knee_flexion").exercises == ("partner_leg_curl",)


def test_reports_are_frozen(catalog: Catalog) -> None:
    report = coverage_report(_plan([("nordic_curl", 3)]), catalog)
    with pytest.raises(AttributeError):
        report.level = Level.ADVANCED  # type: ignore[misc]
    assert isinstance(tally_plan(_plan([("nordic_curl", 3)]), catalog), RoutineTally)


def test_role_order_is_fixed(catalog: Catalog) -> None:
    # Guards the tally's assumption that the three roles are exactly these.
    assert [r.value for r in Role] == ["primary", "secondary", "stabilizer"]
    exercise: Exercise = catalog.exercises["nordic_curl"]
    assert exercise.role_of("semitendinosus") is Role.PRIMARY


def test_suggestions_prefer_the_strongest_evidence_for_the_muscle(catalog: Catalog) -> None:
    # A barbell and machine routine with no joint-action gap at the hamstrings, short on the long
    # head: growth-trial evidence (H) comes before exercises tagged from anatomy alone (A).
    report = coverage_report(
        _plan([("romanian_deadlift", 3), ("lying_leg_curl", 1), ("standing_calf_raise", 3)]), catalog
    )
    long_head = next(s for s in report.suggestions if s.muscle == "biceps_femoris_long_head")
    levels = [option.evidence for option in long_head.options]
    assert levels[0] is EvidenceLevel.H
    strength = [
        (not o.uses_routine_equipment, -len(o.closes), "HEAX".index(o.evidence or "X")) for o in long_head.options
    ]
    assert strength == sorted(strength)
    exercise = catalog.exercises[long_head.exercises[0]]
    assert any(e.level is EvidenceLevel.H and "biceps_femoris_long_head" in e.muscles for e in exercise.evidence)


def _heavy_sessions() -> list[tuple[str, list[tuple[str, int]]]]:
    """Nordic curls (semitendinosus primary) over the cap of 10 on three days, the worst two tied."""
    return [
        ("2026-11-02", [("nordic_curl", 12)]),
        ("2026-11-03", [("nordic_curl", 14)]),
        ("2026-11-04", [("nordic_curl", 4)]),
        ("2026-11-05", [("nordic_curl", 14)]),
    ]


def test_cap_warnings_per_session_by_default(catalog: Catalog) -> None:
    report = report_from_tally(tally_sessions(_heavy_sessions(), catalog), catalog, Level.INTERMEDIATE)
    warned = [(w.day, w.effective) for w in report.warnings if w.muscle == "semitendinosus"]
    assert warned == [("2026-11-02", 12), ("2026-11-03", 14), ("2026-11-05", 14)]
    assert all("sessions_over_cap" not in w for w in report.to_data()["warnings"])


def test_cap_warnings_worst_session_only_gives_one_per_muscle_with_the_count(catalog: Catalog) -> None:
    tally = tally_sessions(_heavy_sessions(), catalog)
    every = report_from_tally(tally, catalog, Level.INTERMEDIATE)
    worst = report_from_tally(tally, catalog, Level.INTERMEDIATE, worst_session_only=True)
    assert len({w.muscle for w in worst.warnings}) == len(worst.warnings)
    assert {w.muscle for w in worst.warnings} == {w.muscle for w in every.warnings}
    semitendinosus = next(w for w in worst.warnings if w.muscle == "semitendinosus")
    assert (semitendinosus.day, semitendinosus.effective, semitendinosus.sessions_over_cap) == ("2026-11-03", 14, 3)
    assert "(the most of 3 sessions over it)" in semitendinosus.message
    dumped = next(w for w in worst.to_data()["warnings"] if w["muscle"] == "semitendinosus")
    assert list(dumped) == ["muscle", "day", "effective", "cap", "message", "sessions_over_cap"]
    assert dumped["sessions_over_cap"] == 3
    # Nothing else in the report depends on how the warnings are given.
    assert worst._replace(warnings=every.warnings) == every


def test_a_single_session_over_the_cap_keeps_the_plain_message(catalog: Catalog) -> None:
    tally = tally_sessions([("2026-11-02", [("nordic_curl", 12)])], catalog)
    every = report_from_tally(tally, catalog, Level.INTERMEDIATE)
    worst = report_from_tally(tally, catalog, Level.INTERMEDIATE, worst_session_only=True)
    assert [w.message for w in worst.warnings] == [w.message for w in every.warnings]
    assert {w.sessions_over_cap for w in worst.warnings} == {1}


# --- Neighbours as context -------------------------------------------------------------------------


def test_neighbours_are_context_without_targets_so_no_exercise_vanishes(catalog: Catalog) -> None:
    plan = plan_from_data({"days": [{"exercises": [{"exercise": "leg_extension", "sets": 4}]}]}, catalog)
    data = coverage_report(plan, catalog).to_data()
    # Nothing for the back of the leg: every posterior-leg muscle is missed ...
    assert {m["id"] for m in data["muscles"]} == {m.id for m in catalog.muscles.targets}
    assert set(data["missed"]) == {m.id for m in catalog.muscles.targets}
    # ... but the report still shows what the leg extension trains, with no target.
    context = {m["id"]: m for m in data["context"]}
    assert list(context) == [m.id for m in catalog.muscles.muscles.values() if not m.is_target]
    assert context["quadriceps"] == {
        "id": "quadriceps",
        "group": "quadriceps",
        "name": "Quadriceps femoris",
        "sets": {"primary": 4, "secondary": 0, "stabilizer": 0},
        "effective": 4,
        "days": 1,
        "exercises": ["leg_extension"],
    }
    assert context["gluteus_maximus"]["effective"] == 0
    assert all("target" not in m and "status" not in m for m in data["context"])


def test_context_counts_roles_like_the_targets(catalog: Catalog) -> None:
    plan = plan_from_data(
        {"days": [{"exercises": [{"exercise": "deadlift", "sets": 2}, {"exercise": "back_squat", "sets": 3}]}]},
        catalog,
    )
    context = {m["id"]: m for m in coverage_report(plan, catalog).to_data()["context"]}
    # Deadlift: adductor magnus secondary (0.5); back squat: primary (1), erector spinae stabilizer (0).
    assert context["adductor_magnus"]["effective"] == 3 + 2 * 0.5
    assert context["erector_spinae"]["sets"] == {"primary": 2, "secondary": 0, "stabilizer": 3}
    assert context["erector_spinae"]["exercises"] == ["deadlift"]


def test_optional_actions_are_gaps_only_while_their_muscles_are_short(catalog: Catalog) -> None:
    """Bent-knee calf work, toe flexion and knee unlocking are gaps only while a muscle that performs
    them is short of its target (the soleus grew about as much from standing raises, Kinoshita 2023);
    hip extension, knee flexion and straight-knee calf work are always needed."""
    enough = _plan(
        [("seated_leg_curl", 5), ("standing_calf_raise", 5)], [("seated_leg_curl", 5), ("standing_calf_raise", 5)]
    )
    report = coverage_report(enough, catalog)
    assert report.missed == report.under == ()
    actions = {a.id: a for a in report.actions}
    for optional in ("plantarflexion_knee_bent", "toe_flexion"):
        assert (actions[optional].covered, actions[optional].needed, actions[optional].gap) == (False, False, None)
    assert actions["knee_unlocking"].covered
    # Hip extension stays a gap although every hamstring meets its target through curls.
    assert (actions["hip_extension"].needed, actions["hip_extension"].gap is not None) == (True, True)
    assert all(a.needed for a in report.actions if a.covered)
    assert report.to_data()["actions"][3]["needed"] is False
    # With too few calf raises the soleus is short: now bent-knee work is a gap, with its sentence.
    short = coverage_report(_plan([("seated_leg_curl", 5), ("standing_calf_raise", 3)]), catalog)
    bent = next(a for a in short.actions if a.id == "plantarflexion_knee_bent")
    assert bent.needed
    assert bent.gap is not None
