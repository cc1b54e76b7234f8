"""The drawing kit every Ascolto PDF shares: palette, fonts, paragraph styles, margins, running header and footer.

The report and her copy of the data look like one family because they draw with these; nothing here
knows what a report or a case is. No Qt.
"""

from __future__ import annotations

import importlib.resources
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from app import APP_NAME

# --------------------------------------------------------------------------------------------------
# Palette and fonts
# --------------------------------------------------------------------------------------------------

TEAL = colors.HexColor("#0F5257")
TEAL_MID = colors.HexColor("#3F8E88")
TEAL_TINT = colors.HexColor("#E3EFEE")
PLUM = colors.HexColor("#6B3E66")
INK = colors.HexColor("#1E2626")
MUTED = colors.HexColor("#5C6B6A")
RULE = colors.HexColor("#C5D3D1")
ZEBRA = colors.HexColor("#F4F7F7")
PIE_COLOURS = [
    colors.HexColor(c)
    for c in ("#0F5257", "#6B3E66", "#3F8E88", "#A4789E", "#86BDB7", "#D3B7CF", "#2E4A4A", "#C49A4A")
]

FONT = "AscoltoSans"
FONT_BOLD = "AscoltoSans-Bold"


def register_fonts() -> None:
    """Register a Unicode TTF pair once: the base-14 fonts cannot print ≥, ’ or « » and are not embedded."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pairs: list[tuple[Any, Any]] = []
    fonts_dir = importlib.resources.files("app.resources").joinpath("fonts")
    regular, bold = fonts_dir.joinpath("DejaVuSans.ttf"), fonts_dir.joinpath("DejaVuSans-Bold.ttf")
    if regular.is_file() and bold.is_file():
        pairs.append((regular, bold))
    import reportlab

    vera = Path(reportlab.__file__).parent / "fonts"
    pairs.append((vera / "Vera.ttf", vera / "VeraBd.ttf"))
    for reg, bld in pairs:
        try:
            with ExitStack() as stack:
                reg_path = stack.enter_context(importlib.resources.as_file(reg))
                bld_path = stack.enter_context(importlib.resources.as_file(bld))
                # TTFont reads the whole file at construction, so the temporary path may vanish afterwards.
                pdfmetrics.registerFont(TTFont(FONT, str(reg_path)))
                pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bld_path)))
        except Exception:  # a damaged or missing font file: try the next pair
            continue
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
        return
    raise RuntimeError("no usable TTF font for the PDF report")


# --------------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------------

BODY_SIZE = 9.5


@dataclass
class Styles:
    """Paragraph styles built once per render (they depend on the registered font names)."""

    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    caption: ParagraphStyle
    cover_app: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_label: ParagraphStyle
    cover_value: ParagraphStyle
    notice_title: ParagraphStyle
    notice_body: ParagraphStyle
    contents: ParagraphStyle


def make_styles() -> Styles:
    body = ParagraphStyle("body", fontName=FONT, fontSize=BODY_SIZE, leading=13.5, textColor=INK)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10.5),
        note=ParagraphStyle("note", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED, spaceBefore=3),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=15,
            leading=19,
            textColor=TEAL,
            spaceBefore=22,
            spaceAfter=8,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10,
            leading=13,
            textColor=INK,
            spaceBefore=12,
            spaceAfter=1,
        ),
        caption=ParagraphStyle(
            "caption", parent=body, fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=4
        ),
        cover_app=ParagraphStyle(
            "cover_app", parent=body, fontName=FONT_BOLD, fontSize=13, leading=16, textColor=TEAL
        ),
        cover_title=ParagraphStyle(
            "cover_title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=24,
            leading=30,
            textColor=INK,
            spaceBefore=6,
        ),
        cover_subtitle=ParagraphStyle(
            "cover_subtitle", parent=body, fontSize=13, leading=17, textColor=MUTED, spaceBefore=4
        ),
        cover_label=ParagraphStyle("cover_label", parent=body, fontSize=8.5, leading=12, textColor=MUTED),
        cover_value=ParagraphStyle("cover_value", parent=body, fontSize=10.5, leading=14),
        notice_title=ParagraphStyle(
            "notice_title", parent=body, fontName=FONT_BOLD, fontSize=11, leading=14, textColor=TEAL
        ),
        notice_body=ParagraphStyle("notice_body", parent=body, fontSize=9, leading=13),
        contents=ParagraphStyle("contents", parent=body, fontSize=9.5, leading=15),
    )


def markup(text: str) -> str:
    """Escape caller text for reportlab's mini-markup: labels such as "<18" would otherwise break it."""
    return xml_escape(text)


# --------------------------------------------------------------------------------------------------
# Page geometry, header and footer
# --------------------------------------------------------------------------------------------------

MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
COVER_LEFT = 32 * mm
PORTRAIT = A4
LANDSCAPE = landscape(A4)


def frame_width(pagesize: tuple[float, float]) -> float:
    return pagesize[0] - 2 * MARGIN_X


@dataclass
class Decor:
    """What the running header and footer print on each page."""

    title: str
    right: str
    footer_note: str
    page_fmt: str


def numbered_canvas(decor: Decor) -> type[Canvas]:
    """A canvas that defers page decoration to `save`, when the total page count ("di Y") is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            number = self._pageNumber
            self.saveState()
            if number > 1:
                y = height - 13 * mm
                self.setFont(FONT_BOLD, 7.5)
                self.setFillColor(TEAL)
                self.drawString(MARGIN_X, y, APP_NAME)
                offset = pdfmetrics.stringWidth(APP_NAME + "  ", FONT_BOLD, 7.5)
                self.setFont(FONT, 7.5)
                self.setFillColor(MUTED)
                room = width - 2 * MARGIN_X - offset - pdfmetrics.stringWidth(decor.right, FONT, 7.5) - 12
                self.drawString(MARGIN_X + offset, y, clip(decor.title, room, FONT, 7.5))
                self.drawRightString(width - MARGIN_X, y, decor.right)
                self.setStrokeColor(RULE)
                self.setLineWidth(0.5)
                self.line(MARGIN_X, y - 4, width - MARGIN_X, y - 4)
            y = 12 * mm
            left = COVER_LEFT if number == 1 else MARGIN_X  # align with the cover's text column
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(left, y + 9, width - MARGIN_X, y + 9)
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            label = decor.page_fmt.format(n=number, m=total)
            self.drawRightString(width - MARGIN_X, y, label)
            if decor.footer_note:
                room = width - left - MARGIN_X - pdfmetrics.stringWidth(label, FONT, 7.5) - 18
                lines = simpleSplit(decor.footer_note, FONT, 7, room)[:2]
                self.setFont(FONT, 7)
                for i, line in enumerate(lines):
                    self.drawString(left, y - 9 * i, line)
            self.restoreState()

    return NumberedCanvas


def clip(text: str, width: float, font: str, size: float) -> str:
    """Shorten a running-header text with an ellipsis rather than let it run into the right column."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def content_frame(pagesize: tuple[float, float], ident: str = "page") -> Frame:
    """The text area of a page inside the report's margins (shared by every Ascolto PDF)."""
    return Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        pagesize[0] - 2 * MARGIN_X,
        pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=ident,
    )


def portrait_document(target: Any, title: str, author: str) -> BaseDocTemplate:
    """A one-frame A4 portrait document with the shared margins (her copy, a desk's agenda)."""
    doc = BaseDocTemplate(
        target,
        pagesize=PORTRAIT,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        creator=APP_NAME,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[content_frame(PORTRAIT)])])
    return doc
