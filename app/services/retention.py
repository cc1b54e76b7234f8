"""Retention: how long the centre keeps what, and the controlled removal once that time is up.

DOMAIN.md: the CAV (data controller) configures the periods; records past them are erased or reduced to
anonymous counts, with an audit trail. The choices made here:

* **Closed case files** (default 7 years after closure): her identity and every free-text note are
  erased through the same code as an erasure on request (`cases.erase_case_identity`); the coded statistical fields,
  dates and services stay, so the aggregates of past periods stay true. With the policy option
  `full_deletion` the whole case is deleted instead (its anonymous contacts stay, unlinked). Open and
  suspended cases are never due, however old.
* **Contact-only records** (default 18 months): anonymous first contacts without a case. They hold no
  identity and *are* the anonymous counts, so deleting them would falsify the contact figures of past
  periods. Past the period they are *reduced*: the link to the operator who took the call and the exact
  time of entry are dropped (the time becomes the contact's date at midnight); date, help desk and codes,
  all a count needs, stay.
* **Audit events** (default 10 years): removed oldest first through the audit anchor (migration 0003),
  so `verify` still checks the chain from the anchor onwards; the newest event is always kept.

Erasures are audited with the case id and the action only, never what was erased. After applying, the
file is VACUUMed so erased rows do not linger in free pages or WAL frames.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import ColumnElement, String, delete, func, or_, select, text, update
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Role
from app.models.audit import AuditAnchor, AuditEvent
from app.models.base import utcnow
from app.models.cases import Case, Contact
from app.services import audit, erasure_ledger, settings
from app.services import validation as v
from app.services.cases import CLOSING_STATUSES, erase_case_identity
from app.services.cases.erasure import delete_case
from app.services.errors import ValidationError
from app.services.settings import DbSetting
from app.services.workspace import Workspace


@dataclass(frozen=True)
class _Limit:
    setting: DbSetting[int]
    message: str

    @property
    def default(self) -> int:
        return self.setting.default

    @property
    def low(self) -> int:
        return self.setting.minimum or 0

    @property
    def high(self) -> int:
        return self.setting.maximum or 0


# Each period's setting (key, default, allowed range: app.services.settings) and what a wrong one says.
LIMITS: dict[str, _Limit] = {
    "case_years": _Limit(
        settings.RETENTION_CASE_YEARS,
        QT_TRANSLATE_NOOP("Errors", "Closed case files are kept from 1 to 50 years after closure."),
    ),
    "contact_months": _Limit(
        settings.RETENTION_CONTACT_MONTHS,
        QT_TRANSLATE_NOOP("Errors", "Contact-only records are kept from 1 to 120 months."),
    ),
    "audit_years": _Limit(
        settings.RETENTION_AUDIT_YEARS,
        QT_TRANSLATE_NOOP("Errors", "Audit events are kept from 1 to 50 years."),
    ),
}


@dataclass(frozen=True)
class RetentionPolicy:
    """The centre's periods; `full_deletion` deletes closed cases instead of erasing their identity."""

    case_years: int = LIMITS["case_years"].default
    contact_months: int = LIMITS["contact_months"].default
    audit_years: int = LIMITS["audit_years"].default
    full_deletion: bool = settings.RETENTION_FULL_DELETION.default


@dataclass(frozen=True)
class DueCase:
    id: int
    code: str
    closed_on: dt.date


@dataclass(frozen=True)
class RetentionPlan:
    """What is due on `today`: case codes and counts only, never a name."""

    today: dt.date
    policy: RetentionPolicy
    case_cutoff: dt.date  # closed before this day -> due
    contact_cutoff: dt.date
    audit_cutoff: dt.date
    erase: tuple[DueCase, ...]  # identity and notes to erase
    delete: tuple[DueCase, ...]  # whole cases to delete (full_deletion policy)
    contacts: int  # contact-only records to reduce
    audit_events: int  # audit events to remove
    audit_through_id: int  # ... up to and including this id (0: none)

    @property
    def nothing_due(self) -> bool:
        return not (self.erase or self.delete or self.contacts or self.audit_events)


@dataclass(frozen=True)
class RetentionResult:
    erased: tuple[str, ...]  # case codes
    deleted: tuple[str, ...]
    contacts_reduced: int
    audit_events_removed: int
    skipped: tuple[str, ...]  # planned cases no longer due (reopened, already erased...)
    vacuumed: bool


# --- policy --------------------------------------------------------------------------------------------
def get_policy(ws: Workspace) -> RetentionPolicy:
    ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        return _policy(session)


def policy_in(session: Session) -> RetentionPolicy:
    """The policy without a role check: her copy of the data states it to whoever may print it."""
    return _policy(session)


