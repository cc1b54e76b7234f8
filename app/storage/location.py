"""Where the data folder lives, and the lock that keeps a second process out of it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

import platformdirs

from app import APP_NAME

ENV_HOME = "ASCOLTO_HOME"


def default_data_dir() -> Path:
    """`ASCOLTO_HOME` if set, otherwise the platform's per-user data folder."""
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class FolderBusy(Exception):
    """Another Ascolto process holds this data folder."""


class FolderLock:
    """An OS-level exclusive lock on `<folder>/ascolto.lock`; released automatically if we crash."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "ascolto.lock"
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        handle = open(self.path, "a+b")  # noqa: SIM115 - held open for the process lifetime
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise FolderBusy(str(self.path)) from exc
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            if sys.platform == "win32":
                import msvcrt

                self._handle.seek(0)
                msvcrt.locking(self._handle.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
        finally:
            self._handle.close()
            self._handle = None
