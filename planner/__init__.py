"""legday's planner: volume, coverage, plan generation, plan files and the command line."""
