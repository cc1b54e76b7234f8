"""Opening a case file: everything an authorised operator sees of one case, in one audited read."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.accounts import HelpDesk, Operator
from app.models.agenda import SCHEDULED, Appointment
from app.models.cases import (
    Case,
    ConsentEvent,
    Goal,
    GoalVersion,
    Intake,
    Pathway,
    PoliceReportEvent,
    Referral,
    RiskAssessment,
    ServiceDelivery,
)
from app.services import audit
from app.services import validation as v
from app.services.cases.permissions import load_case
from app.services.cases.planning import review_interval
from app.services.cases.records import (
    CaseFile,
    ConsentView,
    GoalVersionView,
    GoalView,
    HistoryEntry,
    IdentityInput,
    IntakeView,
    NextAppointment,
    PathwayView,
    PerpetratorInput,
    PoliceReportView,
    ProfileInput,
    ReferralView,
    ReviewView,
    RiskView,
    ServiceView,
)
from app.services.workspace import Workspace


def get_case(ws: Workspace, case_id: int) -> CaseFile:
    """Open a case file. Audited: who read which case, when."""
    actor = ws.require_actor()
    with ws.transaction() as session:
        case = load_case(session, actor, case_id, "read")
        audit.record(session, actor.operator_id, "case.read", "case", case.id)
        return _case_file(session, case)


def _case_file(session: Session, case: Case) -> CaseFile:
    ident = case.identity
    identity = (
        IdentityInput(
            ident.first_name,
            ident.last_name,
            ident.birth_date,
            ident.tax_code,
            ident.phone,
            ident.email,
            ident.address,
            ident.safe_contact_channel,
            ident.safe_contact_times,
            ident.safe_contact_notes,
            ident.notes,
        )
        if ident is not None
        else None
    )
    profile = ProfileInput(
        case.birth_year,
        case.country,
        case.education,
        case.employment,
        case.marital_status,
        v.decode_codes(case.cohabitation),
        case.has_children,
        case.children_count,
        case.minors_count,
        case.minors_witnessed,
        case.minors_suffered,
        case.pregnant,
    )
    consents = [
        ConsentView(c.scope, c.granted, c.partner, c.notice_version, c.date)
        for c in session.scalars(
            select(ConsentEvent)
            .where(ConsentEvent.case_id == case.id)
            .order_by(ConsentEvent.date, ConsentEvent.id)
        )
    ]
    intakes = _intakes(session, case.id)
    risks = [
        RiskView(r.id, r.date, r.level, r.tool, r.notes)
        for r in session.scalars(
            select(RiskAssessment).where(RiskAssessment.case_id == case.id).order_by(RiskAssessment.date)
        )
    ]
    pathway = _pathway(session, case.id)
    services = [
        ServiceView(
            s.id,
            s.date,
            s.service_type,
            s.mode,
            s.minutes,
            s.operator_role,
            s.beneficiary,
            s.help_desk_id,
            s.notes,
        )
        for s in session.scalars(
            select(ServiceDelivery)
            .where(ServiceDelivery.case_id == case.id)
            .order_by(ServiceDelivery.date.desc(), ServiceDelivery.id.desc())
        )
    ]
    referrals = [
        ReferralView(
            r.id, r.date, r.destination, r.outcome, r.outcome_on, r.shares_data, r.children_count, r.notes
        )
        for r in session.scalars(select(Referral).where(Referral.case_id == case.id).order_by(Referral.date))
    ]
    history = _history(session, case.id)
    police = [
        PoliceReportView(e.id, e.date, e.stage)
        for e in session.scalars(
            select(PoliceReportEvent)
            .where(PoliceReportEvent.case_id == case.id)
            .order_by(PoliceReportEvent.date, PoliceReportEvent.id)
        )
    ]
    desk = session.get_one(HelpDesk, case.help_desk_id)
    return CaseFile(
        case.id,
        case.code,
        case.status,
        case.help_desk_id,
        desk.name,
        case.opened_on,
        case.taken_in_charge_on,
        case.closed_on,
        case.contact_allowed,
        case.processing_consent,
        case.statistics_allowed,
        identity,
        profile,
        consents,
        intakes,
        risks,
        pathway,
        services,
        referrals,
        history,
        police,
        review_interval=review_interval(session, case.id),
        next_appointment=_next_appointment(session, case.id),
    )


def _next_appointment(session: Session, case_id: int) -> NextAppointment | None:
    """Her first scheduled appointment from today on, at whichever desk."""
    row = session.execute(
        select(Appointment.date, Appointment.time, Appointment.purpose, HelpDesk.name)
        .join(HelpDesk, HelpDesk.id == Appointment.help_desk_id)
        .where(Appointment.case_id == case_id, Appointment.status == SCHEDULED, Appointment.date >= v.today())
        .order_by(Appointment.date, Appointment.time)
        .limit(1)
    ).first()
    return NextAppointment(row[0], row[1], row[2], row[3]) if row is not None else None


def _intakes(session: Session, case_id: int) -> list[IntakeView]:
    return [
        IntakeView(
            i.id,
            i.date,
            i.access_channel,
            i.first_contact_mode,
            v.decode_codes(i.violence_forms),
            i.relationship_code,
            i.violence_duration,
            i.police_report,
            i.complaint_withdrawn,
            v.decode_codes(i.measures_requested),
            v.decode_codes(i.measures_obtained),
            i.emergency,
            i.notes,
            v.decode_codes(i.help_sought),
            PerpetratorInput(
                i.perpetrators_count,
                i.perpetrator_sex,
                i.perpetrator_age,
                i.perpetrator_citizenship,
                i.perpetrator_weapons,
                i.perpetrator_alcohol,
                i.perpetrator_drugs,
                i.perpetrator_prior_violence,
            ),
        )
        for i in session.scalars(
            select(Intake).where(Intake.case_id == case_id).order_by(Intake.date, Intake.id)
        )
    ]


def _goal_versions(session: Session, pathway_id: int) -> dict[int, list[GoalVersionView]]:
    """Every earlier version of the pathway's goals, in one read, oldest first."""
    versions: dict[int, list[GoalVersionView]] = {}
    for row, name in session.execute(
        select(GoalVersion, Operator.full_name)
        .join(Goal, Goal.id == GoalVersion.goal_id)
        .outerjoin(Operator, Operator.id == GoalVersion.replaced_by)
        .where(Goal.pathway_id == pathway_id)
        .order_by(GoalVersion.id)
    ):
        versions.setdefault(row.goal_id, []).append(
            GoalVersionView(row.description, row.status, row.due_on, row.replaced_at, name or "")
        )
    return versions


