"""The closed vocabularies of the catalog: equipment, patterns, roles, joints and joint actions.

Plain string enums with no pydantic import, so the CLI can use them in its signatures without paying
for model building at start-up.
"""

from enum import StrEnum


class Equipment(StrEnum):
    """What an exercise needs. Bodyweight is always available. The first eight are legday's first
    vocabulary, in their first order (plan files list them); `exercises.equipment` describes each."""

    BARBELL = "barbell"
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    MACHINE = "machine"
    CABLE = "cable"
    BAND = "band"
    BODYWEIGHT = "bodyweight"
    BENCH = "bench"
    TRAP_BAR = "trap_bar"
    SMITH_MACHINE = "smith_machine"
    HYPEREXTENSION_BENCH = "hyperextension_bench"
    GHD = "ghd"
    NORDIC_ANCHOR = "nordic_anchor"
    SLIDERS = "sliders"
    STABILITY_BALL = "stability_ball"
    SLED = "sled"


#: What an exercise needs: every group, and any one piece of equipment of each group. A catalog's
#: flat list ["barbell", "bench"] is two groups of one (all of them); [["dumbbell", "kettlebell"]] is
#: one group (either).
EquipmentNeeds = tuple[tuple[Equipment, ...], ...]


class Pattern(StrEnum):
    """The movement pattern of an exercise."""

    HIP_HINGE = "hip_hinge"
    HIP_EXTENSION = "hip_extension"
    KNEE_FLEXION = "knee_flexion"
    SQUAT = "squat"
    LUNGE = "lunge"
    LEG_PRESS = "leg_press"
    PLANTARFLEXION = "plantarflexion"
    TOE_FLEXION = "toe_flexion"
    OTHER = "other"


class Mechanic(StrEnum):
    """Compound (several joints move) or isolation (one joint moves)."""

    COMPOUND = "compound"
    ISOLATION = "isolation"


class Role(StrEnum):
    """How an exercise works a muscle. Weights live in the volume model, not here."""

    PRIMARY = "primary"
    SECONDARY = "secondary"
    STABILIZER = "stabilizer"


class Region(StrEnum):
    """Posterior-leg muscles are coverage targets; the neighbours are tagged for honesty only."""

    POSTERIOR_LEG = "posterior_leg"
    OTHER = "other"


class Joint(StrEnum):
    """Joints a muscle crosses."""

    SPINE = "spine"
    HIP = "hip"
    KNEE = "knee"
    ANKLE = "ankle"
    SUBTALAR = "subtalar"
    TOES = "toes"


class Action(StrEnum):
    """Joint actions: what a muscle can do, and what an exercise loads against resistance."""

    SPINAL_EXTENSION = "spinal_extension"
    HIP_EXTENSION = "hip_extension"
    HIP_ADDUCTION = "hip_adduction"
    HIP_ABDUCTION = "hip_abduction"
    KNEE_FLEXION = "knee_flexion"
    KNEE_EXTENSION = "knee_extension"
    KNEE_UNLOCKING = "knee_unlocking"
    TIBIAL_ROTATION = "tibial_rotation"
    PLANTARFLEXION = "plantarflexion"
    INVERSION = "inversion"
    TOE_FLEXION = "toe_flexion"


class Difficulty(StrEnum):
    """How much skill or strength an exercise asks before it can be done well. The names are the
    training levels': a plan keeps to the exercises at or below its level."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"

    def allows(self, other: "Difficulty") -> bool:
        """Whether a lifter at this level is given an exercise of difficulty `other`."""
        order = list(Difficulty)
        return order.index(other) <= order.index(self)


class KneeAngle(StrEnum):
    """Knee position during an exercise where it changes which muscles work (calf raises)."""

    STRAIGHT = "straight"
    BENT = "bent"


class EvidenceLevel(StrEnum):
    """H: growth trial; E: muscle activity only; A: anatomical inference; X: practitioner rule."""

    H = "H"
    E = "E"
    A = "A"
    X = "X"


#: The joint actions a pattern loads, used when a catalog entry does not list its actions.
PATTERN_ACTIONS: dict[Pattern, tuple[Action, ...]] = {
    Pattern.HIP_HINGE: (Action.HIP_EXTENSION,),
    Pattern.HIP_EXTENSION: (Action.HIP_EXTENSION,),
    Pattern.KNEE_FLEXION: (Action.KNEE_FLEXION, Action.KNEE_UNLOCKING),
    Pattern.SQUAT: (Action.HIP_EXTENSION, Action.KNEE_EXTENSION),
    Pattern.LUNGE: (Action.HIP_EXTENSION, Action.KNEE_EXTENSION),
    Pattern.LEG_PRESS: (Action.HIP_EXTENSION, Action.KNEE_EXTENSION),
    Pattern.PLANTARFLEXION: (Action.PLANTARFLEXION,),
    Pattern.TOE_FLEXION: (Action.TOE_FLEXION,),
    Pattern.OTHER: (),
}
