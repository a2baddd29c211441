"""Reading TOML: one clear error per failure, with the file and the line."""

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field

from exercises.exceptions import FileFormatError
from exercises.toml_files import format_loc, parse_toml, read_toml, value_lines


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    exercise: str
    sets: int = Field(ge=1, le=20)


class Day(BaseModel):
    model_config = ConfigDict(extra="forbid")
    exercises: list[Entry]


class Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")
    days: list[Day]


SOURCE = """# a plan
[[days]]
exercises = [
  { exercise = "rdl", sets = 3 },
  { exercise = "curl", sets = 30 },
]

[[days]]
exercises = [{ exercise = "calf", setz = 2 }]
"""


def test_value_lines_follow_tables_arrays_and_inline_tables() -> None:
    lines = value_lines(SOURCE)
    assert lines[("days", 0)] == 2
    assert lines[("days", 0, "exercises", 1, "sets")] == 5
    assert lines[("days", 1, "exercises", 0, "setz")] == 9


def test_validation_error_names_file_line_and_field() -> None:
    document = parse_toml(SOURCE.replace("setz", "sets").encode(), "plan.toml")
    with pytest.raises(FileFormatError) as raised:
        document.validate(Doc)
    assert raised.value.message == ("plan.toml:5: days[0].exercises[1].sets: write a whole number from 1 to 20, not 30")


def test_unknown_key_suggests_the_known_one() -> None:
    document = parse_toml(SOURCE.replace("30", "3").encode(), "plan.toml")
    with pytest.raises(FileFormatError) as raised:
        document.validate(Doc)
    assert raised.value.message == "plan.toml:9: days[1].exercises[0].setz: unknown key 'setz' (did you mean 'sets'?)"


def test_syntax_error_gives_the_line() -> None:
    with pytest.raises(FileFormatError) as raised:
        parse_toml(b'a = 1\nb = "unclosed\n', "bad.toml")
    assert raised.value.message.startswith("bad.toml:2: TOML syntax: ")


def test_non_utf8_names_the_line() -> None:
    with pytest.raises(FileFormatError, match=r"^latin.toml:2: not UTF-8 text \(byte 0xe9\)"):
        parse_toml(b'a = 1\nname = "caf\xe9"\n', "latin.toml")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"nope\.toml: no such file"):
        read_toml(tmp_path / "nope.toml")
    with pytest.raises(FileFormatError, match="is a directory"):
        read_toml(tmp_path)


def test_format_loc() -> None:
    assert format_loc(("days", 0, "exercises", 1, "sets")) == "days[0].exercises[1].sets"
    assert format_loc(()) == ""


_keys = st.from_regex(r"[a-z][a-z_]{0,6}", fullmatch=True)
_scalars = st.one_of(st.integers(-5, 5), st.text(max_size=5), st.booleans())


@given(st.dictionaries(_keys, st.lists(st.dictionaries(_keys, _scalars, max_size=3), max_size=3), max_size=3))
def test_value_lines_finds_every_array_table_written_by_tomli_w(data: dict[str, list[dict[str, object]]]) -> None:
    import tomli_w

    text = tomli_w.dumps(data)
    assert tomllib.loads(text) == data
    lines = value_lines(text)
    for key, items in data.items():
        for index, item in enumerate(items):
            for inner in item:
                line = lines[(key, index, inner)]
                assert f"{inner} = " in text.split("\n")[line - 1]


def test_a_key_that_shares_a_word_is_suggested_before_a_lookalike() -> None:
    class Entry2(BaseModel):
        model_config = ConfigDict(extra="forbid")
        reps: int = 1
        rest_seconds: int = 60

    document = parse_toml(b"rest = 30\n", "e.toml")
    with pytest.raises(FileFormatError) as raised:
        document.validate(Entry2)
    assert raised.value.message == "e.toml:1: rest: unknown key 'rest' (did you mean 'rest_seconds'?)"


def test_a_misspelt_required_key_is_one_error_not_two() -> None:
    document = parse_toml(b'[[days]]\nexercises = [{ exercise = "x", setz = 3 }]\n', "p.toml")
    with pytest.raises(FileFormatError) as raised:
        document.validate(Doc)
    assert raised.value.message == "p.toml:2: days[0].exercises[0].setz: unknown key 'setz' (did you mean 'sets'?)"


def test_syntax_error_at_the_end_names_the_last_line() -> None:
    with pytest.raises(FileFormatError) as raised:
        parse_toml(b"a = 1\nb = [1, 2", "end.toml")
    assert raised.value.message.startswith("end.toml:2: TOML syntax: ")


def test_control_characters_in_keys_are_escaped() -> None:
    document = parse_toml(b'"a\\nb" = 1\ndays = []\n', "k.toml")
    with pytest.raises(FileFormatError) as raised:
        document.validate(Doc)
    assert "\n" not in raised.value.message
    assert 'unknown key "a\\nb"' in raised.value.message


def test_an_array_of_tables_has_the_line_of_its_first_table() -> None:
    assert value_lines(SOURCE)[("days",)] == 2
