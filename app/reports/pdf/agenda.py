"""A desk's agenda as a PDF, for a day or a week: times, case codes and purposes, names only when asked for.

A printed agenda lies on a desk in a shared office: by default it carries nothing that names a woman
(the case code is pseudonymous). `app.services.agenda` decides who may print which desk, reads the
rows and audits the print, names or not; this module only draws.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.models import codelists
from app.reports.pdf.base import (
    FONT_BOLD,
    INK,
    PORTRAIT,
    RULE,
    TEAL,
    TEAL_TINT,
    ZEBRA,
    Decor,
    Styles,
    frame_width,
    make_styles,
    markup,
    numbered_canvas,
    portrait_document,
    register_fonts,
)
from app.reports.texts import Catalogue, texts

AGENDA: Catalogue = {
    "it": {
        "title": "Agenda dello sportello",
        "week_title": "Agenda della settimana",
        "desk_day": "{desk} — {day}",
        "all_desks": "Tutti gli sportelli",
        "with_person": "appuntamenti con {person}",
        "time": "Ora",
        "case": "Caso",
        "name": "Nome",
        "what": "Per",
        "with": "Con",
        "desk": "Sportello",
        "none": "Nessun appuntamento.",
        "nothing": "—",
        "other_desk": "altro sportello",
        "review": "Verifica del percorso",
        "goal": "Scadenza dell'obiettivo: {area}",
        "no_names": "Stampa senza nomi: i casi sono indicati solo dal codice.",
        "with_names": "Contiene nomi: conservare in luogo chiuso e distruggere a fine giornata.",
        "week_names": "Contiene nomi: conservare in luogo chiuso e distruggere a fine settimana.",
        "confidential": "Documento riservato dello sportello.",
        "page": "Pagina {n} di {m}",
    },
    "en": {
        "title": "Help desk agenda",
        "week_title": "Agenda of the week",
        "desk_day": "{desk} — {day}",
        "all_desks": "All help desks",
        "with_person": "appointments with {person}",
        "time": "Time",
        "case": "Case",
        "name": "Name",
        "what": "For",
        "with": "With",
        "desk": "Help desk",
        "none": "No appointments.",
        "nothing": "—",
        "other_desk": "other desk",
        "review": "Pathway review",
        "goal": "Goal deadline: {area}",
        "no_names": "Printed without names: cases appear by their code only.",
        "with_names": "Contains names: keep it locked away and destroy it at the end of the day.",
        "week_names": "Contains names: keep it locked away and destroy it at the end of the week.",
        "confidential": "Confidential document of the help desk.",
        "page": "Page {n} of {m}",
    },
}

APPOINTMENT, REVIEW, GOAL = "appointment", "review", "goal"


@dataclass(frozen=True)
class AgendaLine:
    time: str  # "" for a review or a deadline, which have a day but no hour
    code: str | None  # None: a case of a desk she may not see, booked at hers (the hour is taken)
    name: str | None  # None: printed without names
    operator: str
    kind: str = APPOINTMENT
    detail: str | None = None  # the appointment's purpose or the goal's area (codes); None: not recorded
    desk: str = ""  # printed in a column of its own when the agenda covers every desk


@dataclass(frozen=True)
class AgendaDay:
    day: dt.date
    lines: Sequence[AgendaLine]


def _what(line: AgendaLine, s: dict[str, str], lang: str) -> str:
    if line.kind == REVIEW:
        return s["review"]
    if line.kind == GOAL:
        return s["goal"].format(area=codelists.label("goal_area", line.detail or "", lang))
    return codelists.label("appointment_purpose", line.detail, lang) if line.detail else s["nothing"]


def _table(
    lines: Sequence[AgendaLine],
    with_names: bool,
    every_desk: bool,
    s: dict[str, str],
    lang: str,
    styles: Styles,
) -> Table:
    """One table of lines: time, case, her name if asked, what for, with whom (and the desk if several)."""
    header = [s["time"], s["case"]] + ([s["name"]] if with_names else []) + [s["what"], s["with"]]
    header += [s["desk"]] if every_desk else []
    cell = ParagraphStyle(
        "agenda_cell", parent=styles.body, fontSize=9.5, leading=11.5
    )  # wraps, as the table's
    rows = [header] + [
        [line.time, line.code or s["other_desk"]]
        + ([line.name or "—"] if with_names else [])
        + [Paragraph(markup(_what(line, s, lang)), cell), line.operator or "—"]
        + ([line.desk] if every_desk else [])
        for line in lines
    ]
    width = frame_width(PORTRAIT)
    widths = [16 * mm, 32 * mm] + ([(width - 48 * mm) * 0.3] if with_names else [])
    rest = width - sum(widths) - (30 * mm if every_desk else 0)
    widths += [rest * 0.55, rest * 0.45] + ([30 * mm] if every_desk else [])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9),
                ("FONT", (0, 1), (-1, -1), styles.body.fontName, 9.5),
                ("TEXTCOLOR", (0, 0), (-1, 0), TEAL),
                ("TEXTCOLOR", (0, 1), (-1, -1), INK),
                ("BACKGROUND", (0, 0), (-1, 0), TEAL_TINT),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ZEBRA]),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _render(
    centre: str,
    title: str,
    desk: str,
    subtitle: str,
    days: Sequence[AgendaDay],
    with_names: bool,
    lang: str,
    every_desk: bool = False,
) -> bytes:
    """The document: a title, the desk and the day or week, the names notice, then each day's table (under
    the day's heading when there are several days)."""
    register_fonts()
    s = texts(AGENDA, lang)
    styles = make_styles()
    buffer = io.BytesIO()
    doc = portrait_document(buffer, title, centre)
    names = s["week_names"] if len(days) > 1 else s["with_names"]
    story: list[Flowable] = [
        Paragraph(markup(title), styles.h1),
        Paragraph(markup(subtitle), styles.h2),
        Paragraph(markup(names if with_names else s["no_names"]), styles.note),
        Spacer(1, 4 * mm),
    ]
    for entry in days:
        part: list[Flowable] = []
        if len(days) > 1:
            part.append(Paragraph(markup(_day_heading(entry.day, lang)), styles.h2))
        if entry.lines:
            part.append(_table(entry.lines, with_names, every_desk, s, lang, styles))
        else:
            part.append(Paragraph(markup(s["none"]), styles.body))
        story.append(KeepTogether(part))  # a day's heading never ends a page alone
    decor = Decor(title=title, right=desk, footer_note=s["confidential"], page_fmt=s["page"])
    doc.build(story, canvasmaker=numbered_canvas(decor))
    return buffer.getvalue()


