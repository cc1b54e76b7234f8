"""Files the user asks to keep outside the database (a recovery sheet, a copy for her): written safely.

The interface may not reach the storage helpers itself; this is its one way to write such a file:
atomically (a crash leaves the old file or the new one, never half) and flushed to the device before
she is told to take the USB stick away, readable by its owner only.
"""

from __future__ import annotations

from pathlib import Path

from app.fs import atomic_write_bytes


def write_private_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically, fsynced, mode 0600; raises OSError as the file system says."""
    atomic_write_bytes(path, data, mode=0o600)
