"""Backups and restores on real encrypted files: made under load, verified, refused when damaged."""

from __future__ import annotations

import threading
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.crypto.keyslots import DataKey, KdfParams
from app.models.cases import ServiceDelivery
from app.services import backup, cases
from app.services.errors import DatabaseDamaged, UserError
from app.services.workspace import Workspace
from app.storage import backup as files
from app.storage import database, migrate
from app.storage.backup import read_manifest

FAST = KdfParams(19456, 2, 1)
PASSWORD = "lanterna torrente civetta brina"


def _init(folder: Path) -> tuple[Workspace, str]:
    return Workspace.initialise(
        folder,
        centre_name="Aiuto Donna",
        centre_code="BG",
        desk_name="Bergamo",
        username="anna",
        full_name="Anna",
        password=PASSWORD,
        kdf=FAST,
    )


def _open_case(ws: Workspace, name: str = "Maria") -> int:
    day = date.today() - timedelta(days=10)
    return cases.open_case(
        ws,
        cases.IdentityInput(name, "Rossi"),
        cases.ProfileInput(birth_year=1980),
        cases.ConsentInput(("TRATTAMENTO",), day),
        opened_on=day,
    ).id


def _service(ws: Workspace, case_id: int) -> None:
    cases.add_service(ws, case_id, cases.ServiceInput(date.today(), "ASCOLTO", "TELEFONO", 30, "ACCOGLIENZA"))


def _services(ws: Workspace) -> int:
    with ws.transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(ServiceDelivery)) or 0


def test_backup_while_another_thread_writes(tmp_path: Path) -> None:
    ws, _ = _init(tmp_path / "data")
    case_id = _open_case(ws)
    stop = threading.Event()
    written: list[int] = []
    failures: list[BaseException] = []

    def writer() -> None:
        try:
            while not stop.is_set():
                _service(ws, case_id)
                written.append(1)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 5:
            pass
        result = backup.make_backup(ws, tmp_path / "usb")
    finally:
        stop.set()
        thread.join()
    assert not failures
    assert len(written) > 5
    manifest = read_manifest(result.path).opened(ws.data_key)  # the counts are sealed: the key reads them
    # the copy is a consistent snapshot: between what was written before and after
    assert 5 <= manifest.row_counts["service_delivery"] <= len(written)
    assert not result.path.read_bytes().count(b"SQLite format 3")
    assert backup.backup_status(ws).overdue is False
    ws.close()


def test_restore_drill_brings_back_the_data_and_keeps_the_current_aside(tmp_path: Path) -> None:
    ws, _ = _init(tmp_path / "data")
    case_id = _open_case(ws, "Giulia")
    _service(ws, case_id)
    result = backup.make_backup(ws, tmp_path / "usb")
    _service(ws, case_id)  # a change after the backup, lost by the restore but kept aside
    assert _services(ws) == 2
    login = backup.restore_backup(ws, result.path, "anna", password=PASSWORD)
    assert login.actor.username == "anna"
    assert _services(ws) == 1
    assert cases.search_cases(ws, "giulia").total == 1
    aside = list((tmp_path / "data" / "backups").glob("replaced-*/ascolto.db"))
    assert len(aside) == 1
    ws.close()


def test_restore_into_an_empty_folder_with_the_recovery_key(tmp_path: Path) -> None:
    ws, recovery_key = _init(tmp_path / "data")
    _open_case(ws, "Serena")
    result = backup.make_backup(ws, tmp_path / "usb")
    ws.close()
    new_pc = Workspace.reserve(tmp_path / "new-pc")
    backup.restore_backup(
        new_pc, result.path, "anna", recovery_key=recovery_key, new_password="nuova finestra mare sole"
    )
    assert cases.search_cases(new_pc, "serena").total == 1
    new_pc.close()
    again = Workspace.open(tmp_path / "new-pc")
    again.unlock("anna", "nuova finestra mare sole")
    again.close()


