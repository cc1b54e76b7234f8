"""Where a shared PC keeps the data folder, and which folders we refuse to use. No Qt.

A data folder must live on a local disk of the PC: SQLite's locking and `synchronous=FULL` are not
reliable over network file systems, and a folder kept in sync by a cloud client (OneDrive, Dropbox,
Google Drive...) copies the encrypted database and its key slots to someone else's servers and can
merge half-written files. `check_data_folder` refuses both; `ASCOLTO_ALLOW_UNSAFE_FOLDER=1` overrides
the refusal for an administrator who knows better (documented in docs/installing.md).

On a shared PC the data folder is machine-wide and readable only by the accounts that use Ascolto
(`machine_data_dir`): `%PROGRAMDATA%\\Ascolto` with an ACL for the local group "Ascolto Users" on
Windows, `/var/lib/ascolto` owned by group `ascolto` with mode 2770 on Linux.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePath, PureWindowsPath

from app import APP_NAME

ENV_ALLOW_UNSAFE = "ASCOLTO_ALLOW_UNSAFE_FOLDER"
WINDOWS_GROUP = "Ascolto Users"
LINUX_GROUP = "ascolto"
LINUX_MACHINE_DIR = Path("/var/lib/ascolto")
MACOS_MACHINE_DIR = Path("/Users/Shared/Ascolto")
LINUX_MOUNTS_FILES = (Path("/proc/self/mounts"), Path("/proc/mounts"))

NETWORK_SHARE = "network_share"
SYNCED_FOLDER = "synced_folder"

# File system types of network shares, as /proc/mounts (Linux) and mount(8) (macOS) name them.
NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "sshfs",
        "9p",
        "afs",
        "ceph",
        "fuse.ceph",
        "glusterfs",
        "fuse.glusterfs",
        "davfs",
        "fuse.davfs",
        "fuse.davfs2",
        "fuse.rclone",
        "afpfs",
        "webdav",
    }
)
# Folder names (casefolded) that sync clients create; a path component containing one is refused.
SYNCED_NAME_PARTS = (
    "onedrive",  # "OneDrive", "OneDrive - Comune di Bergamo"
    "dropbox",  # "Dropbox", "Dropbox (Personal)"
    "google drive",
    "googledrive",
    "my drive",  # Google Drive for desktop: G:\My Drive
    "il mio drive",
    "icloud drive",
    "iclouddrive",  # Windows: %USERPROFILE%\iCloudDrive
    "com~apple~clouddocs",  # macOS: ~/Library/Mobile Documents/com~apple~CloudDocs
    "nextcloud",
    "owncloud",
    "box sync",
    "box drive",
    "pcloud",
    "sync.com",
)
# Files or folders a sync client keeps at the root of what it syncs.
SYNC_MARKERS = (".dropbox", ".dropbox.cache", ".sync", ".owncloudsync.log", ".nextcloudsync.log")
SYNC_JOURNAL = re.compile(r"^\.?_?sync_[0-9a-f]+\.db$", re.IGNORECASE)  # Nextcloud/ownCloud client journal

DRIVE_REMOTE = 4  # GetDriveTypeW

_MESSAGES = {
    NETWORK_SHARE: (
        "The data folder {folder} is on a network share ({detail}). Ascolto keeps its encrypted database "
        "on a local disk only: network file systems do not lock and flush reliably, and the database "
        "could be damaged. Choose a folder on this PC."
    ),
    SYNCED_FOLDER: (
        "The data folder {folder} is inside a folder kept in sync with the cloud ({detail}). The "
        "encrypted database and its keys would be copied to other servers and could be damaged by the "
        "sync. Choose a folder on this PC outside OneDrive, Dropbox, Google Drive and the like."
    ),
}
_OVERRIDE_HINT = " An administrator who accepts the risk can set {env}=1 to use it anyway."


class DataFolderRefused(Exception):
    """The folder is unsafe for the database: `reason` is "network_share" or "synced_folder"."""

    def __init__(self, reason: str, detail: str, folder: str = "") -> None:
        self.reason = reason
        self.detail = detail
        self.folder = folder
        super().__init__(self.text())

    def text(self) -> str:
        """One English paragraph naming the folder, what was found and the override."""
        template = _MESSAGES.get(self.reason, "The data folder {folder} cannot be used ({detail}).")
        return template.format(folder=self.folder, detail=self.detail) + _OVERRIDE_HINT.format(
            env=ENV_ALLOW_UNSAFE
        )


def machine_data_dir(platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The machine-wide data folder of a shared PC (created and restricted by the installer)."""
    platform = platform or sys.platform
    env = os.environ if environ is None else environ
    if platform == "win32":
        base = env.get("PROGRAMDATA") or env.get("ALLUSERSPROFILE") or r"C:\ProgramData"
        return Path(base) / APP_NAME
    if platform == "darwin":
        return MACOS_MACHINE_DIR
    return LINUX_MACHINE_DIR


