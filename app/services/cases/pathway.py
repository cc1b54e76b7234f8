"""The personalised pathway agreed with her: the presa in carico, its goals and its reviews.

Agreeing and each review plan the next review (app.services.cases.planning); a goal's edits keep what it
said before (GoalVersion), so the pathway tab and her art. 15 copy show how it changed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.cases import Case, Goal, GoalVersion, Pathway, PathwayReview
from app.services import audit
from app.services import validation as v
from app.services.cases.permissions import (
    changing_case,
    load_case,
    not_after_closure,
    require_open,
    require_writable,
)
from app.services.cases.planning import next_review
from app.services.cases.records import MAX_NOTES
from app.services.errors import NotFound, ValidationError
from app.services.workspace import Actor, Workspace


def agree_pathway(
    ws: Workspace, case_id: int, agreed_on: date, notes: str = "", next_review_on: date | None = None
) -> int:
    """The presa in carico: a pathway agreed with her, and when it is reviewed first (None: one interval
    on, as `planning.review_interval` says). The case moves to IN_CORSO."""
    when = v.check_date(agreed_on, "agreed_on")
    assert when is not None
    notes = v.check_text(notes, "notes", MAX_NOTES)
    with changing_case(ws, case_id) as (session, actor, case):
        require_open(case)
        v.check_not_before(when, case.opened_on, "agreed_on")
        if session.scalar(select(Pathway.id).where(Pathway.case_id == case.id)) is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This case already has a pathway."))
        row = Pathway(
            case_id=case.id,
            agreed_on=when,
            notes=notes,
            operator_id=actor.operator_id,
            next_review_on=next_review(session, case.id, next_review_on, when, "pathway"),
        )
        session.add(row)
        case.status = "IN_CORSO"
        case.taken_in_charge_on = when
        session.flush()
        audit.record(session, actor.operator_id, "pathway.agreed", "case", case.id)
        return row.id


def _last_review(pathway: Pathway) -> date:
    return max([pathway.agreed_on, *(r.date for r in pathway.reviews)])


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


def _goal_to_change(session: Session, actor: Actor, goal_id: int) -> tuple[Goal, Case]:
    goal = session.get(Goal, goal_id)
    if goal is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such goal."))
    pathway = session.get_one(Pathway, goal.pathway_id)
    case = load_case(session, actor, pathway.case_id, "change")
    require_writable(case)
    return goal, case


def _change_goal(
    session: Session, actor: Actor, goal: Goal, case: Case, description: str, due_on: date | None, status: str
) -> None:
    """Keep what the goal said, then change it; one audit event naming the fields (never their text)."""
    changed = [
        name
        for name, before, after in (
            ("description", goal.description, description),
            ("due_on", goal.due_on, due_on),
            ("status", goal.status, status),
        )
        if before != after
    ]
    if not changed:
        return
    session.add(
        GoalVersion(
            goal_id=goal.id,
            description=goal.description,
            status=goal.status,
            due_on=goal.due_on,
            replaced_by=actor.operator_id,
        )
    )
    goal.description, goal.due_on, goal.status = description, due_on, status
    audit.record(
        session,
        actor.operator_id,
        "goal.updated",
        "case",
        case.id,
        {"goal": goal.id, "fields": ",".join(changed)},
    )


def update_goal(
    ws: Workspace,
    goal_id: int,
    *,
    status: str | None = None,
    due_on: date | None = None,
    description: str | None = None,
) -> None:
    """Change what is given (None: unchanged); the status set in place on the pathway tab comes here."""
    status = None if status is None else v.check_code("goal_status", status, "status")
    due = None if due_on is None else v.check_future_ok(due_on, "due_on")
    text = None if description is None else v.check_text(description, "description", 2000)
    actor = ws.require_actor()
    with ws.transaction() as session:
        goal, case = _goal_to_change(session, actor, goal_id)
        _change_goal(
            session,
            actor,
            goal,
            case,
            goal.description if text is None else text,
            goal.due_on if due is None else due,
            goal.status if status is None else status,
        )


def edit_goal(ws: Workspace, goal_id: int, description: str, due_on: date | None, status: str) -> None:
    """The goal as she rewrote it (no deadline: None); the version it replaces is kept."""
    status = v.check_code("goal_status", status, "status")
    due = v.check_future_ok(due_on, "due_on")
    text = v.check_text(description, "description", 2000)
    actor = ws.require_actor()
    with ws.transaction() as session:
        goal, case = _goal_to_change(session, actor, goal_id)
        _change_goal(session, actor, goal, case, text, due, status)


def add_pathway_review(
    ws: Workspace, case_id: int, on: date, notes: str = "", next_review_on: date | None = None
) -> int:
    """A review of the pathway, and the next one planned (None: one interval on)."""
    when = v.check_date(on, "date")
    assert when is not None
    notes = v.check_text(notes, "notes", MAX_NOTES)
    with changing_case(ws, case_id) as (session, actor, case):
        pathway = _pathway(session, case)
        v.check_not_before(when, pathway.agreed_on, "date", since="pathway")
        not_after_closure(case, when)
        planned = next_review(session, case.id, next_review_on, when, "review")
        latest = _last_review(pathway)
        review = PathwayReview(
            pathway_id=pathway.id,
            date=when,
            notes=notes,
            operator_id=actor.operator_id,
            next_review_on=planned,
        )
        session.add(review)
        if pathway.next_review_on is None or when >= latest:
            pathway.next_review_on = planned  # a review recorded late does not replace a later one's plan
        session.flush()
        audit.record(session, actor.operator_id, "pathway.reviewed", "case", case.id)
        return review.id
