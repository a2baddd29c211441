"""The muscle registry: the contract's ids and groups, anatomy, and name look-up."""

import pytest

from exercises.exceptions import UnknownNameError
from exercises.muscles import GROUPS, load_muscles
from exercises.names import normalize_name
from exercises.vocabulary import Joint, Region

POSTERIOR_LEG = {
    "hamstrings": {"biceps_femoris_long_head", "biceps_femoris_short_head", "semitendinosus", "semimembranosus"},
    "calves": {"gastrocnemius", "soleus", "plantaris"},
    "deep_posterior": {"popliteus", "flexor_hallucis_longus", "flexor_digitorum_longus"},
}
NEIGHBOURS = {"gluteus_maximus", "adductor_magnus", "quadriceps", "erector_spinae"}


def test_the_ten_posterior_leg_muscles_and_their_groups() -> None:
    registry = load_muscles()
    assert {m.id for m in registry.targets} == set().union(*POSTERIOR_LEG.values())
    for group, members in POSTERIOR_LEG.items():
        assert set(registry.group_members(group)) == members
    assert [m.group for m in registry.targets] == sorted((m.group for m in registry.targets), key=list(GROUPS).index)


def test_neighbours_are_listed_but_not_targets() -> None:
    registry = load_muscles()
    for muscle_id in NEIGHBOURS:
        assert registry[muscle_id].region is Region.OTHER
        assert not registry[muscle_id].is_target


def test_anatomy_of_the_one_joint_muscles() -> None:
    registry = load_muscles()
    assert registry["biceps_femoris_short_head"].joints == (Joint.KNEE,)
    assert registry["popliteus"].joints == (Joint.KNEE,)
    assert Joint.KNEE not in registry["soleus"].joints
    assert "hip_extension" not in registry["biceps_femoris_short_head"].actions


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("soleus", ("soleus",)),
        ("Soleus", ("soleus",)),
        ("SEMITENDINOSUS", ("semitendinosus",)),
        ("flexor hallucis longus", ("flexor_hallucis_longus",)),
        ("calves", ("gastrocnemius", "soleus", "plantaris")),
    ],
)
def test_resolve_ids_names_and_groups(typed: str, expected: tuple[str, ...]) -> None:
    assert set(load_muscles().resolve(typed)) == set(expected)


def test_every_spelling_names_one_muscle() -> None:
    registry = load_muscles()
    seen: dict[str, str] = {}
    for muscle in registry.muscles.values():
        for spelling in (muscle.id, muscle.name, *muscle.aliases):
            key = normalize_name(spelling)
            assert seen.setdefault(key, muscle.id) == muscle.id, f"{spelling!r} names two muscles"


def test_unknown_muscle_suggests_the_closest() -> None:
    with pytest.raises(UnknownNameError) as raised:
        load_muscles().resolve("solues")
    assert raised.value.suggestion is not None
    assert normalize_name(raised.value.suggestion).startswith("soleus")
