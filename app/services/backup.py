"""Backups and restores, as a careful data-protection officer would want them.

A backup is made while the application keeps running, checked after writing, and never contains a
plaintext byte. A restore checks the file before touching anything, keeps the current database aside
(never deleted), and opens the restored one with the passwords or recovery key valid when the backup
was made; a backup from an older version is migrated on open (after its own pre-upgrade copy).

Who may restore (issues #13 and #23): over a database that can be read, an administrator of *that*
database (her password, or its current recovery key), checked before anything is extracted; failures count
like failed logins (same throttle, audited at the next login). In every case the account that opens the
backup must be one of its administrators and must not have been revoked since.

When the current database cannot be read, the folder decides. If it shows earlier use (its key file, the
failed-login record, the audit head, the erasure ledger, the release log, a database kept aside in
backups/: `folder_traces`), somebody used it, and whoever moved the database away may be the very
administrator revoked since the backup. A restore then needs *current* credentials: they must open a slot of
the folder's key file as it is now (a revoked account's slot was deleted at the revocation), and, since the
database that says who is an administrator is gone, that slot counts only if it is the recovery slot or the
account is an active administrator in the backup too (an operatrice's current password does not promote
her). With no key file to check against, the restore is refused. A folder with no trace at all (a new PC) is
restored with the backup's administrator alone.

The key file can be written by anyone who can write the folder, so a restore decided without a readable
current database is never silent: it leaves in the restored database the setting `restore.unverified_notice`
(when, which backup, who decided, what the folder showed), which every administrator is shown at her next
login together with what the restore may have undone (revocations and erasures the backup cannot know).
What remains possible to a person with write access and an old backup is to empty the folder completely:
that restore is announced the same way. After the swap, before anyone sees the data, the erasures,
withdrawals and revocations made since the backup are applied again (app/services/reapply.py).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.crypto import keyslots, macs
from app.crypto.keyslots import KeyStore
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, Operator, Role
from app.models.base import utcnow
from app.models.cases import Case, ServiceDelivery
from app.models.ledger import LedgerLine
from app.services import audit, audit_heads, erasure_ledger, release_log, settings, signing_keys
from app.services import centre as centre_pcs
from app.services.errors import LoginDelayed, UserError, ValidationError
from app.services.reapply import Carried, Reapplied, Revoked, SigningState, reapply
from app.services.workspace import LoginResult, Workspace
from app.services.workspace.credentials import normalise_username
from app.services.workspace.failures import database_failure
from app.storage import backup as files
from app.storage import database
from app.storage.backup import SUFFIX as BACKUP_SUFFIX  # noqa: F401 - for the interface, through this layer
from app.storage.backup import BackupError, DatabaseFacts, Manifest
from app.storage.database import StorageError
from app.storage.errors import DAMAGED, DISK_FULL, classify_database_error

log = logging.getLogger(__name__)
TRACE_FILES = (
    "ascolto.db",
    "ascolto.db-wal",
    "keyslots.json",
    "attempts.json",
    "attempts.key",
    audit_heads.HEAD_FILE,
    erasure_ledger.LEDGER_FILE,
)

_MESSAGES = {
    "missing": QT_TRANSLATE_NOOP("Errors", "The backup file {path} does not exist."),
    "not_a_backup": QT_TRANSLATE_NOOP("Errors", "{path} is not an Ascolto backup file."),
    "damaged": QT_TRANSLATE_NOOP(
        "Errors", "The backup file {path} is damaged ({detail}) and was not used. Nothing was changed."
    ),
    "undecryptable": QT_TRANSLATE_NOOP(
        "Errors", "The backup file {path} cannot be decrypted and was not used. Nothing was changed."
    ),
    "tampered": QT_TRANSLATE_NOOP(
        "Errors",
        "The description inside the backup file {path} was altered after the backup was made: the file was "
        "not used. Nothing was changed.",
    ),
}
NOT_AN_ADMINISTRATOR = QT_TRANSLATE_NOOP(
    "Errors",
    "Restoring over this database needs the user name and password of one of its administrators (or its "
    "current recovery key). Nothing was changed.",
)
BACKUP_ADMINISTRATOR = QT_TRANSLATE_NOOP(
    "Errors",
    "The backup must be opened by one of its administrators, with the password valid when it was made (or "
    "with the recovery key of that time). Nothing was changed.",
)
NOT_A_CURRENT_ADMINISTRATOR = QT_TRANSLATE_NOOP(
    "Errors",
    "This data folder has been in use and its database cannot be read: restoring needs the current password "
    "of one of its administrators (the one that opens the folder's key file today, and an administrator in "
    "the backup too) or the current recovery key. A password valid only when the backup was made is not "
    "enough. Nothing was changed.",
)
KEY_FILE_GONE = QT_TRANSLATE_NOOP(
    "Errors",
    "This data folder has been in use ({traces}), but its key file keyslots.json is missing or damaged, so "
    "nobody's current password can be checked: a backup cannot be restored into it. Put the key file back, "
    "or have the folder emptied (keep its contents elsewhere): a restore into an empty folder needs the "
    "backup's administrator, and every administrator is told of it at her next sign-in. Nothing was changed.",
)
REVOKED_SINCE = QT_TRANSLATE_NOOP(
    "Errors",
    "The account {name} was revoked after this backup was made: it cannot restore it. Nothing was changed.",
)
FACT_SETTINGS = tuple(
    s.key
    for s in (
        settings.RECOVERY_SLOT,
        settings.ERASURE_LEDGER_KEY,
        settings.BACKUP_MANIFESTS_AUTHENTICATED,
        settings.SIGNING_KEY_HISTORY,
    )
)


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
    with ws.transaction() as session:  # inside the copy: an untagged manifest around it is a stripped one,
        settings.put(session, settings.BACKUP_MANIFESTS_AUTHENTICATED, True)
        erasure_ledger.ledger_key(session)  # and the ledger's secret, so that a restore with no current
        # database to read can still check the ledger

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
        if exc.reason == "damaged" and ws.integrity_problems():
            raise database_failure(exc, ws.folder) from exc  # see below: the database, not the copy
        raise _backup_error(exc, out_folder) from exc
    except keyslots.KeyFileError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The key file of this data folder is damaged: no backup was made.")
        ) from exc
    except (OSError, sqlcipher.Error) as exc:
        failure = classify_database_error(exc)
        if failure == DISK_FULL or getattr(exc, "errno", None) == 28:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The backup does not fit in {path}: the disk is full. Nothing was kept."
                ),
                path=str(out_folder),
            ) from exc
        if failure == DAMAGED and ws.integrity_problems():
            # the database itself is damaged (a copy of its pages can only be as damaged; a copy that only a
            # failing stick spoilt keeps the backup's own sentence): said as any reading of it says it
            raise database_failure(exc, ws.folder) from exc
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The backup could not be written to {path}: {reason}"),
            path=str(out_folder),
            reason=getattr(exc, "strerror", None) or type(exc).__name__,
        ) from exc
    manifest = files.read_manifest(path).opened(ws.data_key)
    with ws.transaction() as session:
        settings.put(session, settings.LAST_BACKUP, utcnow())
        audit.record(session, actor.operator_id, "backup.created", "centre", 1, {"schema": revision})
    return BackupResult(path, manifest)


def _note_restored_backup(session: Session, created_at: str) -> None:
    """The restored database was itself backed up when the file was made: it says so from now on, or
    the reminder would claim no backup was ever made (the file records the state just before)."""
    try:
        made = datetime.fromisoformat(created_at)
    except (TypeError, ValueError):  # a manifest is read from a file: its date may be anything
        return
    if made.tzinfo is not None:  # stored like utcnow(): naive UTC
        made = made.astimezone(UTC).replace(tzinfo=None)
    last = settings.find(session, settings.LAST_BACKUP)
    if last is not None and last >= made:
        return
    settings.put(session, settings.LAST_BACKUP, made)


def backup_status(ws: Workspace, now: datetime | None = None) -> BackupStatus:
    ws.require_actor()
    with ws.transaction(write=False) as session:
        last = settings.find(session, settings.LAST_BACKUP)
        days = settings.get(session, settings.BACKUP_REMINDER_DAYS)
    current = now or utcnow()
    overdue = last is None or current - last > timedelta(days=days)
    return BackupStatus(last, days, overdue)


def set_reminder_days(ws: Workspace, days: int) -> None:
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    if not settings.BACKUP_REMINDER_DAYS.accepts(days):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter a number of days from 1 to 365."), field="backup_reminder_days"
        )
    with ws.transaction() as session:
        settings.put(session, settings.BACKUP_REMINDER_DAYS, days)
        audit.record(
            session, actor.operator_id, "setting.changed", "setting", settings.BACKUP_REMINDER_DAYS.key
        )


def inspect_backup(path: Path) -> Manifest:
    """What a backup file claims, after checking its digests (no key needed)."""
    try:
        return files.read_manifest(path)
    except BackupError as exc:
        raise _backup_error(exc, path) from exc


@dataclass(frozen=True)
class Credentials:
    """A user name with her password, or the recovery key (with the user name she logs in as)."""

    username: str
    password: str | None = None
    recovery_key: str | None = None

    @property
    def identity(self) -> str:
        return keyslots.RECOVERY_IDENTITY if self.recovery_key is not None else self.username

    def secret(self) -> str:
        if self.recovery_key is None:
            return self.password or ""
        try:
            return keyslots.normalise_recovery_key(self.recovery_key)
        except keyslots.RecoveryKeyTypo as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "This recovery key has a typing mistake: check each group of four characters."
                ),
                field="recovery_key",
            ) from exc


@dataclass(frozen=True)
class RestoreResult(LoginResult):
    """The login into the restored database, and what the restore did besides."""

    authorised_by: str = "current"  # "current": an administrator of the replaced database (or the unlocked
    # session of one); "current-slots": the database could not be read, current credentials opened the
    # folder's key file; "backup": an empty folder, the backup's administrator decided (both announced)
    authenticated: bool = True  # False: an old backup whose manifest carries no tag
    erasures_reapplied: int = 0
    revocations_reapplied: int = 0
    ledger_unchecked: int = 0  # ledger lines whose tag did not check (not applied)
    copies: tuple[int, int] = (0, 0)  # old-key copies re-encrypted, deleted (after a re-applied revocation)
    releases_carried: int = 0  # releases the backup did not know, carried from the replaced database or log
    releases_unverified: int = 0  # release log lines that do not verify: they block, listed by `verify`


@dataclass
class _Authority:
    by: str
    carried: Carried = field(default_factory=Carried)
    keys: list[keyslots.DataKey] = field(default_factory=list)  # the replaced database's key (its copy)
    current: Credentials | None = None  # "current-slots": who opened the key file, checked in the backup
    traces: tuple[str, ...] = ()

    @property
    def announced(self) -> bool:
        """Decided without a readable current database: administrators are told at their next login."""
        return self.by != "current"


def folder_traces(folder: Path) -> tuple[str, ...]:
    """What shows that this data folder was used before (empty: a new PC). Backup files a person copied
    into backups/ do not count; a database kept aside there by a restore or an upgrade does."""
    found = [name for name in TRACE_FILES if os.path.lexists(folder / name)]
    releases = release_log.folder_of(folder)
    if os.path.lexists(releases) and (not releases.is_dir() or any(releases.iterdir())):
        found.append(release_log.RELEASES_DIR)
    backups_dir = folder / "backups"
    if backups_dir.is_dir() and any(
        p.name.startswith(("replaced-", "pre-upgrade-")) for p in backups_dir.iterdir()
    ):
        found.append("backups")
    return tuple(found)


@dataclass(frozen=True)
class RestoreImpact:
    """What a restore will undo, counts only: shown before she confirms."""

    cases_newer: int
    services_newer: int
    accounts_now: int
    erasures_since: int  # erasures, withdrawals and revocations since the backup: applied again


def restore_impact(ws: Workspace, manifest: Manifest) -> RestoreImpact:
    """Cases and services entered after the backup was made (they will not be visible after it)."""
    ws.require_actor(Role.AMMINISTRATRICE)
    made = _naive(manifest.created_at)
    with ws.transaction(write=False) as session:
        cases_newer = (
            session.scalar(select(func.count()).select_from(Case).where(Case.created_at >= made)) or 0
        )
        services_newer = (
            session.scalar(
                select(func.count()).select_from(ServiceDelivery).where(ServiceDelivery.created_at >= made)
            )
            or 0
        )
        accounts = session.scalar(select(func.count()).select_from(Operator)) or 0
        keys = (
            [erasure_ledger.ledger_key(session)]
            if settings.is_set(session, settings.ERASURE_LEDGER_KEY)
            else []
        )
        lines = list(session.scalars(select(LedgerLine.line)))
    entries, _ = erasure_ledger.checked(lines, keys)
    since = sum(1 for e in entries if e.on >= made.date())
    return RestoreImpact(cases_newer, services_newer, accounts, since)


def _naive(iso: str) -> datetime:
    try:
        made = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return datetime.min
    if made.tzinfo is not None:
        made = made.astimezone(UTC).replace(tzinfo=None)
    return made


def restore_backup(
    ws: Workspace,
    backup_file: Path,
    username: str,
    *,
    password: str | None = None,
    recovery_key: str | None = None,
    new_password: str | None = None,
    current: Credentials | None = None,
) -> RestoreResult:
    """Replace the database of `ws`'s folder with a backup; returns the login into the restored one.

    `ws` holds the folder lock (Workspace.reserve or an open workspace; an unlocked one is locked first).
    `username` with `password` (or `recovery_key` and a `new_password` for her) open the backup: they are
    those valid when it was made, of one of its administrators. `current`: the credentials of an
    administrator of the database being replaced, when they differ from the backup's (default: the same);
    not needed when `ws` is unlocked by an administrator.
    """
    backup_creds = Credentials(username, password, recovery_key)
    manifest = inspect_backup(backup_file)
    authority = _authorise(ws, current or backup_creds)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    staging = ws.folder / f".restore-{stamp}"
    try:
        unlocked = _open_backup_slots(ws, backup_file, manifest, backup_creds, staging)
        signer = manifest.key_that_signed(unlocked.data_keys) if manifest.authenticated else None
        if manifest.authenticated and signer is None:
            raise _backup_error(BackupError("tampered"), backup_file)
        try:
            manifest = manifest.opened(signer) if signer is not None else manifest
        except BackupError as exc:
            raise _backup_error(exc, backup_file) from exc
        try:
            staged_db, staged_slots = files.extract(backup_file, staging, manifest)
            key = database.find_working_key(staged_db, [signer] if signer else unlocked.data_keys)
            files.verify_extracted(staged_db, key, manifest)
            facts = files.read_facts(staged_db, key, FACT_SETTINGS)
        except StorageError as exc:
            raise _backup_error(BackupError("undecryptable"), backup_file) from exc
        except BackupError as exc:
            raise _backup_error(exc, backup_file) from exc
        except sqlcipher.Error as exc:
            raise _backup_error(BackupError("damaged", "database"), backup_file) from exc
        if not manifest.authenticated and facts.settings.get(settings.BACKUP_MANIFESTS_AUTHENTICATED.key):
            raise _backup_error(BackupError("tampered"), backup_file)  # its tag was stripped, not absent
        _check_current_in_backup(ws, facts, authority)
        release_log.read(ws.folder, [])  # a log that is a link is refused before the swap, not after
        _check_backup_account(ws, facts, backup_creds, unlocked.slot_id, authority)
        folder_head = _folder_audit_events(ws.folder, manifest.database_id)
        if ws.is_unlocked:
            authority.keys.append(keyslots.DataKey(ws.data_key.raw(), ws.data_key.generation))
        ws.lock()  # only now: a refused backup or wrong credentials leave the session as it was
        aside = ws.backups_dir / f"replaced-{stamp}"
        files.replace_database_files(ws.folder, staged_db, staged_slots, aside)
        log.info("restored a backup of %s; the previous database is kept in %s", manifest.created_at, aside)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    ws.keys.load()
    if recovery_key is not None:
        result = ws.recover(recovery_key, username, new_password or "")
    else:
        result = ws.unlock(username, password or "")
    try:
        done = reapply(ws, authority.carried, authority.keys)
    except BaseException:
        ws.lock()  # nobody sees the restored data before the erasures and revocations are applied again
        raise
    finally:
        for key in authority.keys:
            key.wipe()
    with ws.transaction() as session:
        unverified_releases = len(release_log.unverified(ws.folder, signing_keys.public_keys(session)))
        _note_restored_backup(session, manifest.created_at)
        if authority.announced:
            _announce(session, manifest, authority, result.actor.username, done, folder_head)
        audit.record(
            session,
            result.actor.operator_id,
            "backup.restored",
            "centre",
            1,
            {
                "backup_created_at": manifest.created_at,
                "schema": manifest.schema_revision,
                "authorised_by": authority.by,
                "authenticated": manifest.authenticated,
                "traces": list(authority.traces),
            },
        )
    return RestoreResult(
        result.actor,
        result.failed_attempts,
        result.key_rotation,
        authorised_by=authority.by,
        authenticated=manifest.authenticated,
        erasures_reapplied=done.erasures,
        revocations_reapplied=done.revocations,
        ledger_unchecked=done.unchecked,
        copies=done.copies,
        releases_carried=done.releases,
        releases_unverified=unverified_releases,
    )


def _folder_audit_events(folder: Path, database_id: str) -> int | None:
    """The longest audit chain the folder's head file remembers, before the restore rewrites it."""
    heads = audit_heads.file_heads(folder, database_id)
    return max((h.events for h in heads), default=None)


