"""A data folder of the previous schema revision, for the tests that upgrade it (tests/test_migration_*)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine

from app import demo
from app.services.workspace import Workspace
from app.storage import migrate
from tests.foundation_fixtures import initialise


@dataclass(frozen=True)
class Downgraded:
    """The unlocked folder, its engine, and a connection Alembic runs on."""

    ws: Workspace
    engine: Engine
    conn: Connection
    config: Config

    def upgrade(self) -> None:
        """To head, as the next unlock of this version would."""
        command.upgrade(self.config, "head")
        self.conn.commit()


@contextmanager
def downgraded(folder: Path, revision: str, *, cases: int, seed: int, years: int = 2) -> Iterator[Downgraded]:
    """A demo folder made at head, its schema taken down to `revision` with its data kept."""
    ws, _ = initialise(folder)
    with ws:
        demo.generate(ws, cases=cases, seed=seed, years=years)
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
            conn.commit()
            yield Downgraded(ws, engine, conn, config)
