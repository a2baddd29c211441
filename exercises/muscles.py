"""The muscle registry: the ten posterior-leg muscles and the neighbours the catalog tags honestly."""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from exercises.fields import Id, Name, Text
from exercises.names import NameIndex
from exercises.toml_files import read_package_data
from exercises.vocabulary import Action, Joint, Region

#: Coverage groups, in the order reports show them.
GROUPS: Mapping[str, str] = {
    "hamstrings": "Hamstrings",
    "calves": "Calves",
    "deep_posterior": "Deep posterior compartment",
}


class Muscle(BaseModel):
    """One muscle: where it attaches, what it crosses, what it does."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Id
    name: Name
    aliases: tuple[Name, ...] = ()
    group: Id
    region: Region
    origin: Text
    insertion: Text
    joints: tuple[Joint, ...] = Field(min_length=1)
    actions: tuple[Action, ...] = Field(min_length=1)
    function: Text

    @property
    def is_target(self) -> bool:
        """Posterior-leg muscles are what coverage counts; neighbours are listed, not targeted."""
        return self.region is Region.POSTERIOR_LEG


class MuscleFile(BaseModel):
    """The shipped muscles.toml."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    muscles: tuple[Muscle, ...]


@dataclass(frozen=True)
class MuscleRegistry:
    """All known muscles, by id, with name look-up that also accepts group names."""

    muscles: Mapping[str, Muscle]
    names: NameIndex

    def __getitem__(self, muscle_id: str) -> Muscle:
        return self.muscles[muscle_id]

    @property
    def targets(self) -> tuple[Muscle, ...]:
        """The posterior-leg muscles, grouped in report order."""
        return tuple(m for group in GROUPS for m in self.muscles.values() if m.group == group and m.is_target)

    def group_members(self, group: str) -> tuple[str, ...]:
        """Ids of the muscles in a group."""
        return tuple(m.id for m in self.muscles.values() if m.group == group)

    def resolve(self, name: str) -> tuple[str, ...]:
        """Muscle ids a typed name means: one for a muscle, several for a group like 'hamstrings'."""
        if name in self.muscles:  # the common case, an id: no normalising needed
            return (name,)
        target = self.names.resolve(name)
        return (target,) if target in self.muscles else self.group_members(target)


@cache
def load_muscles() -> MuscleRegistry:
    """The built-in muscle registry (validated once per process)."""
    document = read_package_data("muscles.toml")
    parsed = document.validate(MuscleFile)
    names = NameIndex("muscle")
    for group, title in GROUPS.items():
        names.add_all((group, title), group)
    for muscle in parsed.muscles:
        names.add_all((muscle.name, muscle.id, *muscle.aliases), muscle.id)
    return MuscleRegistry(muscles={m.id: m for m in parsed.muscles}, names=names)
