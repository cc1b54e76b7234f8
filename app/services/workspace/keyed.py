"""The database file opened with its data key: the key, the engine over it, and the sessions they give."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher_errors
from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.crypto.keyslots import DataKey
from app.models.accounts import Centre
from app.services.constants import DB_FILE
from app.services.errors import WorkspaceLocked
from app.services.workspace.failures import database_failure, storage_error
from app.storage import database, migrate, page_format
from app.storage.database import StorageError
from app.storage.errors import classify_database_error


class KeyedDatabase:
    """Owns the data key and the keyed engine of one folder's database: nothing else holds either, so
    closing here is what locking means (the engine disposed, the key wiped)."""

    def __init__(self, folder: Path, backups_dir: Path) -> None:
        self.folder = folder
        self.path = folder / DB_FILE
        self.backups_dir = backups_dir
        self._key: DataKey | None = None
        self.engine: Engine | None = None

    @property
    def is_open(self) -> bool:
        return self.engine is not None

    @property
    def key(self) -> DataKey:
        if self._key is None:
            raise WorkspaceLocked()
        return self._key

    def attach(self, engine: Engine, key: DataKey | None) -> None:
        """Take over an engine opened elsewhere (a new folder, a plain benchmark file)."""
        self.engine, self._key = engine, key

    def open(self, candidates: list[DataKey]) -> None:
        """Open with whichever of `candidates` decrypts the file (the others are wiped), rewriting pages an
        earlier version wrote in the current format, and upgrading the schema if needed (after a backup
        copy in `backups_dir`)."""
        try:
            key = database.find_working_key(self.path, candidates)
        except StorageError as exc:
            raise storage_error(exc, self.folder) from exc
        for other in candidates:
            if other is not key:
                other.wipe()
        try:
            with self.damage_reported():
                page_format.convert_legacy(self.path, key)  # before any connection stays open
                engine = database.open_engine(self.path, key)
                try:
                    migrate.upgrade_if_needed(engine, self.path, self.backups_dir)
                except BaseException:
                    engine.dispose()
                    raise
        except StorageError as exc:
            key.wipe()
            raise storage_error(exc, self.folder) from exc
        except BaseException:
            key.wipe()
            raise
        self._key, self.engine = key, engine

    def rekey(self, new: DataKey) -> DataKey:
        """Re-encrypt the file under `new`; returns the old key, still valid, for the caller to wipe once
        nothing else needs it. The engine stays closed until `use` opens it with the new key."""
        old = self.key
        self.dispose()
        database.rekey(self.path, old, new)
        return old

    def use(self, key: DataKey) -> None:
        """After `rekey`: the engine opened with the new key."""
        self._key = key
        self.engine = database.open_engine(self.path, key)

    def dispose(self) -> None:
        """Close every pooled connection (the next unit of work opens new ones)."""
        if self.engine is not None:
            self.engine.dispose()

    def close(self) -> None:
        """Drop the engine and wipe the key."""
        self.dispose()
        self.engine = None
        if self._key is not None:
            self._key.wipe()
        self._key = None

    # --- sessions ---------------------------------------------------------------------------------------
    @contextmanager
    def session(self, write: bool) -> Iterator[Session]:
        if self.engine is None:
            raise WorkspaceLocked()
        bind = self.engine.execution_options(immediate=write)
        with Session(bind=bind, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def storage_errors(self) -> Iterator[None]:
        """A storage failure the user can act on (disk full, read-only, damaged) becomes a sentence."""
        try:
            yield
        except (DBAPIError, sqlcipher_errors.Error) as exc:
            if classify_database_error(exc) is None:
                raise
            raise database_failure(exc, self.folder) from exc

    @contextmanager
    def damage_reported(self) -> Iterator[None]:
        """A page that fails to decrypt or parse mid-unlock becomes a sentence, not a traceback; so does
        a full or read-only disk under the copy an upgrade keeps aside first."""
        try:
            yield
        except (DBAPIError, sqlcipher_errors.Error) as exc:
            raise database_failure(exc, self.folder) from exc
        except OSError as exc:
            if classify_database_error(exc) is None:
                raise
            raise database_failure(exc, self.folder) from exc

    @contextmanager
    def parallel_reads(self, count: int) -> Iterator[list[Session]]:
        """`count` read-only sessions that all see the same committed state (see Workspace.parallel_reads)."""
        with self.storage_errors(), ExitStack() as stack:
            sessions: list[Session] = []
            with self.session(write=True) as fence:
                fence.connection()  # BEGIN IMMEDIATE: from here no other commit can land
                for _ in range(max(1, count)):
                    session = stack.enter_context(self.session(write=False))
                    session.execute(select(Centre.id).limit(1))  # the snapshot starts at the first read
                    sessions.append(session)
            yield sessions

    # --- the file ----------------------------------------------------------------------------------------
    def schema_revision(self) -> str:
        if self.engine is None:
            raise WorkspaceLocked()
        return migrate.current_revision(self.engine) or ""

    def compact(self) -> None:
        """VACUUM and truncate the WAL after an erasure, so that no page or frame keeps what was erased.

        secure_delete zeroes the rows in the database pages, but the WAL still holds the frames written
        before (names included) until a checkpoint; VACUUM also rewrites the free pages.
        """
        with self.storage_errors():
            database.vacuum(self.path, self.key)

    def integrity_problems(self) -> list[str]:
        self.dispose()
        return database.integrity_problems(self.path, self.key)
