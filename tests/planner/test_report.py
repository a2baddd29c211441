"""The HTML report: its markup (parsed), untrusted text escaped, the CLI, and the page as headless
Chromium lays it out at a phone's and a desktop's width.

Screenshots of the rendered pages are kept in tests/artifacts/ (ignored by git): report-phone.png
(390 px wide), report-desktop.png (1280 px) and report-log-phone.png.
"""

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exercises.catalog import Catalog
from exercises.fields import is_one_line
from planner.coverage import coverage_report
from planner.plan_file import Block, Plan, day_labels, parse_plan, plan_from_data, read_plan_or_block, rir_text
from planner.report import STATUS_TEXT, log_report, plan_report
from planner.training_log import log_coverage, read_log
from planner.volume import Level

if TYPE_CHECKING:
    from typer.testing import Result

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
LOGS = Path(__file__).resolve().parent / "logs"
BLOCK = Path(__file__).resolve().parent / "blocks" / "three_weeks.toml"
PHONE = 390
DESKTOP = 1280

PLAN_TOML = """\
format = "legday.plan/1"
name = "Three leg days"

[[days]]
name = "Hinge"
weekday = "monday"
exercises = [
  { exercise = "RDL", sets = 3, reps = [6, 10], rest_seconds = 150 },
  { exercise = "seated_leg_curl", sets = 3 },
  { exercise = "standing_calf_raise", sets = 4 },
]

[[days]]
name = "Curl"
weekday = "wednesday"
exercises = [
  { exercise = "nordic_curl", sets = 3 },
  { exercise = "seated_calf_raise", sets = 4, rest_seconds = 45 },
]

[[days]]
exercises = [
  { exercise = "lying_leg_curl", sets = 3 },
  { exercise = "back_squat", sets = 3 },
]
"""
HOSTILE = "<script>alert(1)</script>"


