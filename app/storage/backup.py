"""Backup files: an encrypted database copy and its key slots in one verifiable file.

A backup is a zip archive (stored, not compressed: the database is encrypted and would not shrink)
holding `manifest.json`, `ascolto.db` and `keyslots.json`. The database copy is the database file's own
encrypted pages, copied as they lie at one committed state (`copy_quiet_file`: the WAL emptied, then a
read transaction that keeps any checkpoint out of the file), or, while other connections keep the WAL
busy, made with SQLite's online backup API between two connections keyed alike. Either way the
application keeps running (nobody waits for the copy) and there is never a plaintext copy. The manifest
records in the clear only what a restore needs before the key (format, schema revision, sizes, SHA-256
digests), so a damaged file is refused before anything is touched; the row counts (cases, identities,
services, accounts...) are sealed inside it (`sealed`, AES-GCM under a key derived from the data key,
format version 2): two backups on a lost USB stick do not show what changed between them. It carries a tag
(HMAC-SHA256 under a key derived from the data key, `mac`, covering the sealed part too): its other fields
are trusted only once the tag checks, which needs the key slots and a password. Backups of format version 1
keep their counts in the clear and are still restored; those made before the tag existed have an empty
`mac` and are said to be unauthenticated.

Nothing in the archive is trusted to be small: each member is refused above its bound (the manifest and
slots above a fixed size, the database above the size the manifest states) or above a compression ratio
no encrypted file reaches, and extraction stops writing at the bound (no zip bomb fills the disk).
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
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from app.crypto import macs
from app.crypto.keyslots import DataKey, KeyStore
from app.fs import dir_mode, file_mode, fsync_directory
from app.storage import database

FORMAT = "ascolto-backup"
FORMAT_VERSION = 2  # 2: the row counts sealed; 1 (still read): the row counts in the clear
READ_VERSIONS = (1, 2)
SUFFIX = ".ascbak"
DB_MEMBER = "ascolto.db"
SLOTS_MEMBER = "keyslots.json"
MANIFEST_MEMBER = "manifest.json"
MAX_MANIFEST_BYTES = 1_000_000
MAX_SLOTS_BYTES = 4_000_000
MAX_RATIO = 4  # the members are stored, not compressed (encrypted data does not shrink): ratio 1
MANIFEST_PURPOSE = "backup manifest"
SEALED_PURPOSE = "backup manifest contents"
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
    row_counts: dict[str, int]  # version 2: sealed, {} until `opened` with the key
    db_sha256: str
    slots_sha256: str
    db_bytes: int
    audit_head: dict[str, Any] | None = None  # {"events", "hash", "at"} of the copy; None in older files
    mac: str = ""  # HMAC-SHA256 of the other fields; "" in backups made before it existed
    sealed: str = ""  # version 2: the row counts, encrypted (base64 of nonce and AES-GCM ciphertext)
    version: int = FORMAT_VERSION
    signed: bytes = field(default=b"", compare=False, repr=False)  # the bytes `mac` covers, as read

    def fields(self) -> dict[str, Any]:
        """The manifest as written: version 1 keeps the counts in the clear, version 2 only sealed."""
        data = {k: v for k, v in vars(self).items() if k not in ("signed", "version")}
        if self.version == 1:
            data.pop("sealed")
        else:
            data.pop("row_counts")
        return {"format": FORMAT, "version": self.version, **data}

    def to_json(self) -> bytes:
        return json.dumps(self.fields(), indent=1, sort_keys=True).encode()

    @property
    def authenticated(self) -> bool:
        """Whether the manifest carries a tag at all (an old backup does not)."""
        return bool(self.mac)

    @property
    def sealed_counts(self) -> bool:
        """The row counts are inside the sealed part: not known before the key."""
        return self.version >= 2

    def key_that_signed(self, candidates: list[DataKey]) -> DataKey | None:
        """The candidate whose derived key produced `mac`, or None: then no field but what finds the key
        slots may be trusted."""
        for key in candidates:
            if macs.matches(macs.derive_key(key, MANIFEST_PURPOSE, self.database_id), self.signed, self.mac):
                return key
        return None

    def signed_by(self, key: DataKey) -> Manifest:
        """This manifest, its counts sealed and its tag made under `key` (when the backup is written)."""
        counts = json.dumps(self.row_counts, sort_keys=True).encode()
        sealing = macs.derive_key(key, SEALED_PURPOSE, self.database_id)
        sealed = replace(self, sealed=macs.seal(sealing, counts, self.database_id.encode()), version=2)
        payload = _signed_bytes(sealed.fields())
        mac = macs.tag(macs.derive_key(key, MANIFEST_PURPOSE, self.database_id), payload)
        return replace(sealed, mac=mac, signed=payload)

    def opened(self, key: DataKey) -> Manifest:
        """This manifest with its sealed row counts read (version 2; version 1 has them in the clear).
        Call after the tag checked under `key`: a sealed part that does not open is a tampered file."""
        if not self.sealed_counts:
            return self
        sealing = macs.derive_key(key, SEALED_PURPOSE, self.database_id)
        raw = macs.unseal(sealing, self.sealed, self.database_id.encode())
        try:
            counts = json.loads(raw) if raw is not None else None
        except ValueError:
            counts = None
        if not isinstance(counts, dict) or not all(
            isinstance(k, str) and type(v) is int for k, v in counts.items()
        ):
            raise BackupError("tampered")
        return replace(self, row_counts=counts)

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        try:
            data = json.loads(raw.decode("utf-8"))
            signed = _signed_bytes(data)
            version = data.pop("version")
            if data.pop("format") != FORMAT or version not in READ_VERSIONS or type(version) is not int:
                raise BackupError("not_a_backup")
            if (version == 1 and "sealed" in data) or (version == 2 and "row_counts" in data):
                raise BackupError("damaged", "manifest")
            data.setdefault("row_counts", {})
            manifest = cls(**data, version=version, signed=signed)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BackupError("damaged", "manifest") from exc
        if (
            not isinstance(manifest.mac, str)
            or not isinstance(manifest.sealed, str)
            or not isinstance(manifest.database_id, str)
            or (manifest.audit_head is not None and not isinstance(manifest.audit_head, dict))
        ):
            raise BackupError("damaged", "manifest")
        if not isinstance(manifest.row_counts, dict) or not all(
            isinstance(k, str) and isinstance(v, int) for k, v in manifest.row_counts.items()
        ):
            raise BackupError("damaged", "manifest")
        if version == 2 and not manifest.mac:
            raise BackupError("tampered")  # a sealed manifest is always tagged: its tag was stripped
        return manifest


def _signed_bytes(data: Any) -> bytes:
    """Every field but the tag, canonical: what the tag covers (fields added later are covered too)."""
    if not isinstance(data, dict):
        raise TypeError("manifest")
    body = {k: v for k, v in data.items() if k != "mac"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


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
    """A copy of the database in one file (rollback-journal mode) and its row counts.

    The file's pages are copied as they lie when nothing can change them (`copy_quiet_file`): the backup
    API decrypted every page and encrypted it again, 6 s of a full-scale backup's 25. While other
    connections keep the WAL busy, the backup API copies the committed state instead.
    """
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode()))
    with database.raw_connection(source, key) as src:
        copied = copy_quiet_file(src, source, target, progress)
        dst = sqlcipher.connect(str(target), isolation_level=None)
        try:
            database.issue_key(dst.cursor(), key, database.page_hmac(src))  # the copy's pages are the file's
            dst.execute("PRAGMA temp_store = MEMORY")
            if not copied:

                def report(status: int, remaining: int, total: int) -> None:
                    if progress:
                        progress(total - remaining, total)

                src.backup(dst, pages=256, progress=report)
            dst.execute("PRAGMA journal_mode = DELETE").fetchall()
            counts = row_counts(dst)
        finally:
            dst.close()
    return counts


QUIET_TRIES = 3
QUIET_WAIT_MS = 250
COPY_BLOCK = 1 << 20


def copy_quiet_file(connection: Any, source: Path, target: Path, progress: Progress | None = None) -> bool:
    """Copy the database file byte for byte as it stands at one committed state; False if none was caught.

    A TRUNCATE checkpoint empties the WAL into the file. A read transaction begun on the empty WAL reads
    the file alone, and holds the lock without which no checkpoint may write into the file: writers go on
    appending to the WAL (nobody waits for the copy, however slow the stick), and the file stays that
    state until the ROLLBACK. Its pages are copied as they lie (encrypted, each with its HMAC; the
    verification then authenticates every one). A reader in the middle of the WAL, a commit between the
    checkpoint and the read, or a file the system will not let us read (a Windows lock) leaves the target
    empty and returns False.
    """
    wal = source.with_name(source.name + "-wal")
    # a reader holding an old snapshot would make each checkpoint wait the whole busy timeout: wait briefly
    connection.execute(f"PRAGMA busy_timeout = {QUIET_WAIT_MS}")
    try:
        for _ in range(QUIET_TRIES):
            if connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]:
                continue  # busy: some connection still reads frames of the WAL
            connection.execute("BEGIN")
            try:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot begins
                if _size(wal) == 0:  # still empty: the snapshot is the file alone
                    try:
                        _copy_bytes(source, target, progress)
                        return True
                    except OSError:
                        with target.open("r+b") as handle:
                            handle.truncate(0)
                        return False
            finally:
                connection.execute("ROLLBACK")
        return False
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(database.BUSY_TIMEOUT_S * 1000)}")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _copy_bytes(source: Path, target: Path, progress: Progress | None) -> None:
    """The file in blocks, its progress in pages like the backup API's (a byte count overflows the
    32-bit progress signal of the window above 2 GiB)."""
    total = max(1, -(-source.stat().st_size // database.PAGE_SIZE))
    done = 0
    with source.open("rb") as reader, target.open("r+b") as writer:
        writer.truncate(0)
        for block in iter(lambda: reader.read(COPY_BLOCK), b""):
            writer.write(block)
            done += len(block)
            if progress:
                progress(min(total, -(-done // database.PAGE_SIZE)), total)


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
        copy = database.connect(staged_db, key, read_only=True)
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
        ).signed_by(key)
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
            names = archive.namelist()
            if len(names) != 3 or set(names) != {MANIFEST_MEMBER, DB_MEMBER, SLOTS_MEMBER}:
                raise BackupError("not_a_backup", str(path))
            _check_member(archive.getinfo(MANIFEST_MEMBER), MAX_MANIFEST_BYTES)
            manifest = Manifest.from_json(_read_capped(archive, MANIFEST_MEMBER, MAX_MANIFEST_BYTES))
            if not isinstance(manifest.db_bytes, int) or manifest.db_bytes < 0:
                raise BackupError("damaged", "manifest")
            _check_member(archive.getinfo(SLOTS_MEMBER), MAX_SLOTS_BYTES)
            db_info = archive.getinfo(DB_MEMBER)
            _check_member(db_info, manifest.db_bytes)
            if db_info.file_size != manifest.db_bytes:
                raise BackupError("damaged", "size of the database")
            for member, expected, limit in (
                (DB_MEMBER, manifest.db_sha256, manifest.db_bytes),
                (SLOTS_MEMBER, manifest.slots_sha256, MAX_SLOTS_BYTES),
            ):
                digest = hashlib.sha256()
                _stream(archive, member, limit, digest.update)
                if digest.hexdigest() != expected:
                    raise BackupError("damaged", member)
    except FileNotFoundError as exc:
        raise BackupError("missing", str(path)) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise BackupError("damaged", type(exc).__name__) from exc
    return manifest


def _check_member(info: zipfile.ZipInfo, limit: int) -> None:
    """A member larger than its bound, or compressed beyond what encrypted data allows, is refused
    before a byte of it is read."""
    if info.file_size > limit:
        raise BackupError("damaged", f"{info.filename} larger than stated")
    if info.file_size > MAX_RATIO * max(info.compress_size, 4096):
        raise BackupError("damaged", f"{info.filename} compressed beyond any real backup")


def _stream(archive: zipfile.ZipFile, member: str, limit: int, sink: Callable[[bytes], object]) -> int:
    """Feed `member` to `sink` block by block, stopping at `limit` bytes whatever the headers say."""
    total = 0
    with archive.open(member) as handle:
        while block := handle.read(1 << 20):
            total += len(block)
            if total > limit:
                raise BackupError("damaged", f"{member} larger than stated")
            sink(block)
    return total


def _read_capped(archive: zipfile.ZipFile, member: str, limit: int) -> bytes:
    parts: list[bytes] = []
    _stream(archive, member, limit, parts.append)
    return b"".join(parts)


def read_slots(path: Path, manifest: Manifest) -> bytes:
    """The backup's key slot file, in memory (bounded, digest checked): nothing is written to find the key."""
    try:
        with zipfile.ZipFile(path) as archive:
            _check_member(archive.getinfo(SLOTS_MEMBER), MAX_SLOTS_BYTES)
            raw = _read_capped(archive, SLOTS_MEMBER, MAX_SLOTS_BYTES)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, KeyError) as exc:
        raise BackupError("damaged", type(exc).__name__) from exc
    if hashlib.sha256(raw).hexdigest() != manifest.slots_sha256:
        raise BackupError("damaged", SLOTS_MEMBER)
    return raw


