"""BENCHMARK ONLY: the plain-SQLite baseline `ascolto bench` compares SQLCipher against; nothing else uses it.

The same library (sqlcipher3, with no key issued), the same connection settings, engine, migrations and
services as a real data folder, over an UNENCRYPTED file: the difference is what the benchmark measures.
A plain file holds every name in clear, so the production code (app/storage, app/services) has no such
path at all: its connections always issue a data key and its unlock path refuses plaintext files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import uuid
import zipfile
from contextlib import closing
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine

from app.crypto import signing
from app.models.accounts import Centre, HelpDesk, Operator, Role
from app.models.base import utcnow
from app.services.throttle import Pending
from app.services.workspace import Workspace
from app.storage import backup as files
from app.storage import database, migrate

BENCH_USER = "bench"


def connect_plain(path: Path) -> Any:
    """A DB-API connection to an unencrypted file with the settings of every keyed one."""
    connection = sqlcipher.connect(
        str(path), isolation_level=None, check_same_thread=False, timeout=database.BUSY_TIMEOUT_S
    )
    database.configure(connection)
    return connection


def plain_engine(path: Path) -> Engine:
    return database.engine_over(lambda: connect_plain(path))


class PlainWorkspace(Workspace):
    """An unlocked workspace over `folder/ascolto.db` as plain SQLite, logged in as its administrator.

    Created the first time, reopened after. Logging in is done the way `unlock` does it, minus key
    derivation and key probing. There are no key slots and no recovery key.
    """

    @classmethod
    def create_or_open(cls, folder: Path) -> PlainWorkspace:
        workspace = cls(folder)
        workspace.take_folder(create=True)
        try:
            workspace._open_plain()
        except BaseException:
            workspace.close()
            raise
        return workspace

    def _open_plain(self) -> None:
        new = not self.db_path.exists()
        engine = plain_engine(self.db_path)
        self.db.attach(engine, None)
        migrate.upgrade_if_needed(engine, self.db_path, self.backups_dir)
        with self.db.session(write=True) as session:
            if new:
                session.add(
                    Centre(
                        id=1,
                        name="Benchmark (plain SQLite)",
                        code="BG",
                        database_id=uuid.uuid4().hex,
                        signing_key=signing.generate_signing_key(),
                    )
                )
                desk = HelpDesk(name="Bergamo")
                session.add(desk)
                session.flush()
                session.add(
                    Operator(
                        username=BENCH_USER,
                        full_name=BENCH_USER,
                        role=Role.AMMINISTRATRICE.value,
                        help_desk_id=desk.id,
                        slot_id=None,
                        last_login_at=utcnow(),
                    )
                )
                session.flush()
            operator = self.login.operator(session, BENCH_USER)
            if operator is None:
                raise RuntimeError(
                    "the benchmark database has no bench operator: delete the benchmark data folder"
                )
            self.login.audit_login(session, operator, Pending([], [], "", 0))


def plain_backup(ws: Workspace, out_folder: Path) -> Path:
    """The steps of `storage.backup.write_backup` on the plain file (that module always keys SQLCipher).

    The file copied while its WAL is empty (the backup API while it is busy), row counts, digests, an
    uncompressed zip, fsync, then the check: digests, extraction, integrity check and row counts.
    Benchmark only.
    """
    out_folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out_folder))
    target = out_folder / "plain.zip"
    try:
        staged = staging / files.DB_MEMBER
        with closing(connect_plain(ws.db_path)) as source:
            staged.touch()
            copied = files.copy_quiet_file(source, ws.db_path, staged)
            copy = sqlcipher.connect(str(staged), isolation_level=None)
            try:
                if not copied:
                    source.backup(copy, pages=256)
                copy.execute("PRAGMA journal_mode = DELETE").fetchall()
                counts = files.row_counts(copy)
            finally:
                copy.close()
        digest = _sha256(staged)
        manifest = json.dumps({"counts": counts, "sha256": digest}).encode()
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(files.MANIFEST_MEMBER, manifest)
            archive.write(staged, files.DB_MEMBER)
        with target.open("rb+") as handle:
            os.fsync(handle.fileno())
        check = staging / "check.db"
        with (
            zipfile.ZipFile(target) as archive,
            archive.open(files.DB_MEMBER) as member,
            check.open("wb") as sink,
        ):
            shutil.copyfileobj(member, sink, 1 << 20)
        if _sha256(check) != digest:
            raise RuntimeError("plain backup digest mismatch")
        with closing(connect_plain(check)) as connection:
            if [r[0] for r in connection.execute("PRAGMA integrity_check").fetchall()] != ["ok"]:
                raise RuntimeError("plain backup integrity check failed")
            if files.row_counts(connection) != counts:
                raise RuntimeError("plain backup row counts differ")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
