"""The data folder a workspace works in: checked, created if asked, reserved by its lock, and its paths."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from app.fs import dir_mode, file_mode, share_with_group
from app.i18n import QT_TRANSLATE_NOOP
from app.services.constants import DB_FILE, SLOTS_FILE, FolderNotOpenToHer
from app.services.errors import UserError
from app.services.workspace.failures import folder_refused
from app.storage.location import FolderBusy, FolderLock
from app.storage.policy import DataFolderRefused, check_data_folder, group_shared

BACKUPS_DIR = "backups"


class DataFolder:
    """One data folder and the lock that reserves it for this process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = FolderLock(path)
        self.db_path = path / DB_FILE
        self.slots_path = path / SLOTS_FILE
        self.backups_dir = path / BACKUPS_DIR

    def take(self, create: bool) -> None:
        """Refuse a network or synced folder, create it if asked, check it is writable, take the lock."""
        try:
            self._check_and_lock(create)
        except PermissionError as exc:  # Windows: a folder this account may not list or stat
            raise FolderNotOpenToHer(self.path) from exc

    def _check_and_lock(self, create: bool) -> None:
        try:
            check_data_folder(self.path)
        except DataFolderRefused as exc:
            raise folder_refused(exc, self.path) from exc
        if create:
            try:
                self.path.mkdir(mode=dir_mode(), parents=True, exist_ok=True)
            except OSError as exc:
                raise UserError(
                    QT_TRANSLATE_NOOP("Errors", "Cannot create the data folder {folder}: {reason}"),
                    folder=str(self.path),
                    reason=exc.strerror or type(exc).__name__,
                ) from exc
        if not self.path.is_dir():
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "No Ascolto data folder at {folder}. Set one up first."),
                folder=str(self.path),
            )
        _require_writable(self.path)
        if group_shared(self.path):
            share_with_group(True)
        self.acquire()

    def acquire(self) -> None:
        """Take the folder's lock (again, after a locked session let go of it)."""
        try:
            self.lock.acquire()
        except FolderBusy as exc:
            if exc.holder:
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Ascolto is already running with the data folder {folder} ({holder}). Close it there "
                        "first; if that session was left open on another Windows user, she can lock it or "
                        "sign out.",
                    ),
                    folder=str(self.path),
                    holder=exc.holder,
                ) from exc
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Ascolto is already running with the data folder {folder}. Close it first."
                ),
                folder=str(self.path),
            ) from exc
        except OSError as exc:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "The data folder {folder} is not writable: {reason}"),
                folder=str(self.path),
                reason=exc.strerror or type(exc).__name__,
            ) from exc


def _require_writable(folder: Path) -> None:
    """Try it rather than trust permission bits (root, ACLs and read-only mounts all lie to os.access)."""
    probe = folder / f".write-probe-{uuid.uuid4().hex}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode())
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The data folder {folder} is not writable: {reason}"),
            folder=str(folder),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
