"""Migration 0011: a database of the previous version gets the erasure ledger's mirror, empty, and its
first erasure writes both the mirror and the file beside the database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from app.services import cases
from app.storage import migrate
from tests.foundation_fixtures import add_women, initialise


def test_upgrade_from_0008_adds_the_ledger_mirror(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        ids = add_women(ws, 2)
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")
            conn.commit()
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
            assert "erasure_ledger" not in tables  # really the previous schema
            command.upgrade(config, "head")
            conn.commit()
            assert conn.execute(text("SELECT count(*) FROM erasure_ledger")).scalar() == 0
        assert migrate.current_revision(engine) == migrate.head_revision()
        cases.erase_identity(ws, ids[0])
        with engine.connect() as conn:
            mirrored = [r[0] for r in conn.execute(text("SELECT line FROM erasure_ledger"))]
        assert len(mirrored) == 1
        assert (tmp_path / "data" / "erasures.jsonl").read_text().splitlines() == mirrored
        assert "Donna" not in mirrored[0] and "Prova" not in mirrored[0]  # ids, tags and dates only
