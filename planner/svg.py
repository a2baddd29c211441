"""The muscle map: an SVG picture of the back of a leg, each muscle shaded by its coverage status,
beside a bar chart of effective sets against each muscle's weekly target band.

Built with xml.etree.ElementTree (never by pasting strings), from constant geometry and the report,
so the same report always gives the same bytes. The picture is a right leg seen from behind: medial
side (towards the other leg) on the left, lateral side on the right.
"""

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from exercises.muscles import GROUPS
from planner.wording import band_text, count_words, number_text, weight_text

if TYPE_CHECKING:
    from planner.coverage import CoverageReport, MuscleCoverage, Weights

SVG_NAMESPACE: Final = "http://www.w3.org/2000/svg"

#: The statuses in the order the legend lists them, with what each means for a person.
STATUS_LABELS: Final[Mapping[str, str]] = {
    "missed": "missed (no effective sets)",
    "under": "under the target",
    "ok": "within the target",
    "over": "over the target",
}
#: Fill of a muscle by status: red, amber, green, blue. Red and green can look alike to colour-blind
#: eyes and in grey-scale print, so missed muscles are also hatched, and every label says the status.
STATUS_FILLS: Final[Mapping[str, str]] = {
    "missed": "#d1495b",
    "under": "#f2b134",
    "ok": "#2e9e6b",
    "over": "#3a6ea5",
}

_WIDTH: Final = 1000
_HEIGHT: Final = 840
_FONT: Final = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"
_INK: Final = "#2b2b2b"
_MUTED: Final = "#666666"
_SKIN: Final = "#f5ece3"
_SKIN_LINE: Final = "#b8a08c"
_MUSCLE_LINE: Final = "#6e4a3a"
_TENDON: Final = "#efe4cf"
_BAND: Final = "#e3ece6"
_BAND_LINE: Final = "#a9c2b1"
_NEIGHBOUR: Final = "#eadbd0"
_NEIGHBOUR_LINE: Final = "#c9b2a2"
_ROW: Final = 42
_GROUP_GAP: Final = 26


@dataclass(frozen=True)
class _Shape:
    """Where a muscle is drawn: its outline, a point inside it for the label's leader line, and
    the side and height of the label."""

    muscle_id: str
    outline: str
    anchor: tuple[float, float]
    side: str  # "medial" labels sit on the left, "lateral" ones on the right
    label_y: float
    fibres: int  # direction of the muscle fibres, degrees from vertical (clockwise is positive)


# The outline of the leg, drawn in the leg panel's own coordinates: the buttock's lower edge at the
# top, the thigh tapering to the knee at y~410, the calf bulging (more on the medial side) and
# narrowing to the ankle and heel.
_SILHOUETTE: Final = (
    "M 176 100 C 230 90 320 88 370 100 C 382 170 378 260 360 340 C 352 372 346 394 348 414 "
    "C 362 446 372 496 362 548 C 350 606 314 664 308 716 C 310 734 306 752 290 766 "
    "C 276 778 252 778 240 766 C 226 752 228 734 232 716 C 226 664 188 606 178 548 "
    "C 170 496 180 446 198 414 C 198 392 190 364 184 334 C 172 262 166 180 176 100 Z"
)
# Neighbours that are not coverage targets, drawn in a neutral tone so the hamstrings sit among
# them as in the body: gluteus maximus above, adductor magnus medially, vastus lateralis laterally.
_NEIGHBOURS: Final[tuple[tuple[str, str], ...]] = (
    (
        "gluteus maximus",
        "M 176 100 C 230 90 320 88 370 100 C 374 130 372 160 368 184 "
        "C 330 168 282 150 242 140 C 218 134 196 128 174 124 Z",
    ),
    ("adductor magnus", "M 174 124 C 196 128 214 134 232 140 C 212 196 198 256 194 336 C 180 292 172 210 174 124 Z"),
    (
        "vastus lateralis",
        "M 368 184 C 380 236 378 296 362 344 C 356 320 350 290 344 262 C 340 230 352 204 368 184 Z",
    ),
)
_ACHILLES: Final = "M 262 600 C 270 608 288 608 296 598 C 292 640 288 690 288 752 L 268 752 C 268 690 266 640 262 600 Z"