def _announce(
    session: Session,
    manifest: Manifest,
    authority: _Authority,
    username: str,
    done: Reapplied,
    folder_events: int | None,
) -> None:
    """The note every administrator is shown at her next login: a restore nobody current could confirm."""
    head = manifest.audit_head or {}
    events = head.get("events")
    notice = {
        "restored_at": utcnow().replace(microsecond=0).isoformat(),
        "backup_made_at": manifest.created_at,
        "authorised_by": authority.by,
        "restored_by": username,
        "folder_traces": list(authority.traces),
        "backup_audit_events": events if isinstance(events, int) else None,
        "folder_audit_events": folder_events,
        "erasures_reapplied": done.erasures,
        "revocations_reapplied": done.revocations,
        "may_have_undone": "revocations and erasures made after the backup that the folder no longer shows",
    }
    settings.put(session, settings.RESTORE_NOTICE, notice)


def _throttled(ws: Workspace, identity: str) -> None:
    if ws.keys.loaded:
        wait = ws.login.throttle.wait_seconds(identity)
        if wait:
            raise LoginDelayed(wait)


def _failed(ws: Workspace, identity: str) -> None:
    """A failed restore counts like a failed login: same delay, audited at the next successful login."""
    if ws.keys.loaded:
        ws.login.throttle.record_failure(identity)


