"""Migration 0020: a database of revision 0019 gets the covering index of the services to minors, and the
section's figures stay what they were."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app import demo
from app.models import Base
from app.reports.indicators.scope import Scope
from app.reports.indicators.services import _minors_statement, services_to_minors
from app.reports.periods import Period
from app.storage import migrate
from tests.foundation_fixtures import initialise

INDEX = "ix_service_delivery_minors"


def _columns(conn: object) -> list[str]:
    return [row[2] for row in conn.execute(text(f"PRAGMA index_info({INDEX})"))]  # type: ignore[attr-defined]


def test_upgrade_from_0019_makes_the_minors_index_covering(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        demo.generate(ws, cases=60, seed=9, years=2)
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        scopes = [Scope(Period.year(year), None) for year in (2024, 2025, 2026)]
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0019")
            conn.commit()
            assert _columns(conn) == ["date", "help_desk_id", "case_id"]  # really 0019
            with ws.transaction(write=False) as session:
                before = [repr(services_to_minors(session, scope, "it")) for scope in scopes]
            command.upgrade(config, "head")
            conn.commit()
            assert _columns(conn) == ["date", "help_desk_id", "case_id", "record_key", "woman_key"]
            differences = [
                d
                for d in compare_metadata(MigrationContext.configure(conn), Base.metadata)
                if INDEX in repr(d)
            ]
            assert differences == []
        assert migrate.current_revision(engine) == migrate.head_revision()
        with ws.transaction(write=False) as session:
            assert [repr(services_to_minors(session, scope, "it")) for scope in scopes] == before
            minors = session.scalar(
                text("SELECT count(*) FROM service_delivery WHERE beneficiary = 'MINORE'")
            )
            assert minors and minors > 10  # the figures compared are not all empty
            compiled = _minors_statement(scopes[0].shape).compile(session.bind)
            args = tuple({**compiled.params, **scopes[0].params}[name] for name in compiled.positiontup or ())
            plan = " ".join(
                str(row[3])
                for row in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), args)
            )
        assert f"USING COVERING INDEX {INDEX}" in plan  # the table itself is never read
