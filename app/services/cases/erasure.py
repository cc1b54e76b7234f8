"""Erasing who she is, every free-text note and every document, on request, on withdrawn consent or by
retention."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models.accounts import Role
from app.models.cases import Case, Intake, NameToken, Pathway, Referral, RiskAssessment, ServiceDelivery
from app.models.documents import CaseDocument
from app.services import audit, erasure_ledger
from app.services import validation as v
from app.services.cases.permissions import load_case, require_role
from app.services.workspace import Workspace


def erase_identity(ws: Workspace, case_id: int) -> None:
    """Remove who she is, every free-text note and every document; keep the anonymous statistical fields.

    Past aggregates stay true because the coded fields, dates and services remain. The audit records
    that an erasure happened, never what was erased.
    """
    actor = ws.require_actor()
    with ws.transaction() as session:
        require_role(actor, Role.COORDINATRICE, case_id, "erase")
        case = load_case(session, actor, case_id, "erase")
        erase_case_identity(session, case, v.today())
        erasure_ledger.note_case(ws, session, erasure_ledger.ERASURE, case, v.today())
        audit.record(session, actor.operator_id, "identity.erased", "case", case.id)
    ws.compact()


def delete_case(
    ws: Workspace, session: Session, case: Case, on: date, *, file_after_commit: bool = False
) -> str:
    """Delete the whole case inside the caller's unit of work (its rows go by the schema's cascades, its
    anonymous contacts stay, unlinked), with the ledger line that keeps a restore from bringing it back
    (returned; see erasure_ledger.note_case for `file_after_commit`). The caller checks and audits."""
    line = erasure_ledger.note_case(
        ws, session, erasure_ledger.DELETION, case, on, file_after_commit=file_after_commit
    )
    session.execute(delete(Case).where(Case.id == case.id))
    return line


def erase_case_identity(session: Session, case: Case, on: date) -> None:
    """The erasure itself, inside the caller's unit of work; the caller checks and audits."""
    if case.identity is not None:
        session.delete(case.identity)
        case.identity = None
    session.execute(delete(NameToken).where(NameToken.case_id == case.id))
    session.execute(delete(CaseDocument).where(CaseDocument.case_id == case.id))  # their bytes by cascade
    for model in (Intake, RiskAssessment, ServiceDelivery, Referral):
        session.execute(model.__table__.update().where(model.case_id == case.id).values(notes=""))  # type: ignore[attr-defined]
    pathway = session.scalar(select(Pathway).where(Pathway.case_id == case.id))
    if pathway is not None:
        pathway.notes = ""
        for goal in pathway.goals:
            goal.description = ""
            goal.versions.clear()  # what her goals said before an edit is her words too
        for review in pathway.reviews:
            review.notes = ""
    case.contact_allowed = False
    case.identity_erased_on = on
