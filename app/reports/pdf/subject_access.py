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
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.models.codelists import label
from app.reports.pdf.base import (
    FONT_BOLD,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PORTRAIT,
    RULE,
    TEAL,
    TEAL_TINT,
    ZEBRA,
    Decor,
    Styles,
    content_frame,
    make_styles,
    markup,
    numbered_canvas,
    register_fonts,
)

if TYPE_CHECKING:  # the case file and the policy are read by the services; here they are only printed
    from app.services.cases import CaseFile
    from app.services.retention import RetentionPolicy

__all__ = ["ACTIONS", "HISTORY_LIMIT", "STRINGS", "render_subject_access"]

STRINGS: dict[str, dict[str, str]] = {
    "it": {
        "title": "I tuoi dati presso il centro antiviolenza",
        "subtitle": "Copia dei dati personali (art. 15 del Regolamento UE 2016/679)",
        "confidential": "Documento riservato: contiene dati personali. Da consegnare solo all'interessata.",
        "case": "Codice della scheda",
        "centre": "Centro",
        "desk": "Sportello",
        "issued": "Data di rilascio",
        "status": "Stato del percorso",
        "opened": "Apertura",
        "in_charge": "Presa in carico",
        "closed": "Chiusura",
        "identity": "Dati identificativi",
        "no_identity": "Il centro non conserva più dati identificativi né note su di te per questa scheda.",
        "first_name": "Nome",
        "last_name": "Cognome",
        "birth_date": "Data di nascita",
        "tax_code": "Codice fiscale",
        "phone": "Telefono",
        "email": "Posta elettronica",
        "address": "Indirizzo",
        "safe_channel": "Canale di contatto sicuro",
        "safe_times": "Orari di contatto sicuri",
        "safe_notes": "Note sul contatto sicuro",
        "notes": "Note",
        "profile": "Dati statistici",
        "birth_year": "Anno di nascita",
        "country": "Cittadinanza",
        "education": "Titolo di studio",
        "employment": "Condizione professionale",
        "marital_status": "Stato civile",
        "cohabitation": "Convivenza",
        "has_children": "Figli",
        "children_count": "Numero di figli",
        "minors_count": "Figli minorenni",
        "minors_witnessed": "Minori che hanno assistito alla violenza",
        "minors_suffered": "Minori che hanno subito violenza",
        "pregnant": "Gravidanza",
        "consents": "Consensi",
        "date": "Data",
        "scope": "Ambito",
        "choice": "Scelta",
        "partner": "Servizio della rete",
        "notice": "Versione dell'informativa",
        "granted": "concesso",
        "withdrawn": "revocato",
        "intakes": "Colloqui di accoglienza",
        "access_channel": "Canale di accesso",
        "first_contact_mode": "Modalità del primo contatto",
        "violence_forms": "Forme di violenza",
        "relationship": "Relazione con l'autore",
        "violence_duration": "Durata della violenza",
        "police_report": "Denuncia",
        "complaint_withdrawn": "Denuncia ritirata",
        "measures_requested": "Misure di protezione richieste",
        "measures_obtained": "Misure di protezione ottenute",
        "emergency": "Emergenza",
        "risks": "Valutazioni del rischio",
        "level": "Livello",
        "tool": "Strumento",
        "pathway": "Percorso personalizzato",
        "agreed": "Concordato il",
        "outcome": "Esito",
        "goals": "Obiettivi",
        "area": "Area",
        "goal_status": "Stato",
        "due": "Scadenza",
        "description": "Descrizione",
        "reviews": "Verifiche del percorso",
        "services": "Prestazioni ricevute",
        "service": "Prestazione",
        "mode": "Modalità",
        "minutes": "Minuti",
        "role": "Figura professionale",
        "beneficiary": "Destinataria",
        "referrals": "Invii ai servizi della rete",
        "destination": "Destinazione",
        "outcome_on": "Data dell'esito",
        "shares_data": "Dati condivisi",
        "children_placed": "Figli accolti con te",
        "history": "Chi ha consultato o modificato la tua scheda",
        "when": "Quando (ora locale)",
        "who": "Chi",
        "what": "Operazione",
        "system": "(sistema)",
        "none": "Nessun dato registrato.",
        "yes": "sì",
        "no": "no",
        "page": "Pagina {n} di {m}",
        "history_limit": "Sono riportate le ultime {n} operazioni; l'elenco completo è disponibile su richiesta.",
        "rights": (
            "Puoi chiedere in qualsiasi momento di correggere questi dati, di cancellarli o di revocare "
            "il consenso: rivolgiti alle operatrici del centro. I dati statistici anonimi restano nei "
            "conteggi già pubblicati, che non permettono di identificarti."
        ),
        "about": "Come il centro tratta i tuoi dati",
        "purposes": "Finalità",
        "purposes_text": (
            "Accoglierti, ascoltarti e accompagnarti nel percorso di uscita dalla violenza; tenere la "
            "continuità tra le operatrici che ti seguono; inviarti ai servizi della rete quando lo chiedi; "
            "produrre statistiche anonime richieste dalla legge e dalla Regione."
        ),
        "legal_basis": "Base giuridica",
        "legal_basis_text": (
            "Il tuo consenso (art. 6, par. 1, lett. a, e art. 9, par. 2, lett. a, del Regolamento), che puoi "
            "revocare in ogni momento; per le rilevazioni statistiche, l'obbligo di legge (art. 6, par. 1, "
            "lett. c), con dati solo aggregati e anonimi."
        ),
        "recipients": "Destinatari",
        "recipients_text": (
            "Le operatrici del centro autorizzate, per la loro parte di lavoro. I servizi della rete "
            "antiviolenza solo con il tuo consenso (vedi «Consensi» e «Invii ai servizi della rete»). "
            "Regione, ISTAT e rete ricevono soltanto conteggi anonimi, mai dati che ti identificano. "
            "I dati non sono trasferiti fuori dall'Unione europea."
        ),
        "retention": "Per quanto tempo",
        "retention_erase": (
            "La scheda resta finché il percorso è aperto. Dopo la chiusura è conservata per {case}; poi "
            "sono cancellati i dati identificativi e le note, e restano solo dati statistici che non ti "
            "identificano. Il registro di chi ha consultato la scheda è conservato per {audit}."
        ),
        "retention_delete": (
            "La scheda resta finché il percorso è aperto. Dopo la chiusura è conservata per {case}; poi è "
            "cancellata per intero. Il registro di chi ha consultato la scheda è conservato per {audit}."
        ),
        "year": "{n} anno",
        "years": "{n} anni",
        "source": "Origine dei dati",
        "source_text": (
            "Da te, durante i colloqui e i contatti con il centro, e dalle operatrici che li hanno "
            "registrati. Nessuna decisione che ti riguarda è presa in modo automatizzato."
        ),
        "your_rights": "I tuoi diritti",
        "your_rights_text": (
            "Puoi chiedere di accedere ai dati, di rettificarli, di cancellarli, di limitarne il "
            "trattamento, di riceverli in un formato leggibile (portabilità) e di opporti al trattamento, "
            "e puoi revocare il consenso senza conseguenze sull'aiuto che ricevi. Se ritieni che i tuoi "
            "dati siano trattati in modo non corretto, puoi proporre reclamo al Garante per la protezione "
            "dei dati personali (www.garanteprivacy.it, Piazza Venezia 11, 00187 Roma)."
        ),
    },
    "en": {
        "title": "Your data held by the anti-violence centre",
        "subtitle": "Copy of personal data (art. 15 of Regulation (EU) 2016/679)",
        "confidential": "Confidential: contains personal data. To be handed only to the person concerned.",
        "case": "Case code",
        "centre": "Centre",
        "desk": "Help desk",
        "issued": "Issued on",
        "status": "Status",
        "opened": "Opened",
        "in_charge": "Taken in charge",
        "closed": "Closed",
        "identity": "Identifying data",
        "no_identity": "The centre no longer holds identifying data or notes about you for this case.",
        "first_name": "First name",
        "last_name": "Last name",
        "birth_date": "Date of birth",
        "tax_code": "Tax code",
        "phone": "Phone",
        "email": "Email",
        "address": "Address",
        "safe_channel": "Safe contact channel",
        "safe_times": "Safe contact times",
        "safe_notes": "Safe contact notes",
        "notes": "Notes",
        "profile": "Statistical data",
        "birth_year": "Year of birth",
        "country": "Citizenship",
        "education": "Education",
        "employment": "Employment",
        "marital_status": "Marital status",
        "cohabitation": "Living with",
        "has_children": "Children",
        "children_count": "Number of children",
        "minors_count": "Minor children",
        "minors_witnessed": "Minors who witnessed violence",
        "minors_suffered": "Minors who suffered violence",
        "pregnant": "Pregnancy",
        "consents": "Consents",
        "date": "Date",
        "scope": "Scope",
        "choice": "Choice",
        "partner": "Network service",
        "notice": "Privacy notice version",
        "granted": "granted",
        "withdrawn": "withdrawn",
        "intakes": "Intake interviews",
        "access_channel": "Access channel",
        "first_contact_mode": "First contact mode",
        "violence_forms": "Forms of violence",
        "relationship": "Relationship with the perpetrator",
        "violence_duration": "Duration of the violence",
        "police_report": "Report to the authorities",
        "complaint_withdrawn": "Complaint withdrawn",
        "measures_requested": "Protective measures requested",
        "measures_obtained": "Protective measures obtained",
        "emergency": "Emergency",
        "risks": "Risk assessments",
        "level": "Level",
        "tool": "Tool",
        "pathway": "Personalised pathway",
        "agreed": "Agreed on",
        "outcome": "Outcome",
        "goals": "Goals",
        "area": "Area",
        "goal_status": "Status",
        "due": "Due",
        "description": "Description",
        "reviews": "Pathway reviews",
        "services": "Services received",
        "service": "Service",
        "mode": "Mode",
        "minutes": "Minutes",
        "role": "Professional",
        "beneficiary": "Beneficiary",
        "referrals": "Referrals to network services",
        "destination": "Destination",
        "outcome_on": "Outcome date",
        "shares_data": "Data shared",
        "children_placed": "Children placed with you",
        "history": "Who read or changed your file",
        "when": "When (local time)",
        "who": "Who",
        "what": "Action",
        "system": "(system)",
        "none": "Nothing recorded.",
        "yes": "yes",
        "no": "no",
        "page": "Page {n} of {m}",
        "history_limit": "The latest {n} actions are listed; the full list is available on request.",
        "rights": (
            "You may ask at any time to correct these data, to erase them or to withdraw your consent: "
            "speak to the centre's staff. Anonymous statistical data stay in counts already published, "
            "which cannot identify you."
        ),
        "about": "How the centre processes your data",
        "purposes": "Purposes",
        "purposes_text": (
            "To receive you, listen to you and support you on your way out of violence; to keep continuity "
            "between the staff who support you; to refer you to network services when you ask; to produce "
            "the anonymous statistics required by law and by the Region."
        ),
        "legal_basis": "Legal basis",
        "legal_basis_text": (
            "Your consent (art. 6(1)(a) and art. 9(2)(a) of the Regulation), which you may withdraw at any "
            "time; for statistical surveys, a legal obligation (art. 6(1)(c)), with aggregated, anonymous "
            "data only."
        ),
        "recipients": "Recipients",
        "recipients_text": (
            "The centre's authorised staff, each for her part of the work. Network services only with your "
            "consent (see \u201cConsents\u201d and \u201cReferrals to network services\u201d). The Region, "
            "ISTAT and the network receive anonymous counts only, never data that identify you. The data are "
            "not transferred outside the European Union."
        ),
        "retention": "How long",
        "retention_erase": (
            "The file is kept while your pathway is open. After it is closed it is kept for {case}; then "
            "identifying data and notes are erased, and only statistical data that do not identify you "
            "remain. The record of who read the file is kept for {audit}."
        ),
        "retention_delete": (
            "The file is kept while your pathway is open. After it is closed it is kept for {case}; then "
            "it is deleted entirely. The record of who read the file is kept for {audit}."
        ),
        "year": "{n} year",
        "years": "{n} years",
        "source": "Source of the data",
        "source_text": (
            "You, in the interviews and contacts with the centre, and the staff who recorded them. No "
            "decision about you is taken by automated means."
        ),
        "your_rights": "Your rights",
        "your_rights_text": (
            "You may ask to access the data, to correct them, to erase them, to restrict their processing, "
            "to receive them in a readable format (portability) and to object to the processing, and you "
            "may withdraw your consent without any effect on the help you receive. If you believe your data "
            "are processed unlawfully, you may lodge a complaint with the Italian data protection authority, "
            "the Garante per la protezione dei dati personali (www.garanteprivacy.it, Piazza Venezia 11, "
            "00187 Rome)."
        ),
    },
}

