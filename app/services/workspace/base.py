"""The workspace: one data folder, locked or unlocked, and who is working in it.

Locked, it holds the folder lock and the slot file, nothing more. Unlocked, it also holds the data key,
a keyed engine and the actor (the operator who unlocked). Every use case runs in
`with workspace.transaction() as session:` and returns plain values; nothing keeps a session.
"""

from __future__ import annotations

import logging
import os
import re
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher_errors
from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.crypto import keyslots, signing
from app.crypto.atomic import dir_mode, file_mode, share_with_group
from app.crypto.keyslots import DEFAULT_KDF, DataKey, KdfParams, KeyStore
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, HelpDesk, Operator, Role, Setting
from app.models.base import utcnow
from app.services import audit
from app.services.constants import DB_FILE, MIN_PASSPHRASE, SLOTS_FILE, holds_data
from app.services.constants import PASSPHRASE_HINT as PASSPHRASE_HINT  # re-exported
from app.services.errors import (
    DatabaseDamaged,
    LoginDelayed,
    PermissionDenied,
    UserError,
    ValidationError,
    WorkspaceLocked,
    WrongCredentials,
)
from app.services.throttle import LoginThrottle
from app.storage import database, migrate
from app.storage.database import StorageError
from app.storage.errors import BUSY, DISK_ERROR, DISK_FULL, READ_ONLY, classify_database_error
from app.storage.location import FolderBusy, FolderLock
from app.storage.policy import (
    ENV_ALLOW_UNSAFE,
    NETWORK_SHARE,
    SYNCED_FOLDER,
    DataFolderRefused,
    check_data_folder,
    group_shared,
)

log = logging.getLogger(__name__)

ATTEMPTS_FILE = "attempts.json"
BACKUPS_DIR = "backups"
RECOVERY_SLOT_SETTING = "recovery_slot_id"

MAX_PASSPHRASE = 1024
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")

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
    code = classify_database_error(exc)
    if code in _DATABASE_FAILURES:
        return UserError(_DATABASE_FAILURES[code or ""], folder=str(folder))
    return DatabaseDamaged(_STORAGE_MESSAGES["damaged"], folder=str(folder))


DAMAGE_REASONS = frozenset({"damaged", "undecryptable", "truncated", "empty", "missing"})


def storage_error(exc: StorageError, folder: Path) -> UserError:
    message = _STORAGE_MESSAGES.get(exc.reason, QT_TRANSLATE_NOOP("Errors", "The database cannot be opened."))
    kind = DatabaseDamaged if exc.reason in DAMAGE_REASONS else UserError
    return kind(message, folder=str(folder))


def check_passphrase(passphrase: str, username: str = "") -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The password is too short: use at least {minimum} characters."),
            field="password",
            minimum=MIN_PASSPHRASE,
        )
    if len(passphrase) > MAX_PASSPHRASE:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The password is too long."), field="password")
    if username and passphrase.strip().casefold() == username.strip().casefold():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The password must not be the user name."), field="password"
        )


def normalise_username(username: str) -> str:
    name = username.strip().casefold()
    if not USERNAME_RE.match(name):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A user name has 1 to 64 characters: letters without accents, digits, dot, dash or underscore.",
            ),
            field="username",
        )
    return name


@dataclass(frozen=True)
class Actor:
    """Who is working, as the services need to know it for permissions and audit."""

    operator_id: int
    username: str
    full_name: str
    role: Role
    help_desk_id: int | None

    def at_least(self, role: Role) -> bool:
        return self.role.rank >= role.rank


@dataclass(frozen=True)
class LoginResult:
    actor: Actor
    failed_attempts: int  # failures on this account since her previous successful login


