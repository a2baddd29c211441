"""The `legday` command line: parses arguments, calls the library, renders the result.

Start-up matters: only typer and the plain enums load at import; models, rich and everything else
load inside the command that needs them.
"""

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, NoReturn

import typer
from typer.core import TyperGroup

from exercises.exceptions import ExitCode, InputError, LegdayError
from exercises.vocabulary import Pattern
from planner.limits import (
    MAX_BLOCK_WEEKS,
    MAX_DAYS,
    MAX_MINUTES,
    MAX_SEED,
    MAX_WEEKS,
    MIN_BLOCK_WEEKS,
    MIN_DAYS,
    MIN_MINUTES,
    MIN_WEEKS,
)
from planner.volume import Level, Volume

if TYPE_CHECKING:
    from datetime import date

    from rich.console import RenderableType
    from typer._click.core import Context as ClickContext
    from typer._click.exceptions import UsageError

    from exercises.catalog import Catalog, Reading
    from exercises.vocabulary import Equipment
    from exercises.ways_out import Change, FewerKeptSets, WayOut
    from planner.coverage import CoverageReport
    from planner.generate import VolumeReach
    from planner.plan_file import Block


class LegdayGroup(TyperGroup):
    """Turns legday's errors and usage errors into one line on stderr and an exit code: the one
    place where exceptions become exit codes."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: "ClickContext | None" = None, **extra: Any
    ) -> "ClickContext":
        # The root's own options are parsed here, before `invoke`: `legday --bogus` fails in this call.
        from typer._click.exceptions import NoArgsIsHelpError, UsageError

        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except BrokenPipeError:  # `legday --help | head -1`
            _stdout_closed()
        except NoArgsIsHelpError:
            raise
        except UsageError as error:
            if parent is not None:
                raise  # a nested group's: the invoke of its parent reports it
            name = info_name or "legday"
            _fail_usage(error, name, root=name)

    def invoke(self, ctx: "ClickContext") -> Any:
        from typer._click.exceptions import UsageError  # typer's vendored click: no click import

        try:
            result = super().invoke(ctx)
            # Flushed here, so that a reader that stopped early (`legday plan | head -2`) is seen now.
            sys.stdout.flush()
            return result
        except BrokenPipeError:
            _stdout_closed()
        except LegdayError as error:
            if _show_traceback(ctx):
                raise
            _fail_lines(error_lines(error), error.exit_code)
        except UsageError as error:
            if _show_traceback(ctx):
                raise
            if error.ctx is not None:
                command = error.ctx.command_path
            elif ctx.invoked_subcommand is not None:
                # The subcommand's own parser failed (an option without its value): name the subcommand.
                command = f"{ctx.command_path} {ctx.invoked_subcommand}"
            else:
                command = ctx.command_path
            _fail_usage(error, command, root=ctx.find_root().command_path)


def _stdout_closed() -> NoReturn:
    """The reader of standard output went away (`legday plan | head -2`): not a failure. As Python's
    documentation advises for SIGPIPE, point stdout at devnull so the flush at exit cannot fail again,
    and exit 0."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(0)


def _show_traceback(ctx: "ClickContext") -> bool:
    return bool(ctx.find_root().meta.get("legday.traceback"))


def _fail_usage(error: "UsageError", command: str, *, root: str) -> NoReturn:
    """A usage error as one line: 'legday: plan: No such option: --bogus (see 'legday plan --help')'."""
    # typer validates option values with pydantic: say what to give instead, in legday's words.
    message = _without_pydantic(error.format_message(), getattr(error, "param", None))
    subcommand = command.removeprefix(root).strip()
    where = f"{subcommand}: " if subcommand else ""
    _fail(f"{where}{message} (see '{command} --help')", ExitCode.BAD_INPUT)


def _without_pydantic(message: str, param: Any) -> str:
    """A usage message with pydantic's wording ('Input should be less than or equal to 12') put as
    what to give ('give a whole number from 1 to 12')."""
    message = message.replace("Value error, ", "")
    if "Input should be" not in message:
        return message
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        wanted = f"give a whole number from {low} to {high}"
    elif low is not None:
        wanted = f"give a whole number of {low} or more"
    elif "valid integer" in message:
        wanted = "give a whole number"
    else:
        return message.replace("Input should be", "give")
    head, _, _ = message.partition("Input should be")
    return head + wanted


def error_line(error: LegdayError) -> str:
    """A legday error as the command line says it (after 'legday: '): the library's message, with
    the options it is about ('--weeks: 60 is out of range...'), a strict check's name, and the ways
    out of an unmet request worded as options ('...: raise --minutes to 30 or --days to 3')."""
    from exercises.exceptions import OutputExistsError, TargetsUnmetError, UnmetRequestError

    if isinstance(error, OutputExistsError):
        return f"{error.message}; use --force to overwrite it"
    if isinstance(error, TargetsUnmetError):
        week = f"week {error.week}: " if error.week is not None else ""
        return f"{week}coverage --strict: {error.message}"
    if isinstance(error, UnmetRequestError) and error.ways_out:
        return f"{error.message}: {_word_ways_out(error.ways_out)}"
    if error.parameters:
        return f"{', '.join(_OPTIONS.get(name, '--' + name) for name in error.parameters)}: {error.message}"
    return error.message


