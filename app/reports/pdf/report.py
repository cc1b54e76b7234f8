"""Printable PDF reports of anonymised aggregates, for funders and the network meeting.

The coordinator prints what this module produces and hands it out as-is, so layout matters as much as
content. Only published values ever reach the page: suppressed cells print as "<k", contributor counts
are never read, and charts are drawn only from published exact values. No Qt here: the UI and the CLI
both call `render_report`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepInFrame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app import APP_NAME
from app.reports.formatting import format_date, format_number, printed_rows
from app.reports.package import resolved_lower_bounds
from app.reports.pdf.base import (
    BODY_SIZE,
    COVER_LEFT,
    FONT,
    FONT_BOLD,
    INK,
    LANDSCAPE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PLUM,
    PORTRAIT,
    RULE,
    TEAL,
    TEAL_TINT,
    ZEBRA,
    Decor,
    Styles,
    content_frame,
    frame_width,
    make_styles,
    markup,
    numbered_canvas,
    register_fonts,
)
from app.reports.pdf.charts import chart_flowables
from app.reports.tables import AggregateTable, Number, Unit, hidden_marker, is_stated
from app.reports.texts import REPORT, texts

__all__ = ["STRINGS", "ReportDocument", "ReportSection", "format_date", "format_number", "render_report"]

# --------------------------------------------------------------------------------------------------
# Fixed texts. The caller passes everything else already translated.
# --------------------------------------------------------------------------------------------------

STRINGS = REPORT  # the name callers know


@dataclass
class ReportSection:
    """One chapter of the report: tables on one indicator, optionally illustrated by a chart."""

    title: str
    tables: list[AggregateTable]
    chart: str | None = None  # "bar" | "hbar" | "pie" | None
    chart_table_index: int = 0
    note: str = ""


@dataclass
class ReportDocument:
    """Everything printed in a report; texts arrive already translated into `lang`."""

    title: str
    centre: str
    desks: list[str]
    period_label: str
    period_start: date
    period_end: date
    generated_on: date
    threshold: int
    method_note: str
    sections: list[ReportSection] = field(default_factory=list)
    lang: str = "it"
    subtitle: str = ""
    footer_note: str = ""
    data_as_of: date | None = None
    """Set when the period has not ended: the figures are partial, as of this day."""


def _strings(lang: str) -> dict[str, str]:
    return texts(REPORT, lang)


def _draw_cover_band(canv: Canvas, _doc: Any) -> None:
    """A plain teal band down the cover's left edge: identity without decoration that distracts."""
    canv.saveState()
    canv.setFillColor(TEAL)
    canv.rect(0, 0, 9 * mm, PORTRAIT[1], stroke=0, fill=1)
    canv.setFillColor(PLUM)
    canv.rect(9 * mm, 0, 1.6 * mm, PORTRAIT[1], stroke=0, fill=1)
    canv.restoreState()


def document_title(document: ReportDocument) -> str:
    """The title a PDF reader shows in its window and its list of files: the report, the centre, the
    period (the same words as the cover; a file named only "Ascolto" is one among many)."""
    return f"{document.title} – {document.centre}, {document.period_label}"


def _doc_template(target: Any, document: ReportDocument, deterministic: bool) -> BaseDocTemplate:
    lang = document.lang
    frame = content_frame

    cover_frame = Frame(
        COVER_LEFT,
        28 * mm,
        PORTRAIT[0] - COVER_LEFT - MARGIN_X,
        PORTRAIT[1] - 56 * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="cover",
    )
    doc = BaseDocTemplate(
        target,
        pagesize=PORTRAIT,
        # The title names what the cover names (the centre is no secret to whoever holds the file); the
        # reader shows it instead of the file name. The language lets a screen reader pick its voice.
        # Tagged PDF (a structure tree for assistive technology) is not something reportlab writes.
        title=document_title(document),
        displayDocTitle=1,
        author=APP_NAME,
        creator=APP_NAME,
        producer=APP_NAME,
        subject="",
        keywords=[],
        invariant=1 if deterministic else None,
        initialFontName=FONT,  # otherwise every page references an unembedded Helvetica
        initialFontSize=BODY_SIZE,
        lang="it-IT" if lang == "it" else "en",
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="cover", frames=[cover_frame], pagesize=PORTRAIT, onPage=_draw_cover_band),
            PageTemplate(id="portrait", frames=[frame(PORTRAIT, "p")], pagesize=PORTRAIT),
            PageTemplate(id="landscape", frames=[frame(LANDSCAPE, "l")], pagesize=LANDSCAPE),
        ]
    )
    return doc


