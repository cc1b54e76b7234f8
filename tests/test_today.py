""" "Oggi" and appointments: due items appear and go as the data change, per help desk, audited once;
the printed agenda names no one unless asked, and says so in the audit trail."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models.audit import AuditEvent
from app.services import agenda, today
from app.services import cases as c
from app.services.agenda import AppointmentInput
from app.services.errors import PermissionDenied, ValidationError
from app.services.workspace import Workspace
from tests.case_fixtures import (
    ADMIN,
    COORD,
    D0,
    OP_B,
    TODAY,
    FullCase,
    People,
    audit_events,
    consent,
    full_case,
    identity,
    profile,
    switch,
)

pytest_plugins = ["tests.case_fixtures"]
TOMORROW = TODAY + timedelta(days=1)


def due(ws: Workspace, kind: str) -> set[str]:
    return {item.code for item in today.overview(ws).items[kind]}


def test_each_kind_of_item_appears_and_goes_when_the_work_is_done(case_ws: Workspace) -> None:
    case = full_case(case_ws)  # pathway agreed 58 days ago, reviewed 50 days ago; last service 57 days ago
    view = today.overview(case_ws)
    assert view.counts[today.REVIEW] == 0 and view.counts[today.GOAL] == 0  # goal due in 30 days
    assert case.code in due(case_ws, today.INACTIVE)  # nothing for 6 weeks (the default)
    item = today.overview(case_ws).items[today.INACTIVE][0]
    assert (
        item.tab == "services" and item.day == D0 + timedelta(days=3) and item.name == "Nicolò D'Angelo-Rossi"
    )

    c.add_service(case_ws, case.id, c.ServiceInput(TODAY, "ASCOLTO", "TELEFONO", 30, "ACCOGLIENZA"))
    assert case.code not in due(case_ws, today.INACTIVE)

    goal = c.add_goal(case_ws, case.id, "LAVORO", "", TODAY + timedelta(days=5))
    items = today.overview(case_ws).items[today.GOAL]
    assert [(i.code, i.detail, i.tab) for i in items] == [(case.code, "LAVORO", "pathway")]
    c.update_goal(case_ws, goal, status="RAGGIUNTO")
    assert case.code not in due(case_ws, today.GOAL)

    # reviewed 50 days ago, the next review planned one interval on (3 months): not due; then a review
    # plans the next one in three days
    c.add_pathway_review(
        case_ws, case.id, TODAY - timedelta(days=1), next_review_on=TODAY + timedelta(days=3)
    )
    item = today.overview(case_ws).items[today.REVIEW][0]
    assert (item.code, item.day, item.tab) == (case.code, TODAY + timedelta(days=3), "pathway")
    c.add_pathway_review(case_ws, case.id, TODAY)
    assert case.code not in due(case_ws, today.REVIEW)


def test_an_old_notice_a_missing_intake_and_a_later_appointment(case_ws: Workspace) -> None:
    old = c.open_case(
        case_ws,
        identity("Ada", "Verdi"),
        profile(),
        c.ConsentInput(("TRATTAMENTO",), D0, notice_version="2025.1"),
        opened_on=D0,
    )
    waiting = c.open_case(case_ws, identity("Bea", "Neri"), profile(), consent(), opened_on=TODAY)
    view = today.overview(case_ws)
    assert [(i.code, i.detail, i.tab) for i in view.items[today.CONSENT]] == [
        (old.code, "2025.1", "consents")
    ]
    assert {i.code for i in view.items[today.INTAKE]} == {old.code, waiting.code}
    assert old.code in {i.code for i in view.items[today.INACTIVE]}

    c.record_consent(case_ws, old.id, "TRATTAMENTO", True, TODAY)  # renewed under the current notice
    c.add_intake(case_ws, waiting.id, c.IntakeInput(TODAY, "AUTONOMA", "PRESENZA"))
    agenda.schedule_appointment(case_ws, old.id, AppointmentInput(TOMORROW, "10:30"))
    view = today.overview(case_ws)
    assert view.counts[today.CONSENT] == 0
    assert {i.code for i in view.items[today.INTAKE]} == {old.code}
    assert old.code not in {i.code for i in view.items[today.INACTIVE]}  # she is expected tomorrow


def test_one_audit_event_per_view_whatever_the_number_of_lines(case_ws: Workspace) -> None:
    for n in range(3):
        c.open_case(case_ws, identity(f"Nome{n}", "Prova"), profile(), consent())
    before = len(audit_events(case_ws, "today.viewed"))
    view = today.overview(case_ws)
    assert view.counts[today.INTAKE] == 3
    events = audit_events(case_ws, "today.viewed")
    assert len(events) == before + 1
    assert json.loads(events[-1].detail or "{}") == {"cases": 3}


def test_an_operatrice_sees_only_her_desk(ws_b: Workspace, case_b: FullCase, people: People) -> None:
    switch(ws_b, OP_B)
    assert case_b.code in {i.code for i in today.overview(ws_b).items[today.INACTIVE]}
    agenda.schedule_appointment(ws_b, case_b.id, AppointmentInput(TODAY, "09:00"))
    view = today.overview(ws_b)
    assert [a.code for a in view.appointments] == [case_b.code]
    with pytest.raises(PermissionDenied):
        today.chores(ws_b)  # not an operatrice's

    switch(ws_b, "bice")  # desk A
    view = today.overview(ws_b)
    assert all(case_b.code not in {i.code for i in items} for items in view.items.values())
    assert view.appointments == [] and view.desks == [(people.desk_a, "Bergamo")]
    with pytest.raises(PermissionDenied):
        agenda.print_agenda(ws_b, people.desk_b, TODAY, ws_b.folder / "x.pdf")
    assert not (ws_b.folder / "x.pdf").exists()
    with pytest.raises(PermissionDenied):
        agenda.schedule_appointment(ws_b, case_b.id, AppointmentInput(TODAY, "11:00"))

    switch(ws_b, COORD)
    view = today.overview(ws_b)
    assert [a.code for a in view.appointments] == [case_b.code]
    chores = today.chores(ws_b)
    assert chores.backup_due is True and chores.retention_cases == 0 and chores.count == 1


def test_appointments_today_and_tomorrow_moved_and_cancelled(
    ws_b: Workspace, case_b: FullCase, people: People
) -> None:
    switch(ws_b, OP_B)
    first = agenda.schedule_appointment(
        ws_b, case_b.id, AppointmentInput(TOMORROW, "15:00", operator_id=people.op_b)
    )
    agenda.schedule_appointment(ws_b, case_b.id, AppointmentInput(TODAY, "09:30"))
    view = today.overview(ws_b)
    assert [(a.date, a.time, a.operator_name) for a in view.appointments] == [
        (TODAY, "09:30", ""),
        (TOMORROW, "15:00", "Carla"),
    ]
    agenda.move_appointment(ws_b, first, AppointmentInput(TODAY + timedelta(days=7), "15:00"))
    assert [a.time for a in today.overview(ws_b).appointments] == ["09:30"]
    agenda.cancel_appointment(ws_b, today.overview(ws_b).appointments[0].id)
    assert today.overview(ws_b).appointments == []
    actions = [e.action for e in audit_events(ws_b) if e.action.startswith("appointment.")]
    assert actions == [
        "appointment.created",
        "appointment.created",
        "appointment.moved",
        "appointment.cancelled",
    ]
    for bad, field in (
        (AppointmentInput(TODAY - timedelta(days=1), "09:00"), "appointment_date"),
        (AppointmentInput(TODAY, "9.30"), "appointment_time"),
        (AppointmentInput(TODAY, "24:00"), "appointment_time"),
    ):
        with pytest.raises(ValidationError) as refused:
            agenda.schedule_appointment(ws_b, case_b.id, bad)
        assert refused.value.field == field


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_printed_agenda_names_no_one_unless_asked(
    ws_b: Workspace, case_b: FullCase, people: People, tmp_path: Path
) -> None:
    switch(ws_b, OP_B)
    agenda.schedule_appointment(ws_b, case_b.id, AppointmentInput(TODAY, "09:30", operator_id=people.op_b))
    plain = tmp_path / "agenda.pdf"
    assert agenda.print_agenda(ws_b, people.desk_b, TODAY, plain) == 1
    text = pdf_text(plain)
    assert case_b.code in text and "09:30" in text and "Dalmine" in text
    assert "Beatrice" not in text and "Zanetti" not in text
    named = tmp_path / "named.pdf"
    agenda.print_agenda(ws_b, people.desk_b, TODAY, named, with_names=True)
    assert "Beatrice Zanetti" in pdf_text(named)
    printed = [json.loads(e.detail or "{}") for e in audit_events(ws_b, "agenda.printed")]
    assert [p["names"] for p in printed] == [False, True]
    assert all(p["date"] == TODAY.isoformat() and p["appointments"] == 1 for p in printed)
    with ws_b.transaction(write=False) as session:
        details = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "agenda.printed")
        ).all()
    assert all("Beatrice" not in (d or "") for d in details)


def test_settings_are_for_administrators_and_checked(case_ws: Workspace) -> None:
    with pytest.raises(PermissionDenied):
        today.set_settings(case_ws, today.TodaySettings(4, 2))
    switch(case_ws, ADMIN)
    with pytest.raises(ValidationError):
        today.set_settings(case_ws, today.TodaySettings(0, 2))
    today.set_settings(case_ws, today.TodaySettings(4, 2))
    assert today.get_settings(case_ws) == today.TodaySettings(4, 2)


def test_a_case_of_another_desk_booked_at_hers_shows_no_code_or_name(
    ws_b: Workspace, case_b: FullCase, people: People, tmp_path: Path
) -> None:
    """The coordinatrice books desk B's woman at desk A (a room free there). Desk A's operatrice sees that
    the hour is taken, in Oggi and on the printed agenda, but neither the case's code nor her name."""
    switch(ws_b, COORD)
    agenda.schedule_appointment(
        ws_b, case_b.id, AppointmentInput(TODAY, "10:00", help_desk_id=people.desk_a, operator_id=people.op_a)
    )
    assert [(a.code, a.name) for a in today.overview(ws_b).appointments] == [
        (case_b.code, "Beatrice Zanetti")
    ]

    switch(ws_b, "bice")  # desk A
    view = today.overview(ws_b)
    [line] = view.appointments
    assert (line.time, line.desk_name, line.operator_name) == ("10:00", "Bergamo", "Bice")
    shown = repr(line)
    assert case_b.code not in shown and "Beatrice" not in shown and "Zanetti" not in shown
    assert not line.visible  # the page offers nothing to open
    assert json.loads(audit_events(ws_b, "today.viewed")[-1].detail or "{}") == {"cases": 0}
    for with_names in (False, True):
        printed = tmp_path / f"agenda-{with_names}.pdf"
        assert agenda.print_agenda(ws_b, people.desk_a, TODAY, printed, with_names=with_names) == 1
        text = pdf_text(printed)
        assert "10:00" in text and "Bice" in text
        assert case_b.code not in text and "Beatrice" not in text and "Zanetti" not in text
