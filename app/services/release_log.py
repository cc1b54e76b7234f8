"""The release log beside the database: what left the PC, kept where restoring a backup cannot undo it.

A restore puts back an older database, and with it an older list of releases; without this log a
period could then be released again on changed data, or for another set of help desks, and the two
releases subtracted. So every release is also appended here, in ``releases/log.jsonl`` in the data
folder, one signed line each (Ed25519, the centre's key), each line naming the hash of the previous one;
the released package and PDF sit beside it as ``releases/<sha256>.json`` and ``.pdf``. They hold only
what already left the PC: aggregates, the centre's and desks' names, dates.

`merge_into` puts every verified line the database does not know back into it (with the bytes, when their
files are intact) before any release is checked, so the database always holds the union; it also writes
back into the log the releases the database holds and the log lacks (a deleted `log.jsonl` is rewritten
whole from the database, signed again with the centre's key). A restore first carries the replaced
database's release records into the restored one (`carry`), as it carries the erasure ledger, so deleting
`releases/` before restoring an older backup brings back nothing that could be subtracted.

A line whose signature or chain does not verify is never copied into the database as a release: it is
mirrored there as a record of kind "unverified", without bytes, so that it blocks the periods it names
(a forged line can only block a release, never allow one), and each merge deletes the mirror of a line
that is no longer in the log. `unverified` lists such lines for an administrator.

The log is opened only as a regular file of its own, never through a link (app.fs.open_regular).
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
from app.fs import NotARegularFile, atomic_write_bytes, dir_mode, fsync_directory, open_regular, read_regular
from app.models.accounts import Centre
from app.models.reports import ExportRecord
from app.services.erasure_ledger import not_regular
from app.services.errors import UserError
from app.services.validation import decode_codes, encode_codes
from app.storage.backup import ReleaseRow

RELEASES_DIR = "releases"
LOG_FILE = "log.jsonl"
RELEASE = "release"
UNVERIFIED = "unverified"  # the mirror of a log line that does not verify: blocks, never served
MAX_LOG_BYTES = 64_000_000


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
        raw = read_regular(path, MAX_LOG_BYTES)
    except FileNotFoundError:
        return []
    except NotARegularFile as exc:
        raise not_regular(path) from exc
    return [line for line in raw.splitlines() if line.strip()]


def append(data_folder: Path, record: ExportRecord, package: bytes, pdf: bytes, private_key: bytes) -> None:
    """Write the release's files and append its signed line (fsynced) before the database commits."""
    folder = folder_of(data_folder)
    folder.mkdir(mode=dir_mode(), exist_ok=True)
    atomic_write_bytes(folder / f"{record.digest}.json", package)
    atomic_write_bytes(folder / f"{record.pdf_digest}.pdf", pdf)
    _append_lines(data_folder, [record], private_key)


