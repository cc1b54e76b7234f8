"""`case_profile` keeps each case's latest risk assessment (migration 0023): after every kind of write the
kept date and level are exactly those the indicators' lookup finds (latest by date, then id), each trigger
is needed for that, and a period ending before her latest assessment counts the one of its own end."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from importlib import import_module
from typing import Any

import pytest
from sqlalchemy import text

from app import demo
from app.reports.indicators import compute_indicators
from app.reports.periods import Period
from app.services import cases as c
from app.services.workspace import Workspace
from app.storage.migrations.versions import __name__ as versions_package
from tests.case_fixtures import ADMIN, ALL_SCOPES, profile, switch
from tests.test_case_profile import assert_current, rows

pytest_plugins = ["tests.case_fixtures"]
TRIGGERS = sorted(import_module(f"{versions_package}.0023_case_profile_risk").TRIGGERS)


@pytest.fixture
def admin_ws(case_ws: Workspace) -> Workspace:
    switch(case_ws, ADMIN)
    return case_ws


def _kept(ws: Workspace, case_id: int) -> tuple[Any, ...]:
    return rows(ws, f"SELECT risk_on, risk_level FROM case_profile WHERE case_id = {case_id}")[0]


def _sql(ws: Workspace, *statements: str) -> None:
    with ws.transaction() as session:
        for sql in statements:
            session.execute(text(sql))


def _writes(ws: Workspace) -> list[Callable[[], Any]]:
    """Every kind of write that can change a case's latest assessment; each is checked on its own."""
    ref = c.open_case(ws, c.IdentityInput("Nora", "Gatti"), profile(), c.ConsentInput(ALL_SCOPES, date(2025, 2, 1)),
                      opened_on=date(2025, 2, 1))  # fmt: skip
    other = rows(ws, f"SELECT id FROM case_file WHERE id != {ref.id} ORDER BY id LIMIT 1")[0][0]
    ids: dict[str, int] = {}

    def add(name: str, on: date, level: str) -> None:
        ids[name] = c.add_risk_assessment(ws, ref.id, on, level, "SARA_S")

    return [
        lambda: add("march", date(2025, 3, 1), "MEDIO"),
        lambda: add("older", date(2025, 2, 10), "ELEVATO"),  # dated before the latest: the row keeps March
        lambda: add("tie", date(2025, 3, 1), "BASSO"),  # same day: the later id wins
        lambda: _sql(ws, f"UPDATE risk_assessment SET level = 'ELEVATO' WHERE id = {ids['tie']}"),
        lambda: _sql(ws, f"UPDATE risk_assessment SET date = '2025-04-01' WHERE id = {ids['older']}"),  # up
        lambda: _sql(ws, f"UPDATE risk_assessment SET date = '2025-02-11' WHERE id = {ids['older']}"),  # down
        lambda: _sql(ws, f"UPDATE risk_assessment SET id = {ids['tie'] + 1000} WHERE id = {ids['march']}"),
        lambda: _sql(ws, f"UPDATE risk_assessment SET case_id = {other} WHERE id = {ids['tie']}"),  # moved
        lambda: _sql(ws, f"DELETE FROM risk_assessment WHERE id = {ids['tie'] + 1000}"),
        lambda: _sql(ws, f"DELETE FROM risk_assessment WHERE case_id = {ref.id}"),  # none left: NULLs
        lambda: _sql(
            ws, "UPDATE risk_assessment SET level = 'BASSO', date = date(date, '+1 day') WHERE id % 3 = 0"
        ),
        lambda: _sql(ws, "DELETE FROM risk_assessment WHERE id % 4 = 0"),
        lambda: _sql(ws, f"DELETE FROM case_file WHERE id = {other}"),  # her assessments go with her
    ]


def test_every_write_keeps_the_latest_assessment(admin_ws: Workspace) -> None:
    ws = admin_ws
    demo.generate(ws, cases=30, seed=11, years=2, into_real_archive=True)
    assert sum(1 for r in assert_current(ws) if r[-1] is not None) >= 10  # assessed cases to keep
    writes = _writes(ws)
    ref = rows(ws, "SELECT max(id) FROM case_file")[0][0]
    for n, write in enumerate(writes):
        write()
        assert_current(ws)
        if n == 2:
            assert _kept(ws, ref) == ("2025-03-01", "BASSO")  # the tie: the later id
        if n == 4:
            assert _kept(ws, ref) == ("2025-04-01", "ELEVATO")
        if n == 9:
            assert _kept(ws, ref) == (None, None)


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_each_trigger_is_needed(admin_ws: Workspace, trigger: str) -> None:
    """Without any one of the triggers some write leaves the kept assessment stale."""
    ws = admin_ws
    demo.generate(ws, cases=10, seed=12, years=2, into_real_archive=True)
    _sql(ws, f"DROP TRIGGER {trigger}")
    with pytest.raises(AssertionError):
        for write in _writes(ws):
            write()
            assert_current(ws)


def test_a_past_period_reads_the_assessment_of_its_end(admin_ws: Workspace) -> None:
    """A period ending before her latest assessment counts the level she had then, not the latest."""
    ws = admin_ws
    ref = c.open_case(ws, c.IdentityInput("Ida", "Riva"), profile(), c.ConsentInput(ALL_SCOPES, date(2024, 2, 1)),
                      opened_on=date(2024, 2, 1))  # fmt: skip
    c.add_risk_assessment(ws, ref.id, date(2024, 3, 1), "BASSO", "SARA_S")
    c.add_risk_assessment(ws, ref.id, date(2025, 3, 1), "ELEVATO", "SARA_S")

    def levels(year: int) -> dict[str, Any]:
        with ws.transaction(write=False) as session:
            tables = {t.id: t for t in compute_indicators(session, Period.year(year), None)}
        table = tables["risk_level"]
        return {code: table.cells[i][0] for i, code in enumerate(table.rows) if code in ("BASSO", "ELEVATO")}

    before = levels(2024), levels(2025)
    assert before[0]["BASSO"] >= 1 and before[1]["ELEVATO"] >= 1
    _sql(ws, f"UPDATE case_profile SET risk_level = 'BASSO' WHERE case_id = {ref.id}")  # behind the triggers
    assert levels(2024) == before[0]  # 2024 looks up the assessment of its end, not the row's (from 2025)
    assert levels(2025) == {"BASSO": before[1]["BASSO"] + 1, "ELEVATO": before[1]["ELEVATO"] - 1}
