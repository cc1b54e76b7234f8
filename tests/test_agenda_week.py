"""The Agenda page's week: appointments with their purpose, reviews and goal deadlines of the desks she
may see; another desk's case booked at hers is an hour taken; each read and each print is audited, and
the printed week names no one unless asked."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.services import agenda, today, week
from app.services import cases as c
from app.services.agenda import AppointmentInput
from app.services.errors import PermissionDenied, ValidationError
from app.services.workspace import Workspace
from tests.case_fixtures import (
    COORD,
    D0,
    OP_A,
    OP_B,
    TODAY,
    FullCase,
    People,
    audit_events,
    full_case,
    switch,
)
from tests.test_today import pdf_text

pytest_plugins = ["tests.case_fixtures"]
MONDAY = TODAY - timedelta(days=TODAY.weekday())
SUNDAY = MONDAY + timedelta(days=6)


def codes(view: week.WeekView) -> list[tuple[str, str, str]]:
    return [(line.kind, line.code, line.time) for line in view.lines]


def test_her_desk_only_and_another_desks_case_is_an_hour_taken(
    ws_b: Workspace, case_b: FullCase, people: People
) -> None:
    switch(ws_b, OP_B)  # desk B: her own case, at her desk, on Sunday
    agenda.schedule_appointment(ws_b, case_b.id, AppointmentInput(SUNDAY, "10:00", purpose="LEGALE"))
    [line] = [line for line in week.week(ws_b, TODAY).lines if line.kind == week.APPOINTMENT]
    assert (line.code, line.name, line.detail, line.day) == (
        case_b.code,
        "Beatrice Zanetti",
        "LEGALE",
        SUNDAY,
    )
    assert line.tab == "services"

    switch(ws_b, COORD)  # a room free at desk A: she books desk B's woman there, with Bice
    agenda.schedule_appointment(
        ws_b,
        case_b.id,
        AppointmentInput(
            SUNDAY, "11:00", help_desk_id=people.desk_a, operator_id=people.op_a, purpose="PSICO_IND"
        ),
    )
    every = week.week(ws_b, TODAY)
    assert [(x.time, x.desk_name) for x in every.lines if x.kind == week.APPOINTMENT] == [
        ("10:00", "Dalmine"),
        ("11:00", "Bergamo"),
    ]
    assert [x.time for x in week.week(ws_b, TODAY, desk_id=people.desk_a).lines] == ["11:00"]
    assert [x.time for x in week.week(ws_b, TODAY, operator_id=people.op_a).lines] == ["11:00"]
    assert {d for d, _ in every.desks} == {people.desk_a, people.desk_b}
    assert week.print_week(ws_b, TODAY, ws_b.folder / "all.pdf") == 2  # every desk: a column says which
    printed = pdf_text(ws_b.folder / "all.pdf")
    assert "Tutti gli sportelli" in printed and "Sportello" in printed and "Consulenza psicologica" in printed

    switch(ws_b, OP_A)  # desk A: the hour is taken, by whom she cannot tell
    view = week.week(ws_b, TODAY)
    assert view.desk_id == people.desk_a and view.desks == [(people.desk_a, "Bergamo")]
    [taken] = view.lines
    assert (taken.time, taken.operator_name, taken.detail, taken.visible) == (
        "11:00",
        "Bice",
        "PSICO_IND",
        False,
    )
    assert case_b.code not in repr(taken) and "Beatrice" not in repr(taken)
    with pytest.raises(PermissionDenied):
        week.week(ws_b, TODAY, desk_id=people.desk_b)
    assert audit_events(ws_b, "access.denied")[-1].entity_id == str(people.desk_b)
    with pytest.raises(PermissionDenied):
        week.print_week(ws_b, TODAY, ws_b.folder / "b.pdf", desk_id=people.desk_b)
    assert not (ws_b.folder / "b.pdf").exists()


def test_reviews_and_goal_deadlines_fall_in_their_week(case_ws: Workspace) -> None:
    case = full_case(case_ws)  # reviewed 50 days ago (due three months later); a goal due in 30 days
    review_due = date.fromordinal(1)
    with case_ws.transaction(write=False) as session:
        actor = case_ws.require_actor()
        found = today.reviews_due_between(session, actor, TODAY, TODAY + timedelta(days=120))
        assert [case_id for case_id, _ in found] == [case.id]
        review_due = found[0][1]
        assert D0 + timedelta(days=10 + 89) <= review_due <= D0 + timedelta(days=10 + 92)
        assert (
            today.reviews_due_between(
                session, actor, review_due + timedelta(days=1), review_due + timedelta(days=60)
            )
            == []
        )
    goal_week = week.week(case_ws, D0 + timedelta(days=90))
    assert [(x.kind, x.code, x.detail, x.tab) for x in goal_week.lines] == [
        (week.GOAL, case.code, "SICUREZZA", "pathway")
    ]
    review_week = week.week(case_ws, review_due)
    assert [(x.kind, x.day) for x in review_week.lines] == [(week.REVIEW, review_due)]
    switch(case_ws, OP_B)  # another desk sees neither
    assert (
        week.week(case_ws, review_due).lines == [] and week.week(case_ws, D0 + timedelta(days=90)).lines == []
    )


def test_each_week_read_is_one_audit_event_with_its_filters(
    ws_b: Workspace, case_b: FullCase, people: People
) -> None:
    switch(ws_b, COORD)
    agenda.schedule_appointment(ws_b, case_b.id, AppointmentInput(SUNDAY, "09:00"))
    week.week(ws_b, TODAY + timedelta(days=7))
    week.week(ws_b, TODAY, desk_id=people.desk_b, operator_id=people.op_b)
    events = audit_events(ws_b, "agenda.viewed")
    assert [json.loads(e.detail or "{}") for e in events[-2:]] == [
        {"week": (MONDAY + timedelta(days=7)).isoformat(), "operator": None, "cases": 0},
        {"week": MONDAY.isoformat(), "operator": people.op_b, "cases": 0},
    ]
    assert events[-1].entity_id == str(people.desk_b)
    week.week(ws_b, TODAY)
    assert json.loads(audit_events(ws_b, "agenda.viewed")[-1].detail or "{}")["cases"] == 1


def test_purposes_are_checked_kept_and_moved(ws_b: Workspace, case_b: FullCase) -> None:
    switch(ws_b, OP_B)
    for purpose in (None, "", "COLAZIONE"):
        with pytest.raises(ValidationError) as refused:
            agenda.schedule_appointment(ws_b, case_b.id, AppointmentInput(TODAY, "09:00", purpose=purpose))
        assert refused.value.field == "appointment_purpose"
    first = agenda.schedule_appointment(ws_b, case_b.id, AppointmentInput(TODAY + timedelta(days=2), "09:00"))
    assert c.get_case(ws_b, case_b.id).next_appointment == c.NextAppointment(
        TODAY + timedelta(days=2), "09:00", "ACCOGLIENZA", "Dalmine"
    )  # colloquio unless she says otherwise
    agenda.move_appointment(
        ws_b, first, AppointmentInput(TODAY + timedelta(days=1), "15:30", purpose="ACCOMPAGN")
    )
    agenda.schedule_appointment(
        ws_b, case_b.id, AppointmentInput(TODAY + timedelta(days=9), "10:00", purpose="LAVORO")
    )
    following = c.get_case(ws_b, case_b.id).next_appointment
    assert following is not None and (following.date, following.time, following.purpose) == (
        TODAY + timedelta(days=1),
        "15:30",
        "ACCOMPAGN",
    )
    assert [a.purpose for a in today.overview(ws_b).appointments] == ["ACCOMPAGN"]
    agenda.cancel_appointment(ws_b, first)
    later = c.get_case(ws_b, case_b.id).next_appointment
    assert later is not None and later.purpose == "LAVORO"


def test_the_printed_week_names_no_one_unless_asked_and_is_audited(
    ws_b: Workspace, case_b: FullCase, people: People, tmp_path: Path
) -> None:
    switch(ws_b, OP_B)
    agenda.schedule_appointment(
        ws_b, case_b.id, AppointmentInput(SUNDAY, "09:30", operator_id=people.op_b, purpose="LEGALE")
    )
    plain = tmp_path / "week.pdf"
    assert week.print_week(ws_b, TODAY, plain, lang="it") == 1
    text = pdf_text(plain)
    assert case_b.code in text and "09:30" in text and "Consulenza legale" in text and "Dalmine" in text
    assert "Lunedì" in text and "Domenica" in text and "Agenda della settimana" in text
    assert "Beatrice" not in text and "Zanetti" not in text
    named = tmp_path / "named.pdf"
    week.print_week(ws_b, TODAY, named, with_names=True, lang="en")
    assert "Beatrice Zanetti" in pdf_text(named) and "Legal advice" in pdf_text(named)
    printed = [json.loads(e.detail or "{}") for e in audit_events(ws_b, "agenda.printed")]
    assert printed == [
        {"week": MONDAY.isoformat(), "names": False, "operator": None, "lines": 1},
        {"week": MONDAY.isoformat(), "names": True, "operator": None, "lines": 1},
    ]
    assert all("Beatrice" not in (e.detail or "") for e in audit_events(ws_b))
