"""Migration 0025: a database of revision 0024 gets the flow index led by the desk and the closing date and
the two partial indexes of the cases counted after their closing date; every figure is what testing every
case (as before 0025) gives, and the flow reads the ranges of those indexes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.models import Base
from app.reports.indicators import compute_indicators, compute_indicators_by_desk, flow
from app.reports.indicators.scope import Scope
from app.reports.periods import Period
from app.storage import migrate
from tests.migration_fixtures import downgraded
from tests.query_plans import plans_of

pytest_plugins = ["tests.flow_fixtures"]

FLOW = "ix_case_file_flow"
PARTIAL = {
    "ix_case_file_charged_after_closing": ["taken_in_charge_on", "closed_on"],
    "ix_case_profile_interviewed_after_closing": ["intake_on", "closed_on"],
}
# cases made to say they were closed before they were taken in charge, or before an interview: written at
# 0024, so the upgrade must find them
ODD = (
    "UPDATE case_file SET closed_on = date(taken_in_charge_on, '-20 day') "
    "WHERE id % 7 = 0 AND taken_in_charge_on IS NOT NULL",
    "UPDATE case_file SET closed_on = (SELECT date(min(date), '-3 day') FROM intake WHERE case_id = case_file.id) "
    "WHERE id % 7 = 3 AND id IN (SELECT case_id FROM intake)",
)


def _figures(session: Session) -> list[str]:
    out = []
    for period in (Period.year(2025), Period.year(2026), Period.quarter(2025, 2), Period.quarter(2026, 1)):
        out.append(repr(compute_indicators(session, period, None)))
        out.append(repr(compute_indicators(session, period, [1])))
        out.append(repr(compute_indicators_by_desk(session, period, [1, 2])))
    return out


def _columns(conn: Any, name: str) -> list[str]:
    return [row[2] for row in conn.execute(text(f"PRAGMA index_info({name})"))]


def _plan(session: Session, scope: Scope) -> str:
    return plans_of(session, lambda: flow.contacts_and_flow(session, scope, "it"))


def test_upgrade_from_0024_reads_the_open_cases_and_keeps_every_figure(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with downgraded(tmp_path / "data", "0024", cases=300, seed=24) as m:
        ws, conn = m.ws, m.conn
        assert _columns(conn, FLOW)[:3] == ["help_desk_id", "opened_on", "closed_on"]  # really 0024
        assert not any(_columns(conn, name) for name in PARTIAL)
        for statement in ODD:
            conn.execute(text(statement))
        conn.commit()
        m.upgrade()
        assert _columns(conn, FLOW) == [
            "help_desk_id", "closed_on", "opened_on", "taken_in_charge_on", "status", "statistics_allowed",
            "record_key",
        ]  # fmt: skip
        assert {name: _columns(conn, name) for name in PARTIAL} == PARTIAL
        differences = [
            d
            for d in compare_metadata(MigrationContext.configure(conn), Base.metadata)
            if any(name in repr(d) for name in [FLOW, *PARTIAL])
        ]
        assert differences == []
        assert MigrationContext.configure(conn).get_current_revision() == migrate.head_revision()
        with ws.transaction(write=False) as session:
            kept = _figures(session)
            for name, table in (("ix_case_file_charged_after_closing", "case_file"),
                                ("ix_case_profile_interviewed_after_closing", "case_profile")):  # fmt: skip
                held = session.scalar(text(f"SELECT count(*) FROM {table} INDEXED BY {name}"))
                assert held and held > 5, name  # the odd cases are there to be found
            year, quarter = Scope(Period.year(2025), None), Scope(Period.quarter(2025, 2), [1])
            by_desk = Scope(Period.year(2025), [1, 2], by_desk=True)
            plans = {scope: _plan(session, scope) for scope in (year, quarter, by_desk)}
        request.getfixturevalue("every_case")
        with ws.transaction(write=False) as session:
            assert _figures(session) == kept
    # the cases never closed: one range per desk, each desk skipped through for a whole-centre period and
    # for every desk at once; the few closed before the period found through the partial indexes. Those
    # closed since the period's start are a second range; here, where most cases were closed in 2025-26,
    # SQLite reads the whole index for it unless the desk is given (at full scale: a range, see
    # docs/performance.md)
    for scope, plan in plans.items():
        desk = "help_desk_id=?" if scope is quarter else "ANY(help_desk_id)"
        assert f"COVERING INDEX {FLOW} ({desk} AND closed_on=?)" in plan
        assert "COVERING INDEX ix_case_file_charged_after_closing" in plan
        assert "COVERING INDEX ix_case_profile_interviewed_after_closing" in plan
    assert f"COVERING INDEX {FLOW} (help_desk_id=? AND closed_on>?)" in plans[quarter]
    assert f"SCAN case_file USING COVERING INDEX {FLOW}" not in plans[quarter]
