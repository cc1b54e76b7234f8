"""Shared fixtures and helpers for the foundation tests (key slots, storage, workspace, accounts, CLI).

Load the fixtures with `pytest_plugins = ["tests.foundation_fixtures"]` and import the helpers directly.
Fixture names carry the `fnd_` prefix so they cannot collide with tests/conftest.py or other plugins.
Everything is real: files in tmp_path, real SQLCipher, real Argon2id (at OWASP's floor, to stay fast).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from app.crypto.keyslots import DataKey, KdfParams
from app.services.workspace import Workspace
from app.storage import database

FAST_KDF = KdfParams(19456, 2, 1)  # OWASP's floor: the cheapest parameters the code accepts
CLI_KDF = [
    "--kdf-memory-kib",
    "65536",
    "--kdf-iterations",
    "3",
    "--kdf-lanes",
    "4",
]  # the floor: a subprocess
# has no test-only route below it

ADMIN = "anna"
ADMIN_FULL_NAME = "Anna Rossi"
ADMIN_PW = "lanterna torrente civetta brina"
OTHER_PW = "secondo fiume gatto neve"
THIRD_PW = "terzo sentiero bosco luna"
NEW_PW = "nuova finestra mare sole"
WRONG_PW = "sbagliata porta vento"

PLAIN_SQLITE_HEADER = b"SQLite format 3"


@dataclass(frozen=True)
class Template:
    folder: Path
    recovery_key: str


def initialise(folder: Path, kdf: KdfParams = FAST_KDF, **overrides: str) -> tuple[Workspace, str]:
    """A new data folder, unlocked as its first administrator `anna`; returns (workspace, recovery key)."""
    args = {
        "centre_name": "Centro Antiviolenza Prova",
        "centre_code": "BG",
        "desk_name": "Sportello Centro",
        "username": ADMIN,
        "full_name": ADMIN_FULL_NAME,
        "password": ADMIN_PW,
    }
    args.update(overrides)
    return Workspace.initialise(folder, kdf=kdf, **args)


def add_women(ws: Workspace, n: int = 10, on: date = date(2025, 3, 1)) -> list[int]:
    """`n` women with consent to statistics, opened on `on`: enough for a release (at least 10 women)."""
    from app.services import cases

    return [
        cases.open_case(
            ws,
            cases.IdentityInput(f"Donna{i}", "Prova"),
            cases.ProfileInput(birth_year=1980, country="IT"),
            cases.ConsentInput(("TRATTAMENTO", "STATISTICHE"), on),
            opened_on=on,
        ).id
        for i in range(n)
    ]


@pytest.fixture(scope="session")
def foundation_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """One initialised, closed data folder per session; tests work on copies of it."""
    folder = tmp_path_factory.mktemp("template") / "data"
    workspace, recovery_key = initialise(folder)
    workspace.close()
    return Template(folder, recovery_key)


@pytest.fixture
def fnd_folder(foundation_template: Template, tmp_path: Path) -> Path:
    """A private copy of the template folder (closed, locked): admin `anna` with ADMIN_PW."""
    target = tmp_path / "data"
    shutil.copytree(foundation_template.folder, target)
    return target


@pytest.fixture
def fnd_recovery_key(foundation_template: Template) -> str:
    return foundation_template.recovery_key


@pytest.fixture
def fnd_ws(fnd_folder: Path) -> Iterator[Workspace]:
    """The copy, opened and unlocked as the administrator; closed at teardown."""
    workspace = Workspace.open(fnd_folder)
    workspace.unlock(ADMIN, ADMIN_PW)
    try:
        yield workspace
    finally:
        workspace.close()


def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by relative path; not the lock file, whose note of who holds the
    folder since when (to the minute) is rewritten by every process that takes the folder."""
    result: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != "ascolto.lock":
            result[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


FAILED_LOGIN_RECORD = frozenset({"attempts.json", "attempts.mirror.json", "attempts.key"})


def data_snapshot(folder: Path) -> dict[str, str]:
    """`snapshot` without the failed-login record, which a refused password must change (it is counted)."""
    return {name: digest for name, digest in snapshot(folder).items() if name not in FAILED_LOGIN_RECORD}


def sidecars(folder: Path) -> list[str]:
    """SQLite journal files that must not be left behind (or appear at all, for a refused file)."""
    return [p.name for p in folder.rglob("*") if p.name.endswith(("-wal", "-shm", "-journal"))]


def flip_byte(path: Path, offset: int, mask: int = 0x01) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= mask
    path.write_bytes(bytes(data))


def data_key_of(folder: Path) -> bytes:
    """The raw data key of a closed folder (unlocks as the administrator, then closes again)."""
    workspace = Workspace.open(folder)
    try:
        workspace.unlock(ADMIN, ADMIN_PW)
        return workspace.data_key.raw()
    finally:
        workspace.close()


def rewrite_pages(db: Path, key: DataKey, hmac: str) -> None:
    """The closed database as another page format would have written it (`sqlcipher_export`, as
    `storage.page_format` does): `database.LEGACY_CIPHER_HMAC` makes a database of an earlier version."""
    other = db.with_name("other.db")
    with database.raw_connection(db, key) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        connection.execute(f"ATTACH DATABASE ? AS other KEY {key.sqlcipher_literal()}", (str(other),))
        connection.execute(f"PRAGMA other.cipher_hmac_algorithm = {hmac}")
        connection.execute("SELECT sqlcipher_export('other')").fetchall()
        connection.execute("DETACH DATABASE other")
    other.replace(db)


def root_page(folder: Path, key_raw: bytes, table: str) -> int:
    """The page number (1-based) of a table's root page in the folder's database."""
    with database.raw_connection(folder / "ascolto.db", DataKey(key_raw)) as connection:
        row = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    assert row is not None, table
    return int(row[0])


def run_cli(
    args: Sequence[str], home: Path, password: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`python -m app.cli ...` in a fresh process, ASCOLTO_HOME pointing into the test's folder."""
    env = dict(os.environ)
    env["ASCOLTO_HOME"] = str(home)
    env.pop("ASCOLTO_DEBUG", None)
    env.pop("ASCOLTO_LOG", None)
    if password is None:
        return subprocess.run(
            [sys.executable, "-m", "app.cli", *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            check=False,
        )
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        input=password + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
