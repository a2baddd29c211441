"""The shape of a block: climbs through the band, effort targets, deload sets."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.progression import (
    DELOAD_RIR,
    LAST_WEEK_RIR,
    climbs,
    deload_sets,
    half_sets,
    loading_rir,
    peak_climb,
    volume_climb,
)
from planner.volume import Level, Volume, VolumeSettings

BANDS = {level: VolumeSettings().target("soleus", level) for level in Level}


def test_volume_places_the_week_in_the_band() -> None:
    band = BANDS[Level.INTERMEDIATE]  # 10-16
    assert [volume_climb(v, band) for v in Volume] == [0.0, 3.0, 4.5]
    advanced = BANDS[Level.ADVANCED]  # 12-20
    assert [volume_climb(v, advanced) for v in Volume] == [0.0, 4.0, 6.0]


def test_the_peak_sits_one_set_below_the_top() -> None:
    assert peak_climb(BANDS[Level.INTERMEDIATE]) == 5.0
    assert peak_climb(BANDS[Level.ADVANCED]) == 7.0
    assert peak_climb(BANDS[Level.BEGINNER]) == 3.0
    # high on a narrow band is held at the peak's floor, never above it
    assert volume_climb(Volume.HIGH, BANDS[Level.BEGINNER]) == 3.0


def test_climbs_rise_evenly_in_half_sets() -> None:
    assert climbs(0.0, 5.0, 5) == (0.0, 1.5, 2.5, 4.0, 5.0)
    assert climbs(3.0, 5.0, 2) == (3.0, 5.0)
    assert climbs(0.0, 5.0, 1) == (5.0,)


@given(st.floats(0, 8), st.floats(0, 8), st.integers(1, 12))
def test_climbs_never_fall_and_end_at_the_peak(first: float, peak: float, weeks: int) -> None:
    first, peak = half_sets(min(first, peak)), half_sets(max(first, peak))
    steps = climbs(first, peak, weeks)
    assert len(steps) == weeks
    assert steps[-1] == peak
    assert all(a <= b for a, b in itertools.pairwise(steps))
    assert all(value * 2 == int(value * 2) for value in steps)


def test_effort_falls_from_rir_3_to_0_1() -> None:
    assert loading_rir(5) == ((3, 3), (2, 2), (2, 2), (1, 1), (0, 1))
    assert loading_rir(2) == ((3, 3), (0, 1))
    assert loading_rir(1) == (LAST_WEEK_RIR,)
    twelve = loading_rir(12)
    assert twelve[0] == (3, 3)
    assert twelve[-1] == (0, 1)
    assert all(a[0] >= b[0] for a, b in itertools.pairwise(twelve))
    assert min(low for low, _ in twelve[:-1]) == 1
    assert DELOAD_RIR == (4, 5)


@pytest.mark.parametrize(
    ("peak", "deload"),
    [((2, 2, 2), (1, 1, 1)), ((5, 3, 4), (3, 1, 2)), ((4, 4), (2, 2)), ((3,), (2,)), ((2,), (1,))],
)
def test_a_deload_is_half_the_peak(peak: tuple[int, ...], deload: tuple[int, ...]) -> None:
    assert deload_sets(peak) == deload


@given(st.lists(st.integers(1, 20), min_size=1, max_size=40))
def test_a_deload_keeps_every_exercise_and_about_half_the_sets(peak: list[int]) -> None:
    deload = deload_sets(peak)
    assert all(1 <= d <= max(1, p) for d, p in zip(deload, peak, strict=True))
    # Half the peak, rounded up; more only where single sets cannot be halved.
    assert sum(deload) == max(-(-sum(peak) // 2), sum(max(1, p // 2) for p in peak))
