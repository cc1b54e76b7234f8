"""The workspace: one data folder, locked or unlocked, and who is working in it.

Locked, it holds the folder lock and the slot file, nothing more. Unlocked, it also holds the data key,
a keyed engine and the actor (the operator who unlocked). Every use case runs in
`with workspace.transaction() as session:` and returns plain values; nothing keeps a session.

Callers import from `app.services.workspace`. The `Workspace` (workspace.py) is composed of parts that
own their state: `keys` (keys.py: the slot file, slot binding, key rotation), `db` (keyed.py: the data
key, the keyed engine, sessions) and `login` (unlock.py: the actor, unlocking throttled and audited);
base.py takes the folder and its lock, setup.py sets up a new folder or opens one; credentials and
failures hold the actor, the name and password rules, and errors said in words.
"""

from app.crypto.keyslots import KdfParams
from app.services import settings
from app.services.constants import PASSPHRASE_HINT, SLOTS_FILE
from app.services.workspace.credentials import Actor, LoginResult, check_passphrase, normalise_username
from app.services.workspace.failures import DAMAGE_REASONS, database_failure, storage_error
from app.services.workspace.workspace import Workspace

RECOVERY_SLOT_SETTING = settings.RECOVERY_SLOT.key

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
