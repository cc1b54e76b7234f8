"""The day's agenda of one help desk as a PDF: times and case codes, names only when asked for.

A printed agenda lies on a desk in a shared office: by default it carries nothing that names a woman
(the case code is pseudonymous). `app.services.agenda` decides who may print which desk, reads the
rows and audits the print, names or not; this module only draws.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.reports.pdf.base import (
    FONT_BOLD,
    INK,
    PORTRAIT,
    RULE,
    TEAL,
    TEAL_TINT,
    ZEBRA,
    Decor,
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
        "desk_day": "{desk} — {day}",
        "time": "Ora",
        "case": "Caso",
        "name": "Nome",
        "with": "Con",
        "none": "Nessun appuntamento.",
        "other_desk": "altro sportello",
        "no_names": "Stampa senza nomi: i casi sono indicati solo dal codice.",
        "with_names": "Contiene nomi: conservare in luogo chiuso e distruggere a fine giornata.",
        "confidential": "Documento riservato dello sportello.",
        "page": "Pagina {n} di {m}",
    },
    "en": {
        "title": "Help desk agenda",
        "desk_day": "{desk} — {day}",
        "time": "Time",
        "case": "Case",
        "name": "Name",
        "with": "With",
        "none": "No appointments.",
        "other_desk": "other desk",
        "no_names": "Printed without names: cases appear by their code only.",
        "with_names": "Contains names: keep it locked away and destroy it at the end of the day.",
        "confidential": "Confidential document of the help desk.",
        "page": "Page {n} of {m}",
    },
}


@dataclass(frozen=True)
class AgendaLine:
    time: str
    code: str | None  # None: a case of a desk she may not see, booked at hers (the hour is taken)
    name: str | None  # None: printed without names
    operator: str


def render_agenda(
    centre: str, desk: str, day: dt.date, lines: Sequence[AgendaLine], with_names: bool, lang: str = "it"
) -> bytes:
    """The agenda as bytes, from rows already read and permitted (no database access here)."""
    register_fonts()
    s = texts(AGENDA, lang)
    styles = make_styles()
    buffer = io.BytesIO()
    doc = portrait_document(buffer, s["title"], centre)
    day_text = day.strftime("%d/%m/%Y")
    story: list = [
        Paragraph(markup(s["title"]), styles.h1),
        Paragraph(markup(s["desk_day"].format(desk=desk, day=day_text)), styles.h2),
        Paragraph(markup(s["with_names"] if with_names else s["no_names"]), styles.note),
        Spacer(1, 4 * mm),
    ]
    if not lines:
        story.append(Paragraph(markup(s["none"]), styles.body))
    else:
        header = [s["time"], s["case"]] + ([s["name"]] if with_names else []) + [s["with"]]
        rows = [header] + [
            [line.time, line.code or s["other_desk"]]
            + ([line.name or "—"] if with_names else [])
            + [line.operator]
            for line in lines
        ]
        width = frame_width(PORTRAIT)
        widths = [18 * mm, 34 * mm] + ([(width - 52 * mm) * 0.55] if with_names else [])
        widths.append(width - sum(widths))
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
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        story.append(table)
    decor = Decor(title=s["title"], right=desk, footer_note=s["confidential"], page_fmt=s["page"])
    doc.build(story, canvasmaker=numbered_canvas(decor))
    return buffer.getvalue()
