"""Opening the keyed SQLCipher database, and nothing else.

The raw 256-bit key is issued by the connection factory itself, before any statement reaches the file,
never as a passphrase in a URL (a URL ends up in logs and tracebacks). Every connection gets the same
settings: SQLCipher 4 defaults, temporary tables in memory (no plaintext temp files), WAL with
synchronous=FULL (a commit reported is a commit on disk), foreign keys on.

`NullPool` means no connection outlives its unit of work, so disposing the engine on lock leaves no
keyed connection behind.

We use SQLAlchemy's pysqlite dialect with `module=sqlcipher3.dbapi2` rather than the pysqlcipher dialect,
because the latter always issues `PRAGMA key` from the URL password, which SQLCipher rejects when empty.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from app.crypto.atomic import file_mode
from app.crypto.keyslots import DataKey

log = logging.getLogger(__name__)

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096
BUSY_TIMEOUT_S = 10.0
CACHE_KIB = 32768  # decrypted pages kept per connection: repeated report queries skip re-decryption


def _silence_sqlcipher_log() -> None:
    """SQLCipher logs decryption failures to stderr; we report them ourselves, in words."""
    connection = sqlcipher.connect(":memory:")
    try:
        connection.execute("PRAGMA cipher_log_level = NONE").fetchall()
    finally:
        connection.close()


_silence_sqlcipher_log()


class StorageError(Exception):
    """A database file that cannot be opened; `reason` is a stable code the caller turns into text."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


PLAIN_FOR_BENCHMARK_ONLY: None = None
"""The "key" that means NO ENCRYPTION AT ALL. BENCHMARK ONLY: `ascolto bench` runs the same services over a
plain SQLite file to measure what SQLCipher costs. Nothing else may pass it: a real data folder is always
keyed (`precheck_file` and `find_working_key` refuse plaintext files, and the workspace never builds a
plain engine outside `Workspace.for_benchmark`)."""


def _issue_key(cursor: Any, key: DataKey | None) -> None:
    if key is None:  # BENCHMARK ONLY (see PLAIN_FOR_BENCHMARK_ONLY): plain SQLite, same library and pragmas
        return
    cursor.execute(f"PRAGMA key = {key.sqlcipher_literal()}")
    cursor.execute("PRAGMA cipher_compatibility = 4")


