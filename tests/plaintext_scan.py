"""Scanning files for a marker string, as the no-plaintext tests do (UTF-8, upper case, UTF-16 LE/BE)."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

MAX_SCAN_BYTES = 64 * 1024 * 1024


def needles(marker: str) -> dict[str, bytes]:
    return {
        "utf-8": marker.encode(),
        "utf-8 upper": marker.upper().encode(),
        "utf-16-le": marker.encode("utf-16-le"),
        "utf-16-be": marker.encode("utf-16-be"),
    }


def files_under(root: Path, since: float | None = None, pattern: str = "*") -> list[Path]:
    found = []
    for folder, dirs, names in os.walk(root, onerror=lambda _: None):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
        for name in names:
            path = Path(folder, name)
            if not path.match(pattern):
                continue
            try:
                info = path.lstat()
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SCAN_BYTES:
                continue
            if since is not None and max(info.st_mtime, info.st_ctime) < since:
                continue
            found.append(path)
    return found


def hits(paths: list[Path], needles: dict[str, bytes]) -> list[str]:
    hits = []
    for path in paths:
        try:
            content = path.read_bytes()
        except OSError:
            continue
        if zipfile.is_zipfile(path):  # a backup's members are stored, but look inside anyway
            try:
                with zipfile.ZipFile(path) as archive:
                    content += b"".join(archive.read(name) for name in archive.namelist())
            except (zipfile.BadZipFile, OSError):
                pass
        hits.extend(f"{path} ({encoding})" for encoding, needle in needles.items() if needle in content)
    return hits
