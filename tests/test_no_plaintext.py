"""Nothing readable on disk: after real work and a lock, no file holds a name in clear.

Case records will be added to this scenario as they arrive.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from pathlib import Path

import pytest

from app.services import accounts, audit, maintenance
from app.services.errors import WrongCredentials
from tests.foundation_fixtures import FAST_KDF, OTHER_PW, PLAIN_SQLITE_HEADER, WRONG_PW, initialise
from tests.plaintext_scan import files_under, hits
from tests.plaintext_scan import needles as encodings_of


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
        fnd_ws.unlock("anna", "lanterna torrente civetta brina")
        assert maintenance.verify(fnd_ws).ok
        fnd_ws.lock()
    finally:
        fnd_ws.close()

    needles = encodings_of(marker)
    data_files = files_under(folder, since=None)
    assert {p.name for p in data_files} >= {"ascolto.db", "keyslots.json", "attempts.json"}
    assert hits(data_files, needles) == []
    temp_files = files_under(Path(tempfile.gettempdir()), since=started)
    assert hits(temp_files, needles) == []
    for path in data_files:
        with path.open("rb") as handle:
            assert not handle.read(len(PLAIN_SQLITE_HEADER)).startswith(PLAIN_SQLITE_HEADER), path
