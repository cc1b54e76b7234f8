"""Where the data folder lives, and the lock that keeps a second process out of it."""

from __future__ import annotations

import getpass
import os
import platform
import sys
from datetime import datetime
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
    """Another Ascolto process holds this data folder; `holder` is what its lock file says (may be '')."""

    def __init__(self, path: str, holder: str = "") -> None:
        super().__init__(path)
        self.holder = holder


HOLDER_BYTES = 200


def _account() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no name in the environment nor in the password database
        return "?"


class FolderLock:
    """An OS-level exclusive lock on `<folder>/ascolto.lock`; released automatically if we crash.

    Byte 0 is the lock (Windows locks a byte range; elsewhere flock locks the file). After it the file
    says who holds the folder and since when ("account on PC since 2026-12-07 09:12"), so that whoever
    finds it taken knows whom to ask: a session left open on a PC switched to another user, say."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "ascolto.lock"
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        if self._handle is not None:
            return
        handle = os.fdopen(
            os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666), "r+b"
        )
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
            raise FolderBusy(str(self.path), self.holder()) from exc
        self._handle = handle
        self._say_who(handle)

    @staticmethod
    def _say_who(handle: IO[bytes]) -> None:
        since = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
        text = f"{_account()} on {platform.node() or '?'} since {since}"
        try:
            handle.seek(1)
            handle.write(text.encode("utf-8", "replace")[:HOLDER_BYTES])
            handle.truncate()
            handle.flush()
        except OSError:  # the lock is what matters; the note is a courtesy
            pass

    def holder(self) -> str:
        """Who holds the folder and since when, as its lock file says ('' if it says nothing)."""
        try:
            with open(self.path, "rb") as handle:
                handle.seek(1)
                raw = handle.read(HOLDER_BYTES)
        except OSError:
            return ""
        return raw.decode("utf-8", "replace").replace("\x00", "").strip()

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