# Drawn back to front: deep muscles first, so the superficial ones overlap them as in the body.
_SHAPES: Final[tuple[_Shape, ...]] = (
    # Deep medial hamstring: a flat tendon above, its belly widest in the lower thigh.
    _Shape(
        "semimembranosus",
        "M 222 176 C 200 226 188 292 194 352 C 198 382 206 402 216 416 "
        "C 230 398 250 358 256 318 C 260 268 242 214 222 176 Z",
        (203, 340),
        "medial",
        320,
        2,
    ),
    # Deep lateral hamstring: from the femur's shaft, so it shows only beside the long head, low.
    _Shape(
        "biceps_femoris_short_head",
        "M 354 268 C 364 306 362 348 352 386 C 348 400 344 410 340 420 "
        "C 322 404 304 380 296 352 C 300 326 326 298 354 268 Z",
        (312, 372),
        "lateral",
        320,
        -20,
    ),
    # Superficial medial hamstring: a belly high on the thigh and a long, thin tendon.
    _Shape(
        "semitendinosus",
        "M 238 136 C 212 170 204 236 212 300 C 214 340 212 378 210 414 L 218 414 "
        "C 224 376 232 336 244 300 C 262 240 264 176 238 136 Z",
        (236, 214),
        "medial",
        200,
        5,
    ),
    # Superficial lateral hamstring: from the sitting bone diagonally to the head of the fibula.
    _Shape(
        "biceps_femoris_long_head",
        "M 248 134 C 290 150 330 200 340 262 C 346 310 342 370 340 420 L 331 420 "
        "C 328 380 322 350 308 320 C 282 280 252 220 248 134 Z",
        (300, 240),
        "lateral",
        200,
        -17,
    ),
    # Deep toe flexors, seen low on the calf beside the Achilles tendon: the long flexor of the
    # toes from the tibia (medial), the long flexor of the big toe from the fibula (lateral).
    _Shape(
        "flexor_digitorum_longus",
        "M 206 586 C 222 620 240 668 250 710 C 254 726 252 740 248 752 "
        "C 238 736 228 706 220 676 C 212 646 202 616 206 586 Z",
        (232, 700),
        "medial",
        680,
        -14,
    ),
    _Shape(
        "flexor_hallucis_longus",
        "M 336 580 C 326 620 310 666 302 710 C 300 726 300 740 302 752 "
        "C 312 736 320 706 326 676 C 332 646 340 612 336 580 Z",
        (314, 700),
        "lateral",
        680,
        11,
    ),
    # Soleus: flat and broad under the gastrocnemius, showing on both sides of it and below it,
    # narrowing into the Achilles tendon.
    _Shape(
        "soleus",
        "M 236 452 C 266 438 310 432 338 440 C 360 476 364 536 350 588 "
        "C 334 628 306 652 294 676 L 264 676 C 250 648 210 618 194 574 C 184 530 204 480 236 452 Z",
        (344, 566),
        "lateral",
        556,
        0,
    ),
    # Popliteus: a small fan behind the knee, from the lateral femoral condyle down to the tibia.
    _Shape(
        "popliteus",
        "M 322 380 C 300 388 268 394 236 398 C 230 410 234 424 246 432 C 278 418 304 402 322 380 Z",
        (268, 408),
        "medial",
        420,
        63,
    ),
    # Plantaris: a thin strip from above the lateral head, running down between the two heads.
    _Shape(
        "plantaris",
        "M 310 404 C 306 424 296 446 284 468 C 280 478 276 490 272 504 L 268 502 "
        "C 271 486 274 474 278 462 C 286 440 296 420 302 402 Z",
        (292, 446),
        "lateral",
        440,
        20,
    ),
    # Gastrocnemius: the two heads from the femoral condyles, the medial one bigger and lower,
    # joining into the Achilles tendon. One shape (two sub-paths) because it is one muscle.
    _Shape(
        "gastrocnemius",
        "M 246 414 C 218 432 196 472 198 518 C 200 566 234 604 264 614 "
        "C 270 580 272 540 268 500 C 266 470 262 440 256 416 Z "
        "M 316 412 C 340 430 352 466 346 506 C 340 546 310 582 284 594 "
        "C 278 562 276 532 278 500 C 282 470 292 440 306 414 Z",
        (226, 522),
        "medial",
        520,
        0,
    ),
)

#: Ids of the muscles the map draws, in drawing order.
DRAWN_MUSCLES: Final = tuple(shape.muscle_id for shape in _SHAPES)