class _Page(HTMLParser):
    """The parts of a page the checks need: elements with their attributes, and the text of each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in {"meta", "br", "link", "col"}:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        for tag in set(self._open):
            self.texts.setdefault(tag, []).append(data)

    def text(self, tag: str) -> str:
        return "".join(self.texts.get(tag, []))

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]


def _parse(page: bytes) -> _Page:
    parser = _Page()
    parser.feed(page.decode())
    parser.close()
    return parser


@pytest.fixture(scope="module")
def plan(catalog: Catalog) -> Plan:
    return parse_plan(PLAN_TOML.encode(), "plan.toml", catalog)


@pytest.fixture(scope="module")
def page(plan: Plan, catalog: Catalog) -> bytes:
    return plan_report(plan, catalog, source="plan.toml")


def test_the_page_is_self_contained_and_accessible(page: bytes) -> None:
    parsed = _parse(page)
    assert parsed.tags("html") == [{"lang": "en"}]
    # Nothing is fetched: no scripts, links, images or frames, and a policy that forbids them.
    for tag in ("script", "link", "img", "iframe", "object", "embed"):
        assert parsed.tags(tag) == [], tag
    policies = [m["content"] for m in parsed.tags("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert policies == ["default-src 'none'; style-src 'unsafe-inline'"]
    # Only the SVG's own patterns are referenced (url(#id)); no web address but the SVG namespace.
    assert re.findall(rb"url\((?!#)", page) == []
    assert b"@import" not in page
    assert re.findall(rb"https?://(?!www\.w3\.org/2000/svg)", page) == []
    # Real tables: every one has a caption, every header cell a scope.
    assert len(parsed.tags("table")) == len(parsed.tags("caption")) > 0
    assert all(th.get("scope") in {"col", "row"} for th in parsed.tags("th"))
    # The map is an image named by its own title and description.
    (svg,) = parsed.tags("svg")
    assert svg["role"] == "img"
    labels = (svg["aria-labelledby"] or "").split()
    ids = {attrs.get("id") for _, attrs in parsed.elements}
    assert labels
    assert all(label in ids for label in labels)
    assert parsed.text("title").startswith("Three leg days")


def test_every_muscle_has_its_status_in_text_and_a_pattern_class(page: bytes, plan: Plan, catalog: Catalog) -> None:
    parsed = _parse(page)
    report = coverage_report(plan, catalog)
    rows = {attrs["id"]: attrs["class"] for attrs in parsed.tags("tr") if (attrs.get("id") or "").startswith("row-")}
    assert rows == {f"row-{m.id}": f"status-{m.status}" for m in report.muscles}
    badges = [attrs["class"] for attrs in parsed.tags("span") if "badge" in (attrs.get("class") or "")]
    for muscle in report.muscles:
        assert f"badge {muscle.status}" in badges
    text = parsed.text("table")
    assert all(STATUS_TEXT[m.status] in text for m in report.muscles)
    assert len({m.status for m in report.muscles}) > 1  # the statuses are told apart, not all alike


def test_each_exercise_has_its_evidence_and_the_gaps_their_suggestions(
    page: bytes, plan: Plan, catalog: Catalog
) -> None:
    parsed = _parse(page)
    articles = [attrs["id"] for attrs in parsed.tags("article")]
    ids = list(dict.fromkeys(entry.exercise for day in plan.days for entry in day.exercises))
    assert articles == [f"evidence-{i}" for i in ids]
    text = parsed.text("body")
    for exercise_id in ids:
        for item in catalog.exercise(exercise_id).evidence:
            assert item.source in text
    report = coverage_report(plan, catalog)
    for suggestion in report.suggestions:
        assert all(option.name in text for option in suggestion.options)


def test_a_hostile_name_is_text(catalog: Catalog) -> None:
    hostile = plan_from_data(
        {"name": HOSTILE, "days": [{"name": f"{HOSTILE} & co", "exercises": [{"exercise": "RDL", "sets": 3}]}]},
        catalog,
    )
    page = plan_report(hostile, catalog, source=f"{HOSTILE}.toml")
    parsed = _parse(page)
    assert parsed.tags("script") == []
    assert parsed.text("h1") == HOSTILE
    assert f"{HOSTILE} & co" in parsed.text("caption")
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in page


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=40).filter(lambda s: is_one_line(s) and s.strip() == s and s.strip()))
def test_any_plan_name_comes_back_as_the_same_text(catalog: Catalog, name: str) -> None:
    plan = plan_from_data({"name": name, "days": [{"exercises": [{"exercise": "RDL", "sets": 3}]}]}, catalog)
    page = plan_report(plan, catalog, source="plan.toml")
    parsed = _parse(page)
    assert parsed.text("h1") == name
    assert parsed.tags("script") == []


def test_the_page_is_deterministic(plan: Plan, catalog: Catalog, page: bytes) -> None:
    assert plan_report(plan, catalog, source="plan.toml") == page


def test_a_log_report_shows_its_weeks_and_unmatched_names(catalog: Catalog) -> None:
    result = log_coverage(read_log(LOGS / "strong_old.csv"), catalog, Level.INTERMEDIATE)
    parsed = _parse(log_report(result, catalog, source="strong_old.csv"))
    text = parsed.text("body")
    assert all(week.week in text for week in result.per_week)
    assert all(name.name in text for name in result.unmatched)
    assert all(m.name in text for m in result.report.muscles)


def test_a_block_shows_every_week_and_its_peak_days(catalog: Catalog) -> None:
    block = read_plan_or_block(BLOCK, catalog)
    assert isinstance(block, Block)
    parsed = _parse(plan_report(block, catalog, source="three_weeks.toml"))
    text = parsed.text("table")
    for number, week in enumerate(block.weeks, 1):
        assert f"Week {number}" in text
        assert rir_text(week.rir) in text
    peak = block.week(block.peak)
    captions = parsed.text("caption")
    assert all(label in captions for label in day_labels(peak))
    # The days show the peak week's sets.
    first = peak.days[0].exercises[0]
    assert f"{first.sets} \u00d7" in text


# --- the command line ----------------------------------------------------------------------------


def test_report_writes_the_page_and_keeps_an_existing_file(cli: Callable[..., "Result"], tmp_path: Path) -> None:
    plan_file, target = tmp_path / "plan.toml", tmp_path / "plan.html"
    plan_file.write_text(PLAN_TOML)
    result = cli("report", str(plan_file), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert _parse(target.read_bytes()).text("h1") == "Three leg days"
    again = cli("report", str(plan_file), "-o", str(target))
    assert again.exit_code == 2
    assert "exists" in again.stderr
    assert cli("report", str(plan_file), "-o", str(target), "--force").exit_code == 0


def test_report_of_exercises_and_of_a_log(cli: Callable[..., "Result"], tmp_path: Path) -> None:
    inline = tmp_path / "inline.html"
    assert cli("report", "-e", "RDL:4", "-e", "toe_curl", "-o", str(inline)).exit_code == 0
    assert "Romanian deadlift" in _parse(inline.read_bytes()).text("table")
    logged = tmp_path / "log.html"
    result = cli("report", "--log", str(LOGS / "hevy.csv"), "--level", "beginner", "-o", str(logged))
    assert result.exit_code == 0, result.output
    assert "beginner" in _parse(logged.read_bytes()).text("p")


def test_a_log_report_of_a_window_of_days(cli: Callable[..., "Result"], tmp_path: Path) -> None:
    whole, window = tmp_path / "whole.html", tmp_path / "window.html"
    log = str(LOGS / "hevy.csv")
    assert cli("report", "--log", log, "-o", str(whole)).exit_code == 0
    result = cli("report", "--log", log, "--since", "2024-01-01", "--until", "2024-01-31", "-o", str(window))
    assert result.exit_code == 0, result.output
    weeks = _parse(window.read_bytes()).text("table")
    assert "2024-W02" in weeks
    assert "2023-W52" not in weeks
    assert "2023-W52" in _parse(whole.read_bytes()).text("table")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--since", "2024-01-01", "-o", "{dir}/x.html"], "'--since': it needs --log FILE"),
        (["report", "--log", "{dir}/log.csv", "--until", "soon", "-o", "{dir}/x.html"], "--until: bad date 'soon'"),
        (
            ["report", "--log", "{dir}/log.csv", "--since", "2030-01-01", "-o", "{dir}/x.html"],
            "no workouts on or after",
        ),
        (["report", "missing.toml", "-o", "{dir}/x.html"], "missing.toml"),
        (["report", "-e", "RDL"], "Missing option '--output'"),
        (["report", "-o", "{dir}/x.html"], "nothing to check"),
        (["report", "{dir}/plan.toml", "--log", "{dir}/log.csv", "-o", "{dir}/x.html"], "not both"),
        (["report", "-e", "Romanain deadlift", "-o", "{dir}/x.html"], "did you mean"),
    ],
)
def test_report_bad_input_is_one_line_and_exit_2(
    run_legday: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "plan.toml").write_text(PLAN_TOML)
    (tmp_path / "log.csv").write_text((LOGS / "hevy.csv").read_text())
    result = run_legday(*(arg.format(dir=tmp_path) for arg in args))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert message in lines[0]
    assert not (tmp_path / "x.html").exists()


# --- in a real browser -------------------------------------------------------------------------
#
# Chromium's own command line is enough (no driver library, no browser download): `--screenshot` for
# pictures, and `--dump-dom` of a small harness page for measurements. The harness holds the page under
# test in an iframe of the exact viewport width (a headless window is at least 500 pixels wide, an
# iframe can be 390) and a script that, once the page has loaded, writes what the browser laid out into
# its own DOM as JSON: the page's scroll width, the visible text, and any element reaching past the
# viewport's right edge. The page itself stays as it is, script-free under its own CSP.
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)

_HARNESS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>measure</title></head>
<body style="margin:0">
<iframe id="page" src="{src}" style="border:0;display:block;width:{width}px;height:{height}px"></iframe>
<script>
document.getElementById("page").addEventListener("load", function () {{
  var doc = this.contentDocument, view = this.contentWindow, wide = [];
  doc.querySelectorAll("body *").forEach(function (element) {{
    var box = element.getBoundingClientRect(), head = element.closest("thead");
    // A visually hidden header row (one pixel, clipped; kept for screen readers) shows nothing.
    if (head && head.getBoundingClientRect().width <= 1) {{ return; }}
    if (box.width > 0 && box.right > view.innerWidth + 0.5) {{
      wide.push(element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
        (element.getAttribute("class") ? "." + element.getAttribute("class") : "") + " " + Math.round(box.right));
    }}
  }});
  var out = document.createElement("pre");
  out.id = "measurements";
  out.textContent = JSON.stringify({{
    viewport: view.innerWidth,
    scrollWidth: doc.documentElement.scrollWidth,
    scrollHeight: doc.documentElement.scrollHeight,
    text: doc.body.innerText,
    wide: wide.slice(0, 20)
  }});
  document.body.appendChild(out);
}});
</script>
</body></html>
"""


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [CHROMIUM, *_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )


