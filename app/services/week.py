"""The Agenda page: a week, Monday to Sunday, of one help desk or of every desk she may see.

A week shows the appointments (time, what for, case, with whom), the pathway reviews falling due
(`today.reviews_due_between`) and the deadlines of the goals not yet reached. Who sees what is Oggi's rule:
an operatrice her own desk, a coordinatrice or an amministratrice every desk or the one she chooses; a case
of another desk booked at hers is an hour taken, without code or name (`agenda.appointments_in` decides).
Choosing a person narrows the appointments to those with her; reviews and deadlines belong to the desk and
stay. Names are shown, so each week read is audited once, with its filters and the number of cases, as the
case list records its filters; the printed week is audited like the printed day, names or not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, language_code
from app.models.accounts import Centre, HelpDesk, Operator, Role
from app.models.cases import Case, Identity
from app.reports.pdf.agenda import APPOINTMENT, GOAL, REVIEW, AgendaDay, AgendaLine, render_week
from app.services import audit, files, today
from app.services.agenda import AppointmentView, appointments_in, display_name, printed_line, write_printed
from app.services.errors import NotFound, PermissionDenied
from app.services.workspace import Actor, Workspace

DAYS = 7
TAB = {APPOINTMENT: "services", REVIEW: "pathway", GOAL: "pathway"}
"""The case-file tab each kind of line opens at (as Oggi)."""


@dataclass(frozen=True)
class WeekLine:
    kind: str  # APPOINTMENT, REVIEW or GOAL
    day: dt.date
    time: str  # "" for a review or a deadline
    case_id: int | None  # None: a case of a desk she may not see, booked at hers (an hour taken)
    code: str
    name: str
    desk_name: str
    detail: str | None  # the appointment's purpose or the goal's area (codes); None: purpose not recorded
    operator_name: str = ""
    appointment: AppointmentView | None = None  # what the page moves or cancels

    @property
    def visible(self) -> bool:
        return self.case_id is not None

    @property
    def tab(self) -> str:
        return TAB[self.kind]


@dataclass(frozen=True)
class WeekView:
    monday: dt.date
    desk_id: int | None  # None: every desk she may see
    operator_id: int | None  # None: appointments with anyone
    lines: list[WeekLine]  # by day; in a day the appointments by time, then reviews and deadlines
    desks: list[tuple[int, str]]  # the desks she may choose

    @property
    def days(self) -> list[dt.date]:
        return [self.monday + dt.timedelta(days=n) for n in range(DAYS)]

    def on(self, day: dt.date) -> list[WeekLine]:
        return [line for line in self.lines if line.day == day]


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _desk(session: Session, actor: Actor, desk_id: int | None) -> HelpDesk | None:
    """The desk the week is read for (None: every desk). An operatrice reads her own; asking for another
    desk is refused and recorded, as printing another desk's agenda is."""
    if not actor.at_least(Role.COORDINATRICE):
        if desk_id is not None and desk_id != actor.help_desk_id:
            denied = PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "You can see the agenda of your own help desk only.")
            )
            denied.audit_event = ("help_desk", desk_id, {"action": "agenda"})
            raise denied
        desk_id = actor.help_desk_id
    if desk_id is None:
        return None
    desk = session.get(HelpDesk, desk_id)
    if desk is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such help desk."))
    return desk


def _cases(session: Session, case_ids: set[int]) -> dict[int, tuple[str, str, int, str]]:
    """Code, her name, desk id and desk name of the cases with a review or a deadline, in one read."""
    if not case_ids:
        return {}
    rows = session.execute(
        select(Case.id, Case.code, Identity.first_name, Identity.last_name, HelpDesk.id, HelpDesk.name)
        .join(HelpDesk, HelpDesk.id == Case.help_desk_id)
        .outerjoin(Identity, Identity.case_id == Case.id)
        .where(Case.id.in_(case_ids))
    )
    return {r[0]: (r[1], display_name(r[2], r[3]), r[4], r[5]) for r in rows}


