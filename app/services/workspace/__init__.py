"""The workspace: one data folder, locked or unlocked, and who is working in it.

Locked, it holds the folder lock and the slot file, nothing more. Unlocked, it also holds the data key,
a keyed engine and the actor (the operator who unlocked). Every use case runs in
`with workspace.transaction() as session:` and returns plain values; nothing keeps a session.

Callers import from `app.services.workspace`. The class is assembled from one part per concern:
base (state, folder lock, units of work, locking), setup (a new folder; opening an existing one),
unlock (password or recovery key, throttled and audited), keys (slot changes, key rotation);
credentials and failures hold the actor, the name and password rules, and errors said in words.
"""

from app.crypto.keyslots import KdfParams
from app.services import settings
from app.services.constants import PASSPHRASE_HINT, SLOTS_FILE
from app.services.workspace.credentials import Actor, LoginResult, check_passphrase, normalise_username
from app.services.workspace.failures import DAMAGE_REASONS, database_failure, storage_error
from app.services.workspace.setup import SetUp
from app.services.workspace.unlock import Unlocking

RECOVERY_SLOT_SETTING = settings.RECOVERY_SLOT.key


class Workspace(SetUp, Unlocking):
    """A data folder opened by this process."""


__all__ = [
    "DAMAGE_REASONS",
    "PASSPHRASE_HINT",
    "RECOVERY_SLOT_SETTING",
    "SLOTS_FILE",
    "Actor",
    "KdfParams",
    "LoginResult",
    "Workspace",
    "check_passphrase",
    "database_failure",
    "normalise_username",
    "storage_error",
]
