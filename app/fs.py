"""Atomic file writes and file modes: a reader sees the old file or the new one, never half of either.

Not cryptography: every layer writes files this way, so it sits below all of them (app.fs).

Temp file in the same folder (same file system, so `os.replace` is atomic), permissions set before a
single byte is written, fsync of the data and of the folder entry before we report success.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

_group_shared = False


def share_with_group(enabled: bool) -> None:
    """Files we create become group-readable/writable (0660, folders 2770) for a shared data folder.

    On a PC where several accounts share /var/lib/ascolto (setgid, group `ascolto`) each member must be
    able to open what another created; the umask is narrowed to the group for the same reason.
    """
    global _group_shared
    _group_shared = enabled
    if enabled and os.name == "posix":
        os.umask(0o007)


def file_mode() -> int:
    return 0o660 if _group_shared else 0o600


def dir_mode() -> int:
    return 0o2770 if _group_shared else 0o700


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, mode: int | None = None) -> None:
    target = Path(path)
    mode = file_mode() if mode is None else mode
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with contextlib.suppress(OSError):  # Windows ignores most mode bits
            os.fchmod(fd, mode) if hasattr(os, "fchmod") else os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_directory(target.parent)


def fsync_directory(folder: Path) -> None:
    """Make a rename durable; a no-op where the platform cannot open folders (Windows)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def append_line(path: Path, line: bytes) -> None:
    """Append one line and flush it to the device (an append-only log: a crash loses at most this line)."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, file_mode())
    try:
        os.write(fd, line.rstrip(b"\n") + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
