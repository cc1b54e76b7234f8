"""What the first screen needs to know before the database layer is loaded.

The unlock screen and the set-up wizard are shown before SQLAlchemy, the models and Alembic are imported
(over half a second of a cold start, docs/performance.md), so the few facts they use live here, free of
heavy imports; `app.services.workspace` re-exports them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import UserError
from app.storage.policy import LINUX_GROUP, WINDOWS_GROUP

DB_FILE = "ascolto.db"
SLOTS_FILE = "keyslots.json"

MIN_PASSPHRASE = 15
PASSPHRASE_EXAMPLES = ("lampada fiume gatto neve",)
"""Every example password Ascolto shows (the hint below, the README): refused as a password, and its
words count as known to any attacker (app/services/passwords.py)."""
PASSPHRASE_HINT = QT_TRANSLATE_NOOP(
    "Errors",
    "Use at least 15 characters. A few unrelated words are easy to remember and hard to guess, "
    "for example: 'lampada fiume gatto neve'. No symbols or digits are required.",
)


FOLDER_NOT_OPEN_TO_HER = QT_TRANSLATE_NOOP(
    "Errors",
    "This account may not open the data folder {folder}. Whoever looks after Ascolto on this PC must add "
    "the account to the group \u201c{group}\u201d; then sign out and sign in again (a new group counts "
    "only from the next sign-in).",
)


class FolderNotOpenToHer(UserError):
    """The data folder exists but this account may not list it: not in the group, or not since sign-in.

    On Windows, Python 3.11/3.12's `Path.exists()` raises PermissionError for such a folder instead of
    answering; without this the windowed program would end before showing anything."""

    def __init__(self, folder: Path) -> None:
        super().__init__(FOLDER_NOT_OPEN_TO_HER, folder=str(folder), group=group_of_users())


def group_of_users() -> str:
    """The group the installer gives the machine-wide data folder to (docs/installing.md)."""
    return WINDOWS_GROUP if sys.platform == "win32" else LINUX_GROUP


def holds_data(folder: Path) -> bool:
    """The folder holds an Ascolto database or its key slots (else the set-up wizard is shown).

    The same test as `Workspace.exists`. A folder this account may not list raises FolderNotOpenToHer.
    """
    try:
        return (folder / DB_FILE).exists() or (folder / SLOTS_FILE).exists()
    except PermissionError as exc:
        raise FolderNotOpenToHer(folder) from exc
