"""Pages authenticated with HMAC-SHA256; a database an earlier version wrote with HMAC-SHA512 is still read,
and rewritten at unlock without losing a commit, or left as it was when the rewrite cannot be done."""

from __future__ import annotations

import random
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import sqlcipher3

from app.crypto.keyslots import DataKey
from app.services.workspace import Workspace
from app.storage import backup, database, page_format
from app.storage.database import CIPHER_HMAC, LEGACY_CIPHER_HMAC, StorageError
from tests.foundation_fixtures import (
    ADMIN,
    ADMIN_PW,
    PLAIN_SQLITE_HEADER,
    add_women,
    data_key_of,
    rewrite_pages,
    sidecars,
)

pytest_plugins = ["tests.foundation_fixtures"]

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def legacy_folder(fnd_folder: Path) -> tuple[Path, DataKey]:
    """The template folder with ten women, its database in the earlier format (HMAC-SHA512 pages)."""
    workspace = Workspace.open(fnd_folder)
    workspace.unlock(ADMIN, ADMIN_PW)
    add_women(workspace, 10)
    workspace.close()
    key = DataKey(data_key_of(fnd_folder))
    rewrite_pages(fnd_folder / "ascolto.db", key, LEGACY_CIPHER_HMAC)
    assert _format_of(fnd_folder / "ascolto.db", key) == LEGACY_CIPHER_HMAC
    return fnd_folder, key


def _reads_as(db: Path, key: DataKey, hmac: str) -> bool:
    connection = database.connect(db, key, read_only=True, hmac=hmac)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        connection.close()


def _format_of(db: Path, key: DataKey) -> str:
    """The one format the file authenticates in (and `connect` finds it on its own)."""
    readable = [hmac for hmac in (CIPHER_HMAC, LEGACY_CIPHER_HMAC) if _reads_as(db, key, hmac)]
    assert len(readable) == 1, readable
    with database.raw_connection(db, key) as connection:
        assert database.page_hmac(connection) == readable[0]
    return readable[0]


def _rows(db: Path, key: DataKey, table: str) -> int:
    with database.raw_connection(db, key) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _unlock(folder: Path) -> None:
    workspace = Workspace.open(folder)
    try:
        workspace.unlock(ADMIN, ADMIN_PW)
        assert workspace.integrity_problems() == []
    finally:
        workspace.close()


def test_a_new_database_has_hmac_sha256_pages(fnd_folder: Path) -> None:
    db = fnd_folder / "ascolto.db"
    key = DataKey(data_key_of(fnd_folder))
    assert _format_of(db, key) == CIPHER_HMAC
    assert not db.read_bytes().startswith(PLAIN_SQLITE_HEADER)


def test_an_earlier_database_is_read_then_rewritten_at_unlock(legacy_folder: tuple[Path, DataKey]) -> None:
    folder, key = legacy_folder
    db = folder / "ascolto.db"
    women = _rows(db, key, "case_file")  # read in the earlier format, as any part of Ascolto would
    assert women == 10
    _unlock(folder)
    assert _format_of(db, key) == CIPHER_HMAC
    assert _rows(db, key, "case_file") == women
    raw = db.read_bytes()
    assert not raw.startswith(PLAIN_SQLITE_HEADER) and b"Donna3" not in raw
    assert not (folder / ("ascolto.db" + page_format.STAGED_SUFFIX)).exists()
    assert sidecars(folder) == []


def test_commits_a_crash_left_in_the_wal_are_in_the_rewrite(legacy_folder: tuple[Path, DataKey]) -> None:
    folder, key = legacy_folder
    db = folder / "ascolto.db"
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from app.crypto.keyslots import DataKey\n"
        "from app.storage import database\n"
        "c = database.connect(Path(sys.argv[1]), DataKey(bytes.fromhex(sys.argv[2])))\n"
        "c.execute(\"INSERT INTO setting (key, value) VALUES ('test.crash', 'in the wal')\")\n"
        "os._exit(0)\n"  # killed before any checkpoint: the commit lives only in the WAL
    )
    subprocess.run([sys.executable, "-c", script, str(db), key.raw().hex()], cwd=ROOT, check=True, timeout=60)
    assert db.with_name("ascolto.db-wal").stat().st_size > 0
    _unlock(folder)
    assert _format_of(db, key) == CIPHER_HMAC
    with database.raw_connection(db, key) as connection:
        value = connection.execute("SELECT value FROM setting WHERE key = 'test.crash'").fetchone()
    assert value == ("in the wal",)


def test_a_rewrite_that_cannot_be_written_leaves_the_database_readable(
    legacy_folder: tuple[Path, DataKey],
) -> None:
    folder, key = legacy_folder
    db = folder / "ascolto.db"
    blocker = folder / ("ascolto.db" + page_format.STAGED_SUFFIX)
    blocker.mkdir()  # where the new file would go: the system refuses it, as a full disk would
    _unlock(folder)
    assert _format_of(db, key) == LEGACY_CIPHER_HMAC
    assert _rows(db, key, "case_file") == 10
    blocker.rmdir()
    _unlock(folder)  # the next unlock does it
    assert _format_of(db, key) == CIPHER_HMAC