class Workspace:
    """A data folder opened by this process."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = FolderLock(folder)
        self._keystore: KeyStore | None = None
        self._key: DataKey | None = None
        self._engine: Engine | None = None
        self.actor: Actor | None = None
        self._slot_kdf = DEFAULT_KDF

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

    # --- opening ------------------------------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path) -> Workspace:
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
    def reserve(cls, folder: Path) -> Workspace:
        """Take the folder lock even if the folder holds nothing usable yet (restoring a backup)."""
        workspace = cls(folder)
        workspace._take_folder(create=True)
        with suppress(keyslots.KeyFileError):
            workspace._keystore = KeyStore.load(workspace.slots_path)
        return workspace

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
            check_data_folder(self.folder)
        except DataFolderRefused as exc:
            raise UserError(
                _FOLDER_REFUSED.get(exc.reason, _FOLDER_REFUSED[NETWORK_SHARE]),
                folder=str(self.folder),
                detail=exc.detail,
                env=ENV_ALLOW_UNSAFE,
            ) from exc
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
        try:
            self._lock.acquire()
        except FolderBusy as exc:
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
    ) -> tuple[Workspace, str]:
        """Create a new data folder; return it unlocked as its first administrator, and the recovery key.

        `kdf` None: the Argon2id cost is calibrated on this PC (`keyslots.calibrate`), and every slot made
        later in a session takes the cost of the slot that opened it (`slot_kdf`).
        """
        username = normalise_username(username)
        check_passphrase(password, username)
        centre_name, desk_name, full_name = centre_name.strip(), desk_name.strip(), full_name.strip()
        code = centre_code.strip().upper()
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
            raise UserError(_STORAGE_MESSAGES["exists"], folder=str(folder))
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
            session.add(Setting(key=RECOVERY_SLOT_SETTING, value=recovery_slot))
            session.flush()
            audit.record(session, admin.id, "workspace.created", "centre", 1)
            audit.record(session, admin.id, "login", "operator", admin.id)
            keystore.save()  # inside the transaction: no committed account without its slot
            self.actor = _actor(admin)
        log.info("created data folder %s", self.folder)
        return recovery_key

    # --- unlock / lock ----------------------------------------------------------------------------
    @property
    def keystore(self) -> KeyStore:
        if self._keystore is None:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "The workspace is closed."))
        return self._keystore

    @property
    def throttle(self) -> LoginThrottle:
        return LoginThrottle(self.folder / ATTEMPTS_FILE, self.keystore.database_id)

    @property
    def slot_kdf(self) -> KdfParams:
        """The Argon2id cost for slots made in this session: that of the slot that unlocked it, so an
        installation keeps the cost calibrated when its folder was created."""
        return self._slot_kdf

    @property
    def is_unlocked(self) -> bool:
        return self._engine is not None and self.actor is not None

    def unlock(self, username: str, password: str) -> LoginResult:
        throttle = self.throttle
        wait = throttle.wait_seconds(username)
        if wait:
            raise LoginDelayed(wait)
        try:
            unlocked = self.keystore.unlock(username, password)
        except keyslots.KeySlotError as exc:
            throttle.record_failure(username)
            raise WrongCredentials() from exc
        failures, pending = throttle.peek(username)
        self._open_with(unlocked.data_keys)
        self._slot_kdf = unlocked.params
        try:
            with self._damage_reported(), self._session(write=True) as session:
                operator = self._operator(session, username)
                if operator is None or not operator.active or operator.slot_id != unlocked.slot_id:
                    throttle.record_failure(username)
                    raise WrongCredentials()
                self._audit_login(session, operator, pending)
        except BaseException:
            self._drop_keys()
            raise
        throttle.clear(username, audited=len(pending))  # only once the login is committed
        assert self.actor is not None
        return LoginResult(self.actor, failures)

    def recover(self, recovery_key: str, username: str, new_password: str) -> LoginResult:
        """Open with the recovery key and give `username` a new password (her old slot is replaced)."""
        check_passphrase(new_password, username)
        try:
            normalised = keyslots.normalise_recovery_key(recovery_key)
        except keyslots.RecoveryKeyTypo as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "This recovery key has a typing mistake: check each group of four characters."
                ),
                field="recovery_key",
            ) from exc
        throttle = self.throttle
        wait = throttle.wait_seconds(keyslots.RECOVERY_IDENTITY)
        if wait:
            raise LoginDelayed(wait)
        try:
            unlocked = self.keystore.unlock(keyslots.RECOVERY_IDENTITY, normalised)
        except keyslots.KeySlotError as exc:
            throttle.record_failure(keyslots.RECOVERY_IDENTITY)
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "This recovery key does not open this data folder.")
            ) from exc
        _, pending = throttle.peek(username)
        self._open_with(unlocked.data_keys)
        self._slot_kdf = unlocked.params
        try:
            with self._damage_reported(), self.changing_slots(unlocking=True) as (session, keystore):
                operator = self._operator(session, username)
                if operator is None or not operator.active:
                    raise UserError(
                        QT_TRANSLATE_NOOP("Errors", "There is no active account named {name}."), name=username
                    )
                params = unlocked.params
                if operator.slot_id and operator.slot_id in keystore.slot_ids():
                    params = keystore.params_of(operator.slot_id)
                    keystore.remove_slot(operator.slot_id)
                operator.slot_id = keystore.add_slot(operator.username, new_password, [self.data_key], params)
                audit.record(session, operator.id, "account.recovered", "operator", operator.id)
                self._audit_login(session, operator, pending)
        except BaseException:
            self._drop_keys()
            raise
        throttle.clear(username, audited=len(pending))
        throttle.clear(keyslots.RECOVERY_IDENTITY, audited=0)
        assert self.actor is not None
        return LoginResult(self.actor, 0)

    @staticmethod
    def _operator(session: Session, username: str) -> Operator | None:
        return session.scalar(
            select(Operator).where(Operator.username == keyslots.normalise_identity(username))
        )

    def _audit_login(self, session: Session, operator: Operator, pending: list[dict[str, object]]) -> None:
        """Write the failures nobody could audit while the database was closed, then the login."""
        for failure in pending:
            at = failure.get("at", 0)
            audit.record(
                session,
                None,
                "login.failed",
                "account",
                str(failure.get("account", ""))[:32],
                at=datetime.fromtimestamp(int(at) if isinstance(at, int | float) else 0, UTC).replace(
                    tzinfo=None
                ),
            )
        operator.last_login_at = utcnow()
        audit.record(session, operator.id, "login", "operator", operator.id)
        self.actor = _actor(operator)

    @contextmanager
    def _damage_reported(self) -> Iterator[None]:
        """A page that fails to decrypt or parse mid-unlock becomes a sentence, not a traceback."""
        try:
            yield
        except (DBAPIError, sqlcipher_errors.Error) as exc:
            raise database_failure(exc, self.folder) from exc

    @contextmanager
    def changing_slots(self, unlocking: bool = False) -> Iterator[tuple[Session, KeyStore]]:
        """One unit of work that changes key slots and the database together, or neither.

        The slot file is saved at the end of the transaction; if the save or the commit fails, the slots
        in memory and on disk go back to what they were, so nobody is locked out by a half-done change.
        """
        snapshot = self.keystore.to_bytes()
        saved = False
        try:
            with self._session(write=True) if unlocking else self.transaction() as session:
                yield session, self.keystore
                self.keystore.save()
                saved = True
        except BaseException as exc:
            self._keystore = KeyStore.from_bytes(self.slots_path, snapshot)
            if saved:
                with suppress(OSError):
                    self._keystore.save()
            if isinstance(exc, OSError):
                raise UserError(
                    QT_TRANSLATE_NOOP("Errors", "The key file could not be written: {reason}"),
                    reason=exc.strerror or type(exc).__name__,
                ) from exc
            raise

    def _open_with(self, candidates: list[DataKey]) -> None:
        try:
            key = database.find_working_key(self.db_path, candidates)
        except StorageError as exc:
            raise storage_error(exc, self.folder) from exc
        for other in candidates:
            if other is not key:
                other.wipe()
        try:
            with self._damage_reported():
                engine = database.open_engine(self.db_path, key)
                try:
                    migrate.upgrade_if_needed(engine, self.db_path, self.backups_dir)
                except BaseException:
                    engine.dispose()
                    raise
        except StorageError as exc:
            key.wipe()
            raise storage_error(exc, self.folder) from exc
        except BaseException:
            key.wipe()
            raise
        self._key, self._engine = key, engine
        self._finish_interrupted_rotation()

    def _finish_interrupted_rotation(self) -> None:
        """A crash between rekey and the final slot save leaves two generations: keep the working one."""
        assert self._key is not None
        generation = self._key.generation
        unfinished = self.keystore.to_bytes()
        self.keystore.finish_rotation(generation)
        if self.keystore.to_bytes() != unfinished:
            self.keystore.save()

    def lock(self) -> None:
        """Audit the lock, then drop the engine and wipe the key; the folder stays reserved."""
        if self._engine is not None and self.actor is not None:
            with suppress(Exception), self._session(write=True) as session:
                audit.record(session, self.actor.operator_id, "lock", "operator", self.actor.operator_id)
        self._drop_keys()

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

    def __enter__(self) -> Workspace:
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

    # --- key operations used by the accounts service ----------------------------------------------------
    @property
    def data_key(self) -> DataKey:
        if self._key is None:
            raise WorkspaceLocked()
        return self._key

    def rotate_data_key(self) -> int:
        """Re-encrypt the database under a fresh key sealed to every remaining slot; returns the generation.

        Order matters for crash safety: slots first learn the new key (both generations present), then the
        file is rekeyed, then the old generation is dropped from the slots.
        """
        old = self.data_key
        new = DataKey.generate(old.generation + 1)
        self.keystore.stage_rotation(new)
        self.keystore.save()
        assert self._engine is not None
        self._engine.dispose()
        database.rekey(self.db_path, old, new)
        self.keystore.finish_rotation(new.generation)
        self.keystore.save()
        old.wipe()
        self._key = new
        self._engine = database.open_engine(self.db_path, new)
        return new.generation

    def integrity_problems(self) -> list[str]:
        self.require_actor()
        assert self._engine is not None
        self._engine.dispose()
        return database.integrity_problems(self.db_path, self.data_key)


def _actor(operator: Operator) -> Actor:
    return Actor(
        operator.id, operator.username, operator.full_name, Role(operator.role), operator.help_desk_id
    )


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
