"""The charts of a printed report: drawn only from published exact values, never hinting at a suppressed one.

A section's chart illustrates one of its tables; with most categories suppressed, or too many to read, a
short sentence says why there is none (app.reports.pdf.report lays the chart out with its table).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Spacer,
)

from app.reports.formatting import format_number, format_percent, printed_rows
from app.reports.pdf.base import (
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    PIE_COLOURS,
    RULE,
    TEAL,
    TEAL_MID,
    Styles,
    clip,
    markup,
)
from app.reports.tables import AggregateTable, Unit
from app.reports.texts import REPORT, texts

MAX_PIE_SLICES = 7
MAX_BARS = 24  # beyond this a bar chart is a texture, not a message, and would not fit half a page


@dataclass
class _Series:
    """Values a chart may draw: published ones only, lower bounds flagged so they print as in the table."""

    labels: list[str]
    values: list[float]
    lower: list[bool]
    skipped: int  # suppressed categories, left out of the chart


def _chart_values(table: AggregateTable) -> _Series:
    """Chart the single column, or the row totals, exactly as the table prints them.

    Suppressed values are never drawn, not even as an empty slot sized from the totals: nothing in the
    chart may hint at them. Lower bounds are drawn as lighter bars labelled "≥ value", like the table.
    """
    one_col = len(table.cols) == 1
    series = _Series([], [], [], 0)
    for i in printed_rows(table):
        code = table.rows[i]
        value = table.cells[i][0] if one_col else table.row_totals[i]
        if value is None:
            series.skipped += 1
            continue
        series.labels.append(table.label_row(code))
        series.values.append(float(value))
        series.lower.append(bool(one_col and table.lower_bound and table.lower_bound[i][0]))
    return series


def _nice_step(top: float) -> float:
    """A 1-2-5 axis step giving four to six gridlines, so counts never get fractional ticks."""
    if top <= 0:
        return 1.0
    raw = top / 6
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    return max(step, 1.0)


def _drawing(width: float, height: float) -> Drawing:
    """A Drawing whose initial state uses our embedded font (the default references unembedded Helvetica)."""
    d = Drawing(width, height)
    d.initialFontName = FONT
    return d


def _wrap(text: str, width: float, size: float) -> list[str]:
    return simpleSplit(text, FONT, size, width) or [""]


def _bar_labels(series: _Series, unit: Unit, lang: str) -> list[list[Callable[[float], str]]]:
    """One formatter per bar (reportlab would treat plain strings as %-formats)."""
    texts = [
        ("≥ " if low else "") + format_number(v, unit, lang)
        for v, low in zip(series.values, series.lower, strict=True)
    ]
    return [[_constant(text) for text in texts]]


def _constant(text: str) -> Callable[[float], str]:
    def label(_value: float) -> str:
        return text

    return label


def _style_bars(bc: Any, series: _Series) -> None:
    """Teal bars; lower bounds lighter, so the eye does not read them as exact."""
    bc.bars.strokeColor = None
    bc.bars[0].fillColor = TEAL_MID
    for i, low in enumerate(series.lower):
        if low:
            bc.bars[(0, i)].fillColor = colors.HexColor("#B9D6D3")


def _hbar(series: _Series, unit: Unit, lang: str, width: float) -> Drawing:
    size = 7.5
    labels, values = series.labels, series.values
    label_room = min(width * 0.4, max(pdfmetrics.stringWidth(t, FONT, size) for t in labels) + 10)
    wrapped = ["\n".join(_wrap(t, label_room - 10, size)) for t in labels]
    max_lines = max(w.count("\n") + 1 for w in wrapped)
    slot = max(17.0, max_lines * (size + 1.5) + 7)
    plot_h = slot * len(values)
    value_room = pdfmetrics.stringWidth("≥ " + format_number(max(values), unit, lang), FONT, size) + 10
    d = _drawing(width, plot_h + 22)
    bc = HorizontalBarChart()
    bc.x, bc.y = label_room, 14
    bc.width = width - label_room - value_room
    bc.height = plot_h
    bc.data = [values]
    _style_bars(bc, series)
    bc.barWidth = 10
    bc.groupSpacing = slot - 10
    bc.categoryAxis.categoryNames = wrapped
    bc.categoryAxis.reverseDirection = 1
    bc.categoryAxis.visibleTicks = 0
    bc.categoryAxis.strokeColor = RULE
    lab = bc.categoryAxis.labels
    lab.fontName, lab.fontSize, lab.fillColor = FONT, size, INK
    lab.boxAnchor, lab.textAnchor, lab.dx, lab.leading = "e", "end", -6, size + 1.5
    _value_axis(bc.valueAxis, values, lang, size)
    bc.barLabelFormat = _bar_labels(series, unit, lang)
    bc.barLabels.fontName, bc.barLabels.fontSize, bc.barLabels.fillColor = FONT, size, INK
    bc.barLabels.boxAnchor, bc.barLabels.dx = "w", 3
    d.add(bc)
    return d


def _value_axis(axis: Any, values: list[float], lang: str, size: float) -> None:
    """Gridlines at round values with headroom, so the tallest bar's label never meets the top line."""
    step = _nice_step(max(values))
    axis.valueMin = 0
    axis.valueMax = step * max(1, math.ceil(max(values) * 1.1 / step))
    axis.valueStep = step
    axis.visibleAxis = 0
    axis.visibleTicks = 0
    axis.visibleGrid = 1
    axis.gridStrokeColor = RULE
    axis.gridStrokeWidth = 0.4
    axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = FONT, size - 0.5, MUTED
    axis.labelTextFormat = lambda v: format_number(v, Unit.WOMEN, lang)


