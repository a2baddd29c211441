"""legday's planner: volume, coverage, plan generation, plan files and the command line."""

__version__ = "0.1.0"
