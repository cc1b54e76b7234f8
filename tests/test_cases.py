"""The life of a case through the services: consent, contacts, erasure, audit, codes and search."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.models.cases import (
    Case,
    ConsentEvent,
    Contact,
    Goal,
    Identity,
    Intake,
    NameToken,
    Pathway,
    PathwayReview,
    Referral,
    RiskAssessment,
    ServiceDelivery,
)
from app.services import cases as c
from app.services.errors import PermissionDenied, ValidationError
from app.services.workspace import Workspace
from tests.case_fixtures import (
    ADMIN,
    CENTRE_CODE,
    COORD,
    D0,
    DESK_A,
    OP_A,
    TODAY,
    CaseTemplate,
    FullCase,
    People,
    audit_events,
    build_template,
    consent,
    count_rows,
    db_snapshot,
    full_case,
    identity,
    last_event,
    open_case,
    open_copy,
    profile,
    switch,
    text_cells,
)

pytest_plugins = ["tests.case_fixtures"]

DB = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MARKER = "zqxmarker"  # placed in every name and note; must never reach the audit trail nor survive erasure


def _service(on: date = TODAY, minutes: int = 45) -> c.ServiceInput:
    return c.ServiceInput(on, "ASCOLTO", "TELEFONO", minutes, "ACCOGLIENZA")


def _marked_case(ws: Workspace) -> FullCase:
    return full_case(ws, f"Nicolò{MARKER}", f"D'Angelo{MARKER}", note=MARKER)


def _marker_cells(ws: Workspace) -> list[tuple[str, str, str]]:
    return [cell for cell in text_cells(ws) if MARKER in cell[2].casefold()]


@pytest.fixture(scope="module")
def marked_template(
    case_template: CaseTemplate, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, FullCase]:
    return build_template(case_template, tmp_path_factory, OP_A, _marked_case)


@pytest.fixture
def marked_case(marked_template: tuple[Path, FullCase]) -> FullCase:
    """A complete desk A case whose names and notes all carry MARKER."""
    return marked_template[1]


@pytest.fixture
def marked_ws(marked_template: tuple[Path, FullCase], tmp_path: Path) -> Iterator[Workspace]:
    """A private copy holding `marked_case`, unlocked as the operatrice of desk A."""
    ws = open_copy(marked_template[0], tmp_path, OP_A)
    try:
        yield ws
    finally:
        ws.close()


# --- consent ----------------------------------------------------------------------------------------------
@DB
@given(st.sets(st.sampled_from(["CONTATTO_SICURO", "CONDIVISIONE_RETE", "STATISTICHE"])))
def test_open_case_without_processing_consent_creates_nothing(case_ws: Workspace, scopes: set[str]) -> None:
    before = db_snapshot(case_ws)
    with pytest.raises(ValidationError) as err:
        c.open_case(
            case_ws,
            identity(),
            profile(),
            c.ConsentInput(tuple(sorted(scopes)), D0),
            opened_on=D0,
            contact=c.ContactInput(D0, "N1522", "TELEFONO"),
        )
    assert err.value.field == "consent"
    assert db_snapshot(case_ws) == before
    assert count_rows(case_ws, Case) == 0
    assert count_rows(case_ws, Identity) == 0
    assert count_rows(case_ws, NameToken) == 0


def test_open_case_records_the_consents_given(case_ws: Workspace) -> None:
    ref = c.open_case(
        case_ws,
        identity(),
        profile(),
        consent("TRATTAMENTO", "CONDIVISIONE_RETE", partners=("CASA_RIFUGIO", "SERV_SOC")),
        opened_on=D0,
    )
    case = c.get_case(case_ws, ref.id)
    assert (case.processing_consent, case.contact_allowed, case.statistics_allowed) == (True, False, False)
    assert sorted((v.scope, v.partner, v.granted, v.date) for v in case.consents) == [
        ("CONDIVISIONE_RETE", "CASA_RIFUGIO", True, D0),
        ("CONDIVISIONE_RETE", "SERV_SOC", True, D0),
        ("TRATTAMENTO", "", True, D0),
    ]
    c.add_referral(case_ws, ref.id, c.ReferralInput(D0, "CASA_RIFUGIO", shares_data=True))
    with pytest.raises(ValidationError):
        c.add_referral(case_ws, ref.id, c.ReferralInput(D0, "FFOO", shares_data=True))


def test_record_contact_needs_no_consent_and_keeps_nothing_identifying(
    case_ws: Workspace, people: People
) -> None:
    contact_id = c.record_contact(case_ws, c.ContactInput(D0, "PS_OSP", "PRESENZA", reason="INFORMAZIONI"))
    assert {col.name for col in Contact.__table__.columns} == {
        "id",
        "date",
        "help_desk_id",
        "access_channel",
        "first_contact_mode",
        "reason",
        "case_id",
        "operator_id",
        "created_at",
        "record_key",  # random, drawn from nothing (cell key method): identifies nobody
    }, "a new column on the anonymous contact: check it cannot identify her"
    with case_ws.transaction(write=False) as session:
        row = session.get_one(Contact, contact_id)
        stored = (
            row.date,
            row.help_desk_id,
            row.access_channel,
            row.first_contact_mode,
            row.reason,
            row.case_id,
        )
    assert stored == (D0, people.desk_a, "PS_OSP", "PRESENZA", "INFORMAZIONI", None)
    assert count_rows(case_ws, Case) == count_rows(case_ws, Identity) == count_rows(case_ws, NameToken) == 0
    event = last_event(case_ws)
    assert (event.action, event.entity, event.entity_id, event.operator_id) == (
        "contact.created",
        "contact",
        str(contact_id),
        people.op_a,
    )
    with pytest.raises(ValidationError):
        c.record_contact(case_ws, c.ContactInput(D0, "NOT_A_CHANNEL", "PRESENZA"))
    assert count_rows(case_ws, Contact) == 1


def test_withdrawing_safe_contact(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    assert c.get_case(case_ws, ref.id).contact_allowed is True
    c.record_consent(case_ws, ref.id, "CONTATTO_SICURO", False, TODAY)
    case = c.get_case(case_ws, ref.id)
    assert case.contact_allowed is False
    assert case.processing_consent is True and case.statistics_allowed is True
    assert (case.consents[-1].scope, case.consents[-1].granted) == ("CONTATTO_SICURO", False)
    c.record_consent(case_ws, ref.id, "CONTATTO_SICURO", True, TODAY)
    assert c.get_case(case_ws, ref.id).contact_allowed is True


def test_the_contact_status_is_the_latest_choice_in_the_history(case_ws: Workspace) -> None:
    """A withdrawal typed in late with an earlier date does not overrule the consent given after it: the
    header ("do not contact") and the consent history say the same thing."""
    ref = open_case(case_ws)
    c.record_consent(case_ws, ref.id, "CONTATTO_SICURO", True, TODAY)
    c.record_consent(case_ws, ref.id, "STATISTICHE", True, TODAY)
    c.record_consent(case_ws, ref.id, "CONTATTO_SICURO", False, TODAY - timedelta(days=5))
    case = c.get_case(case_ws, ref.id)
    contact = [consent.granted for consent in case.consents if consent.scope == "CONTATTO_SICURO"]
    assert contact[-1] is True and case.contact_allowed is True
    c.record_consent(case_ws, ref.id, "STATISTICHE", False, TODAY - timedelta(days=5))
    assert c.get_case(case_ws, ref.id).statistics_allowed is True
    c.record_consent(case_ws, ref.id, "CONTATTO_SICURO", False, TODAY)  # same day: the last recorded
    assert c.get_case(case_ws, ref.id).contact_allowed is False


def test_withdrawing_statistics(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    c.record_consent(case_ws, ref.id, "STATISTICHE", False, TODAY)
    case = c.get_case(case_ws, ref.id)
    assert case.statistics_allowed is False
    assert case.processing_consent is True and case.contact_allowed is True
    assert case.identity is not None


WRITES: dict[str, Callable[[Workspace, FullCase], object]] = {
    "update_identity": lambda ws, f: c.update_identity(ws, f.id, c.IdentityInput("Eva", "Neri")),
    "update_profile": lambda ws, f: c.update_profile(ws, f.id, c.ProfileInput(birth_year=1970)),
    "save_identity_and_profile": lambda ws, f: c.save_identity_and_profile(
        ws, f.id, c.IdentityInput("Eva", "Bianchi"), c.ProfileInput(birth_year=1971)
    ),
    "record_consent": lambda ws, f: c.record_consent(ws, f.id, "STATISTICHE", False, TODAY),
    "add_intake": lambda ws, f: c.add_intake(ws, f.id, c.IntakeInput(TODAY, "AUTONOMA", "PRESENZA")),
    "add_risk_assessment": lambda ws, f: c.add_risk_assessment(ws, f.id, TODAY, "BASSO", "ISA"),
    "add_goal": lambda ws, f: c.add_goal(ws, f.id, "LAVORO"),
    "update_goal": lambda ws, f: c.update_goal(ws, f.goal_id, status="RAGGIUNTO"),
    "add_pathway_review": lambda ws, f: c.add_pathway_review(ws, f.id, TODAY),
    "add_service": lambda ws, f: c.add_service(ws, f.id, _service()),
    "add_referral": lambda ws, f: c.add_referral(ws, f.id, c.ReferralInput(TODAY, "SERV_SOC")),
    "update_referral_outcome": lambda ws, f: c.update_referral_outcome(ws, f.referral_id, "ACCOLTO", TODAY),
    "set_suspended": lambda ws, f: c.set_suspended(ws, f.id, True),
}


def test_withdrawing_processing_erases_and_freezes_the_case(
    marked_ws: Workspace, marked_case: FullCase
) -> None:
    case_ws, case = marked_ws, marked_case
    assert _marker_cells(case_ws)
    c.record_consent(case_ws, case.id, "TRATTAMENTO", False, TODAY)
    assert _marker_cells(case_ws) == []
    frozen = c.get_case(case_ws, case.id)  # still readable
    assert frozen.processing_consent is False
    assert frozen.identity is None
    assert frozen.contact_allowed is False
    assert frozen.intakes[0].notes == frozen.risks[0].notes == frozen.services[0].notes == ""
    assert frozen.referrals[0].notes == ""
    assert frozen.pathway is not None and frozen.pathway.notes == ""
    assert frozen.pathway.goals[0].description == frozen.pathway.reviews[0].notes == ""
    assert c.search_cases(case_ws, "nicolo").total == 0
    before = db_snapshot(case_ws)
    for name, write in WRITES.items():
        with pytest.raises(ValidationError):
            write(case_ws, case)
        assert db_snapshot(case_ws) == before, name
    switch(case_ws, COORD)
    c.close_case(case_ws, case.id, "INTERR_DONNA", TODAY)
    with pytest.raises(ValidationError):
        c.reopen_case(case_ws, case.id)
    assert c.get_case(case_ws, case.id).status == "INTERR_DONNA"


def test_every_write_works_while_processing_is_allowed(marked_ws: Workspace, marked_case: FullCase) -> None:
    """The counterpart of the test above: the same calls succeed, and change something, on a case with consent."""
    for name, write in WRITES.items():
        before = db_snapshot(marked_ws)
        write(marked_ws, marked_case)
        assert db_snapshot(marked_ws) != before, f"{name} was accepted but wrote nothing"


def test_data_sharing_referrals_follow_the_consent(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    sharing = c.ReferralInput(D0 + timedelta(days=1), "CASA_RIFUGIO", shares_data=True)

    def refused(referral: c.ReferralInput) -> None:
        before = count_rows(case_ws, Referral)
        with pytest.raises(ValidationError) as err:
            c.add_referral(case_ws, ref.id, referral)
        assert err.value.field == "shares_data"
        assert count_rows(case_ws, Referral) == before

    refused(sharing)
    c.add_referral(case_ws, ref.id, replace(sharing, shares_data=False))  # without sharing: always fine
    c.record_consent(
        case_ws, ref.id, "CONDIVISIONE_RETE", True, D0 + timedelta(days=1), partner="CASA_RIFUGIO"
    )
    c.add_referral(case_ws, ref.id, sharing)
    refused(replace(sharing, destination="FFOO"))  # consent for one partner only
    c.record_consent(
        case_ws, ref.id, "CONDIVISIONE_RETE", False, D0 + timedelta(days=2), partner="CASA_RIFUGIO"
    )
    refused(sharing)
    c.record_consent(case_ws, ref.id, "CONDIVISIONE_RETE", True, D0 + timedelta(days=3))  # the whole network
    c.add_referral(case_ws, ref.id, sharing)
    c.add_referral(case_ws, ref.id, replace(sharing, destination="FFOO"))
    c.record_consent(case_ws, ref.id, "CONDIVISIONE_RETE", False, D0 + timedelta(days=4))
    refused(sharing)
    refused(replace(sharing, destination="FFOO"))
    shared = [r for r in c.get_case(case_ws, ref.id).referrals if r.shares_data]
    assert [r.destination for r in shared] == ["CASA_RIFUGIO", "CASA_RIFUGIO", "FFOO"]


# --- erasure ------------------------------------------------------------------------------------------------
def _statistics(ws: Workspace, case_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """The anonymous fields every report counts, which erasure must keep."""
    with ws.transaction(write=False) as session:
        pathway_ids = select(Pathway.id).where(Pathway.case_id == case_id)
        queries = {
            "case": select(
                Case.code, Case.status, Case.help_desk_id, Case.opened_on, Case.taken_in_charge_on,
                Case.closed_on, Case.birth_year, Case.country, Case.education, Case.employment,
                Case.marital_status, Case.cohabitation, Case.has_children, Case.children_count,
                Case.minors_count, Case.minors_witnessed, Case.minors_suffered, Case.pregnant,
                Case.statistics_allowed, Case.processing_consent,
            ).where(Case.id == case_id),
            "intake": select(
                Intake.id, Intake.date, Intake.help_desk_id, Intake.access_channel, Intake.first_contact_mode,
                Intake.violence_forms, Intake.relationship_code, Intake.violence_duration, Intake.police_report,
                Intake.complaint_withdrawn, Intake.measures_requested, Intake.measures_obtained, Intake.emergency,
            ).where(Intake.case_id == case_id),
            "risk": select(RiskAssessment.id, RiskAssessment.date, RiskAssessment.level, RiskAssessment.tool).where(
                RiskAssessment.case_id == case_id
            ),
            "pathway": select(Pathway.id, Pathway.agreed_on, Pathway.closed_on, Pathway.outcome).where(
                Pathway.case_id == case_id
            ),
            "goal": select(Goal.id, Goal.area, Goal.status, Goal.due_on).where(Goal.pathway_id.in_(pathway_ids)),
            "review": select(PathwayReview.id, PathwayReview.date).where(PathwayReview.pathway_id.in_(pathway_ids)),
            "service": select(
                ServiceDelivery.id, ServiceDelivery.date, ServiceDelivery.service_type, ServiceDelivery.mode,
                ServiceDelivery.minutes, ServiceDelivery.help_desk_id, ServiceDelivery.operator_role,
                ServiceDelivery.beneficiary,
            ).where(ServiceDelivery.case_id == case_id),
            "referral": select(
                Referral.id, Referral.date, Referral.destination, Referral.outcome, Referral.outcome_on,
                Referral.shares_data, Referral.children_count,
            ).where(Referral.case_id == case_id),
            "consent": select(ConsentEvent.scope, ConsentEvent.granted, ConsentEvent.partner, ConsentEvent.date).where(
                ConsentEvent.case_id == case_id
            ),
            "contact": select(Contact.id, Contact.date, Contact.access_channel).where(Contact.case_id == case_id),
        }  # fmt: skip
        return {name: sorted(tuple(r) for r in session.execute(q).all()) for name, q in queries.items()}


def test_erase_identity_keeps_statistics_and_removes_everything_else(
    marked_ws: Workspace, marked_case: FullCase, people: People
) -> None:
    case_ws, case = marked_ws, marked_case
    c.add_service(case_ws, case.id, c.ServiceInput(TODAY, "LEGALE_CIV", "VIDEO", 90, "AVVOCATA", "MINORE"))
    c.record_contact(case_ws, c.ContactInput(D0, "N1522", "TELEFONO"), case.id)
    other = open_case(case_ws, f"Other{MARKER}", "Verdi")  # must be left alone
    c.close_case(case_ws, case.id, "CONCLUSO_PARZ", TODAY)
    stats = _statistics(case_ws, case.id)
    assert len(stats["service"]) == 2 and stats["intake"] and stats["goal"] and stats["review"]
    assert c.search_cases(case_ws, "nicolo").total == 1
    switch(case_ws, COORD)

    c.erase_identity(case_ws, case.id)

    assert _statistics(case_ws, case.id) == stats
    assert [cell for cell in _marker_cells(case_ws) if "other" not in cell[2].casefold()] == []
    assert count_rows(case_ws, Identity, case_id=case.id) == 0
    assert count_rows(case_ws, NameToken, case_id=case.id) == 0
    erased = c.get_case(case_ws, case.id)
    assert erased.identity is None
    assert erased.contact_allowed is False
    assert erased.profile == profile()
    assert [s.minutes for s in erased.services] == [90, 60]
    for query in ("nicolo", "dangelo", "angelo", MARKER):
        assert case.id not in {i.id for i in c.search_cases(case_ws, query).items}, query
    by_code = c.search_cases(case_ws, case.code).items
    assert [(i.id, i.display_name) for i in by_code] == [(case.id, "—")]
    (event,) = audit_events(case_ws, "identity.erased")
    assert (event.operator_id, event.entity, event.entity_id) == (people.coord, "case", str(case.id))
    assert MARKER not in (event.detail or "").casefold() and "nicol" not in (event.detail or "").casefold()
    other_file = c.get_case(case_ws, other.id)
    assert other_file.identity is not None and other_file.identity.first_name == f"Other{MARKER}"


# --- audit ----------------------------------------------------------------------------------------------------
def test_get_case_is_audited_as_a_read(case_ws: Workspace, people: People) -> None:
    ref = open_case(case_ws)
    reads_before = audit_events(case_ws, "case.read")
    c.get_case(case_ws, ref.id)
    reads = audit_events(case_ws, "case.read")
    assert len(reads) == len(reads_before) + 1
    assert (reads[-1].operator_id, reads[-1].entity, reads[-1].entity_id) == (
        people.op_a,
        "case",
        str(ref.id),
    )
    assert "case.read" in [h.action for h in c.get_case(case_ws, ref.id).history]


@dataclass(frozen=True)
class Change:
    action: str
    call: Callable[[Workspace, FullCase], object]
    user: str = OP_A


CHANGES: dict[str, Change] = {
    "open_case": Change("case.created", lambda ws, f: open_case(ws, f"Altra{MARKER}", MARKER).id),
    "update_identity": Change(
        "identity.updated",
        lambda ws, f: c.update_identity(ws, f.id, identity(f"Eva{MARKER}", MARKER, notes=MARKER)),
    ),
    "update_profile": Change(
        "profile.updated", lambda ws, f: c.update_profile(ws, f.id, profile(birth_year=1990))
    ),
    "save_identity_and_profile": Change(
        "profile.updated",
        lambda ws, f: c.save_identity_and_profile(
            ws, f.id, identity(f"Eva{MARKER}", MARKER, notes=MARKER), profile(birth_year=1990)
        ),
    ),
    "record_consent/grant": Change(
        "consent.granted",
        lambda ws, f: c.record_consent(ws, f.id, "CONDIVISIONE_RETE", True, TODAY, partner="FFOO"),
    ),
    "record_consent/withdraw": Change(
        "consent.withdrawn", lambda ws, f: c.record_consent(ws, f.id, "STATISTICHE", False, TODAY)
    ),
    "add_intake": Change(
        "intake.created", lambda ws, f: c.add_intake(ws, f.id, c.IntakeInput(TODAY, "AUTONOMA", notes=MARKER))
    ),
    "add_risk_assessment": Change(
        "risk.created", lambda ws, f: c.add_risk_assessment(ws, f.id, TODAY, "MEDIO", "ISA", MARKER)
    ),
    "agree_pathway": Change(
        "pathway.agreed", lambda ws, f: c.agree_pathway(ws, open_case(ws, "Ada", "Neri").id, TODAY, MARKER)
    ),
    "add_goal": Change("goal.created", lambda ws, f: c.add_goal(ws, f.id, "LAVORO", MARKER)),
    "update_goal": Change(
        "goal.updated", lambda ws, f: c.update_goal(ws, f.goal_id, status="PARZIALE", description=MARKER)
    ),
    "add_pathway_review": Change(
        "pathway.reviewed", lambda ws, f: c.add_pathway_review(ws, f.id, TODAY, MARKER)
    ),
    "add_service": Change(
        "service.created", lambda ws, f: c.add_service(ws, f.id, replace(_service(), notes=MARKER))
    ),
    "add_referral": Change(
        "referral.created",
        lambda ws, f: c.add_referral(ws, f.id, c.ReferralInput(TODAY, "MMG", notes=MARKER)),
    ),
    "update_referral_outcome": Change(
        "referral.updated", lambda ws, f: c.update_referral_outcome(ws, f.referral_id, "ACCOLTO", TODAY)
    ),
    "set_suspended": Change("case.status", lambda ws, f: c.set_suspended(ws, f.id, True)),
    "close_case": Change("case.closed", lambda ws, f: c.close_case(ws, f.id, "TRASFERITA", TODAY)),
    "reopen_case": Change(
        "case.reopened",
        lambda ws, f: (c.close_case(ws, f.id, "TRASFERITA", TODAY), c.reopen_case(ws, f.id)),
        COORD,
    ),
    "erase_identity": Change("identity.erased", lambda ws, f: c.erase_identity(ws, f.id), COORD),
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_every_change_is_audited_without_content(
    marked_ws: Workspace, marked_case: FullCase, people: People, name: str
) -> None:
    change, case_ws, case = CHANGES[name], marked_ws, marked_case
    if change.user != OP_A:
        switch(case_ws, change.user)
    result = change.call(case_ws, case)
    event = last_event(case_ws)
    actor = {OP_A: people.op_a, COORD: people.coord}[change.user]
    case_id = result if name == "open_case" else case.id
    if name == "agree_pathway":
        case_id = int(event.entity_id or 0)
        assert case_id != case.id
    assert (event.action, event.operator_id, event.entity, event.entity_id) == (
        change.action,
        actor,
        "case",
        str(case_id),
    )
    for ev in audit_events(case_ws):
        text = json.dumps([ev.action, ev.entity, ev.entity_id, ev.detail], ensure_ascii=False).casefold()
        for secret in (MARKER, "nicol", "angelo", "rssncl", "333 1234567"):
            assert secret not in text, (ev.action, ev.detail)


def test_saving_the_profile_tab_is_one_unit_of_work(case_ws: Workspace) -> None:
    """Identity and profile are saved together or not at all: a refused profile leaves her name as it was."""
    ref = open_case(case_ws)
    before = c.get_case(case_ws, ref.id)
    renamed = c.IdentityInput("Eva", "Neri")
    with pytest.raises(ValidationError) as err:
        c.save_identity_and_profile(
            case_ws, ref.id, renamed, c.ProfileInput(children_count=1, minors_count=2)
        )
    assert err.value.field == "minors_count"
    after = c.get_case(case_ws, ref.id)
    assert (after.identity, after.profile) == (before.identity, before.profile)
    assert c.search_cases(case_ws, "Neri").total == 0
    assert not audit_events(case_ws, "identity.updated")

    c.save_identity_and_profile(case_ws, ref.id, renamed, c.ProfileInput(birth_year=1990))
    assert [e.action for e in audit_events(case_ws)][-2:] == ["identity.updated", "profile.updated"]
    saved = c.get_case(case_ws, ref.id)
    assert saved.identity is not None
    assert (saved.identity.first_name, saved.identity.last_name) == ("Eva", "Neri")
    assert saved.profile.birth_year == 1990


def test_saving_the_profile_tab_without_an_identity_keeps_the_erasure(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    switch(case_ws, COORD)
    c.erase_identity(case_ws, ref.id)
    c.save_identity_and_profile(case_ws, ref.id, None, c.ProfileInput(birth_year=1980))
    case = c.get_case(case_ws, ref.id)
    assert case.identity is None and case.profile.birth_year == 1980


def test_refusals_are_audited_without_content(ws_b: Workspace, case_b: FullCase) -> None:
    with pytest.raises(PermissionDenied):
        c.get_case(ws_b, case_b.id)
    (event,) = audit_events(ws_b, "access.denied")
    assert "segreto" not in (event.detail or "") and "Zanetti" not in (event.detail or "")
    assert json.loads(event.detail or "{}") == {"action": "read"}


# --- the life of a case ------------------------------------------------------------------------------------------
def test_full_life_of_a_case(case_ws: Workspace, people: People) -> None:
    first_call = D0 - timedelta(days=3)
    anonymous = c.record_contact(case_ws, c.ContactInput(first_call, "N1522", "TELEFONO"))
    ref = c.open_case(
        case_ws,
        identity(phone="333 1234567", safe_contact_channel="SMS", safe_contact_times="dopo le 15"),
        profile(),
        consent(),
        opened_on=D0,
        contact=c.ContactInput(D0, "N1522", "PRESENZA"),
    )
    assert ref.code.startswith(f"{CENTRE_CODE}-{D0.year}-")
    assert c.get_case(case_ws, ref.id).status == "IN_ACCOGLIENZA"
    with pytest.raises(ValidationError):  # a goal needs a pathway
        c.add_goal(case_ws, ref.id, "SICUREZZA")
    c.add_intake(
        case_ws,
        ref.id,
        c.IntakeInput(D0, "N1522", "PRESENZA", ("STALKING", "FISICA"), "03", "GT5Y", "SI_PIU_VOLTE",
                      measures_requested=("DIV_AVVIC",), measures_obtained=("DIV_AVVIC",), emergency=True),
    )  # fmt: skip
    with pytest.raises(ValidationError):  # nothing happens before the case opened
        c.add_intake(case_ws, ref.id, c.IntakeInput(D0 - timedelta(days=1)))
    c.add_risk_assessment(case_ws, ref.id, D0 + timedelta(days=1), "ELEVATO", "DA")
    agreed = D0 + timedelta(days=5)
    c.agree_pathway(case_ws, ref.id, agreed, "percorso concordato")
    with pytest.raises(ValidationError):  # one pathway per case
        c.agree_pathway(case_ws, ref.id, agreed)
    assert c.get_case(case_ws, ref.id).status == "IN_CORSO"
    safety = c.add_goal(case_ws, ref.id, "SICUREZZA", "piano di sicurezza", TODAY + timedelta(days=30))
    housing = c.add_goal(case_ws, ref.id, "ABITATIVA")
    c.update_goal(case_ws, safety, status="RAGGIUNTO")
    c.add_pathway_review(case_ws, ref.id, agreed + timedelta(days=20), "verifica")
    with pytest.raises(ValidationError):  # a review cannot precede the pathway
        c.add_pathway_review(case_ws, ref.id, agreed - timedelta(days=1))
    for day, kind, minutes in ((6, "PSICO_IND", 60), (7, "LEGALE_CIV", 90), (8, "ASCOLTO", 15)):
        c.add_service(
            case_ws, ref.id, c.ServiceInput(D0 + timedelta(days=day), kind, "PRESENZA", minutes, "PSICOLOGA")
        )
    c.set_suspended(case_ws, ref.id, True)
    assert c.get_case(case_ws, ref.id).status == "SOSPESO"
    c.set_suspended(case_ws, ref.id, False)
    assert c.get_case(case_ws, ref.id).status == "IN_CORSO"
    c.record_consent(
        case_ws, ref.id, "CONDIVISIONE_RETE", True, D0 + timedelta(days=9), partner="CASA_RIFUGIO"
    )
    referral = c.add_referral(
        case_ws,
        ref.id,
        c.ReferralInput(D0 + timedelta(days=9), "CASA_RIFUGIO", shares_data=True, children_count=2),
    )
    c.update_referral_outcome(case_ws, referral, "ACCOLTO", D0 + timedelta(days=10))
    with pytest.raises(ValidationError):  # closing before the opening
        c.close_case(case_ws, ref.id, "CONCLUSO_OBJ", D0 - timedelta(days=1))
    with pytest.raises(ValidationError):  # closing before the pathway was agreed
        c.close_case(case_ws, ref.id, "CONCLUSO_OBJ", agreed - timedelta(days=1))
    with pytest.raises(ValidationError):  # not a closing outcome
        c.close_case(case_ws, ref.id, "IN_CORSO", TODAY)
    assert c.get_case(case_ws, ref.id).status == "IN_CORSO"

    c.close_case(case_ws, ref.id, "CONCLUSO_OBJ", TODAY)

    case = c.get_case(case_ws, ref.id)
    assert (case.status, case.opened_on, case.taken_in_charge_on, case.closed_on) == (
        "CONCLUSO_OBJ", D0, agreed, TODAY,
    )  # fmt: skip
    assert (case.help_desk_id, case.help_desk_name) == (people.desk_a, DESK_A)
    assert case.identity is not None and case.identity.phone == "333 1234567"
    assert case.identity.safe_contact_channel == "SMS"
    assert case.profile == profile()
    (intake,) = case.intakes
    assert intake.violence_forms == ("FISICA", "STALKING")  # code-list order
    assert (intake.relationship, intake.violence_duration, intake.emergency) == ("03", "GT5Y", True)
    assert intake.measures_obtained == ("DIV_AVVIC",)
    assert [(r.level, r.tool) for r in case.risks] == [("ELEVATO", "DA")]
    assert case.pathway is not None
    assert (case.pathway.agreed_on, case.pathway.closed_on, case.pathway.outcome) == (
        agreed,
        TODAY,
        "CONCLUSO_OBJ",
    )
    assert [(g.id, g.area, g.status) for g in case.pathway.goals] == [
        (safety, "SICUREZZA", "RAGGIUNTO"),
        (housing, "ABITATIVA", "DA_AVVIARE"),
    ]
    assert [r.notes for r in case.pathway.reviews] == ["verifica"]
    assert sorted(s.minutes for s in case.services) == [15, 60, 90]
    assert {s.help_desk_id for s in case.services} == {people.desk_a}
    (ref_view,) = case.referrals
    assert (ref_view.destination, ref_view.outcome, ref_view.outcome_on, ref_view.shares_data) == (
        "CASA_RIFUGIO", "ACCOLTO", D0 + timedelta(days=10), True,
    )  # fmt: skip
    assert ref_view.children_count == 2
    history = [h.action for h in reversed(case.history)]
    expected = ["case.created", "intake.created", "risk.created", "pathway.agreed", "goal.created",
                "goal.created", "goal.updated", "pathway.reviewed", "service.created", "service.created",
                "service.created", "case.status", "case.status", "consent.granted", "referral.created",
                "referral.updated", "case.closed"]  # fmt: skip
    assert [a for a in history if a != "case.read"] == expected
    with case_ws.transaction(write=False) as session:
        contacts = {row.id: row.case_id for row in session.scalars(select(Contact))}
    assert contacts[anonymous] is None and sorted(contacts.values(), key=str) == [ref.id, None]

    with pytest.raises(ValidationError):  # closing a closed case
        c.close_case(case_ws, ref.id, "CONCLUSO_PARZ", TODAY)
    with pytest.raises(ValidationError):  # suspending a closed case
        c.set_suspended(case_ws, ref.id, True)
    with pytest.raises(PermissionDenied):
        c.reopen_case(case_ws, ref.id)
    assert c.get_case(case_ws, ref.id).status == "CONCLUSO_OBJ"

    switch(case_ws, COORD)
    c.reopen_case(case_ws, ref.id)
    reopened = c.get_case(case_ws, ref.id)
    assert (reopened.status, reopened.closed_on, reopened.taken_in_charge_on) == ("IN_CORSO", None, agreed)
    assert reopened.pathway is not None
    assert (reopened.pathway.closed_on, reopened.pathway.outcome) == (None, None)


def test_reopening_a_case_never_taken_in_charge(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    c.close_case(case_ws, ref.id, "INTERR_DONNA", TODAY)
    switch(case_ws, COORD)
    c.reopen_case(case_ws, ref.id)
    case = c.get_case(case_ws, ref.id)
    assert (case.status, case.closed_on, case.pathway) == ("IN_ACCOGLIENZA", None, None)


def test_open_case_refuses_bad_input_and_creates_nothing(case_ws: Workspace) -> None:
    bad_calls = [
        lambda: open_case(case_ws, "", "   "),  # no name at all
        lambda: open_case(case_ws, opened_on=TODAY + timedelta(days=1)),
        lambda: c.open_case(
            case_ws, identity(), profile(minors_count=4), consent()
        ),  # more minors than children
        lambda: c.open_case(case_ws, identity(), profile(country="ZZ"), consent()),
        lambda: c.open_case(case_ws, identity(), profile(), consent("TRATTAMENTO", "NOT_A_SCOPE")),
        lambda: c.open_case(case_ws, identity("A" * 101), profile(), consent()),
    ]
    for call in bad_calls:
        with pytest.raises(ValidationError):
            call()
    assert count_rows(case_ws, Case) == count_rows(case_ws, Identity) == 0


# --- case codes -------------------------------------------------------------------------------------------------
def test_case_codes_are_sequential_per_year(case_ws: Workspace) -> None:
    year = TODAY.year
    last_year = date(year - 1, 6, 15)
    assert open_case(case_ws, opened_on=TODAY).code == f"{CENTRE_CODE}-{year}-0001"
    assert open_case(case_ws, opened_on=TODAY).code == f"{CENTRE_CODE}-{year}-0002"
    assert open_case(case_ws, opened_on=last_year).code == f"{CENTRE_CODE}-{year - 1}-0001"
    assert open_case(case_ws, opened_on=date(year - 3, 1, 1)).code == f"{CENTRE_CODE}-{year - 3}-0001"
    assert open_case(case_ws, opened_on=TODAY).code == f"{CENTRE_CODE}-{year}-0003"
    assert open_case(case_ws, opened_on=last_year).code == f"{CENTRE_CODE}-{year - 1}-0002"


def test_case_codes_are_shared_by_every_help_desk(case_ws: Workspace, people: People) -> None:
    first = open_case(case_ws, opened_on=TODAY)
    switch(case_ws, COORD)
    second = open_case(case_ws, opened_on=TODAY, help_desk_id=people.desk_b)
    assert (first.code, second.code) == (
        f"{CENTRE_CODE}-{TODAY.year}-0001",
        f"{CENTRE_CODE}-{TODAY.year}-0002",
    )


# --- search ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Register:
    nicolo: int
    maria: int
    anna: int
    giulia: int
    codes: dict[int, str]


def _build_register(ws: Workspace, desk_a: int, desk_b: int) -> Register:
    refs = [
        open_case(ws, "Nicolò", "D'Angelo-Rossi", help_desk_id=desk_a),
        open_case(ws, "Maria Grazia", "Rossi", help_desk_id=desk_a),
        open_case(ws, "Anna", "Dell’Orto", help_desk_id=desk_a),
        open_case(ws, "Giulia", "Rossini", help_desk_id=desk_b),
    ]
    c.close_case(ws, refs[2].id, "CONCLUSO_OBJ", TODAY)
    return Register(*(r.id for r in refs), codes={r.id: r.code for r in refs})


@pytest.fixture(scope="module")
def register_template(
    case_template: CaseTemplate, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Register]:
    """Four cases: three at desk A (one closed), one at desk B, opened by the coordinatrice."""
    people = case_template.people
    return build_template(
        case_template, tmp_path_factory, COORD, lambda ws: _build_register(ws, people.desk_a, people.desk_b)
    )


@pytest.fixture
def register(register_template: tuple[Path, Register]) -> Register:
    return register_template[1]


@pytest.fixture(scope="module")
def search_ws(
    register_template: tuple[Path, Register], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Workspace]:
    """One copy of the register shared by the read-only search tests, unlocked as the coordinatrice."""
    ws = open_copy(register_template[0], tmp_path_factory.mktemp("search"), COORD)
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def register_ws(register_template: tuple[Path, Register], tmp_path: Path) -> Iterator[Workspace]:
    """A private copy of the register, unlocked as the coordinatrice."""
    ws = open_copy(register_template[0], tmp_path, COORD)
    try:
        yield ws
    finally:
        ws.close()


def _ids(ws: Workspace, query: str, **options: Any) -> set[int]:
    page = c.search_cases(ws, query, limit=500, **options)
    assert page.total == len(page.items)
    return {item.id for item in page.items}


def test_search_by_code(search_ws: Workspace, register: Register) -> None:
    code = register.codes[register.maria]
    assert _ids(search_ws, code) == {register.maria}
    assert _ids(search_ws, code.lower()) == {register.maria}
    assert _ids(search_ws, f"{CENTRE_CODE}-{D0.year}") == set(register.codes)
    assert _ids(search_ws, "XX-") == set()
    assert _ids(search_ws, "2") == {register.maria}  # digits alone: the sequence number
    assert _ids(search_ws, "0004") == {register.giulia}
    assert _ids(search_ws, "17") == set()


def test_search_by_name_prefixes(search_ws: Workspace, register: Register) -> None:
    assert _ids(search_ws, "nic") == {register.nicolo}
    assert _ids(search_ws, "NICOLÒ") == {register.nicolo}
    assert _ids(search_ws, "nicolo") == {register.nicolo}  # accent-insensitive
    assert _ids(search_ws, "rossi") == {register.nicolo, register.maria, register.giulia}
    assert _ids(search_ws, "rossin") == {register.giulia}
    assert _ids(search_ws, "grazia") == {register.maria}
    assert _ids(search_ws, "icol") == set()  # prefixes of words, not substrings


@pytest.mark.parametrize("query", ["dangelo", "angelo", "d'angelo", "D’Angelo", "d angelo", "ANGEL"])
def test_search_apostrophes(search_ws: Workspace, register: Register, query: str) -> None:
    assert _ids(search_ws, query) == {register.nicolo}


def test_search_typographic_apostrophes(search_ws: Workspace, register: Register) -> None:
    for query in ("dellorto", "orto", "dell'orto", "Dell’Orto"):
        assert _ids(search_ws, query) == {register.anna}, query


def test_search_several_words_narrow(search_ws: Workspace, register: Register) -> None:
    assert _ids(search_ws, "rossi maria") == {register.maria}
    assert _ids(search_ws, "rossi dang") == {register.nicolo}
    assert _ids(search_ws, "maria giulia") == set()
    assert _ids(search_ws, "rossi   nic  dangelo") == {register.nicolo}


def test_search_filters_and_paging(register_ws: Workspace, register: Register, people: People) -> None:
    assert _ids(register_ws, "", statuses=["CONCLUSO_OBJ"]) == {register.anna}
    assert _ids(register_ws, "", statuses=c.OPEN_STATUSES) == {
        register.nicolo,
        register.maria,
        register.giulia,
    }
    assert _ids(register_ws, "rossi", help_desk_id=people.desk_b) == {register.giulia}
    assert _ids(register_ws, "", help_desk_id=people.desk_a) == {
        register.nicolo,
        register.maria,
        register.anna,
    }
    everything = c.search_cases(register_ws, order_by="code", descending=False)
    assert [i.id for i in everything.items] == [
        register.nicolo,
        register.maria,
        register.anna,
        register.giulia,
    ]
    pages = [
        c.search_cases(register_ws, order_by="code", descending=False, limit=3, offset=o) for o in (0, 3, 6)
    ]
    assert [p.total for p in pages] == [4, 4, 4]
    assert [[i.id for i in p.items] for p in pages] == [
        [register.nicolo, register.maria, register.anna],
        [register.giulia],
        [],
    ]
    newest_first = c.search_cases(register_ws, limit=2)
    assert (newest_first.total, [i.id for i in newest_first.items]) == (4, [register.giulia, register.anna])
    row = next(i for i in everything.items if i.id == register.maria)
    assert (row.display_name, row.status, row.help_desk_name) == (
        "Maria Grazia Rossi",
        "IN_ACCOGLIENZA",
        DESK_A,
    )
    switch(register_ws, OP_A)
    assert _ids(register_ws, "rossi") == {register.nicolo, register.maria}
    assert _ids(register_ws, "rossi", help_desk_id=people.desk_b) == {register.nicolo, register.maria}


@pytest.mark.parametrize("query", ["²", "³", "①", "%", "_", "\\", "BG\\%", "'", "’", "-", "\x00", "a" * 500])
def test_search_odd_input_is_not_an_error(search_ws: Workspace, register: Register, query: str) -> None:
    page = c.search_cases(search_ws, query)
    assert page.total == len(page.items)


@settings(DB, max_examples=50)
@given(st.text(max_size=20))
def test_search_never_fails(search_ws: Workspace, query: str) -> None:
    page = c.search_cases(search_ws, query)
    assert page.total == len(page.items)


NAME_WORD = st.text(
    alphabet=st.sampled_from("abcdefghilmnoprstuvzàèéìòùçÀÈÉÌÒÙABCDEFGHILMNOPRSTUVZ"), min_size=1, max_size=8
)


@settings(DB, max_examples=15)
@given(
    first=st.lists(NAME_WORD, min_size=1, max_size=2),
    last=st.lists(NAME_WORD, min_size=1, max_size=2),
    joiners=st.sampled_from([" ", "-", "'", "’"]),
)
def test_every_word_of_her_name_finds_her(
    case_ws: Workspace, first: list[str], last: list[str], joiners: str
) -> None:
    first_name, last_name = " ".join(first), joiners.join(last)
    assume(len(last_name) <= 100)
    ref = open_case(case_ws, first_name, last_name)
    for word in [*first, *last]:
        for query in (word, word.upper(), word[: max(1, len(word) // 2)]):
            assert ref.id in {i.id for i in c.search_cases(case_ws, query, limit=500).items}, (
                query,
                first_name,
                last_name,
            )
    assert ref.id in {i.id for i in c.search_cases(case_ws, f"{last_name} {first_name}", limit=500).items}
    assert ref.id not in {i.id for i in c.search_cases(case_ws, f"{first_name} qqqq", limit=500).items}


def test_search_admin_sees_all(register_ws: Workspace, register: Register) -> None:
    switch(register_ws, ADMIN)
    assert _ids(register_ws, "") == set(register.codes)


@pytest.mark.parametrize("order_by", ["code", "opened", "status", "name", "desk"])
@pytest.mark.parametrize("descending", [False, True])
def test_pages_follow_every_order(register_ws: Workspace, order_by: str, descending: bool) -> None:
    """The page is chosen before names and desks are joined: each order still pages through the list."""
    whole = c.search_cases(register_ws, order_by=order_by, descending=descending).items
    keys = {
        "code": lambda i: i.code,
        "opened": lambda i: (i.opened_on, i.id),
        "status": lambda i: (i.status, i.id),
        "name": lambda i: (i.display_name.split()[-1].casefold(), i.display_name.casefold(), i.id),
        "desk": lambda i: (i.help_desk_name, i.id),
    }
    assert whole == sorted(whole, key=keys[order_by], reverse=descending)
    paged = [
        item
        for offset in range(0, len(whole) + 1, 2)
        for item in c.search_cases(
            register_ws, order_by=order_by, descending=descending, limit=2, offset=offset
        ).items
    ]
    assert paged == whole
    assert all(item.display_name and item.help_desk_name for item in paged)  # joined onto the page
