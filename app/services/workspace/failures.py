"""Storage and folder failures said in words: which are damage, which the user can act on."""

from __future__ import annotations

from pathlib import Path

from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import DatabaseDamaged, UserError
from app.storage.database import StorageError
from app.storage.errors import BUSY, DISK_ERROR, DISK_FULL, READ_ONLY, classify_database_error
from app.storage.policy import ENV_ALLOW_UNSAFE, NETWORK_SHARE, SYNCED_FOLDER, DataFolderRefused

_STORAGE_MESSAGES = {
    "missing": QT_TRANSLATE_NOOP("Errors", "The database file is missing from the data folder {folder}."),
    "empty": QT_TRANSLATE_NOOP("Errors", "The database file in {folder} is empty. Restore it from a backup."),
    "plaintext": QT_TRANSLATE_NOOP(
        "Errors",
        "The file in {folder} is an unencrypted SQLite file, not an Ascolto database. It was not opened.",
    ),
    "truncated": QT_TRANSLATE_NOOP(
        "Errors", "The database file in {folder} is truncated or damaged. Restore it from a backup."
    ),
    "undecryptable": QT_TRANSLATE_NOOP(
        "Errors",
        "The database file in {folder} is damaged or does not belong to these key slots. "
        "It was left untouched; restore it from a backup.",
    ),
    "unreadable": QT_TRANSLATE_NOOP(
        "Errors",
        "The database file in {folder} cannot be read right now (disk full, read-only or no permission). "
        "It was left untouched.",
    ),
    "newer_schema": QT_TRANSLATE_NOOP(
        "Errors",
        "This database was written by a newer version of Ascolto. Install the newer version to open it.",
    ),
    "exists": QT_TRANSLATE_NOOP("Errors", "The data folder {folder} already holds a database."),
    "damaged": QT_TRANSLATE_NOOP(
        "Errors",
        "The database in {folder} is damaged: part of it cannot be read. Nothing was changed; restore the "
        "latest backup.",
    ),
}


_FOLDER_REFUSED = {
    NETWORK_SHARE: QT_TRANSLATE_NOOP(
        "Errors",
        "The data folder {folder} is on a network share ({detail}). Ascolto keeps its encrypted database on "
        "a local disk only: network file systems do not lock and flush reliably, and the database could be "
        "damaged. Choose a folder on this PC. An administrator who accepts the risk can set {env}=1.",
    ),
    SYNCED_FOLDER: QT_TRANSLATE_NOOP(
        "Errors",
        "The data folder {folder} is inside a folder kept in sync with the cloud ({detail}). The encrypted "
        "database and its keys would be copied to other servers and could be damaged by the sync. Choose a "
        "folder on this PC outside OneDrive, Dropbox, Google Drive and the like. An administrator who "
        "accepts the risk can set {env}=1.",
    ),
}


_DATABASE_FAILURES = {
    DISK_FULL: QT_TRANSLATE_NOOP(
        "Errors", "The disk is full: the last change was not saved. Free some space and try again."
    ),
    READ_ONLY: QT_TRANSLATE_NOOP(
        "Errors",
        "The data folder {folder} cannot be written (read-only or no permission): the last change was not "
        "saved.",
    ),
    BUSY: QT_TRANSLATE_NOOP("Errors", "The database is busy. Try again in a moment."),
    DISK_ERROR: QT_TRANSLATE_NOOP(
        "Errors", "The disk reported an error: the last change was not saved. Check the disk and try again."
    ),
}


def database_failure(exc: BaseException, folder: Path) -> UserError:
    """A database error in words: a full or read-only disk is said as such, "damaged" only for the file."""
    code = classify_database_error(exc, folder)
    if code in _DATABASE_FAILURES:
        return UserError(_DATABASE_FAILURES[code or ""], folder=str(folder))
    return DatabaseDamaged(_STORAGE_MESSAGES["damaged"], folder=str(folder))


DAMAGE_REASONS = frozenset({"damaged", "undecryptable", "truncated", "empty", "missing"})


def storage_error(exc: StorageError, folder: Path) -> UserError:
    message = _STORAGE_MESSAGES.get(exc.reason, QT_TRANSLATE_NOOP("Errors", "The database cannot be opened."))
    kind = DatabaseDamaged if exc.reason in DAMAGE_REASONS else UserError
    return kind(message, folder=str(folder))


def folder_refused(exc: DataFolderRefused, folder: Path) -> UserError:
    """A data folder on a network share or inside a synced folder, refused with the reason."""
    return UserError(
        _FOLDER_REFUSED.get(exc.reason, _FOLDER_REFUSED[NETWORK_SHARE]),
        folder=str(folder),
        detail=exc.detail,
        env=ENV_ALLOW_UNSAFE,
    )