def measure(page: Path, width: int, height: int = 900) -> dict[str, Any]:
    """How Chromium lays out `page` in a viewport `width` pixels wide: viewport, scrollWidth,
    scrollHeight, the visible text (innerText) and up to 20 elements reaching past the right edge."""
    harness = page.parent / f"measure-{width}.html"
    harness.write_text(_HARNESS.format(src=page.name, width=width, height=height))
    result = _chromium("--allow-file-access-from-files", "--window-size=1200,1000", "--dump-dom", harness.as_uri())
    start = result.stdout.find('<pre id="measurements">')
    assert start >= 0, f"no measurements from Chromium: {result.stderr[-2000:]}"
    end = result.stdout.index("</pre>", start)
    raw = result.stdout[start + len('<pre id="measurements">') : end]
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&")):
        raw = raw.replace(entity, char)
    data: dict[str, Any] = json.loads(raw)
    return data


def screenshot(page: Path, target: Path, width: int, height: int) -> None:
    """A PNG of `page` at `width` x `height` CSS pixels (the page framed at exactly that width)."""
    frame = page.parent / f"frame-{width}.html"
    frame.write_text(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>frame</title></head>'
        f'<body style="margin:0"><iframe src="{page.name}" style="border:0;display:block;'
        f'width:{width}px;height:{height}px"></iframe></body></html>'
    )
    _chromium(
        "--allow-file-access-from-files", f"--window-size={width},{height}", f"--screenshot={target}", frame.as_uri()
    )


