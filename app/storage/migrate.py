"""Schema migrations, run on open after copying the encrypted file aside."""

from __future__ import annotations

import logging
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.fs import dir_mode
from app.storage.database import StorageError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

# Alembic is imported inside the functions: it costs about a quarter of a second, which the GUI's cold
# start (the unlock screen needs no schema) should not pay.

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config()
    with engine.connect().execution_options(immediate=True) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        conn.commit()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def upgrade_if_needed(engine: Engine, db_path: Path, backups_dir: Path) -> Path | None:
    """Upgrade to head; if the file held data under an older schema, copy it aside first.

    The caller has checkpointed nothing yet: we copy the main file together with its WAL, which is
    exactly the committed state, and SQLite replays the WAL when the copy is opened.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise StorageError("newer_schema", current)
    backup: Path | None = None
    if current is not None:
        backups_dir.mkdir(mode=dir_mode(), exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = backups_dir / f"pre-upgrade-{current}-{stamp}.db"
        engine.dispose()
        wal = db_path.with_name(db_path.name + "-wal")
        copies = [(db_path, backup), (wal, backup.with_name(backup.name + "-wal"))]
        try:
            for source, copy in copies:
                if source.exists():
                    shutil.copy2(source, copy)
        except OSError:
            for _, copy in copies:  # no half copy left to take the space or to be taken for a whole one
                copy.unlink(missing_ok=True)
            raise
        log.info("schema %s -> %s; encrypted copy kept at %s", current, head, backup)
    upgrade(engine)
    fold_wal(engine)
    return backup


def fold_wal(engine: Engine) -> None:
    """Fold the WAL's frames into the file and give the WAL's space back (a TRUNCATE checkpoint).

    After the migrations: creating a database leaves about a megabyte of frames, and an index built over a
    large table as many as the index holds; until the last connection closed, that space stayed taken
    beside the file (on a nearly full disk it was what a later save or checkpoint lacked).
    """
    raw = engine.raw_connection()  # outside any transaction: a checkpoint cannot run inside one
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.fetchall()
        cursor.close()
    finally:
        raw.close()
