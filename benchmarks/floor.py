"""The start-up floor for legday's benchmarks: the least a typer command can cost.

One no-op typer command with a --json option. Running it imports typer and pydantic and builds the
pydantic adapters that typer makes for every command, so it costs what any typer CLI must pay before
doing work (about 1.7x a bare `python -c "import typer, pydantic, tomllib"`). Run it with the
project's own interpreter: `python benchmarks/floor.py --json`, and report each legday command's
wall time as a ratio to it, the median of interleaved runs.
"""

import typer

app = typer.Typer(add_completion=False)


@app.command()
def main(json_output: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Do nothing: the cost of starting a typer command."""


if __name__ == "__main__":
    app()
