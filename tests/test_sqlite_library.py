"""The SQLite library's process-wide settings: memory statistics off, and encryption unchanged by it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sqlcipher3

import app.storage
from app.storage import sqlite_library

MARKER = b"maria-rossi-plaintext-marker"


def test_memory_statistics_are_off_and_a_new_database_is_still_encrypted(tmp_path: Path) -> None:
    assert app.storage.MEMORY_STATISTICS_OFF  # the two reading lanes no longer wait on one mutex
    path = tmp_path / "k.db"
    connection = sqlcipher3.connect(str(path))
    connection.execute("PRAGMA key = 'chiave di prova'")
    assert connection.execute("PRAGMA cipher_version").fetchone()[0]  # the codec came back with the library
    connection.execute("CREATE TABLE t (a TEXT)")
    connection.execute("INSERT INTO t VALUES (?)", (MARKER.decode(),))
    connection.commit()
    connection.close()
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and MARKER not in raw
    wrong = sqlcipher3.connect(str(path))
    wrong.execute("PRAGMA key = 'altra chiave'")
    try:
        wrong.execute("SELECT a FROM t").fetchall()
        raise AssertionError("a wrong key read the table")
    except sqlcipher3.DatabaseError:
        pass
    finally:
        wrong.close()
    assert sqlite_library.disable_memory_statistics()  # a second call: already off, nothing shut down


def test_the_library_is_not_restarted_under_an_open_connection() -> None:
    script = (
        "import sqlcipher3\n"
        "c = sqlcipher3.connect(':memory:')\n"
        "c.execute('CREATE TABLE t (a)')\n"
        "import app.storage\n"
        "c.execute('INSERT INTO t VALUES (1)')\n"
        "print(app.storage.MEMORY_STATISTICS_OFF, c.execute('SELECT count(*) FROM t').fetchone()[0])\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=root, check=True, timeout=60
    )
    assert out.stdout.split() == ["False", "1"]  # left on, and the open connection still works
