"""One row per service delivered: the rows every service indicator counts."""

from __future__ import annotations

from app.models.cases import ServiceDelivery
from app.services import audit
from app.services import validation as v
from app.services.cases.permissions import changing_case, desk_for, not_after_closure
from app.services.cases.records import MAX_NOTES, ServiceInput
from app.services.workspace import Workspace


def add_service(ws: Workspace, case_id: int, service: ServiceInput) -> int:
    """One service delivered: the row every service indicator counts."""
    when = v.check_date(service.date, "date")
    assert when is not None
    values = {
        "service_type": v.check_code("service_type", service.service_type, "service_type"),
        "mode": v.check_code("service_mode", service.mode, "mode"),
        "minutes": v.check_minutes(service.minutes),
        "operator_role": v.check_code("operator_role", service.operator_role, "operator_role"),
        "beneficiary": v.check_code("beneficiary", service.beneficiary, "beneficiary"),
        "notes": v.check_text(service.notes, "notes", MAX_NOTES),
    }
    with changing_case(ws, case_id) as (session, actor, case):
        v.check_not_before(when, case.opened_on, "date")
        not_after_closure(case, when)
        desk_id = (
            desk_for(session, actor, service.help_desk_id) if service.help_desk_id else case.help_desk_id
        )
        row = ServiceDelivery(
            case_id=case.id, date=when, help_desk_id=desk_id, operator_id=actor.operator_id, **values
        )
        session.add(row)
        session.flush()
        audit.record(
            session, actor.operator_id, "service.created", "case", case.id, {"type": values["service_type"]}
        )
        return row.id
