"""The muscle map: structure (always) and a real render with headless Chromium (when installed)."""

import json
import shutil
import struct
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exercises.catalog import Catalog
from planner.coverage import CoverageReport, Status, coverage_report
from planner.plan_file import Plan, plan_from_data
from planner.svg import DRAWN_MUSCLES, STATUS_FILLS, STATUS_LABELS, muscle_map_svg, muscle_title

if TYPE_CHECKING:
    from typer.testing import Result

NS = {"svg": "http://www.w3.org/2000/svg"}

#: Every status at once: hinges under, the short head and popliteus missed, calves over, toes ok.
MIXED_PLAN = {
    "days": [
        {"exercises": [{"exercise": "romanian_deadlift", "sets": 3}, {"exercise": "standing_calf_raise", "sets": 10}]},
        {"exercises": [{"exercise": "standing_calf_raise", "sets": 10}, {"exercise": "toe_curl", "sets": 2}]},
    ]
}


@pytest.fixture(scope="module")
def mixed(catalog: Catalog) -> CoverageReport:
    return coverage_report(plan_from_data(MIXED_PLAN, catalog), catalog)


def _muscle_shapes(root: ET.Element) -> dict[str, ET.Element]:
    return {e.attrib["id"]: e for e in root.iter() if e.attrib.get("id") in DRAWN_MUSCLES}


def test_the_report_has_every_status(mixed: CoverageReport) -> None:
    assert {m.status for m in mixed.muscles} == set(Status)


def test_the_map_draws_every_posterior_leg_muscle_once(catalog: Catalog, mixed: CoverageReport) -> None:
    assert sorted(DRAWN_MUSCLES) == sorted(m.id for m in catalog.muscles.targets)
    root = ET.fromstring(muscle_map_svg(mixed))
    for muscle_id in DRAWN_MUSCLES:
        found = [e for e in root.iter() if e.attrib.get("id") == muscle_id]
        assert len(found) == 1, muscle_id
        assert found[0].tag == f"{{{NS['svg']}}}path"
        assert found[0].attrib["d"].startswith("M ")


def test_fill_follows_status_and_titles_say_it(mixed: CoverageReport) -> None:
    root = ET.fromstring(muscle_map_svg(mixed))
    shapes = _muscle_shapes(root)
    for row in mixed.muscles:
        shape = shapes[row.id]
        assert shape.attrib["fill"] == STATUS_FILLS[row.status]
        title = shape.find("svg:title", NS)
        assert title is not None
        assert title.text == muscle_title(row)
        assert row.name in title.text
        assert str(row.status) in title.text
        bar = root.find(f".//svg:g[@id='bar-{row.id}']/svg:rect[@class='bar status-{row.status}']", NS)
        assert bar is not None
        assert bar.attrib["fill"] == STATUS_FILLS[row.status]
    assert len(set(STATUS_FILLS.values())) == len(STATUS_FILLS)
    hatched = {e.attrib["d"] for e in root.iter(f"{{{NS['svg']}}}path") if e.attrib.get("fill") == "url(#missed-hatch)"}
    assert hatched == {shapes[row.id].attrib["d"] for row in mixed.muscles if row.status == "missed"}


def test_title_numbers(mixed: CoverageReport) -> None:
    gastrocnemius = next(m for m in mixed.muscles if m.id == "gastrocnemius")
    assert muscle_title(gastrocnemius) == "Gastrocnemius: 20 effective sets a week, target 10\u201316, over"