def error_lines(error: LegdayError) -> list[str]:
    """A legday error as the lines the command line prints (each after 'legday: '): one per problem
    when it gathers several (every unknown name of a run, every mistake in a file), so a person fixes
    them all in one go; otherwise the one line of `error_line`."""
    from exercises.exceptions import InputErrors

    if isinstance(error, InputErrors):
        return [error_line(problem) for problem in error.problems]
    return [error_line(error)]


#: The options of parameters not named '--' + the parameter.
_OPTIONS: Final = {"deload": "--no-deload"}


def _word_change(change: "Change") -> str:
    from exercises.ways_out import (
        AddEquipment,
        AddExercises,
        FewerIncludedSets,
        FewerKeptSets,
        KeepEveryExercise,
        KeepExercise,
        LongerSessions,
        MoreDays,
        MoreEquipment,
        OtherLevel,
        OtherSubstitute,
    )

    match change:
        case MoreDays(days):
            return f"raise --days to {days}"
        case LongerSessions(minutes):
            return f"raise --minutes to {minutes}"
        case KeepExercise(exercise):
            return f"drop --exclude {exercise}"
        case KeepEveryExercise():
            return "drop the --exclude options"
        case AddEquipment(equipment, exercises):
            flags = " ".join(f"--equipment {item}" for item in equipment)
            return f"add {flags} ({', '.join(exercises)})" if exercises else f"add {flags}"
        case OtherLevel(level):
            return f"choose --level {level}" if level is not None else "choose another level"
        case AddExercises(muscle):
            if muscle is not None:
                return "add an exercise that trains it with --catalog FILE"
            return "add exercises with --catalog FILE"
        case FewerKeptSets(day, exercise, sets):
            if sets:
                plural = "s" if sets != 1 else ""
                return f"keep at most {sets} set{plural} of {exercise} on day {day} of the --keep file"
            return f"leave {exercise} out of day {day} of the --keep file"
        case FewerIncludedSets(exercise, sets):
            return f"ask --include {exercise}:{sets}" if sets else f"drop --include {exercise}"
        case OtherSubstitute(exercise):
            return f"try --with {exercise}"
        case MoreEquipment():
            return "give more --equipment"


def _word_ways_out(ways: "tuple[WayOut, ...]") -> str:
    """'raise --days to 3 and --minutes to 40', 'drop --exclude nordic_curl, or add --equipment
    machine (lying_leg_curl)': the changes of a way joined by 'and', the ways by 'or' (', or' when
    a way changes the exercises at hand), and one 'raise' for a run of raised limits."""
    from exercises.ways_out import (
        AddEquipment,
        AddExercises,
        FewerIncludedSets,
        FewerKeptSets,
        KeepEveryExercise,
        KeepExercise,
        LongerSessions,
        MoreDays,
    )

    changes_exercises = (KeepExercise, KeepEveryExercise, AddEquipment, AddExercises, FewerKeptSets, FewerIncludedSets)
    separator = ", or " if any(isinstance(c, changes_exercises) for way in ways for c in way) else " or "
    worded = []
    after_raise = False
    for way in ways:
        fewer = tuple(change for change in way if isinstance(change, FewerKeptSets))
        if len(way) > 1 and len(fewer) == len(way) and len({change.day for change in fewer}) == 1:
            worded.append(_word_fewer_kept(fewer))
            after_raise = False
            continue
        words = []
        for change in way:
            text = _word_change(change)
            raises = isinstance(change, MoreDays | LongerSessions)
            words.append(text.removeprefix("raise ") if raises and after_raise else text)
            after_raise = raises
        worded.append(" and ".join(words))
    return separator.join(worded)


def _volume_line(reach: "VolumeReach", days: int, minutes: int, *, defaulted: bool, peak: int | None = None) -> str:
    """What the plan command says when the days and minutes could not hold the volume asked (see
    planner.generate.VolumeReach): '--volume high did not fit in 2 sessions of 30 minutes: each
    muscle with a 10-16 band is at least 4 effective sets into it, not 4.5; raise --minutes to 35 or
    --days to 3 to reach it'. A block (`peak`: its peak week) says its week 1 when the volume did
    not fit, else that its peak did not."""
    from planner.wording import band_text, number_text

    asked = f"--volume {reach.volume}{' (the default)' if defaulted else ''}"
    sessions = f"{days} session{'s' if days != 1 else ''} of {minutes} minutes"
    fit = "did not fit in" if reach.climb.settled else "was not proven, within the planner's search limit, to fit in"
    band = f"a {band_text(reach.band.min, reach.band.max)} band" if reach.band is not None else "a growth band"
    reached = reach.climb.reached
    into = f"each muscle with {band} is at least {number_text(reached)} effective set{'s' if reached != 1 else ''}"
    wanted = number_text(reach.climb.wanted)
    if reach.first is None:
        line = f"{asked} {fit} {sessions}: {into} into it, not {wanted}"
    elif reach.first.short:
        first = number_text(reach.first.wanted)
        line = (
            f"{asked} {fit} {sessions}: {into} into it in every loading week, not {first} in week 1 rising to {wanted}"
        )
    else:
        line = f"the block's peak (week {peak}) {fit} {sessions}: {into} into it, not {wanted}"
    if reach.climb.room:
        line += f"; {_word_ways_out(reach.climb.room)} to reach it"
    return line


def _word_fewer_kept(changes: "tuple[FewerKeptSets, ...]") -> str:
    """'keep at most 2 sets of romanian_deadlift and 1 of good_morning on day 1 of the --keep file'."""
    parts = [f"{c.sets} set{'s' if c.sets != 1 else ''} of {c.exercise}" for c in changes]
    parts[1:] = [part.replace(" sets of ", " of ").replace(" set of ", " of ") for part in parts[1:]]
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}"
    return f"keep at most {listed} on day {changes[0].day} of the --keep file"


