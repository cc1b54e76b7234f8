"""A release log a restore cannot reset (issue #22, item 5) and append-only logs that refuse links (issue #23,
item 6). Each attack runs through the services on a real encrypted folder; those on the release log and the
links succeeded against the code before the fix."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models.reports import ExportRecord
from app.reports.periods import parse_period
from app.services import backup, cases, release_log, releases, reports, signing_keys
from app.services.errors import UserError
from app.services.workspace import Workspace
from tests.foundation_fixtures import ADMIN, ADMIN_PW, add_women

pytest_plugins = ["tests.foundation_fixtures"]

QUARTER = "2025-Q1"


def _late_case(ws: Workspace) -> None:
    cases.open_case(
        ws,
        cases.IdentityInput("Tardiva", "Prova"),
        cases.ProfileInput(birth_year=1970, country="RO"),
        cases.ConsentInput(("TRATTAMENTO", "STATISTICHE"), date(2025, 2, 10)),
        opened_on=date(2025, 2, 10),
    )


def _keys(ws: Workspace) -> list[bytes]:
    with ws.transaction(write=False) as session:
        return list(signing_keys.public_keys(session))


def _records(ws: Workspace) -> list[tuple[str, str]]:
    with ws.transaction(write=False) as session:
        return [(r.kind, r.digest) for r in session.scalars(select(ExportRecord))]


@pytest.mark.parametrize("how", ["releases-deleted", "log-deleted"])
def test_deleting_the_release_log_and_restoring_does_not_reopen_a_period(
    fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path, how: str
) -> None:
    """Attack: back up, release Q1, delete releases/ (or only its log), restore the backup, enter a late
    case in Q1 and release Q1 again: a second version differing by one woman. The restore carries the
    replaced database's release: the period stays frozen, the same bytes leave again."""
    add_women(fnd_ws, 12)
    saved = backup.make_backup(fnd_ws, tmp_path / "usb")
    first = releases.export(fnd_ws, reports.prepare(fnd_ws, parse_period(QUARTER)), tmp_path / "first.json")
    assert first.first_time
    digest = hashlib.sha256(first.package_path.read_bytes()).hexdigest()
    if how == "releases-deleted":
        shutil.rmtree(fnd_folder / "releases")
    else:
        (fnd_folder / "releases" / "log.jsonl").unlink()
    result = backup.restore_backup(fnd_ws, saved.path, ADMIN, password=ADMIN_PW)
    assert result.releases_carried == 1
    assert ("release", digest) in _records(fnd_ws)
    # the log is written again from the database, signed: it survives the next restore too
    assert [e.package_sha256 for e in release_log.read(fnd_folder, _keys(fnd_ws)) if e.verified] == [digest]
    _late_case(fnd_ws)
    again = releases.export(fnd_ws, reports.prepare(fnd_ws, parse_period(QUARTER)), tmp_path / "again.json")
    assert not again.first_time
    assert again.package_path.read_bytes() == first.package_path.read_bytes()


def _forge(folder: Path, period: str, start: str, end: str, desks: list[int]) -> str:
    """A line in the log's format, signed by a key of her own."""
    from app.crypto import signing

    private = signing.generate_signing_key()
    digest = "ab" * 32
    entry = {
        "v": 1, "seq": 1, "prev": "", "period": period, "start": start, "end": end, "desks": desks,
        "threshold": 5, "rule_version": "2", "created_at": "2026-01-05T10:00:00", "package": digest,
        "pdf": "cd" * 32, "tables": "ef" * 32,
    }  # fmt: skip
    body = json.dumps(entry, sort_keys=True, separators=(",", ":")).encode()
    entry["sig"] = base64.b64encode(signing.sign(private, body)).decode()
    (folder / "releases").mkdir(exist_ok=True)
    with (folder / "releases" / "log.jsonl").open("a") as handle:
        handle.write(json.dumps(entry, sort_keys=True, separators=(",", ":")) + "\n")
    return digest