def test_accessible_legend_and_deterministic(mixed: CoverageReport) -> None:
    svg = muscle_map_svg(mixed, subtitle="Level intermediate")
    assert svg == muscle_map_svg(mixed, subtitle="Level intermediate")
    assert svg.startswith(b"<?xml")
    root = ET.fromstring(svg)
    assert root.attrib["role"] == "img"
    assert root.attrib["aria-labelledby"] == "map-title map-desc"
    assert root.find("svg:title", NS) is not None
    desc = root.find("svg:desc", NS)
    assert desc is not None
    assert "2 missed" in (desc.text or "")
    legend = root.find(".//svg:g[@id='legend']", NS)
    assert legend is not None
    texts = [t.text for t in legend.iter(f"{{{NS['svg']}}}text")]
    for status, label in STATUS_LABELS.items():
        assert label in texts
        swatch = legend.find(f"svg:rect[@class='legend-{status}']", NS)
        assert swatch is not None
        assert swatch.attrib["fill"] == STATUS_FILLS[status]
    text = "".join(root.itertext())
    assert "Level intermediate \u00b7 level intermediate \u00b7 2 missed, 3 under, 3 ok, 2 over" in text


def test_golden_map_of_a_fixed_report(catalog: Catalog, golden: Callable[[str, str], None]) -> None:
    """A report made by hand, independent of the catalog data: the file changes only when the
    drawing does (then render it and look before updating the golden file)."""
    from planner.coverage import MuscleCoverage, RoleSets, TargetBand, Weights
    from planner.volume import Level

    statuses = [Status.MISSED, Status.UNDER, Status.OK, Status.OVER]
    rows = []
    for number, muscle in enumerate(catalog.muscles.targets):
        status = statuses[number % 4]
        effective = {Status.MISSED: 0, Status.UNDER: 4.5, Status.OK: 10, Status.OVER: 18}[status]
        rows.append(
            MuscleCoverage(
                id=muscle.id,
                group=muscle.group,
                name=muscle.name,
                sets=RoleSets(),
                effective=effective,
                days=1,
                target=TargetBand(min=8, max=16, basis="fixed"),
                status=status,
                exercises=(),
            )
        )
    report = CoverageReport(
        muscles=tuple(rows),
        missed=(),
        under=(),
        over=(),
        suggestions=(),
        level=Level.INTERMEDIATE,
        weights=Weights(primary=1, secondary=0.5, stabilizer=0),
        session_cap=10,
        actions=(),
        warnings=(),
    )
    golden("muscle_map.svg", muscle_map_svg(report, subtitle="a fixed report").decode())


def test_control_characters_cannot_break_the_document(mixed: CoverageReport) -> None:
    root = ET.fromstring(muscle_map_svg(mixed, subtitle="odd\x00file\x1b.toml \udcff"))
    assert "odd file .toml \ufffd" in "".join(root.itertext())


def test_a_report_without_a_muscle_is_refused(mixed: CoverageReport) -> None:
    partial = mixed._replace(muscles=mixed.muscles[1:])
    with pytest.raises(ValueError, match=mixed.muscles[0].id):
        muscle_map_svg(partial)


def test_names_with_markup_are_escaped(mixed: CoverageReport) -> None:
    odd = mixed.muscles[0]._replace(name='Odd <name> & "quotes"')
    report = mixed._replace(muscles=(odd, *mixed.muscles[1:]))
    root = ET.fromstring(muscle_map_svg(report))
    assert 'Odd <name> & "quotes"' in "".join(root.itertext())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_plan_gives_a_valid_map(catalog: Catalog, data: st.DataObject) -> None:
    ids = sorted(catalog.exercises)
    entries = data.draw(
        st.lists(st.tuples(st.sampled_from(ids), st.integers(1, 20)), min_size=1, max_size=8), label="entries"
    )
    plan = Plan.model_validate({"days": [{"exercises": [{"exercise": e, "sets": s} for e, s in entries]}]})
    report = coverage_report(plan, catalog)
    root = ET.fromstring(muscle_map_svg(report))
    shapes = _muscle_shapes(root)
    assert {row.id: STATUS_FILLS[row.status] for row in report.muscles} == {
        muscle_id: shape.attrib["fill"] for muscle_id, shape in shapes.items()
    }


# --- rendering -------------------------------------------------------------------------------