# --------------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------------

CELL_PAD = 4.0
LABEL_MIN = 105.0
NUM_MAX = 78.0
MIN_TABLE_SHARE = 0.62  # narrower tables look lost under full-width charts and headings


@dataclass
class _Cell:
    text: str
    suppressed: bool = False
    lower: bool = False


@dataclass
class _Grid:
    """A table reduced to printable strings, with the margins already decided."""

    col_heads: list[str]
    row_heads: list[str]
    body: list[list[_Cell]]  # rows x (cols [+ total col])
    total_row: list[_Cell] | None
    total_row_label: str
    has_total_col: bool
    any_suppressed: bool
    any_lower: bool


def _cell(value: Number | None, lower: bool, unit: Unit, k: int, lang: str) -> _Cell:
    if value is None:
        return _Cell(hidden_marker(unit, k), suppressed=True)
    text = format_number(value, unit, lang)
    return _Cell(f"≥ {text}", lower=True) if lower else _Cell(text)


def _grid(table: AggregateTable, k: int, lang: str) -> _Grid:
    s = _strings(lang)
    has_total_col = len(table.cols) > 1
    # every flag explicit, margins included: a sum with a hidden part prints "≥ n" as in the other formats
    cell_lb, row_lb, col_lb, total_lb = resolved_lower_bounds(table)
    body: list[list[_Cell]] = []
    shown = printed_rows(table)
    for i in shown:
        row = table.cells[i]
        cells = [_cell(v, cell_lb[i][j], table.unit, k, lang) for j, v in enumerate(row)]
        if has_total_col:
            cells.append(_cell(table.row_totals[i], row_lb[i], table.unit, k, lang))
        body.append(cells)
    total_row: list[_Cell] | None = None
    # Margins of a multi-response table count distinct women, not sums: print them only for additive
    # tables, as the "Totale" row, and say so in the note for the others. The structure's totals are
    # always printed (help desks counted once; days on which some desk opens), as in the other formats.
    if table.additive or is_stated(table.unit):
        total_row = [_cell(v, col_lb[j], table.unit, k, lang) for j, v in enumerate(table.col_totals)]
        if has_total_col:
            total_row.append(_cell(table.total, total_lb, table.unit, k, lang))
    all_cells = [c for r in body for c in r] + (total_row or [])
    return _Grid(
        col_heads=[table.label_col(c) for c in table.cols] + ([s["total"]] if has_total_col else []),
        row_heads=[table.label_row(table.rows[i]) for i in shown],
        body=body,
        total_row=total_row,
        # "Totale" only where the rows add up to it (the structure's days and languages count desks once)
        total_row_label=s["total"] if table.additive else s["total_distinct"],
        has_total_col=has_total_col,
        any_suppressed=any(c.suppressed for c in all_cells),
        any_lower=any(c.lower for c in all_cells),
    )


@dataclass
class _Plan:
    """How a table goes on paper: orientation, font size and which data columns each part carries."""

    landscape: bool
    font_size: float
    parts: list[list[int]]  # indexes into grid columns (total column included as the last index)
    num_widths: list[float]
    label_width: float


def _word_width(text: str, font: str, size: float) -> float:
    return max((pdfmetrics.stringWidth(w, font, size) for w in text.split()), default=0.0)