def _fail(message: str, code: int) -> NoReturn:
    _fail_lines([message], code)


def _fail_lines(messages: list[str], code: int) -> NoReturn:
    # One line a problem, always: a value quoted from a file may still carry a line break.
    for message in messages:
        one_line = " ".join(message.splitlines())
        typer.echo(f"legday: {one_line}", err=True)
    raise typer.Exit(code)


app = typer.Typer(
    cls=LegdayGroup,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Plan leg training for every muscle in the back of the leg, and see the evidence.",
)
catalog_app = typer.Typer(cls=LegdayGroup, rich_markup_mode=None, help="Browse the exercise catalog.")
app.add_typer(catalog_app, name="catalog")

CatalogFiles = Annotated[
    list[Path] | None,
    typer.Option("--catalog", metavar="FILE", help="A TOML catalog merged over the built-in one (repeatable)."),
]
JsonOutput = Annotated[bool, typer.Option("--json", help="Print one JSON document instead of tables.")]
EquipmentOption = Annotated[
    list[str] | None,
    typer.Option(
        "--equipment",
        metavar="EQUIPMENT",
        help="Equipment at hand: repeatable or comma-separated ('dumbbells,bench'), in any case; "
        "'legday equipment' lists it (default: all; bodyweight always is).",
        show_default=False,
    ),
]
SvgOutput = Annotated[
    Path | None,
    typer.Option("--svg", metavar="FILE", help="Also draw the muscle map of the coverage to FILE (SVG)."),
]


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


def _equipment(given: list[str] | None) -> "tuple[Equipment, ...] | None":
    """--equipment as people type it, or None when not given; a name legday does not know is a
    usage error with the closest names."""
    if not given:
        return None
    from exercises.equipment import parse_equipment
    from exercises.exceptions import UnknownNameError

    try:
        return parse_equipment(given)
    except UnknownNameError as error:
        raise typer.BadParameter(error.message, param_hint="'--equipment'") from None


def _print_json(data: Any) -> None:
    import pydantic_core  # already loaded with pydantic; the json module would cost ~5 ms more

    # The same bytes as json.dumps(data, indent=2, ensure_ascii=False), serialized in Rust.
    sys.stdout.write(pydantic_core.to_json(data, indent=2).decode() + "\n")


def _print(*renderables: "RenderableType") -> None:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich exits 1 when the reader goes away; legday treats a closed pipe as success.
            self.quiet = True
            raise BrokenPipeError

    from planner.render_layout import fit_to_width

    # Without console markup and :emoji: codes: what legday prints holds names from users' catalogs,
    # plan files and logs, and paths, which must show as written ('Towel curl [bold] :fire:'); the
    # renderers style with Text, never with markup in a str.
    console = _Console(markup=False, emoji=False)
    for renderable in renderables:
        console.print(fit_to_width(renderable))


@app.command(short_help="The muscles of the back of the leg, with their anatomy.")
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
        list[str] | None,
        typer.Option(
            "--equipment",
            metavar="EQUIPMENT",
            help="Only exercises doable with this equipment: repeatable or comma-separated.",
            show_default=False,
        ),
    ] = None,
    pattern: Annotated[
        Pattern | None, typer.Option("--pattern", help="Only exercises of this movement pattern.")
    ] = None,
    catalog: CatalogFiles = None,
    json_output: JsonOutput = False,
) -> None:
    """List the exercises, optionally filtered; 'legday catalog show EXERCISE' shows one."""
    if ctx.invoked_subcommand is not None:
        # `legday catalog --catalog F --json show X`: the options before `show` are its options too.
        if muscle or equipment or pattern:
            raise typer.BadParameter("filters choose exercises to list, not the one 'show' shows")
        ctx.obj = {"catalog": catalog, "json": json_output}
        return
    loaded = _catalog(catalog)
    chosen = loaded.select(muscles=muscle or (), equipment=_equipment(equipment), pattern=pattern)
    if json_output:
        _print_json([e.model_dump(mode="json") for e in chosen])
        return
    from planner import render_catalog

    _print(render_catalog.exercise_table(chosen, loaded.muscles))


@catalog_app.command("show")
def catalog_show(
    ctx: typer.Context,
    exercise: Annotated[str, typer.Argument(metavar="EXERCISE", help="An exercise id, name or alias, e.g. 'RDL'.")],
    catalog: CatalogFiles = None,
    json_output: JsonOutput = False,
) -> None:
    """Show one exercise: muscles by role, equipment, reps, rest, notes and evidence."""
    given_before: dict[str, Any] = ctx.obj or {}
    catalog = [*(given_before.get("catalog") or ()), *(catalog or ())]
    json_output = json_output or bool(given_before.get("json"))
    loaded = _catalog(catalog)
    found = loaded.exercise(exercise)
    if json_output:
        _print_json(found.model_dump(mode="json"))
        return
    from planner import render_catalog

    _print(*render_catalog.exercise_details(found, loaded.muscles))


