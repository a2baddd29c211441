"""Field types shared by the catalog and the plan file.

Whole numbers are strict: a file's 3.0, "3" or true is an error to show, not a number to coerce.
"""

import re
from typing import Annotated

from pydantic import AfterValidator, Field, Strict, StringConstraints

from exercises.names import normalize_name

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


#: Unicode's control characters (category Cc: C0, DEL, C1) and line and paragraph separators (Zl, Zp).
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def is_one_line(text: str) -> bool:
    """True when `text` has no line break (of any kind) and no control character such as a tab."""
    return _NOT_ONE_LINE.search(text) is None


def _one_line(text: str) -> str:
    if not is_one_line(text):
        raise ValueError(f"{text!r} must be one line, without control characters")
    return text


def _nameable(text: str) -> str:
    if not normalize_name(text):
        raise ValueError(f"{text!r} has no letter or digit, so it cannot be typed to look it up")
    return text


#: Text shown on one line: a plan's or a day's name.
OneLine = Annotated[Text, AfterValidator(_one_line)]
#: A spelling people type to find a thing (a name, an alias): one line, with a letter or digit.
Name = Annotated[OneLine, AfterValidator(_nameable)]
Reps = Annotated[int, Strict(), Field(ge=1, le=100)]
Seconds = Annotated[int, Strict(), Field(ge=0, le=900)]


def _ordered(reps: tuple[int, int]) -> tuple[int, int]:
    if reps[0] > reps[1]:
        raise ValueError(f"reps [{reps[0]}, {reps[1]}] are reversed: the smaller number comes first")
    return reps


RepRange = Annotated[tuple[Reps, Reps], AfterValidator(_ordered)]