# What each audited action means to her; unknown actions print their code.
ACTIONS: dict[str, dict[str, str]] = {
    "it": {
        "case.created": "apertura della scheda",
        "case.read": "consultazione della scheda",
        "case.subject_access": "stampa della copia dei dati",
        "case.status": "cambio di stato",
        "case.closed": "chiusura",
        "case.reopened": "riapertura",
        "identity.updated": "modifica dei dati identificativi",
        "identity.erased": "cancellazione dei dati identificativi",
        "profile.updated": "modifica dei dati statistici",
        "consent.granted": "consenso registrato",
        "consent.withdrawn": "revoca del consenso",
        "intake.created": "colloquio registrato",
        "risk.created": "valutazione del rischio registrata",
        "pathway.agreed": "percorso concordato",
        "pathway.reviewed": "verifica del percorso",
        "goal.created": "obiettivo aggiunto",
        "goal.updated": "obiettivo aggiornato",
        "service.created": "prestazione registrata",
        "referral.created": "invio registrato",
        "referral.updated": "esito dell'invio registrato",
        "access.denied": "tentativo di accesso respinto",
    },
    "en": {
        "case.created": "file opened",
        "case.read": "file read",
        "case.subject_access": "copy of the data printed",
        "case.status": "status changed",
        "case.closed": "closed",
        "case.reopened": "reopened",
        "identity.updated": "identifying data changed",
        "identity.erased": "identifying data erased",
        "profile.updated": "statistical data changed",
        "consent.granted": "consent recorded",
        "consent.withdrawn": "consent withdrawn",
        "intake.created": "interview recorded",
        "risk.created": "risk assessment recorded",
        "pathway.agreed": "pathway agreed",
        "pathway.reviewed": "pathway reviewed",
        "goal.created": "goal added",
        "goal.updated": "goal updated",
        "service.created": "service recorded",
        "referral.created": "referral recorded",
        "referral.updated": "referral outcome recorded",
        "access.denied": "access attempt refused",
    },
}

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
    s = STRINGS[lang]
    styles = make_styles()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PORTRAIT,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=s["subtitle"],
        author=centre,
        creator="Ascolto",
    )
    frame = content_frame(PORTRAIT)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
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
        self.styles, self.lang, self.s, self.tz = styles, lang, STRINGS[lang], tz
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
                ("notes", intake.notes),
            ]
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
    actions = ACTIONS[lang]
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