ExerciseSpecs = Annotated[
    list[str] | None,
    typer.Option(
        "--exercise",
        "-e",
        metavar="EXERCISE[:SETS]",
        help="An exercise (id, name or alias) and its weekly sets, 3 if not given; repeatable. "
        "Together they count as one extra session.",
        show_default=False,
    ),
]
LogFile = Annotated[
    str | None,
    typer.Option(
        "--log",
        metavar="FILE",
        help="A Strong, Hevy, FitNotes or Fitbod CSV export ('-' for standard input): the average week "
        "of what was done.",
        show_default=False,
    ),
]
SinceDay = Annotated[
    str | None,
    typer.Option("--since", metavar="YYYY-MM-DD", help="With --log: the first day counted.", show_default=False),
]
UntilDay = Annotated[
    str | None,
    typer.Option("--until", metavar="YYYY-MM-DD", help="With --log: the last day counted.", show_default=False),
]
TargetLevel = Annotated[
    Level | None,
    typer.Option("--level", help="Level for the targets (default: the plan's, else intermediate)."),
]


@app.command(short_help="Which muscles a routine or a log misses, and what to add.")
def coverage(
    file: Annotated[
        str | None,
        typer.Argument(
            metavar="FILE|-", help="A plan file (TOML), or '-' to read one from standard input.", show_default=False
        ),
    ] = None,
    exercise: ExerciseSpecs = None,
    level: TargetLevel = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when a muscle is missed or under target.")] = False,
    log: LogFile = None,
    since: SinceDay = None,
    until: UntilDay = None,
    week: Annotated[
        int | None,
        typer.Option(
            "--week",
            min=1,
            max=MAX_BLOCK_WEEKS,
            metavar="K",
            help="Of a block file: only week K, in full (default: every week, side by side).",
            show_default=False,
        ),
    ] = None,
    svg: SvgOutput = None,
    force: Annotated[bool, typer.Option("--force", help="With --svg: overwrite FILE if it exists.")] = False,
    catalog: CatalogFiles = None,
    json_output: JsonOutput = False,
) -> None:
    """Weekly coverage of a routine: which muscles it misses, and what to add.

    Effective sets per muscle against its target, the joint actions the routine loads, and exercises
    for each muscle it misses or leaves under target. With --log, the average week of a training log.
    A block file (legday plan --weeks N) shows every week side by side, or one with --week K.
    """
    if log is not None or since is not None or until is not None:
        if week is not None:
            raise typer.BadParameter(
                "a training log has no block weeks; --week is for block files", param_hint="'--week'"
            )
        _coverage_of_log(log, since, until, file, exercise, level, strict, catalog, json_output, svg, force)
        return
    from planner.coverage import coverage_report, describe_routine, load_routine_or_block
    from planner.plan_file import Block

    if file is None and not exercise:
        raise InputError("nothing to check: give a plan FILE (or '-' for standard input) or exercises with -e")
    loaded = _catalog(catalog)
    read_as: list[Reading] = []
    routine = load_routine_or_block(file, exercise or (), loaded, week, read_as=read_as)
    source = describe_routine(file, exercise or ())
    if isinstance(routine, Block):
        _coverage_of_block(routine, loaded, level, strict, svg, force, json_output, source)
        return
    if week is not None:
        source += f", week {week}"
    report = coverage_report(routine, loaded, level, read_as=read_as)
    if svg is not None:
        _write_muscle_map(report, svg, source, force)
    if json_output:
        _print_json(report.to_data())
    else:
        from planner import render_coverage

        _print(*render_coverage.coverage_view(report, source))
    if strict:
        report.require_targets()


def _coverage_of_block(
    block: "Block",
    catalog: "Catalog",
    level: Level | None,
    strict: bool,
    svg: Path | None,
    force: bool,
    json_output: bool,
    source: str,
) -> None:
    """`coverage BLOCKFILE`: every week's coverage; the JSON's top level (and the SVG) is the peak week's."""
    from planner.block_report import require_loading_targets, week_reports, weeks_data

    reports = week_reports(block, catalog, level)
    peak = reports[block.peak - 1]
    if svg is not None:
        _write_muscle_map(peak.coverage, svg, f"{source}: peak week, week {peak.week} of {len(reports)}", force)
    if json_output:
        _print_json({**peak.coverage.to_data(), "weeks": weeks_data(reports)})
    else:
        from planner import render_block

        _print(*render_block.block_coverage_view(reports, source))
    if strict:
        require_loading_targets(reports)


def _log_window(log: str | None, since: str | None, until: str | None) -> tuple[str, "date | None", "date | None"]:
    """The training log and the window of days asked for; --since or --until without --log is a
    usage error."""
    if log is None:
        option = "'--since'" if since is not None else "'--until'"
        raise typer.BadParameter("it needs --log FILE, the training log to restrict", param_hint=option)
    from planner.training_log import parse_day

    first = parse_day(since, "since") if since is not None else None
    last = parse_day(until, "until") if until is not None else None
    return log, first, last


def _coverage_of_log(
    log: str | None,
    since: str | None,
    until: str | None,
    file: str | None,
    exercise: list[str] | None,
    level: Level | None,
    strict: bool,
    catalog: list[Path] | None,
    json_output: bool,
    svg: Path | None = None,
    force: bool = False,
) -> None:
    """`coverage --log FILE`: a training log replaces the routine, so FILE and -e are usage errors."""
    log, first, last = _log_window(log, since, until)
    if file is not None or exercise:
        raise typer.BadParameter("give a training log or a routine (FILE, -e), not both", param_hint="'--log'")
    from planner.training_log import log_coverage, read_log

    loaded = _catalog(catalog)
    result = log_coverage(read_log(log), loaded, level or Level.INTERMEDIATE, first, last)
    if svg is not None:
        window = f"{log if log != '-' else 'standard input'}: average of {result.weeks} weeks"
        _write_muscle_map(result.report, svg, window, force)
    if json_output:
        _print_json(result.to_data())
    else:
        from planner import render_log

        _print(*render_log.log_view(result))
    if strict:
        result.report.require_targets()


