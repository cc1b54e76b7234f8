"""The keyed database file: refusing damaged or foreign files untouched, migrations, the audit chain."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, MetaData, text
from sqlalchemy.exc import DBAPIError

from app.crypto import signing
from app.crypto.keyslots import DataKey, KeyStore
from app.services import accounts, maintenance
from app.services.errors import UserError
from app.services.workspace import Workspace
from app.storage import database, migrate
from app.storage.database import StorageError
from tests.foundation_fixtures import (
    ADMIN,
    ADMIN_PW,
    FAST_KDF,
    PLAIN_SQLITE_HEADER,
    data_key_of,
    data_snapshot,
    flip_byte,
    initialise,
    root_page,
    sidecars,
    snapshot,
)

pytest_plugins = ["tests.foundation_fixtures"]

PAGE = database.PAGE_SIZE


def _plain_sqlite(path: Path) -> None:
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE operator(id INTEGER PRIMARY KEY, username TEXT)")
    connection.execute("INSERT INTO operator(username) VALUES ('anna')")
    connection.commit()
    connection.close()


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "zero_length": (lambda p: p.write_bytes(b""), "is empty"),
    "truncated_5000": (lambda p: p.write_bytes(p.read_bytes()[:5000]), "truncated"),
    "random_bytes": (lambda p: p.write_bytes(os.urandom(16 * PAGE)), "damaged or does not belong"),
    "plain_sqlite": (_plain_sqlite, "unencrypted SQLite"),
    "flipped_page_1": (lambda p: flip_byte(p, 200), "damaged"),
    "flipped_salt": (lambda p: flip_byte(p, 3), "damaged"),
}


@pytest.mark.parametrize("case", list(DAMAGE), ids=list(DAMAGE))
def test_damaged_database_is_refused_untouched(fnd_folder: Path, case: str) -> None:
    damage, words = DAMAGE[case]
    damage(fnd_folder / "ascolto.db")
    before = data_snapshot(fnd_folder)
    workspace = Workspace.open(fnd_folder)
    try:
        with pytest.raises(UserError) as info:
            workspace.unlock(ADMIN, ADMIN_PW)
        assert not workspace.is_unlocked
    finally:
        workspace.close()
    assert words in str(info.value)
    assert "Traceback" not in str(info.value)
    assert data_snapshot(fnd_folder) == before
    assert sidecars(fnd_folder) == []


def test_flipped_byte_in_a_table_read_at_unlock_is_a_clear_error(fnd_folder: Path) -> None:
    """Damage in a page that unlock itself reads (the operator table) must still be a UserError."""
    page = root_page(fnd_folder, data_key_of(fnd_folder), "operator")
    assert page > 1
    flip_byte(fnd_folder / "ascolto.db", (page - 1) * PAGE + 300)
    workspace = Workspace.open(fnd_folder)
    try:
        with pytest.raises(UserError) as info:
            workspace.unlock(ADMIN, ADMIN_PW)
        assert "damaged" in str(info.value)
        assert not workspace.is_unlocked
    finally:
        workspace.close()


def test_flipped_byte_in_last_page_is_reported_by_verify(fnd_folder: Path) -> None:
    db = fnd_folder / "ascolto.db"
    flip_byte(db, db.stat().st_size - PAGE + 100)
    workspace = Workspace.open(fnd_folder)
    try:
        try:
            workspace.unlock(ADMIN, ADMIN_PW)
        except UserError:  # acceptable: refused in words; nothing more to verify
            return
        report = maintenance.verify(workspace)
    finally:
        workspace.close()
    assert not report.ok
    assert "cipher_integrity_check" in report.failed_checks()
    assert any("FAILED" in line for line in report.lines() if line.startswith("cipher_integrity_check"))


def test_fresh_database_is_encrypted_and_owner_only(fnd_folder: Path) -> None:
    db = fnd_folder / "ascolto.db"
    assert not db.read_bytes().startswith(PLAIN_SQLITE_HEADER)
    assert db.stat().st_size % PAGE == 0
    if os.name == "posix":
        assert stat.S_IMODE(db.stat().st_mode) & 0o077 == 0
        assert stat.S_IMODE((fnd_folder / "keyslots.json").stat().st_mode) & 0o077 == 0
        assert stat.S_IMODE(fnd_folder.stat().st_mode) & 0o077 == 0


def test_find_working_key_picks_the_right_candidate(fnd_folder: Path) -> None:
    raw = data_key_of(fnd_folder)
    db = fnd_folder / "ascolto.db"
    before = snapshot(fnd_folder)
    with pytest.raises(StorageError) as info:
        database.find_working_key(db, [DataKey.generate(), DataKey.generate(2)])
    assert info.value.reason == "undecryptable"
    assert snapshot(fnd_folder) == before
    assert sidecars(fnd_folder) == []
    wrong = DataKey.generate(generation=2)
    chosen = database.find_working_key(db, [wrong, DataKey(raw, 1)])
    assert chosen.generation == 1 and chosen.raw() == raw


# --- migrations ---------------------------------------------------------------------------------
TEST_REVISION = '''"""test only: a revision on top of the shipped head

