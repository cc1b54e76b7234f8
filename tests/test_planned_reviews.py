"""Planned reviews and editable goals: the next review asked when a pathway is agreed and at each review
(one interval on by default, shorter at high risk if the centre sets it), Oggi and the agenda read the
planned day; a goal's edits keep what it said before, audited without its text, erased with her notes."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app.models.agenda import CaseActivity
from app.models.cases import GoalVersion
from app.services import cases as c
from app.services import subject_access, today
from app.services.errors import PermissionDenied, ValidationError
from app.services.retention import RetentionPolicy
from app.services.workspace import Workspace
from tests.case_fixtures import (
    ADMIN,
    D0,
    OP_A,
    OP_B,
    TODAY,
    FullCase,
    audit_events,
    count_rows,
    open_case,
    switch,
)

pytest_plugins = ["tests.case_fixtures"]


def planned(ws: Workspace, case_id: int) -> date | None:
    pathway = c.get_case(ws, case_id).pathway
    assert pathway is not None
    return pathway.next_review_on


def activity_due(ws: Workspace, case_id: int) -> date | None:
    with ws.transaction(write=False) as session:
        return session.get_one(CaseActivity, case_id).review_due


def set_intervals(ws: Workspace, months: int, high_risk_weeks: int) -> None:
    switch(ws, ADMIN)
    today.set_settings(ws, today.TodaySettings(6, months, high_risk_weeks))
    switch(ws, OP_A)


def test_add_months_keeps_the_day_within_the_month() -> None:
    assert c.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert c.add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert c.add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert c.add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)


def test_the_next_review_defaults_to_the_centres_interval(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    agreed = D0 + timedelta(days=2)
    c.agree_pathway(case_ws, ref.id, agreed)
    assert planned(case_ws, ref.id) == c.add_months(agreed, 3)  # the default interval
    assert activity_due(case_ws, ref.id) == c.add_months(agreed, 3)  # kept where Oggi reads it

    set_intervals(case_ws, 2, 0)
    reviewed = D0 + timedelta(days=20)
    c.add_pathway_review(case_ws, ref.id, reviewed, "verifica")
    assert planned(case_ws, ref.id) == c.add_months(reviewed, 2)
    assert c.get_case(case_ws, ref.id).pathway.reviews[-1].next_review_on == c.add_months(reviewed, 2)  # type: ignore[union-attr]


def test_a_shorter_interval_at_high_risk_only_when_the_centre_sets_one(case_ws: Workspace) -> None:
    risky, calm = open_case(case_ws, "Ada", "Rossi"), open_case(case_ws, "Bea", "Bianchi")
    c.add_risk_assessment(case_ws, risky.id, D0, "ELEVATO", "SARA_S")
    c.add_risk_assessment(case_ws, calm.id, D0, "ELEVATO", "SARA_S")
    c.add_risk_assessment(case_ws, calm.id, D0 + timedelta(days=1), "MEDIO", "SARA_S")  # the latest counts
    agreed = D0 + timedelta(days=2)
    c.agree_pathway(case_ws, risky.id, agreed)
    assert planned(case_ws, risky.id) == c.add_months(agreed, 3)  # no shorter interval set: the usual one

    set_intervals(case_ws, 3, 6)
    assert c.get_case(case_ws, risky.id).review_interval == c.ReviewInterval(3, 6, True)
    c.add_pathway_review(case_ws, risky.id, agreed + timedelta(days=7))
    assert planned(case_ws, risky.id) == agreed + timedelta(days=7, weeks=6)
    c.agree_pathway(case_ws, calm.id, agreed)
    assert planned(case_ws, calm.id) == c.add_months(agreed, 3)


def test_the_review_she_agreed_is_kept_and_a_date_before_the_agreement_is_refused(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    agreed = D0 + timedelta(days=2)
    for wrong in (agreed - timedelta(days=1), agreed):
        with pytest.raises(ValidationError) as refused:
            c.agree_pathway(case_ws, ref.id, agreed, next_review_on=wrong)
        assert refused.value.field == "next_review_on"
        assert str(refused.value.message) == (
            "The next review must come after the day the pathway is agreed ({field})."
        )
    assert c.get_case(case_ws, ref.id).pathway is None  # nothing recorded
    c.agree_pathway(case_ws, ref.id, agreed, next_review_on=TODAY + timedelta(weeks=6))
    assert planned(case_ws, ref.id) == TODAY + timedelta(weeks=6)
    with pytest.raises(ValidationError, match="after this review") as refused:
        c.add_pathway_review(case_ws, ref.id, TODAY, next_review_on=TODAY - timedelta(days=3))
    assert refused.value.field == "next_review_on"


def test_a_review_recorded_late_does_not_replace_the_plan_of_a_later_one(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    c.agree_pathway(case_ws, ref.id, D0 + timedelta(days=2))
    c.add_pathway_review(case_ws, ref.id, D0 + timedelta(days=30), next_review_on=TODAY + timedelta(days=40))
    c.add_pathway_review(case_ws, ref.id, D0 + timedelta(days=10), next_review_on=D0 + timedelta(days=31))
    assert planned(case_ws, ref.id) == TODAY + timedelta(days=40)


def test_oggi_lists_a_review_when_its_planned_day_comes(case_ws: Workspace) -> None:
    later, soon = open_case(case_ws, "Ada", "Rossi"), open_case(case_ws, "Bea", "Bianchi")
    agreed = TODAY - timedelta(days=10)  # agreed ten days ago: no review due by the interval either way
    c.agree_pathway(case_ws, later.id, agreed, next_review_on=TODAY + timedelta(weeks=6))
    c.agree_pathway(case_ws, soon.id, agreed, next_review_on=TODAY + timedelta(days=6))

    def due_on(day: date) -> list[tuple[str, date | None]]:
        return [(i.code, i.day) for i in today.overview(case_ws, day).items[today.REVIEW]]

    assert due_on(TODAY) == [(soon.code, TODAY + timedelta(days=6))]  # next week: listed, with its day
    assert later.code not in {code for code, _ in due_on(TODAY + timedelta(weeks=4))}
    assert [code for code, _ in due_on(TODAY + timedelta(weeks=5, days=1))] == [soon.code, later.code]

    with case_ws.transaction(write=False) as session:
        actor = case_ws.require_actor()
        week = today.reviews_due_between(session, actor, TODAY + timedelta(days=1), TODAY + timedelta(days=7))
        assert week == [(soon.id, TODAY + timedelta(days=6))]
        assert today.reviews_due_between(session, actor, TODAY, TODAY + timedelta(weeks=8)) == [
            (soon.id, TODAY + timedelta(days=6)),
            (later.id, TODAY + timedelta(weeks=6)),
        ]

    c.add_pathway_review(case_ws, soon.id, TODAY)  # reviewed: the next one is an interval away
    assert due_on(TODAY) == []


def test_reviews_due_between_keeps_to_her_desk_and_to_pathways_in_progress(
    ws_b: Workspace, case_b: FullCase
) -> None:
    switch(ws_b, OP_B)
    c.add_pathway_review(ws_b, case_b.id, TODAY, next_review_on=TODAY + timedelta(days=3))
    week = (TODAY, TODAY + timedelta(days=7))
    with ws_b.transaction(write=False) as session:
        assert today.reviews_due_between(session, ws_b.require_actor(), *week) == [
            (case_b.id, TODAY + timedelta(days=3))
        ]
    switch(ws_b, OP_A)  # another desk
    with ws_b.transaction(write=False) as session:
        assert today.reviews_due_between(session, ws_b.require_actor(), *week) == []
    switch(ws_b, OP_B)
    c.set_suspended(ws_b, case_b.id, True)
    with ws_b.transaction(write=False) as session:
        assert today.reviews_due_between(session, ws_b.require_actor(), *week) == []


def test_a_goal_edited_keeps_its_history_audited_without_its_text(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    c.agree_pathway(case_ws, ref.id, D0)
    goal = c.add_goal(case_ws, ref.id, "ABITATIVA", "trovare casa", D0 + timedelta(days=90))
    c.edit_goal(case_ws, goal, "trovare casa con i figli", None, "IN_CORSO")
    c.update_goal(case_ws, goal, status="RAGGIUNTO")
    c.edit_goal(case_ws, goal, "trovare casa con i figli", None, "RAGGIUNTO")  # nothing changed: no version
    view = c.get_case(case_ws, ref.id).pathway.goals[0]  # type: ignore[union-attr]
    assert (view.description, view.due_on, view.status) == ("trovare casa con i figli", None, "RAGGIUNTO")
    assert [(v.description, v.due_on, v.status, v.replaced_by) for v in view.history] == [
        ("trovare casa", D0 + timedelta(days=90), "DA_AVVIARE", "Bice"),
        ("trovare casa con i figli", None, "IN_CORSO", "Bice"),
    ]
    events = audit_events(case_ws, "goal.updated")
    assert [json.loads(e.detail or "{}") for e in events] == [
        {"goal": goal, "fields": "description,due_on,status"},
        {"goal": goal, "fields": "status"},
    ]
    assert all("casa" not in (e.detail or "") for e in events)

    copy = subject_access.view(
        c.get_case(case_ws, ref.id),
        "Centro",
        {},
        {},
        issued=TODAY,
        policy=RetentionPolicy(),
    )
    assert [row["description"] for row in copy.goal_versions] == ["trovare casa", "trovare casa con i figli"]
    assert ("next_review", c.add_months(D0, 3)) in (copy.pathway or ())


def test_editing_a_goal_is_refused_at_another_desk_and_erasure_takes_its_history(
    ws_b: Workspace, case_b: FullCase
) -> None:
    switch(ws_b, OP_B)
    c.edit_goal(ws_b, case_b.goal_id, "un altro testo", None, "IN_CORSO")
    assert count_rows(ws_b, GoalVersion) == 1
    switch(ws_b, OP_A)
    with pytest.raises(PermissionDenied):
        c.edit_goal(ws_b, case_b.goal_id, "intruso", None, "IN_CORSO")
    switch(ws_b, ADMIN)
    c.erase_identity(ws_b, case_b.id)
    assert count_rows(ws_b, GoalVersion) == 0