def _day_heading(day: dt.date, lang: str) -> str:
    weekday = codelists.entries("weekday")[day.weekday()].label(lang)
    return f"{weekday} {day.strftime('%d/%m')}"


def render_agenda(
    centre: str, desk: str, day: dt.date, lines: Sequence[AgendaLine], with_names: bool, lang: str = "it"
) -> bytes:
    """A desk's day as bytes, from rows already read and permitted (no database access here)."""
    s = texts(AGENDA, lang)
    subtitle = s["desk_day"].format(desk=desk, day=day.strftime("%d/%m/%Y"))
    return _render(centre, s["title"], desk, subtitle, [AgendaDay(day, lines)], with_names, lang)


def render_week(
    centre: str,
    desk: str | None,
    days: Sequence[AgendaDay],
    with_names: bool,
    lang: str = "it",
    person: str | None = None,
) -> bytes:
    """A week, Monday to Sunday, of one desk (None: every desk), or of one person's appointments there."""
    s = texts(AGENDA, lang)
    where = desk or s["all_desks"]
    span = f"{days[0].day.strftime('%d/%m/%Y')} – {days[-1].day.strftime('%d/%m/%Y')}"
    subtitle = s["desk_day"].format(desk=where, day=span)
    if person:
        subtitle += " · " + s["with_person"].format(person=person)
    return _render(centre, s["week_title"], where, subtitle, days, with_names, lang, every_desk=desk is None)
