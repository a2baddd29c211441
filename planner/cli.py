"""The `legday` command line: parses arguments, calls the library, renders the result.

Start-up matters: only typer and the plain enums load at import; models, rich and everything else
load inside the command that needs them.
"""

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from exercises.exceptions import ExitCode, LegdayError
from exercises.vocabulary import Equipment, Pattern

if TYPE_CHECKING:
    from rich.console import RenderableType
    from typer._click.core import Context as ClickContext

    from exercises.catalog import Catalog


class LegdayGroup(TyperGroup):
    """Turns legday's errors and usage errors into one line on stderr and an exit code: the one
    place where exceptions become exit codes."""

    def invoke(self, ctx: "ClickContext") -> Any:
        from typer._click.exceptions import UsageError  # typer's vendored click: no click import

        try:
            return super().invoke(ctx)
        except LegdayError as error:
            if _show_traceback(ctx):
                raise
            _fail(error.message, error.exit_code)
        except UsageError as error:
            if _show_traceback(ctx):
                raise
            command = error.ctx.command_path if error.ctx else ctx.command_path
            _fail(f"{command}: {error.format_message()} (see '{command} --help')", ExitCode.BAD_INPUT)


def _show_traceback(ctx: "ClickContext") -> bool:
    return bool(ctx.find_root().meta.get("legday.traceback"))


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"legday: {message}", err=True)
    raise typer.Exit(code)


app = typer.Typer(
    cls=LegdayGroup,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Plan leg training for every muscle in the back of the leg, and see the evidence.",
)
catalog_app = typer.Typer(cls=LegdayGroup, help="Browse the exercise catalog.")
app.add_typer(catalog_app, name="catalog")

CatalogFiles = Annotated[
    list[Path] | None,
    typer.Option("--catalog", metavar="FILE", help="A TOML catalog merged over the built-in one (repeatable)."),
]
JsonOutput = Annotated[bool, typer.Option("--json", help="Print one JSON document instead of tables.")]


def _version(value: bool) -> None:
    if value:
        from planner import __version__

        typer.echo(f"legday {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    traceback: Annotated[bool, typer.Option("--traceback", help="Show a traceback on errors (for debugging).")] = False,
) -> None:
    """Plan leg training for every muscle in the back of the leg, and see the evidence."""
    ctx.meta["legday.traceback"] = traceback


def _catalog(files: list[Path] | None) -> "Catalog":
    from exercises.catalog import load_catalog

    return load_catalog(files or ())


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _print(*renderables: "RenderableType") -> None:
    from rich.console import Console

    console = Console()
    for renderable in renderables:
        console.print(renderable)


@app.command()
def muscles(catalog: CatalogFiles = None, json_output: JsonOutput = False) -> None:
    """List the muscles of the back of the leg: origin, insertion, joints, actions, function."""
    registry = _catalog(catalog).muscles
    if json_output:
        _print_json([m.model_dump(mode="json") for m in registry.muscles.values()])
        return
    from planner import render_catalog

    _print(*render_catalog.muscle_tables(registry))


@catalog_app.callback(invoke_without_command=True)
def catalog_list(
    ctx: typer.Context,
    muscle: Annotated[
        list[str] | None,
        typer.Option("--muscle", "-m", help="Only exercises that count this muscle or group (repeatable)."),
    ] = None,
    equipment: Annotated[
        list[Equipment] | None,
        typer.Option("--equipment", help="Only exercises doable with this equipment (repeatable)."),
    ] = None,
    pattern: Annotated[
        Pattern | None, typer.Option("--pattern", help="Only exercises of this movement pattern.")
    ] = None,
    catalog: CatalogFiles = None,
    json_output: JsonOutput = False,
) -> None:
    """List the exercises, optionally filtered; 'legday catalog show EXERCISE' shows one."""
    if ctx.invoked_subcommand is not None:
        return
    loaded = _catalog(catalog)
    chosen = loaded.select(muscles=muscle or (), equipment=equipment, pattern=pattern)
    if json_output:
        _print_json([e.model_dump(mode="json") for e in chosen])
        return
    from planner import render_catalog

    _print(render_catalog.exercise_table(chosen, loaded.muscles))


@catalog_app.command("show")
def catalog_show(
    exercise: Annotated[str, typer.Argument(help="An exercise id, name or alias, e.g. 'RDL'.")],
    catalog: CatalogFiles = None,
    json_output: JsonOutput = False,
) -> None:
    """Show one exercise: muscles by role, equipment, reps, rest, notes and evidence."""
    loaded = _catalog(catalog)
    found = loaded.exercise(exercise)
    if json_output:
        _print_json(found.model_dump(mode="json"))
        return
    from planner import render_catalog

    _print(*render_catalog.exercise_details(found, loaded.muscles))


def main() -> None:
    """Entry point of the `legday` console script."""
    app()