def extract(path: Path, folder: Path, manifest: Manifest) -> tuple[Path, Path]:
    """Unpack database and slots (both encrypted or keyless) into `folder`, owner-only.

    Each member is written only up to the size the manifest states (the slots up to their fixed bound)
    and its digest is checked again as it is written: the file may have changed since it was inspected.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=dir_mode())
    out: list[Path] = []
    try:
        with zipfile.ZipFile(path) as archive:
            for member, limit, expected in (
                (DB_MEMBER, manifest.db_bytes, manifest.db_sha256),
                (SLOTS_MEMBER, MAX_SLOTS_BYTES, manifest.slots_sha256),
            ):
                _check_member(archive.getinfo(member), limit)
                target = folder / member
                digest = hashlib.sha256()
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, file_mode())
                with os.fdopen(fd, "wb") as sink:

                    def write(block: bytes, sink: Any = sink, digest: Any = digest) -> None:
                        digest.update(block)
                        sink.write(block)

                    _stream(archive, member, limit, write)
                    sink.flush()
                    os.fsync(sink.fileno())
                if digest.hexdigest() != expected:
                    raise BackupError("damaged", member)
                out.append(target)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, KeyError) as exc:
        raise BackupError("damaged", type(exc).__name__) from exc
    return out[0], out[1]


def verify_extracted(db_path: Path, key: DataKey, manifest: Manifest) -> None:
    """The copy decrypts, every page authenticates, the structure is sound and the counts match."""
    try:
        connection = database.connect(db_path, key, read_only=True)
    except sqlcipher.Error as exc:
        raise BackupError("damaged", "database") from exc
    try:
        # The page cache of every connection (a read-only one has SQLite's 2 MB, and the pragma reads the
        # schema, so it is set here, where a wrong key is told apart): integrity_check looks each row up
        # in every index of its table, and with 2 MB it decrypted the same index pages again and again.
        connection.execute(f"PRAGMA cache_size = -{database.CACHE_KIB}")
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
    manifest = read_manifest(path).opened(key)
    if expected is not None and manifest != expected:
        raise BackupError("damaged", "manifest differs")
    scratch = Path(tempfile.mkdtemp(prefix=".ascolto-verify-", dir=path.parent))
    try:
        db_path, _ = extract(path, scratch, manifest)
        verify_extracted(db_path, key, manifest)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return manifest


def replace_database_files(data_dir: Path, staged_db: Path, staged_slots: Path, aside: Path) -> None:
    """Move the current database and slots into `aside`, then the staged ones into place."""
    aside.parent.mkdir(exist_ok=True, mode=dir_mode())
    aside.mkdir(exist_ok=True, mode=dir_mode())
    # attempts.json stays: failed logins and restores counted before the restore still count after it
    for name in ("ascolto.db", "ascolto.db-wal", "ascolto.db-shm", "keyslots.json"):
        current = data_dir / name
        if current.exists():
            os.replace(current, aside / name)
    os.replace(staged_db, data_dir / "ascolto.db")
    os.replace(staged_slots, data_dir / "keyslots.json")
    fsync_directory(data_dir)
    with contextlib.suppress(OSError):
        fsync_directory(aside)


@dataclass(frozen=True)
class AccountRow:
    username: str
    role: str
    active: bool
    slot_id: str | None
    created_at: str
    revoked_at: str | None


@dataclass(frozen=True)
class ReleaseRow:
    """One row of a database's release records (table export_record), read so a restore can carry it."""

    kind: str
    period_code: str
    period_start: str
    period_end: str
    desk_ids: str
    threshold: int
    rule_version: str
    digest: str
    pdf_digest: str
    tables_digest: str
    created_at: str
    package: bytes | None
    pdf: bytes | None


