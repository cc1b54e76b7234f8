"""Database failures that happen mid-work, sorted into what a person can act on.

"Damaged" is said only when the file itself is at fault; a full disk or a read-only folder is said as
such, because advising a restore there would throw away everything since the last backup.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.exc import DBAPIError

DISK_FULL = "disk_full"
READ_ONLY = "read_only"
DAMAGED = "damaged"
BUSY = "busy"
DISK_ERROR = "disk_error"
FULL_BELOW = 1 << 20
"""Free bytes under which a disk is full for the database: less than a few of its writes."""

_ENGLISH = {
    DISK_FULL: "the disk is full; the last change was not saved. Free some space and try again.",
    READ_ONLY: "the data folder is read-only or cannot be opened for writing; the last change was not saved.",
    DAMAGED: "the database file is damaged. Run 'ascolto verify' and restore the latest backup.",
    BUSY: "the database is busy; try again in a moment.",
    DISK_ERROR: "the disk reported an error; the last change was not saved.",
}


def _root(exc: BaseException) -> BaseException:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return exc.orig
    return exc


def classify_database_error(exc: BaseException, folder: Path | None = None) -> str | None:
    """One of the codes above for errors of the file or the disk, or None if this is not one of them.

    SQLite reports some writes that found no room (growing the WAL index, a checkpoint) as a disk I/O
    error: with the data `folder` given, an I/O error on a disk with less than FULL_BELOW free is said
    to be a full disk, which tells her what to do.
    """
    code = _classified(exc)
    if code == DISK_ERROR and folder is not None:
        try:
            if shutil.disk_usage(folder).free < FULL_BELOW:
                return DISK_FULL
        except OSError:
            pass
    return code


def _classified(exc: BaseException) -> str | None:
    root = _root(exc)
    if isinstance(root, OSError) and not isinstance(root, sqlcipher.Error):
        if root.errno == 28:
            return DISK_FULL
        if root.errno in (13, 30):
            return READ_ONLY
        return None
    if not isinstance(root, sqlcipher.Error):
        return None
    text = str(root).lower()
    if "full" in text:
        return DISK_FULL
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return READ_ONLY
    if "not a database" in text or "malformed" in text or "hmac" in text or "corrupt" in text:
        return DAMAGED
    if "locked" in text or "busy" in text:
        return BUSY
    if "disk i/o" in text:
        return DISK_ERROR
    return None


def describe_database_error(exc: BaseException) -> str | None:
    """One English sentence (for the command line), or None if this is not a file or disk error."""
    code = classify_database_error(exc)
    return _ENGLISH[code] if code else None