@pytest.mark.parametrize("where", [0.25, 0.5, 0.9])
def test_a_backup_with_one_flipped_byte_is_refused_and_nothing_changes(tmp_path: Path, where: float) -> None:
    ws, _ = _init(tmp_path / "data")
    _open_case(ws)
    result = backup.make_backup(ws, tmp_path / "usb")
    damaged = tmp_path / "damaged.ascbak"
    raw = bytearray(result.path.read_bytes())
    raw[int(len(raw) * where)] ^= 0x01
    damaged.write_bytes(bytes(raw))
    ws.lock()  # locking is itself audited: take the snapshot after it
    before = (tmp_path / "data" / "ascolto.db").read_bytes()
    with pytest.raises(UserError, match="damaged"):
        backup.restore_backup(ws, damaged, "anna", password=PASSWORD)
    ws.close()
    assert (tmp_path / "data" / "ascolto.db").read_bytes() == before
    assert not list((tmp_path / "data").glob(".restore-*"))


def test_wrong_password_for_the_backup_changes_nothing(tmp_path: Path) -> None:
    ws, _ = _init(tmp_path / "data")
    result = backup.make_backup(ws, tmp_path / "usb")
    ws.lock()
    before = (tmp_path / "data" / "ascolto.db").read_bytes()
    with pytest.raises(UserError, match="administrators"):  # not a password of the current database
        backup.restore_backup(ws, result.path, "anna", password="sbagliata porta vento")
    with pytest.raises(UserError, match="credentials"):  # the current one is right, not the backup's
        backup.restore_backup(
            ws,
            result.path,
            "anna",
            password="sbagliata porta vento",
            current=backup.Credentials("anna", PASSWORD),
        )
    assert (tmp_path / "data" / "ascolto.db").read_bytes() == before
    ws.close()


def test_not_a_backup_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.ascbak"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(UserError):
        backup.inspect_backup(junk)


def test_restore_drill_from_the_previous_schema_revision_migrates(tmp_path: Path) -> None:
    """A backup made by the previous version opens and is migrated to the current schema."""
    from alembic.script import ScriptDirectory

    head = migrate.head_revision()
    previous = ScriptDirectory.from_config(migrate.alembic_config()).get_revision(head).down_revision
    assert isinstance(previous, str)
    ws, _ = _init(tmp_path / "data")
    made = backup.make_backup(ws, tmp_path / "usb")
    ws.close()
    # Rebuild the backup's database at the previous revision: downgrade a restored copy, back it up.
    old = Workspace.reserve(tmp_path / "old")
    backup.restore_backup(old, made.path, "anna", password=PASSWORD)
    engine = old._engine
    assert engine is not None
    from alembic import command

    config = migrate.alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, previous)
        conn.commit()
    assert migrate.current_revision(engine) == previous
    old_backup = backup.make_backup(old, tmp_path / "usb-old")
    old.close()
    assert read_manifest(old_backup.path).schema_revision == previous
    target = Workspace.reserve(tmp_path / "restored")
    backup.restore_backup(target, old_backup.path, "anna", password=PASSWORD)
    assert target.schema_revision() == head
    assert list((tmp_path / "restored" / "backups").glob("pre-upgrade-*.db"))
    target.close()


# --- the manifest on a lost USB stick (issue #23, item 6) ----------------------------------------------------------
def test_a_manifest_shows_no_counts_without_the_key(tmp_path: Path) -> None:
    """Two backups on a lost stick: their manifests, read without any key, must not show what changed."""
    import json
    import zipfile

    ws, _ = _init(tmp_path / "data")
    first = backup.make_backup(ws, tmp_path / "usb").path
    for name in ("Giulia", "Marta", "Sara"):
        _service(ws, _open_case(ws, name))
    second = backup.make_backup(ws, tmp_path / "usb2").path
    clear = [json.loads(zipfile.ZipFile(p).read("manifest.json")) for p in (first, second)]
    for document in clear:
        assert "row_counts" not in document
        assert set(document) <= {
            "format", "version", "created_at", "schema_revision", "database_id", "centre_code", "db_sha256",
            "slots_sha256", "db_bytes", "audit_head", "mac", "sealed",
        }  # fmt: skip
        assert b"case_file" not in json.dumps(document).encode()
    opened = read_manifest(second).opened(ws.data_key)
    assert opened.row_counts["case_file"] == 3
    ws.close()


