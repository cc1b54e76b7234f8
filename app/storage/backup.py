"""Backup files: an encrypted database copy and its key slots in one verifiable file.

A backup is a zip archive (stored, not compressed: the database is encrypted and would not shrink)
holding `manifest.json`, `ascolto.db` and `keyslots.json`. The database copy is made with SQLite's
online backup API between two connections keyed alike, so the application keeps running and the copy
is encrypted page by page exactly like the original: there is never a plaintext copy. The manifest
records SHA-256 digests, the schema revision and row counts, so a damaged file is refused before
anything is touched. It also records the audit chain's head (number and hash of the last event) of the
copy: a backup kept elsewhere lets `verify` notice a trail shortened or rewritten later.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from app.crypto.atomic import dir_mode, file_mode, fsync_directory
from app.crypto.keyslots import DataKey, KeyStore
from app.storage import database

FORMAT = "ascolto-backup"
FORMAT_VERSION = 1
SUFFIX = ".ascbak"
DB_MEMBER = "ascolto.db"
SLOTS_MEMBER = "keyslots.json"
MANIFEST_MEMBER = "manifest.json"
MAX_MANIFEST_BYTES = 1_000_000
COUNTED_TABLES = (
    "operator",
    "help_desk",
    "case_file",
    "identity",
    "contact",
    "intake",
    "service_delivery",
    "referral",
    "audit_event",
)

Progress = Callable[[int, int], None]


class BackupError(Exception):
    """A backup that cannot be made or trusted; `reason` is a stable code for the caller's message."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Manifest:
    created_at: str
    schema_revision: str
    database_id: str
    centre_code: str
    row_counts: dict[str, int]
    db_sha256: str
    slots_sha256: str
    db_bytes: int
    audit_head: dict[str, Any] | None = None  # {"events", "hash", "at"} of the copy; None in older files

    def to_json(self) -> bytes:
        return json.dumps(
            {"format": FORMAT, "version": FORMAT_VERSION, **vars(self)}, indent=1, sort_keys=True
        ).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.pop("format") != FORMAT or data.pop("version") != FORMAT_VERSION:
                raise BackupError("not_a_backup")
            manifest = cls(**data)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BackupError("damaged", "manifest") from exc
        if manifest.audit_head is not None and not isinstance(manifest.audit_head, dict):
            raise BackupError("damaged", "manifest")
        if not isinstance(manifest.row_counts, dict) or not all(
            isinstance(k, str) and isinstance(v, int) for k, v in manifest.row_counts.items()
        ):
            raise BackupError("damaged", "manifest")
        return manifest


def backup_name(centre_code: str, schema_revision: str, when: datetime) -> str:
    return f"ascolto-{centre_code}-{when.strftime('%Y%m%d-%H%M%S')}-r{schema_revision}{SUFFIX}"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def row_counts(connection: Any) -> dict[str, int]:
    existing = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {
        table: int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
        for table in COUNTED_TABLES
        if table in existing
    }


def audit_head_of(connection: Any) -> dict[str, Any] | None:
    """The last audit event's sequence number, hash and time (UTC, seconds) in a database."""
    row = connection.execute("SELECT id, hash, at FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    return {"events": int(row[0]), "hash": str(row[1]), "at": str(row[2])[:19].replace(" ", "T")}


def copy_database(
    source: Path, target: Path, key: DataKey, progress: Progress | None = None
) -> dict[str, int]:
    """Online copy with the backup API; the copy is put in rollback-journal mode so it is one file."""
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode()))
    with database.raw_connection(source, key) as src:
        dst = sqlcipher.connect(str(target), isolation_level=None)
        try:
            dst.execute(f"PRAGMA key = {key.sqlcipher_literal()}")
            dst.execute("PRAGMA cipher_compatibility = 4")
            dst.execute("PRAGMA temp_store = MEMORY")

            def report(status: int, remaining: int, total: int) -> None:
                if progress:
                    progress(total - remaining, total)

            src.backup(dst, pages=256, progress=report)
            dst.execute("PRAGMA journal_mode = DELETE").fetchall()
            counts = row_counts(dst)
        finally:
            dst.close()
    return counts


