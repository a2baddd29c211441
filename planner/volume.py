"""The volume model: role weights, weekly targets per level, the per-session cap, effective sets.

Plain dataclasses and enums with no pydantic import: the CLI reads the level names at start-up.
Sources are in docs/sources.md, section 3.
"""

import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from exercises.vocabulary import Role

if TYPE_CHECKING:
    from exercises.catalog import Exercise


class Level(StrEnum):
    """Training level: sets the weekly targets."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Volume(StrEnum):
    """Where a week's weekly sets sit inside the level's target band (and where a block's week 1
    starts): `low` at its bottom (the fewest sets that reach every target), `mid` halfway up, `high`
    three quarters of the way up. Only the muscles with training studies have a band to climb; the
    others keep their 'covered' minimum."""

    LOW = "low"
    MID = "mid"
    HIGH = "high"

    @property
    def fraction(self) -> float:
        """How far up the band the week's floor sits: 0 is the bottom, 1 the top."""
        return {"low": 0.0, "mid": 0.5, "high": 0.75}[self.value]


@dataclass(frozen=True)
class RoleWeights:
    """How much one set counts for a muscle in each role. Pelland et al. 2024 (a preprint): counting indirect
    (secondary) sets as half fit growth best, better than counting them fully or not at all."""

    primary: float = 1.0
    secondary: float = 0.5
    stabilizer: float = 0.0

    def of(self, role: Role) -> float:
        """The weight of a role."""
        return float(getattr(self, role.value))


@dataclass(frozen=True)
class Target:
    """A weekly band of effective sets for one muscle, and where the numbers come from."""

    min: float
    max: float
    basis: str


_NO_STUDIES = "no training studies exist for this muscle: a modest 'covered' minimum, not a growth target"

#: Weekly targets in effective sets for the muscles with training data, by level, each with its
#: sources (docs/sources.md, section 3; RP = the Renaissance Periodization landmarks, MEV minimum
#: effective, MAV adaptive, MRV maximum recoverable volume).
_STUDIED: Mapping[Level, Target] = {
    Level.BEGINNER: Target(
        8,
        12,
        "beginner: a practitioner rule resting on the calves' minimum effective volume (RP MEV 8), applied "
        "to the hamstrings too (their MEV is 4-6), to 12",
    ),
    Level.INTERMEDIATE: Target(
        10,
        16,
        "at least 10 weekly sets (Bernardez-Vazquez 2022; Schoenfeld 2017) up to the top of the "
        "adaptive range (RP MAV 16, a practitioner landmark)",
    ),
    Level.ADVANCED: Target(
        12,
        20,
        "12-20 weekly sets for trained people (Baz-Valle 2022), up to the recoverable maximum (RP MRV 20, a "
        "practitioner landmark)",
    ),
}
#: What every report says of the bands: their tops are practitioner landmarks while growth studies
#: show returns still rising, and bands from whole muscle groups are applied to each head.
BANDS_NOTE = (
    "A band's top, above which a muscle is 'over', is a practitioner landmark, not a limit found in growth "
    "studies, which show returns still rising with more weekly sets (Schoenfeld 2017; Pelland 2024, a "
    "preprint). The bands come from studies and landmarks for whole muscle groups; applying them to each "
    "head separately is an extrapolation."
)
#: The small muscles no study has trained: enough to say they are worked, with a generous ceiling.
_COVERED: Mapping[Level, tuple[float, float]] = {
    Level.BEGINNER: (2, 20),
    Level.INTERMEDIATE: (3, 20),
    Level.ADVANCED: (4, 20),
}
_UNSTUDIED_MUSCLES = frozenset({"plantaris", "popliteus", "flexor_hallucis_longus", "flexor_digitorum_longus"})


@dataclass(frozen=True)
class VolumeSettings:
    """Everything the volume model is tuned by; the defaults follow the reference."""

    weights: RoleWeights = field(default_factory=RoleWeights)
    #: A practitioner default (docs/sources.md, section 3): no study is cited for it.
    session_cap: float = 10.0

    def target(self, muscle_id: str, level: Level) -> Target:
        """The weekly target band of a posterior-leg muscle at a level."""
        if muscle_id in _UNSTUDIED_MUSCLES:
            low, high = _COVERED[level]
            return Target(low, high, _NO_STUDIES)
        return _STUDIED[level]

    def climbs(self, muscle_id: str) -> bool:
        """Whether a muscle's band is a growth band that volume and a block climb (a muscle with
        training studies), rather than a 'covered' minimum that stays put."""
        return muscle_id not in _UNSTUDIED_MUSCLES

    def weigh(self, role_sets: Sequence[int]) -> float:
        """Effective sets from whole sets per role, in `Role` order (primary, secondary, stabilizer).

        The one place sets become effective sets: whole sets are summed per role first and weighted
        once, in role order, so a result is exactly the same whatever the order of the work (float
        sums of weighted sets would depend on it) and wherever it is computed."""
        return sum(map(operator.mul, role_sets, (self.weights.of(role) for role in ROLES)), 0.0)

    def set_credit(self, exercise: "Exercise") -> dict[str, float]:
        """What one set of an exercise counts for each muscle it tags (its role's weight), roles in
        order; muscles whose role weighs 0 (stabilizers, by default) left out."""
        credit: dict[str, float] = {}
        for role in ROLES:
            weight = self.weights.of(role)
            if weight > 0:
                credit.update(dict.fromkeys(exercise.muscles.by_role(role), weight))
        return credit

    def effective_sets(self, work: Iterable[tuple["Exercise", int]]) -> dict[str, float]:
        """Effective sets per muscle id: the sum over (exercise, sets) of sets x role weight."""
        by_role: dict[str, list[int]] = {}
        for exercise, sets in work:
            for muscle_id, slot in role_slots(exercise):
                counts = by_role.get(muscle_id)
                if counts is None:
                    counts = by_role[muscle_id] = [0] * len(ROLES)
                counts[slot] += sets
        return {muscle_id: self.weigh(counts) for muscle_id, counts in by_role.items()}


#: The roles in the order sets are counted and weighed.
ROLES: Final = tuple(Role)


def role_slots(exercise: "Exercise") -> list[tuple[str, int]]:
    """Each muscle an exercise tags with its role's place in `ROLES`, for counting sets per role."""
    return [(muscle_id, slot) for slot, role in enumerate(ROLES) for muscle_id in exercise.muscles.by_role(role)]
