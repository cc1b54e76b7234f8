"""Nothing readable on disk: after real work and a lock, no file holds a name in clear.

Case records will be added to this scenario as they arrive.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from app.services import accounts, audit, maintenance
from app.services.errors import WrongCredentials
from tests.foundation_fixtures import FAST_KDF, OTHER_PW, PLAIN_SQLITE_HEADER, WRONG_PW, initialise

MAX_SCAN_BYTES = 64 * 1024 * 1024


def _needles(marker: str) -> dict[str, bytes]:
    return {
        "utf-8": marker.encode("utf-8"),
        "utf-16-le": marker.encode("utf-16-le"),
        "utf-16-be": marker.encode("utf-16-be"),
        "utf-8 upper": marker.upper().encode("utf-8"),
    }


def _files_under(root: Path, since: float | None) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=lambda _: None):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
        for name in files:
            path = Path(folder, name)
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


def _hits(paths: list[Path], needles: dict[str, bytes]) -> list[str]:
    hits = []
    for path in paths:
        try:
            content = path.read_bytes()
        except OSError:
            continue
        hits.extend(f"{path} ({encoding})" for encoding, needle in needles.items() if needle in content)
    return hits


def test_no_plaintext_on_disk(tmp_path: Path) -> None:
    started = time.time() - 2
    marker = uuid.uuid4().hex
    folder = tmp_path / "data"
    fnd_ws, _ = initialise(
        folder,
        centre_name=f"Centro {marker}",
        desk_name=f"Sportello {marker}",
        full_name=f"Amministratrice {marker}",
    )
    try:
        desk = accounts.add_help_desk(fnd_ws, f"Sede {marker}", town=f"Paese {marker}", opening_hours=marker)
        username = f"op{marker}"
        accounts.add_operator(
            fnd_ws, username, f"Operatrice {marker}", "operatrice", desk.id, OTHER_PW, kdf=FAST_KDF
        )
        with fnd_ws.transaction() as session:
            audit.record(
                session,
                fnd_ws.require_actor().operator_id,
                "test.marker",
                "note",
                marker[:32],
                {"note": marker},
            )
        fnd_ws.lock()
        with pytest.raises(WrongCredentials):  # a failed login names the account somewhere: not in clear
            fnd_ws.unlock(username, WRONG_PW)
        fnd_ws.unlock(username, OTHER_PW)
        fnd_ws.lock()
        fnd_ws.unlock("anna", "lampada fiume gatto neve")
        assert maintenance.verify(fnd_ws).ok
        fnd_ws.lock()
    finally:
        fnd_ws.close()

    needles = _needles(marker)
    data_files = _files_under(folder, since=None)
    assert {p.name for p in data_files} >= {"ascolto.db", "keyslots.json", "attempts.json"}
    assert _hits(data_files, needles) == []
    temp_files = _files_under(Path(tempfile.gettempdir()), since=started)
    assert _hits(temp_files, needles) == []
    for path in data_files:
        with path.open("rb") as handle:
            assert not handle.read(len(PLAIN_SQLITE_HEADER)).startswith(PLAIN_SQLITE_HEADER), path