def _lines(
    session: Session, actor: Actor, monday: dt.date, desk_id: int | None, operator_id: int | None
) -> list[WeekLine]:
    sunday = monday + dt.timedelta(days=DAYS - 1)
    days = [monday + dt.timedelta(days=n) for n in range(DAYS)]
    lines = [
        WeekLine(
            APPOINTMENT, a.date, a.time, a.case_id, a.code, a.name, a.desk_name, a.purpose, a.operator_name, a
        )
        for a in appointments_in(session, actor, days, desk_id, operator_id)
    ]
    reviews = today.reviews_due_between(session, actor, monday, sunday)
    goals = today.goals_due_between(session, actor, monday, sunday)
    cases = _cases(session, {r[0] for r in reviews} | {g[0] for g in goals})
    due: list[tuple[str, int, dt.date, str | None]] = [
        (REVIEW, case_id, day, None) for case_id, day in reviews
    ]
    due += [(GOAL, case_id, day, area) for case_id, day, area in goals]
    for kind, case_id, day, detail in due:
        code, name, desk, desk_name = cases[case_id]
        if desk_id is None or desk == desk_id:
            lines.append(WeekLine(kind, day, "", case_id, code, name, desk_name, detail))
    order = {APPOINTMENT: 0, REVIEW: 1, GOAL: 2}
    return sorted(lines, key=lambda line: (line.day, order[line.kind], line.time, line.desk_name, line.code))


def _person(session: Session, operator_id: int | None) -> str | None:
    if operator_id is None:
        return None
    person = session.get(Operator, operator_id)
    if person is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such operator."))
    return person.full_name


def week(
    ws: Workspace, monday: dt.date, desk_id: int | None = None, operator_id: int | None = None
) -> WeekView:
    """The week starting on `monday` (any day is taken back to its Monday). One audit event per read."""
    actor = ws.require_actor()
    monday = monday_of(monday)
    with ws.transaction() as session:
        desk = _desk(session, actor, desk_id)
        _person(session, operator_id)
        chosen = desk.id if desk is not None else None
        lines = _lines(session, actor, monday, chosen, operator_id)
        desks = (
            [
                (int(i), str(n))
                for i, n in session.execute(
                    select(HelpDesk.id, HelpDesk.name)
                    .where(HelpDesk.active.is_(True))
                    .order_by(HelpDesk.name)
                )
            ]
            if actor.at_least(Role.COORDINATRICE)
            else [(desk.id, desk.name)]
            if desk is not None
            else []
        )
        shown = {line.case_id for line in lines if line.case_id is not None}
        audit.record(
            session,
            actor.operator_id,
            "agenda.viewed",
            "help_desk" if chosen is not None else None,
            chosen,
            {"week": monday.isoformat(), "operator": operator_id, "cases": len(shown)},
        )
    return WeekView(monday, chosen, operator_id, lines, desks)


def print_week(
    ws: Workspace,
    monday: dt.date,
    out: files.Destination,
    *,
    desk_id: int | None = None,
    operator_id: int | None = None,
    with_names: bool = False,
    lang: str = "it",
) -> int:
    """Write the week as the page shows it; returns how many lines it lists. Audited, names or not."""
    actor = ws.require_actor()
    lang = language_code(lang)
    monday = monday_of(monday)
    with ws.transaction() as session:
        desk = _desk(session, actor, desk_id)
        person = _person(session, operator_id)
        chosen = desk.id if desk is not None else None
        lines = _lines(session, actor, monday, chosen, operator_id)
        days = [
            AgendaDay(
                monday + dt.timedelta(days=n),
                [_printed(line, with_names) for line in lines if line.day == monday + dt.timedelta(days=n)],
            )
            for n in range(DAYS)
        ]
        centre = session.get_one(Centre, 1).name
        pdf = render_week(centre, desk.name if desk else None, days, with_names, lang, person)
        detail = {
            "week": monday.isoformat(),
            "names": with_names,
            "operator": operator_id,
            "lines": len(lines),
        }
        write_printed(session, actor, pdf, out, chosen, detail)
        return len(lines)


def _printed(line: WeekLine, with_names: bool) -> AgendaLine:
    if line.appointment is not None:
        return replace(printed_line(line.appointment, with_names), desk=line.desk_name)
    return AgendaLine(
        "", line.code, line.name if with_names else None, "", line.kind, line.detail, line.desk_name
    )