def unsafe_folder_allowed(environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    return env.get(ENV_ALLOW_UNSAFE, "").strip().lower() in {"1", "true", "yes"}


def check_data_folder(
    path: Path,
    *,
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    mounts_file: Path | None = None,
) -> None:
    """Raise DataFolderRefused if `path` (existing or not yet created) is on a network share or synced.

    `ASCOLTO_ALLOW_UNSAFE_FOLDER=1` in `environ` (default: the process environment) skips the checks.
    `platform` and `mounts_file` exist for tests; by default the running system is asked.
    """
    if unsafe_folder_allowed(environ):
        return
    platform = platform or sys.platform
    folder = str(path)
    if platform == "win32":
        pure: PurePath = PureWindowsPath(folder)
        local = _existing_ancestor(Path(os.path.abspath(path))) if os.name == "nt" else None
        remote = _windows_remote(PureWindowsPath(folder), local)
    else:
        local = _existing_ancestor(Path(os.path.abspath(path)))
        real = Path(os.path.realpath(local))
        pure = Path(os.path.abspath(path))
        table = _macos_mounts() if platform == "darwin" else _linux_mounts(mounts_file)
        remote = _network_mount(real, table)
    if remote:
        raise DataFolderRefused(NETWORK_SHARE, remote, folder)
    synced = _synced_name(pure)
    if synced is None and local is not None:
        synced = _sync_marker(local)
    if synced:
        raise DataFolderRefused(SYNCED_FOLDER, synced, folder)


def synced_folder(folder: Path) -> str | None:
    """The synced folder or sync client's marker that `folder` lies in (OneDrive, Dropbox...), or None.

    For files saved outside the data folder: Windows 11 often keeps Desktop and Documents in OneDrive, so
    a copy with names saved there leaves the PC. Not refused (her choice), but she is told."""
    pure: PurePath = (
        PureWindowsPath(str(folder)) if sys.platform == "win32" else Path(os.path.abspath(folder))
    )
    try:
        return _synced_name(pure) or _sync_marker(_existing_ancestor(Path(os.path.abspath(folder))))
    except OSError:
        return None


def group_shared(folder: Path) -> bool:
    """True for a POSIX folder shared by a group (setgid and group-writable, like /var/lib/ascolto).

    Files created in such a folder must be group-readable and writable (0660, subfolders 2770) or the
    other members of the group cannot open the database another member created.
    """
    if os.name == "nt":
        return False
    try:
        mode = folder.stat().st_mode
    except OSError:
        return False
    return bool(mode & stat.S_ISGID) and bool(mode & stat.S_IWGRP)


# --- helpers -----------------------------------------------------------------------------------------
def _existing_ancestor(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(path.anchor or "/")


def _synced_name(path: PurePath) -> str | None:
    for part in path.parts:
        name = part.casefold()
        for marker in SYNCED_NAME_PARTS:
            if marker in name:
                return part
    return None


def _sync_marker(folder: Path) -> str | None:
    for directory in (folder, *folder.parents):
        for marker in SYNC_MARKERS:
            if (directory / marker).exists():
                return str(directory / marker)
        ini = directory / "desktop.ini"
        if ini.is_file() and "onedrive" in _read_small_text(ini).casefold():
            return str(ini)
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    if SYNC_JOURNAL.match(entry.name):
                        return str(directory / entry.name)
        except OSError:
            continue
    return None


def _read_small_text(path: Path) -> str:
    try:
        raw = path.read_bytes()[:8192]
    except OSError:
        return ""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    return raw.decode("latin-1")


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes (\\040...)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _linux_mounts(mounts_file: Path | None) -> list[tuple[str, str]]:
    candidates: Iterable[Path] = (mounts_file,) if mounts_file is not None else LINUX_MOUNTS_FILES
    for candidate in candidates:
        try:
            text = candidate.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        table = []
        for line in text.splitlines():
            fields = line.split()
            if len(fields) >= 3:
                table.append((_unescape_mount(fields[1]), fields[2]))
        return table
    return []


def _macos_mounts() -> list[tuple[str, str]]:
    """`mount` prints "//user@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by x)"."""
    try:
        output = subprocess.run(
            ["/sbin/mount"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    table = []
    for line in output.splitlines():
        match = re.match(r"^.* on (.+) \(([^,)]+)", line)
        if match:
            table.append((match.group(1), match.group(2).strip()))
    return table


def _network_mount(path: Path, table: list[tuple[str, str]]) -> str | None:
    """The file system type if the mount holding `path` (longest matching mount point) is remote."""
    best, best_type = "", ""
    text = str(path)
    for mount_point, fs_type in table:
        point = mount_point.rstrip("/") or "/"
        inside = text == point or text.startswith(point if point == "/" else point + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fs_type
    if best_type.lower() in NETWORK_FILE_SYSTEMS:
        return f"{best_type} at {best}"
    return None


def _windows_remote(path: PureWindowsPath, local: Path | None) -> str | None:
    drive = path.drive
    if drive.startswith("\\\\"):
        # \\server\share and \\?\UNC\server\share are remote; \\?\C: and \\.\C: are local drives.
        if not drive.startswith(("\\\\?\\", "\\\\.\\")) or drive[4:].upper().startswith("UNC\\"):
            return f"UNC path {drive}"
        drive = drive[4:]
    if local is not None and sys.platform == "win32" and drive:
        import ctypes

        root = drive if drive.endswith("\\") else drive + "\\"
        if ctypes.windll.kernel32.GetDriveTypeW(root) == DRIVE_REMOTE:
            return f"network drive {drive}"
    return None
