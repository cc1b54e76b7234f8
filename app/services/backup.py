"""Backups and restores, as a careful data-protection officer would want them.

A backup is made while the application keeps running, checked after writing, and never contains a
plaintext byte. A restore checks the file before touching anything, keeps the current database aside
(never deleted), and opens the restored one with the passwords or recovery key valid when the backup
was made; a backup from an older version is migrated on open (after its own pre-upgrade copy).
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import keyslots
from app.crypto.keyslots import KeyStore
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, Role, Setting
from app.models.base import utcnow
from app.services import audit
from app.services.errors import UserError, ValidationError
from app.services.workspace import LoginResult, Workspace
from app.storage import backup as files
from app.storage import database
from app.storage.backup import SUFFIX as BACKUP_SUFFIX  # noqa: F401 - for the interface, through this layer
from app.storage.backup import BackupError, Manifest
from app.storage.database import StorageError
from app.storage.errors import DISK_FULL, classify_database_error

log = logging.getLogger(__name__)
LAST_BACKUP_SETTING = "last_backup_at"
REMINDER_SETTING = "backup_reminder_days"
DEFAULT_REMINDER_DAYS = 7

_MESSAGES = {
    "missing": QT_TRANSLATE_NOOP("Errors", "The backup file {path} does not exist."),
    "not_a_backup": QT_TRANSLATE_NOOP("Errors", "{path} is not an Ascolto backup file."),
    "damaged": QT_TRANSLATE_NOOP(
        "Errors", "The backup file {path} is damaged ({detail}) and was not used. Nothing was changed."
    ),
    "undecryptable": QT_TRANSLATE_NOOP(
        "Errors", "The backup file {path} cannot be decrypted and was not used. Nothing was changed."
    ),
}


def _backup_error(exc: BackupError, path: Path) -> UserError:
    message = _MESSAGES.get(exc.reason, _MESSAGES["damaged"])
    return UserError(message, path=str(path), detail=exc.detail or exc.reason)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest


@dataclass(frozen=True)
class BackupStatus:
    last_backup_at: datetime | None
    reminder_days: int
    overdue: bool


def make_backup(
    ws: Workspace, out_folder: Path, progress: Callable[[int, int], None] | None = None
) -> BackupResult:
    """Write a verified encrypted backup file into `out_folder` (e.g. a USB stick)."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    with ws.transaction(write=False) as session:
        centre = session.get_one(Centre, 1)
        code, database_id = centre.code, centre.database_id
    revision = ws.schema_revision()
    try:
        path = files.write_backup(
            ws.db_path,
            ws.slots_path,
            ws.data_key,
            out_folder,
            centre_code=code,
            database_id=database_id,
            schema_revision=revision,
            progress=progress,
        )
    except BackupError as exc:
        raise _backup_error(exc, out_folder) from exc
    except keyslots.KeyFileError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The key file of this data folder is damaged: no backup was made.")
        ) from exc
    except (OSError, sqlcipher.Error) as exc:
        if classify_database_error(exc) == DISK_FULL or getattr(exc, "errno", None) == 28:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The backup does not fit in {path}: the disk is full. Nothing was kept."
                ),
                path=str(out_folder),
            ) from exc
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The backup could not be written to {path}: {reason}"),
            path=str(out_folder),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    manifest = files.read_manifest(path)
    with ws.transaction() as session:
        _set(session, LAST_BACKUP_SETTING, utcnow().isoformat())
        audit.record(session, actor.operator_id, "backup.created", "centre", 1, {"schema": revision})
    return BackupResult(path, manifest)


def _set(session: Session, key: str, value: str) -> None:
    setting = session.get(Setting, key)
    if setting is None:
        session.add(Setting(key=key, value=value))
    else:
        setting.value = value


def _note_restored_backup(session: Session, created_at: str) -> None:
    """The restored database was itself backed up when the file was made: it says so from now on, or
    the reminder would claim no backup was ever made (the file records the state just before)."""
    try:
        made = datetime.fromisoformat(created_at)
    except (TypeError, ValueError):  # a manifest is read from a file: its date may be anything
        return
    if made.tzinfo is not None:  # stored like utcnow(): naive UTC
        made = made.astimezone(UTC).replace(tzinfo=None)
    setting = session.get(Setting, LAST_BACKUP_SETTING)
    if setting is not None:
        try:
            if datetime.fromisoformat(setting.value) >= made:
                return
        except (TypeError, ValueError):
            pass
    _set(session, LAST_BACKUP_SETTING, made.isoformat())


