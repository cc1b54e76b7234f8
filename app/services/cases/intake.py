"""The first steps with her: an anonymous contact, opening the case at intake, interviews, risk."""

from __future__ import annotations

import datetime as dt
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, Role
from app.models.cases import Case, ConsentEvent, Contact, Identity, Intake, RiskAssessment
from app.models.centre import CaseTombstone
from app.services import audit
from app.services import validation as v
from app.services.cases.cleaning import clean_identity, clean_profile, intake_values, risk_values
from app.services.cases.permissions import (
    changing_case,
    desk_for,
    load_case,
    not_after_closure,
    require_writable,
)
from app.services.cases.records import (
    CURRENT_NOTICE_VERSION,
    CaseRef,
    ConsentInput,
    ContactInput,
    IdentityInput,
    IntakeInput,
    ProfileInput,
    RiskInput,
)
from app.services.cases.search import set_name_tokens
from app.services.errors import ValidationError
from app.services.workspace import Actor, Workspace


def record_contact(ws: Workspace, contact: ContactInput, case_id: int | None = None) -> int:
    """An anonymous first contact: all that is kept when she does not consent to processing."""
    actor = ws.require_actor()
    with ws.transaction() as session:
        if case_id is not None:
            require_writable(load_case(session, actor, case_id, "change"))
        row = _contact_row(session, actor, contact, case_id)
        session.add(row)
        session.flush()
        audit.record(session, actor.operator_id, "contact.created", "contact", row.id)
        return row.id


def _contact_row(session: Session, actor: Actor, contact: ContactInput, case_id: int | None) -> Contact:
    return Contact(
        date=v.check_date(contact.date, "date"),
        help_desk_id=desk_for(session, actor, contact.help_desk_id, taking=True),
        access_channel=v.check_code("access_channel", contact.access_channel, "access_channel"),
        first_contact_mode=v.check_code(
            "first_contact_mode", contact.first_contact_mode, "first_contact_mode"
        ),
        reason=v.check_code("contact_reason", contact.reason, "reason"),
        case_id=case_id,
        operator_id=actor.operator_id,
    )


def open_case(
    ws: Workspace,
    identity: IdentityInput,
    profile: ProfileInput,
    consent: ConsentInput,
    *,
    opened_on: date | None = None,
    help_desk_id: int | None = None,
    contact: ContactInput | None = None,
    intake: IntakeInput | None = None,
    risk: RiskInput | None = None,
) -> CaseRef:
    """Open a case at intake, with her first interview and risk assessment if given, all or nothing.

    Refused without processing consent: record an anonymous contact instead.
    """
    actor = ws.require_actor()
    scopes = set(consent.scopes)
    if "TRATTAMENTO" not in scopes:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A case can be opened only with her consent to processing. Without it, record an anonymous "
                "contact.",
            ),
            field="consent",
        )
    for scope in sorted(scopes):
        v.check_code("consent_scope", scope, "consent")
    for partner in consent.partners:
        v.check_code("referral_destination", partner, "partners")
    consent_date = v.check_date(consent.date, "consent_date")
    assert consent_date is not None
    opened = v.check_date(opened_on or v.today(), "opened_on")
    assert opened is not None
    checked_identity = clean_identity(identity)
    checked_profile = clean_profile(profile)
    checked_intake = intake_values(intake) if intake is not None else None
    checked_risk = risk_values(risk) if risk is not None else None
    notice = v.check_text(consent.notice_version, "notice_version", 30) or CURRENT_NOTICE_VERSION
    with ws.transaction() as session:
        desk_id = desk_for(session, actor, help_desk_id, taking=True)
        centre = session.get_one(Centre, 1)
        year = opened.year
        seq = next_case_seq(session, year)
        case = Case(
            code=f"{centre.code}-{year}-{seq:04d}",
            year=year,
            seq=seq,
            help_desk_id=desk_id,
            status="IN_ACCOGLIENZA",
            opened_on=opened,
            processing_consent=True,
            contact_allowed="CONTATTO_SICURO" in scopes,
            statistics_allowed="STATISTICHE" in scopes,
            created_by=actor.operator_id,
            **checked_profile,
        )
        session.add(case)
        session.flush()
        session.add(Identity(case_id=case.id, **vars(checked_identity)))
        set_name_tokens(session, case.id, checked_identity)
        for scope in sorted(scopes):
            partners = consent.partners if scope == "CONDIVISIONE_RETE" and consent.partners else ("",)
            for partner in partners:
                session.add(
                    ConsentEvent(
                        case_id=case.id,
                        scope=scope,
                        granted=True,
                        partner=partner,
                        notice_version=notice,
                        date=consent_date,
                        operator_id=actor.operator_id,
                    )
                )
        if contact is not None:
            session.add(_contact_row(session, actor, contact, case.id))
        audit.record(session, actor.operator_id, "case.created", "case", case.id)
        if intake is not None and checked_intake is not None:
            _add_intake_row(session, actor, case, intake, checked_intake)
        if checked_risk is not None:
            _add_risk_row(session, actor, case, checked_risk)
        return CaseRef(case.id, case.code)


def _add_intake_row(
    session: Session,
    actor: Actor,
    case: Case,
    intake: IntakeInput,
    checked: tuple[dt.date, dict[str, object]],
) -> int:
    when, values = checked
    v.check_not_before(when, case.opened_on, "date")
    not_after_closure(case, when)
    desk_id = (
        desk_for(session, actor, intake.help_desk_id or case.help_desk_id)
        if actor.at_least(Role.COORDINATRICE)
        else case.help_desk_id
    )
    row = Intake(case_id=case.id, date=when, help_desk_id=desk_id, operator_id=actor.operator_id, **values)
    session.add(row)
    session.flush()
    audit.record(session, actor.operator_id, "intake.created", "case", case.id, {"intake": row.id})
    return row.id


def add_intake(ws: Workspace, case_id: int, intake: IntakeInput) -> int:
    checked = intake_values(intake)
    with changing_case(ws, case_id) as (session, actor, case):
        return _add_intake_row(session, actor, case, intake, checked)


def _add_risk_row(session: Session, actor: Actor, case: Case, risk: RiskInput) -> int:
    v.check_not_before(risk.date, case.opened_on, "date")
    not_after_closure(case, risk.date)
    row = RiskAssessment(
        case_id=case.id,
        date=risk.date,
        level=risk.level,
        tool=risk.tool,
        notes=risk.notes,
        operator_id=actor.operator_id,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor.operator_id, "risk.created", "case", case.id, {"level": risk.level})
    return row.id


def add_risk_assessment(ws: Workspace, case_id: int, on: date, level: str, tool: str, notes: str = "") -> int:
    risk = risk_values(RiskInput(on, level, tool, notes))
    with changing_case(ws, case_id) as (session, actor, case):
        return _add_risk_row(session, actor, case, risk)


def next_case_seq(session: Session, year: int) -> int:
    """The next number of the year: after every case here and every case that moved to another PC
    (a code is never given twice by one installation)."""
    here = session.scalar(select(func.max(Case.seq)).where(Case.year == year)) or 0
    gone = session.scalar(select(func.max(CaseTombstone.seq)).where(CaseTombstone.year == year)) or 0
    return max(here, gone) + 1