def _policy(session: Session) -> RetentionPolicy:
    values: dict[str, object] = {name: settings.get(session, limit.setting) for name, limit in LIMITS.items()}
    values["full_deletion"] = settings.get(session, settings.RETENTION_FULL_DELETION)
    return RetentionPolicy(**values)  # type: ignore[arg-type]


def set_policy(ws: Workspace, policy: RetentionPolicy) -> None:
    """Only an amministratrice changes the periods; each changed setting is audited (key and value)."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    for name, limit in LIMITS.items():
        value = getattr(policy, name)
        if not limit.setting.accepts(value):
            raise ValidationError(limit.message, field=name)
    if not isinstance(policy.full_deletion, bool):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose yes or no."), field="full_deletion")
    with ws.transaction() as session:
        current = _policy(session)
        for item in fields(RetentionPolicy):
            new = getattr(policy, item.name)
            if new == getattr(current, item.name):
                continue
            setting = LIMITS[item.name].setting if item.name in LIMITS else settings.RETENTION_FULL_DELETION
            settings.put(session, setting, new)
            audit.record(
                session, actor.operator_id, "setting.changed", "setting", setting.key,
                {"value": setting.format(new)},
            )  # fmt: skip


# --- what is due -----------------------------------------------------------------------------------------
def _minus_months(day: dt.date, months: int) -> dt.date:
    """Calendar months back, clamping the day (31 March - 1 month = 28/29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    next_first = dt.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_first - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


def _cutoffs(today: dt.date, policy: RetentionPolicy) -> tuple[dt.date, dt.date, dt.date]:
    return (
        _minus_months(today, policy.case_years * 12),
        _minus_months(today, policy.contact_months),
        _minus_months(today, policy.audit_years * 12),
    )


def _due_cases(session: Session, cutoff: dt.date, full_deletion: bool) -> list[DueCase]:
    query = select(Case.id, Case.code, Case.closed_on).where(
        Case.status.in_(CLOSING_STATUSES), Case.closed_on.is_not(None), Case.closed_on < cutoff
    )
    if not full_deletion:
        query = query.where(Case.identity_erased_on.is_(None))
    rows = session.execute(query.order_by(Case.closed_on, Case.id)).all()
    return [DueCase(row.id, row.code, row.closed_on) for row in rows]


def due_counts(session: Session, day: dt.date) -> tuple[int, int]:
    """How many closed case files and contact records are due on `day`, counted from indexes only (the
    reminder on "Oggi"; `due_records` lists them). A case's closed_on is set only while it is closed."""
    policy = _policy(session)
    case_cutoff, contact_cutoff, _audit_cutoff = _cutoffs(day, policy)
    cases_due = select(func.count()).select_from(Case).where(Case.closed_on < case_cutoff)
    if not policy.full_deletion:
        cases_due = cases_due.where(Case.identity_erased_on.is_(None))
    contacts_due = select(func.count()).select_from(Contact).where(*_due_contacts_condition(contact_cutoff))
    return int(session.scalar(cases_due) or 0), int(session.scalar(contacts_due) or 0)


def _reduced_created_at() -> ColumnElement[str]:
    """The stored form of the contact's date at midnight (SQLAlchemy's SQLite DATETIME format)."""
    return func.printf("%s 00:00:00.000000", Contact.date, type_=String)


def _due_contacts_condition(cutoff: dt.date) -> list[ColumnElement[bool]]:
    return [
        Contact.case_id.is_(None),
        Contact.date < cutoff,
        or_(Contact.operator_id.is_not(None), Contact.created_at != _reduced_created_at()),
    ]


def _audit_prefix(session: Session, cutoff: dt.date) -> tuple[int, int]:
    """(first id kept after the anchor, last id to remove): the removable events form an unbroken
    prefix of the chain, all older than the cutoff; the newest event always stays."""
    anchor = session.get_one(AuditAnchor, 1)
    last = session.scalar(select(func.max(AuditEvent.id))) or 0
    first_recent = session.scalar(
        select(func.min(AuditEvent.id)).where(
            AuditEvent.id > anchor.last_id, AuditEvent.at >= dt.datetime.combine(cutoff, dt.time())
        )
    )
    through = (first_recent - 1) if first_recent is not None else last - 1
    return anchor.last_id, max(anchor.last_id, min(through, last - 1))


def due_records(ws: Workspace, today: dt.date | None = None) -> RetentionPlan:
    """What the policy says is due on `today` (default: today). A later date only previews."""
    actor = ws.require_actor(Role.COORDINATRICE)
    day = today or v.today()
    with ws.transaction() as session:
        policy = _policy(session)
        case_cutoff, contact_cutoff, audit_cutoff = _cutoffs(day, policy)
        due = _due_cases(session, case_cutoff, policy.full_deletion)
        contacts = (
            session.scalar(
                select(func.count()).select_from(Contact).where(*_due_contacts_condition(contact_cutoff))
            )
            or 0
        )
        anchor_id, through = _audit_prefix(session, audit_cutoff)
        events = (
            session.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.id > anchor_id, AuditEvent.id <= through)
            )
            or 0
        )
        audit.record(
            session,
            actor.operator_id,
            "retention.reviewed",
            "centre",
            1,
            {"cases": len(due), "contacts": contacts, "audit_events": events},
        )
    return RetentionPlan(
        today=day,
        policy=policy,
        case_cutoff=case_cutoff,
        contact_cutoff=contact_cutoff,
        audit_cutoff=audit_cutoff,
        erase=() if policy.full_deletion else tuple(due),
        delete=tuple(due) if policy.full_deletion else (),
        contacts=contacts,
        audit_events=events if through > anchor_id else 0,
        audit_through_id=through if through > anchor_id else 0,
    )