@app.command(short_help="Write one HTML page: the map, the plan, its coverage and the evidence.")
def report(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE.html", help="Write the page to FILE.html.", show_default=False),
    ],
    file: Annotated[
        str | None,
        typer.Argument(
            metavar="PLAN|-", help="A plan file (TOML), or '-' to read one from standard input.", show_default=False
        ),
    ] = None,
    exercise: ExerciseSpecs = None,
    log: LogFile = None,
    since: SinceDay = None,
    until: UntilDay = None,
    level: TargetLevel = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE.html if it exists.")] = False,
    catalog: CatalogFiles = None,
) -> None:
    """Write one self-contained HTML page (no scripts, fonts or images fetched) that reads on a phone
    and prints on paper: the muscle map, each day's exercises, the coverage of every muscle, the gaps
    and what to add, and the evidence for each exercise."""
    from planner.output_files import check_output, write_output

    check_output(output, force=force)
    loaded = _catalog(catalog)
    if log is not None or since is not None or until is not None:
        log, first, last = _log_window(log, since, until)
        if file is not None or exercise:
            raise typer.BadParameter("give a training log or a routine (PLAN, -e), not both", param_hint="'--log'")
        from planner.report import log_report
        from planner.training_log import log_coverage, read_log

        result = log_coverage(read_log(log), loaded, level or Level.INTERMEDIATE, first, last)
        page = log_report(result, loaded, source=log if log != "-" else "standard input")
    else:
        from planner.coverage import describe_routine, load_routine
        from planner.plan_file import read_plan_or_block
        from planner.report import plan_report

        # A file alone may be a block, shown week by week; with -e it is a routine to extend.
        routine = read_plan_or_block(file, loaded) if file is not None and not exercise else None
        page = plan_report(
            routine or load_routine(file, exercise or (), loaded),
            loaded,
            level=level,
            source=describe_routine(file, exercise or ()),
        )
    write_output(output, page, force=force)