def test_a_forged_line_blocks_only_while_present_and_is_never_taken_as_genuine(
    fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path
) -> None:
    add_women(fnd_ws, 12)
    data = reports.prepare(fnd_ws, parse_period(QUARTER))
    forged = _forge(fnd_folder, QUARTER, "2025-01-01", "2025-03-31", [])  # the whole centre
    with pytest.raises(UserError, match="does not verify"):
        releases.export(fnd_ws, data, tmp_path / "blocked.json")
    assert [e.package_sha256 for e in release_log.unverified(fnd_folder, _keys(fnd_ws))] == [forged]
    assert ("release", forged) not in _records(fnd_ws)  # mirrored as unverified, never as a release
    saved = backup.make_backup(fnd_ws, tmp_path / "usb")
    (fnd_folder / "releases" / "log.jsonl").unlink()  # an administrator removes the forged line
    result = backup.restore_backup(fnd_ws, saved.path, ADMIN, password=ADMIN_PW)
    assert result.releases_carried == 0 and result.releases_unverified == 0
    assert all(digest != forged for _kind, digest in _records(fnd_ws))
    done = releases.export(fnd_ws, reports.prepare(fnd_ws, parse_period(QUARTER)), tmp_path / "q1.json")
    assert done.first_time


# --- append-only logs through links ---------------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_the_erasure_ledger_is_not_written_through_a_link(
    fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path
) -> None:
    woman = add_women(fnd_ws, 1)[0]
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("hers\n")
    ledger = fnd_folder / "erasures.jsonl"
    ledger.unlink(missing_ok=True)
    ledger.symlink_to(elsewhere)
    with pytest.raises(UserError, match="not a regular file"):
        cases.erase_identity(fnd_ws, woman)
    assert elsewhere.read_text() == "hers\n"
    assert cases.get_case(fnd_ws, woman).identity is not None  # nothing erased without its line


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_the_release_log_is_not_read_or_written_through_a_link(
    fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path
) -> None:
    add_women(fnd_ws, 12)
    elsewhere = tmp_path / "elsewhere.jsonl"
    elsewhere.write_text("")
    (fnd_folder / "releases").mkdir(exist_ok=True)
    (fnd_folder / "releases" / "log.jsonl").symlink_to(elsewhere)
    with pytest.raises(UserError, match="not a regular file"):
        releases.export(fnd_ws, reports.prepare(fnd_ws, parse_period(QUARTER)), tmp_path / "q1.json")
    assert elsewhere.read_text() == ""
    assert _records(fnd_ws) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_in_place_of_the_ledger_is_refused_without_hanging(
    fnd_ws: Workspace, fnd_folder: Path
) -> None:
    woman = add_women(fnd_ws, 1)[0]
    ledger = fnd_folder / "erasures.jsonl"
    ledger.unlink(missing_ok=True)
    os.mkfifo(ledger)
    with pytest.raises(UserError, match="not a regular file"):
        cases.erase_identity(fnd_ws, woman)


def test_without_o_nofollow_a_link_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Windows path (no O_NOFOLLOW): lstat before, st_dev/st_ino compared after."""
    from app import fs

    if not hasattr(os, "symlink"):
        pytest.skip("needs symbolic links")
    monkeypatch.delattr(os, "O_NOFOLLOW", raising=False)
    target = tmp_path / "target"
    target.write_text("x")
    link = tmp_path / "link"
    link.symlink_to(target)
    with pytest.raises(fs.NotARegularFile):
        fs.append_line(link, b"line")
    fs.append_line(tmp_path / "new.jsonl", b"line")  # a new file and a regular one are fine
    fs.append_line(tmp_path / "new.jsonl", b"two")
    assert (tmp_path / "new.jsonl").read_bytes() == b"line\ntwo\n"
    assert target.read_text() == "x"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_restore_with_a_linked_release_log_is_refused_before_the_swap(
    fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path
) -> None:
    saved = backup.make_backup(fnd_ws, tmp_path / "usb")
    elsewhere = tmp_path / "elsewhere.jsonl"
    elsewhere.write_text("")
    (fnd_folder / "releases").mkdir(exist_ok=True)
    (fnd_folder / "releases" / "log.jsonl").symlink_to(elsewhere)
    before = (fnd_folder / "ascolto.db").stat().st_ino
    with pytest.raises(UserError, match="not a regular file"):
        backup.restore_backup(fnd_ws, saved.path, ADMIN, password=ADMIN_PW)
    assert fnd_ws.is_unlocked and (fnd_folder / "ascolto.db").stat().st_ino == before


def test_verify_lists_a_release_log_line_that_does_not_verify(fnd_ws: Workspace, fnd_folder: Path) -> None:
    from app.services.maintenance import verify

    assert verify(fnd_ws).checks["release_log"] == []
    _forge(fnd_folder, QUARTER, "2025-01-01", "2025-03-31", [1])
    problems = verify(fnd_ws).checks["release_log"]
    assert len(problems) == 1 and QUARTER in problems[0] and "does not verify" in problems[0]