def _plan(grid: _Grid) -> _Plan:
    """Pick the first layout that fits: portrait, smaller type, landscape, then columns split in parts."""
    ncols = len(grid.col_heads)
    longest_label = max((pdfmetrics.stringWidth(r, FONT, 8.5) for r in grid.row_heads), default=0.0)

    def widths(size: float) -> list[float]:
        out = []
        for j in range(ncols):
            texts = [row[j].text for row in grid.body] + ([grid.total_row[j].text] if grid.total_row else [])
            value_w = max((pdfmetrics.stringWidth(t, FONT_BOLD, size) for t in texts), default=0.0)
            head_w = _word_width(grid.col_heads[j], FONT_BOLD, size - 0.5)
            out.append(max(value_w, head_w, 24.0) + 2 * CELL_PAD + 2)
        return out

    def label_min(size: float) -> float:
        words = max(_word_width(r, FONT, size) for r in grid.row_heads) if grid.row_heads else 0.0
        return max(LABEL_MIN * size / 8.5, words + 2 * CELL_PAD)

    for is_landscape in (False, True):
        avail = frame_width(LANDSCAPE if is_landscape else PORTRAIT)
        for size in (8.5, 7.5):
            num = widths(size)
            if label_min(size) + sum(num) <= avail:
                return _finish_plan(num, [list(range(ncols))], avail, is_landscape, size, longest_label)
    avail = frame_width(LANDSCAPE)
    size = 7.5
    num = widths(size)
    room = avail - label_min(size)
    parts: list[list[int]] = [[]]
    used = 0.0
    for j in range(ncols):
        if parts[-1] and used + num[j] > room:
            parts.append([])
            used = 0.0
        parts[-1].append(j)
        used += num[j]
    return _finish_plan(num, parts, avail, True, size, longest_label)


def _finish_plan(
    num: list[float], parts: list[list[int]], avail: float, is_landscape: bool, size: float, longest: float
) -> _Plan:
    """Give spare width to the labels first (fewer wrapped lines), then to numbers up to a sane maximum."""
    widest_part = max(sum(num[j] for j in part) for part in parts)
    label = min(max(LABEL_MIN, longest * size / 8.5 + 2 * CELL_PAD + 2), avail * 0.5, avail - widest_part)
    label = max(label, min(LABEL_MIN, avail - widest_part), avail * MIN_TABLE_SHARE - widest_part)
    widened = list(num)
    for part in parts:
        spare = avail - label - sum(num[j] for j in part)
        if spare > 0:
            for j in part:
                widened[j] = min(max(num[j], NUM_MAX), num[j] + spare / len(part))
    return _Plan(is_landscape, size, parts, widened, label)


class _ContinuedTable(Flowable):
    """A table that, split across pages, starts each later page with its title marked "(segue)".

    The header row repeats through the Table's own repeatRows; the title is drawn above the rest here.
    """

    def __init__(self, table: Table, continued_title: Paragraph, title: Paragraph | None = None) -> None:
        super().__init__()
        self.table, self.continued_title, self.title = table, continued_title, title
        self.hAlign = "LEFT"
        self._title_h = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._title_h = 0.0
        if self.title is not None:
            self._title_h = self.title.wrap(avail_width, avail_height)[1] + TITLE_GAP
        width, height = self.table.wrap(avail_width, avail_height - self._title_h)
        self.width, self.height = width, height + self._title_h
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        parts = self.table.split(avail_width, avail_height - self._title_h)
        if len(parts) < 2:
            return []
        return [
            _ContinuedTable(parts[0], self.continued_title, self.title),
            *(_ContinuedTable(part, self.continued_title, self.continued_title) for part in parts[1:]),
        ]

    def draw(self) -> None:
        table_h = self.height - self._title_h
        if self.title is not None:
            self.title.drawOn(self.canv, 0, table_h + TITLE_GAP)
        self.table.drawOn(self.canv, 0, 0)


TITLE_GAP = 4.0


