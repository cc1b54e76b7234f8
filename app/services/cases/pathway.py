"""The personalised pathway agreed with her: the presa in carico, its goals and its reviews."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.cases import Case, Goal, Pathway, PathwayReview
from app.services import audit
from app.services import validation as v
from app.services.cases.permissions import (
    changing_case,
    load_case,
    not_after_closure,
    require_open,
    require_writable,
)
from app.services.cases.records import MAX_NOTES
from app.services.errors import NotFound, ValidationError
from app.services.workspace import Workspace


def agree_pathway(ws: Workspace, case_id: int, agreed_on: date, notes: str = "") -> int:
    """The presa in carico: a pathway agreed with her. The case moves to IN_CORSO."""
    when = v.check_date(agreed_on, "agreed_on")
    assert when is not None
    notes = v.check_text(notes, "notes", MAX_NOTES)
    with changing_case(ws, case_id) as (session, actor, case):
        require_open(case)
        v.check_not_before(when, case.opened_on, "agreed_on")
        if session.scalar(select(Pathway.id).where(Pathway.case_id == case.id)) is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This case already has a pathway."))
        row = Pathway(case_id=case.id, agreed_on=when, notes=notes, operator_id=actor.operator_id)
        session.add(row)
        case.status = "IN_CORSO"
        case.taken_in_charge_on = when
        session.flush()
        audit.record(session, actor.operator_id, "pathway.agreed", "case", case.id)
        return row.id


def _pathway(session: Session, case: Case) -> Pathway:
    pathway = session.scalar(select(Pathway).where(Pathway.case_id == case.id))
    if pathway is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Agree a pathway with her first."))
    return pathway


def add_goal(
    ws: Workspace,
    case_id: int,
    area: str,
    description: str = "",
    due_on: date | None = None,
    status: str = "DA_AVVIARE",
) -> int:
    area = v.check_code("goal_area", area, "area")
    status = v.check_code("goal_status", status, "status")
    description = v.check_text(description, "description", 2000)
    due = v.check_future_ok(due_on, "due_on")
    with changing_case(ws, case_id) as (session, actor, case):
        pathway = _pathway(session, case)
        goal = Goal(pathway_id=pathway.id, area=area, description=description, status=status, due_on=due)
        session.add(goal)
        session.flush()
        audit.record(session, actor.operator_id, "goal.created", "case", case.id, {"area": area})
        return goal.id


def update_goal(
    ws: Workspace,
    goal_id: int,
    *,
    status: str | None = None,
    due_on: date | None = None,
    description: str | None = None,
) -> None:
    actor = ws.require_actor()
    with ws.transaction() as session:
        goal = session.get(Goal, goal_id)
        if goal is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such goal."))
        pathway = session.get_one(Pathway, goal.pathway_id)
        case = load_case(session, actor, pathway.case_id, "change")
        require_writable(case)
        if status is not None:
            goal.status = v.check_code("goal_status", status, "status")
        if due_on is not None:
            goal.due_on = v.check_future_ok(due_on, "due_on")
        if description is not None:
            goal.description = v.check_text(description, "description", 2000)
        audit.record(session, actor.operator_id, "goal.updated", "case", case.id, {"goal": goal.id})


def add_pathway_review(ws: Workspace, case_id: int, on: date, notes: str = "") -> int:
    when = v.check_date(on, "date")
    assert when is not None
    notes = v.check_text(notes, "notes", MAX_NOTES)
    with changing_case(ws, case_id) as (session, actor, case):
        pathway = _pathway(session, case)
        v.check_not_before(when, pathway.agreed_on, "date", since="pathway")
        not_after_closure(case, when)
        review = PathwayReview(pathway_id=pathway.id, date=when, notes=notes, operator_id=actor.operator_id)
        session.add(review)
        session.flush()
        audit.record(session, actor.operator_id, "pathway.reviewed", "case", case.id)
        return review.id