def _vbar(series: _Series, unit: Unit, lang: str, width: float) -> Drawing | None:
    """Vertical bars while the labels fit under them in three lines; None to ask for horizontal bars."""
    size = 7.5
    left = 34.0
    plot_w = width - left - 6
    slot = plot_w / len(series.values)
    wrapped = [_wrap(t, slot - 6, size) for t in series.labels]
    if max(len(w) for w in wrapped) > 3 or any(
        pdfmetrics.stringWidth(line, FONT, size) > slot - 2 for w in wrapped for line in w
    ):
        return None
    label_h = max(len(w) for w in wrapped) * (size + 1.5) + 8
    plot_h = 140.0
    d = _drawing(width, plot_h + label_h + 6)
    bc = VerticalBarChart()
    bc.x, bc.y, bc.width, bc.height = left, label_h, plot_w, plot_h
    bc.data = [series.values]
    _style_bars(bc, series)
    bc.barSpacing = 0
    bc.barWidth = min(28.0, slot * 0.45)
    bc.groupSpacing = slot - bc.barWidth
    bc.categoryAxis.categoryNames = ["\n".join(w) for w in wrapped]
    bc.categoryAxis.visibleTicks = 0
    bc.categoryAxis.strokeColor = RULE
    lab = bc.categoryAxis.labels
    lab.fontName, lab.fontSize, lab.fillColor = FONT, size, INK
    lab.boxAnchor, lab.dy, lab.leading = "n", -4, size + 1.5
    _value_axis(bc.valueAxis, series.values, lang, size)
    bc.barLabelFormat = _bar_labels(series, unit, lang)
    bc.barLabels.fontName, bc.barLabels.fontSize, bc.barLabels.fillColor = FONT, size, INK
    bc.barLabels.boxAnchor, bc.barLabels.dy = "s", 2
    d.add(bc)
    return d


def _pie(series: _Series, unit: Unit, lang: str, width: float) -> Drawing:
    size = 8.0
    values = series.values
    total = sum(values)
    radius = 58.0
    legend_x = 2 * radius + 44
    row_h = 15.0
    height = max(2 * radius + 12, len(values) * row_h + 12)
    d = _drawing(width, height)
    pie = Pie()
    pie.x, pie.y = 12, (height - 2 * radius) / 2
    pie.width = pie.height = 2 * radius
    pie.data = values
    pie.startAngle = 90
    pie.direction = "clockwise"
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 1
    for i in range(len(values)):
        pie.slices[i].fillColor = PIE_COLOURS[i % len(PIE_COLOURS)]
    d.add(pie)
    name_room = min(
        width - legend_x - 16 - 110, max(pdfmetrics.stringWidth(t, FONT, size) for t in series.labels)
    )
    value_col = legend_x + 16 + name_room + 110
    top = height / 2 + len(values) * row_h / 2 - row_h + 4
    for i, (label, value) in enumerate(zip(series.labels, values, strict=True)):
        y = top - i * row_h
        d.add(Rect(legend_x, y - 1, 9, 9, fillColor=PIE_COLOURS[i % len(PIE_COLOURS)], strokeColor=None))
        d.add(
            String(
                legend_x + 16,
                y,
                clip(label, name_room, FONT, size),
                fontName=FONT,
                fontSize=size,
                fillColor=INK,
            )
        )
        d.add(
            String(
                value_col - 52,
                y,
                format_number(value, unit, lang),
                fontName=FONT,
                fontSize=size,
                fillColor=INK,
                textAnchor="end",
            )
        )
        d.add(
            String(
                value_col,
                y,
                format_percent(value / total, lang),
                fontName=FONT_BOLD,
                fontSize=size,
                fillColor=TEAL,
                textAnchor="end",
            )
        )
    return d


def chart_flowables(
    table: AggregateTable, chart: str, table_number: str, lang: str, styles: Styles, width: float
) -> list[Flowable]:
    """The table's chart ("bar", "hbar" or "pie"), or a short sentence explaining why it is partial or
    missing."""
    s = texts(REPORT, lang)
    series = _chart_values(table)
    # With most categories suppressed a chart says more about what is missing than about what is there,
    # and the gaps invite guessing: leave the table alone.
    if len(series.values) < 2 or series.skipped * 2 > len(table.rows):
        return [Paragraph(markup(s["chart_omitted"]), styles.note), Spacer(1, 6)]
    if max(series.values) <= 0:
        return []  # nothing to draw; the table's zeros say it all
    if len(series.values) > MAX_BARS:
        return [Paragraph(markup(s["chart_crowded"]), styles.note), Spacer(1, 6)]
    kind = chart
    # A pie is a whole: without every share exact, or for multi-response rows, its angles would lie.
    if kind == "pie" and (
        series.skipped
        or bool(table.lower_bound and any(any(r) for r in table.lower_bound))
        or not table.additive
        or len(series.values) > MAX_PIE_SLICES
    ):
        kind = "hbar"
    width = min(width, 480.0)
    drawing: Drawing | None
    if kind == "pie":
        drawing = _pie(series, table.unit, lang, width)
    elif kind == "bar":
        drawing = _vbar(series, table.unit, lang, width) or _hbar(series, table.unit, lang, width)
    else:
        drawing = _hbar(series, table.unit, lang, width)
    notes = []
    if len(table.cols) > 1:
        notes.append(s["chart_totals"].format(t=table_number))
    if series.skipped:
        notes.append(s["chart_partial"].format(n=len(series.values), m=series.skipped))
    parts: list[Flowable] = [Spacer(1, 8), drawing]
    if notes:
        parts.append(Paragraph(markup(" ".join(notes)), styles.note))
    return [*parts, Spacer(1, 4)]  # the caller keeps them with the heading (nested KeepTogether misbehaves)
