"""`case_profile` (migrations 0019, 0023) holds, for every case, exactly her profile fields, her latest
interview and her latest risk assessment (by date, then id) as the indicators' subquery finds them, whatever writes: the services, raw
SQL on interviews and cases (inserts, changes, moves between cases, deletions), the erasure of her
identity, deletion by retention and the transfer of a case to another PC of the centre."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from app import demo
from app.models.cases import CASE_PROFILE_FIELDS, INTAKE_PROFILE_FIELDS, CaseProfile, Intake
from app.reports.indicators import compute_indicators
from app.reports.periods import Period
from app.services import cases as c
from app.services import retention
from app.services.cases import transfer
from app.services.workspace import Workspace
from tests.case_fixtures import ADMIN, ALL_SCOPES, TODAY, profile, switch
from tests.test_centre import Centre, network, network_template  # noqa: F401 (fixtures)

pytest_plugins = ["tests.case_fixtures"]

_CASE = ", ".join(f"c.{f}" for f in CASE_PROFILE_FIELDS)
_INTAKE = ", ".join(f"i.{f}" for f in ("date", *INTAKE_PROFILE_FIELDS))
REFERENCE = (
    f"SELECT c.id, c.help_desk_id, {_CASE}, {_INTAKE}, r.date, r.level FROM case_file c LEFT JOIN intake i ON "
    "i.id = (SELECT l.id FROM intake l WHERE l.case_id = c.id ORDER BY l.date DESC, l.id DESC LIMIT 1) "
    "LEFT JOIN risk_assessment r ON r.id = (SELECT l.id FROM risk_assessment l WHERE l.case_id = c.id "
    "ORDER BY l.date DESC, l.id DESC LIMIT 1) ORDER BY c.id"
)
STORED = (
    f"SELECT case_id, desk_id, {', '.join(CASE_PROFILE_FIELDS)}, intake_on, {', '.join(INTAKE_PROFILE_FIELDS)}, "
    "risk_on, risk_level FROM case_profile ORDER BY case_id"
)
"""Her latest risk assessment's date and level end both rows."""


@pytest.fixture
def admin_ws(case_ws: Workspace) -> Workspace:
    switch(case_ws, ADMIN)
    return case_ws


def rows(ws: Workspace, sql: str) -> list[tuple[Any, ...]]:
    with ws.transaction(write=False) as session:
        return [tuple(r) for r in session.execute(text(sql))]


def assert_current(ws: Workspace) -> list[tuple[Any, ...]]:
    """The table equals the reference query, row for row and field for field."""
    stored = rows(ws, STORED)
    assert stored == rows(ws, REFERENCE)
    return stored


def test_the_columns_are_the_models() -> None:
    names = {col.name for col in CaseProfile.__table__.columns}
    assert names == {
        "case_id",
        "desk_id",
        "intake_on",
        *CASE_PROFILE_FIELDS,
        *INTAKE_PROFILE_FIELDS,
        "risk_on",
        "risk_level",
    }
    assert set(INTAKE_PROFILE_FIELDS) <= {col.name for col in Intake.__table__.columns}


def test_interviews_and_cases_written_any_way_keep_it_current(admin_ws: Workspace) -> None:
    ws = admin_ws
    demo.generate(ws, cases=30, seed=3, years=2, into_real_archive=True)
    assert len(assert_current(ws)) >= 30
    ref = c.open_case(ws, c.IdentityInput("Marta", "Neri"), profile(), c.ConsentInput(ALL_SCOPES, date(2025, 2, 1)),
                      opened_on=date(2025, 2, 1))  # fmt: skip
    assert_current(ws)  # no interview yet: NULLs
    late = c.add_intake(ws, ref.id, c.IntakeInput(date(2025, 6, 1), "N1522", "TELEFONO", ("FISICA",), "01"))
    early = c.add_intake(
        ws, ref.id, c.IntakeInput(date(2025, 3, 1), "ALTRO", "PRESENZA", ("PSICOLOGICA",), "02")
    )
    same_day = c.add_intake(ws, ref.id, c.IntakeInput(date(2025, 6, 1), "ND", "", (), "", emergency=True))
    (stored,) = [r for r in assert_current(ws) if r[0] == ref.id]
    assert (
        stored[len(CASE_PROFILE_FIELDS) + 2] == date(2025, 6, 1).isoformat() and stored[-3]
    )  # later id wins (-3: emergency, before the risk fields)
    c.add_risk_assessment(ws, ref.id, date(2025, 6, 2), "BASSO", "ISA")  # kept through the erasure below
    c.update_profile(ws, ref.id, profile(birth_year=1970, country="IT", minors_count=2))
    assert_current(ws)
    other = rows(ws, f"SELECT id FROM case_file WHERE id != {ref.id} ORDER BY id LIMIT 1")[0][0]
    desks = [d for (d,) in rows(ws, "SELECT id FROM help_desk ORDER BY id")]
    with ws.transaction() as session:
        for sql in (
            f"UPDATE intake SET violence_forms = ',ECONOMICA,', emergency = 0 WHERE id = {same_day}",
            f"UPDATE intake SET date = '2025-07-01' WHERE id = {early}",  # now the latest
            f"UPDATE intake SET case_id = {other} WHERE id = {late}",  # moved to another case: both change
            f"DELETE FROM intake WHERE id = {early}",
            f"UPDATE case_file SET statistics_allowed = 0, closed_on = '2025-09-30' WHERE id = {ref.id}",
            f"UPDATE case_file SET help_desk_id = {desks[-1]} WHERE id = {other}",
            "UPDATE case_file SET country = 'FR', education = 'LAUREA' WHERE id % 3 = 0",
            "DELETE FROM intake WHERE id % 5 = 0",
            "UPDATE intake SET relationship_code = '03', date = date(date, '+1 day') WHERE id % 7 = 0",
        ):
            session.execute(text(sql))
    assert_current(ws)
    c.erase_identity(ws, ref.id)
    assert_current(ws)
    with ws.transaction() as session:
        session.execute(text(f"DELETE FROM case_file WHERE id = {other}"))  # her interviews with her
    stored = assert_current(ws)
    assert other not in {r[0] for r in stored}


