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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from app.crypto.keyslots import DataKey
from app.fs import file_mode

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


CIPHER_HMAC = "HMAC_SHA256"
"""How every page this version writes is authenticated.

SQLCipher 4's default, HMAC-SHA512, took 9.0 µs a page to check (with the page's AES-256 decryption)
against 5.6 µs for HMAC-SHA256, which the processor computes with its SHA extensions; and a report
checks afresh every page it reads after any commit. Both are full-strength MACs under a 256-bit key
derived from the data key; the tag is 32 bytes instead of 64.
"""
LEGACY_CIPHER_HMAC = "HMAC_SHA512"
"""The pages of every database written before 2026-12: still read (`connect` finds out which), and
rewritten in the current format at unlock (`storage.page_format`)."""


def issue_key(cursor: Any, key: DataKey, hmac: str = CIPHER_HMAC) -> None:
    """The data key and the page format, before any statement reaches the file."""
    cursor.execute(f"PRAGMA key = {key.sqlcipher_literal()}")
    cursor.execute("PRAGMA cipher_compatibility = 4")
    cursor.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")


def page_hmac(connection: Any) -> str:
    """The page format a keyed connection reads and writes (CIPHER_HMAC or LEGACY_CIPHER_HMAC)."""
    return str(connection.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0])


def configure(connection: Any) -> None:
    """The settings every connection gets once its key is issued (the benchmark's baseline gets them too)."""
    cursor = connection.cursor()
    try:
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


def connect(path: Path, key: DataKey, read_only: bool = False, hmac: str | None = None) -> Any:
    """A keyed connection (read-only on `read_only`, else configured for writing). Every connection this
    module makes comes from here, and the backup's checks of a copy too: there is no unencrypted path (the
    benchmark's plain SQLite baseline lives in app/bench).

    The page format is `hmac`, or else the one the file is in: the current one, or the one an earlier
    version wrote (a new or empty file gets the current one). When neither decrypts the first page (a
    wrong key, a damaged file), the connection is in the current format and its first read fails as a
    wrong key always did.
    """
    if not isinstance(key, DataKey):
        raise TypeError("a database connection needs a data key")
    if hmac is not None:
        connection = _keyed(path, key, read_only, hmac)
    else:
        connection = _keyed(path, key, read_only, CIPHER_HMAC)
        if not _first_page_reads(connection):
            legacy = _keyed(path, key, read_only, LEGACY_CIPHER_HMAC)
            if _first_page_reads(legacy):
                connection.close()
                connection = legacy
            else:
                legacy.close()
    if not read_only:
        configure(connection)
    return connection


def _keyed(path: Path, key: DataKey, read_only: bool, hmac: str) -> Any:
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"  # as_uri quotes `#` and `?`: a `#` cut the path (CAV#1)
        connection = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        connection = sqlcipher.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S
        )
    cursor = connection.cursor()
    try:
        issue_key(cursor, key, hmac)
        if read_only:
            cursor.execute("PRAGMA temp_store = MEMORY")
    finally:
        cursor.close()
    return connection


def _first_page_reads(connection: Any) -> bool:
    """False only when the first page does not authenticate in the connection's format (or key); any
    other failure is left for the caller's own first statement to meet."""
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        return "not a database" not in str(exc).lower()
    return True


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
            connection = connect(path, key, read_only=True)
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


def create_database(path: Path, key: DataKey) -> None:
    """A new, empty, keyed database file (schema comes from the migrations)."""
    if path.exists():
        raise StorageError("exists", str(path))
    # Created empty with owner-only permissions first: SQLite gives its -wal and -shm files the same.
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode()))
    connection = connect(path, key)
    try:
        connection.execute("CREATE TABLE _ascolto_probe(x)")
        connection.execute("DROP TABLE _ascolto_probe")
    finally:
        connection.close()


def open_engine(path: Path, key: DataKey) -> Engine:
    """An engine whose every connection is keyed and configured; dispose it to drop them all."""

    def creator() -> Any:
        return connect(path, key)

    engine = engine_over(creator)
    with engine.connect() as conn:
        versions = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
        cipher = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        provider = conn.exec_driver_sql("PRAGMA cipher_provider").scalar()
    log.info("opened database: SQLCipher %s (%s), SQLite %s", cipher, provider, versions)
    return engine


def engine_over(creator: Callable[[], Any]) -> Engine:
    """The pool and transaction settings of every engine, over connections made by `creator`."""
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

    return engine


@contextmanager
def raw_connection(path: Path, key: DataKey) -> Iterator[Any]:
    """A plain DB-API connection for maintenance (integrity checks, rekey, backup)."""
    connection = connect(path, key)
    try:
        yield connection
    finally:
        connection.close()


def integrity_problems(path: Path, key: DataKey) -> list[str]:
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


def vacuum(path: Path, key: DataKey) -> None:
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
