"""Migration 0022: a database of revision 0021 gets the desk-led services index, the services figures stay
what they were, and one desk's period and every desk's year read it."""

from __future__ import annotations

from pathlib import Path

from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.reports.indicators.scope import Scope
from app.reports.indicators.services import services
from app.reports.periods import Period
from app.storage import migrate
from tests.migration_fixtures import downgraded
from tests.query_plans import plans_of

INDEX = "ix_service_delivery_desk_year"
SCOPES = [
    Scope(Period.year(2025), None),
    Scope(Period.year(2025), [1]),
    Scope(Period.quarter(2025, 2), [1]),
    Scope(Period.quarter(2026, 1), [2]),
    Scope(Period.year(2025), [1, 2], by_desk=True),
    Scope(Period.year(2026), [1, 2]),
]


def _plan(session: Session, scope: Scope) -> str:
    return plans_of(session, lambda: services(session, scope, "it"))


def test_upgrade_from_0021_adds_the_desk_led_services_index(tmp_path: Path) -> None:
    with downgraded(tmp_path / "data", "0021", cases=80, seed=22) as m:
        ws, conn = m.ws, m.conn
        assert not list(conn.execute(text(f"PRAGMA index_info({INDEX})")))  # really 0021
        with ws.transaction(write=False) as session:
            before = [repr(services(session, scope, "it")) for scope in SCOPES]
        m.upgrade()
        columns = [row[2] for row in conn.execute(text(f"PRAGMA index_info({INDEX})"))]
        assert columns == [
            "help_desk_id", None, "service_type", "mode", "case_id", "minutes", "date", "record_key",
            "woman_key",
        ]  # fmt: skip
        assert MigrationContext.configure(conn).get_current_revision() == migrate.head_revision()
        with ws.transaction(write=False) as session:
            assert [repr(services(session, scope, "it")) for scope in SCOPES] == before
            count = session.scalar(text("SELECT count(*) FROM service_delivery"))
            assert count and count > 100  # the figures compared are not all empty
            assert f"COVERING INDEX {INDEX}" in _plan(session, Scope(Period.quarter(2025, 2), [1]))
            assert f"COVERING INDEX {INDEX}" in _plan(session, Scope(Period.year(2025), [1, 2], by_desk=True))
            assert "COVERING INDEX ix_service_delivery_year" in _plan(session, Scope(Period.year(2025), None))
