"""Migration 0012: a database of the previous version gets the centre's tables, empty, keeps its cases,
and then joins a centre of several PCs like a new one."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from app.services import centre
from app.storage import migrate
from tests.foundation_fixtures import add_women, initialise

TABLES = {"centre_installation", "centre_bundle", "case_tombstone", "case_arrival"}


def test_upgrade_from_0011_adds_the_centre_tables(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        add_women(ws, 2)
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0011")
            conn.commit()
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
            assert not TABLES & tables  # really the previous schema
            command.upgrade(config, "head")
            conn.commit()
            for table in TABLES:
                assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
            assert conn.execute(text("SELECT count(*) FROM case_file")).scalar() == 2
        assert migrate.current_revision(engine) == migrate.head_revision()
        made = centre.invite(ws, "Sportello Nuovo", tmp_path / "invite.json")
        assert len(made.fingerprint.split()) == 8
        assert [m.state for m in centre.members(ws) if not m.is_self] == ["invited"]