def _table_flowables(
    table: AggregateTable, number: str, doc: ReportDocument, styles: Styles
) -> tuple[list[Flowable], bool, bool]:
    """Caption, one or more Table parts and the footnotes this table needs.

    Returns the flowables (a CondPageBreak first), whether the table wants landscape pages, and whether
    it is short enough to be kept together on one page.
    """
    s = _strings(doc.lang)
    k = doc.threshold
    grid = _grid(table, k, doc.lang)
    plan = _plan(grid)
    size = plan.font_size
    head_style = ParagraphStyle(
        "th",
        fontName=FONT_BOLD,
        fontSize=size - 0.5,
        leading=size + 1.5,
        textColor=colors.white,
        alignment=TA_RIGHT,
    )
    label_style = ParagraphStyle("td", fontName=FONT, fontSize=size, leading=size + 2.5, textColor=INK)
    label_bold = ParagraphStyle("tdb", parent=label_style, fontName=FONT_BOLD)
    head_left = ParagraphStyle("thl", parent=head_style, alignment=TA_LEFT)

    unit_name = s.get(f"unit_{table.unit.value}", table.unit.value)
    # Keep a small table whole and never leave a title with fewer than a few rows under it.
    rows_h = (len(grid.body) + 2) * (size + 8.5)
    out: list[Flowable] = [
        CondPageBreak(min(rows_h, 130.0) + 45),
        Paragraph(f"{s['table']} {number} – {markup(table.title)}", styles.h2),
        Paragraph(f"{s['unit']}: {markup(unit_name)}", styles.caption),
    ]
    for part_no, part in enumerate(plan.parts):
        if len(plan.parts) > 1:
            ncols = len(grid.col_heads)
            label = s["cols_part"].format(a=part[0] + 1, b=part[-1] + 1, n=ncols)
            if part_no:
                out.append(CondPageBreak(min(rows_h, 130.0) + 45))
                out.append(
                    Paragraph(f"{s['table']} {number} ({s['continued']}) – {markup(table.title)}", styles.h2)
                )
            out.append(Paragraph(markup(label), styles.caption))
        header: list[Any] = [Paragraph("", head_left)]
        header += [Paragraph(markup(grid.col_heads[j]), head_style) for j in part]
        data: list[list[Any]] = [header]
        for i, row in enumerate(grid.body):
            data.append([Paragraph(markup(grid.row_heads[i]), label_style)] + [row[j].text for j in part])
        if grid.total_row is not None:
            data.append(
                [Paragraph(markup(grid.total_row_label), label_bold)] + [grid.total_row[j].text for j in part]
            )
        widths = [plan.label_width] + [plan.num_widths[j] for j in part]
        t = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        t.setStyle(_table_style(grid, part, size))
        continued = Paragraph(f"{s['table']} {number} ({s['continued']}) – {markup(table.title)}", styles.h2)
        out.append(_ContinuedTable(t, continued))
    notes = []
    stated = is_stated(table.unit)  # the centre's structure: not protected, nothing about women
    if stated:
        notes.append(s["note_stated"])
    elif grid.any_suppressed:
        notes.append(s["note_suppressed"].format(k=k))
    if grid.any_lower:
        notes.append(s["note_lower_stated" if stated else "note_lower"])
    if table.unit == Unit.DESKS and not table.additive:
        notes.append(s["note_multi_desks"])
    elif not table.additive and not stated:
        notes.append(s["note_multi"])
    out.extend(Paragraph(markup(n), styles.note) for n in notes)
    # A short table moves whole with its footnotes rather than leave "<5: ..." alone on a page.
    return out, plan.landscape, len(plan.parts) == 1 and rows_h < 300


