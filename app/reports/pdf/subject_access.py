"""Her copy of the data (GDPR art. 15) as a PDF: drawing only, from a case file already read and permitted.

`app.services.subject_access` decides who may print it, reads what is held and audits the print; this
module lays it out with the shared kit of `base`, so it looks like the centre's other documents.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

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
from app.reports.texts import AUDIT_ACTIONS, SUBJECT_ACCESS, texts

if TYPE_CHECKING:  # the case file and the policy are read by the services; here they are only printed
    from app.services.cases import CaseFile
    from app.services.retention import RetentionPolicy

__all__ = ["ACTIONS", "HISTORY_LIMIT", "STRINGS", "render_subject_access"]

STRINGS = SUBJECT_ACCESS  # the names callers know

ACTIONS = AUDIT_ACTIONS

MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HEADING_ROOM = 40 * mm  # a heading, the space under it and three or four rows
SUBHEADING_ROOM = 28 * mm
HISTORY_LIMIT = 500  # get_case returns at most this many history entries


# --- rendering ----------------------------------------------------------------------------------------------
def render_subject_access(
    case_file: CaseFile,
    centre: str,
    operator_names: dict[int, str],
    desk_names: dict[int, str],
    lang: str = "it",
    *,
    policy: RetentionPolicy,
    issued: dt.date | None = None,
    tz: dt.tzinfo | None = None,
) -> bytes:
    """The document as bytes, from data already read and permitted (no database access here).

    Access times are stored in UTC and printed in `tz` (default: this PC's zone), as she lives them.
    """
    register_fonts()
    s = texts(SUBJECT_ACCESS, lang)
    styles = make_styles()
    buffer = io.BytesIO()
    doc = portrait_document(buffer, s["subtitle"], centre)
    b = _Builder(styles, lang, tz)
    _story(b, case_file, centre, operator_names, desk_names, issued or dt.date.today())
    _about(b, policy)
    story = b.story
    decor = Decor(title=s["title"], right=case_file.code, footer_note=s["confidential"], page_fmt=s["page"])
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

    def pairs(self, rows: Sequence[tuple[str, str]]) -> None:
        """Label / value rows; empty values are left out (there is nothing to show her)."""
        shown = [(k, v) for k, v in rows if v not in ("", None)]
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

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        if not rows:
            self.none()
            return
        head = [Paragraph(markup(self.s[h]), self.styles.small) for h in header]
        body = [
            [Paragraph(markup(cell).replace("\n", "<br/>"), self.styles.small) for cell in row]
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

    short = date

    def moment(self, stored_utc: str) -> str:
        """An audit time (naive UTC as stored) in local time: the date as elsewhere, then hh:mm."""
        at = dt.datetime.fromisoformat(stored_utc)
        if at.tzinfo is None:
            at = at.replace(tzinfo=dt.UTC)
        local = at.astimezone(self.tz)
        return f"{self.date(local.date())} {local:%H:%M}"

    def years(self, n: int) -> str:
        return self.s["year" if n == 1 else "years"].format(n=n)

    def code(self, list_name: str, code: str | None) -> str:
        return label(list_name, code, self.lang) if code else ""

    def codes(self, list_name: str, codes: Sequence[str]) -> str:
        return ", ".join(label(list_name, c, self.lang) for c in codes)

    def yes_no(self, value: bool | None) -> str:
        return "" if value is None else self.s["yes" if value else "no"]

    @staticmethod
    def number(value: int | None) -> str:
        return "" if value is None else str(value)


def _story(
    b: _Builder, f: CaseFile, centre: str, names: dict[int, str], desks: dict[int, str], issued: dt.date
) -> None:
    s, styles, lang = b.s, b.styles, b.lang
    b.story += [
        Paragraph(markup(s["title"]), styles.cover_title),
        Paragraph(markup(s["subtitle"]), styles.cover_subtitle),
        Spacer(1, 6 * mm),
    ]
    b.pairs(
        [
            ("case", f.code),
            ("centre", centre),
            ("desk", f.help_desk_name),
            ("issued", b.date(issued)),
            ("status", b.code("case_status", f.status)),
            ("opened", b.date(f.opened_on)),
            ("in_charge", b.date(f.taken_in_charge_on)),
            ("closed", b.date(f.closed_on)),
        ]
    )
    b.story.append(Spacer(1, 4 * mm))
    b.para(s["rights"], styles.notice_body)

    b.heading("identity")
    if f.identity is None:
        b.para(s["no_identity"])
    else:
        i = f.identity
        b.pairs(
            [
                ("first_name", i.first_name),
                ("last_name", i.last_name),
                ("birth_date", b.date(i.birth_date)),
                ("tax_code", i.tax_code),
                ("phone", i.phone),
                ("email", i.email),
                ("address", i.address),
                ("safe_channel", b.code("safe_contact_channel", i.safe_contact_channel)),
                ("safe_times", i.safe_contact_times),
                ("safe_notes", i.safe_contact_notes),
                ("notes", i.notes),
            ]
        )

    b.heading("profile")
    p = f.profile
    b.pairs(
        [
            ("birth_year", b.number(p.birth_year)),
            ("country", b.code("country", p.country)),
            ("education", b.code("education", p.education)),
            ("employment", b.code("employment", p.employment)),
            ("marital_status", b.code("marital_status", p.marital_status)),
            ("cohabitation", b.codes("cohabitation", p.cohabitation)),
            ("has_children", b.code("has_children", p.has_children)),
            ("children_count", b.number(p.children_count)),
            ("minors_count", b.number(p.minors_count)),
            ("minors_witnessed", b.number(p.minors_witnessed)),
            ("minors_suffered", b.number(p.minors_suffered)),
            ("pregnant", b.yes_no(p.pregnant)),
        ]
    )

    b.heading("consents")
    b.table(
        ["date", "scope", "choice", "partner", "notice"],
        [
            [
                b.short(c.date),
                b.code("consent_scope", c.scope),
                s["granted" if c.granted else "withdrawn"],
                b.code("referral_destination", c.partner),
                c.notice_version,
            ]
            for c in f.consents
        ],
        [0.16, 0.34, 0.14, 0.22, 0.14],
    )

    b.heading("intakes")
    if not f.intakes:
        b.none()
    for intake in f.intakes:
        b.sub(b.date(intake.date))
        b.pairs(
            [
                ("access_channel", b.code("access_channel", intake.access_channel)),
                ("first_contact_mode", b.code("first_contact_mode", intake.first_contact_mode)),
                ("violence_forms", b.codes("violence_form", intake.violence_forms)),
                ("relationship", b.code("relationship", intake.relationship)),
                ("violence_duration", b.code("violence_duration", intake.violence_duration)),
                ("police_report", b.code("police_report", intake.police_report)),
                ("complaint_withdrawn", b.yes_no(intake.complaint_withdrawn)),
                ("measures_requested", b.codes("protective_measure", intake.measures_requested)),
                ("measures_obtained", b.codes("protective_measure", intake.measures_obtained)),
                ("emergency", b.yes_no(intake.emergency)),
                ("help_sought", b.codes("help_sought", intake.help_sought)),
                (
                    "perpetrators_count",
                    "" if intake.perpetrator.count is None else str(intake.perpetrator.count),
                ),
                ("perpetrator_sex", b.code("perpetrator_sex", intake.perpetrator.sex)),
                ("perpetrator_age", b.code("age_istat", intake.perpetrator.age)),
                ("perpetrator_citizenship", b.code("citizenship_binary", intake.perpetrator.citizenship)),
                ("perpetrator_weapons", b.code("yes_no", intake.perpetrator.weapons)),
                ("perpetrator_alcohol", b.code("yes_no", intake.perpetrator.alcohol)),
                ("perpetrator_drugs", b.code("yes_no", intake.perpetrator.drugs)),
                ("perpetrator_prior_violence", b.code("yes_no", intake.perpetrator.prior_violence)),
                ("notes", intake.notes),
            ]
        )

    b.heading("police_steps")
    b.table(
        ["date", "stage"],
        [[b.short(e.date), b.code("police_report_stage", e.stage)] for e in f.police_report_events],
        [0.3, 0.7],
    )

    b.heading("risks")
    b.table(
        ["date", "level", "tool", "notes"],
        [
            [b.short(r.date), b.code("risk_level", r.level), b.code("risk_tool", r.tool), r.notes]
            for r in f.risks
        ],
        [0.16, 0.14, 0.25, 0.45],
    )

    b.heading("pathway")
    if f.pathway is None:
        b.none()
    else:
        w = f.pathway
        b.pairs(
            [
                ("agreed", b.date(w.agreed_on)),
                ("closed", b.date(w.closed_on)),
                ("outcome", b.code("case_status", w.outcome)),
                ("notes", w.notes),
            ]
        )
        b.sub(s["goals"])
        b.table(
            ["area", "goal_status", "due", "description"],
            [
                [
                    b.code("goal_area", g.area),
                    b.code("goal_status", g.status),
                    b.short(g.due_on),
                    g.description,
                ]
                for g in w.goals
            ],
            [0.22, 0.16, 0.16, 0.46],
        )
        b.sub(s["reviews"])
        b.table(["date", "notes"], [[b.short(r.date), r.notes] for r in w.reviews], [0.2, 0.8])

    b.heading("services")
    b.table(
        ["date", "service", "mode", "minutes", "role", "desk", "notes"],
        [
            [
                b.short(x.date),
                b.code("service_type", x.service_type),
                b.code("service_mode", x.mode),
                str(x.minutes),
                b.code("operator_role", x.operator_role),
                desks.get(x.help_desk_id, ""),
                x.notes,
            ]
            for x in sorted(f.services, key=lambda x: (x.date, x.id))
        ],
        [0.13, 0.2, 0.11, 0.1, 0.14, 0.13, 0.19],  # "Minutes" whole in its column
    )

    b.heading("referrals")
    b.table(
        ["date", "destination", "outcome", "outcome_on", "shares_data", "children_placed", "notes"],
        [
            [
                b.short(r.date),
                b.code("referral_destination", r.destination),
                b.code("referral_outcome", r.outcome),
                b.short(r.outcome_on),
                b.yes_no(r.shares_data),
                str(r.children_count) if r.children_count else "",
                r.notes,
            ]
            for r in f.referrals
        ],
        [0.14, 0.18, 0.12, 0.14, 0.1, 0.1, 0.22],
    )

    b.heading("history")
    actions = texts(AUDIT_ACTIONS, lang)
    b.table(
        ["when", "who", "what"],
        [
            [
                b.moment(h.at),
                names.get(h.operator_id, s["system"]) if h.operator_id is not None else s["system"],
                actions.get(h.action, h.action),
            ]
            for h in reversed(f.history)  # newest first in the case file; oldest first for her
        ],
        [0.22, 0.38, 0.4],
    )
    if len(f.history) >= HISTORY_LIMIT:
        b.para(s["history_limit"].format(n=len(f.history)), styles.note)


def _about(b: _Builder, policy: RetentionPolicy) -> None:
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
