"""How legday writes numbers and muscles in its outputs: one way for every command and format.

Counts of sets are kept exact inside (3.3333 after averaging weeks) and written tidied: whole numbers
without a decimal point, fractions with at most two decimals, in tables, sentences, JSON, SVG and HTML
alike.
"""

from typing import Annotated, Final

from pydantic import PlainSerializer

from exercises.muscles import Muscle


def tidy_number(value: float) -> int | float:
    """Whole numbers as ints (3, not 3.0) and no float noise in fractions (3.33, not 3.3333333)."""
    rounded = round(float(value), 2)
    return int(rounded) if rounded.is_integer() else rounded


def number_text(value: float) -> str:
    """A number as people read it: '3', '4.5', '3.33' (never '-0')."""
    return str(tidy_number(value))


def weight_text(value: float) -> str:
    """A role weight as a caption says it: '1', '\u00bd' for a half, '0.25'."""
    return "\u00bd" if value == 0.5 else number_text(value)


_COUNT_WORDS: Final = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)


def count_words(count: int) -> str:
    """A count in a sentence: words up to twelve ('ten'), digits above."""
    return _COUNT_WORDS[count] if 0 <= count < len(_COUNT_WORDS) else str(count)


def band_text(low: float, high: float, dash: str = "-") -> str:
    """A target band: '8-12', or with another dash ('8\u201312')."""
    return f"{number_text(low)}{dash}{number_text(high)}"


#: How a count is written to JSON: tidied. Pydantic applies it; the coverage records' own JSON
#: writer looks for it in a field's annotation.
TIDIED = PlainSerializer(tidy_number, return_type=int | float)

#: A count of sets, whole for a plan and fractional for weighted or averaged work: kept exact,
#: written to JSON tidied (3, not 3.0).
Count = Annotated[float, TIDIED]


def the_muscle(muscle: Muscle) -> str:
    """A muscle's name in a sentence: 'Biceps femoris, short head' -> 'the short head of the biceps
    femoris'; 'Soleus' -> 'the soleus'."""
    whole, _, part = muscle.name.partition(", ")
    whole = whole[0].lower() + whole[1:]
    return f"the {part[0].lower() + part[1:]} of the {whole}" if part else f"the {whole}"
