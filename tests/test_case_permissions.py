"""Who may reach which case: an operatrice only her help desk's cases, a coordinatrice every case.

Every refusal is a PermissionDenied that changes nothing and leaves an "access.denied" audit event.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services import cases as c
from app.services.errors import PermissionDenied
from app.services.workspace import Workspace
from tests.case_fixtures import (
    COORD,
    D0,
    OP_B,
    TODAY,
    FullCase,
    People,
    audit_events,
    db_snapshot,
    full_case,
    open_case,
    switch,
)

pytest_plugins = ["tests.case_fixtures"]

Call = Callable[[Workspace, FullCase], object]

# Every service function that reaches a case by its id (or by the id of one of its records).
CASE_FUNCTIONS: dict[str, Call] = {
    "get_case": lambda ws, f: c.get_case(ws, f.id),
    "record_contact": lambda ws, f: c.record_contact(ws, c.ContactInput(TODAY, "AUTONOMA", "TELEFONO"), f.id),
    "update_identity": lambda ws, f: c.update_identity(ws, f.id, c.IdentityInput("Eva", "Neri")),
    "update_profile": lambda ws, f: c.update_profile(ws, f.id, c.ProfileInput(birth_year=1970)),
    "save_identity_and_profile": lambda ws, f: c.save_identity_and_profile(
        ws, f.id, c.IdentityInput("Eva", "Neri"), c.ProfileInput(birth_year=1970)
    ),
    "record_consent": lambda ws, f: c.record_consent(ws, f.id, "STATISTICHE", False, TODAY),
    "add_intake": lambda ws, f: c.add_intake(ws, f.id, c.IntakeInput(TODAY, "AUTONOMA", "PRESENZA")),
    "add_risk_assessment": lambda ws, f: c.add_risk_assessment(ws, f.id, TODAY, "BASSO", "ISA"),
    "add_police_report_event": lambda ws, f: c.add_police_report_event(ws, f.id, TODAY, "PRESENTATA"),
    "agree_pathway": lambda ws, f: c.agree_pathway(ws, f.id, TODAY),
    "add_goal": lambda ws, f: c.add_goal(ws, f.id, "LAVORO"),
    "update_goal": lambda ws, f: c.update_goal(ws, f.goal_id, status="RAGGIUNTO"),
    "edit_goal": lambda ws, f: c.edit_goal(ws, f.goal_id, "altro testo", None, "IN_CORSO"),
    "add_pathway_review": lambda ws, f: c.add_pathway_review(ws, f.id, TODAY),
    "add_service": lambda ws, f: c.add_service(
        ws, f.id, c.ServiceInput(TODAY, "ASCOLTO", "TELEFONO", 30, "ACCOGLIENZA")
    ),
    "add_referral": lambda ws, f: c.add_referral(ws, f.id, c.ReferralInput(TODAY, "SERV_SOC")),
    "update_referral_outcome": lambda ws, f: c.update_referral_outcome(ws, f.referral_id, "ACCOLTO", TODAY),
    "set_suspended": lambda ws, f: c.set_suspended(ws, f.id, True),
    "close_case": lambda ws, f: c.close_case(ws, f.id, "CONCLUSO_OBJ", TODAY),
    "reopen_case": lambda ws, f: c.reopen_case(ws, f.id),
    "erase_identity": lambda ws, f: c.erase_identity(ws, f.id),
}
ID_PARAMETERS = {"case_id", "goal_id", "referral_id"}


def test_the_table_covers_every_function_taking_a_case_id() -> None:
    """A new service function on a case must be added to CASE_FUNCTIONS (and so to the tests below)."""
    public = {
        name
        for name, func in inspect.getmembers(c, inspect.isfunction)
        if func.__module__.startswith(c.__name__ + ".")  # the package re-exports its modules' use cases
        and not name.startswith("_")
        and ID_PARAMETERS & set(inspect.signature(func).parameters)
        and "session" not in inspect.signature(func).parameters
    }
    assert public == set(CASE_FUNCTIONS)


@pytest.mark.parametrize("name", sorted(CASE_FUNCTIONS))
def test_operatrice_cannot_reach_another_desks_case(
    ws_b: Workspace, case_b: FullCase, people: People, name: str
) -> None:
    before = db_snapshot(ws_b)
    denied_before = len(audit_events(ws_b, "access.denied"))
    with pytest.raises(PermissionDenied):
        CASE_FUNCTIONS[name](ws_b, case_b)
    assert db_snapshot(ws_b) == before
    denied = audit_events(ws_b, "access.denied")
    assert len(denied) == denied_before + 1, f"{name}: the refusal is not on the audit trail"
    event = denied[-1]
    assert (event.operator_id, event.entity, event.entity_id) == (people.op_a, "case", str(case_b.id))


def test_operatrice_reaches_her_own_desks_case(ws_b: Workspace, case_b: FullCase, people: People) -> None:
    own = open_case(ws_b, "Alessia", "Brambilla")
    case = c.get_case(ws_b, own.id)
    assert case.help_desk_id == people.desk_a
    c.add_service(ws_b, own.id, c.ServiceInput(TODAY, "ASCOLTO", "TELEFONO", 30, "ACCOGLIENZA"))
    assert audit_events(ws_b, "access.denied") == []


def test_operatrice_cannot_record_for_another_desk(ws_b: Workspace, people: People) -> None:
    before = db_snapshot(ws_b)
    with pytest.raises(PermissionDenied):
        open_case(ws_b, "Alessia", "Brambilla", help_desk_id=people.desk_b)
    with pytest.raises(PermissionDenied):
        c.record_contact(ws_b, c.ContactInput(TODAY, "AUTONOMA", "TELEFONO", help_desk_id=people.desk_b))
    assert db_snapshot(ws_b) == before


def test_search_by_an_operatrice_never_returns_another_desks_cases(
    ws_b: Workspace, case_b: FullCase, people: People
) -> None:
    own = open_case(ws_b, "Beatrice", "Zanetti")  # same name as the desk B case
    for query in ("", "Beatrice", "zanetti", case_b.code, case_b.code[:3], str(case_b.id)):
        for desk in (None, people.desk_a, people.desk_b):
            page = c.search_cases(ws_b, query, help_desk_id=desk, limit=500)
            assert case_b.id not in {item.id for item in page.items}, (query, desk)
            assert all(item.help_desk_id == people.desk_a for item in page.items)
            assert page.total == len(page.items)
    assert [item.id for item in c.search_cases(ws_b, "Beatrice").items] == [own.id]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.text(
        alphabet=st.one_of(
            st.characters(categories=["Lu", "Ll", "Zs", "Pd", "Po"]), st.sampled_from("0123456789")
        ),
        max_size=12,
    ),
    statuses=st.one_of(
        st.none(), st.lists(st.sampled_from(c.OPEN_STATUSES + c.CLOSING_STATUSES), max_size=3)
    ),
)
def test_search_never_leaks_whatever_the_query(
    ws_b: Workspace, case_b: FullCase, people: People, query: str, statuses: list[str] | None
) -> None:
    page = c.search_cases(ws_b, query, statuses=statuses, help_desk_id=people.desk_b, limit=500)
    assert all(item.help_desk_id == people.desk_a for item in page.items)
    assert page.total == len(page.items)


def test_coordinatrice_reads_every_case(ws_b: Workspace, case_b: FullCase, people: People) -> None:
    own = open_case(ws_b, "Alessia", "Brambilla")
    switch(ws_b, COORD)
    assert c.get_case(ws_b, own.id).help_desk_id == people.desk_a
    file_b = c.get_case(ws_b, case_b.id)
    assert file_b.help_desk_id == people.desk_b
    assert file_b.identity is not None and file_b.identity.last_name == "Zanetti"
    assert {item.id for item in c.search_cases(ws_b).items} == {own.id, case_b.id}
    assert [i.id for i in c.search_cases(ws_b, help_desk_id=people.desk_b).items] == [case_b.id]
    assert audit_events(ws_b, "access.denied") == []
    c.add_pathway_review(ws_b, case_b.id, TODAY, "verifica della coordinatrice")
    assert len(c.get_case(ws_b, case_b.id).pathway.reviews) == 2  # type: ignore[union-attr]


def test_operatrice_cannot_erase_an_identity_even_at_her_desk(case_ws: Workspace) -> None:
    own = full_case(case_ws, "Alessia", "Brambilla")
    before = db_snapshot(case_ws)
    with pytest.raises(PermissionDenied):
        c.erase_identity(case_ws, own.id)
    assert db_snapshot(case_ws) == before
    case = c.get_case(case_ws, own.id)
    assert case.identity is not None and case.identity.last_name == "Brambilla"
    assert c.search_cases(case_ws, "brambilla").total == 1


def test_operatrice_cannot_reopen_a_case_even_at_her_desk(case_ws: Workspace) -> None:
    own = full_case(case_ws, "Alessia", "Brambilla")
    c.close_case(case_ws, own.id, "INTERR_DONNA", TODAY)
    before = db_snapshot(case_ws)
    with pytest.raises(PermissionDenied):
        c.reopen_case(case_ws, own.id)
    assert db_snapshot(case_ws) == before
    assert c.get_case(case_ws, own.id).status == "INTERR_DONNA"
    switch(case_ws, COORD)
    c.reopen_case(case_ws, own.id)
    assert c.get_case(case_ws, own.id).status == "IN_CORSO"


def test_operatrice_of_desk_b_in_turn_cannot_reach_desk_a(case_ws: Workspace, people: People) -> None:
    own = open_case(case_ws, "Alessia", "Brambilla", opened_on=D0 - timedelta(days=1))
    switch(case_ws, OP_B)
    with pytest.raises(PermissionDenied):
        c.get_case(case_ws, own.id)
    assert c.search_cases(case_ws, "alessia").total == 0
    (event,) = audit_events(case_ws, "access.denied")
    assert (event.operator_id, event.entity_id) == (people.op_b, str(own.id))