@app.command(short_help="Build a weekly leg-day plan, or a block of weeks, that meets every muscle's target.")
def plan(
    ctx: typer.Context,
    days: Annotated[
        int | None,
        typer.Option(
            "--days",
            min=MIN_DAYS,
            max=MAX_DAYS,
            metavar="N",
            help=f"Training days a week ({MIN_DAYS}-{MAX_DAYS}; default: as many as --weekdays names, else 2).",
            show_default=False,
        ),
    ] = None,
    level: Annotated[Level, typer.Option("--level", help="Training level: sets the weekly targets.")] = (
        Level.INTERMEDIATE
    ),
    equipment: EquipmentOption = None,
    minutes: Annotated[
        int,
        typer.Option(
            "--minutes",
            min=MIN_MINUTES,
            max=MAX_MINUTES,
            metavar="M",
            help=f"The longest session, in minutes ({MIN_MINUTES}-{MAX_MINUTES}).",
        ),
    ] = 75,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", metavar="EXERCISE", help="Leave out an exercise (id, name or alias; repeatable)."),
    ] = None,
    seed: Annotated[
        int,
        typer.Option(
            "--seed",
            min=0,
            max=MAX_SEED,
            metavar="S",
            help="0: the best-evidence plan; other seeds pick among equally good ones.",
        ),
    ] = 0,
    weeks: Annotated[
        int,
        typer.Option(
            "--weeks",
            min=MIN_BLOCK_WEEKS,
            max=MAX_BLOCK_WEEKS,
            metavar="N",
            help=f"A training block of N weeks ({MIN_BLOCK_WEEKS}-{MAX_BLOCK_WEEKS}): sets rising week by week, "
            "then a deload week; 1 is a single week.",
        ),
    ] = 1,
    no_deload: Annotated[bool, typer.Option("--no-deload", help="A block without the deload week at its end.")] = False,
    volume: Annotated[
        Volume | None,
        typer.Option(
            "--volume",
            help="Where the week (a block's week 1) sits in the target band: low (the fewest sets), mid, high "
            "(default: mid for a single week, low for a block or with --keep).",
            show_default=False,
        ),
    ] = None,
    weekdays: Annotated[
        list[str] | None,
        typer.Option(
            "--weekdays",
            metavar="DAYS",
            help="The weekdays to train on, e.g. mon,wed,fri (names or three-letter abbreviations; "
            "comma-separated or repeated).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the plan to FILE (TOML).")
    ] = None,
    keep: Annotated[
        str | None,
        typer.Option(
            "--keep",
            metavar="FILE",
            help="Complete this plan or routine ('-' for standard input): keep its exercises with their sets on "
            "their days and add the fewest sets that meet every rule; its [settings] give --level, --equipment, "
            "--minutes and --exclude unless given, and --days may add days.",
            show_default=False,
        ),
    ] = None,
    include: Annotated[
        list[str] | None,
        typer.Option(
            "--include",
            metavar="EXERCISE[:SETS]",
            help="Put this exercise in the plan, with at least SETS weekly sets if given (repeatable).",
            show_default=False,
        ),
    ] = None,
    prefer_log: Annotated[
        str | None,
        typer.Option(
            "--prefer-log",
            metavar="LOG",
            help="A Strong, Hevy, FitNotes or Fitbod export: among equally short plans, prefer the exercises it shows.",
            show_default=False,
        ),
    ] = None,
    svg: SvgOutput = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE (and the --svg file) if it exists.")] = False,
    catalog: CatalogFiles = None,
    json_output: JsonOutput = False,
) -> None:
    """Build a weekly leg-day plan that gets every muscle in the back of the leg into its target
    band, and show it with its coverage; with --weeks N, a training block whose sets and effort rise
    week by week; with --keep FILE, the plan that keeps a routine and adds the fewest sets. Exits 1,
    saying why, when no plan can."""
    from exercises.vocabulary import Equipment
    from planner.coverage import coverage_report
    from planner.generate import generate, plan_minutes
    from planner.plan_file import Block, parse_weekdays
    from planner.plan_request import plan_request

    at_hand = _equipment(equipment)
    chosen_days = parse_weekdays(weekdays) if weekdays else ()
    if keep is not None or include or prefer_log is not None:
        if weeks > 1:
            given = "--keep" if keep is not None else "--include" if include else "--prefer-log"
            raise typer.BadParameter("it completes one week; leave out --weeks", param_hint=f"'{given}'")
        from typer._click.core import ParameterSource

        def given_value(name: str, value: Any) -> Any:
            return None if ctx.get_parameter_source(name) is ParameterSource.DEFAULT else value

        _plan_completion(
            {
                "days": days,
                "level": given_value("level", level),
                "equipment": at_hand,
                "minutes": given_value("minutes", minutes),
                "exclude": given_value("exclude", tuple(exclude or ())),
                "seed": seed,
                "volume": volume,
                "weekdays": chosen_days,
            },
            keep,
            include or [],
            prefer_log,
            output,
            svg,
            force,
            catalog,
            json_output,
        )
        return
    request = plan_request(
        days=days,
        level=level,
        equipment=at_hand if at_hand is not None else tuple(Equipment),
        minutes=minutes,
        exclude=tuple(exclude or ()),
        seed=seed,
        weeks=weeks,
        deload=not no_deload,
        volume=volume,
        weekdays=chosen_days,
    )
    loaded = _catalog(catalog)
    generated = generate(request, loaded)
    volume_note = None
    if not generated.volume.fits:
        peak = generated.plan.peak if isinstance(generated.plan, Block) else None
        volume_note = _volume_line(generated.volume, request.days, request.minutes, defaulted=volume is None, peak=peak)
    if isinstance(generated.plan, Block):
        _plan_block(generated.plan, generated.volume, volume_note, loaded, level, output, svg, force, json_output)
        return
    built = generated.plan
    report = coverage_report(built, loaded, level)
    day_minutes = plan_minutes(built, loaded)
    _check_outputs(output, svg, force=force)
    if output is not None:
        from planner.plan_file import write_plan

        write_plan(built, output, force=force)
    if svg is not None:
        subtitle = f"generated plan: {request.days} days a week, at most {minutes} minutes a day"
        _write_muscle_map(report, svg, subtitle, force)
    if json_output:
        document = {"plan": built.to_data(), "minutes": list(day_minutes), "coverage": report.to_data()}
        _print_json({**document, "volume": generated.volume.to_data()})
        return
    from planner import render_plan

    _print(*render_plan.plan_view(built, day_minutes, report, loaded))
    if volume_note is not None:
        _print(volume_note)
    if output is not None:
        _print(f"Plan written to {output}; check it again with: legday coverage {output}")


def _plan_completion(
    given: dict[str, Any],
    keep: str | None,
    include: list[str],
    prefer_log: str | None,
    output: Path | None,
    svg: Path | None,
    force: bool,
    catalog: list[Path] | None,
    json_output: bool,
) -> None:
    """`plan --keep FILE`, `--include`, `--prefer-log`: every input read and checked before the
    solver runs, the completed plan written, drawn and shown with what was kept and added."""
    from planner.complete import complete_plan, completion_request, logged_exercises, parse_inclusions
    from planner.coverage import coverage_report
    from planner.plan_file import Block, read_plan_or_block
    from planner.session_minutes import plan_minutes

    if keep == "-" and prefer_log == "-":
        raise typer.BadParameter(
            "--keep reads standard input already; give the log as a file", param_hint="'--prefer-log'"
        )
    loaded = _catalog(catalog)
    kept = None
    if keep is not None:
        found = read_plan_or_block(keep, loaded)
        if isinstance(found, Block):
            raise typer.BadParameter(
                f"{keep} is a block (legday.plan/2); --keep completes a one-week plan (legday.plan/1)",
                param_hint="'--keep'",
            )
        kept = found
    inclusions = parse_inclusions(include, loaded)
    known = None
    if prefer_log is not None:
        from planner.training_log import read_log

        known = logged_exercises((name for _, name in read_log(prefer_log).sets), loaded)
    request = completion_request(kept, **given)
    _check_outputs(output, svg, force=force)
    result = complete_plan(request, loaded, keep=kept, include=inclusions, known=known)
    built = result.plan
    report = coverage_report(built, loaded, request.level)
    day_minutes = plan_minutes(built, loaded)
    if output is not None:
        from planner.plan_file import write_plan

        write_plan(built, output, force=force)
    if svg is not None:
        source = "standard input" if keep == "-" else keep
        subtitle = f"{source}, completed" if source is not None else f"plan of {request.days} days a week"
        _write_muscle_map(report, svg, subtitle, force)
    if json_output:
        document = {"plan": built.to_data(), "minutes": list(day_minutes), "coverage": report.to_data()}
        _print_json({**document, "volume": result.volume.to_data(), "completion": result.to_data()})
        return
    from planner import render_plan

    kept_from = None if keep is None else ("standard input" if keep == "-" else keep)
    view = render_plan.plan_view(
        built, day_minutes, report, loaded, result, kept_from=kept_from, logged=prefer_log is not None
    )
    _print(*view)
    if not result.volume.fits:
        _print(_volume_line(result.volume, request.days, request.minutes, defaulted=given["volume"] is None))
    if output is not None:
        _print(f"Plan written to {output}; check it again with: legday coverage {output}")


