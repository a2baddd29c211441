"""The shape of a training block: how far up the target band each week climbs, each week's effort
target (reps in reserve) and the deload week's sets. Plain arithmetic, no solver: planner.block
turns it into weeks of sets.

A block follows the mesocycle of the volume literature (Renaissance Periodization's landmarks):
week 1 near the minimum effective volume and RIR 3, sets and effort rising week by week to the
last loading week, near the maximum recoverable volume and RIR 0-1, then a deload week of about half
the sets at RIR 4-5 to shed the accumulated fatigue before the next block.
"""

import math
from collections.abc import Sequence
from typing import Final

from planner.volume import Target, Volume

#: The peak week's floor sits this many effective sets below the top of the band: "toward the top",
#: leaving room for the half sets a secondary muscle gets without passing the top, which no week may.
PEAK_BELOW_TOP: Final = 1.0
#: Effort targets: week 1, the last loading week, and a deload week (reps in reserve, [min, max]).
FIRST_WEEK_RIR: Final = 3
LAST_WEEK_RIR: Final = (0, 1)
DELOAD_RIR: Final = (4, 5)
#: Climbs are counted in half sets, the smallest step an effective-set count takes.
STEP: Final = 0.5


def half_sets(value: float) -> float:
    """`value` rounded to the nearest half set (halves up), the grain of effective sets."""
    return math.floor(value / STEP + 0.5) * STEP


def volume_climb(volume: Volume, band: Target) -> float:
    """How far above the bottom of a growth band a week at `volume` sets its floor, in effective
    sets: 0 for low; mid halfway up, high three quarters up (rounded to half sets), and never past
    the peak's floor."""
    return min(half_sets(volume.fraction * (band.max - band.min)), peak_climb(band))


def peak_climb(band: Target) -> float:
    """How far above the bottom of a growth band the peak week sets its floor: up to one set below
    the top (PEAK_BELOW_TOP), or the bottom for a band too narrow for that."""
    return max(0.0, band.max - PEAK_BELOW_TOP - band.min)


def climbs(first: float, peak: float, loading_weeks: int) -> tuple[float, ...]:
    """Each loading week's climb, week 1 first: from `first` to `peak` in even steps, rounded to
    half sets; a single loading week is at `peak`."""
    if loading_weeks == 1:
        return (peak,)
    return tuple(half_sets(first + (peak - first) * week / (loading_weeks - 1)) for week in range(loading_weeks))


def loading_rir(loading_weeks: int) -> tuple[tuple[int, int], ...]:
    """The effort target of each loading week: RIR 3 in week 1, falling evenly to 0-1 in the last
    loading week (a week before it never below 1). A single loading week is the last one."""
    targets: list[tuple[int, int]] = []
    for week in range(loading_weeks - 1):
        value = max(1, math.floor(FIRST_WEEK_RIR * (loading_weeks - 1 - week) / (loading_weeks - 1) + 0.5))
        targets.append((value, value))
    targets.append(LAST_WEEK_RIR)
    return tuple(targets)


def deload_sets(peak: Sequence[int]) -> tuple[int, ...]:
    """A deload week's sets of each entry from the peak week's: half the peak's total (rounded up),
    every entry keeping at least one set (the same exercises, done lightly). Each entry gets half of
    its own sets rounded down, and the entries with an odd count get the one left over, in order,
    until the total is reached."""
    sets = [max(1, count // 2) for count in peak]
    wanted = max(len(peak), math.ceil(sum(peak) / 2))
    for index, count in enumerate(peak):
        if sum(sets) >= wanted:
            break
        if count % 2 and sets[index] < count:
            sets[index] += 1
    return tuple(sets)
