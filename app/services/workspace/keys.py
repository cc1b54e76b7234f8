"""Key slots and the data key: binding slots to their owners, changing slots with the database, rotating."""

from __future__ import annotations

import hmac
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher_errors
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import keyslots, signing
from app.crypto.keyslots import DEFAULT_KDF, DataKey, KdfParams, KeyStore
from app.fs import atomic_write_bytes
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Operator
from app.services import audit, settings, signing_keys
from app.services.errors import UserError
from app.storage import database
from app.storage.database import StorageError

if TYPE_CHECKING:
    from app.services.workspace.workspace import Workspace


def bound_digest(session: Session, slot_id: str) -> str | None:
    return settings.find(session, settings.SLOT_DIGEST.of(slot_id)) or None


def bind_slot(session: Session, keystore: KeyStore, slot_id: str, replaces: str | None = None) -> None:
    """Record the slot just made for an account (or the recovery key), in the unit of work that gives it
    to her; the digest of the slot it `replaces` is forgotten."""
    if replaces and replaces != slot_id:
        settings.delete(session, settings.SLOT_DIGEST.of(replaces))
    settings.put(session, settings.SLOT_DIGEST.of(slot_id), keystore.digest_of(slot_id))


def bind_unbound(session: Session, keystore: KeyStore) -> int:
    """A folder made before slots were bound: record each rightful slot whose id only one slot in the file
    holds (an id held twice stays unbound: neither copy is trusted, `verify` names it). Returns how many."""
    counts: dict[str, int] = {}
    for slot_id, _ in keystore.digests():
        counts[slot_id] = counts.get(slot_id, 0) + 1
    bound = 0
    for slot_id in rightful_slot_ids(session):
        if bound_digest(session, slot_id) is None and counts.get(slot_id) == 1:
            bind_slot(session, keystore, slot_id)
            bound += 1
    return bound


def slot_is_bound(session: Session, keystore: KeyStore, slot_id: str, digest: str) -> bool:
    """Whether the slot that opened (`slot_id`, `digest`) is the one the database records for its owner;
    an unbound folder is bound first (its slots as they are now, unless an id is held twice)."""
    if bound_digest(session, slot_id) is None:
        bind_unbound(session, keystore)
    expected = bound_digest(session, slot_id)
    return expected is not None and hmac.compare_digest(expected, digest)


def rightful_slots(session: Session) -> dict[str, str | None]:
    """Each rightful slot id with its recorded digest (None: not yet bound)."""
    return {slot_id: bound_digest(session, slot_id) for slot_id in rightful_slot_ids(session)}


def forget_other_digests(session: Session, keep: set[str]) -> None:
    """After a rotation: the digests of slots that are nobody's any more are dropped."""
    for slot_id in settings.members(session, settings.SLOT_DIGEST):
        if slot_id not in keep:
            settings.delete(session, settings.SLOT_DIGEST.of(slot_id))


def record_generation(session: Session, generation: int) -> None:
    settings.put(session, settings.KEY_GENERATION, generation)


def rightful_slot_ids(session: Session) -> set[str]:
    """The slots the database gives to somebody: each active account's, and the recovery key's."""
    ids = {
        slot_id
        for slot_id in session.scalars(
            select(Operator.slot_id).where(Operator.active.is_(True), Operator.slot_id.is_not(None))
        )
        if slot_id
    }
    recovery = settings.get(session, settings.RECOVERY_SLOT)
    if recovery:
        ids.add(recovery)
    return ids


def rotation_pending(session: Session) -> bool:
    return settings.is_set(session, settings.ROTATION_PENDING)


def mark_rotation_pending(session: Session) -> None:
    """Inside the revoking transaction: from its commit on, the rotation is owed."""
    settings.put(session, settings.ROTATION_PENDING, True)


