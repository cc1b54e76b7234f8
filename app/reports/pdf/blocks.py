"""The blocks a case document is drawn with: headings, label / value rows, tables, values in words.

Her copy of the data (`subject_access`) and the case summary (`case_summary`) print the same kind of
values (`app.reports.subject_access.Value`) in the same way; the texts are the caller's, by key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from app.i18n import language_code
from app.models.codelists import label
from app.reports.pdf.base import (
    FONT_BOLD,
    INK,
    MARGIN_X,
    PORTRAIT,
    RULE,
    TEAL,
    TEAL_TINT,
    ZEBRA,
    Styles,
    markup,
)
from app.reports.subject_access import Coded, Fields, Phrase, Row, Value

__all__ = ["HEADING_ROOM", "MONTHS_EN", "SUBHEADING_ROOM", "Blocks"]

MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HEADING_ROOM = 40 * mm  # a heading, the space under it and three or four rows
SUBHEADING_ROOM = 28 * mm
SPLIT_ROOM = 12 * mm  # the least of a row split over two pages left on either page (a few lines)


class Blocks:
    """Small helpers around the shared report styles: headings, key-value blocks and tables.

    `s` is the document's texts in its language: every heading, label and column is a key of it.
    """

    def __init__(self, styles: Styles, lang: str, s: Mapping[str, str], tz: dt.tzinfo | None = None) -> None:
        self.styles, self.lang, self.s, self.tz = styles, language_code(lang), s, tz
        self.width = PORTRAIT[0] - 2 * MARGIN_X
        self.story: list[Flowable] = []

    # A heading never ends a page: with less room left than it needs and a few lines of what it introduces,
    # it starts the next page. Not keepWithNext: that would carry a whole long table over, leaving a page
    # two-thirds empty before a table that would have begun there and continued.
    def heading(self, key: str) -> None:
        self.story += [CondPageBreak(HEADING_ROOM), Paragraph(markup(self.s[key]), self.styles.h1)]

    def sub(self, text: str) -> None:
        self.story += [CondPageBreak(SUBHEADING_ROOM), Paragraph(markup(text), self.styles.h2)]

    def para(self, text: str, style: Any = None) -> None:
        self.story.append(Paragraph(markup(text).replace("\n", "<br/>"), style or self.styles.body))

    def none(self) -> None:
        self.para(self.s["none"], self.styles.note)

    def pairs(self, fields: Fields) -> None:
        """Label / value rows; empty values are left out (there is nothing to show her)."""
        shown = [(k, text) for k, v in fields if (text := self.value(v))]
        if not shown:
            self.none()
            return
        data = [
            [
                Paragraph(markup(self.s[k]), self.styles.small),
                Paragraph(markup(v).replace("\n", "<br/>"), self.styles.body),
            ]
            for k, v in shown
        ]
        table = Table(data, colWidths=[self.width * 0.34, self.width * 0.66])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        self.story.append(table)

    def table(self, header: Sequence[str], rows: Sequence[Row], widths: Sequence[float]) -> None:
        """A table with the columns `header` (text keys, also the keys of each row)."""
        if not rows:
            self.none()
            return
        head = [Paragraph(markup(self.s[h]), self.styles.small) for h in header]
        body = [
            [
                Paragraph(markup(self.value(row[key])).replace("\n", "<br/>"), self.styles.small)
                for key in header
            ]
            for row in rows
        ]
        # splitInRow: a cell taller than a page (a note of twenty thousand characters) goes on over the
        # next page, under the repeated header, instead of failing the whole document
        table = Table(
            [head, *body], colWidths=[self.width * w for w in widths], repeatRows=1, splitInRow=SPLIT_ROOM
        )
        style: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
            ("BACKGROUND", (0, 0), (-1, 0), TEAL_TINT),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, TEAL),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ]
        style += [("BACKGROUND", (0, i), (-1, i), ZEBRA) for i in range(2, len(body) + 1, 2)]
        table.setStyle(TableStyle(style))
        self.story.append(table)

    # value formatting: one date format per language, narrow enough for table cells
    def date(self, day: dt.date | None) -> str:
        if day is None:
            return ""
        if self.lang == "it":
            return f"{day.day:02d}/{day.month:02d}/{day.year}"
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"

    def moment(self, stored_utc: str) -> str:
        """An audit time (naive UTC as stored) in local time: the date as elsewhere, then hh:mm."""
        at = dt.datetime.fromisoformat(stored_utc)
        if at.tzinfo is None:
            at = at.replace(tzinfo=dt.UTC)
        local = at.astimezone(self.tz)
        return f"{self.date(local.date())} {local:%H:%M}"

    def years(self, n: int) -> str:
        return self.s["year" if n == 1 else "years"].format(n=n)

    def value(self, value: Value) -> str:
        """A value of the view as printed in this document's language ("" for nothing to show)."""
        if value is None:
            return ""
        if isinstance(value, bool):  # before int: a flag is not a number
            return self.s["yes" if value else "no"]
        if isinstance(value, int):
            return str(value)
        if isinstance(value, dt.date):
            return self.date(value)
        if isinstance(value, Coded):
            return ", ".join(label(value.list_name, code, self.lang) for code in value.codes)
        if isinstance(value, Phrase):
            return self.s[value.key]
        return value