def _band(row: "MuscleCoverage") -> str:
    return band_text(row.target.min, row.target.max, "\u2013")


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str | float) -> ET.Element:
    """A child element; attribute names use '_' for '-' (font_size -> font-size)."""
    child = ET.SubElement(parent, tag, {name.replace("_", "-"): _value(value) for name, value in attributes.items()})
    if text is not None:
        child.text = _xml_text(text)
    return child


def _xml_text(text: str) -> str:
    """Text XML 1.0 and UTF-8 can hold: control characters (say, in a file name) become spaces and
    lone surrogates (undecodable file-name bytes) or non-characters become U+FFFD, since even escaped
    they would make the document invalid or unwritable."""
    return "".join(_xml_char(char) for char in text)


def _xml_char(char: str) -> str:
    code = ord(char)
    if code < 32 and char not in "\t\n\r":
        return " "
    if 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        return "\ufffd"
    return char


def _value(value: str | float) -> str:
    return value if isinstance(value, str) else number_text(value)


def muscle_title(row: "MuscleCoverage") -> str:
    """The tooltip of a muscle's shape: name, effective sets, target band and status."""
    return f"{row.name}: {number_text(row.effective)} effective sets a week, target {_band(row)}, {row.status}"


def muscle_map_svg(report: "CoverageReport", *, subtitle: str = "") -> bytes:
    """The muscle map of a coverage report as SVG bytes (UTF-8, with an XML declaration).

    One shape per posterior-leg muscle, with `id` the muscle id and a <title> giving its name,
    effective sets, target and status; filled by status, with a legend and a bar chart of effective
    sets against each muscle's target band. `subtitle` says what was measured (a file, a plan); the
    line under the heading adds the level and the count of muscles in each status.
    """
    rows = {row.id: row for row in report.muscles}
    missing = [muscle_id for muscle_id in DRAWN_MUSCLES if muscle_id not in rows]
    if missing:
        raise ValueError(f"the coverage report has no row for {', '.join(missing)}")
    counts = {status: sum(1 for row in rows.values() if row.status == status) for status in STATUS_LABELS}
    summary = ", ".join(f"{counts[status]} {status}" for status in STATUS_LABELS)

    root = ET.Element(
        "svg",
        {
            "xmlns": SVG_NAMESPACE,
            "width": str(_WIDTH),
            "height": str(_HEIGHT),
            "viewBox": f"0 0 {_WIDTH} {_HEIGHT}",
            "role": "img",
            "aria-labelledby": "map-title map-desc",
            "font-family": _FONT,
            "fill": _INK,
        },
    )
    _element(root, "title", "Back of the leg: weekly coverage", id="map-title")
    _element(
        root,
        "desc",
        f"A right leg seen from behind with its {count_words(len(rows))} posterior muscles shaded by weekly coverage "
        f"({summary}), and a bar chart of each muscle's effective sets against its target band.",
        id="map-desc",
    )
    _definitions(root)
    _element(root, "rect", x=0, y=0, width=_WIDTH, height=_HEIGHT, fill="#ffffff")
    _element(root, "text", "Back of the leg: weekly coverage", x=28, y=42, font_size=22, font_weight="bold")
    heading = " \u00b7 ".join(part for part in (subtitle, f"level {report.level}", summary) if part)
    _element(root, "text", heading, x=28, y=66, font_size=13, fill=_MUTED)
    _legend(root, x=28, y=88)
    _leg(root, rows)
    _bar_chart(root, rows, report.weights)
    ET.indent(root, space=" ")
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def _definitions(root: ET.Element) -> None:
    defs = _element(root, "defs")
    # A soft light from the upper left over every muscle: reads as rounded bellies, not flat blobs.
    sheen = _element(defs, "linearGradient", id="sheen", x1=0, y1=0, x2=1, y2=1)
    _element(sheen, "stop", offset=0, stop_color="#ffffff", stop_opacity=0.45)
    _element(sheen, "stop", offset=0.55, stop_color="#ffffff", stop_opacity=0)
    _element(sheen, "stop", offset=1, stop_color="#000000", stop_opacity=0.12)
    # Faint striations along each muscle's fibres, one pattern per fibre direction.
    for angle in sorted({shape.fibres for shape in _SHAPES}):
        pattern = _element(
            defs,
            "pattern",
            id=f"fibres{angle}",
            width=5,
            height=5,
            patternUnits="userSpaceOnUse",
            patternTransform=f"rotate({angle})",
        )
        _element(pattern, "line", x1=0.5, y1=0, x2=0.5, y2=5, stroke="#3a2418", stroke_opacity=0.09, stroke_width=1)
    # Light diagonal hatching marks a missed muscle without relying on its colour.
    hatch = _element(
        defs,
        "pattern",
        id="missed-hatch",
        width=7,
        height=7,
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )
    _element(hatch, "line", x1=2, y1=0, x2=2, y2=7, stroke="#ffffff", stroke_opacity=0.6, stroke_width=2.2)


