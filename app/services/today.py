""" "Oggi": what is due today for the operator who unlocked, read in a handful of indexed queries.

Every list starts from the open cases she may see (an operatrice: her help desk; a coordinatrice and an
amministratrice: every desk) and asks one index seek per case, so the page costs the same whether the
archive holds ten years or one. Due items:

* pathway reviews: the review planned at the agreement or the last review is past, or within a week
  (`reviews_due_between` gives the same dates for any span: the agenda's week);
* goals not yet reached whose deadline is past or within 14 days;
* cases with no service, contact or interview for N weeks (and no appointment ahead);
* processing consents given under an older privacy notice than the current one;
* cases opened at a first contact and still waiting for the intake interview;
* for coordinators and administrators: the backup reminder and the retention items due.

Names are shown, so the read is audited: one event per view of the page, with the number of cases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, literal, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import HelpDesk, Role
from app.models.agenda import SCHEDULED, Appointment, CaseActivity
from app.models.cases import Case, Goal, Identity, Pathway
from app.services import audit, retention
from app.services import settings as centre_settings
from app.services import validation as v
from app.services.agenda import AppointmentView, appointments_in, desks_in_scope, display_name
from app.services.cases.records import CURRENT_NOTICE_VERSION, OPEN_STATUSES
from app.services.errors import ValidationError
from app.services.workspace import Actor, Workspace

REVIEW, GOAL, INACTIVE, CONSENT, INTAKE = "review", "goal", "inactive", "consent", "intake"
KINDS = (REVIEW, GOAL, INACTIVE, CONSENT, INTAKE)
TAB = {REVIEW: "pathway", GOAL: "pathway", INACTIVE: "services", CONSENT: "consents", INTAKE: "interviews"}
"""The case-file tab each kind of item opens at."""
OPEN_GOALS = ("DA_AVVIARE", "IN_CORSO")
GOAL_DAYS = 14
REVIEW_NOTICE_DAYS = 7
LIST_LIMIT = 200  # lines shown per kind; the count is always the full one


@dataclass(frozen=True)
class TodaySettings:
    inactive_weeks: int = centre_settings.TODAY_INACTIVE_WEEKS.default
    review_months: int = centre_settings.TODAY_REVIEW_MONTHS.default
    high_risk_weeks: int = centre_settings.REVIEW_HIGH_RISK_WEEKS.default  # 0: no shorter interval


@dataclass(frozen=True)
class DueItem:
    kind: str
    case_id: int
    code: str
    name: str
    desk_name: str
    day: dt.date | None  # the date that makes it due (deadline, last activity, consent date...)
    detail: str = ""  # a code: the goal's area, the consent's notice version

    @property
    def tab(self) -> str:
        return TAB[self.kind]


@dataclass(frozen=True)
class TodayView:
    day: dt.date
    settings: TodaySettings
    items: dict[str, list[DueItem]]
    counts: dict[str, int]
    appointments: list[AppointmentView]
    desks: list[tuple[int, str]] = field(default_factory=list)  # the desks whose agenda she may print

    @property
    def total(self) -> int:
        """What the sidebar shows beside "Oggi"."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class Chores:
    """The centre's own deadlines, for coordinators and administrators."""

    backup_due: bool
    last_backup_at: dt.datetime | None
    retention_cases: int  # closed case files past the retention period, identity still held
    retention_contacts: int  # contact-only records past their period, not yet reduced

    @property
    def count(self) -> int:
        return int(self.backup_due) + int(bool(self.retention_cases or self.retention_contacts))


# --- settings ---------------------------------------------------------------------------------------------
def _settings(session: Session) -> TodaySettings:
    return TodaySettings(
        centre_settings.get(session, centre_settings.TODAY_INACTIVE_WEEKS),
        centre_settings.get(session, centre_settings.TODAY_REVIEW_MONTHS),
        centre_settings.get(session, centre_settings.REVIEW_HIGH_RISK_WEEKS),
    )


def get_settings(ws: Workspace) -> TodaySettings:
    ws.require_actor()
    with ws.transaction(write=False) as session:
        return _settings(session)