def _table_style(grid: _Grid, part: list[int], size: float) -> TableStyle:
    last = len(grid.body) + (1 if grid.total_row is not None else 0)
    n = len(part)
    cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, size),  # also for Paragraph cells: the default is Helvetica
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),  # numbers sit on the first line of a wrapped label
        ("BACKGROUND", (0, 0), (-1, 0), TEAL),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD + 1),
        ("TOPPADDING", (0, 0), (-1, -1), 2.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.2),
        ("TOPPADDING", (0, 0), (-1, 0), 4),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 4.5),
        ("ROWBACKGROUNDS", (0, 1), (-1, len(grid.body)), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, 1), (-1, len(grid.body)), 0.25, RULE),
        ("LINEBELOW", (0, last), (-1, last), 0.9, TEAL),
    ]
    if grid.has_total_col and part and part[-1] == len(grid.col_heads) - 1:
        cmds += [
            ("FONT", (n, 1), (n, -1), FONT_BOLD, size),
            ("LINEBEFORE", (n, 1), (n, -1), 0.6, RULE),
        ]
    if grid.total_row is not None:
        cmds += [
            ("BACKGROUND", (0, last), (-1, last), TEAL_TINT),
            ("FONT", (1, last), (-1, last), FONT_BOLD, size),
            ("LINEABOVE", (0, last), (-1, last), 0.8, TEAL),
        ]
    rows = [*grid.body, *([grid.total_row] if grid.total_row is not None else [])]
    for i, row in enumerate(rows, start=1):
        for c, j in enumerate(part, start=1):
            if row[j].suppressed:
                cmds.append(("TEXTCOLOR", (c, i), (c, i), MUTED))
            elif row[j].lower:
                cmds.append(("TEXTCOLOR", (c, i), (c, i), PLUM))
    return TableStyle(cmds)


# --------------------------------------------------------------------------------------------------
# Cover, sections, method note
# --------------------------------------------------------------------------------------------------


def _cover(doc: ReportDocument, styles: Styles) -> list[Flowable]:
    s = _strings(doc.lang)
    k = doc.threshold
    width = PORTRAIT[0] - COVER_LEFT - MARGIN_X
    period = doc.period_label
    dates = s["period_range"].format(
        start=format_date(doc.period_start, doc.lang), end=format_date(doc.period_end, doc.lang)
    )
    info_rows = [
        (s["centre"], markup(doc.centre)),
        (s["desks"], markup(", ".join(doc.desks)) if doc.desks else s["no_desks"]),
        (s["period"], f"{markup(period)}<br/><font size='8.5' color='#5C6B6A'>{markup(dates)}</font>"),
        (s["generated"], markup(format_date(doc.generated_on, doc.lang))),
    ]
    if doc.data_as_of is not None:
        partial = s["not_ended"].format(day=format_date(doc.data_as_of, doc.lang))
        info_rows[2] = (
            s["period"],
            f"{info_rows[2][1]}<br/><font color='#6B3E66'><b>{markup(partial)}</b></font>",
        )
    info = Table(
        [[Paragraph(markup(a), styles.cover_label), Paragraph(b, styles.cover_value)] for a, b in info_rows],
        colWidths=[38 * mm, width - 38 * mm],
        hAlign="LEFT",
    )
    info.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 1), (0, -1), 7.5),
            ]
        )
    )
    notice = Table(
        [
            [Paragraph(markup(s["notice_title"]), styles.notice_title)],
            [Paragraph(markup(s["notice_body"].format(k=k)), styles.notice_body)],
        ],
        colWidths=[width],
        hAlign="LEFT",
    )
    notice.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, -1), TEAL_TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 3, TEAL),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, 0), 10),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 11),
            ]
        )
    )
    out: list[Flowable] = [
        Paragraph(APP_NAME.upper(), styles.cover_app),
        Paragraph(markup(s["report"]), styles.cover_label),
        Spacer(1, 34 * mm),
        Paragraph(markup(doc.title), styles.cover_title),
    ]
    if doc.subtitle:
        out.append(Paragraph(markup(doc.subtitle), styles.cover_subtitle))
    out += [Spacer(1, 14 * mm), info, Spacer(1, 12 * mm), notice]
    titles = [sec.title for sec in doc.sections] + [s["method"]]
    if len(titles) > 1:
        out += [Spacer(1, 11 * mm), Paragraph(markup(s["contents"]), styles.notice_title), Spacer(1, 3)]
        out += [
            Paragraph(f"<font color='#0F5257'><b>{i}.</b></font>&nbsp;&nbsp;{markup(t)}", styles.contents)
            for i, t in enumerate(titles, start=1)
        ]
    return out


