"""Atomic file writes and file modes: a reader sees the old file or the new one, never half of either.

Not cryptography: every layer writes files this way, so it sits below all of them (app.fs).

Temp file in the same folder (same file system, so `os.replace` is atomic), permissions set before a
single byte is written, fsync of the data and of the folder entry before we report success.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
import time
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
    """The mode of a folder made inside the data folder (backups, releases, replaced copies...).

    On Windows no mode at all (0o777, what `mkdir` passes by default): from CPython 3.11.10/3.12.4 a mode
    of 0o700 sets an owner-only ACL, which would lock the next operator out of `backups\\` or `releases\\`;
    the folder inherits the data folder's ACL (the "Ascolto Users" group, set by the installer) instead."""
    if sys.platform == "win32":
        return 0o777
    return 0o2770 if _group_shared else 0o700


def atomic_write_bytes(
    path: str | os.PathLike[str], data: bytes, mode: int | None = None, *, sync_folder: bool = True
) -> None:
    """`sync_folder=False`: the caller writes many files into one folder and syncs it once afterwards."""
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
        replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if sync_folder:
        fsync_directory(target.parent)


REPLACE_WAIT_SECONDS = 3.0
"""How long a replace waits for a file that another program holds (Windows refuses to replace a file open
in a PDF viewer or being scanned by the antivirus; the scan lets go within a moment, the viewer never)."""
_HELD_WINERRORS = frozenset({5, 32, 33})  # access denied, sharing violation, lock violation


class FileHeldOpen(PermissionError):
    """The target stayed open in another program for REPLACE_WAIT_SECONDS: she must close it there."""


def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """`os.replace`, retried briefly while the target is held open (Windows); FileHeldOpen if it stays so."""
    deadline = time.monotonic() + REPLACE_WAIT_SECONDS
    pause = 0.05
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in _HELD_WINERRORS:
                raise  # a real permission problem (every POSIX refusal): waiting would not help
            if time.monotonic() >= deadline:
                raise FileHeldOpen(exc.errno, exc.strerror, os.fspath(target)) from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


_WINDOWS_RESERVED = re.compile(
    r"^(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3])(\..*)?$", re.I
)
_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def safe_file_name(name: str) -> str:
    """A default file name valid on every system: a desk name's `:` would make an NTFS stream on Windows,
    `CON.pdf` or `nul` name a device, a trailing dot or space is dropped by Windows."""
    cleaned = _NOT_IN_NAMES.sub("-", name).rstrip(". ")
    if not cleaned:
        return "_"
    return "_" + cleaned if _WINDOWS_RESERVED.match(cleaned) else cleaned


def fsync_directory(folder: Path) -> None:
    """Make a rename durable; a no-op where the platform cannot open folders (Windows)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class NotARegularFile(OSError):
    """An append-only log's path names a symbolic link, a reparse point, a device or a pipe."""


_REPARSE = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)


def _regular(st: os.stat_result) -> bool:
    return stat.S_ISREG(st.st_mode) and not getattr(st, "st_file_attributes", 0) & _REPARSE


def open_regular(path: Path, flags: int, mode: int | None = None) -> int:
    """Open a file that must be a regular file of its own, never reached through a link.

    The append-only logs (erasure ledger, release log) must not be redirected by whoever can write the
    folder: a link would make Ascolto append to, or read, a file of her choice. Where the system has
    O_NOFOLLOW the open itself refuses a link; elsewhere (Windows) the path is checked with lstat first and
    the opened file compared with it (same st_dev and st_ino). A pipe or a device never blocks the open."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    extra = nofollow | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    before: os.stat_result | None = None
    if not nofollow:
        try:
            before = os.lstat(path)
        except FileNotFoundError:
            before = None
        if before is not None and not _regular(before):
            raise NotARegularFile(f"{path} is not a regular file")
    try:
        fd = os.open(path, flags | extra, file_mode() if mode is None else mode)
    except OSError as exc:  # O_NOFOLLOW's ELOOP (EMLINK on some BSDs), a pipe with no reader's ENXIO...
        try:
            found = os.lstat(path)
        except OSError:
            raise exc from None
        if not _regular(found):
            raise NotARegularFile(f"{path} is not a regular file") from exc
        raise
    try:
        opened = os.fstat(fd)
        if not _regular(opened) or opened.st_nlink > 1:  # a hard link is another name of a file elsewhere
            raise NotARegularFile(f"{path} is not a regular file of its own")
        if not nofollow:
            now = before if before is not None else os.lstat(path)
            if not _regular(now) or (now.st_dev, now.st_ino) != (opened.st_dev, opened.st_ino):
                raise NotARegularFile(f"{path} changed while it was opened")
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: Path, limit: int) -> bytes:
    """Up to `limit` bytes of a regular file, refusing links (see `open_regular`); missing: FileNotFoundError."""
    fd = open_regular(path, os.O_RDONLY)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(limit)


def append_line(path: Path, line: bytes) -> None:
    """Append one line and flush it to the device (an append-only log: a crash loses at most this line).
    The path must be a regular file or not exist yet: never a link (see `open_regular`)."""
    fd = open_regular(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        os.write(fd, line.rstrip(b"\n") + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
