"""Restore and erasure against an insider (issue #13, items 2, 11, 12): each test is the attack, through the
CLI or the services, and it succeeded against the code before the fix."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.crypto import keyslots
from app.crypto.keyslots import KeyStore
from app.models.audit import AuditEvent
from app.services import accounts, backup, cases
from app.services.errors import LoginDelayed, UserError, ValidationError, WrongCredentials
from app.services.workspace import Workspace
from tests.foundation_fixtures import ADMIN, ADMIN_PW, FAST_KDF, NEW_PW, OTHER_PW, WRONG_PW, run_cli

pytest_plugins = ["tests.foundation_fixtures"]

DAY = date.today() - timedelta(days=30)


def _woman(ws: Workspace, first: str, *scopes: str) -> int:
    return cases.open_case(
        ws,
        cases.IdentityInput(first, "Prova", phone="3331234567"),
        cases.ProfileInput(birth_year=1985, country="IT"),
        cases.ConsentInput(("TRATTAMENTO", *scopes), DAY),
        opened_on=DAY,
    ).id


def _found(ws: Workspace, name: str) -> int:
    return cases.search_cases(ws, name).total


@pytest.fixture
def team(fnd_ws: Workspace) -> Workspace:
    desk = accounts.add_help_desk(fnd_ws, "Sportello Nord", town="Treviglio")
    accounts.add_operator(fnd_ws, "bruna", "Bruna Verdi", "operatrice", desk.id, OTHER_PW, kdf=FAST_KDF)
    return fnd_ws


# --- who may restore ----------------------------------------------------------------------------------------
def test_an_operatrice_cannot_roll_the_database_back(
    team: Workspace, fnd_folder: Path, tmp_path: Path
) -> None:
    saved = backup.make_backup(team, tmp_path / "usb")  # her slot is in it: her password opens it
    _woman(team, "Nuova")
    team.close()
    done = run_cli(["restore", str(saved.path), "--user", "bruna", "--password-stdin"], fnd_folder, OTHER_PW)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "administrators" in done.stderr
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        assert _found(ws, "nuova") == 1  # nothing rolled back


def test_a_revoked_administrator_cannot_restore_with_her_old_password(
    fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path
) -> None:
    accounts.add_operator(fnd_ws, "bruna", "Bruna Verdi", "amministratrice", None, OTHER_PW, kdf=FAST_KDF)
    saved = backup.make_backup(fnd_ws, tmp_path / "usb")
    accounts.revoke_operator(fnd_ws, "bruna")
    fnd_ws.close()
    with Workspace.open(fnd_folder) as ws, pytest.raises(UserError, match="administrators"):
        backup.restore_backup(ws, saved.path, "bruna", password=OTHER_PW)
    # She deletes the key file so that no current database can be read: the folder was in use, so nobody's
    # current password can be checked and the restore is refused (issue #23, item 2).
    slots = (fnd_folder / "keyslots.json").read_bytes()
    (fnd_folder / "keyslots.json").unlink()
    with Workspace.reserve(fnd_folder) as ws, pytest.raises(UserError, match="key file"):
        backup.restore_backup(ws, saved.path, "bruna", password=OTHER_PW)
    # With the database moved away, even a current administrator's password does not let Bruna's old one
    # open the backup: the ledger beside the database still knows she was revoked.
    (fnd_folder / "keyslots.json").write_bytes(slots)
    (fnd_folder / "ascolto.db").rename(fnd_folder / "moved.db")
    with Workspace.reserve(fnd_folder) as ws, pytest.raises(UserError, match="revoked after this backup"):
        backup.restore_backup(
            ws, saved.path, "bruna", password=OTHER_PW, current=backup.Credentials(ADMIN, ADMIN_PW)
        )


def test_restoring_a_backup_older_than_a_revocation_revokes_her_again(
    team: Workspace, fnd_folder: Path, tmp_path: Path
) -> None:
    saved = backup.make_backup(team, tmp_path / "usb")
    accounts.revoke_operator(team, "bruna")
    result = backup.restore_backup(team, saved.path, ADMIN, password=ADMIN_PW)
    assert not next(o for o in accounts.list_operators(team) if o.username == "bruna").active
    assert result.revocations_reapplied == 1
    team.close()
    with Workspace.open(fnd_folder) as ws, pytest.raises(WrongCredentials):
        ws.unlock("bruna", OTHER_PW)
    # the copy the restore kept aside was re-encrypted or deleted by the re-key: her slot opens nothing
    for slots in (fnd_folder / "backups").glob("replaced-*/keyslots.json"):
        with pytest.raises(keyslots.WrongCredentials):
            KeyStore.load(slots).unlock("bruna", OTHER_PW)


def test_failed_restores_are_throttled_and_audited(
    fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path
) -> None:
    saved = backup.make_backup(fnd_ws, tmp_path / "usb")
    fnd_ws.close()
    with Workspace.open(fnd_folder) as ws:
        for _ in range(4):
            with pytest.raises(UserError, match="administrators"):
                backup.restore_backup(ws, saved.path, ADMIN, password=WRONG_PW)
        with pytest.raises(LoginDelayed):  # the fifth guess waits, like a login
            backup.restore_backup(ws, saved.path, ADMIN, password=ADMIN_PW)
        time.sleep(2.3)
        ws.unlock(ADMIN, ADMIN_PW)
        with ws.transaction(write=False) as session:
            failed = session.scalars(select(AuditEvent).where(AuditEvent.action == "login.failed")).all()
        assert len(failed) >= 4


# --- the file itself -------------------------------------------------------------------------------------------
def _limited_cli(
    args: list[str], home: Path, password: str, max_file_bytes: int
) -> subprocess.CompletedProcess[str]:
    """The CLI in a process that cannot write any file larger than `max_file_bytes`."""

    def limit() -> None:
        import resource  # POSIX only: the tests that use it skip on Windows

        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    env = {**os.environ, "ASCOLTO_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        input=password + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        preexec_fn=limit,  # only setrlimit runs between fork and exec
    )


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX only")
def test_a_zip_bomb_is_refused_without_filling_the_disk(
    fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path
) -> None:
    saved = backup.make_backup(fnd_ws, tmp_path / "usb")
    fnd_ws.close()
    size = 96 * 1024 * 1024
    zeros = b"\0" * size
    with zipfile.ZipFile(saved.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        slots = archive.read("keyslots.json")
    manifest.update(db_bytes=size, db_sha256=hashlib.sha256(zeros).hexdigest())
    bomb = tmp_path / "bomb.ascbak"
    with zipfile.ZipFile(bomb, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("ascolto.db", zeros, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
        archive.writestr("keyslots.json", slots)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    done = _limited_cli(
        ["restore", str(bomb), "--user", ADMIN, "--password-stdin"], fnd_folder, ADMIN_PW, 16 * 1024 * 1024
    )
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "damaged" in done.stderr
    assert not list(fnd_folder.glob(".restore-*"))


def _rewrite_manifest(
    source: Path, target: Path, change: dict[str, object], drop: tuple[str, ...] = ()
) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest.update(change)
                for key in drop:
                    manifest.pop(key, None)
                data = json.dumps(manifest).encode()
            zout.writestr(item, data)


@pytest.mark.parametrize(
    ("change", "drop"),
    [({"created_at": "2031-01-01T00:00:00+00:00"}, ()), ({}, ("mac",))],
    ids=["date-moved", "tag-stripped"],
)
def test_a_tampered_manifest_is_refused(
    fnd_ws: Workspace, tmp_path: Path, change: dict[str, object], drop: tuple[str, ...]
) -> None:
    saved = backup.make_backup(fnd_ws, tmp_path / "usb")
    forged = tmp_path / "forged.ascbak"
    _rewrite_manifest(saved.path, forged, change, drop)
    with pytest.raises(UserError, match="altered"):
        backup.restore_backup(fnd_ws, forged, ADMIN, password=ADMIN_PW)
    assert fnd_ws.is_unlocked  # refused before the session was touched


# --- erasures outlive restores -----------------------------------------------------------------------------------
@pytest.mark.parametrize("ledger_deleted", [False, True], ids=["ledger-kept", "ledger-file-deleted"])
def test_erasures_and_withdrawals_come_back_after_restoring_an_older_backup(
    fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path, ledger_deleted: bool
) -> None:
    erika = _woman(fnd_ws, "Erika")
    wanda = _woman(fnd_ws, "Wanda")
    clara = _woman(fnd_ws, "Clara", "CONTATTO_SICURO")
    saved = backup.make_backup(fnd_ws, tmp_path / "usb")
    today = date.today()
    cases.erase_identity(fnd_ws, erika)
    cases.record_consent(fnd_ws, wanda, "TRATTAMENTO", False, today)
    cases.record_consent(fnd_ws, clara, "CONTATTO_SICURO", False, today)
    if ledger_deleted:
        (fnd_folder / "erasures.jsonl").unlink()
    result = backup.restore_backup(fnd_ws, saved.path, ADMIN, password=ADMIN_PW)
    assert _found(fnd_ws, "erika") == 0 and _found(fnd_ws, "wanda") == 0
    assert result.erasures_reapplied == 3
    assert cases.get_case(fnd_ws, erika).identity is None
    assert cases.get_case(fnd_ws, wanda).identity is None
    assert not cases.get_case(fnd_ws, wanda).processing_consent
    assert not cases.get_case(fnd_ws, clara).contact_allowed  # her "do not contact" holds again
    assert _found(fnd_ws, "clara") == 1
    assert (fnd_folder / "erasures.jsonl").exists()  # written again whole
    # a second restore re-applies nothing new: already erased
    again = backup.restore_backup(fnd_ws, saved.path, ADMIN, password=ADMIN_PW)
    assert again.erasures_reapplied == 3 and _found(fnd_ws, "erika") == 0


def test_a_forged_ledger_line_erases_nobody(fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path) -> None:
    erika = _woman(fnd_ws, "Erika")
    other = _woman(fnd_ws, "Olga")
    saved = backup.make_backup(fnd_ws, tmp_path / "usb")
    cases.erase_identity(fnd_ws, erika)
    ledger = fnd_folder / "erasures.jsonl"
    line = json.loads(ledger.read_text().splitlines()[0])
    line["case"] = other  # the same tag and mac, pointed at another woman
    with ledger.open("a") as handle:
        handle.write(json.dumps(line) + "\n")
    result = backup.restore_backup(fnd_ws, saved.path, ADMIN, password=ADMIN_PW)
    assert result.ledger_unchecked == 1 and result.erasures_reapplied == 1
    assert _found(fnd_ws, "olga") == 1


def test_an_erased_identity_comes_back_only_with_a_new_consent(fnd_ws: Workspace) -> None:
    erika = _woman(fnd_ws, "Erika")
    cases.erase_identity(fnd_ws, erika)
    with pytest.raises(ValidationError, match="new consent"):
        cases.update_identity(fnd_ws, erika, cases.IdentityInput("Erika", "Prova"))
    cases.record_consent(fnd_ws, erika, "TRATTAMENTO", True, date.today())
    cases.update_identity(fnd_ws, erika, cases.IdentityInput("Erika", "Prova"))
    assert _found(fnd_ws, "erika") == 1


# --- copies under an old key -----------------------------------------------------------------------------------
def test_copies_under_the_old_key_are_reencrypted_or_deleted_by_a_rekey(
    team: Workspace, fnd_folder: Path, tmp_path: Path
) -> None:
    saved = backup.make_backup(team, tmp_path / "usb")
    backup.restore_backup(
        team, saved.path, ADMIN, password=ADMIN_PW
    )  # keeps replaced-* aside, bruna's slot in it
    (stale := fnd_folder / "backups" / "pre-upgrade-0001-20200101T000000Z.db").write_bytes(b"\0" * 4096)
    team.close()
    done = run_cli(["rekey", "--user", ADMIN, "--password-stdin"], fnd_folder, ADMIN_PW)
    assert done.returncode == 0, done.stderr
    assert "1 re-encrypted under the new key, 1 deleted" in done.stdout
    assert not stale.exists()
    aside = next((fnd_folder / "backups").glob("replaced-*"))
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        accounts.revoke_operator(ws, "bruna")
    with pytest.raises(keyslots.WrongCredentials):  # re-encrypted again, with the slots of active accounts
        KeyStore.load(aside / "keyslots.json").unlock("bruna", OTHER_PW)
    KeyStore.load(aside / "keyslots.json").unlock(ADMIN, ADMIN_PW)


def test_the_cli_restore_with_her_current_password_and_the_backups(
    fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path
) -> None:
    """Her password changed since the backup: the current one authorises, the old one opens the backup,
    and the CLI says what was applied again."""
    erika = _woman(fnd_ws, "Erika")
    saved = backup.make_backup(fnd_ws, tmp_path / "usb")
    accounts.change_own_password(fnd_ws, ADMIN_PW, NEW_PW, kdf=FAST_KDF)
    cases.erase_identity(fnd_ws, erika)
    fnd_ws.close()
    args = ["restore", str(saved.path), "--user", ADMIN, "--password-stdin"]
    refused = run_cli(args, fnd_folder, ADMIN_PW)  # the old password is no longer hers in this database
    assert refused.returncode == 1 and "administrators" in refused.stderr
    done = run_cli([*args, "--current-user", ADMIN], fnd_folder, f"{NEW_PW}\n{ADMIN_PW}")
    assert done.returncode == 0, done.stderr
    assert "applied again: 1." in done.stdout
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)  # the restored database has the passwords of the backup's time
        assert _found(ws, "erika") == 0