def _authorise(ws: Workspace, creds: Credentials) -> _Authority:
    """Who allows replacing the current database, decided before anything is extracted."""
    if ws.is_unlocked:
        ws.require_actor(Role.AMMINISTRATRICE)
        with ws.transaction(write=False) as session:
            return _Authority("current", _carried_from_session(session))
    traces = folder_traces(ws.folder)
    if not traces:
        return _Authority("backup")  # a new PC: nothing to protect but the data itself, the backup decides
    if not ws.keys.loaded:
        raise UserError(KEY_FILE_GONE, traces=", ".join(traces))
    identity = creds.identity
    _throttled(ws, identity)
    secret = creds.secret()
    try:
        unlocked = ws.keystore.unlock(identity, secret)
    except keyslots.KeySlotError as exc:
        _failed(ws, identity)
        raise UserError(NOT_AN_ADMINISTRATOR if ws.db_path.exists() else NOT_A_CURRENT_ADMINISTRATOR) from exc
    try:
        key = database.find_working_key(ws.db_path, unlocked.data_keys) if ws.db_path.exists() else None
        facts = files.read_facts(ws.db_path, key, FACT_SETTINGS) if key is not None else None
    except (StorageError, sqlcipher.Error):
        key = facts = None
    for candidate in unlocked.data_keys:
        if candidate is not key:
            candidate.wipe()
    if key is None or facts is None:
        # The database is missing or unreadable: the slot opened proves a current secret, nothing about the
        # role; the backup must confirm it (_check_current_in_backup). Its key cannot be checked: not kept.
        if key is not None:
            key.wipe()
        return _Authority("current-slots", current=creds, traces=traces)
    if not _is_administrator(facts, creds, unlocked.slot_id):
        key.wipe()
        _failed(ws, identity)
        raise UserError(NOT_AN_ADMINISTRATOR)
    return _Authority("current", _carried_from_facts(facts), [key])