def _plan_block(
    block: "Block",
    volume: "VolumeReach",
    volume_note: str | None,
    catalog: "Catalog",
    level: Level,
    output: Path | None,
    svg: Path | None,
    force: bool,
    json_output: bool,
) -> None:
    """`plan --weeks N`: write, draw (the peak week) and show the block."""
    from planner.block_report import week_reports, weeks_data

    reports = week_reports(block, catalog, level)
    peak = reports[block.peak - 1]
    _check_outputs(output, svg, force=force)
    if output is not None:
        from planner.plan_file import write_plan

        write_plan(block, output, force=force)
    if svg is not None:
        subtitle = f"generated block: peak week, week {peak.week} of {len(reports)}"
        _write_muscle_map(peak.coverage, svg, subtitle, force)
    if json_output:
        document = {"plan": block.to_data(), "minutes": list(peak.minutes), "coverage": peak.coverage.to_data()}
        _print_json({**document, "volume": volume.to_data(), "weeks": weeks_data(reports)})
        return
    from planner import render_block

    _print(*render_block.block_view(block, reports, catalog))
    if volume_note is not None:
        _print(volume_note)
    if output is not None:
        _print(f"Block written to {output}; check it again with: legday coverage {output}")


@app.command(short_help="Substitutes for an exercise, or swap one in a plan and refit its sets.")
def swap(
    exercise: Annotated[str, typer.Argument(metavar="EXERCISE", help="The exercise to replace (id, name or alias).")],
    equipment: EquipmentOption = None,
    plan_file: Annotated[
        str | None,
        typer.Option(
            "--plan", metavar="FILE", help="Swap it in this plan file ('-' for standard input) and refit the sets."
        ),
    ] = None,
    day: Annotated[
        int | None,
        typer.Option("--day", metavar="N", help="With --plan: only on day N (default: every day that has it)."),
    ] = None,
    with_: Annotated[
        str | None,
        typer.Option("--with", metavar="OTHER", help="With --plan: the substitute (default: the best one that fits)."),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=1, max=100, metavar="N", help="Without --plan: how many substitutes to show.")
    ] = 5,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="With --plan: write the swapped plan to FILE (TOML)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    catalog: CatalogFiles = None,
    json_output: JsonOutput = False,
) -> None:
    """Substitutes for an exercise, best first: the same joint actions and the nearest credit per
    muscle, with what a set of each gains and loses. With --plan, swap it in the plan, refit the sets
    so every muscle stays in its weekly band with the fewest changes, and show the coverage before
    and after; nothing is written without -o."""
    at_hand = _equipment(equipment)
    if plan_file is None:
        for given, name in ((day, "--day"), (with_, "--with"), (output, "--output")):
            if given is not None:
                raise typer.BadParameter("it works on a plan: add --plan FILE", param_hint=f"'{name}'")
        _list_substitutes(exercise, at_hand, top, catalog, json_output)
        return
    from planner.plan_file import Block, read_plan_or_block
    from planner.swap import swap_in_plan

    loaded = _catalog(catalog)
    found = read_plan_or_block(plan_file, loaded)
    if isinstance(found, Block):
        raise typer.BadParameter(
            f"{plan_file} is a block (legday.plan/2); swap works on a one-week plan (legday.plan/1)",
            param_hint="'--plan'",
        )
    result = swap_in_plan(
        found, exercise, loaded, day=day, substitute_name=with_, equipment=at_hand, source=str(plan_file)
    )
    if output is not None:
        from planner.plan_file import write_plan

        write_plan(result.plan, output, force=force)
    if json_output:
        _print_json(result.to_data())
        return
    from planner import render_swap

    _print(*render_swap.swap_view(result, loaded, str(output) if output is not None else None))


def _list_substitutes(
    exercise: str, at_hand: "tuple[Equipment, ...] | None", top: int, catalog: list[Path] | None, json_output: bool
) -> None:
    """`legday swap EXERCISE`: the ranked substitutes."""
    from planner.swap import rank_substitutes

    loaded = _catalog(catalog)
    found = loaded.exercise(exercise)
    ranked = rank_substitutes(found, loaded, equipment=at_hand)[:top]
    if json_output:
        _print_json([substitute.to_data() for substitute in ranked])
        return
    from planner import render_swap

    _print(*render_swap.substitutes_view(found, ranked, loaded))


