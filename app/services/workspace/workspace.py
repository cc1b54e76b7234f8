"""The workspace: one data folder opened by this process, composed of parts that each own their state."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.crypto.keyslots import DataKey, KdfParams, KeyStore
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Role
from app.services import audit, audit_heads
from app.services.constants import holds_data
from app.services.errors import PermissionDenied, WorkspaceLocked
from app.services.workspace import setup
from app.services.workspace.base import DataFolder
from app.services.workspace.credentials import Actor, LoginResult
from app.services.workspace.keyed import KeyedDatabase
from app.services.workspace.keys import KeyManager
from app.services.workspace.unlock import Login
from app.storage.location import FolderLock

logger = logging.getLogger(__name__)


class Workspace:
    """A data folder opened by this process: locked, or unlocked with a data key, an engine and an actor.

    As Anki's Collection holds its managers, the workspace holds parts that own their state: `keys`
    (the slot file, the cost of new slots, rotations), `db` (the data key and the keyed engine) and `login`
    (who is working, and how she got in). What services, interface and command line use most is here too,
    as a thin call to the part that does it; the rest they reach through the part."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._place = DataFolder(folder)
        self.db = KeyedDatabase(folder, self._place.backups_dir)
        self.keys = KeyManager(self)
        self.login = Login(self)

    # --- getting one ------------------------------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path) -> Self:
        """Take the folder lock and read the slot file; nothing is decrypted yet."""
        workspace = cls(folder)
        setup.open_existing(workspace)
        return workspace

    @classmethod
    def reserve(cls, folder: Path) -> Self:
        """Take the folder lock even if the folder holds nothing usable yet (restoring a backup)."""
        workspace = cls(folder)
        setup.reserve(workspace)
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
        new = setup.checked(
            folder, centre_name=centre_name, centre_code=centre_code, desk_name=desk_name,
            username=username, full_name=full_name, password=password, kdf=kdf,
        )  # fmt: skip
        workspace = cls(folder)
        recovery_key = setup.create(workspace, new)
        return workspace, recovery_key

    @staticmethod
    def exists(folder: Path) -> bool:
        return holds_data(folder)

    def take_folder(self, create: bool) -> None:
        self._place.take(create)

    # --- paths ------------------------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self._place.db_path

    @property
    def slots_path(self) -> Path:
        return self._place.slots_path

    @property
    def backups_dir(self) -> Path:
        return self._place.backups_dir

    @property
    def _lock(self) -> FolderLock:
        return self._place.lock

    # --- who is working ---------------------------------------------------------------------------------
    @property
    def actor(self) -> Actor | None:
        return self.login.actor

    @property
    def is_unlocked(self) -> bool:
        return self.db.is_open and self.actor is not None

    def require_actor(self, minimum: Role = Role.OPERATRICE) -> Actor:
        if self.actor is None:
            raise WorkspaceLocked()
        if not self.actor.at_least(minimum):
            raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "Your role does not allow this action."))
        return self.actor

    def unlock(self, username: str, password: str) -> LoginResult:
        return self.login.unlock(username, password)

    def recover(self, recovery_key: str, username: str, new_password: str) -> LoginResult:
        """Open with the recovery key and give `username` a new password (her old slot is replaced)."""
        return self.login.recover(recovery_key, username, new_password)

    # --- keys ---------------------------------------------------------------------------------------------
    @property
    def keystore(self) -> KeyStore:
        return self.keys.store

    @property
    def slot_kdf(self) -> KdfParams:
        return self.keys.slot_kdf

    @property
    def data_key(self) -> DataKey:
        return self.db.key

    @property
    def copies_after_rotation(self) -> tuple[int, int]:
        return self.keys.copies_after_rotation

    def changing_slots(self, unlocking: bool = False) -> AbstractContextManager[tuple[Session, KeyStore]]:
        """One unit of work that changes key slots and the database together, or neither."""
        return self.keys.changing_slots(unlocking)

    def rotate_data_key(
        self, operator_id: int | None = None, reason: str = "revocation", older_keys: Sequence[DataKey] = ()
    ) -> int:
        return self.keys.rotate(operator_id, reason, older_keys)

    # --- units of work ------------------------------------------------------------------------------------
    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[Session]:
        """One unit of work for one user action: commits on success, rolls back on any error."""
        if not self.is_unlocked:
            raise WorkspaceLocked()
        try:
            with self.db.storage_errors(), self.db.session(write) as session:
                yield session
        except PermissionDenied as denied:
            if denied.audit_event is not None and self.actor is not None:
                entity, entity_id, detail = denied.audit_event
                with self.db.session(write=True) as session:
                    audit.record(session, self.actor.operator_id, "access.denied", entity, entity_id, detail)
            raise

    @contextmanager
    def parallel_reads(self, count: int) -> Iterator[list[Session]]:
        """`count` read-only sessions that all see the same committed state, for one long read split
        across threads (a year of indicators on a 2-core PC).

        In WAL mode each read transaction sees the database as of its first read. The sessions take
        theirs while this connection holds the write lock, so no commit can land between them and the
        tables computed on different threads stay consistent (the totals linked across tables agree).
        The lock is released before the reading starts: writers wait only for the snapshots.
        """
        if not self.is_unlocked:
            raise WorkspaceLocked()
        with self.db.parallel_reads(count) as sessions:
            yield sessions

    def schema_revision(self) -> str:
        return self.db.schema_revision()

    def compact(self) -> None:
        """VACUUM and truncate the WAL after an erasure (see KeyedDatabase.compact)."""
        self.db.compact()

    def integrity_problems(self) -> list[str]:
        self.require_actor()
        return self.db.integrity_problems()

    @property
    def _engine(self) -> Engine | None:
        """The keyed engine, for tests that look below the units of work."""
        return self.db.engine

    # --- locking ------------------------------------------------------------------------------------------
    def lock(self) -> None:
        """Audit the lock, then drop the engine and wipe the key; the folder stays reserved."""
        if self.db.is_open and self.actor is not None:
            try:
                with self.db.session(write=True) as session:
                    audit.record(session, self.actor.operator_id, "lock", "operator", self.actor.operator_id)
            except Exception as exc:  # locking must never fail; but say that the trail missed it
                logger.warning("The lock could not be written to the audit trail (%s).", type(exc).__name__)
            self.write_audit_head()
        self.drop_keys()

    def write_audit_head(self) -> None:
        """The chain's head, also kept beside the database (after each login and lock): a later
        truncation of the trail shows against it (app.services.audit_heads)."""
        try:
            with self.db.session(write=True) as session:
                audit_heads.try_write_head_file(self.folder, session)
        except Exception as exc:  # a safeguard: never the reason a lock or a login fails
            logger.warning("The audit head could not be read (%s).", type(exc).__name__)

    def drop_keys(self) -> None:
        self.db.close()
        self.login.actor = None

    def close(self) -> None:
        self.lock()
        self.keys.forget()
        self._place.lock.release()

    def release_folder(self) -> None:
        """Lock, and let go of the folder until the next unlock: a session locked on a shared PC (Win+L,
        switch user, idle) must not keep everyone else out with "already running"."""
        self.lock()
        self._place.lock.release()

    def retake_folder(self) -> None:
        """Take the folder back after `release_folder` (a no-op if held), and read the slot file again:
        another process may have changed it meanwhile. UserError if someone else holds it now."""
        if self._place.lock.held:
            return
        self._place.acquire()
        if self.keys.loaded:
            try:
                self.keys.load()
            except BaseException:
                self._place.lock.release()
                raise

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
