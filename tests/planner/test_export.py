"""Exports: Markdown (golden), iCalendar (parsed back, golden), JSON (round trip), and the CLI."""

import json
import math
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exercises.catalog import Catalog
from exercises.exceptions import InputError
from exercises.fields import is_one_line
from planner.cli import error_line
from planner.coverage import coverage_report
from planner.export import (
    ExportFormat,
    calendar_dates,
    check_weeks,
    export_plan,
    markdown_cell,
    next_monday,
    parse_start,
    parse_time,
    plan_calendar,
    plan_markdown,
    training_weekdays,
    whole_minutes,
)
from planner.plan_file import Plan, Weekday, parse_plan, plan_from_data, plan_to_toml, read_plan
from planner.report import plan_report
from planner.svg import muscle_map_svg
from planner.volume import Level

if TYPE_CHECKING:
    from typer.testing import Result

PLAN_TOML = """\
format = "legday.plan/1"
name = "Two | leg days"

[[days]]
name = "Hinge *day*"
weekday = "tuesday"
exercises = [
  { exercise = "RDL", sets = 3, reps = [6, 10], rest_seconds = 150 },
  { exercise = "seated_leg_curl", sets = 3 },
  { exercise = "standing_calf_raise", sets = 4 },
]

[[days]]
exercises = [
  { exercise = "nordic_curl", sets = 3 },
  { exercise = "seated_calf_raise", sets = 4, rest_seconds = 45 },
  { exercise = "toe_curl", sets = 2 },
  { exercise = "back_squat", sets = 3 },
]
"""
START = date(2026, 1, 5)  # a Monday


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN_TOML)
    return path


@pytest.fixture
def plan(plan_path: Path, catalog: Catalog) -> Plan:
    return read_plan(plan_path, catalog)


def _plan(catalog: Catalog, *weekdays: str | None) -> Plan:
    days: list[dict[str, object]] = [{"exercises": [{"exercise": "nordic_curl", "sets": 3}]} for _ in weekdays]
    for day, weekday in zip(days, weekdays, strict=True):
        if weekday is not None:
            day["weekday"] = weekday
    return plan_from_data({"days": days}, catalog)


# --- schedule and numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "monday"),
    [
        (date(2026, 1, 5), date(2026, 1, 12)),
        (date(2026, 1, 4), date(2026, 1, 5)),
        (date(2026, 1, 7), date(2026, 1, 12)),
    ],
)
def test_next_monday_is_after_today(today: date, monday: date) -> None:
    assert next_monday(today) == monday
    assert monday.weekday() == 0