def _read_png(path: Path) -> tuple[int, int, int, list[bytes]]:
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG with the standard library: (width,
    height, bytes per pixel, rows)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat = 8, b""
    width = height = channels = 0
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8
            assert interlace == 0
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        line_filter, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if line_filter == 1:
                line[i] = (line[i] + left) & 0xFF
            elif line_filter == 2:
                line[i] = (line[i] + up) & 0xFF
            elif line_filter == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif line_filter == 4:
                estimate = left + up - corner
                # Paeth predictor: the neighbour closest to left + up - corner, ties in that order
                nearest = min((abs(estimate - value), rank, value) for rank, value in enumerate((left, up, corner)))
                line[i] = (line[i] + nearest[2]) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def _pixel(png: tuple[int, int, int, list[bytes]], x: float, y: float) -> tuple[int, int, int]:
    _, _, channels, rows = png
    row, column = rows[round(y)], round(x) * channels
    return row[column], row[column + 1], row[column + 2]


def _rgb(fill: str) -> tuple[int, int, int]:
    return int(fill[1:3], 16), int(fill[3:5], 16), int(fill[5:7], 16)


def _close(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(p - q) <= tolerance for p, q in zip(a, b, strict=True))


def _render(svg: bytes, folder: Path, name: str) -> Path:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium is not None
    source, target = folder / f"{name}.svg", folder / f"{name}.png"
    source.write_bytes(svg)
    root = ET.fromstring(svg)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                f"--user-data-dir={profile}",
                f"--screenshot={target}",
                f"--window-size={root.attrib['width']},{root.attrib['height']}",
                source.as_uri(),
            ],
            capture_output=True,
            timeout=180,
            check=False,
        )
    return target


@pytest.mark.skipif(
    not (shutil.which("chromium") or shutil.which("chromium-browser")), reason="headless Chromium is not installed"
)
def test_chromium_renders_statuses_in_their_colours(mixed: CoverageReport, tmp_path: Path) -> None:
    svg = muscle_map_svg(mixed)
    png_path = _render(svg, tmp_path, "map")
    assert png_path.exists()
    assert png_path.stat().st_size > 20_000  # a drawing, not a blank page
    png = _read_png(png_path)
    root = ET.fromstring(svg)
    assert (png[0], png[1]) == (int(root.attrib["width"]), int(root.attrib["height"]))

    # The legend's swatches come out in the status colours; the missed one is also hatched in white.
    for status, fill in STATUS_FILLS.items():
        swatch = root.find(f".//svg:rect[@class='legend-{status}']", NS)
        assert swatch is not None
        x, y = float(swatch.attrib["x"]), float(swatch.attrib["y"])
        inside = [_pixel(png, x + dx, y + dy) for dx in range(4, 13) for dy in range(4, 13)]
        matching = [colour for colour in inside if _close(colour, _rgb(fill))]
        assert len(matching) >= 20, (status, fill, set(inside))
        hatched = [colour for colour in inside if sum(colour) > sum(_rgb(fill)) + 120]
        assert bool(hatched) == (status == "missed"), status

    # Each bar with sets is drawn in its muscle's status colour.
    for row in mixed.muscles:
        if row.effective == 0:
            continue
        rect = root.find(f".//svg:g[@id='bar-{row.id}']/svg:rect[@class='bar status-{row.status}']", NS)
        assert rect is not None, row.id
        x = float(rect.attrib["x"]) + float(rect.attrib["width"]) / 2
        y = float(rect.attrib["y"]) + float(rect.attrib["height"]) / 2
        assert _close(_pixel(png, x, y), _rgb(STATUS_FILLS[row.status])), row.id

    # Changing one muscle's status changes the picture of the leg.
    changed = tuple(m._replace(status=Status.OK) if m.id == "biceps_femoris_short_head" else m for m in mixed.muscles)
    other = _read_png(_render(muscle_map_svg(mixed._replace(muscles=changed)), tmp_path, "other"))
    # the thigh, where the short head is drawn, left of the labels on the lateral side
    differing = sum(1 for y in range(150, 500) for x in range(180, 390) if _pixel(png, x, y) != _pixel(other, x, y))
    assert differing > 200


