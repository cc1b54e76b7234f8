"""Who may touch which case, and the checks every change to a case goes through before it writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import HelpDesk, Role
from app.models.cases import Case
from app.services.cases.records import OPEN_STATUSES
from app.services.errors import NotFound, PermissionDenied, ValidationError
from app.services.workspace import Actor, Workspace


def may_access(actor: Actor, case: Case) -> bool:
    return actor.at_least(Role.COORDINATRICE) or case.help_desk_id == actor.help_desk_id


def load_case(session: Session, actor: Actor, case_id: int, action: str) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such case."))
    if not may_access(actor, case):
        denied = PermissionDenied(
            QT_TRANSLATE_NOOP(
                "Errors", "This case belongs to another help desk: you cannot open or change it."
            )
        )
        denied.audit_event = ("case", case_id, {"action": action})  # recorded after the rollback
        raise denied
    return case


def require_role(actor: Actor, role: Role, case_id: int, action: str) -> None:
    """A role refusal on a case, recorded in the audit trail like a help-desk refusal."""
    if not actor.at_least(role):
        denied = PermissionDenied(QT_TRANSLATE_NOOP("Errors", "Your role does not allow this action."))
        denied.audit_event = ("case", case_id, {"action": action})
        raise denied


def not_after_closure(case: Case, when: dt.date) -> None:
    """A closed case takes late records of what happened before it closed, nothing after."""
    if case.closed_on is not None and when > case.closed_on:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "This case was closed on {day}: record only what happened until then."
            ),
            field="date",
            day=case.closed_on.isoformat(),
        )


def require_writable(case: Case) -> None:
    if not case.processing_consent:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "She withdrew her consent to processing: nothing more can be recorded in this case."
            )
        )


def desk_for(session: Session, actor: Actor, desk_id: int | None, *, taking: bool = False) -> int:
    """The desk to record at (hers unless chosen); `taking` a new case or contact, it must be open."""
    desk_id = desk_id if desk_id is not None else actor.help_desk_id
    if desk_id is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a help desk."), field="help_desk")
    desk = session.get(HelpDesk, desk_id)
    if desk is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such help desk."))
    if not actor.at_least(Role.COORDINATRICE) and desk_id != actor.help_desk_id:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "You can record only for your own help desk."))
    if taking and not desk.active:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The help desk {name} is closed: it takes no new cases or contacts."),
            field="help_desk",
            name=desk.name,
        )
    return desk_id


def require_open(case: Case) -> None:
    if case.status not in OPEN_STATUSES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This case is closed."))


@contextmanager
def changing_case(ws: Workspace, case_id: int) -> Iterator[tuple[Session, Actor, Case]]:
    """The preamble of a change to a case: one unit of work, her case reached through the help-desk
    check, and refused once she has withdrawn her consent to processing."""
    actor = ws.require_actor()
    with ws.transaction() as session:
        case = load_case(session, actor, case_id, "change")
        require_writable(case)
        yield session, actor, case