@pytest.mark.parametrize(
    ("weekdays", "expected"),
    [
        ((None,), ("monday",)),
        ((None, None), ("monday", "thursday")),
        ((None, None, None), ("monday", "wednesday", "friday")),
        ((None,) * 4, ("monday", "tuesday", "thursday", "saturday")),
        (("tuesday", None), ("tuesday", "monday")),
        (("monday", None), ("monday", "thursday")),
        ((None, "monday"), ("thursday", "monday")),
        # Two days on one weekday are refused when a plan is read (tests/planner/malformed/weekday_twice.toml).
        (("saturday", "sunday", None), ("saturday", "sunday", "monday")),
        ((None,) * 7, ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")),
    ],
)
def test_training_weekdays(catalog: Catalog, weekdays: tuple[str | None, ...], expected: tuple[str, ...]) -> None:
    assert training_weekdays(_plan(catalog, *weekdays)) == tuple(Weekday(w) for w in expected)


def test_minutes_follow_the_spec_formula_rounded_up(plan: Plan, catalog: Catalog) -> None:
    expected = []
    for day in plan.days:
        seconds = 0
        for entry in day.exercises:
            exercise = catalog.exercise(entry.exercise)
            rest = exercise.rest_seconds if entry.rest_seconds is None else entry.rest_seconds
            seconds += entry.sets * (exercise.set_seconds + rest)
        expected.append(math.ceil(seconds / 60))
    assert whole_minutes(plan, catalog) == tuple(expected)
    seated = catalog.exercise("seated_calf_raise")
    assert seated.rest_seconds != 45, "the plan overrides the rest: the catalog default must differ"


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30", "tomorrow", "", "2026-1-5", "20260105"])
def test_bad_start_dates(text: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD") as error:
        parse_start(text)
    assert "\n" not in error.value.message


def test_parse_start_and_time() -> None:
    assert parse_start("2026-01-05") == START
    assert parse_time("07:30") == time(7, 30)
    for text in ("25:00", "7:30", "noon", "07:30:00"):
        with pytest.raises(InputError, match="HH:MM") as error:
            parse_time(text)
        assert error.value.parameters == ("time",)


def test_errors_name_their_parameters_and_the_command_line_words_them_as_options(plan: Plan) -> None:
    with pytest.raises(InputError) as error:
        parse_start("tomorrow")
    assert (error.value.message, error.value.parameters) == (
        "'tomorrow' is not a date; give it as YYYY-MM-DD, e.g. 2026-01-05",
        ("start",),
    )
    assert error_line(error.value) == f"--start: {error.value.message}"
    with pytest.raises(InputError) as error:
        calendar_dates(plan, start=date(9999, 12, 1), weeks=52)
    assert error.value.parameters == ("start", "weeks")
    assert error_line(error.value).startswith("--start, --weeks: 9999-12-01 with 52 weeks runs past 9999-12-31")


@pytest.mark.parametrize("weeks", [0, -1, 53, 1000])
def test_weeks_out_of_range(weeks: int) -> None:
    with pytest.raises(InputError, match="1 to 52"):
        check_weeks(weeks)


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_golden(plan: Plan, catalog: Catalog, golden: Callable[[str, str], None]) -> None:
    text = export_plan(plan, catalog, ExportFormat.MD).decode()
    golden("export_plan.md", text)


def test_markdown_has_a_table_per_day_and_the_coverage(plan: Plan, catalog: Catalog) -> None:
    report = coverage_report(plan, catalog)
    text = plan_markdown(plan, catalog, report)
    assert text.startswith("# Two \\| leg days\n")
    assert "## Hinge \\*day\\*: Tuesday, about" in text
    assert "## Day 2: Monday, about" in text
    assert "| Romanian deadlift | 3 \u00d7 6\u201310 | 2:30 min |" in text
    assert text.count("| Exercise | Sets \u00d7 reps | Rest | Counts for |") == 2
    for muscle in report.muscles:
        assert any(
            line.startswith(f"| {muscle.name} |") and f"| {muscle.status} |" in line for line in text.splitlines()
        )


def test_markdown_level_changes_the_targets(plan: Plan, catalog: Catalog) -> None:
    from planner.volume import Level

    beginner = export_plan(plan, catalog, ExportFormat.MD, level=Level.BEGINNER).decode()
    advanced = export_plan(plan, catalog, ExportFormat.MD, level=Level.ADVANCED).decode()
    assert "| 8\u201312 |" in beginner
    assert "| 12\u201320 |" in advanced


def test_markdown_cell_escapes() -> None:
    assert markdown_cell("a|b") == "a\\|b"
    assert markdown_cell("back\\slash") == "back\\\\slash"
    assert markdown_cell("two\nlines") == "two lines"
    assert markdown_cell("*bold* _it_ `code` <b>") == "\\*bold\\* \\_it\\_ \\`code\\` \\<b\\>"


def _split_row(row: str) -> list[str]:
    """Cells of a Markdown table row, splitting on pipes that are not escaped."""
    cells, current, escaped = [], "", False
    for char in row.strip()[1:-1]:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            current += char
            escaped = True
        elif char == "|":
            cells.append(current)
            current = ""
        else:
            current += char
    cells.append(current)
    return cells


@given(st.lists(st.text(max_size=30), min_size=1, max_size=5))
def test_escaped_cells_keep_the_table_shape(texts: list[str]) -> None:
    row = "| " + " | ".join(markdown_cell(text) for text in texts) + " |"
    assert "\n" not in row
    assert len(_split_row(row)) == len(texts)


# --- iCalendar ----------------------------------------------------------------------------------


def _events(ics: bytes) -> list[Any]:
    from icalendar import Calendar

    return list(Calendar.from_ical(ics).walk("VEVENT"))


@pytest.mark.parametrize("weeks", [1, 4, 13])
def test_calendar_parses_back(plan: Plan, catalog: Catalog, weeks: int) -> None:
    ics = plan_calendar(plan, catalog, start=START, weeks=weeks)
    events = _events(ics)
    assert len(events) == weeks * len(plan.days)
    weekdays = training_weekdays(plan)
    names = {index: [catalog.exercise(e.exercise).name for e in day.exercises] for index, day in enumerate(plan.days)}
    seen_days = {0: 0, 1: 0}
    uids = set()
    for event in events:
        start = event["DTSTART"].dt
        assert isinstance(start, datetime)
        assert start.time() == time(18, 0)
        assert START <= start.date() < START + timedelta(weeks=weeks)
        index = 0 if "Hinge" in str(event["SUMMARY"]) else 1
        seen_days[index] += 1
        assert start.weekday() == list(Weekday).index(weekdays[index])
        description = str(event["DESCRIPTION"])
        for name in names[index]:
            assert name in description
        assert event["DURATION"].dt == timedelta(minutes=whole_minutes(plan, catalog)[index])
        assert event["DTSTAMP"].dt == datetime(2026, 1, 5, tzinfo=event["DTSTAMP"].dt.tzinfo)
        uids.add(str(event["UID"]))
    assert seen_days == {0: weeks, 1: weeks}
    assert len(uids) == len(events)


def test_calendar_is_byte_identical_and_its_uids_follow_the_content(plan: Plan, catalog: Catalog) -> None:
    first = plan_calendar(plan, catalog, start=START, weeks=2)
    assert first == plan_calendar(plan, catalog, start=START, weeks=2)
    assert b"\r\n" in first
    renamed = plan.model_copy(update={"name": "Other"})
    first_uids = {str(e["UID"]) for e in _events(first)}
    other_uids = {str(e["UID"]) for e in _events(plan_calendar(renamed, catalog, start=START, weeks=2))}
    assert first_uids.isdisjoint(other_uids)


def test_calendar_golden(plan: Plan, catalog: Catalog, golden: Callable[[str, str], None]) -> None:
    ics = export_plan(plan, catalog, ExportFormat.ICS, start=START, weeks=2)
    assert all(line.endswith(b"\r") for line in ics.split(b"\n")[:-1]), "iCalendar lines end in CRLF"
    golden("export_plan.ics", ics.decode().replace("\r\n", "\n"))


def test_names_with_control_characters_are_refused_at_the_edge(catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="must be one line"):
        plan_from_data({"name": "bell\x07 plan", "days": [{"exercises": [{"exercise": "RDL", "sets": 3}]}]}, catalog)


def test_calendar_text_has_no_control_characters(catalog: Catalog) -> None:
    """Names are checked when a file is read; a plan built in code is still written safely."""
    valid = plan_from_data({"days": [{"exercises": [{"exercise": "RDL", "sets": 3}]}]}, catalog)
    day = valid.days[0].model_copy(update={"name": "a\x00b\tc"})
    plan = valid.model_copy(update={"name": "bell\x07 plan", "days": (day,)})
    ics = plan_calendar(plan, catalog, start=START, weeks=1)
    assert not any(byte < 32 and byte not in (10, 13) for byte in ics)
    (event,) = _events(ics)
    assert str(event["SUMMARY"]) == "bell  plan: a b c"


def test_a_calendar_cannot_run_past_the_last_date(plan: Plan) -> None:
    with pytest.raises(InputError, match="runs past 9999-12-31"):
        calendar_dates(plan, start=date(9999, 12, 1), weeks=52)
    assert calendar_dates(plan, start=date(9998, 1, 5), weeks=52)


def test_a_start_that_is_not_a_monday_starts_the_weeks_there(plan: Plan) -> None:
    wednesday = date(2026, 1, 7)
    dates = calendar_dates(plan, start=wednesday, weeks=2)
    assert [d for d, _ in dates] == [date(2026, 1, 12), date(2026, 1, 13), date(2026, 1, 19), date(2026, 1, 20)]


def test_default_start_is_the_monday_after_today(plan: Plan, catalog: Catalog) -> None:
    ics = export_plan(plan, catalog, ExportFormat.ICS, today=date(2026, 1, 1), weeks=1)
    starts = sorted(e["DTSTART"].dt.date() for e in _events(ics))
    assert starts == [date(2026, 1, 5), date(2026, 1, 6)]


# --- JSON ---------------------------------------------------------------------------------------


def test_json_is_the_plan(plan: Plan, catalog: Catalog) -> None:
    data = json.loads(export_plan(plan, catalog, ExportFormat.JSON))
    assert data == plan.to_data()
    assert plan_from_data(data, catalog) == plan


# --- TOML, SVG and HTML -------------------------------------------------------------------------


def test_toml_is_the_plan_file_with_names_resolved(plan: Plan, catalog: Catalog) -> None:
    toml = export_plan(plan, catalog, ExportFormat.TOML)
    assert toml == plan_to_toml(plan)
    back = parse_plan(toml, "export.toml", catalog)
    assert back == plan
    assert 'exercise = "romanian_deadlift"' in toml.decode()  # the file said "RDL"


def test_svg_is_the_muscle_map_of_the_plan_at_the_level(plan: Plan, catalog: Catalog) -> None:
    svg = export_plan(plan, catalog, ExportFormat.SVG, level=Level.ADVANCED, source="plan.toml")
    assert svg == muscle_map_svg(coverage_report(plan, catalog, Level.ADVANCED), subtitle="plan.toml")


def test_html_is_the_report_page(plan: Plan, catalog: Catalog) -> None:
    page = export_plan(plan, catalog, ExportFormat.HTML, source="plan.toml")
    assert page == plan_report(plan, catalog, source="plan.toml")
    assert page.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("chosen", ["html", "svg", "toml"])
def test_cli_writes_the_new_formats(
    cli: Callable[..., "Result"], plan_path: Path, plan: Plan, catalog: Catalog, tmp_path: Path, chosen: str
) -> None:
    target = tmp_path / f"out.{chosen}"
    result = cli("export", str(plan_path), "-f", chosen, "-o", str(target))
    assert result.exit_code == 0, result.output
    expected = export_plan(plan, catalog, ExportFormat(chosen), source=str(plan_path))
    assert target.read_bytes() == expected


# --- command line -------------------------------------------------------------------------------


def test_cli_prints_to_stdout(cli: Callable[..., "Result"], plan_path: Path, plan: Plan, catalog: Catalog) -> None:
    result = cli("export", str(plan_path), "--format", "md")
    assert result.exit_code == 0, result.output
    assert result.stdout == export_plan(plan, catalog, ExportFormat.MD).decode()
    result = cli("export", str(plan_path), "--json")
    assert json.loads(result.stdout) == plan.to_data()


def test_cli_writes_files_atomically_and_needs_force(
    cli: Callable[..., "Result"], plan_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.ics"
    result = cli("export", str(plan_path), "-f", "ics", "--start", "2026-01-05", "--weeks", "3", "-o", str(target))
    assert result.exit_code == 0
    assert len(_events(target.read_bytes())) == 6
    before = target.read_bytes()
    result = cli("export", str(plan_path), "-f", "ics", "--weeks", "1", "-o", str(target))
    assert result.exit_code == 2
    assert target.read_bytes() == before
    result = cli(
        "export", str(plan_path), "-f", "ics", "--start", "2026-01-05", "--weeks", "1", "-o", str(target), "--force"
    )
    assert result.exit_code == 0
    assert len(_events(target.read_bytes())) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics", "plan.toml"]


def test_cli_default_start_is_next_monday(cli: Callable[..., "Result"], plan_path: Path) -> None:
    result = cli("export", str(plan_path), "-f", "ics", "--weeks", "1")
    assert result.exit_code == 0
    starts = sorted(e["DTSTART"].dt.date() for e in _events(result.stdout.encode()))
    assert starts[0] == next_monday(date.today())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "ics", "--start", "2026-13-01"], "YYYY-MM-DD"),
        (["-f", "ics", "--weeks", "0"], "--weeks"),
        (["-f", "ics", "--weeks", "53"], "--weeks"),
        (["-f", "pdf"], "--format"),
        ([], "--format"),
        (["--json", "-f", "md"], "--json"),
        (["-f", "ics", "--time", "7pm"], "HH:MM"),
    ],
)
def test_cli_bad_input_exits_2_with_one_line(
    run_legday: Callable[..., subprocess.CompletedProcess[str]], plan_path: Path, args: list[str], message: str
) -> None:
    done = run_legday("export", str(plan_path), *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_missing_and_malformed_plans(
    run_legday: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    done = run_legday("export", str(tmp_path / "nope.toml"), "-f", "md")
    assert done.returncode == 2
    assert "nope.toml" in done.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text('[[days]]\nexercises = [{ exercise = "romanian_deadlif", sets = 3 }]\n')
    done = run_legday("export", str(bad), "-f", "md", "-o", str(tmp_path / "out.md"))
    assert done.returncode == 2
    assert "bad.toml:2" in done.stderr
    assert "did you mean" in done.stderr
    assert not (tmp_path / "out.md").exists()


def test_cli_reads_stdin(run_legday: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    done = run_legday("export", "-", "-f", "ics", "--start", "2026-01-05", "--weeks", "2", input=PLAN_TOML)
    assert done.returncode == 0, done.stderr
    assert len(_events(done.stdout.encode())) == 4


def test_cli_formats_are_the_library_formats() -> None:
    from typing import get_args, get_type_hints

    from planner import cli

    hint = get_type_hints(cli.export, include_extras=True)["export_format"]
    optional = get_args(hint)[0]  # Annotated[Literal[...] | None, Option] -> Literal[...] | None
    literal = next(arg for arg in get_args(optional) if arg is not type(None))
    assert set(get_args(literal)) == {f.value for f in ExportFormat}


@given(st.text(max_size=12))
def test_any_start_text_is_a_date_or_one_clear_line(text: str) -> None:
    refused = None
    try:
        parsed = parse_start(text)
    except InputError as error:
        refused = error
    if refused is None:
        assert parsed.isoformat() == text
    else:
        assert refused.parameters == ("start",)
        assert "\n" not in error_line(refused)
        assert error_line(refused).startswith("--start: ")


_WEEKDAY_OR_NONE = st.one_of(st.none(), st.sampled_from([w.value for w in Weekday]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), weeks=st.integers(1, 52), start=st.dates(date(2000, 1, 1), date(2100, 1, 1)))
def test_any_plan_exports_parse_back(catalog: Catalog, data: st.DataObject, weeks: int, start: date) -> None:
    ids = sorted(catalog.exercises)
    day = st.fixed_dictionaries(
        {
            "exercises": st.lists(
                st.fixed_dictionaries({"exercise": st.sampled_from(ids), "sets": st.integers(1, 20)}),
                min_size=1,
                max_size=4,
            )
        },
        optional={
            "weekday": _WEEKDAY_OR_NONE.filter(lambda w: w is not None),
            "name": st.text(min_size=1, max_size=40).filter(lambda name: name.strip() and is_one_line(name)),
        },
    )
    # Each weekday on one day at most: a plan with two days on one weekday is refused.
    days = st.lists(day, min_size=1, max_size=7, unique_by=lambda d: d.get("weekday") or object())
    plan_data = {"days": data.draw(days, label="days")}
    plan = plan_from_data(plan_data, catalog)
    ics = plan_calendar(plan, catalog, start=start, weeks=weeks)
    assert not any(byte < 32 and byte not in (10, 13) for byte in ics)
    events = _events(ics)
    assert len(events) == weeks * len(plan.days)
    order = list(Weekday)
    weekdays = training_weekdays(plan)
    assert all(day.weekday in (None, weekdays[i]) for i, day in enumerate(plan.days))
    assert {e["DTSTART"].dt.weekday() for e in events} == {order.index(w) for w in weekdays}
    assert all(start <= e["DTSTART"].dt.date() < start + timedelta(weeks=weeks) for e in events)
    assert json.loads(export_plan(plan, catalog, ExportFormat.JSON)) == plan.to_data()
    markdown = export_plan(plan, catalog, ExportFormat.MD).decode()
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and not line.startswith("| Exercise")]
    assert len(rows) == sum(len(d.exercises) for d in plan.days) + len(list(catalog.muscles.targets)) + 1
    assert all(len(_split_row(row)) == 4 for row in rows)


def test_cli_stdout_is_byte_exact(plan_path: Path, plan: Plan, catalog: Catalog) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "planner",
            "export",
            str(plan_path),
            "-f",
            "ics",
            "--start",
            "2026-01-05",
            "--weeks",
            "2",
        ],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == plan_calendar(plan, catalog, start=START, weeks=2)
