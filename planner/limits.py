"""The bounds of a request and of a plan file, in one place for the command line, the planner and
the file format. Plain constants: the command line reads them at start-up."""

from typing import Final

#: Training days in a week.
MIN_DAYS: Final = 1
MAX_DAYS: Final = 7
#: Session lengths a plan may ask for, in minutes.
MIN_MINUTES: Final = 10
MAX_MINUTES: Final = 300
#: The largest seed: TOML integers are 64-bit.
MAX_SEED: Final = 2**63 - 1
#: Weeks an iCalendar export covers.
MIN_WEEKS: Final = 1
MAX_WEEKS: Final = 52
#: Weeks in a training block (`legday plan --weeks`, a block file): one is a single week.
MIN_BLOCK_WEEKS: Final = 1
MAX_BLOCK_WEEKS: Final = 12
#: Reps in reserve an effort target may name: 0 is failure; beyond 10 a set is no longer work.
MAX_RIR: Final = 10