def write_backup(
    source_db: Path,
    slots_file: Path,
    key: DataKey,
    out_folder: Path,
    *,
    centre_code: str,
    database_id: str,
    schema_revision: str,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Path:
    """Make, write and verify one backup file in `out_folder`; returns its path."""
    when = now or datetime.now(UTC)
    out_folder.mkdir(parents=True, exist_ok=True, mode=dir_mode())
    target = out_folder / backup_name(centre_code, schema_revision, when)
    staging = Path(tempfile.mkdtemp(prefix=".ascolto-backup-", dir=out_folder))
    try:
        staged_db = staging / DB_MEMBER
        counts = copy_database(source_db, staged_db, key, progress)
        copy = database._raw_connect(staged_db, key, read_only=True)
        try:
            head = audit_head_of(copy)
        finally:
            copy.close()
        staged_slots = staging / SLOTS_MEMBER
        shutil.copyfile(slots_file, staged_slots)
        KeyStore.load(staged_slots)  # a damaged slot file would make the backup unopenable: refuse now
        manifest = Manifest(
            created_at=when.replace(microsecond=0).isoformat(),
            schema_revision=schema_revision,
            database_id=database_id,
            centre_code=centre_code,
            row_counts=counts,
            db_sha256=_sha256(staged_db),
            slots_sha256=_sha256(staged_slots),
            db_bytes=staged_db.stat().st_size,
            audit_head=head,
        )
        partial = staging / "partial.zip"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(MANIFEST_MEMBER, manifest.to_json())
            archive.write(staged_db, DB_MEMBER)
            archive.write(staged_slots, SLOTS_MEMBER)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(partial, 0o600)
        verify_file(partial, key, expected=manifest)
        os.replace(partial, target)
        fsync_directory(out_folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def read_manifest(path: Path) -> Manifest:
    """Check the archive's structure and digests without any key; returns the manifest."""
    if path.is_file() and not zipfile.is_zipfile(path):
        raise BackupError("not_a_backup", str(path))  # some other file, not a damaged backup
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if names != {MANIFEST_MEMBER, DB_MEMBER, SLOTS_MEMBER}:
                raise BackupError("not_a_backup", str(path))
            info = archive.getinfo(MANIFEST_MEMBER)
            if info.file_size > MAX_MANIFEST_BYTES:
                raise BackupError("damaged", "manifest")
            manifest = Manifest.from_json(archive.read(MANIFEST_MEMBER))
            for member, expected in ((DB_MEMBER, manifest.db_sha256), (SLOTS_MEMBER, manifest.slots_sha256)):
                digest = hashlib.sha256()
                with archive.open(member) as handle:
                    for block in iter(lambda h=handle: h.read(1 << 20), b""):  # type: ignore[misc]
                        digest.update(block)
                if digest.hexdigest() != expected:
                    raise BackupError("damaged", member)
    except FileNotFoundError as exc:
        raise BackupError("missing", str(path)) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise BackupError("damaged", type(exc).__name__) from exc
    return manifest


def extract(path: Path, folder: Path) -> tuple[Path, Path]:
    """Unpack database and slots (both encrypted or keyless) into `folder`, owner-only."""
    folder.mkdir(parents=True, exist_ok=True, mode=dir_mode())
    out: list[Path] = []
    with zipfile.ZipFile(path) as archive:
        for member in (DB_MEMBER, SLOTS_MEMBER):
            target = folder / member
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, file_mode())
            with os.fdopen(fd, "wb") as sink, archive.open(member) as source:
                shutil.copyfileobj(source, sink, 1 << 20)
                sink.flush()
                os.fsync(sink.fileno())
            out.append(target)
    return out[0], out[1]


def verify_extracted(db_path: Path, key: DataKey, manifest: Manifest) -> None:
    """The copy decrypts, every page authenticates, the structure is sound and the counts match."""
    try:
        connection = database._raw_connect(db_path, key, read_only=True)
    except sqlcipher.Error as exc:
        raise BackupError("damaged", "database") from exc
    try:
        problems = [r[0] for r in connection.execute("PRAGMA cipher_integrity_check").fetchall()]
        if problems:
            raise BackupError("damaged", "cipher_integrity_check")
        if [r[0] for r in connection.execute("PRAGMA integrity_check").fetchall()] != ["ok"]:
            raise BackupError("damaged", "integrity_check")
        if row_counts(connection) != manifest.row_counts:
            raise BackupError("damaged", "row counts")
    except sqlcipher.DatabaseError as exc:
        raise BackupError("undecryptable", str(exc)) from exc
    finally:
        connection.close()


def verify_file(path: Path, key: DataKey, expected: Manifest | None = None) -> Manifest:
    """Full check of a backup file with the key: digests, decryption, integrity, row counts."""
    manifest = read_manifest(path)
    if expected is not None and manifest != expected:
        raise BackupError("damaged", "manifest differs")
    scratch = Path(tempfile.mkdtemp(prefix=".ascolto-verify-", dir=path.parent))
    try:
        db_path, _ = extract(path, scratch)
        verify_extracted(db_path, key, manifest)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return manifest


def replace_database_files(data_dir: Path, staged_db: Path, staged_slots: Path, aside: Path) -> None:
    """Move the current database and slots into `aside`, then the staged ones into place."""
    aside.parent.mkdir(exist_ok=True, mode=dir_mode())
    aside.mkdir(exist_ok=True, mode=dir_mode())
    for name in ("ascolto.db", "ascolto.db-wal", "ascolto.db-shm", "keyslots.json", "attempts.json"):
        current = data_dir / name
        if current.exists():
            os.replace(current, aside / name)
    os.replace(staged_db, data_dir / "ascolto.db")
    os.replace(staged_slots, data_dir / "keyslots.json")
    fsync_directory(data_dir)
    with contextlib.suppress(OSError):
        fsync_directory(aside)