def _check_current_in_backup(ws: Workspace, facts: DatabaseFacts, authority: _Authority) -> None:
    """With no current database, a slot of the current key file counts only if it is the recovery slot or
    its account is an active administrator in the backup as well: a current operatrice stays one."""
    creds = authority.current
    if authority.by != "current-slots" or creds is None or creds.recovery_key is not None:
        return
    account = facts.account(keyslots.normalise_identity(creds.username))
    if account is None or not account.active or account.role != Role.AMMINISTRATRICE.value:
        _failed(ws, creds.identity)
        raise UserError(NOT_A_CURRENT_ADMINISTRATOR)


def _is_administrator(facts: DatabaseFacts, creds: Credentials, slot_id: str) -> bool:
    if creds.recovery_key is not None:
        return bool(slot_id) and facts.settings.get(settings.RECOVERY_SLOT.key) == slot_id
    account = facts.account(keyslots.normalise_identity(creds.username))
    return (
        account is not None
        and account.active
        and account.role == Role.AMMINISTRATRICE.value
        and account.slot_id == slot_id
    )


def _open_backup_slots(
    ws: Workspace, backup_file: Path, manifest: Manifest, creds: Credentials, staging: Path
) -> keyslots.UnlockedSlot:
    """The backup's key slots, read into memory (bounded): the credentials are tried before extraction."""
    try:
        keystore = KeyStore.from_bytes(staging / files.SLOTS_MEMBER, files.read_slots(backup_file, manifest))
    except BackupError as exc:
        raise _backup_error(exc, backup_file) from exc
    except keyslots.KeyFileError as exc:
        raise _backup_error(BackupError("damaged", "keyslots.json"), backup_file) from exc
    _throttled(ws, creds.identity)
    try:
        return keystore.unlock(creds.identity, creds.secret())
    except keyslots.KeySlotError as exc:
        _failed(ws, creds.identity)
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "These credentials do not open the backup. Use a password that was valid when the backup "
                "was made, or the recovery key of that time.",
            )
        ) from exc


