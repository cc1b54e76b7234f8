"""A database an earlier version wrote with HMAC-SHA512 pages, rewritten with the current format's.

Every page a report reads after a commit is authenticated again; HMAC-SHA256 makes that about 40 %
cheaper (`database.CIPHER_HMAC`). The rewrite is SQLCipher's own `sqlcipher_export` into a new file
beside the database: the file is replaced only by a complete copy found equal to it (the same schema,
the same number of rows in every table), with one atomic rename. Until then the database is untouched,
and whatever fails (a full disk, a damaged page, a file the system will not let go) leaves it in the
earlier format, which every part of Ascolto still reads.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from app.crypto.keyslots import DataKey
from app.fs import file_mode, fsync_directory
from app.storage import database
from app.storage.errors import classify_database_error

log = logging.getLogger(__name__)

STAGED_SUFFIX = ".converting"
"""The new file while it is written, beside the database (the same disk, so the rename is atomic)."""


class _NotEqual(Exception):
    """The copy differs from the database, or the database is still in use: keep the database as it is."""


def convert_legacy(path: Path, key: DataKey) -> bool:
    """Rewrite `path` in the current page format if an earlier version wrote it; True if it did.

    Call it with no other connection to the file open: the file is replaced. The database's WAL is
    folded into it first, so the copy holds every commit.
    """
    staged = path.with_name(path.name + STAGED_SUFFIX)
    _remove(staged)  # a rewrite a crash interrupted
    try:
        with database.raw_connection(path, key) as connection:
            if database.page_hmac(connection) == database.CIPHER_HMAC:
                return False
            _export(connection, staged, key)
        _replace(staged, path)
    except (OSError, sqlcipher.Error, _NotEqual) as exc:
        _remove(staged)
        log.warning("database kept in the earlier page format: %s", _reason(exc))
        return False
    log.info("database rewritten with %s pages", database.CIPHER_HMAC)
    return True


def _export(connection: Any, staged: Path, key: DataKey) -> None:
    busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    if busy:
        raise _NotEqual("another connection holds the WAL")
    os.close(os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode()))
    connection.execute(f"ATTACH DATABASE ? AS converted KEY {key.sqlcipher_literal()}", (str(staged),))
    try:
        connection.execute(f"PRAGMA converted.cipher_hmac_algorithm = {database.CIPHER_HMAC}")
        connection.execute("SELECT sqlcipher_export('converted')").fetchall()
        _check_equal(connection)
    finally:
        connection.execute("DETACH DATABASE converted")


def _check_equal(connection: Any) -> None:
    """The copy has the database's schema, user version and number of rows in every table."""

    def schema(db: str) -> list[tuple[Any, ...]]:
        query = f"SELECT type, name, tbl_name, sql FROM {db}.sqlite_master ORDER BY type, name"
        return [tuple(row) for row in connection.execute(query)]

    if schema("main") != schema("converted"):
        raise _NotEqual("schema")
    versions = {connection.execute(f"PRAGMA {db}.user_version").fetchone()[0] for db in ("main", "converted")}
    if len(versions) != 1:
        raise _NotEqual("user_version")
    tables = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND rootpage > 0"
        )
    ]
    for table in tables:
        counts = {
            connection.execute(f'SELECT count(*) FROM {db}."{table}"').fetchone()[0]
            for db in ("main", "converted")
        }
        if len(counts) != 1:
            raise _NotEqual(f"rows of {table}")


def _replace(staged: Path, path: Path) -> None:
    """The copy, on disk, in the database's place: the WAL was folded and its last connection closed, so
    no frame of the earlier file can be replayed over the new one."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise _NotEqual("the WAL was not emptied")
    with staged.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(staged, path)
    fsync_directory(path.parent)


def _remove(staged: Path) -> None:
    for leftover in (staged, staged.with_name(staged.name + "-journal")):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove an interrupted rewrite: %s", leftover.name)


def _reason(exc: BaseException) -> str:
    """What went wrong, without a path or a value that could name anyone (the log is plaintext)."""
    if isinstance(exc, _NotEqual):
        return str(exc)
    return classify_database_error(exc) or type(exc).__name__