def _legend(root: ET.Element, *, x: float, y: float) -> None:
    legend = _element(root, "g", id="legend", font_size=12.5)
    offset = x
    for status, label in STATUS_LABELS.items():
        _element(
            legend,
            "rect",
            x=offset,
            y=y,
            width=16,
            height=16,
            rx=4,
            fill=STATUS_FILLS[status],
            stroke=_MUSCLE_LINE,
            stroke_width=0.8,
            **{"class": f"legend-{status}"},
        )
        if status == "missed":
            _element(legend, "rect", x=offset, y=y, width=16, height=16, rx=4, fill="url(#missed-hatch)")
        _element(legend, "text", label, x=offset + 22, y=y + 12.5)
        offset += 22 + 7.2 * len(label) + 26
    _element(legend, "rect", x=offset, y=y + 2, width=26, height=12, fill=_BAND, stroke=_BAND_LINE, stroke_width=0.8)
    _element(legend, "text", "target band", x=offset + 32, y=y + 12.5)


def _leg(root: ET.Element, rows: Mapping[str, "MuscleCoverage"]) -> None:
    _element(root, "text", "medial", x=150, y=136, font_size=12, fill=_MUTED, text_anchor="middle")
    _element(root, "text", "right leg, from behind", x=284, y=136, font_size=12, fill=_MUTED, text_anchor="middle")
    _element(root, "text", "lateral", x=420, y=136, font_size=12, fill=_MUTED, text_anchor="middle")
    panel = _element(root, "g", id="leg", transform="translate(12 50)")
    _element(panel, "path", id="leg-outline", d=_SILHOUETTE, fill=_SKIN, stroke=_SKIN_LINE, stroke_width=1.5)
    neighbours = _element(panel, "g", id="neighbours", fill=_NEIGHBOUR, stroke=_NEIGHBOUR_LINE, stroke_width=0.8)
    for name, outline in _NEIGHBOURS:
        _element(_element(neighbours, "path", d=outline), "title", f"{name} (not a coverage target)")
    _element(
        neighbours,
        "text",
        "gluteus maximus",
        x=272,
        y=122,
        font_size=10.5,
        font_style="italic",
        fill=_MUTED,
        stroke="none",
        text_anchor="middle",
    )
    muscles = _element(panel, "g", id="muscles", stroke=_MUSCLE_LINE, stroke_width=1, stroke_linejoin="round")
    for shape in _SHAPES:
        if shape.muscle_id == "popliteus":  # the tendon lies over the deep flexors, under the calf heads
            _element(muscles, "path", d=_ACHILLES, fill=_TENDON, **{"class": "tendon"})
        row = rows[shape.muscle_id]
        path = _element(
            muscles,
            "path",
            id=shape.muscle_id,
            d=shape.outline,
            fill=STATUS_FILLS[row.status],
            **{"class": f"muscle status-{row.status}"},
        )
        _element(path, "title", muscle_title(row))
        overlays = ["url(#missed-hatch)"] if row.status == "missed" else []
        for overlay in (*overlays, f"url(#fibres{shape.fibres})", "url(#sheen)"):
            _element(muscles, "path", d=shape.outline, fill=overlay, stroke="none", pointer_events="none")
    _labels(panel, rows)


def _labels(panel: ET.Element, rows: Mapping[str, "MuscleCoverage"]) -> None:
    labels = _element(panel, "g", id="labels", font_size=13)
    for shape in _SHAPES:
        row = rows[shape.muscle_id]
        medial = shape.side == "medial"
        text_x = 168 if medial else 386
        line_x = text_x + (5 if medial else -5)
        anchor_x, anchor_y = shape.anchor
        _element(
            labels,
            "polyline",
            points=" ".join(
                f"{number_text(x)},{number_text(y)}" for x, y in ((line_x, shape.label_y - 4), (anchor_x, anchor_y))
            ),
            fill="none",
            stroke="#8a8a8a",
            stroke_width=0.9,
        )
        _element(labels, "circle", cx=anchor_x, cy=anchor_y, r=2.6, fill=_INK, stroke="#ffffff", stroke_width=0.8)
        text_anchor = "end" if medial else "start"
        _element(labels, "text", row.name, x=text_x, y=shape.label_y, text_anchor=text_anchor)
        _element(
            labels,
            "text",
            f"{number_text(row.effective)} of {_band(row)} sets \u00b7 {row.status}",
            x=text_x,
            y=shape.label_y + 16,
            text_anchor=text_anchor,
            font_size=11.5,
            fill=_MUTED,
        )


