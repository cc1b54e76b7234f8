"""What the first screen needs to know before the database layer is loaded.

The unlock screen and the set-up wizard are shown before SQLAlchemy, the models and Alembic are imported
(over half a second of a cold start, docs/performance.md), so the few facts they use live here, free of
heavy imports; `app.services.workspace` re-exports them.
"""

from __future__ import annotations

from pathlib import Path

from app.i18n import QT_TRANSLATE_NOOP

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


def holds_data(folder: Path) -> bool:
    """The folder holds an Ascolto database or its key slots (else the set-up wizard is shown).

    The same test as `Workspace.exists`.
    """
    return (folder / DB_FILE).exists() or (folder / SLOTS_FILE).exists()