# --- coverage --svg ----------------------------------------------------------------------------

LOGS = Path(__file__).resolve().parent / "logs"


def _fills(svg: bytes) -> dict[str, str]:
    return {muscle_id: shape.attrib["fill"] for muscle_id, shape in _muscle_shapes(ET.fromstring(svg)).items()}


def test_coverage_svg_writes_the_map_of_the_report(cli: Callable[..., "Result"], tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    args = ["coverage", "-e", "RDL:3", "-e", "standing_calf_raise:20", "-e", "toe_curl:2", "--json"]
    result = cli(*args, "--svg", str(target))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)  # stdout is still exactly one JSON document
    assert _fills(target.read_bytes()) == {m["id"]: STATUS_FILLS[m["status"]] for m in report["muscles"]}
    assert "3 exercises given with -e" in "".join(ET.fromstring(target.read_bytes()).itertext())

    before = target.read_bytes()
    refused = cli("coverage", "-e", "nordic_curl", "--svg", str(target))
    assert refused.exit_code == 2
    assert target.read_bytes() == before
    forced = cli("coverage", "-e", "nordic_curl", "--svg", str(target), "--force")
    assert forced.exit_code == 0
    assert target.read_bytes() != before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.svg"]


def test_coverage_svg_of_a_training_log(cli: Callable[..., "Result"], tmp_path: Path) -> None:
    target = tmp_path / "log.svg"
    result = cli("coverage", "--log", str(LOGS / "strong_new.csv"), "--json", "--svg", str(target))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert _fills(target.read_bytes()) == {m["id"]: STATUS_FILLS[m["status"]] for m in report["muscles"]}
    assert f"average of {report['weeks']} weeks" in "".join(ET.fromstring(target.read_bytes()).itertext())


def test_coverage_svg_errors_exit_2_without_a_file(
    run_legday: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    existing = tmp_path / "map.svg"
    existing.write_text("keep me")
    done = run_legday("coverage", "-e", "RDL", "--svg", str(existing))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [f"legday: {existing}: already exists; use --force to overwrite it"]
    assert existing.read_text() == "keep me"
    done = run_legday("coverage", "-e", "RDL", "--svg", str(tmp_path / "no" / "map.svg"))
    assert done.returncode == 2
    assert "does not exist" in done.stderr
    done = run_legday("coverage", "-e", "RDLL", "--svg", str(tmp_path / "bad.svg"))
    assert done.returncode == 2
    assert not (tmp_path / "bad.svg").exists()


# --- plan --svg --------------------------------------------------------------------------------


def test_plan_svg_draws_the_plans_coverage(cli: Callable[..., "Result"], tmp_path: Path) -> None:
    target = tmp_path / "plan.svg"
    result = cli("plan", "--days", "2", "--json", "--svg", str(target))
    assert result.exit_code == 0, result.output
    coverage = json.loads(result.stdout)["coverage"]
    assert _fills(target.read_bytes()) == {m["id"]: STATUS_FILLS[m["status"]] for m in coverage["muscles"]}
    assert "generated plan: 2 days a week" in "".join(ET.fromstring(target.read_bytes()).itertext())


def test_plan_writes_neither_file_when_one_is_refused(
    run_legday: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    existing, plan_file = tmp_path / "map.svg", tmp_path / "plan.toml"
    existing.write_text("keep me")
    done = run_legday("plan", "-o", str(plan_file), "--svg", str(existing))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"legday: {existing}: already exists; use --force to overwrite it"]
    assert not plan_file.exists()
    assert existing.read_text() == "keep me"
    done = run_legday("plan", "-o", str(tmp_path / "same"), "--svg", str(tmp_path / "same"))
    assert done.returncode == 2
    assert "same file" in done.stderr
    assert not (tmp_path / "same").exists()
    done = run_legday("plan", "-o", str(plan_file), "--svg", str(existing), "--force")
    assert done.returncode == 0, done.stderr
    assert plan_file.exists()
    assert existing.read_bytes().startswith(b"<?xml")
