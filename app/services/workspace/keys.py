"""Key slots and the data key: changing slots with the database, rotating the key, integrity checks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy.orm import Session

from app.crypto.keyslots import DataKey, KeyStore
from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import UserError
from app.services.workspace.base import WorkspaceBase
from app.storage import database


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