def _check_backup_account(
    ws: Workspace, facts: DatabaseFacts, creds: Credentials, slot_id: str, authority: _Authority
) -> None:
    """The account that opens the backup is one of its administrators, not revoked since."""
    try:
        name = normalise_username(creds.username)
    except ValidationError:
        name = creds.username.strip().casefold()
    account = facts.account(name)
    admin = (
        account is not None
        and account.active
        and account.role == Role.AMMINISTRATRICE.value
        and (
            facts.settings.get(settings.RECOVERY_SLOT.key) == slot_id
            if creds.recovery_key is not None
            else account.slot_id == slot_id
        )
    )
    if not admin:
        _failed(ws, creds.identity)
        raise UserError(BACKUP_ADMINISTRATOR)
    assert account is not None
    created = _parse(account.created_at)
    if any(r.username == name and _same_time(r.created_at, created) for r in authority.carried.revoked):
        raise UserError(REVOKED_SINCE, name=name)
    secrets = [
        s for s in (facts.settings.get(settings.ERASURE_LEDGER_KEY.key), *authority.carried.secrets) if s
    ]
    keys = [macs.secret_key(s) for s in secrets]
    lines = [*erasure_ledger.file_lines(ws.folder / erasure_ledger.LEDGER_FILE), *authority.carried.lines]
    entries, _ = erasure_ledger.checked(lines, keys)
    for tag, key, _on in erasure_ledger.revoked_tags(entries):
        if macs.matches_short(erasure_ledger.account_tag(key, name, created), tag):
            raise UserError(REVOKED_SINCE, name=name)


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _same_time(a: datetime | None, b: datetime | None) -> bool:
    return a is None or b is None or a.replace(microsecond=0) == b.replace(microsecond=0)


