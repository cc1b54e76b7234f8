"""Suspending, closing with an outcome, and reopening a case."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Role
from app.models.cases import Pathway
from app.services import audit
from app.services import validation as v
from app.services.cases.permissions import (
    changing_case,
    load_case,
    require_open,
    require_role,
    require_writable,
)
from app.services.cases.records import CLOSING_STATUSES, OPEN_STATUSES
from app.services.errors import ValidationError
from app.services.workspace import Workspace


def set_suspended(ws: Workspace, case_id: int, suspended: bool) -> None:
    with changing_case(ws, case_id) as (session, actor, case):
        require_open(case)
        case.status = (
            "SOSPESO" if suspended else ("IN_CORSO" if case.taken_in_charge_on else "IN_ACCOGLIENZA")
        )
        audit.record(session, actor.operator_id, "case.status", "case", case.id, {"status": case.status})


def close_case(ws: Workspace, case_id: int, outcome: str, closed_on: date) -> None:
    """Close with an outcome; the pathway, if any, closes with it."""
    actor = ws.require_actor()
    if outcome not in CLOSING_STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "'{code}' is not a valid choice ({field})."),
            field="outcome",
            code=outcome[:40],
        )
    when = v.check_date(closed_on, "closed_on")
    assert when is not None
    with ws.transaction() as session:
        case = load_case(session, actor, case_id, "change")
        require_open(case)
        if when < case.opened_on:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A case cannot be closed before it was opened."),
                field="closed_on",
            )
        case.status, case.closed_on = outcome, when
        pathway = session.scalar(select(Pathway).where(Pathway.case_id == case.id))
        if pathway is not None:
            if when < pathway.agreed_on:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "A case cannot be closed before its pathway was agreed."),
                    field="closed_on",
                )
            pathway.closed_on, pathway.outcome = when, outcome
        audit.record(session, actor.operator_id, "case.closed", "case", case.id, {"outcome": outcome})


def reopen_case(ws: Workspace, case_id: int) -> None:
    actor = ws.require_actor()
    with ws.transaction() as session:
        require_role(actor, Role.COORDINATRICE, case_id, "reopen")
        case = load_case(session, actor, case_id, "change")
        require_writable(case)
        if case.status in OPEN_STATUSES:
            return
        case.status = "IN_CORSO" if case.taken_in_charge_on else "IN_ACCOGLIENZA"
        case.closed_on = None
        pathway = session.scalar(select(Pathway).where(Pathway.case_id == case.id))
        if pathway is not None:
            pathway.closed_on, pathway.outcome = None, None
        audit.record(session, actor.operator_id, "case.reopened", "case", case.id)
