"""Name look-up: every spelling of a thing, and near misses."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.exceptions import UnknownNameError
from exercises.names import NameIndex, normalize_name


def test_normalize_folds_case_and_punctuation() -> None:
    assert normalize_name("Romanian Deadlift (Barbell)") == "romanian deadlift barbell"
    assert normalize_name("romanian_deadlift") == "romanian deadlift"
    assert normalize_name("  RDL ") == "rdl"


@given(st.text())
def test_normalize_is_idempotent(name: str) -> None:
    once = normalize_name(name)
    assert normalize_name(once) == once


def test_index_resolves_and_suggests() -> None:
    index = NameIndex("exercise")
    index.add_all(["romanian_deadlift", "Romanian deadlift", "RDL"], "romanian_deadlift")
    index.add_all(["seated_leg_curl", "Seated leg curl"], "seated_leg_curl")
    assert index.resolve("rdl") == "romanian_deadlift"
    assert index.resolve("SEATED LEG-CURL") == "seated_leg_curl"
    with pytest.raises(UnknownNameError) as raised:
        index.resolve("romanian dedlift")
    assert raised.value.suggestion == "romanian_deadlift"
    assert "did you mean 'romanian_deadlift'?" in raised.value.message


def test_index_reports_a_clash_and_keeps_the_first() -> None:
    index = NameIndex("exercise")
    assert index.add("RDL", "romanian_deadlift") is None
    assert index.add("rdl", "stiff_leg_deadlift") == "romanian_deadlift"
    assert index.get("RDL") == "romanian_deadlift"


def test_nothing_close_means_no_suggestion() -> None:
    index = NameIndex("muscle")
    index.add("soleus", "soleus")
    with pytest.raises(UnknownNameError) as raised:
        index.resolve("trapezius")
    assert raised.value.suggestion is None
    assert raised.value.message == "unknown muscle 'trapezius'"


def test_a_name_holding_every_typed_word_beats_a_lookalike() -> None:
    index = NameIndex("exercise")
    index.add_all(["Toe curl", "toe_curl"], "toe_curl")
    index.add_all(["Lying leg curl", "lying_leg_curl"], "lying_leg_curl")
    index.add_all(["Seated leg curl", "seated_leg_curl", "Seated Leg Curl (Machine)"], "seated_leg_curl")
    with pytest.raises(UnknownNameError) as raised:
        index.resolve("leg curl")
    assert raised.value.suggestions[:2] == ("Lying leg curl", "Seated leg curl")
    assert raised.value.message.startswith(
        "unknown exercise 'leg curl': did you mean 'Lying leg curl', 'Seated leg curl'"
    )
    assert index.suggestions("xyzzy") == ()
