"""Database failures that happen mid-work, put into words a person can act on."""

from __future__ import annotations

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.exc import DBAPIError


def _root(exc: BaseException) -> BaseException:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return exc.orig
    return exc


def describe_database_error(exc: BaseException) -> str | None:
    """One English sentence for errors of the file or the disk, or None if this is not one of them."""
    root = _root(exc)
    if not isinstance(root, sqlcipher.Error):
        if isinstance(root, OSError) and root.errno == 28:
            return "the disk is full; nothing was saved. Free some space and try again."
        return None
    text = str(root).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return "the disk is full; the last change was not saved. Free some space and try again."
    if "readonly" in text or "read-only" in text:
        return "the data folder is read-only; the last change was not saved."
    if "not a database" in text or "malformed" in text or "hmac" in text:
        return "the database file is damaged. Run 'ascolto verify' and restore the latest backup."
    if "locked" in text or "busy" in text:
        return "the database is busy; try again in a moment."
    if "disk i/o" in text:
        return "the disk reported an error; the last change was not saved."
    return None