def _pathway(session: Session, case_id: int) -> PathwayView | None:
    pathway_row = session.scalar(select(Pathway).where(Pathway.case_id == case_id))
    versions = {} if pathway_row is None else _goal_versions(session, pathway_row.id)
    return (
        PathwayView(
            pathway_row.id,
            pathway_row.agreed_on,
            pathway_row.closed_on,
            pathway_row.outcome,
            pathway_row.notes,
            [
                GoalView(g.id, g.area, g.description, g.status, g.due_on, tuple(versions.get(g.id, ())))
                for g in pathway_row.goals
            ],
            [ReviewView(r.id, r.date, r.notes, r.next_review_on) for r in pathway_row.reviews],
            pathway_row.next_review_on,
        )
        if pathway_row is not None
        else None
    )


def _history(session: Session, case_id: int) -> list[HistoryEntry]:
    return [
        HistoryEntry(event.at.isoformat(sep=" "), event.operator_id, event.action, name or "")
        for event, name in session.execute(
            select(audit.AuditEvent, Operator.full_name)
            .outerjoin(Operator, Operator.id == audit.AuditEvent.operator_id)
            .where(audit.AuditEvent.entity == "case", audit.AuditEvent.entity_id == str(case_id))
            .order_by(audit.AuditEvent.id.desc())
            .limit(500)
        )
    ]
