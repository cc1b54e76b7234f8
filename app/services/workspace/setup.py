"""Setting up a new data folder, and opening or reserving an existing one (nothing decrypted yet)."""

from __future__ import annotations

import logging
import re
from contextlib import suppress
from pathlib import Path
from typing import Self

from app.crypto import keyslots, signing
from app.crypto.keyslots import DataKey, KdfParams, KeyStore
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, HelpDesk, Operator, Role
from app.models.base import utcnow
from app.services import audit, settings
from app.services.constants import DB_FILE, SLOTS_FILE
from app.services.errors import UserError, ValidationError
from app.services.workspace.base import WorkspaceBase
from app.services.workspace.credentials import actor_of, check_passphrase, normalise_username
from app.services.workspace.failures import storage_error
from app.services.workspace.keys import bind_slot, record_generation
from app.storage import database, migrate
from app.storage.database import StorageError

log = logging.getLogger(__name__)


class SetUp(WorkspaceBase):
    """The ways a process gets a workspace: open or reserve a folder, or set up a new one."""

    @classmethod
    def open(cls, folder: Path) -> Self:
        """Take the folder lock and read the slot file; nothing is decrypted yet."""
        workspace = cls(folder)
        workspace._take_folder(create=False)
        if not workspace.slots_path.exists() and not workspace.db_path.exists():
            workspace.close()
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "No Ascolto data folder at {folder}. Set one up first."),
                folder=str(folder),
            )
        try:
            workspace.reload_slots()
        except UserError:
            workspace.close()
            raise
        return workspace

    @classmethod
    def reserve(cls, folder: Path) -> Self:
        """Take the folder lock even if the folder holds nothing usable yet (restoring a backup)."""
        workspace = cls(folder)
        workspace._take_folder(create=True)
        with suppress(keyslots.KeyFileError):
            workspace._keystore = KeyStore.load(workspace.slots_path)
        return workspace

    @classmethod
    def initialise(
        cls,
        folder: Path,
        *,
        centre_name: str,
        centre_code: str,
        desk_name: str,
        username: str,
        full_name: str,
        password: str,
        kdf: KdfParams | None = None,
    ) -> tuple[Self, str]:
        """Create a new data folder; return it unlocked as its first administrator, and the recovery key.

        `kdf` None: the Argon2id cost is calibrated on this PC (`keyslots.calibrate`), and every slot made
        later in a session takes the cost of the slot that opened it (`slot_kdf`).
        """
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
        if cls.exists(folder):
            raise storage_error(StorageError("exists", str(folder)), folder)
        workspace = cls(folder)
        workspace._take_folder(create=True)
        try:
            recovery_key = workspace._create(
                centre_name, code, desk_name, username, full_name or username, password,
                kdf or keyslots.calibrate(),
            )  # fmt: skip
        except BaseException:
            workspace.close()
            workspace._discard_unfinished()
            raise
        return workspace, recovery_key

    def _discard_unfinished(self) -> None:
        """A set-up that failed half-way leaves no database or slot file, so it can simply be run again."""
        for name in (SLOTS_FILE, DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", f"{DB_FILE}-journal"):
            with suppress(FileNotFoundError):
                (self.folder / name).unlink()

    def _create(
        self,
        centre_name: str,
        code: str,
        desk_name: str,
        username: str,
        full_name: str,
        password: str,
        kdf: KdfParams,
    ) -> str:
        from app.services.erasure_ledger import ledger_key  # it builds on the workspace

        keystore = KeyStore.create(self.slots_path)
        key = DataKey.generate()
        try:
            database.create_database(self.db_path, key)
        except StorageError as exc:
            raise storage_error(exc, self.folder) from exc
        engine = database.open_engine(self.db_path, key)
        migrate.upgrade_if_needed(engine, self.db_path, self.backups_dir)
        recovery_key = keyslots.generate_recovery_key()
        admin_slot = keystore.add_slot(username, password, [key], kdf)
        recovery_slot = keystore.add_slot(keyslots.RECOVERY_IDENTITY, recovery_key, [key], kdf)
        self._keystore, self._key, self._engine, self._slot_kdf = keystore, key, engine, kdf
        with self._session(write=True) as session:
            session.add(
                Centre(
                    id=1,
                    name=centre_name,
                    code=code,
                    database_id=keystore.database_id,
                    signing_key=signing.generate_signing_key(),
                )
            )
            desk = HelpDesk(name=desk_name)
            session.add(desk)
            session.flush()
            admin = Operator(
                username=username,
                full_name=full_name,
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
            self.actor = actor_of(admin)
        log.info("created data folder %s", self.folder)
        return recovery_key
