"""The dates the logging apps write, in every form and language they write them.

Strong, FitNotes and Fitbod write ISO dates ('2024-03-05 18:02:11', '2024-03-05 6:02:11 PM' on a
12-hour clock, '2021-01-17 22:14:35 +0000', '2024-03-05'). Hevy writes the date the way the phone
shows it: '5 Mar 2024, 18:02' in most languages, 'Jun 11, 2026, 1:01 PM' in American English, and
with the month's name in the app's language ('5 Mai 2026, 07:34' in Portuguese, '5 ago 2026, 07:34'
in Spanish and Italian, '5. März 2026, 07:34' in German, '5 févr. 2026, 07:34' in French). The date
is taken as written: a workout belongs to the day the app shows, whatever a time zone suffix says.
"""

import re
from datetime import date, datetime
from typing import Final

from exercises.names import normalize_name

#: ISO dates, with a 24-hour or a 12-hour time (Strong writes '2024-05-01 9:00:00\u202fPM' on phones
#: set to a 12-hour clock) and an optional time zone.
_ISO_DATE: Final = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[ \u202f\u00a0]?([AaPp])\.?[Mm]\.?)?"
    r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.ASCII,
)
_TIME: Final = r"(\d{1,2})[:h.](\d{2})(?:[:.](\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\.?)?"
#: '5 Mar 2024, 18:02', '5. März 2026 um 07:34', '5 de mai. de 2026 07:34'.
_DAY_FIRST: Final = re.compile(
    rf"(\d{{1,2}})\.?\s+(?:de\s+)?([^\W\d_]+)\.?,?\s+(?:de\s+)?(\d{{4}})(?:,|\s+um|\s+à|\s+a\s+las|\s+às|\s+alle)?\s+{_TIME}"
)
#: 'Jun 11, 2026, 1:01 PM' (American English).
_MONTH_FIRST: Final = re.compile(rf"([^\W\d_]+)\.?\s+(\d{{1,2}}),?\s+(\d{{4}}),?\s+{_TIME}")

#: Month names and abbreviations, accents and case folded, in the languages the apps offer
#: (English, Portuguese, Spanish, German, French, Italian, Dutch).
_MONTH_NAMES: Final = (
    "jan january janeiro ene enero januar janner janv janvier gen gennaio januari",
    "feb february fev fevereiro febrero februar fevr fevrier febbraio februari",
    "mar march marco marzo marz mars mrt maart",
    "apr april abr abril avr avril aprile",
    "may mai maio mayo mag maggio mei",
    "jun june junho junio juni juin giu giugno",
    "jul july julho julio juli juil juillet lug luglio",
    "aug august ago agosto aout augustus",
    "sep sept september set setembro septiembre setiembre settembre septembre",
    "oct october out outubro octubre okt oktober ott ottobre octobre",
    "nov november novembro noviembre novembre",
    "dec december dez dezembro dic diciembre dezember dicembre decembre",
)
MONTHS: Final = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()}


def parse_log_date(text: str) -> date | None:
    """The calendar date of an app's timestamp, or None when it is not one."""
    text = text.strip()
    try:
        iso = _ISO_DATE.fullmatch(text)
        if iso:
            year, month, day, hour, minute, second, half = iso.groups()
            if half and not 1 <= int(hour) <= 12:
                return None
            datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
            return date(int(year), int(month), int(day))
        named = _DAY_FIRST.fullmatch(text)
        if named:
            day, month_name, year, *clock = named.groups()
        else:
            named = _MONTH_FIRST.fullmatch(text)
            if named is None:
                return None
            month_name, day, year, *clock = named.groups()
        month = MONTHS.get(normalize_name(month_name))
        hour, minute, second, half = clock
        if month is None or (half and not 1 <= int(hour) <= 12):
            return None
        datetime(int(year), month, int(day), int(hour), int(minute), int(second or 0))
        return date(int(year), month, int(day))
    except ValueError:
        return None
