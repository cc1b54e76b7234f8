"""The release log beside the database: what left the PC, kept where restoring a backup cannot undo it.

A restore puts back an older database, and with it an older list of releases; without this log a
period could then be released again on changed data, or for another set of help desks, and the two
releases subtracted. So every release is also appended here, in ``releases/log.jsonl`` in the data
folder, one signed line each (Ed25519, the centre's key), each line naming the hash of the previous one;
the released package and PDF sit beside it as ``releases/<sha256>.json`` and ``.pdf``. They hold only
what already left the PC: aggregates, the centre's and desks' names, dates.

`merge_into` puts every line the database does not know back into it (with the bytes, when their files
are intact) before any release is checked, so the database always holds the union. A line whose
signature or chain does not verify still counts as a release when refusing (a forged line can only
block a release, never allow one) but its bytes are never served.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import signing
from app.fs import atomic_write_bytes, fsync_directory
from app.models.reports import ExportRecord
from app.services.validation import decode_codes, encode_codes

RELEASES_DIR = "releases"
LOG_FILE = "log.jsonl"


@dataclass(frozen=True)
class LogEntry:
    """One release as the log remembers it."""

    period_code: str
    period_start: date
    period_end: date
    desk_ids: tuple[int, ...]
    threshold: int
    rule_version: str
    created_at: datetime
    package_sha256: str
    pdf_sha256: str
    tables_digest: str
    verified: bool = True


def folder_of(data_folder: Path) -> Path:
    return data_folder / RELEASES_DIR


def _canonical(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _lines(data_folder: Path) -> list[bytes]:
    path = folder_of(data_folder) / LOG_FILE
    try:
        return [line for line in path.read_bytes().splitlines() if line.strip()]
    except FileNotFoundError:
        return []


def append(data_folder: Path, record: ExportRecord, package: bytes, pdf: bytes, private_key: bytes) -> None:
    """Write the release's files and append its signed line (fsynced) before the database commits."""
    folder = folder_of(data_folder)
    folder.mkdir(mode=0o700, exist_ok=True)
    atomic_write_bytes(folder / f"{record.digest}.json", package)
    atomic_write_bytes(folder / f"{record.pdf_digest}.pdf", pdf)
    lines = _lines(data_folder)
    entry: dict[str, Any] = {
        "v": 1,
        "seq": len(lines) + 1,
        "prev": hashlib.sha256(lines[-1]).hexdigest() if lines else "",
        "period": record.period_code,
        "start": record.period_start.isoformat(),
        "end": record.period_end.isoformat(),
        "desks": [int(x) for x in decode_codes(record.desk_ids)],
        "threshold": record.threshold,
        "rule_version": record.rule_version,
        "created_at": record.created_at.isoformat(),
        "package": record.digest,
        "pdf": record.pdf_digest,
        "tables": record.tables_digest,
    }
    entry["sig"] = base64.b64encode(signing.sign(private_key, _canonical(entry))).decode("ascii")
    descriptor = os.open(folder / LOG_FILE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, _canonical(entry) + b"\n")
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    fsync_directory(folder)


def read(data_folder: Path, public_keys: bytes | Collection[bytes]) -> list[LogEntry]:
    """Every line that parses, each marked verified only if its signature (by the centre's current key or
    one it replaced: app.services.signing_keys) and chain link hold."""
    keys = [public_keys] if isinstance(public_keys, bytes) else list(public_keys)
    out: list[LogEntry] = []
    previous = b""
    for line in _lines(data_folder):
        try:
            raw = json.loads(line)
            signature = base64.b64decode(raw.pop("sig"), validate=True)
            message = _canonical(raw)
            verified = any(signing.verify(key, message, signature) for key in keys) and raw["prev"] == (
                hashlib.sha256(previous).hexdigest() if previous else ""
            )
            out.append(
                LogEntry(
                    str(raw["period"]),
                    date.fromisoformat(raw["start"]),
                    date.fromisoformat(raw["end"]),
                    tuple(int(d) for d in raw["desks"]),
                    int(raw["threshold"]),
                    str(raw["rule_version"]),
                    datetime.fromisoformat(raw["created_at"]),
                    str(raw["package"]),
                    str(raw["pdf"]),
                    str(raw["tables"]),
                    verified,
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            pass  # an unreadable line names no period: nothing to refuse, nothing to serve
        previous = line
    return out


def _intact(data_folder: Path, digest: str, suffix: str) -> bytes | None:
    try:
        payload = (folder_of(data_folder) / f"{digest}{suffix}").read_bytes()
    except OSError:
        return None
    return payload if hashlib.sha256(payload).hexdigest() == digest else None


def merge_into(session: Session, data_folder: Path, public_keys: bytes | Collection[bytes]) -> int:
    """Insert every logged release the database lacks (after a restore); returns how many."""
    known = set(session.scalars(select(ExportRecord.digest)))
    added = 0
    for entry in read(data_folder, public_keys):
        if entry.package_sha256 in known:
            continue
        package = _intact(data_folder, entry.package_sha256, ".json") if entry.verified else None
        pdf = _intact(data_folder, entry.pdf_sha256, ".pdf") if entry.verified else None
        session.add(
            ExportRecord(
                kind="release",
                period_code=entry.period_code,
                period_start=entry.period_start,
                period_end=entry.period_end,
                desk_ids=encode_codes(str(d) for d in sorted(entry.desk_ids)),
                threshold=entry.threshold,
                rule_version=entry.rule_version,
                digest=entry.package_sha256,
                pdf_digest=entry.pdf_sha256,
                tables_digest=entry.tables_digest,
                created_at=entry.created_at,
                package=package if package is not None and pdf is not None else None,
                pdf=pdf if package is not None and pdf is not None else None,
            )
        )
        known.add(entry.package_sha256)
        added += 1
    return added


def remove_files(data_folder: Path, record: ExportRecord) -> None:
    """Remove a release's copies when it failed before its log line was written (nothing to serve)."""
    for name in (f"{record.digest}.json", f"{record.pdf_digest}.pdf"):
        with contextlib.suppress(OSError):
            (folder_of(data_folder) / name).unlink()


def position(data_folder: Path) -> tuple[int, str]:
    """How far the log is: its number of lines and the SHA-256 of the last one (64 zeros when empty).

    Every package carries it (signed), so a coordinator sees a centre's log go backwards: a deleted
    `releases/` folder starts again from zero, a restored older log repeats a number with another head.
    """
    lines = _lines(data_folder)
    return len(lines), hashlib.sha256(lines[-1]).hexdigest() if lines else "0" * 64
