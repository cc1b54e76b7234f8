"""Appointments with her: set when a service or a review is recorded, moved, cancelled, printed per desk.

The same permission rules as every case change (`cases.permissions`): an operatrice schedules, moves and
cancels only for the cases of her help desk and prints only her desk's agenda. A printed agenda carries
case codes and times; names only when asked for, and every print is audited with that choice.

A coordinatrice may book a woman of one desk at another (a free room, a safer town). The other desk's
operatrice then sees that the hour is taken, and with whom, but neither the case's code nor her name:
on the screen and on paper she sees only what her own desk may see (`cases.permissions.may_access`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.i18n import QT_TRANSLATE_NOOP, language_code
from app.models.accounts import Centre, HelpDesk, Operator, Role
from app.models.agenda import CANCELLED, SCHEDULED, Appointment
from app.models.cases import Case, Identity
from app.reports.pdf.agenda import AgendaLine, render_agenda
from app.services import audit, files
from app.services import validation as v
from app.services.cases.permissions import changing_case, desk_for, load_case, require_open
from app.services.errors import NotFound, PermissionDenied, ValidationError
from app.services.workspace import Actor, Workspace

TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
PURPOSES = "appointment_purpose"  # the code list
DEFAULT_PURPOSE = "ACCOGLIENZA"  # colloquio


@dataclass(frozen=True)
class AppointmentInput:
    date: dt.date
    time: str  # "HH:MM"
    help_desk_id: int | None = None  # the case's desk if not given
    operator_id: int | None = None  # with whom; nobody named if not given
    purpose: str | None = DEFAULT_PURPOSE  # a code of the appointment_purpose list


@dataclass(frozen=True)
class AppointmentView:
    id: int
    case_id: int | None  # None (and no code or name): a case of a desk she may not see, booked at hers
    code: str
    name: str
    help_desk_id: int
    desk_name: str
    date: dt.date
    time: str
    operator_name: str
    purpose: str | None = None  # None: set before purposes were asked

    @property
    def visible(self) -> bool:
        """Whether the case is one her desks may see (and so may be opened, moved or cancelled)."""
        return self.case_id is not None


@dataclass(frozen=True)
class Colleague:
    id: int
    full_name: str
    help_desk_id: int | None


def display_name(first: str | None, last: str | None) -> str:
    """Her name as the case list shows it; a dash once her identity is erased."""
    if first is None and last is None:
        return "—"
    return f"{first or ''} {last or ''}".strip()


def check_appointment(appointment: AppointmentInput) -> AppointmentInput:
    """Input checks that need no database, so a dialog can refuse before recording anything."""
    day = v.check_future_ok(appointment.date, "appointment_date")
    if day is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The date is required ({field})."), field="appointment_date"
        )
    if day < v.today():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "An appointment cannot be set in the past."), field="appointment_date"
        )
    time = (appointment.time or "").strip()
    if not TIME.fullmatch(time):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Write the time as hours and minutes, e.g. 09:30."),
            field="appointment_time",
        )
    if not appointment.purpose:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Choose what the appointment is for."), field="appointment_purpose"
        )
    purpose = v.check_code(PURPOSES, appointment.purpose, "appointment_purpose")
    return AppointmentInput(day, time, appointment.help_desk_id, appointment.operator_id, purpose)


def _operator(session: Session, operator_id: int | None) -> int | None:
    if operator_id is None:
        return None
    person = session.get(Operator, operator_id)
    if person is None or not person.active:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Choose an active operator."), field="appointment_operator"
        )
    return operator_id


def schedule_appointment(ws: Workspace, case_id: int, appointment: AppointmentInput) -> int:
    """The next appointment with her; the case's help desk unless another is chosen."""
    checked = check_appointment(appointment)
    with changing_case(ws, case_id) as (session, actor, case):
        require_open(case)
        desk_id = (
            desk_for(session, actor, checked.help_desk_id) if checked.help_desk_id else case.help_desk_id
        )
        row = Appointment(
            case_id=case.id,
            help_desk_id=desk_id,
            date=checked.date,
            time=checked.time,
            operator_id=_operator(session, checked.operator_id),
            purpose=checked.purpose,
            status=SCHEDULED,
            created_by=actor.operator_id,
        )
        session.add(row)
        session.flush()
        audit.record(
            session, actor.operator_id, "appointment.created", "case", case.id, {"appointment": row.id}
        )
        return row.id


def _appointment(session: Session, actor: Actor, appointment_id: int) -> Appointment:
    row = session.get(Appointment, appointment_id)
    if row is None or row.status != SCHEDULED:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such appointment."))
    load_case(session, actor, row.case_id, "change")
    return row


def move_appointment(ws: Workspace, appointment_id: int, appointment: AppointmentInput) -> None:
    checked = check_appointment(appointment)
    actor = ws.require_actor()
    with ws.transaction() as session:
        row = _appointment(session, actor, appointment_id)
        if checked.help_desk_id:
            row.help_desk_id = desk_for(session, actor, checked.help_desk_id)
        row.date, row.time = checked.date, checked.time
        row.operator_id = _operator(session, checked.operator_id)
        row.purpose = checked.purpose
        audit.record(
            session, actor.operator_id, "appointment.moved", "case", row.case_id, {"appointment": row.id}
        )


