"""The workspace's state and what every use case relies on: the folder lock, units of work, locking."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Self

import sqlcipher3.dbapi2 as sqlcipher_errors
from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.crypto import keyslots
from app.crypto.keyslots import DEFAULT_KDF, DataKey, KeyStore
from app.fs import dir_mode, file_mode, share_with_group
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, Role
from app.services import audit, audit_heads
from app.services.constants import DB_FILE, SLOTS_FILE, FolderNotOpenToHer, holds_data
from app.services.errors import PermissionDenied, UserError, WorkspaceLocked
from app.services.workspace.credentials import Actor
from app.services.workspace.failures import database_failure, folder_refused
from app.storage import database, migrate
from app.storage.errors import classify_database_error
from app.storage.location import FolderBusy, FolderLock
from app.storage.policy import DataFolderRefused, check_data_folder, group_shared

BACKUPS_DIR = "backups"

logger = logging.getLogger(__name__)


class WorkspaceBase:
    """A data folder opened by this process: locked, or unlocked with a data key, an engine and an actor."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = FolderLock(folder)
        self._keystore: KeyStore | None = None
        self._key: DataKey | None = None
        self._engine: Engine | None = None
        self.actor: Actor | None = None
        self._slot_kdf = DEFAULT_KDF
        self.copies_after_rotation: tuple[int, int] = (0, 0)  # (re-encrypted, deleted) by the last re-key

    # --- paths ------------------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.folder / DB_FILE

    @property
    def slots_path(self) -> Path:
        return self.folder / SLOTS_FILE

    @property
    def backups_dir(self) -> Path:
        return self.folder / BACKUPS_DIR

    @staticmethod
    def exists(folder: Path) -> bool:
        return holds_data(folder)

    def reload_slots(self) -> None:
        """Read the slot file again after it was replaced (restore)."""
        try:
            self._keystore = KeyStore.load(self.slots_path)
        except keyslots.KeyFileError as exc:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The key file of {folder} is missing or damaged; the database cannot be unlocked "
                    "without it. Restore keyslots.json from a backup.",
                ),
                folder=str(self.folder),
            ) from exc

    def schema_revision(self) -> str:
        if self._engine is None:
            raise WorkspaceLocked()
        return migrate.current_revision(self._engine) or ""

    def _take_folder(self, create: bool) -> None:
        try:
            self._check_and_lock(create)
        except PermissionError as exc:  # Windows: a folder this account may not list or stat
            raise FolderNotOpenToHer(self.folder) from exc

    def _check_and_lock(self, create: bool) -> None:
        try:
            check_data_folder(self.folder)
        except DataFolderRefused as exc:
            raise folder_refused(exc, self.folder) from exc
        if create:
            try:
                self.folder.mkdir(mode=dir_mode(), parents=True, exist_ok=True)
            except OSError as exc:
                raise UserError(
                    QT_TRANSLATE_NOOP("Errors", "Cannot create the data folder {folder}: {reason}"),
                    folder=str(self.folder),
                    reason=exc.strerror or type(exc).__name__,
                ) from exc
        if not self.folder.is_dir():
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "No Ascolto data folder at {folder}. Set one up first."),
                folder=str(self.folder),
            )
        _require_writable(self.folder)
        if group_shared(self.folder):
            share_with_group(True)
        self._acquire_folder_lock()

    def _acquire_folder_lock(self) -> None:
        try:
            self._lock.acquire()
        except FolderBusy as exc:
            if exc.holder:
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Ascolto is already running with the data folder {folder} ({holder}). Close it there "
                        "first; if that session was left open on another Windows user, she can lock it or "
                        "sign out.",
                    ),
                    folder=str(self.folder),
                    holder=exc.holder,
                ) from exc
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Ascolto is already running with the data folder {folder}. Close it first."
                ),
                folder=str(self.folder),
            ) from exc
        except OSError as exc:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "The data folder {folder} is not writable: {reason}"),
                folder=str(self.folder),
                reason=exc.strerror or type(exc).__name__,
            ) from exc

    @property
    def keystore(self) -> KeyStore:
        if self._keystore is None:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "The workspace is closed."))
        return self._keystore

    @property
    def has_keystore(self) -> bool:
        """Whether a slot file was read (a reserved folder on a new PC has none)."""
        return self._keystore is not None

    @property
    def is_unlocked(self) -> bool:
        return self._engine is not None and self.actor is not None

    def lock(self) -> None:
        """Audit the lock, then drop the engine and wipe the key; the folder stays reserved."""
        if self._engine is not None and self.actor is not None:
            try:
                with self._session(write=True) as session:
                    audit.record(session, self.actor.operator_id, "lock", "operator", self.actor.operator_id)
            except Exception as exc:  # locking must never fail; but say that the trail missed it
                logger.warning("The lock could not be written to the audit trail (%s).", type(exc).__name__)
            self._write_audit_head()
        self._drop_keys()

    def compact(self) -> None:
        """VACUUM and truncate the WAL after an erasure, so that no page or frame keeps what was erased.

        secure_delete zeroes the rows in the database pages, but the WAL still holds the frames written
        before (names included) until a checkpoint; VACUUM also rewrites the free pages.
        """
        with self._storage_errors():
            database.vacuum(self.db_path, self.data_key)

    def _write_audit_head(self) -> None:
        """The chain's head, also kept beside the database (after each login and lock): a later
        truncation of the trail shows against it (app.services.audit_heads)."""
        try:
            with self._session(write=True) as session:
                audit_heads.try_write_head_file(self.folder, session)
        except Exception as exc:  # a safeguard: never the reason a lock or a login fails
            logger.warning("The audit head could not be read (%s).", type(exc).__name__)

    def _drop_keys(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        if self._key is not None:
            self._key.wipe()
        self._key = None
        self.actor = None

    def close(self) -> None:
        self.lock()
        self._keystore = None
        self._lock.release()

    def release_folder(self) -> None:
        """Lock, and let go of the folder until the next unlock: a session locked on a shared PC (Win+L,
        switch user, idle) must not keep everyone else out with "already running"."""
        self.lock()
        self._lock.release()

    def retake_folder(self) -> None:
        """Take the folder back after `release_folder` (a no-op if held), and read the slot file again:
        another process may have changed it meanwhile. UserError if someone else holds it now."""
        if self._lock.held:
            return
        self._acquire_folder_lock()
        if self._keystore is not None:
            try:
                self.reload_slots()
            except BaseException:
                self._lock.release()
                raise

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- units of work ------------------------------------------------------------------------------
    @contextmanager
    def _session(self, write: bool) -> Iterator[Session]:
        if self._engine is None:
            raise WorkspaceLocked()
        bind = self._engine.execution_options(immediate=write)
        with Session(bind=bind, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[Session]:
        """One unit of work for one user action: commits on success, rolls back on any error."""
        if not self.is_unlocked:
            raise WorkspaceLocked()
        try:
            with self._storage_errors(), self._session(write) as session:
                yield session
        except PermissionDenied as denied:
            if denied.audit_event is not None and self.actor is not None:
                entity, entity_id, detail = denied.audit_event
                with self._session(write=True) as session:
                    audit.record(session, self.actor.operator_id, "access.denied", entity, entity_id, detail)
            raise

    @contextmanager
    def _storage_errors(self) -> Iterator[None]:
        """A storage failure the user can act on (disk full, read-only, damaged) becomes a sentence."""
        try:
            yield
        except (DBAPIError, sqlcipher_errors.Error) as exc:
            if classify_database_error(exc) is None:
                raise
            raise database_failure(exc, self.folder) from exc

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
        with self._storage_errors(), ExitStack() as stack:
            sessions: list[Session] = []
            with self._session(write=True) as fence:
                fence.connection()  # BEGIN IMMEDIATE: from here no other commit can land
                for _ in range(max(1, count)):
                    session = stack.enter_context(self._session(write=False))
                    session.execute(select(Centre.id).limit(1))  # the snapshot starts at the first read
                    sessions.append(session)
            yield sessions

    def require_actor(self, minimum: Role = Role.OPERATRICE) -> Actor:
        if self.actor is None:
            raise WorkspaceLocked()
        if not self.actor.at_least(minimum):
            raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "Your role does not allow this action."))
        return self.actor

    @property
    def data_key(self) -> DataKey:
        if self._key is None:
            raise WorkspaceLocked()
        return self._key


def _require_writable(folder: Path) -> None:
    """Try it rather than trust permission bits (root, ACLs and read-only mounts all lie to os.access)."""
    probe = folder / f".write-probe-{uuid.uuid4().hex}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode())
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The data folder {folder} is not writable: {reason}"),
            folder=str(folder),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
