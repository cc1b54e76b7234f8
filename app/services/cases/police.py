"""What became of her report to the authorities: steps recorded as the news comes, months or years apart.

A report may predate her first visit (she often reports first, then finds the centre) and court news
may arrive after her pathway closed, so neither the case's opening nor its closure bounds these dates.
What is checked is the order of the proceedings: nothing happens to a report before it is filed, and a
verdict needs a trial.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.i18n import QT_TRANSLATE_NOOP
from app.models.cases import PoliceReportEvent
from app.services import audit
from app.services import validation as v
from app.services.cases.permissions import changing_case
from app.services.errors import ValidationError
from app.services.workspace import Workspace

FILED = "PRESENTATA"
TRIAL = "PROCESSO"
VERDICTS = ("CONDANNA", "ASSOLUZIONE")


def add_police_report_event(ws: Workspace, case_id: int, on: date, stage: str) -> int:
    """Record a step of her report (filed, withdrawn, dismissed, trial, conviction, acquittal) at its date."""
    when = v.check_date(on, "date")
    assert when is not None
    checked = v.check_code("police_report_stage", stage, "stage")
    with changing_case(ws, case_id) as (session, actor, case):
        earlier = set(
            session.scalars(
                select(PoliceReportEvent.stage).where(
                    PoliceReportEvent.case_id == case.id, PoliceReportEvent.date <= when
                )
            )
        )
        if checked != FILED and FILED not in earlier:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Record first the date the report was filed ({field})."),
                field="stage",
            )
        if checked in VERDICTS and TRIAL not in earlier:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "A verdict needs a trial recorded on or before its date ({field})."
                ),
                field="stage",
            )
        row = PoliceReportEvent(case_id=case.id, date=when, stage=checked, operator_id=actor.operator_id)
        session.add(row)
        session.flush()
        audit.record(session, actor.operator_id, "police_report.created", "case", case.id, {"stage": checked})
        return row.id
