"""Migration 0013: a database of the previous version gets the table of received partial aggregates,
empty, and a partial received afterwards is kept there (and replaced by a newer one of its period)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from app.models.reports import PartialAggregate
from app.reports.periods import Period
from app.storage import migrate
from tests.foundation_fixtures import initialise


def test_upgrade_from_0012_adds_the_partials_table(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0012")
            conn.commit()
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
            assert "partial_aggregate" not in tables  # really the previous schema
            command.upgrade(config, "head")
            conn.commit()
            assert conn.execute(text("SELECT count(*) FROM partial_aggregate")).scalar() == 0
        assert migrate.current_revision(engine) == migrate.head_revision()
        with ws.transaction() as session:
            session.add(
                PartialAggregate(
                    source="fp", period_code="2025", period_start=Period.year(2025).start,
                    period_end=Period.year(2025).end, payload=b"{}", digest="0" * 64,
                )
            )  # fmt: skip
        with ws.transaction(write=False) as session:
            row = session.query(PartialAggregate).one()
            assert (row.source, row.period_code, row.payload, row.waived_by) == ("fp", "2025", b"{}", None)