def test_a_past_period_reads_the_interview_of_its_end(admin_ws: Workspace) -> None:
    """A period ending before her latest interview counts the interview she had then, not the latest."""
    ws = admin_ws
    ref = c.open_case(ws, c.IdentityInput("Lia", "Ferri"), profile(), c.ConsentInput(ALL_SCOPES, date(2024, 2, 1)),
                      opened_on=date(2024, 2, 1))  # fmt: skip
    c.add_intake(ws, ref.id, c.IntakeInput(date(2024, 3, 1), "N1522", "TELEFONO", ("FISICA",), "01"))
    c.add_intake(ws, ref.id, c.IntakeInput(date(2025, 3, 1), "N1522", "TELEFONO", ("ECONOMICA",), "02"))

    def forms(year: int) -> dict[str, Any]:
        with ws.transaction(write=False) as session:
            tables = {t.id: t for t in compute_indicators(session, Period.year(year), None)}
        table = tables["violence_forms"]
        return {
            code: table.cells[i][0] for i, code in enumerate(table.rows) if code in ("FISICA", "ECONOMICA")
        }

    before = forms(2024), forms(2025)
    assert before[0]["FISICA"] >= 1 and before[1]["ECONOMICA"] >= 1
    with ws.transaction() as session:  # the row's interview changed behind the triggers' back
        session.execute(text(f"UPDATE case_profile SET violence_forms = ',FISICA,' WHERE case_id = {ref.id}"))
    assert forms(2024) == before[0]  # 2024 reads the interview of its end, not the row's (from 2025)
    assert forms(2025) == {"FISICA": before[1]["FISICA"] + 1, "ECONOMICA": before[1]["ECONOMICA"] - 1}


def test_deletion_by_retention_takes_the_row(admin_ws: Workspace) -> None:
    ws = admin_ws
    opened = date(TODAY.year - 9, 3, 1)
    ref = c.open_case(ws, c.IdentityInput("Ada", "Galli"), profile(), c.ConsentInput(ALL_SCOPES, opened),
                      opened_on=opened)  # fmt: skip
    c.add_intake(
        ws, ref.id, c.IntakeInput(opened + timedelta(days=3), "N1522", "TELEFONO", ("FISICA",), "01")
    )
    c.add_risk_assessment(ws, ref.id, opened + timedelta(days=5), "MEDIO", "SARA_S")
    c.close_case(ws, ref.id, "INTERR_DONNA", date(TODAY.year - 8, 3, 1))
    assert ref.id in {r[0] for r in assert_current(ws)}
    retention.set_policy(ws, retention.RetentionPolicy(full_deletion=True))
    result = retention.apply_retention(ws, retention.due_records(ws))
    assert ref.code in result.deleted
    assert ref.id not in {r[0] for r in assert_current(ws)}


def test_a_transferred_case_leaves_with_its_row_and_arrives_with_one(network: Centre) -> None:  # noqa: F811
    from app.services import centre

    ref = c.open_case(network.desk, c.IdentityInput("Rita", "Sala"), profile(),
                      c.ConsentInput(("TRATTAMENTO", "STATISTICHE"), TODAY - timedelta(days=30)),
                      opened_on=TODAY - timedelta(days=30))  # fmt: skip
    c.add_intake(
        network.desk,
        ref.id,
        c.IntakeInput(TODAY - timedelta(days=20), "N1522", "TELEFONO", ("FISICA",), "01"),
    )
    c.add_intake(
        network.desk,
        ref.id,
        c.IntakeInput(TODAY - timedelta(days=10), "ALTRO", "PRESENZA", ("STALKING",), "02"),
    )
    c.add_risk_assessment(network.desk, ref.id, TODAY - timedelta(days=15), "ELEVATO", "SARA_S")
    c.record_consent(network.desk, ref.id, transfer.CONSENT_SCOPE, True, TODAY)
    out = network.folder / "transfer.age"
    transfer.transfer_case(network.desk, ref.id, "Centro Antiviolenza Prova", out)
    assert assert_current(network.desk) == []
    centre.receive_one(network.main, out)
    arrived = assert_current(network.main)
    assert [r[len(CASE_PROFILE_FIELDS) + 3] for r in arrived] == ["ALTRO"]
    assert [r[-1] for r in arrived] == ["ELEVATO"]  # her assessment came with her