def test_a_rewrite_a_crash_interrupted_is_cleared_and_done_again(legacy_folder: tuple[Path, DataKey]) -> None:
    folder, key = legacy_folder
    staged = folder / ("ascolto.db" + page_format.STAGED_SUFFIX)
    staged.write_bytes(b"\x00" * database.PAGE_SIZE * 3)  # half a copy
    staged.with_name(staged.name + "-journal").write_bytes(b"\x01" * 512)
    _unlock(folder)
    assert _format_of(folder / "ascolto.db", key) == CIPHER_HMAC
    assert not staged.exists() and sidecars(folder) == []


def test_a_wrong_key_on_an_earlier_database_is_still_a_wrong_key(legacy_folder: tuple[Path, DataKey]) -> None:
    folder, key = legacy_folder
    db = folder / "ascolto.db"
    with pytest.raises(StorageError) as info:
        database.find_working_key(db, [DataKey.generate(), DataKey.generate(2)])
    assert info.value.reason == "undecryptable"
    assert database.find_working_key(db, [DataKey.generate(), key]).raw() == key.raw()


def test_a_backup_of_an_earlier_database_keeps_its_format_and_checks(
    legacy_folder: tuple[Path, DataKey], tmp_path: Path
) -> None:
    folder, key = legacy_folder
    target = tmp_path / "copy.db"
    counts = backup.copy_database(folder / "ascolto.db", target, key)
    assert counts["case_file"] == 10
    assert _format_of(target, key) == LEGACY_CIPHER_HMAC
    assert database.integrity_problems(target, key) == []


def test_a_backup_of_an_earlier_database_restores_and_is_rewritten(
    legacy_folder: tuple[Path, DataKey], tmp_path: Path
) -> None:
    from app.services import backup as backups

    folder, key = legacy_folder
    db = folder / "ascolto.db"
    blocker = folder / ("ascolto.db" + page_format.STAGED_SUFFIX)
    blocker.mkdir()  # this unlock keeps the earlier pages, so the backup is of them
    workspace = Workspace.open(folder)
    try:
        workspace.unlock(ADMIN, ADMIN_PW)
        made = backups.make_backup(workspace, tmp_path / "usb")
    finally:
        workspace.close()
    with zipfile.ZipFile(made.path) as archive:
        (tmp_path / "inside.db").write_bytes(archive.read(backup.DB_MEMBER))
    assert _format_of(tmp_path / "inside.db", key) == LEGACY_CIPHER_HMAC  # a backup as that version made it
    blocker.rmdir()
    _unlock(folder)  # rewritten now; then a woman more, which the restore takes back
    workspace = Workspace.open(folder)
    try:
        workspace.unlock(ADMIN, ADMIN_PW)
        add_women(workspace, 1)
        assert _rows(db, key, "case_file") == 11
        backups.restore_backup(workspace, made.path, ADMIN, password=ADMIN_PW)
        assert workspace.integrity_problems() == []
    finally:
        workspace.close()
    assert _format_of(db, key) == CIPHER_HMAC
    assert _rows(db, key, "case_file") == 10


KILL_RUNS = 8


def test_a_kill_during_the_rewrite_loses_nothing(fnd_folder: Path, tmp_path: Path) -> None:
    """kill -9 at random moments of the rewrite: the database is whole after each, in one format or the
    other, every row there, every page sound."""
    from app import demo

    workspace = Workspace.open(fnd_folder)
    workspace.unlock(ADMIN, ADMIN_PW)
    demo.generate(workspace, cases=1200, seed=5, years=2)
    workspace.close()
    key = DataKey(data_key_of(fnd_folder))
    db = fnd_folder / "ascolto.db"
    rewrite_pages(db, key, LEGACY_CIPHER_HMAC)
    with database.raw_connection(db, key) as connection:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0"
            )
        ]
    counts = {table: _rows(db, key, f'"{table}"') for table in tables}
    trial = tmp_path / "trial" / "ascolto.db"
    trial.parent.mkdir()
    trial.write_bytes(db.read_bytes())
    started = time.perf_counter()
    assert page_format.convert_legacy(trial, key)
    takes = time.perf_counter() - started
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.crypto.keyslots import DataKey\n"
        "from app.storage import page_format\n"
        "key = DataKey(bytes.fromhex(sys.stdin.readline().strip()))\n"
        "print('ready', flush=True)\n"
        "page_format.convert_legacy(Path(sys.argv[1]), key)\n"
        "print('done', flush=True)\n"
    )
    rng = random.Random(27)
    outcomes = []
    halfway = 0  # kills that left a half-written copy beside the database
    for _ in range(KILL_RUNS):
        child = subprocess.Popen(
            [sys.executable, "-c", script, str(db)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(key.raw().hex().encode() + b"\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0, takes * 1.2))
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        child.wait(timeout=30)
        hmac = _format_of(db, key)
        outcomes.append(hmac)
        halfway += (db.parent / (db.name + page_format.STAGED_SUFFIX)).exists()
        assert {table: _rows(db, key, f'"{table}"') for table in tables} == counts
        assert database.integrity_problems(db, key) == []
        if hmac == CIPHER_HMAC:
            rewrite_pages(db, key, LEGACY_CIPHER_HMAC)  # the next run kills a rewrite again
    assert LEGACY_CIPHER_HMAC in outcomes and halfway > 0  # some kills did land inside the rewrite
    _unlock(fnd_folder)  # and the next unlock finishes the work
    assert _format_of(db, key) == CIPHER_HMAC