def set_settings(ws: Workspace, settings: TodaySettings) -> None:
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    choices = (
        (
            centre_settings.TODAY_INACTIVE_WEEKS,
            settings.inactive_weeks,
            "inactive_weeks",
            QT_TRANSLATE_NOOP("Errors", "Enter a number of weeks from 1 to 52."),
        ),
        (
            centre_settings.TODAY_REVIEW_MONTHS,
            settings.review_months,
            "review_months",
            QT_TRANSLATE_NOOP("Errors", "Enter a number of months from 1 to 24."),
        ),
        (
            centre_settings.REVIEW_HIGH_RISK_WEEKS,
            settings.high_risk_weeks,
            "high_risk_weeks",
            QT_TRANSLATE_NOOP("Errors", "Enter a number of weeks from 0 (none) to 52."),
        ),
    )
    for setting, value, name, message in choices:
        if not setting.accepts(value):
            raise ValidationError(message, field=name)
    with ws.transaction() as session:
        for setting, value, _name, _message in choices:
            centre_settings.put(session, setting, value)
            audit.record(
                session, actor.operator_id, "setting.changed", "setting", setting.key, {"value": str(value)}
            )


# --- what is due ------------------------------------------------------------------------------------------
def _scope(actor: Actor, statuses: Sequence[str]) -> list[ColumnElement[bool]]:
    """Her open cases, as the activity rows say: status (BLOCCATO once consent is withdrawn) and desk."""
    conditions: list[ColumnElement[bool]] = [CaseActivity.status.in_(list(statuses))]
    own = desks_in_scope(actor)
    if own is not None:
        conditions.append(CaseActivity.desk_id == own)
    return conditions


def _activity(actor: Actor, statuses: Sequence[str], day: Any, detail: Any) -> Select:
    return select(CaseActivity.case_id, day, detail).where(*_scope(actor, statuses))


def _planned_reviews(actor: Actor, end: dt.date, start: dt.date | None = None) -> Select:
    """Her pathways in progress whose planned review falls by `end` (and from `start`), soonest first:
    one range of the index on (status, review_due, desk)."""
    query = _activity(actor, ("IN_CORSO",), CaseActivity.review_due, literal("")).where(
        CaseActivity.review_due <= end
    )
    if start is not None:
        query = query.where(CaseActivity.review_due >= start)
    return query.order_by(CaseActivity.review_due, CaseActivity.case_id)


def _reviews(actor: Actor, day: dt.date) -> Select:
    # due when the planned review is past or within a week
    return _planned_reviews(actor, day + dt.timedelta(days=REVIEW_NOTICE_DAYS))


def reviews_due_between(
    session: Session, actor: Actor, start: dt.date, end: dt.date
) -> list[tuple[int, dt.date]]:
    """(case id, planned review) of her pathways in progress planned from `start` to `end` included, in
    the caller's unit of work (the agenda's week; Oggi reads the same index): the desks she may see,
    soonest first. Not audited: codes and dates only, the caller audits what it shows."""
    rows = session.execute(_planned_reviews(actor, end, start)).all()
    return [(int(case_id), when) for case_id, when, _detail in rows if isinstance(when, dt.date)]


def _goals(actor: Actor, last: dt.date, first: dt.date | None = None) -> Select:
    """Open goals whose deadline is on or before `last` (and, if given, on or after `first`)."""
    query = (
        select(Pathway.case_id, Goal.due_on, Goal.area)
        .select_from(Goal)
        .join(Pathway, Pathway.id == Goal.pathway_id)
        .join(CaseActivity, CaseActivity.case_id == Pathway.case_id)
        .where(Goal.status.in_(OPEN_GOALS), Goal.due_on <= last, *_scope(actor, OPEN_STATUSES))
        .order_by(Goal.due_on, Pathway.case_id)
    )
    return query if first is None else query.where(Goal.due_on >= first)


def _inactive(actor: Actor, day: dt.date, weeks: int) -> Select:
    since = day - dt.timedelta(weeks=weeks)
    return (
        _activity(actor, ("IN_ACCOGLIENZA", "IN_CORSO"), CaseActivity.last_on, literal(""))
        .where(
            CaseActivity.last_on < since,
            ~exists().where(
                Appointment.case_id == CaseActivity.case_id,
                Appointment.date >= day,
                Appointment.status == SCHEDULED,
            ),
        )
        .order_by(CaseActivity.last_on, CaseActivity.case_id)
    )


def _consents(actor: Actor) -> Select:
    return (
        _activity(actor, OPEN_STATUSES, CaseActivity.consent_on, CaseActivity.consent_notice)
        .where(CaseActivity.consent_notice != CURRENT_NOTICE_VERSION)
        .order_by(CaseActivity.consent_on, CaseActivity.case_id)
    )


