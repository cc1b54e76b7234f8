"""Migration 0014: a database of the previous version gets the outbox tables, empty, matching the models."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app.models import Base
from app.services import outbox
from app.storage import migrate
from tests.foundation_fixtures import initialise

TABLES = {
    "delivery_route",
    "outbox_item",
    "outbox_attachment",
    "outbox_event",
    "delivery_receipt",
    "inbox_entry",
}


def test_upgrade_from_0013_adds_the_outbox(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0013")
            conn.commit()
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
            assert not tables & TABLES  # really the previous schema
            command.upgrade(config, "head")
            conn.commit()
            differences = [
                d
                for d in compare_metadata(MigrationContext.configure(conn), Base.metadata)
                if any(t in repr(d) for t in TABLES)
            ]
            assert differences == []
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert outbox.items(ws) == []
