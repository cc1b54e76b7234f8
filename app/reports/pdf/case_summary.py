"""The case summary as a PDF: drawing only, from a view already read and permitted.

`app.services.case_summary` decides who may print which sections, reads the case file, builds the view
(`app.reports.case_summary.CaseSummaryView`) and audits the print. This module lays it out with the blocks
her copy of the data is drawn with (`blocks`), so the two look alike; every page's footer says who printed
it and when, and that it is for internal use only.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from app.reports.case_summary import CaseSummaryView, Printed
from app.reports.formatting import format_number
from app.reports.pdf.base import (
    Decor,
    make_styles,
    markup,
    numbered_canvas,
    portrait_document,
    register_fonts,
)
from app.reports.pdf.blocks import Blocks
from app.reports.texts import CASE_SUMMARY, SUBJECT_ACCESS, texts

__all__ = ["render_case_summary", "summary_texts"]


def summary_texts(lang: str) -> dict[str, str]:
    """The summary's texts: her copy's labels (profile, services...), with the summary's own over them."""
    return {**texts(SUBJECT_ACCESS, lang), **texts(CASE_SUMMARY, lang)}


def render_case_summary(view: CaseSummaryView, lang: str = "it") -> bytes:
    """The document as bytes, from a view already read and permitted (no database access here)."""
    register_fonts()
    s = summary_texts(lang)
    buffer = io.BytesIO()
    doc = portrait_document(buffer, s["title"], view.centre)
    b = Blocks(make_styles(), lang, s)
    _cover(b, view)
    if view.profile is not None:
        _profile(b, view)
    if view.risks is not None:
        b.heading("section_risk")
        b.table(["date", "level", "tool"], view.risks, [0.25, 0.3, 0.45])
    if "pathway" in view.sections:
        _pathway(b, view)
    if view.services is not None:
        _services(b, view)
    if view.referrals is not None:
        b.heading("section_referrals")
        b.table(
            ["date", "destination", "outcome", "outcome_on", "shares_data", "children_placed"],
            view.referrals,
            [0.15, 0.25, 0.17, 0.15, 0.13, 0.15],
        )
    if view.notes is not None:
        _notes(b, view)
    who, day, time = _printed(b, view.printed)
    footer = s["confidential"].format(who=who, day=day, time=time)
    decor = Decor(title=s["title"], right=view.code, footer_note=footer, page_fmt=s["page"])
    doc.build(b.story, canvasmaker=numbered_canvas(decor))
    return buffer.getvalue()


def _printed(b: Blocks, printed: Printed) -> tuple[str, str, str]:
    return printed.by, b.date(printed.at.date()), f"{printed.at:%H:%M}"


def _cover(b: Blocks, view: CaseSummaryView) -> None:
    s, styles = b.s, b.styles
    b.story += [
        Paragraph(markup(s["title"]), styles.cover_title),
        Paragraph(markup(s["subtitle"]), styles.cover_subtitle),
        Spacer(1, 6 * mm),
    ]
    who, day, time = _printed(b, view.printed)
    chosen = ", ".join(s[f"section_{key}"] for key in view.sections)
    b.pairs(
        (
            *view.summary,
            ("sections", chosen),
            ("printed", s["printed_value"].format(who=who, day=day, time=time)),
        )
    )


def _profile(b: Blocks, view: CaseSummaryView) -> None:
    b.heading("section_profile")
    b.sub(b.s["profile"])
    b.pairs(view.profile or ())
    b.sub(b.s["situation"])
    if view.situation is None:
        b.para(b.s["no_intake"], b.styles.note)
    else:
        latest = b.date(view.interviews[-1]) if view.interviews else ""
        b.para(b.s["situation_note"].format(n=len(view.interviews), day=latest), b.styles.note)
        b.pairs(view.situation)
    if view.police_steps:
        b.sub(b.s["police_steps"])
        b.table(["date", "stage"], view.police_steps, [0.3, 0.7])


def _pathway(b: Blocks, view: CaseSummaryView) -> None:
    b.heading("section_pathway")
    if view.pathway is None:
        b.para(b.s["no_pathway"], b.styles.note)
        return
    reviews = ", ".join(b.date(day) for day in view.reviews)
    b.pairs((*view.pathway, ("reviews", reviews)))
    b.sub(b.s["goals"])
    b.table(["area", "goal_status", "due", "description"], view.goals, [0.22, 0.16, 0.16, 0.46])


def _services(b: Blocks, view: CaseSummaryView) -> None:
    b.heading("section_services")
    services = view.services or ()
    if services:
        hours = format_number(round(view.service_minutes / 60, 1), lang=b.lang)
        b.para(b.s["services_total"].format(n=len(services), hours=hours))
        b.story.append(Spacer(1, 2 * mm))
    b.table(
        ["date", "service", "mode", "minutes", "role"],
        services,
        [0.14, 0.36, 0.16, 0.1, 0.24],
    )


def _notes(b: Blocks, view: CaseSummaryView) -> None:
    """Each note under its own small heading, as paragraphs: a long note flows over pages (a table row
    cannot be split, and twenty thousand characters do not fit on one page)."""
    b.heading("section_notes")
    notes = view.notes or ()
    if not notes:
        b.none()
        return
    b.para(b.s["notes_intro"], b.styles.note)
    for note in notes:
        about = b.value(note.about)
        source = b.s[f"note_{note.source}"] + (f": {about}" if about else "")
        b.sub(f"{b.date(note.date)} — {source}")
        b.para(note.text)
