"""Referrals to network partners, refused when they would share data she has not agreed to share."""

from __future__ import annotations

from datetime import date

from app.i18n import QT_TRANSLATE_NOOP
from app.models.cases import Referral
from app.services import audit
from app.services import validation as v
from app.services.cases.consent import sharing_allowed
from app.services.cases.permissions import changing_case, load_case, not_after_closure, require_writable
from app.services.cases.records import MAX_NOTES, ReferralInput
from app.services.errors import NotFound, ValidationError
from app.services.workspace import Workspace


def add_referral(ws: Workspace, case_id: int, referral: ReferralInput) -> int:
    when = v.check_date(referral.date, "date")
    assert when is not None
    destination = v.check_code("referral_destination", referral.destination, "destination")
    outcome = v.check_code("referral_outcome", referral.outcome, "outcome")
    outcome_on = (
        v.check_date(referral.outcome_on, "outcome_on", required=False) if outcome != "IN_ATTESA" else None
    )
    if outcome_on is not None:
        v.check_not_before(outcome_on, when, "outcome_on")
    elif outcome != "IN_ATTESA":
        outcome_on = when  # an outcome without its own date was known when the referral was made
    children = v.check_count(referral.children_count, "children_count") or 0
    notes = v.check_text(referral.notes, "notes", MAX_NOTES)
    with changing_case(ws, case_id) as (session, actor, case):
        v.check_not_before(when, case.opened_on, "date")
        not_after_closure(case, when)
        if referral.shares_data and not sharing_allowed(session, case.id, destination):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "She has not consented to sharing her data with this service. Record her consent first, "
                    "or make the referral without sharing data.",
                ),
                field="shares_data",
            )
        row = Referral(
            case_id=case.id,
            date=when,
            destination=destination,
            outcome=outcome,
            outcome_on=outcome_on,
            shares_data=referral.shares_data,
            children_count=children,
            notes=notes,
            operator_id=actor.operator_id,
        )
        session.add(row)
        session.flush()
        audit.record(
            session, actor.operator_id, "referral.created", "case", case.id, {"destination": destination}
        )
        return row.id


def update_referral_outcome(ws: Workspace, referral_id: int, outcome: str, on: date) -> None:
    actor = ws.require_actor()
    outcome = v.check_code("referral_outcome", outcome, "outcome")
    when = v.check_date(on, "date")
    with ws.transaction() as session:
        referral = session.get(Referral, referral_id)
        if referral is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such referral."))
        case = load_case(session, actor, referral.case_id, "change")
        require_writable(case)
        assert when is not None
        v.check_not_before(when, referral.date, "date", since="referral")
        referral.outcome, referral.outcome_on = outcome, when
        audit.record(session, actor.operator_id, "referral.updated", "case", case.id, {"outcome": outcome})