def _waiting_intake(actor: Actor) -> Select:
    return (
        _activity(actor, ("IN_ACCOGLIENZA",), CaseActivity.last_on, literal(""))
        .where(CaseActivity.intake_on.is_(None))
        .order_by(CaseActivity.case_id)
    )


def _count(session: Session, query: Select) -> int:
    """The full count of a due list, from the same index range, without its order."""
    return int(session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0)


def _as_date(value: object) -> dt.date | None:
    """Dates read through a literal or a coalesce come back as text."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _labels(session: Session, case_ids: set[int]) -> dict[int, tuple[str, str, str]]:
    """Code, her name and the desk of the cases shown, in one read."""
    if not case_ids:
        return {}
    rows = session.execute(
        select(Case.id, Case.code, Identity.first_name, Identity.last_name, HelpDesk.name)
        .join(HelpDesk, HelpDesk.id == Case.help_desk_id)
        .outerjoin(Identity, Identity.case_id == Case.id)
        .where(Case.id.in_(case_ids))
    )
    return {r[0]: (r[1], display_name(r[2], r[3]), r[4]) for r in rows}


def _backup(session: Session, now: dt.datetime) -> tuple[bool, dt.datetime | None]:
    last = centre_settings.find(session, centre_settings.LAST_BACKUP)
    days = centre_settings.get(session, centre_settings.BACKUP_REMINDER_DAYS)
    return last is None or now - last > dt.timedelta(days=days), last


def overview(ws: Workspace, today: dt.date | None = None, limit: int = LIST_LIMIT) -> TodayView:
    """Everything due for her today, and today's and tomorrow's appointments. One audit event."""
    actor = ws.require_actor()
    day = today or v.today()
    with ws.transaction(write=False) as session:
        settings = _settings(session)
        queries = {
            REVIEW: _reviews(actor, day),
            GOAL: _goals(actor, day + dt.timedelta(days=GOAL_DAYS)),
            INACTIVE: _inactive(actor, day, settings.inactive_weeks),
            CONSENT: _consents(actor),
            INTAKE: _waiting_intake(actor),
        }
        counts = {kind: _count(session, query) for kind, query in queries.items()}
        shown = {kind: session.execute(query.limit(limit)).all() for kind, query in queries.items()}
        appointments = appointments_in(session, actor, [day, day + dt.timedelta(days=1)])
        ids = {r[0] for rows in shown.values() for r in rows}
        labels = _labels(session, ids)
        items = {
            kind: [
                DueItem(
                    kind,
                    case_id,
                    *labels[case_id],
                    _as_date(when),
                    str(detail or ""),
                )
                for case_id, when, detail in rows
            ]
            for kind, rows in shown.items()
        }
        desk_query = (
            select(HelpDesk.id, HelpDesk.name).where(HelpDesk.active.is_(True)).order_by(HelpDesk.name)
        )
        own = desks_in_scope(actor)
        if own is not None:
            desk_query = select(HelpDesk.id, HelpDesk.name).where(HelpDesk.id == own)
        desks = [(int(i), str(n)) for i, n in session.execute(desk_query)]
    with ws.transaction() as session:  # names were read: one event for the page, not one per line
        audit.record(
            session,
            actor.operator_id,
            "today.viewed",
            None,
            None,
            {"cases": len(ids | {a.case_id for a in appointments if a.case_id is not None})},
        )
    return TodayView(day, settings, items, counts, appointments, desks)


def chores(ws: Workspace, today: dt.date | None = None) -> Chores:
    """The backup reminder and the retention items due (coordinators and administrators)."""
    ws.require_actor(Role.COORDINATRICE)
    day = today or v.today()
    with ws.transaction(write=False) as session:
        due, last = _backup(session, dt.datetime.now(dt.UTC).replace(tzinfo=None))
        cases_due, contacts_due = retention.due_counts(session, day)
    return Chores(due, last, cases_due, contacts_due)


# --- a week (the Agenda page) -----------------------------------------------------------------------------
def goals_due_between(
    session: Session, actor: Actor, start: dt.date, end: dt.date
) -> list[tuple[int, dt.date, str]]:
    """Open goals of her desks with a deadline from `start` to `end`: (case id, deadline, area)."""
    return [(int(c), d, str(a)) for c, d, a in session.execute(_goals(actor, end, start))]