RELEASE_COLUMNS = tuple(f for f in ReleaseRow.__dataclass_fields__)


@dataclass(frozen=True)
class DatabaseFacts:
    """What a restore must know of a database before it replaces one with another: its accounts, a few
    settings, and the erasure ledger it mirrors. Read with the raw connection, so a database of an older
    schema (a backup) can be asked too."""

    accounts: tuple[AccountRow, ...]
    settings: dict[str, str]
    ledger_lines: tuple[str, ...]
    signing_key: bytes | None = None  # the centre's package-signing key (private)
    releases: tuple[ReleaseRow, ...] = ()  # what left the PC, as this database records it

    def account(self, username: str) -> AccountRow | None:
        return next((a for a in self.accounts if a.username == username), None)


def read_facts(db_path: Path, key: DataKey, setting_keys: tuple[str, ...]) -> DatabaseFacts:
    with database.raw_connection(db_path, key) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        accounts = tuple(
            AccountRow(str(r[0]), str(r[1]), bool(r[2]), r[3], str(r[4] or ""), r[5])
            for r in connection.execute(
                "SELECT username, role, active, slot_id, created_at, revoked_at FROM operator"
            )
        )
        marks = ",".join("?" for _ in setting_keys)
        settings = {
            str(r[0]): str(r[1])
            for r in connection.execute(
                f"SELECT key, value FROM setting WHERE key IN ({marks})", setting_keys
            )
        }
        lines: tuple[str, ...] = ()
        if "erasure_ledger" in tables:
            lines = tuple(
                str(r[0]) for r in connection.execute("SELECT line FROM erasure_ledger ORDER BY id")
            )
        row = connection.execute("SELECT signing_key FROM centre WHERE id = 1").fetchone()
        releases = _release_rows(connection) if "export_record" in tables else ()
    return DatabaseFacts(accounts, settings, lines, bytes(row[0]) if row and row[0] else None, releases)


def _release_rows(connection: Any) -> tuple[ReleaseRow, ...]:
    """Every release record, whatever the schema's age (a column it lacks reads as empty)."""
    present = {str(r[1]) for r in connection.execute("PRAGMA table_info(export_record)")}
    columns = ", ".join(c if c in present else "NULL" for c in RELEASE_COLUMNS)
    out = []
    for r in connection.execute(f"SELECT {columns} FROM export_record ORDER BY id"):
        out.append(
            ReleaseRow(
                str(r[0] or ""),
                str(r[1] or ""),
                str(r[2] or ""),
                str(r[3] or ""),
                str(r[4] or ""),
                int(r[5] or 0),
                str(r[6] or ""),
                str(r[7] or ""),
                str(r[8] or ""),
                str(r[9] or ""),
                str(r[10] or ""),
                bytes(r[11]) if r[11] is not None else None,
                bytes(r[12]) if r[12] is not None else None,
            )
        )
    return tuple(out)