# --- applying ------------------------------------------------------------------------------------------------
def apply_retention(ws: Workspace, plan: RetentionPlan) -> RetentionResult:
    """Carry out a plan the amministratrice reviewed; everything still due is done in one transaction.

    Each case is checked again (it may have been reopened since), nothing beyond the plan is touched,
    and a plan for a future date or made under another policy is refused. Contacts past their period
    are reduced even when a deletion above only just unlinked them from their case.
    """
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    if plan.today > v.today():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "This plan is a preview for a future date and cannot be applied.")
        )
    erased: list[str] = []
    deleted: list[str] = []
    skipped: list[str] = []
    with ws.transaction() as session:
        session.execute(text("PRAGMA secure_delete = ON"))  # freed cells are zeroed, not just unlinked
        if _policy(session) != plan.policy:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The retention settings changed: review what is due again.")
            )
        case_cutoff, contact_cutoff, audit_cutoff = _cutoffs(plan.today, plan.policy)
        still_due = {c.id for c in _due_cases(session, case_cutoff, plan.policy.full_deletion)}
        for item in plan.erase:
            case = session.get(Case, item.id)
            if case is None or item.id not in still_due:
                skipped.append(item.code)
                continue
            erase_case_identity(session, case, plan.today)
            erasure_ledger.note_case(ws, session, erasure_ledger.RETENTION, case, plan.today)
            audit.record(
                session, actor.operator_id, "identity.erased", "case", case.id, {"reason": "retention"}
            )
            erased.append(item.code)
        for item in plan.delete:
            doomed = session.get(Case, item.id)
            if doomed is None or item.id not in still_due:
                skipped.append(item.code)
                continue
            delete_case(ws, session, doomed, plan.today)
            audit.record(session, actor.operator_id, "case.deleted", "case", item.id, {"reason": "retention"})
            deleted.append(item.code)
        # Also the contacts that the deletions above just unlinked from their cases.
        ids = select(Contact.id).where(*_due_contacts_condition(contact_cutoff))
        contacts = session.execute(
            update(Contact)
            .where(Contact.id.in_(ids))
            .values(operator_id=None, created_at=_reduced_created_at())
            .execution_options(synchronize_session=False)
        ).rowcount  # type: ignore[attr-defined]
        removed = (
            _truncate_audit(session, actor.operator_id, audit_cutoff, plan.audit_through_id)
            if plan.audit_through_id
            else 0
        )
        audit.record(
            session,
            actor.operator_id,
            "retention.applied",
            "centre",
            1,
            {
                "erased": len(erased),
                "deleted": len(deleted),
                "contacts": contacts,
                "audit_events": removed,
            },
        )
    vacuumed = bool(erased or deleted or contacts or removed)
    if vacuumed:
        ws.compact()
    return RetentionResult(tuple(erased), tuple(deleted), contacts, removed, tuple(skipped), vacuumed)


def _truncate_audit(session: Session, operator_id: int, cutoff: dt.date, planned_through: int) -> int:
    """Move the anchor onto the last removable event, then delete up to it (the triggers allow no more)."""
    anchor_id, through = _audit_prefix(session, cutoff)
    through = min(through, planned_through)
    if through <= anchor_id:
        return 0
    last_event = session.get(AuditEvent, through)
    assert last_event is not None
    last_hash, last_preimage = last_event.hash, audit.event_preimage(last_event)
    removed = (
        session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.id > anchor_id, AuditEvent.id <= through)
        )
        or 0
    )
    anchor = session.get_one(AuditAnchor, 1)
    anchor.last_id, anchor.last_hash = through, last_hash
    anchor.removed += removed
    anchor.moved_at = utcnow()
    session.flush()
    session.execute(
        delete(AuditEvent).where(AuditEvent.id <= through).execution_options(synchronize_session=False)
    )
    audit.record(
        session,
        operator_id,
        "audit.truncated",
        "audit_anchor",
        1,
        # The anchor's event in full: `verify` recomputes its hash and checks its time against the floor.
        {"through": through, "removed": removed, "hash": last_hash, "last": last_preimage},
    )
    return removed