def _section(
    number: int, section: ReportSection, doc: ReportDocument, styles: Styles
) -> tuple[list[Flowable], bool]:
    built = [
        _table_flowables(table, f"{number}.{t_no}", doc, styles)
        for t_no, table in enumerate(section.tables, start=1)
    ]
    is_landscape = any(wide for _, wide, _ in built)
    width = frame_width(LANDSCAPE if is_landscape else PORTRAIT)
    head: list[Flowable] = [Paragraph(f"{number}.&nbsp;&nbsp;{markup(section.title)}", styles.h1)]
    if section.note:
        head.append(Paragraph(markup(section.note), styles.body))
        head.append(Spacer(1, 4))
    if section.chart and 0 <= section.chart_table_index < len(section.tables):
        head += chart_flowables(
            section.tables[section.chart_table_index],
            section.chart,
            f"{number}.{section.chart_table_index + 1}",
            doc.lang,
            styles,
            width,
        )
    # Heading, note and chart belong together, with the first table when it is short: a chart alone at
    # the foot of a page, its table overleaf, reads badly. (KeepTogether must not nest, hence the flat lists.)
    out: list[Flowable] = [CondPageBreak(70 * mm)]
    for i, (flowables, _, short) in enumerate(built):
        if i == 0 and short:
            head += flowables[1:]
        elif short:
            out += [flowables[0], KeepTogether(flowables[1:])]
        else:
            if i == 0:
                out.append(KeepTogether(head))
                head = []
            out += flowables
    if head:
        out.insert(1, KeepTogether(head))
    return out, is_landscape


def _method(number: int, doc: ReportDocument, styles: Styles) -> list[Flowable]:
    s = _strings(doc.lang)
    out: list[Flowable] = [
        CondPageBreak(60 * mm),
        Paragraph(f"{number}.&nbsp;&nbsp;{markup(s['method'])}", styles.h1),
    ]
    body = ParagraphStyle("method", parent=styles.body, spaceAfter=6)
    for para in doc.method_note.strip().split("\n\n"):
        if para.strip():
            out.append(Paragraph(markup(para.strip()).replace("\n", "<br/>"), body))
    return out


def _story(doc: ReportDocument, styles: Styles) -> list[Flowable]:
    """Cover, sections and method note, switching to landscape pages only around sections that need it."""
    sections = [_section(number, sec, doc, styles) for number, sec in enumerate(doc.sections, start=1)]
    sections.append((_method(len(doc.sections) + 1, doc, styles), False))
    # the cover is one page whatever its content: a long list of desks shrinks it slightly instead of
    # pushing the last lines of the contents onto a page of their own
    story: list[Flowable] = [KeepInFrame(0, 0, _cover(doc, styles), mode="shrink")]
    current: bool | None = None
    for flowables, wants_landscape in sections:
        if wants_landscape != current:
            story += [NextPageTemplate("landscape" if wants_landscape else "portrait"), PageBreak()]
            current = wants_landscape
        story += flowables
    return story


def render_report(
    document: ReportDocument, path_or_stream: str | Path | IO[bytes], *, deterministic: bool = False
) -> None:
    """Write the report as a PDF to a path or a binary stream.

    `deterministic` fixes timestamps and the document ID so that equal input gives equal bytes (tests,
    reproducible archives). The metadata title is `document_title` and the catalogue carries the language.
    """
    if document.threshold < 1:
        raise ValueError("threshold must be positive")
    if document.lang not in STRINGS:
        raise ValueError(f"unsupported report language {document.lang!r}; expected one of {sorted(STRINGS)}")
    register_fonts()
    styles = make_styles()
    target = str(path_or_stream) if isinstance(path_or_stream, Path) else path_or_stream
    s = _strings(document.lang)
    decor = Decor(
        title=document.title,
        right=f"{document.centre} · {document.period_label}",
        footer_note=document.footer_note,
        page_fmt=s["page"],
    )
    pdf = _doc_template(target, document, deterministic)
    # The first pass of the story builds the cover on the "cover" template.
    story: Sequence[Flowable] = _story(document, styles)
    canvasmaker: Callable[..., Canvas] = numbered_canvas(decor)
    pdf.build(list(story), canvasmaker=canvasmaker)