def test_a_backup_with_counts_in_the_clear_still_restores(tmp_path: Path) -> None:
    """A backup of format version 1 (counts in the clear, tagged) made by the previous version."""
    import json
    import zipfile

    from app.crypto import macs
    from app.storage.backup import MANIFEST_PURPOSE

    ws, _ = _init(tmp_path / "data")
    case_id = _open_case(ws, "Giulia")
    made = backup.make_backup(ws, tmp_path / "usb")
    counts = made.manifest.row_counts
    old = tmp_path / "old.ascbak"
    with zipfile.ZipFile(made.path) as zin, zipfile.ZipFile(old, "w") as zout:
        document = json.loads(zin.read("manifest.json"))
        document.update(version=1, row_counts=counts)
        document.pop("sealed")
        document.pop("mac")
        body = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
        key = macs.derive_key(ws.data_key, MANIFEST_PURPOSE, document["database_id"])
        document["mac"] = macs.tag(key, body)
        zout.writestr("manifest.json", json.dumps(document))
        for name in ("ascolto.db", "keyslots.json"):
            zout.writestr(name, zin.read(name))
    before = _services(ws)
    _service(ws, case_id)
    assert read_manifest(old).row_counts == counts
    result = backup.restore_backup(ws, old, "anna", password=PASSWORD)
    assert result.authenticated
    assert _services(ws) == before
    ws.close()


def test_counts_moved_out_of_the_sealed_part_are_refused(tmp_path: Path) -> None:
    """Putting clear counts back into a version 2 manifest (or stripping its tag) is tampering."""
    import json
    import zipfile

    ws, _ = _init(tmp_path / "data")
    made = backup.make_backup(ws, tmp_path / "usb")
    for change in (
        {"row_counts": {"case_file": 1}},
        {"mac": ""},
        {"sealed": made.manifest.sealed[:-4] + "AAAA"},
    ):
        forged = tmp_path / "forged.ascbak"
        with zipfile.ZipFile(made.path) as zin, zipfile.ZipFile(forged, "w") as zout:
            document = json.loads(zin.read("manifest.json"))
            document.update(change)
            zout.writestr("manifest.json", json.dumps(document))
            for name in ("ascolto.db", "keyslots.json"):
                zout.writestr(name, zin.read(name))
        with pytest.raises(UserError, match=r"damaged|altered"):
            backup.restore_backup(ws, forged, "anna", password=PASSWORD)
        assert ws.is_unlocked
    ws.close()


def test_the_quiet_copy_is_the_file_itself_and_a_reader_in_the_wal_falls_back(tmp_path: Path) -> None:
    """The database file is copied as it lies only when its WAL is empty under the write lock: a reader
    still in the WAL leaves the target empty (and the backup is made by the backup API instead)."""
    ws, _ = _init(tmp_path / "data")
    case_id = _open_case(ws)
    _service(ws, case_id)  # committed frames in the WAL
    target = tmp_path / "copy.db"
    target.touch()
    with database.raw_connection(ws.db_path, ws.data_key) as source:
        assert files.copy_quiet_file(source, ws.db_path, target)
        assert target.read_bytes() == ws.db_path.read_bytes()  # the checkpointed file, page for page

    with database.raw_connection(ws.db_path, ws.data_key) as reader:
        reader.execute("BEGIN")
        before = reader.execute("SELECT count(*) FROM service_delivery").fetchone()[0]
        _service(ws, case_id)  # a frame after the reader's snapshot: the WAL cannot be emptied
        busy = tmp_path / "busy.db"
        busy.touch()
        with database.raw_connection(ws.db_path, ws.data_key) as source:
            assert not files.copy_quiet_file(source, ws.db_path, busy)
        assert busy.stat().st_size == 0
        result = backup.make_backup(ws, tmp_path / "usb")  # the backup API, while she still reads
        reader.execute("ROLLBACK")
    counts = read_manifest(result.path).opened(ws.data_key).row_counts
    assert counts["service_delivery"] == before + 1 == _services(ws)
    ws.close()


