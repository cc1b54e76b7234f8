"""Her copy of the data (GDPR art. 15) as a PDF: drawing only, from a view already read and permitted.

`app.services.subject_access` decides who may print it, reads what is held, builds the view
(`app.reports.subject_access.SubjectAccessView`) and audits the print; this module lays it out with the
shared kit of `base`, so it looks like the centre's other documents.
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from app.reports.pdf.base import (
    Decor,
    make_styles,
    markup,
    numbered_canvas,
    portrait_document,
    register_fonts,
)
from app.reports.pdf.blocks import Blocks
from app.reports.subject_access import Retention, SubjectAccessView
from app.reports.texts import AUDIT_ACTIONS, SUBJECT_ACCESS, texts

__all__ = ["ACTIONS", "HISTORY_LIMIT", "STRINGS", "render_subject_access"]

STRINGS = SUBJECT_ACCESS  # the names callers know

ACTIONS = AUDIT_ACTIONS

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
    b = Blocks(styles, lang, s, tz)
    _story(b, view)
    _about(b, view.retention)
    story = b.story
    decor = Decor(title=s["title"], right=view.code, footer_note=s["confidential"], page_fmt=s["page"])
    doc.build(story, canvasmaker=numbered_canvas(decor))
    return buffer.getvalue()


def _story(b: Blocks, view: SubjectAccessView) -> None:
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
        if view.goal_versions:  # what an edit replaced, so she sees how her goals changed
            b.sub(s["goal_versions"])
            b.table(
                ["replaced", "area", "goal_status", "due", "description"],
                view.goal_versions,
                [0.15, 0.2, 0.14, 0.13, 0.38],
            )
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


def _about(b: Blocks, policy: Retention) -> None:
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
