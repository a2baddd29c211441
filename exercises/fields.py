"""Field types shared by the catalog and the plan file."""

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Reps = Annotated[int, Field(ge=1, le=100)]
Seconds = Annotated[int, Field(ge=0, le=900)]


def _ordered(reps: tuple[int, int]) -> tuple[int, int]:
    if reps[0] > reps[1]:
        raise ValueError(f"reps [{reps[0]}, {reps[1]}] are reversed: the smaller number comes first")
    return reps


RepRange = Annotated[tuple[Reps, Reps], AfterValidator(_ordered)]