@app.command("equipment", short_help="The equipment legday knows, with the names it understands.")
def equipment_list(json_output: JsonOutput = False) -> None:
    """List the equipment legday knows: the name to give --equipment, what it is, and other names
    it understands (plurals too). An exercise needs one piece of each of its equipment groups."""
    from exercises.equipment import EQUIPMENT

    if json_output:
        _print_json(
            [
                {"id": info.id.value, "name": info.name, "description": info.description, "aliases": list(info.aliases)}
                for info in EQUIPMENT.values()
            ]
        )
        return
    from planner import render_catalog

    _print(render_catalog.equipment_table(EQUIPMENT.values()))


@app.command(short_help="The JSON Schema of the plan file, for editors.")
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the schema to FILE.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Accepted for symmetry: the schema is JSON.")] = False,
) -> None:
    """Print the JSON Schema of the plan file, one-week plans and blocks alike, for editors that check
    TOML against a schema."""
    from planner.plan_file import plan_schema_json

    if output is None:
        sys.stdout.write(plan_schema_json())
        return
    from planner.output_files import write_output

    write_output(output, plan_schema_json().encode(), force=force)


def _check_outputs(*paths: Path | None, force: bool) -> None:
    """Before a command writes several files: refuse them all if one would be refused, so a failure
    leaves none of them written (each is still written atomically by write_output)."""
    from exercises.exceptions import OutputFileError
    from planner.output_files import check_output

    given = [path for path in paths if path is not None]
    for path in given:
        check_output(path, force=force)
    if len({os.path.realpath(path) for path in given}) < len(given):
        raise OutputFileError(f"{given[0]}: the same file is given for two outputs; give each its own")


def _write_muscle_map(report: "CoverageReport", path: Path, subtitle: str, force: bool) -> None:
    """--svg FILE: the muscle map of a coverage report, written atomically (no overwrite without --force)."""
    from planner.output_files import write_output
    from planner.svg import muscle_map_svg

    write_output(path, muscle_map_svg(report, subtitle=subtitle), force=force)


@app.command(short_help="Export a plan file: Markdown, iCalendar, JSON, HTML, SVG or TOML.")
def export(
    plan: Annotated[
        str, typer.Argument(metavar="PLAN", help="A plan file (TOML), or '-' to read one from standard input.")
    ],
    export_format: Annotated[
        Literal["md", "ics", "json", "html", "svg", "toml"] | None,
        typer.Option(
            "--format",
            "-f",
            help="md: a printable plan with its coverage; ics: a calendar of training days; json: the plan; "
            "html: the report page (as 'legday report'); svg: the muscle map; toml: the plan file, canonical.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of standard output."),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start", metavar="YYYY-MM-DD", help="ics: the first day of the calendar (default: next Monday)."
        ),
    ] = None,
    weeks: Annotated[
        int | None,
        typer.Option(
            "--weeks",
            min=MIN_WEEKS,
            max=MAX_WEEKS,
            metavar="N",
            help=f"ics: how many weeks of training days ({MIN_WEEKS}-{MAX_WEEKS}; default: 4, or a block's weeks).",
            show_default=False,
        ),
    ] = None,
    at: Annotated[str, typer.Option("--time", metavar="HH:MM", help="ics: when each training day starts.")] = "18:00",
    level: Annotated[
        Level | None,
        typer.Option(
            "--level", help="md, html, svg: level for the coverage targets (default: the plan's, else intermediate)."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    catalog: CatalogFiles = None,
    json_output: Annotated[bool, typer.Option("--json", help="The same as --format json.")] = False,
) -> None:
    """Export a plan file: a printable Markdown plan, an iCalendar file of its training days, JSON, the
    HTML report page, the SVG muscle map, or the plan file itself (TOML, names resolved to ids)."""
    from datetime import date

    from planner.export import ExportFormat, export_plan, parse_start, parse_time
    from planner.plan_file import read_plan_or_block

    if json_output and export_format not in (None, "json"):
        raise typer.BadParameter(f"--json asks for JSON but --format is {export_format}", param_hint="'--json'")
    if export_format is None and not json_output:
        raise typer.BadParameter(
            "missing: give md, ics, json, html, svg or toml (or use --json)", param_hint="'--format'"
        )
    chosen = ExportFormat(export_format or "json")
    first = parse_start(start) if start is not None else None
    starts_at = parse_time(at)
    loaded = _catalog(catalog)
    content = export_plan(
        read_plan_or_block(plan, loaded),
        loaded,
        chosen,
        level=level,
        start=first,
        weeks=weeks,
        at=starts_at,
        today=date.today(),
        source="standard input" if plan == "-" else plan,
    )
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(content)  # bytes as they are: the calendar's CRLF line ends included
        sys.stdout.buffer.flush()
        return
    from planner.output_files import write_output

    write_output(output, content, force=force)


def main() -> None:
    """Entry point of the `legday` console script."""
    # legday's models are its own; looking up third-party pydantic plugins costs ~5 ms a start.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A run is short and reference counting frees its garbage: with the cycle collector off, a
    # 100,000-row log and the longest plan search peak at the same memory (95 and 97 MB), and the
    # start skips its collections among the classes typer, pydantic and rich build (~20 ms).
    gc.disable()
    try:
        app()
    except SystemExit:
        # Output printed outside a command (help, usage) is flushed at exit: a closed pipe there too
        # is not a failure.
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        raise
    finally:
        # At exit the interpreter's garbage collector walks and tears down every reference cycle the
        # run made (the classes, schemas and validators of typer, pydantic and rich): ~70 ms of a
        # ~330 ms start, which the system reclaims anyway when the process ends. Frozen objects are
        # left out of those collections; atexit handlers and the flushing of stdout still run.
        gc.freeze()