def _entry(record: ExportRecord, seq: int, previous: bytes | None, private_key: bytes) -> bytes:
    entry: dict[str, Any] = {
        "v": 1,
        "seq": seq,
        "prev": hashlib.sha256(previous).hexdigest() if previous else "",
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
    return _canonical(entry)


def _append_lines(data_folder: Path, records: list[ExportRecord], private_key: bytes) -> None:
    """Append one signed, chained line per record, fsynced."""
    folder = folder_of(data_folder)
    folder.mkdir(mode=dir_mode(), exist_ok=True)
    lines = _lines(data_folder)
    out = b""
    previous = lines[-1] if lines else None
    for number, record in enumerate(records, start=len(lines) + 1):
        line = _entry(record, number, previous, private_key)
        out += line + b"\n"
        previous = line
    path = folder / LOG_FILE
    try:
        descriptor = open_regular(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    except NotARegularFile as exc:
        raise not_regular(path) from exc
    try:
        os.write(descriptor, out)
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
    """Make the database and the log hold the same releases; returns how many verified releases the
    database gained. Verified lines the database lacks are inserted; lines that do not verify are mirrored
    as "unverified" records (and their mirror dropped once the line is gone); releases the database holds
    and the log lacks are appended to the log, signed with the centre's key."""
    entries = read(data_folder, public_keys)
    records = list(session.scalars(select(ExportRecord)))
    known = {r.digest for r in records if r.kind != UNVERIFIED}
    doubtful = {e.package_sha256 for e in entries if not e.verified} - known
    for record in records:
        if record.kind == UNVERIFIED and record.digest not in doubtful:
            session.delete(record)  # its line was removed (or now verifies): it blocks no longer
    mirrored = {r.digest for r in records if r.kind == UNVERIFIED}
    added = 0
    for entry in entries:
        if entry.package_sha256 in known:
            continue
        if not entry.verified:
            if entry.package_sha256 not in mirrored:
                session.add(_record(entry, UNVERIFIED, None, None))
                mirrored.add(entry.package_sha256)
            continue
        package = _intact(data_folder, entry.package_sha256, ".json")
        pdf = _intact(data_folder, entry.pdf_sha256, ".pdf")
        both = package is not None and pdf is not None
        session.add(_record(entry, RELEASE, package if both else None, pdf if both else None))
        known.add(entry.package_sha256)
        added += 1
    logged = {e.package_sha256 for e in entries}
    missing = [r for r in records if r.kind == RELEASE and r.digest not in logged]
    centre = session.get(Centre, 1)
    if missing and centre is not None and centre.signing_key:
        missing.sort(key=lambda r: (r.created_at, r.id))
        _append_lines(data_folder, missing, centre.signing_key)
    return added


def _record(entry: LogEntry, kind: str, package: bytes | None, pdf: bytes | None) -> ExportRecord:
    return ExportRecord(
        kind=kind,
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
        package=package,
        pdf=pdf,
    )


def carry(session: Session, rows: Collection[ReleaseRow]) -> int:
    """Insert the replaced database's release records the restored one lacks (a restore must not make a
    release of the past disappear); returns how many. Mirrors of unverified lines are not carried."""
    known = set(session.scalars(select(ExportRecord.digest).where(ExportRecord.kind != UNVERIFIED)))
    added = 0
    for row in rows:
        if row.kind == UNVERIFIED or not row.digest or row.digest in known:
            continue
        try:
            start, end = date.fromisoformat(row.period_start[:10]), date.fromisoformat(row.period_end[:10])
            created = datetime.fromisoformat(row.created_at) if row.created_at else datetime.min
        except ValueError:
            continue
        session.add(
            ExportRecord(
                kind=row.kind,
                period_code=row.period_code,
                period_start=start,
                period_end=end,
                desk_ids=row.desk_ids,
                threshold=row.threshold,
                rule_version=row.rule_version,
                digest=row.digest,
                pdf_digest=row.pdf_digest,
                tables_digest=row.tables_digest,
                created_at=created,
                package=row.package,
                pdf=row.pdf,
            )
        )
        known.add(row.digest)
        added += 1
    return added


def problems(data_folder: Path, public_keys: bytes | Collection[bytes]) -> list[str]:
    """For `verify`: each line that does not verify (it blocks its period while it stays in the log)."""
    try:
        doubtful = unverified(data_folder, public_keys)
    except UserError as exc:  # the log is a link or not a file of its own
        return [str(exc)]
    return [
        f"{RELEASES_DIR}/{LOG_FILE}: the line for {e.period_code} ({e.period_start}–{e.period_end}, package "
        f"{e.package_sha256[:16]}) does not verify; it blocks that period while it stays in the log"
        for e in doubtful
    ]


def rows_of(session: Session) -> tuple[ReleaseRow, ...]:
    """The database's release records, as a restore carries them (bytes included)."""
    return tuple(
        ReleaseRow(
            r.kind,
            r.period_code,
            r.period_start.isoformat(),
            r.period_end.isoformat(),
            r.desk_ids,
            r.threshold,
            r.rule_version,
            r.digest,
            r.pdf_digest,
            r.tables_digest,
            r.created_at.isoformat() if r.created_at else "",
            r.package,
            r.pdf,
        )
        for r in session.scalars(select(ExportRecord).order_by(ExportRecord.id))
    )


def unverified(data_folder: Path, public_keys: bytes | Collection[bytes]) -> list[LogEntry]:
    """The log's lines that do not verify: each blocks its period while it is in the log. For an
    administrator to look at (a forgery, or a line signed by a key this database does not know)."""
    return [e for e in read(data_folder, public_keys) if not e.verified]


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