def cancel_appointment(ws: Workspace, appointment_id: int) -> None:
    actor = ws.require_actor()
    with ws.transaction() as session:
        row = _appointment(session, actor, appointment_id)
        row.status = CANCELLED
        audit.record(
            session, actor.operator_id, "appointment.cancelled", "case", row.case_id, {"appointment": row.id}
        )


def colleagues(ws: Workspace) -> list[Colleague]:
    """The active operators she may meet a woman with (staff names, not the women's)."""
    ws.require_actor()
    with ws.transaction(write=False) as session:
        return [
            Colleague(o.id, o.full_name, o.help_desk_id)
            for o in session.scalars(
                select(Operator).where(Operator.active.is_(True)).order_by(Operator.full_name)
            )
        ]


def desks_in_scope(actor: Actor) -> int | None:
    """The one desk an operatrice sees; None for a coordinatrice (every desk)."""
    return None if actor.at_least(Role.COORDINATRICE) else actor.help_desk_id


def appointments_in(
    session: Session,
    actor: Actor,
    days: list[dt.date],
    desk_id: int | None = None,
    operator_id: int | None = None,
) -> list[AppointmentView]:
    """Scheduled appointments on `days` at the desks she may see (at one desk, with one person if given),
    by desk, day and time (one indexed read)."""
    with_whom = aliased(Operator)
    query = (
        select(
            Appointment.id,
            Appointment.case_id,
            Case.code,
            Identity.first_name,
            Identity.last_name,
            Appointment.help_desk_id,
            HelpDesk.name,
            Appointment.date,
            Appointment.time,
            with_whom.full_name,
            Case.help_desk_id,
            Appointment.purpose,
        )
        .join(Case, Case.id == Appointment.case_id)
        .join(HelpDesk, HelpDesk.id == Appointment.help_desk_id)
        .outerjoin(Identity, Identity.case_id == Case.id)
        .outerjoin(with_whom, with_whom.id == Appointment.operator_id)
        .where(Appointment.status == SCHEDULED, Appointment.date.in_(days))
        .order_by(HelpDesk.name, Appointment.date, Appointment.time, Case.code)
    )
    own = desks_in_scope(actor)
    if own is not None:
        query = query.where(Appointment.help_desk_id == own)
    if desk_id is not None:
        query = query.where(Appointment.help_desk_id == desk_id)
    if operator_id is not None:
        query = query.where(Appointment.operator_id == operator_id)
    return [
        AppointmentView(r[0], r[1], r[2], display_name(r[3], r[4]), r[5], r[6], r[7], r[8], r[9] or "", r[11])
        if own is None or r[10] == own
        else AppointmentView(r[0], None, "", "", r[5], r[6], r[7], r[8], r[9] or "", r[11])
        for r in session.execute(query)
    ]


def print_agenda(
    ws: Workspace,
    desk_id: int,
    day: dt.date,
    out: files.Destination,
    *,
    with_names: bool = False,
    lang: str = "it",
) -> int:
    """Write the desk's agenda for `day`; returns how many appointments it lists. Audited, names or not."""
    actor = ws.require_actor()
    lang = language_code(lang)
    with ws.transaction() as session:
        desk = session.get(HelpDesk, desk_id)
        if desk is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such help desk."))
        if not actor.at_least(Role.COORDINATRICE) and desk_id != actor.help_desk_id:
            denied = PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "You can print the agenda of your own help desk only.")
            )
            denied.audit_event = ("help_desk", desk_id, {"action": "agenda"})
            raise denied
        lines = [printed_line(r, with_names) for r in appointments_in(session, actor, [day], desk_id)]
        centre = session.get_one(Centre, 1).name
        pdf = render_agenda(centre, desk.name, day, lines, with_names, lang)
        detail = {"date": day.isoformat(), "names": with_names, "appointments": len(lines)}
        write_printed(session, actor, pdf, out, desk_id, detail)
        return len(lines)


def printed_line(row: AppointmentView, with_names: bool) -> AgendaLine:
    """An appointment as the paper shows it: no code for a case of a desk she may not see, no name unless
    asked for."""
    code = row.code if row.visible else None
    return AgendaLine(
        row.time,
        code,
        row.name if with_names and row.visible else None,
        row.operator_name,
        detail=row.purpose,
    )


def write_printed(
    session: Session,
    actor: Actor,
    pdf: bytes,
    out: files.Destination,
    desk_id: int | None,
    detail: dict[str, object],
) -> None:
    """Save a printed agenda and record the print in the same unit of work; the file goes if the record fails."""
    created = files.write_document(pdf, out)
    try:
        audit.record(session, actor.operator_id, "agenda.printed", "help_desk", desk_id, detail)
        session.flush()
    except BaseException:
        if created is not None:
            created.unlink(missing_ok=True)
        raise
