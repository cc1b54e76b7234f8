"""Her right of access (GDPR art. 15): a PDF of everything the centre holds on one woman, for her.

Printed in the office and handed to her, so it is written only where the operator chooses (a path or an
open binary stream) and never through a temporary file. Built on `cases.get_case`, which enforces who
may open the case (a coordinatrice, or the operatrice of the case's help desk) and audits the read; the
document itself is audited as "case.subject_access". It also lists who read or changed her file, with
the operators' names, because who accessed her data is part of what she has a right to know.

The layout is `app.reports.pdf.render_subject_access`, from the view this module builds
(`app.reports.subject_access.SubjectAccessView`: what is held on her, section by section); this module
is the use case: who may, what is read and shown, where it is written, what is audited.

Rectification is ordinary editing, erasure on request is `cases.erase_identity`, withdrawal of consent
is `cases.record_consent`: this module only shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select

from app.i18n import language_code
from app.models.accounts import Centre, HelpDesk, Operator
from app.reports.pdf import render_subject_access
from app.reports.pdf.subject_access import ACTIONS, STRINGS
from app.reports.subject_access import Access, Coded, Fields, Phrase, Retention, Row, SubjectAccessView
from app.services import audit, files, retention
from app.services import validation as v
from app.services.cases import CaseFile, IntakeView, get_case
from app.services.cases.documents import DocumentView, documents_of
from app.services.workspace import Workspace

__all__ = ["ACTIONS", "STRINGS", "intake_fields", "profile_fields", "render", "subject_access_pdf", "view"]


def subject_access_pdf(ws: Workspace, case_id: int, out: files.Destination, lang: str = "it") -> None:
    """Write the PDF of everything held on her into `out` (a path or a binary stream the caller opened).

    Permission and the read audit come from `get_case`; the PDF is rendered in memory and written inside
    the transaction that records "case.subject_access", so a failed write leaves no audit event and an
    audit failure leaves no document behind on a path we created.
    """
    lang = language_code(lang)
    case_file = get_case(ws, case_id)
    actor = ws.require_actor()
    with ws.transaction() as session:
        operator_ids = {h.operator_id for h in case_file.history if h.operator_id is not None}
        names = {
            o.id: o.full_name for o in session.scalars(select(Operator).where(Operator.id.in_(operator_ids)))
        }
        desks = {d.id: d.name for d in session.scalars(select(HelpDesk))}
        centre = session.get_one(Centre, 1).name
        policy = retention.policy_in(session)
        documents = documents_of(session, case_file.id)
        pdf = render(
            case_file, centre, names, desks, lang, issued=v.today(), policy=policy, documents=documents
        )
        created = files.write_document(pdf, out)
        try:
            audit.record(session, actor.operator_id, "case.subject_access", "case", case_file.id)
            session.flush()
        except BaseException:
            if created is not None:
                created.unlink(missing_ok=True)
            raise


def render(
    case_file: CaseFile,
    centre: str,
    operator_names: dict[int, str],
    desk_names: dict[int, str],
    lang: str = "it",
    issued: dt.date | None = None,
    policy: retention.RetentionPolicy | None = None,
    tz: dt.tzinfo | None = None,
    documents: Sequence[DocumentView] = (),
) -> bytes:
    """Her copy as bytes from data already read and permitted; the centre's default periods unless given."""
    shown = view(
        case_file,
        centre,
        operator_names,
        desk_names,
        issued=issued or dt.date.today(),
        policy=policy or retention.RetentionPolicy(),
        documents=documents,
    )
    return render_subject_access(shown, lang, tz=tz)


def view(
    f: CaseFile,
    centre: str,
    operator_names: dict[int, str],
    desk_names: dict[int, str],
    *,
    issued: dt.date,
    policy: retention.RetentionPolicy,
    documents: Sequence[DocumentView] = (),
) -> SubjectAccessView:
    """What her copy shows of her case file: every section, with names in place of ids."""
    w = f.pathway
    return SubjectAccessView(
        code=f.code,
        centre=centre,
        summary=(
            ("case", f.code),
            ("centre", centre),
            ("desk", f.help_desk_name),
            ("issued", issued),
            ("status", Coded.one("case_status", f.status)),
            ("opened", f.opened_on),
            ("in_charge", f.taken_in_charge_on),
            ("closed", f.closed_on),
        ),
        identity=_identity(f),
        profile=profile_fields(f),
        consents=tuple(
            {
                "date": c.date,
                "scope": Coded.one("consent_scope", c.scope),
                "choice": Phrase("granted" if c.granted else "withdrawn"),
                "partner": Coded.one("referral_destination", c.partner),
                "notice": c.notice_version,
            }
            for c in f.consents
        ),
        intakes=tuple((intake.date, intake_fields(intake)) for intake in f.intakes),
        police_steps=tuple(
            {"date": e.date, "stage": Coded.one("police_report_stage", e.stage)}
            for e in f.police_report_events
        ),
        risks=tuple(
            {
                "date": r.date,
                "level": Coded.one("risk_level", r.level),
                "tool": Coded.one("risk_tool", r.tool),
                "notes": r.notes,
            }
            for r in f.risks
        ),
        pathway=None
        if w is None
        else (
            ("agreed", w.agreed_on),
            ("next_review", None if w.closed_on else w.next_review_on),
            ("closed", w.closed_on),
            ("outcome", Coded.one("case_status", w.outcome)),
            ("notes", w.notes),
        ),
        goals=tuple(
            {
                "area": Coded.one("goal_area", g.area),
                "goal_status": Coded.one("goal_status", g.status),
                "due": g.due_on,
                "description": g.description,
            }
            for g in (w.goals if w else ())
        ),
        reviews=tuple({"date": r.date, "notes": r.notes} for r in (w.reviews if w else ())),
        goal_versions=tuple(
            {
                "replaced": old.replaced_at.date(),
                "area": Coded.one("goal_area", g.area),
                "goal_status": Coded.one("goal_status", old.status),
                "due": old.due_on,
                "description": old.description,
            }
            for g in (w.goals if w else ())
            for old in g.history
        ),
        services=_services(f, desk_names),
        referrals=_referrals(f),
        history=_accesses(f, operator_names),
        retention=Retention(policy.case_years, policy.audit_years, policy.full_deletion),
        documents=tuple(  # names and dates: the documents themselves she may ask to see or copy
            {"date": d.added_at.date(), "document_name": d.name, "document_kind": d.kind}
            for d in sorted(documents, key=lambda d: (d.added_at, d.id))
        ),
    )


