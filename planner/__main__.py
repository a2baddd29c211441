"""`python -m planner` runs the legday command line."""

from planner.cli import main

main()