def test_a_file_the_system_will_not_read_is_copied_by_the_backup_api(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, _ = _init(tmp_path / "data")
    case_id = _open_case(ws)
    _service(ws, case_id)

    def locked(*_args: object) -> None:
        raise PermissionError(13, "The process cannot access the file: another process has locked a portion")

    monkeypatch.setattr(files, "_copy_bytes", locked)  # fault injection: Windows refuses a locked range
    result = backup.make_backup(ws, tmp_path / "usb")
    assert read_manifest(result.path).opened(ws.data_key).row_counts["service_delivery"] == 1
    files.verify_file(result.path, ws.data_key)  # decrypts, authenticates every page, counts match
    ws.close()


def test_nobody_waits_for_the_copy_and_the_backup_is_the_state_it_began_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save while the file is being copied (a slow USB stick) goes through at once; the backup holds
    the state the copy began with, and the save stays in the database."""
    ws, _ = _init(tmp_path / "data")
    case_id = _open_case(ws)
    _service(ws, case_id)
    copy_bytes = files._copy_bytes
    saved: list[int] = []

    def slow_copy(source: Path, target: Path, progress: object) -> None:
        with database.raw_connection(ws.db_path, ws.data_key) as other:
            other.execute("PRAGMA busy_timeout = 0")  # a writer that would have to wait fails at once
            other.execute("UPDATE service_delivery SET minutes = minutes + 1")
            saved.append(other.total_changes)
            # and a checkpoint may not write the new page into the file being copied
            _busy, _log, backfilled = other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            saved.append(backfilled)
        copy_bytes(source, target, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "_copy_bytes", slow_copy)
    result = backup.make_backup(ws, tmp_path / "usb")
    assert saved == [1, 0]
    monkeypatch.undo()
    restored = tmp_path / "restored.db"
    with zipfile.ZipFile(result.path) as archive, archive.open(files.DB_MEMBER) as member:
        restored.write_bytes(member.read())
    with database.raw_connection(restored, ws.data_key) as copy:
        assert copy.execute("SELECT minutes FROM service_delivery").fetchall() == [(30,)]
    with database.raw_connection(ws.db_path, ws.data_key) as live:
        assert live.execute("SELECT minutes FROM service_delivery").fetchall() == [(31,)]
    ws.close()


def test_the_copy_reports_its_progress_in_pages_to_the_end(tmp_path: Path) -> None:
    ws, _ = _init(tmp_path / "data")
    _service(ws, _open_case(ws))
    calls: list[tuple[int, int]] = []
    result = backup.make_backup(
        ws, tmp_path / "usb", progress=lambda done, total: calls.append((done, total))
    )
    with zipfile.ZipFile(result.path) as archive:
        pages = archive.getinfo(files.DB_MEMBER).file_size // database.PAGE_SIZE
    assert calls and calls[-1] == (pages, pages)  # pages, as the window's bar and the command line count
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    ws.close()


def test_a_backup_of_a_damaged_database_says_the_database_is_damaged(tmp_path: Path) -> None:
    """A page of the database altered on disk (a failing disk, a hand-edited file): the copy cannot be
    read back, and the administrator is told that the database itself is damaged, in one sentence (a
    DatabaseError reached the window as 'unexpected failure (AttributeError)'). No file is kept."""
    folder = tmp_path / "data"
    ws, _ = _init(folder)
    case_id = _open_case(ws)
    for _ in range(40):
        _service(ws, case_id)
    ws.close()  # checkpointed: every page in the file
    with database.raw_connection(folder / "ascolto.db", _key_of(folder)) as connection:
        page = int(
            connection.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = 'service_delivery'"
            ).fetchone()[0]
        )
    data = bytearray((folder / "ascolto.db").read_bytes())
    data[(page - 1) * database.PAGE_SIZE + 100] ^= 0x01
    (folder / "ascolto.db").write_bytes(bytes(data))
    ws = Workspace.open(folder)
    ws.unlock("anna", PASSWORD)
    try:
        with pytest.raises(DatabaseDamaged):
            backup.make_backup(ws, tmp_path / "usb")
    finally:
        ws.close()
    assert not [p for p in (tmp_path / "usb").rglob("*") if p.is_file()]


def _key_of(folder: Path) -> DataKey:
    ws = Workspace.open(folder)
    try:
        ws.unlock("anna", PASSWORD)
        return DataKey(ws.data_key.raw())
    finally:
        ws.close()