def backup_status(ws: Workspace, now: datetime | None = None) -> BackupStatus:
    ws.require_actor()
    with ws.transaction(write=False) as session:
        values = {
            s.key: s.value
            for s in session.scalars(
                select(Setting).where(Setting.key.in_([LAST_BACKUP_SETTING, REMINDER_SETTING]))
            )
        }
    last = datetime.fromisoformat(values[LAST_BACKUP_SETTING]) if LAST_BACKUP_SETTING in values else None
    days = int(values.get(REMINDER_SETTING, DEFAULT_REMINDER_DAYS))
    current = now or utcnow()
    overdue = last is None or current - last > timedelta(days=days)
    return BackupStatus(last, days, overdue)


def set_reminder_days(ws: Workspace, days: int) -> None:
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 365:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter a number of days from 1 to 365."), field="backup_reminder_days"
        )
    with ws.transaction() as session:
        _set(session, REMINDER_SETTING, str(days))
        audit.record(session, actor.operator_id, "setting.changed", "setting", REMINDER_SETTING)


def inspect_backup(path: Path) -> Manifest:
    """What a backup file claims, after checking its digests (no key needed)."""
    try:
        return files.read_manifest(path)
    except BackupError as exc:
        raise _backup_error(exc, path) from exc


def restore_backup(
    ws: Workspace,
    backup_file: Path,
    username: str,
    *,
    password: str | None = None,
    recovery_key: str | None = None,
    new_password: str | None = None,
) -> LoginResult:
    """Replace the database of `ws`'s folder with a backup; returns the login into the restored one.

    `ws` holds the folder lock (Workspace.reserve or an open workspace; an unlocked one is locked first,
    and only an amministratrice may restore over a working database). Credentials are those valid in
    the backup: a password, or the recovery key together with a new password.
    """
    if ws.is_unlocked:
        ws.require_actor(Role.AMMINISTRATRICE)
    manifest = inspect_backup(backup_file)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    staging = ws.folder / f".restore-{stamp}"
    try:
        staged_db, staged_slots = files.extract(backup_file, staging)
        try:
            keystore = KeyStore.load(staged_slots)
        except keyslots.KeyFileError as exc:
            raise _backup_error(BackupError("damaged", "keyslots.json"), backup_file) from exc
        try:
            if recovery_key is not None:
                unlocked = keystore.unlock(
                    keyslots.RECOVERY_IDENTITY, keyslots.normalise_recovery_key(recovery_key)
                )
            else:
                unlocked = keystore.unlock(username, password or "")
        except keyslots.KeySlotError as exc:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "These credentials do not open the backup. Use a password that was valid when the backup "
                    "was made, or the recovery key of that time.",
                )
            ) from exc
        try:
            key = database.find_working_key(staged_db, unlocked.data_keys)
            files.verify_extracted(staged_db, key, manifest)
        except StorageError as exc:
            raise _backup_error(BackupError("undecryptable"), backup_file) from exc
        except BackupError as exc:
            raise _backup_error(exc, backup_file) from exc
        ws.lock()  # only now: a refused backup or wrong credentials leave the session as it was
        aside = ws.backups_dir / f"replaced-{stamp}"
        files.replace_database_files(ws.folder, staged_db, staged_slots, aside)
        log.info("restored a backup of %s; the previous database is kept in %s", manifest.created_at, aside)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    ws.reload_slots()
    if recovery_key is not None:
        result = ws.recover(recovery_key, username, new_password or "")
    else:
        result = ws.unlock(username, password or "")
    with ws.transaction() as session:
        _note_restored_backup(session, manifest.created_at)
        audit.record(
            session,
            result.actor.operator_id,
            "backup.restored",
            "centre",
            1,
            {"backup_created_at": manifest.created_at, "schema": manifest.schema_revision},
        )
    return result
