"""Unlocking: a password or the recovery key opens the database and logs her in, throttled and audited."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher_errors
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.crypto import keyslots
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Operator
from app.models.base import utcnow
from app.services import audit, settings
from app.services.errors import LoginDelayed, UserError, ValidationError, WrongCredentials
from app.services.throttle import LoginThrottle, Pending
from app.services.workspace.credentials import Actor, LoginResult, actor_of, check_passphrase, known_names
from app.services.workspace.keys import bind_slot, slot_is_bound
from app.storage.database import StorageError

if TYPE_CHECKING:
    from app.services.workspace.workspace import Workspace

log = logging.getLogger(__name__)

ATTEMPTS_FILE = "attempts.json"


class _SlotRefused(Exception):
    """The slot that opened is not the one the database records for its owner."""


class Login:
    """Who is working in a workspace (`ws.login`): it owns the actor, and the way from locked to unlocked
    (find the key that opens the file, check the account, audit the login), throttled by the record of
    failed attempts beside the database."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.actor: Actor | None = None

    @property
    def throttle(self) -> LoginThrottle:
        return LoginThrottle(self.ws.folder / ATTEMPTS_FILE, self.ws.keys.store.database_id)

    def unlock(self, username: str, password: str) -> LoginResult:
        self.ws.retake_folder()  # released while locked (app/ui/controller.py)
        throttle = self.throttle
        wait = throttle.wait_seconds(username)
        if wait:
            raise LoginDelayed(wait)
        try:
            unlocked = self.ws.keys.store.unlock(username, password)
        except keyslots.KeySlotError as exc:
            throttle.record_failure(username)
            raise WrongCredentials() from exc
        failures, pending = throttle.peek(username)
        self._open_with(unlocked)
        db = self.ws.db
        try:
            with db.damage_reported(), db.session(write=True) as session:
                operator = self.operator(session, username)
                if operator is None or not operator.active or operator.slot_id != unlocked.slot_id:
                    throttle.record_failure(username)
                    raise WrongCredentials()
                if not slot_is_bound(session, self.ws.keys.store, unlocked.slot_id, unlocked.digest):
                    raise _SlotRefused()
                self.audit_login(session, operator, pending)
        except _SlotRefused:
            self._refuse_slot(username)
            raise WrongCredentials() from None
        except BaseException:
            self.ws.drop_keys()
            raise
        throttle.clear(username, audited=pending)  # only once the login is committed
        return self._logged_in(username, failures)

    def _logged_in(self, username: str, failures: int) -> LoginResult:
        """After the login's commit: the folder checked against the database, the head written, and an
        interrupted revocation finished."""
        notices = self._after_login(username)
        self.ws.write_audit_head()
        assert self.actor is not None
        return LoginResult(self.actor, failures, self._finish_revocation(), notices)

    def recover(self, recovery_key: str, username: str, new_password: str) -> LoginResult:
        """Open with the recovery key and give `username` a new password (her old slot is replaced)."""
        self.ws.retake_folder()
        check_passphrase(new_password, username)  # names are checked again once the database is open
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
            unlocked = self.ws.keys.store.unlock(keyslots.RECOVERY_IDENTITY, normalised)
        except keyslots.KeySlotError as exc:
            throttle.record_failure(keyslots.RECOVERY_IDENTITY)
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "This recovery key does not open this data folder.")
            ) from exc
        _, pending = throttle.peek(username)
        self._open_with(unlocked)
        try:
            with (
                self.ws.db.damage_reported(),
                self.ws.keys.changing_slots(unlocking=True) as (session, keystore),
            ):
                if settings.find(session, settings.RECOVERY_SLOT) != unlocked.slot_id or not slot_is_bound(
                    session, keystore, unlocked.slot_id, unlocked.digest
                ):
                    raise _SlotRefused()
                operator = self.operator(session, username)
                if operator is None or not operator.active:
                    raise UserError(
                        QT_TRANSLATE_NOOP("Errors", "There is no active account named {name}."), name=username
                    )
                check_passphrase(new_password, username, known_names(session, operator.full_name))
                params = unlocked.params
                if operator.slot_id and operator.slot_id in keystore.slot_ids():
                    params = keystore.params_of(operator.slot_id)
                    keystore.remove_slot(operator.slot_id)
                new_slot = keystore.add_slot(operator.username, new_password, [self.ws.db.key], params)
                bind_slot(session, keystore, new_slot, replaces=operator.slot_id)
                operator.slot_id = new_slot
                audit.record(session, operator.id, "account.recovered", "operator", operator.id)
                self.audit_login(session, operator, pending)
        except _SlotRefused:
            self._refuse_slot(keyslots.RECOVERY_IDENTITY)
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "This recovery key does not open this data folder.")
            ) from None
        except BaseException:
            self.ws.drop_keys()
            raise
        throttle.clear(username, audited=pending)
        throttle.clear(keyslots.RECOVERY_IDENTITY)
        return self._logged_in(username, 0)

    def _refuse_slot(self, identity: str) -> None:
        """A slot opened that the database does not record for its owner (one planted with her id): the
        same refusal as a wrong password, counted like one, and on record at once (the database is open)."""
        try:
            with self.ws.db.session(write=True) as session:
                operator = None
                if identity != keyslots.RECOVERY_IDENTITY:
                    operator = self.operator(session, identity)
                entity, entity_id = ("operator", operator.id) if operator else ("centre", 1)
                detail = {"recovery_key": True} if identity == keyslots.RECOVERY_IDENTITY else None
                audit.record(session, None, "login.slot_refused", entity, entity_id, detail)
        except Exception as exc:  # the refusal stands even if it cannot be written down
            log.warning("A refused key slot could not be audited (%s).", type(exc).__name__)
        finally:
            self.ws.drop_keys()
            self.throttle.record_failure(identity)

    def _after_login(self, username: str) -> tuple[UserError, ...]:
        """The one check of the folder against the database after a login (app.services.rollback): what
        an administrator must be told; a login its findings revoke is refused."""
        from app.services import rollback  # the service builds on the workspace it is called from

        try:
            return rollback.check_at_unlock(self.ws)
        except WrongCredentials:
            self.ws.drop_keys()
            self.throttle.record_failure(username)
            raise
        except BaseException:
            self.ws.drop_keys()
            raise

    def _finish_revocation(self) -> str:
        """A revocation committed without its key rotation (a crash, a full disk) is finished at the next
        login, whoever logs in: the old key must stop opening the database. Never rolled back."""
        try:
            return "finished" if self.ws.keys.finish_pending_rotation() else ""
        except (UserError, StorageError, OSError, DBAPIError, sqlcipher_errors.Error):
            return "pending"  # the slots still open the database; tried again at the next login

    @staticmethod
    def operator(session: Session, username: str) -> Operator | None:
        return session.scalar(
            select(Operator).where(Operator.username == keyslots.normalise_identity(username))
        )

    def audit_login(self, session: Session, operator: Operator, pending: Pending) -> None:
        """Write what nobody could audit while the database was closed, then the login: the failed
        attempts, anything suspicious about their record, and whether the record was removed since the
        last login (the database keeps its serial and count)."""
        for failure in pending.failures:
            audit.record(
                session,
                None,
                "login.failed",
                "account",
                str(failure["account"]),
                at=datetime.fromtimestamp(int(failure["at"]), UTC).replace(tzinfo=None),
            )
        for finding in pending.suspicious:
            audit.record(
                session, None, "login.record_suspicious", "attempts", None, {"reason": finding["reason"]}
            )
        seen = settings.find(session, settings.ATTEMPTS_SEEN)
        if seen is not None:
            serial, seq = seen
            if serial != pending.serial or seq > pending.seq:
                reason = "replaced" if serial != pending.serial else "rolled_back"
                audit.record(session, None, "login.failures_lost", "attempts", None, {"reason": reason})
        settings.put(session, settings.ATTEMPTS_SEEN, (pending.serial, pending.seq))
        operator.last_login_at = utcnow()
        audit.record(session, operator.id, "login", "operator", operator.id)
        erase_final_partials(session)
        self.actor = actor_of(operator)

    def _open_with(self, unlocked: keyslots.UnlockedSlot) -> None:
        """The keys the slot unsealed open the database; the slots made in this session take its cost."""
        self.ws.db.open(unlocked.data_keys)
        self.ws.keys.slot_kdf = unlocked.params.raised_to_floor()
        self.ws.keys.finish_interrupted_rotation()


def erase_final_partials(session: Session) -> None:
    """The one place the partial aggregates of periods now final are erased (app.services.partials): at
    each login, in its transaction, so that a main office erases them even when no desk PC sends again."""
    from app.services import partials  # the service builds on the workspace it is called from

    erased = partials.erase_final(session)
    if erased:
        audit.record(session, None, "partials.erased", "centre", 1, {"rows": erased})
