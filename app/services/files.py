"""Files the user asks to keep outside the database (a recovery sheet, a copy for her): written safely.

The interface may not reach the storage helpers itself; this is its one way to write such a file:
atomically (a crash leaves the old file or the new one, never half) and flushed to the device before
she is told to take the USB stick away, readable by its owner only.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from app.fs import FileHeldOpen, atomic_write_bytes
from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import UserError
from app.storage.policy import synced_folder

Destination = Path | str | IO[bytes]


def synced_destination(path: Path) -> str | None:
    """What says that the folder of `path` is kept in sync by a cloud client (a folder name, a marker
    file), or None: a file with names saved there is copied off the PC (OneDrive on Windows 11's
    Desktop and Documents, typically)."""
    return synced_folder(path.parent)


def write_private_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically, fsynced, mode 0600; raises OSError as the file system says, and
    a UserError when the file is kept open in another program (a PDF viewer on Windows)."""
    try:
        atomic_write_bytes(path, data, mode=0o600)
    except FileHeldOpen as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} is open in another program: close the file in the other program, then try again.",
            ),
            path=str(path),
        ) from exc


def write_document(data: bytes, out: Destination) -> Path | None:
    """A document (her copy, a desk's agenda) to the caller's stream, or to her chosen path through
    `write_private_file`; returns the path written, None for a stream."""
    if isinstance(out, str | Path):
        path = Path(out)
        write_private_file(path, data)
        return path
    out.write(data)
    return None