def _bar_chart(root: ET.Element, rows: Mapping[str, "MuscleCoverage"], weights: "Weights") -> None:
    left, right, top = 604.0, 972.0, 150.0
    scale_max = _scale_max(rows.values())
    width = right - left

    def x_of(sets: float) -> float:
        return left + width * min(sets, scale_max) / scale_max

    chart = _element(root, "g", id="chart", font_size=12.5)
    _element(chart, "text", "Effective sets per week", x=left, y=top - 14, font_size=15, font_weight="bold")
    groups = _groups(rows.values())
    bottom = top + sum(_GROUP_GAP + _ROW * len(members) for _, members in groups) + 2
    caption = f"effective sets (primary {weight_text(weights.primary)}, secondary {weight_text(weights.secondary)})"
    _axis(chart, left=left, width=width, top=top, bottom=bottom, scale_max=scale_max, caption=caption)
    y = top
    for title, members in groups:
        y += _GROUP_GAP - 6
        _element(chart, "text", title.upper(), x=left, y=y, font_size=10.5, fill=_MUTED, letter_spacing=1)
        y += 6
        for muscle_id in members:
            row = rows[muscle_id]
            bar = _element(chart, "g", id=f"bar-{muscle_id}")
            _element(bar, "title", muscle_title(row))
            _element(bar, "text", row.name, x=left, y=y + 15)
            _element(
                bar,
                "text",
                f"{number_text(row.effective)} \u00b7 {row.status}",
                x=right,
                y=y + 15,
                font_size=12,
                fill=_MUTED,
                text_anchor="end",
            )
            track_y = y + 21
            band_x = x_of(row.target.min)
            _element(
                bar,
                "rect",
                x=band_x,
                y=track_y,
                width=max(x_of(row.target.max) - band_x, 1),
                height=16,
                fill=_BAND,
                stroke=_BAND_LINE,
                stroke_width=0.8,
                **{"class": "target-band"},
            )
            _element(
                bar,
                "rect",
                x=left,
                y=track_y + 3,
                # a missed muscle keeps a sliver of colour at zero, so the chart shows it too
                width=max(x_of(row.effective) - left, 3),
                height=10,
                rx=2,
                fill=STATUS_FILLS[row.status],
                stroke=_MUSCLE_LINE,
                stroke_width=0.6,
                **{"class": f"bar status-{row.status}"},
            )
            y += _ROW


def _axis(
    chart: ET.Element, *, left: float, width: float, top: float, bottom: float, scale_max: float, caption: str
) -> None:
    axis = _element(chart, "g", id="axis", font_size=11, fill=_MUTED)
    step = 4 if scale_max <= 32 else 8
    tick = 0
    while tick <= scale_max:
        x = left + width * tick / scale_max
        _element(axis, "line", x1=x, y1=top, x2=x, y2=bottom, stroke="#e4e4e4", stroke_width=1)
        _element(axis, "text", str(tick), x=x, y=bottom + 16, text_anchor="middle")
        tick += step
    _element(axis, "text", caption, x=left, y=bottom + 34)


def _scale_max(rows: Iterable["MuscleCoverage"]) -> float:
    """The chart's right end: the largest target or effective value, rounded up to a tick of 4."""
    largest = max((max(row.target.max, row.effective) for row in rows), default=20.0)
    return float(max(4, -(-int(largest + 0.999) // 4) * 4))


def _groups(rows: Iterable["MuscleCoverage"]) -> list[tuple[str, list[str]]]:
    """The drawn muscles by coverage group, groups in report order."""
    drawn = set(DRAWN_MUSCLES)
    grouped: list[tuple[str, list[str]]] = []
    for group, title in GROUPS.items():
        members = [row.id for row in rows if row.group == group and row.id in drawn]
        if members:
            grouped.append((title, members))
    return grouped
