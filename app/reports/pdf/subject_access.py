"""Her copy of the data (GDPR art. 15) as a PDF: drawing only, from a view already read and permitted.

`app.services.subject_access` decides who may print it, reads what is held, builds the view
(`app.reports.subject_access.SubjectAccessView`) and audits the print; this module lays it out with the
shared kit of `base`, so it looks like the centre's other documents.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

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
    Decor,
    Styles,
    make_styles,
    markup,
    numbered_canvas,
    portrait_document,
    register_fonts,
)
from app.reports.subject_access import Coded, Fields, Phrase, Retention, Row, SubjectAccessView, Value
from app.reports.texts import AUDIT_ACTIONS, SUBJECT_ACCESS, texts

__all__ = ["ACTIONS", "HISTORY_LIMIT", "STRINGS", "render_subject_access"]

STRINGS = SUBJECT_ACCESS  # the names callers know

ACTIONS = AUDIT_ACTIONS

MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HEADING_ROOM = 40 * mm  # a heading, the space under it and three or four rows
SUBHEADING_ROOM = 28 * mm
HISTORY_LIMIT = 500  # get_case returns at most this many history entries


# --- rendering ----------------------------------------------------------------------------------------------
def render_subject_access(view: SubjectAccessView, lang: str = "it", *, tz: dt.tzinfo | None = None) -> bytes:
    """The document as bytes, from a view already read and permitted (no database access here).

    Access times are stored in UTC and printed in `tz` (default: this PC's zone), as she lives them.
    """
    register_fonts()
    s = texts(SUBJECT_ACCESS, lang)
    styles = make_styles()
    buffer = io.BytesIO()
    doc = portrait_document(buffer, s["subtitle"], view.centre)
    b = _Builder(styles, lang, tz)
    _story(b, view)
    _about(b, view.retention)
    story = b.story
    decor = Decor(title=s["title"], right=view.code, footer_note=s["confidential"], page_fmt=s["page"])
    doc.build(story, canvasmaker=numbered_canvas(decor))
    return buffer.getvalue()


class _Builder:
    """Small helpers around the shared report styles: headings, key-value blocks and tables."""

    def __init__(self, styles: Styles, lang: str, tz: dt.tzinfo | None = None) -> None:
        self.styles, self.lang, self.s, self.tz = styles, language_code(lang), texts(SUBJECT_ACCESS, lang), tz
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
        table = Table([head, *body], colWidths=[self.width * w for w in widths], repeatRows=1)
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


def _story(b: _Builder, view: SubjectAccessView) -> None:
    s, styles = b.s, b.styles
    b.story += [
        Paragraph(markup(s["title"]), styles.cover_title),
        Paragraph(markup(s["subtitle"]), styles.cover_subtitle),
        Spacer(1, 6 * mm),
    ]
    b.pairs(view.summary)
    b.story.append(Spacer(1, 4 * mm))
    b.para(s["rights"], styles.notice_body)

    b.heading("identity")
    if view.identity is None:
        b.para(s["no_identity"])
    else:
        b.pairs(view.identity)

    b.heading("profile")
    b.pairs(view.profile)

    b.heading("consents")
    b.table(["date", "scope", "choice", "partner", "notice"], view.consents, [0.16, 0.34, 0.14, 0.22, 0.14])

    b.heading("intakes")
    if not view.intakes:
        b.none()
    for day, fields in view.intakes:
        b.sub(b.date(day))
        b.pairs(fields)

    b.heading("police_steps")
    b.table(["date", "stage"], view.police_steps, [0.3, 0.7])

    b.heading("risks")
    b.table(["date", "level", "tool", "notes"], view.risks, [0.16, 0.14, 0.25, 0.45])

    b.heading("pathway")
    if view.pathway is None:
        b.none()
    else:
        b.pairs(view.pathway)
        b.sub(s["goals"])
        b.table(["area", "goal_status", "due", "description"], view.goals, [0.22, 0.16, 0.16, 0.46])
        b.sub(s["reviews"])
        b.table(["date", "notes"], view.reviews, [0.2, 0.8])

    b.heading("services")
    b.table(
        ["date", "service", "mode", "minutes", "role", "desk", "notes"],
        view.services,
        [0.13, 0.2, 0.11, 0.1, 0.14, 0.13, 0.19],  # "Minutes" whole in its column
    )

    b.heading("referrals")
    b.table(
        ["date", "destination", "outcome", "outcome_on", "shares_data", "children_placed", "notes"],
        view.referrals,
        [0.14, 0.18, 0.12, 0.14, 0.1, 0.1, 0.22],
    )

    b.heading("documents")
    b.table(["date", "document_name", "document_kind"], view.documents, [0.18, 0.62, 0.2])
    if view.documents:
        b.para(s["documents_note"], styles.note)

    b.heading("history")
    actions = texts(AUDIT_ACTIONS, b.lang)
    b.table(
        ["when", "who", "what"],
        [
            {
                "when": b.moment(h.at),
                "who": s["system"] if h.who is None else h.who,
                "what": actions.get(h.action, h.action),
            }
            for h in view.history
        ],
        [0.22, 0.38, 0.4],
    )
    if len(view.history) >= HISTORY_LIMIT:
        b.para(s["history_limit"].format(n=len(view.history)), styles.note)


def _about(b: _Builder, policy: Retention) -> None:
    """What art. 15 asks beside the data: purposes, basis, recipients, retention, rights, source."""
    s = b.s
    b.heading("about")
    kept = s["retention_delete" if policy.full_deletion else "retention_erase"]
    for title, text in (
        ("purposes", s["purposes_text"]),
        ("legal_basis", s["legal_basis_text"]),
        ("recipients", s["recipients_text"]),
        ("retention", kept.format(case=b.years(policy.case_years), audit=b.years(policy.audit_years))),
        ("source", s["source_text"]),
        ("your_rights", s["your_rights_text"]),
    ):
        b.sub(s[title])
        b.para(text)
