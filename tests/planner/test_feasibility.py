"""Feasibility as a return value: `plannable` answers yes or no, `diagnose` gives the blocking limit,
the muscles it holds back and the ways out as data, and each way out, followed, gives a plan."""

import pytest

from exercises.catalog import Catalog
from exercises.vocabulary import Equipment
from exercises.ways_out import (
    AddEquipment,
    Change,
    KeepEveryExercise,
    KeepExercise,
    Limit,
    LongerSessions,
    MoreDays,
    OtherLevel,
)
from planner.feasibility import diagnose, plannable
from planner.plan_model import build_problem, daily_model, without_dominated
from planner.plan_request import PlanRequest
from planner.volume import Level, VolumeSettings

SETTINGS = VolumeSettings()


def follow(request: PlanRequest, way: tuple[Change, ...], catalog: Catalog) -> PlanRequest:
    """The request changed as a way out says."""
    update: dict[str, object] = {}
    for change in way:
        match change:
            case MoreDays(days):
                update["days"] = days
            case LongerSessions(minutes):
                update["minutes"] = minutes
            case KeepExercise(exercise):
                update["exclude"] = tuple(n for n in request.exclude if catalog.exercise(n).id != exercise)
            case KeepEveryExercise():
                update["exclude"] = ()
            case AddEquipment(equipment, _):
                update["equipment"] = (*request.equipment, *equipment)
            case OtherLevel(level):
                assert level is not None
                update["level"] = Level(level)
            case _:
                pytest.fail(f"no request change follows {change}")
    return request.model_copy(update=update)


def test_a_plannable_request_is_plannable(catalog: Catalog) -> None:
    assert plannable(PlanRequest(), catalog, SETTINGS)


@pytest.mark.parametrize(
    ("request_", "limit", "muscles"),
    [
        (PlanRequest(days=1, level=Level.ADVANCED), Limit.SESSION_CAP, ("biceps_femoris_long_head",)),
        (PlanRequest(days=2, level=Level.ADVANCED, minutes=20), Limit.SESSION_LENGTH, ()),
        (PlanRequest(days=1, exclude=("glute_ham_raise",)), Limit.DAILY_LIMITS, ("biceps_femoris_short_head",)),
        (
            PlanRequest(equipment=(Equipment.BODYWEIGHT,), exclude=("nordic_curl", "slider_leg_curl")),
            Limit.NO_EXERCISE,
            ("biceps_femoris_short_head",),
        ),
    ],
)
def test_diagnosis_is_data_and_every_way_out_gives_a_plan(
    request_: PlanRequest, limit: Limit, muscles: tuple[str, ...], catalog: Catalog
) -> None:
    assert not plannable(request_, catalog, SETTINGS)
    diagnosis = diagnose(request_, catalog, SETTINGS)
    assert diagnosis.limit is limit
    assert diagnosis.muscles == muscles
    assert diagnosis.ways_out
    assert "--" not in diagnosis.reason, "the reason names no command-line option"
    for way in diagnosis.ways_out:
        assert plannable(follow(request_, way, catalog), catalog, SETTINGS), way


def test_the_model_builder_relaxes_the_bands_it_is_asked_to(catalog: Catalog) -> None:
    """Elastic bands are the builder's own columns, one under and one over per band, last."""
    problem = without_dominated(build_problem(PlanRequest(days=1), catalog, SETTINGS))
    model, layout = daily_model(problem)
    elastic, elastic_layout = daily_model(problem, elastic=True)
    assert layout.slacks == ()
    assert [m for m, _ in elastic_layout.slacks] == [m for m in sorted(problem.minimum) for _ in "uo"]
    assert [c for _, c in elastic_layout.slacks] == list(range(len(model.names), len(elastic.names)))
    assert elastic.names[: len(model.names)] == model.names
    assert len(elastic.rows) == len(model.rows)