class KeyManager:
    """The slot file of a workspace (`ws.keys`): it owns the loaded key store, the Argon2id cost of the
    slots made in this session, and what the last rotation did to the copies in the backups folder.

    Slot changes and key rotations go through the workspace's units of work and its keyed database."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.path = ws.slots_path
        self._store: KeyStore | None = None
        self.slot_kdf: KdfParams = DEFAULT_KDF
        """The Argon2id cost for slots made in this session: that of the slot that unlocked it (or of the
        folder's set-up), so an installation keeps the cost calibrated when its folder was created."""
        self.copies_after_rotation: tuple[int, int] = (0, 0)  # (re-encrypted, deleted) by the last re-key

    # --- the file ----------------------------------------------------------------------------------------
    @property
    def store(self) -> KeyStore:
        if self._store is None:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "The workspace is closed."))
        return self._store

    @property
    def loaded(self) -> bool:
        """Whether a slot file was read (a reserved folder on a new PC has none)."""
        return self._store is not None

    def load(self) -> None:
        """Read the slot file (again, after a restore replaced it)."""
        try:
            self._store = KeyStore.load(self.path)
        except keyslots.KeyFileError as exc:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The key file of {folder} is missing or damaged; the database cannot be unlocked "
                    "without it. Restore keyslots.json from a backup.",
                ),
                folder=str(self.ws.folder),
            ) from exc

    def load_if_any(self) -> None:
        """A reserved folder may hold no slot file yet (a restore is about to bring one)."""
        with suppress(keyslots.KeyFileError):
            self._store = KeyStore.load(self.path)

    def adopt(self, store: KeyStore, kdf: KdfParams) -> None:
        """A slot file just made (a new folder), with the cost its slots were made at."""
        self._store, self.slot_kdf = store, kdf

    def forget(self) -> None:
        self._store = None

    # --- changing slots ----------------------------------------------------------------------------------
    @contextmanager
    def changing_slots(self, unlocking: bool = False) -> Iterator[tuple[Session, KeyStore]]:
        """One unit of work that changes key slots and the database together, or neither.

        The slot file is saved at the end of the transaction; if the save or the commit fails, the slots
        in memory and on disk go back to what they were, so nobody is locked out by a half-done change.
        """
        snapshot = self.store.to_bytes()
        saved = False
        try:
            with self.ws.db.session(write=True) if unlocking else self.ws.transaction() as session:
                yield session, self.store
                self.store.save()
                saved = True
        except BaseException as exc:
            self._store = KeyStore.from_bytes(self.path, snapshot)
            if saved:
                with suppress(OSError):
                    self._store.save()
            if isinstance(exc, OSError):
                raise UserError(
                    QT_TRANSLATE_NOOP("Errors", "The key file could not be written: {reason}"),
                    reason=exc.strerror or type(exc).__name__,
                ) from exc
            raise

    # --- rotating the data key ---------------------------------------------------------------------------
    def finish_interrupted_rotation(self) -> None:
        """A crash between rekey and the final slot save leaves two generations: keep the working one."""
        generation = self.ws.db.key.generation
        unfinished = self.store.to_bytes()
        self.store.finish_rotation(generation)
        if self.store.to_bytes() != unfinished:
            self.store.save()

    def rotate(
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
        db = self.ws.db
        with db.session(write=False) as session:
            keep = rightful_slots(session)
        new = DataKey.generate(db.key.generation + 1)
        dropped = self.store.retain(keep)
        self.store.stage_rotation(new)
        self.store.save()
        old = db.rekey(new)
        self.store.finish_rotation(new.generation)
        self.store.generation = new.generation  # the database records it too, in the last step
        self.store.save()
        self.copies_after_rotation = self._reencrypt_copies([old, *older_keys], new)
        old.wipe()
        db.use(new)
        with db.session(write=True) as session:
            settings.delete(session, settings.ROTATION_PENDING)
            forget_other_digests(session, set(keep))
            record_generation(session, new.generation)
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
        folder = self.ws.backups_dir
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
                    atomic_write_bytes(path.parent / self.path.name, self.store.to_bytes())
                reencrypted += 1
                continue
            except (StorageError, sqlcipher_errors.Error, OSError):
                pass
            _delete_copy(path, beside)
            deleted += 1
        return reencrypted, deleted

    def finish_pending_rotation(self) -> bool:
        """Right after a login: a revocation whose rotation was interrupted is finished now (True)."""
        with self.ws.db.session(write=False) as session:
            if not rotation_pending(session):
                return False
        actor = self.ws.actor
        self.rotate(actor.operator_id if actor else None, "interrupted revocation")
        return True

    # --- checking ----------------------------------------------------------------------------------------
    def slot_problems(self) -> list[str]:
        """Slots in the key file that the database gives to nobody, ids or locators held by more than one
        slot, rightful slots not (yet) bound to their owner, and a rotation still owed."""
        with self.ws.db.session(write=False) as session:
            keep = rightful_slots(session)
            pending = rotation_pending(session)
        problems = [f"{what} is used more than once in the key file" for what in self.store.duplicates()]
        seen: set[str] = set()
        for slot_id, digest in self.store.digests():
            recorded = keep.get(slot_id)
            if slot_id not in keep:
                problems.append(f"slot {slot_id[:8]}… belongs to no active account nor to the recovery key")
            elif recorded is None:
                if slot_id not in seen:
                    problems.append(
                        f"slot {slot_id[:8]}… is not yet bound to its owner (a login binds it, unless its id "
                        "is used twice: then reset her password, or use the recovery key)"
                    )
            elif not hmac.compare_digest(recorded, digest):
                problems.append(
                    f"slot {slot_id[:8]}… carries a rightful id but is not the slot recorded for it"
                )
            seen.add(slot_id)
        missing = [slot_id for slot_id in keep if slot_id not in seen]
        problems.extend(
            f"slot {slot_id[:8]}… of an active account is missing from the key file" for slot_id in missing
        )
        if pending:
            problems.append("a revocation's key rotation is still pending")
        return problems


def _delete_copy(path: Path, beside: bool) -> None:
    """A copy nobody rightful can open any more: removed with its journal files (or its whole folder)."""
    if beside:
        shutil.rmtree(path.parent, ignore_errors=True)
        return
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        with suppress(OSError):
            (path.parent / name).unlink()