Revision ID: ffff_test_only
Revises: {down}
"""
import sqlalchemy as sa
from alembic import op

revision = "ffff_test_only"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_only_upgrade", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("test_only_upgrade")
'''


def _previous_and_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """(PREVIOUS, HEAD) from the shipped scripts.

    While the shipped chain has a single revision, a throw-away revision is stacked on a copy of the
    scripts so that the shipped head plays PREVIOUS; as soon as a second real revision exists, the real
    scripts are used unchanged.
    """
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    head = scripts.get_current_head()
    assert head is not None
    head_script = scripts.get_revision(head)
    assert head_script is not None
    previous = head_script.down_revision
    if previous is None:
        copy_dir = tmp_path / "migrations"
        shutil.copytree(migrate.MIGRATIONS_DIR, copy_dir, ignore=shutil.ignore_patterns("__pycache__"))
        (copy_dir / "versions" / "ffff_test_only.py").write_text(
            TEST_REVISION.format(down=head), encoding="utf-8"
        )
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", copy_dir)
        previous, head = head, "ffff_test_only"
    assert isinstance(previous, str), "a merge revision as head needs this test extended"
    assert migrate.head_revision() == head
    return previous, head


def _insert(conn: Connection, metadata: MetaData, table: str, **values: object) -> None:
    """Insert the values the reflected table has columns for (older revisions may lack some)."""
    target = metadata.tables[table]
    conn.execute(target.insert().values({k: v for k, v in values.items() if k in target.c}))


def test_open_upgrades_previous_schema_keeping_rows_and_an_encrypted_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous, head = _previous_and_head(tmp_path, monkeypatch)
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    db = folder / "ascolto.db"
    key = DataKey.generate()
    key_raw = key.raw()
    keystore = KeyStore.create(folder / "keyslots.json")
    database.create_database(db, key)
    engine = database.open_engine(db, key)
    migrate.upgrade(engine, revision=previous)
    assert migrate.current_revision(engine) == previous
    slot_id = keystore.add_slot(ADMIN, ADMIN_PW, [key], FAST_KDF)
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    with engine.begin() as conn:
        metadata = MetaData()
        metadata.reflect(conn)
        _insert(
            conn,
            metadata,
            "centre",
            id=1,
            name="Centro Storico",
            code="BG",
            database_id=keystore.database_id,
            signing_key=signing.generate_signing_key(),
            created_at=now,
        )
        for name in ("Sportello Vecchio", "Sportello Antico"):
            _insert(
                conn,
                metadata,
                "help_desk",
                name=name,
                town="Bergamo",
                opening_hours="",
                active=True,
                created_at=now,
            )
        _insert(
            conn,
            metadata,
            "operator",
            username=ADMIN,
            full_name="Anna Rossi",
            role="amministratrice",
            help_desk_id=1,
            slot_id=slot_id,
            active=True,
            created_at=now,
        )
    engine.dispose()
    keystore.save()

    workspace = Workspace.open(folder)
    try:
        workspace.unlock(ADMIN, ADMIN_PW)
        with workspace.transaction(write=False) as session:
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head
        desks = {d.name for d in accounts.list_help_desks(workspace)}
        assert {"Sportello Vecchio", "Sportello Antico"} <= desks
        assert [o.username for o in accounts.list_operators(workspace)] == [ADMIN]
    finally:
        workspace.close()

    backups = sorted((folder / "backups").glob("pre-upgrade-*"))
    copies = [p for p in backups if p.suffix == ".db"]
    assert len(copies) == 1, backups
    assert previous in copies[0].name
    for path in backups:
        assert path.stat().st_size > 0
        assert not path.read_bytes().startswith(PLAIN_SQLITE_HEADER)
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0
    # The copy is the pre-upgrade database, still under the data key.
    copy_key = database.find_working_key(copies[0], [DataKey(key_raw)])
    engine = database.open_engine(copies[0], copy_key)
    try:
        assert migrate.current_revision(engine) == previous
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM help_desk").scalar() == 2
    finally:
        engine.dispose()


def test_fresh_folder_is_at_head_without_backup(fnd_ws: Workspace) -> None:
    with fnd_ws.transaction(write=False) as session:
        assert (
            session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            == migrate.head_revision()
        )
    assert not fnd_ws.backups_dir.exists() or not any(fnd_ws.backups_dir.iterdir())


def test_newer_schema_is_refused_untouched(fnd_folder: Path) -> None:
    raw = data_key_of(fnd_folder)
    with database.raw_connection(fnd_folder / "ascolto.db", DataKey(raw)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zzzz_from_the_future'")
    before = snapshot(fnd_folder)
    workspace = Workspace.open(fnd_folder)
    try:
        with pytest.raises(UserError, match="newer version"):
            workspace.unlock(ADMIN, ADMIN_PW)
    finally:
        workspace.close()
    assert snapshot(fnd_folder) == before


# --- the audit chain ----------------------------------------------------------------------------
def _some_events(ws: Workspace) -> None:
    for name in ("Sportello Nord", "Sportello Sud", "Sportello Est"):
        accounts.add_help_desk(ws, name)


def test_audit_events_are_append_only(fnd_ws: Workspace) -> None:
    _some_events(fnd_ws)
    for statement in (
        "UPDATE audit_event SET action = 'nothing' WHERE id = 2",
        "DELETE FROM audit_event WHERE id = 2",
    ):
        with pytest.raises(DBAPIError, match="append-only"), fnd_ws.transaction() as session:
            session.execute(text(statement))
    with fnd_ws.transaction(write=False) as session:
        assert session.execute(text("SELECT action FROM audit_event WHERE id = 2")).scalar_one() != "nothing"
    assert maintenance.verify(fnd_ws).ok


@pytest.mark.parametrize(
    ("trigger", "statement"),
    [
        ("audit_event_no_update", "UPDATE audit_event SET action = 'help_desk.removed' WHERE id = 3"),
        ("audit_event_no_update", "UPDATE audit_event SET operator_id = 99 WHERE id = 2"),
        ("audit_event_no_delete", "DELETE FROM audit_event WHERE id = 3"),
    ],
    ids=["edit_action", "edit_operator", "delete_middle"],
)
def test_tampered_audit_chain_is_reported(fnd_ws: Workspace, trigger: str, statement: str) -> None:
    _some_events(fnd_ws)
    assert maintenance.verify(fnd_ws).ok
    with fnd_ws.transaction() as session:  # an attacker holding the key drops the guard
        session.execute(text(f"DROP TRIGGER {trigger}"))
        session.execute(text(statement))
    report = maintenance.verify(fnd_ws)
    assert not report.ok
    assert set(report.failed_checks()) == {"audit_chain", "audit_triggers"}  # the dropped guard shows too


def test_the_migrations_leave_no_megabyte_of_wal_beside_the_file(tmp_path: Path) -> None:
    """Creating a database wrote ~1.1 MB of WAL frames that stayed on disk until the last connection
    closed (an index built on a large database as much as the index): the migrations now fold them in."""
    ws, _ = initialise(tmp_path / "data")
    with ws:
        wal = ws.db_path.with_name(ws.db_path.name + "-wal")
        assert wal.stat().st_size < 256 * 1024  # a new folder, open
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()  # down a revision, then up as an update would
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0020")
            conn.commit()
        with engine.connect() as conn:  # frames of the downgrade, to be folded by the upgrade
            conn.exec_driver_sql("CREATE TABLE padding (x BLOB)")
            conn.exec_driver_sql("INSERT INTO padding VALUES (zeroblob(600000))")
            conn.exec_driver_sql("DROP TABLE padding")
            conn.commit()
        assert wal.stat().st_size > 512 * 1024
        migrate.upgrade_if_needed(engine, ws.db_path, ws.backups_dir)
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert wal.stat().st_size < 256 * 1024