def _configure(connection: Any, key: DataKey | None) -> None:
    cursor = connection.cursor()
    try:
        _issue_key(cursor, key)
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        # Deleted content is overwritten with zeros at once: an erased name must not linger in free pages.
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def _raw_connect(path: Path, key: DataKey | None, read_only: bool = False) -> Any:
    if read_only:
        connection = sqlcipher.connect(
            f"file:{path.as_posix()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        cursor = connection.cursor()
        _issue_key(cursor, key)
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.close()
        return connection
    connection = sqlcipher.connect(
        str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S
    )
    _configure(connection, key)
    return connection


def precheck_file(path: Path) -> None:
    """Refuse files that are certainly not an Ascolto database, without opening them for writing."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise StorageError("missing", str(path)) from exc
    if size == 0:
        raise StorageError("empty", str(path))
    with path.open("rb") as handle:
        head = handle.read(len(PLAIN_SQLITE_HEADER))
    if head == PLAIN_SQLITE_HEADER:
        raise StorageError("plaintext", str(path))
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise StorageError("truncated", str(path))


def find_working_key(path: Path, candidates: Sequence[DataKey]) -> DataKey:
    """The candidate key that decrypts the file, probing read-only so a bad file is never written."""
    precheck_file(path)
    for key in candidates:
        try:
            connection = _raw_connect(path, key, read_only=True)
        except sqlcipher.Error as exc:
            raise StorageError("unreadable", type(exc).__name__) from exc
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return key
        except sqlcipher.DatabaseError as exc:
            if "not a database" not in str(exc).lower():  # a disk or permission problem, not a wrong key
                raise StorageError("unreadable", str(exc)) from exc
            continue
        finally:
            connection.close()
    raise StorageError("undecryptable", str(path))


def create_database(path: Path, key: DataKey | None) -> None:
    """A new, empty, keyed database file (schema comes from the migrations); key None: benchmark only."""
    if path.exists():
        raise StorageError("exists", str(path))
    # Created empty with owner-only permissions first: SQLite gives its -wal and -shm files the same.
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode()))
    connection = _raw_connect(path, key)
    try:
        connection.execute("CREATE TABLE _ascolto_probe(x)")
        connection.execute("DROP TABLE _ascolto_probe")
    finally:
        connection.close()


def open_engine(path: Path, key: DataKey | None) -> Engine:
    """An engine whose every connection is keyed and configured; dispose it to drop them all.

    `key=None` (PLAIN_FOR_BENCHMARK_ONLY) gives an unencrypted engine: for `ascolto bench` only.
    """

    def creator() -> Any:
        return _raw_connect(path, key)

    # A small pool keeps decrypted pages (cache_size) alive between units of work: search as you type
    # would otherwise decrypt the same pages again at every keystroke. Locking disposes the engine, which
    # closes every pooled connection, so no keyed connection outlives a lock.
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher,
        creator=creator,
        poolclass=QueuePool,
        pool_size=3,  # a writer's fence and two readers (Workspace.parallel_reads)
        max_overflow=6,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the lock up front: the audit chain reads its head and appends in one transaction.
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    with engine.connect() as conn:
        versions = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
        cipher = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        # without a key (benchmark only) there is no cipher provider, and the pragma returns no row
        provider = conn.exec_driver_sql("PRAGMA cipher_provider").scalar() if key is not None else "none"
    log.info("opened database: SQLCipher %s (%s), SQLite %s", cipher, provider, versions)
    return engine


@contextmanager
def raw_connection(path: Path, key: DataKey | None) -> Iterator[Any]:
    """A plain DB-API connection for maintenance (integrity checks, rekey, backup)."""
    connection = _raw_connect(path, key)
    try:
        yield connection
    finally:
        connection.close()


def checkpoint(path: Path, key: DataKey | None) -> None:
    """Fold the WAL into the main file so a file copy is complete."""
    with raw_connection(path, key) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def integrity_problems(path: Path, key: DataKey | None) -> list[str]:
    """Names of failed checks: SQLCipher page HMACs, then SQLite's own structure check."""
    problems: list[str] = []
    with raw_connection(path, key) as connection:
        try:
            rows = connection.execute("PRAGMA cipher_integrity_check").fetchall()
            if rows:
                problems.append("cipher_integrity_check: " + "; ".join(str(r[0]) for r in rows[:5]))
        except sqlcipher.DatabaseError as exc:
            problems.append(f"cipher_integrity_check: {exc}")
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
            if [r[0] for r in rows] != ["ok"]:
                problems.append("integrity_check: " + "; ".join(str(r[0]) for r in rows[:5]))
        except sqlcipher.DatabaseError as exc:
            problems.append(f"integrity_check: {exc}")
    return problems


def vacuum(path: Path, key: DataKey | None) -> None:
    """Rewrite the file so that erased rows leave no page behind, then empty the WAL.

    After an erasure the deleted cells may survive in free pages and in WAL frames (encrypted, but
    readable by anyone holding the key, e.g. a later restored backup); VACUUM rebuilds every page and
    the TRUNCATE checkpoint drops the old frames. secure_delete zeroes what VACUUM itself frees.
    """
    with raw_connection(path, key) as connection:
        connection.execute("PRAGMA secure_delete = ON").fetchall()
        connection.execute("VACUUM")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def rekey(path: Path, old_key: DataKey, new_key: DataKey) -> None:
    """Re-encrypt every page under `new_key` (the caller has already staged the key slots)."""
    with raw_connection(path, old_key) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        connection.execute("PRAGMA journal_mode = DELETE").fetchall()
        connection.execute(f"PRAGMA rekey = {new_key.sqlcipher_literal()}")
    with raw_connection(path, new_key) as connection:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
