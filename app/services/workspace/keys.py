"""Key slots and the data key: changing slots with the database, rotating the key, integrity checks."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher_errors
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import signing
from app.crypto.keyslots import DataKey, KeyStore
from app.fs import atomic_write_bytes
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Operator, Setting
from app.services import audit, signing_keys
from app.services.errors import UserError
from app.services.workspace.base import WorkspaceBase
from app.storage import database
from app.storage.database import StorageError

RECOVERY_SLOT_SETTING = "recovery_slot_id"
ROTATION_PENDING_SETTING = "key_rotation_pending"
"""Set in the transaction that revokes an account, cleared once the data key has been rotated: a crash
in between leaves it set, and the next unlock finishes the rotation (never rolls the revocation back)."""


def rightful_slot_ids(session: Session) -> set[str]:
    """The slots the database gives to somebody: each active account's, and the recovery key's."""
    ids = {
        slot_id
        for slot_id in session.scalars(
            select(Operator.slot_id).where(Operator.active.is_(True), Operator.slot_id.is_not(None))
        )
        if slot_id
    }
    recovery = session.get(Setting, RECOVERY_SLOT_SETTING)
    if recovery is not None and recovery.value:
        ids.add(recovery.value)
    return ids


def rotation_pending(session: Session) -> bool:
    return session.get(Setting, ROTATION_PENDING_SETTING) is not None


def mark_rotation_pending(session: Session) -> None:
    """Inside the revoking transaction: from its commit on, the rotation is owed."""
    if session.get(Setting, ROTATION_PENDING_SETTING) is None:
        session.add(Setting(key=ROTATION_PENDING_SETTING, value="1"))


class KeySlots(WorkspaceBase):
    """Operations on the slot file and the data key of an unlocked workspace (used by accounts)."""

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

    def _finish_interrupted_rotation(self) -> None:
        """A crash between rekey and the final slot save leaves two generations: keep the working one."""
        assert self._key is not None
        generation = self._key.generation
        unfinished = self.keystore.to_bytes()
        self.keystore.finish_rotation(generation)
        if self.keystore.to_bytes() != unfinished:
            self.keystore.save()

    def rotate_data_key(
        self, operator_id: int | None = None, reason: str = "revocation", older_keys: Sequence[DataKey] = ()
    ) -> int:
        """Re-encrypt the database under a fresh key sealed only to the rightful slots (active accounts and
        the recovery key, as the database records them); every other slot in the file is deleted.
        Clears a pending rotation and audits it; returns the new generation. The centre's signing key is
        replaced in the same last step (app.services.signing_keys): whoever read the old one while she had
        an account can no longer sign packages that coordinators accept.

        Order matters for crash safety: slots first learn the new key (both generations present), then the
        file is rekeyed, then the old generation is dropped from the slots, then the pending mark goes.

        Copies kept in the backups folder by restores and upgrades (`replaced-*`, `pre-upgrade-*`) are
        re-encrypted under the new key when the old key (or one of `older_keys`) opens them, else deleted:
        none stays readable with a key a revoked operator may have kept. The counts are left in
        `copies_after_rotation` for the sentence that tells the administrator.
        """
        with self._session(write=False) as session:
            keep = rightful_slot_ids(session)
        old = self.data_key
        new = DataKey.generate(old.generation + 1)
        dropped = self.keystore.retain(keep)
        self.keystore.stage_rotation(new)
        self.keystore.save()
        assert self._engine is not None
        self._engine.dispose()
        database.rekey(self.db_path, old, new)
        self.keystore.finish_rotation(new.generation)
        self.keystore.save()
        self.copies_after_rotation = self._reencrypt_copies([old, *older_keys], new)
        old.wipe()
        self._key = new
        self._engine = database.open_engine(self.db_path, new)
        with self._session(write=True) as session:
            pending = session.get(Setting, ROTATION_PENDING_SETTING)
            if pending is not None:
                session.delete(pending)
            detail: dict[str, object] = {"generation": new.generation, "reason": reason}
            if dropped:
                detail["foreign_slots_deleted"] = len(dropped)
            reencrypted, deleted = self.copies_after_rotation
            if reencrypted or deleted:
                detail["copies_reencrypted"], detail["copies_deleted"] = reencrypted, deleted
            audit.record(session, operator_id, "key.rotated", "centre", 1, detail)
            change = signing_keys.replace_signing_key(session)
            audit.record(
                session, operator_id, "signing_key.replaced", "centre", 1,
                {"old": change.old_fingerprint, "new": signing.fingerprint(change.new)},
            )  # fmt: skip
        return new.generation

    def _reencrypt_copies(self, old_keys: list[DataKey], new: DataKey) -> tuple[int, int]:
        folder = self.backups_dir
        if not folder.is_dir():
            return 0, 0
        copies = sorted(folder.glob("pre-upgrade-*.db")) + sorted(folder.glob("replaced-*/ascolto.db"))
        reencrypted = deleted = 0
        for path in copies:
            beside = path.parent != folder  # a replaced-* folder: the copy with its own slot file
            try:
                key = database.find_working_key(path, old_keys)
                database.rekey(path, key, new)
                if beside:
                    atomic_write_bytes(path.parent / self.slots_path.name, self.keystore.to_bytes())
                reencrypted += 1
                continue
            except (StorageError, sqlcipher_errors.Error, OSError):
                pass
            _delete_copy(path, beside)
            deleted += 1
        return reencrypted, deleted

    def finish_pending_rotation(self) -> bool:
        """Right after a login: a revocation whose rotation was interrupted is finished now (True)."""
        with self._session(write=False) as session:
            if not rotation_pending(session):
                return False
        self.rotate_data_key(self.actor.operator_id if self.actor else None, "interrupted revocation")
        return True

    def slot_problems(self) -> list[str]:
        """Slots in the key file that the database gives to nobody, and a rotation still owed."""
        with self._session(write=False) as session:
            keep = rightful_slot_ids(session)
            pending = rotation_pending(session)
        foreign = [slot_id for slot_id in self.keystore.slot_ids() if slot_id not in keep]
        problems = [
            f"slot {slot_id[:8]}… belongs to no active account nor to the recovery key" for slot_id in foreign
        ]
        if pending:
            problems.append("a revocation's key rotation is still pending")
        return problems

    def integrity_problems(self) -> list[str]:
        self.require_actor()
        assert self._engine is not None
        self._engine.dispose()
        return database.integrity_problems(self.db_path, self.data_key)


def _delete_copy(path: Path, beside: bool) -> None:
    """A copy nobody rightful can open any more: removed with its journal files (or its whole folder)."""
    if beside:
        shutil.rmtree(path.parent, ignore_errors=True)
        return
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        with suppress(OSError):
            (path.parent / name).unlink()