def _carried_from_facts(facts: DatabaseFacts) -> Carried:
    revoked = []
    for account in facts.accounts:
        revoked_at = _parse(account.revoked_at)
        if not account.active and revoked_at is not None:
            revoked.append(Revoked(account.username, _parse(account.created_at), revoked_at))
    secret = facts.settings.get(settings.ERASURE_LEDGER_KEY.key)
    signing = SigningState(facts.signing_key, facts.settings.get(settings.SIGNING_KEY_HISTORY.key, ""))
    return Carried(facts.ledger_lines, (secret,) if secret else (), tuple(revoked), signing, facts.releases)


def _carried_from_session(session: Session) -> Carried:
    revoked = tuple(
        Revoked(o.username, o.created_at, o.revoked_at)
        for o in session.scalars(select(Operator).where(Operator.active.is_(False)))
        if o.revoked_at is not None
    )
    secret = settings.find(session, settings.ERASURE_LEDGER_KEY)
    lines = tuple(session.scalars(select(LedgerLine.line).order_by(LedgerLine.id)))
    history = settings.get(session, settings.SIGNING_KEY_HISTORY)
    signing = SigningState(session.get_one(Centre, 1).signing_key, history)
    releases = release_log.rows_of(session)
    return Carried(
        lines,
        (secret,) if secret is not None else (),
        revoked,
        signing,
        releases,
        centre_pcs.state_of(session),
    )
