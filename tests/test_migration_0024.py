"""Migration 0024: a database of revision 0023 gets the desk index of `case_profile` with every column
behind its key, the profile's figures stay what they were, and one desk's period reads the index alone."""

from __future__ import annotations

from pathlib import Path

from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.reports.indicators.profile import profile
from app.reports.indicators.scope import Scope
from app.reports.periods import Period
from app.storage import migrate
from tests.migration_fixtures import downgraded
from tests.query_plans import plans_of

INDEX = "ix_case_profile_desk"
SCOPES = [
    Scope(Period.year(2025), None),
    Scope(Period.year(2025), [1]),
    Scope(Period.quarter(2025, 2), [1]),
    Scope(Period.quarter(2024, 3), [2]),  # a past period: some women read their interviews of then
    Scope(Period.year(2025), [1, 2], by_desk=True),
    Scope(Period.year(2026), [1, 2]),
]


def _plan(session: Session, scope: Scope) -> str:
    return plans_of(session, lambda: profile(session, scope, "it"))


def test_upgrade_from_0023_carries_every_column_in_the_desk_index(tmp_path: Path) -> None:
    with downgraded(tmp_path / "data", "0023", cases=160, seed=24, years=3) as m:
        ws, conn = m.ws, m.conn
        narrow = [row[2] for row in conn.execute(text(f"PRAGMA index_info({INDEX})"))]
        assert narrow == ["desk_id", "opened_on", "closed_on"]  # really 0023
        with ws.transaction(write=False) as session:
            before = [repr(profile(session, scope, "it")) for scope in SCOPES]
        m.upgrade()
        columns = [row[2] for row in conn.execute(text(f"PRAGMA index_info({INDEX})"))]
        table = [row[1] for row in conn.execute(text("PRAGMA table_info(case_profile)"))]
        assert columns[:3] == narrow and sorted(columns) == sorted(c for c in table if c != "case_id")
        assert MigrationContext.configure(conn).get_current_revision() == migrate.head_revision()
        with ws.transaction(write=False) as session:
            assert [repr(profile(session, scope, "it")) for scope in SCOPES] == before
            count = session.scalar(text("SELECT count(*) FROM case_profile WHERE desk_id = 1"))
            assert count and count > 10  # the figures compared are not all empty
            plan = _plan(session, Scope(Period.quarter(2025, 2), [1]))
            assert f"COVERING INDEX {INDEX}" in plan and "SCAN case_profile" not in plan
