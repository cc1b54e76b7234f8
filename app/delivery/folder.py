"""A folder as a route: a USB stick or a network share. Written atomically and read back before it counts."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from app.delivery.errors import DeliveryError, Failure
from app.fs import atomic_write_bytes, read_regular


def deliver(folder: Path, name: str, data: bytes) -> Path:
    """Write `name` into `folder` (same name again: the same file, so a retry never makes a second copy)."""
    if not folder.is_dir():
        raise DeliveryError(Failure.FOLDER, "missing")
    target = folder / name
    try:
        atomic_write_bytes(target, data)
        written = read_regular(target, len(data) + 1)
    except OSError as exc:
        raise DeliveryError(Failure.FOLDER, exc.strerror or type(exc).__name__) from exc
    if hashlib.sha256(written).digest() != hashlib.sha256(data).digest():
        raise DeliveryError(Failure.FOLDER, "read back differs")
    return target


def listing(folder: Path, max_bytes: int, limit: int) -> list[tuple[str, bytes | None]]:
    """Regular files in `folder`, in name order; a file over `max_bytes` is named, not read."""
    if not folder.is_dir():
        raise DeliveryError(Failure.FOLDER, "missing", retry=False)
    found: list[tuple[str, bytes | None]] = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name)[: limit * 4]:
        if entry.name.startswith(".") or not entry.is_file(follow_symlinks=False):
            continue
        if entry.stat(follow_symlinks=False).st_size > max_bytes:
            found.append((entry.name, None))
        else:
            try:
                found.append((entry.name, read_regular(Path(entry.path), max_bytes)))
            except OSError:
                continue
        if len(found) >= limit:
            break
    return found
