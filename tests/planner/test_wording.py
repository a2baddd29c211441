"""One way to write numbers and muscles, in every output."""

import pytest

from exercises.catalog import Catalog
from planner.coverage import coverage_report
from planner.plan_file import plan_from_data
from planner.svg import muscle_map_svg
from planner.volume import RoleWeights, VolumeSettings
from planner.wording import band_text, count_words, number_text, the_muscle, tidy_number, weight_text


@pytest.mark.parametrize(
    ("value", "text"), [(3.0, "3"), (4.5, "4.5"), (10 / 3, "3.33"), (-0.001, "0"), (0.125, "0.12"), (12, "12")]
)
def test_numbers_are_written_tidied(value: float, text: str) -> None:
    assert number_text(value) == text
    assert str(tidy_number(value)) == text


def test_bands_weights_and_counts() -> None:
    assert band_text(8, 12) == "8-12"
    assert band_text(2.5, 20, "\u2013") == "2.5\u201320"
    assert [weight_text(w) for w in (1.0, 0.5, 0.25, 0.0)] == ["1", "\u00bd", "0.25", "0"]
    assert [count_words(n) for n in (0, 1, 10, 12, 13)] == ["no", "one", "ten", "twelve", "13"]


def test_a_muscle_in_a_sentence(catalog: Catalog) -> None:
    muscles = catalog.muscles.muscles
    assert the_muscle(muscles["biceps_femoris_short_head"]) == "the short head of the biceps femoris"
    assert the_muscle(muscles["soleus"]) == "the soleus"


def test_the_map_says_the_weights_it_counted_with(catalog: Catalog) -> None:
    plan = plan_from_data({"days": [{"exercises": [{"exercise": "romanian_deadlift", "sets": 3}]}]}, catalog)
    default = muscle_map_svg(coverage_report(plan, catalog)).decode()
    assert "effective sets (primary 1, secondary \u00bd)" in default
    assert "its ten posterior muscles" in default
    thirds = VolumeSettings(weights=RoleWeights(primary=1.0, secondary=0.33))
    other = muscle_map_svg(coverage_report(plan, catalog, settings=thirds)).decode()
    assert "effective sets (primary 1, secondary 0.33)" in other
