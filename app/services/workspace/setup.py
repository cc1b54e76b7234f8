"""Setting up a new data folder, and opening or reserving an existing one (nothing decrypted yet)."""

from __future__ import annotations

import logging
import re
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.crypto import keyslots, signing
from app.crypto.keyslots import DataKey, KdfParams, KeyStore
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, HelpDesk, Operator, Role
from app.models.base import utcnow
from app.services import audit, settings
from app.services.constants import DB_FILE, SLOTS_FILE, holds_data
from app.services.errors import UserError, ValidationError
from app.services.workspace.credentials import actor_of, check_passphrase, normalise_username
from app.services.workspace.failures import storage_error
from app.services.workspace.keys import bind_slot, record_generation
from app.storage import database, migrate
from app.storage.database import StorageError

if TYPE_CHECKING:
    from app.services.workspace.workspace import Workspace

log = logging.getLogger(__name__)


def open_existing(ws: Workspace) -> None:
    """Take the folder lock and read the slot file; nothing is decrypted yet."""
    ws.take_folder(create=False)
    if not ws.slots_path.exists() and not ws.db_path.exists():
        ws.close()
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "No Ascolto data folder at {folder}. Set one up first."),
            folder=str(ws.folder),
        )
    try:
        ws.keys.load()
    except UserError:
        ws.close()
        raise


def reserve(ws: Workspace) -> None:
    """Take the folder lock even if the folder holds nothing usable yet (restoring a backup)."""
    ws.take_folder(create=True)
    ws.keys.load_if_any()


@dataclass(frozen=True)
class NewFolder:
    """What the first administrator gives to set up a folder, checked and normalised."""

    centre_name: str
    code: str
    desk_name: str
    username: str
    full_name: str
    password: str
    kdf: KdfParams | None  # None: calibrated on this PC


def checked(
    folder: Path,
    *,
    centre_name: str,
    centre_code: str,
    desk_name: str,
    username: str,
    full_name: str,
    password: str,
    kdf: KdfParams | None = None,
) -> NewFolder:
    """Refuse a weak password, a missing name, a malformed code, a weak cost, or a folder already set up."""
    username = normalise_username(username)
    centre_name, desk_name, full_name = centre_name.strip(), desk_name.strip(), full_name.strip()
    code = centre_code.strip().upper()
    check_passphrase(password, username, [full_name, centre_name, code, desk_name])
    if not centre_name or not desk_name:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The centre and the help desk need a name."), field="centre"
        )
    if not re.fullmatch(r"[A-Z]{2,6}", code):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The centre code is 2 to 6 letters, for example BG."),
            field="code",
        )
    if kdf is not None:
        try:
            kdf.check()
        except keyslots.WeakKdfParameters as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "This key-derivation cost is below the safe minimum."),
                field="kdf",
            ) from exc
    if holds_data(folder):
        raise storage_error(StorageError("exists", str(folder)), folder)
    return NewFolder(centre_name, code, desk_name, username, full_name or username, password, kdf)


def create(ws: Workspace, new: NewFolder) -> str:
    """Create the folder's database and slot file and log her in; the recovery key is returned. A set-up
    that fails half-way leaves no database or slot file, so it can simply be run again."""
    ws.take_folder(create=True)
    try:
        return _create(ws, new, new.kdf or keyslots.calibrate())
    except BaseException:
        ws.close()
        _discard_unfinished(ws.folder)
        raise


def _discard_unfinished(folder: Path) -> None:
    for name in (SLOTS_FILE, DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", f"{DB_FILE}-journal"):
        with suppress(FileNotFoundError):
            (folder / name).unlink()


def _create(ws: Workspace, new: NewFolder, kdf: KdfParams) -> str:
    from app.services.erasure_ledger import ledger_key  # it builds on the workspace

    keystore = KeyStore.create(ws.slots_path)
    key = DataKey.generate()
    try:
        database.create_database(ws.db_path, key)
    except StorageError as exc:
        raise storage_error(exc, ws.folder) from exc
    engine = database.open_engine(ws.db_path, key)
    migrate.upgrade_if_needed(engine, ws.db_path, ws.backups_dir)
    recovery_key = keyslots.generate_recovery_key()
    admin_slot = keystore.add_slot(new.username, new.password, [key], kdf)
    recovery_slot = keystore.add_slot(keyslots.RECOVERY_IDENTITY, recovery_key, [key], kdf)
    ws.keys.adopt(keystore, kdf)
    ws.db.attach(engine, key)
    with ws.db.session(write=True) as session:
        session.add(
            Centre(
                id=1,
                name=new.centre_name,
                code=new.code,
                database_id=keystore.database_id,
                signing_key=signing.generate_signing_key(),
            )
        )
        desk = HelpDesk(name=new.desk_name)
        session.add(desk)
        session.flush()
        admin = Operator(
            username=new.username,
            full_name=new.full_name,
            role=Role.AMMINISTRATRICE.value,
            help_desk_id=desk.id,
            slot_id=admin_slot,
            last_login_at=utcnow(),
        )
        session.add(admin)
        settings.put(session, settings.RECOVERY_SLOT, recovery_slot)
        bind_slot(session, keystore, admin_slot)
        bind_slot(session, keystore, recovery_slot)
        record_generation(session, key.generation)
        ledger_key(session)  # from the start: every later copy can check the ledger's lines
        session.flush()
        audit.record(session, admin.id, "workspace.created", "centre", 1)
        audit.record(session, admin.id, "login", "operator", admin.id)
        keystore.save()  # inside the transaction: no committed account without its slot
        ws.login.actor = actor_of(admin)
    log.info("created data folder %s", ws.folder)
    return recovery_key