def console_messages(page: Path) -> list[str]:
    """What the page writes to the browser console while it loads (errors, CSP refusals), opened on
    its own, not in a frame."""
    result = _chromium("--enable-logging=stderr", "--v=0", "--window-size=1200,900", "--dump-dom", page.as_uri())
    assert "</html>" in result.stdout, result.stderr[-2000:]
    return [line for line in result.stderr.splitlines() if ":CONSOLE" in line or "Refused to" in line]


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file, from its header."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def _write(folder: Path, page: bytes, name: str = "report.html") -> Path:
    path = folder / name
    path.write_bytes(page)
    return path


@needs_chromium
def test_chromium_shows_every_muscle_and_exercise_within_a_phone(
    page: bytes, plan: Plan, catalog: Catalog, tmp_path: Path
) -> None:
    path = _write(tmp_path, page)
    report = coverage_report(plan, catalog)
    heights = {}
    for width in (PHONE, DESKTOP):
        shown = measure(path, width)
        heights[width] = shown["scrollHeight"]
        assert shown["viewport"] == width
        assert shown["scrollWidth"] <= width, shown["wide"]
        assert shown["wide"] == []
        lines = [" ".join(line.split()) for line in shown["text"].splitlines()]
        text = "\n".join(lines)
        # Every muscle with its status: its row's text holds the name and the status marker.
        for muscle in report.muscles:
            assert muscle.name in text, muscle.id
            assert STATUS_TEXT[muscle.status] in text, muscle.id
        # Every exercise of every day, under its day's heading.
        for label, day in zip(day_labels(plan), plan.days, strict=True):
            start = next(i for i, line in enumerate(lines) if line.startswith(label))
            following = "\n".join(lines[start:])
            for entry in day.exercises:
                assert catalog.exercise(entry.exercise).name in following, (label, entry.exercise)
    assert console_messages(path) == []  # no errors, no refusals by the page's own policy
    ARTIFACTS.mkdir(exist_ok=True)
    for width, name in ((PHONE, "report-phone.png"), (DESKTOP, "report-desktop.png")):
        target = ARTIFACTS / name
        screenshot(path, target, width, heights[width])
        assert png_size(target) == (width, heights[width])
        assert target.stat().st_size > 50_000  # a drawn page, not a blank one


@needs_chromium
def test_chromium_renders_a_hostile_name_as_text_and_logs_nothing(catalog: Catalog, tmp_path: Path) -> None:
    hostile = plan_from_data({"name": HOSTILE, "days": [{"exercises": [{"exercise": "RDL", "sets": 3}]}]}, catalog)
    path = _write(tmp_path, plan_report(hostile, catalog, source="x.toml"))
    shown = measure(path, PHONE)
    assert shown["text"].startswith(HOSTILE)
    assert console_messages(path) == []


@needs_chromium
def test_chromium_lays_out_a_block_within_a_phone(catalog: Catalog, tmp_path: Path) -> None:
    block = read_plan_or_block(BLOCK, catalog)
    path = _write(tmp_path, plan_report(block, catalog, source="three_weeks.toml"))
    shown = measure(path, PHONE)
    assert shown["scrollWidth"] <= PHONE
    assert shown["wide"] == []
    assert "Reps in reserve" in shown["text"]


@needs_chromium
def test_chromium_lays_out_a_log_report_within_a_phone(catalog: Catalog, tmp_path: Path) -> None:
    result = log_coverage(read_log(LOGS / "strong_old.csv"), catalog, Level.INTERMEDIATE)
    path = _write(tmp_path, log_report(result, catalog, source="strong_old.csv"))
    shown = measure(path, PHONE)
    assert shown["scrollWidth"] <= PHONE
    assert shown["wide"] == []
    assert all(m.name in shown["text"] for m in result.report.muscles)
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot(path, ARTIFACTS / "report-log-phone.png", PHONE, shown["scrollHeight"])
    assert png_size(ARTIFACTS / "report-log-phone.png") == (PHONE, shown["scrollHeight"])