def _accesses(f: CaseFile, operator_names: dict[int, str]) -> tuple[Access, ...]:
    """Who read or changed her file, oldest first, one line per act as she can tell them apart.

    The case file is read again after every change and the print reads it too: the same person reading
    in the same minute is one consultation, and the read a print made is the print.
    """
    lines: list[Access] = []
    merged = False  # the line before was folded into the one before it
    for h in reversed(f.history):  # newest first in the case file; oldest first for her
        line = Access(h.at, None if h.operator_id is None else operator_names.get(h.operator_id), h.action)
        previous = lines[-1] if lines else None
        if previous is not None and previous.who == line.who and previous.at[:16] == line.at[:16]:
            if previous.action == line.action:
                merged = True
                continue
            if previous.action == "case.read" and line.action == "case.subject_access" and not merged:
                lines.pop()  # the print's own read
        merged = False
        lines.append(line)
    return tuple(lines)


def _identity(f: CaseFile) -> Fields | None:
    i = f.identity
    if i is None:
        return None
    return (
        ("first_name", i.first_name),
        ("last_name", i.last_name),
        ("birth_date", i.birth_date),
        ("tax_code", i.tax_code),
        ("phone", i.phone),
        ("email", i.email),
        ("address", i.address),
        ("safe_channel", Coded.one("safe_contact_channel", i.safe_contact_channel)),
        ("safe_times", i.safe_contact_times),
        ("safe_notes", i.safe_contact_notes),
        ("notes", i.notes),
    )


def profile_fields(f: CaseFile) -> Fields:
    p = f.profile
    return (
        ("birth_year", p.birth_year),
        ("country", Coded.one("country", p.country)),
        ("education", Coded.one("education", p.education)),
        ("employment", Coded.one("employment", p.employment)),
        ("marital_status", Coded.one("marital_status", p.marital_status)),
        ("cohabitation", Coded("cohabitation", tuple(p.cohabitation))),
        ("has_children", Coded.one("has_children", p.has_children)),
        ("children_count", p.children_count),
        ("minors_count", p.minors_count),
        ("minors_witnessed", p.minors_witnessed),
        ("minors_suffered", p.minors_suffered),
        ("pregnant", p.pregnant),
    )


def intake_fields(intake: IntakeView) -> Fields:
    who = intake.perpetrator
    return (
        ("access_channel", Coded.one("access_channel", intake.access_channel)),
        ("first_contact_mode", Coded.one("first_contact_mode", intake.first_contact_mode)),
        ("violence_forms", Coded("violence_form", intake.violence_forms)),
        ("relationship", Coded.one("relationship", intake.relationship)),
        ("violence_duration", Coded.one("violence_duration", intake.violence_duration)),
        ("police_report", Coded.one("police_report", intake.police_report)),
        ("complaint_withdrawn", intake.complaint_withdrawn),
        ("measures_requested", Coded("protective_measure", intake.measures_requested)),
        ("measures_obtained", Coded("protective_measure", intake.measures_obtained)),
        ("emergency", intake.emergency),
        ("help_sought", Coded("help_sought", intake.help_sought)),
        ("perpetrators_count", who.count),
        ("perpetrator_sex", Coded.one("perpetrator_sex", who.sex)),
        ("perpetrator_age", Coded.one("age_istat", who.age)),
        ("perpetrator_citizenship", Coded.one("citizenship_binary", who.citizenship)),
        ("perpetrator_weapons", Coded.one("yes_no", who.weapons)),
        ("perpetrator_alcohol", Coded.one("yes_no", who.alcohol)),
        ("perpetrator_drugs", Coded.one("yes_no", who.drugs)),
        ("perpetrator_prior_violence", Coded.one("yes_no", who.prior_violence)),
        ("notes", intake.notes),
    )


def _services(f: CaseFile, desk_names: dict[int, str]) -> tuple[Row, ...]:
    return tuple(
        {
            "date": x.date,
            "service": Coded.one("service_type", x.service_type),
            "mode": Coded.one("service_mode", x.mode),
            "minutes": x.minutes,
            "role": Coded.one("operator_role", x.operator_role),
            "desk": desk_names.get(x.help_desk_id, ""),
            "notes": x.notes,
        }
        for x in sorted(f.services, key=lambda x: (x.date, x.id))
    )


def _referrals(f: CaseFile) -> tuple[Row, ...]:
    return tuple(
        {
            "date": r.date,
            "destination": Coded.one("referral_destination", r.destination),
            "outcome": Coded.one("referral_outcome", r.outcome),
            "outcome_on": r.outcome_on,
            "shares_data": r.shares_data,
            "children_placed": r.children_count or None,  # none placed: nothing to show
            "notes": r.notes,
        }
        for r in f.referrals
    )
