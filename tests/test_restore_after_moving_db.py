"""A revoked administrator restores her way back (issue #23, item 2): she moves the database out of the way,
deletes the erasure ledger and restores a backup from before her revocation. Each attack runs through the
command line or the services on a real encrypted folder, and succeeded against the code before the fix."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.models.accounts import Setting
from app.services import accounts, backup, cases
from app.services.errors import UserError
from app.services.settings import RESTORE_NOTICE
from app.services.workspace import Workspace
from tests.foundation_fixtures import ADMIN, ADMIN_PW, FAST_KDF, NEW_PW, OTHER_PW, THIRD_PW, run_cli

pytest_plugins = ["tests.foundation_fixtures"]

DAY = date.today() - timedelta(days=30)


def _woman(ws: Workspace, first: str) -> int:
    return cases.open_case(
        ws,
        cases.IdentityInput(first, "Prova", phone="3331234567"),
        cases.ProfileInput(birth_year=1985, country="IT"),
        cases.ConsentInput(("TRATTAMENTO",), DAY),
        opened_on=DAY,
    ).id


@pytest.fixture
def before_revocation(fnd_ws: Workspace, tmp_path: Path) -> Path:
    """Bruna, an administrator, is in a backup; afterwards Erika is erased and Bruna revoked."""
    accounts.add_operator(fnd_ws, "bruna", "Bruna Verdi", "amministratrice", None, OTHER_PW, kdf=FAST_KDF)
    desk = accounts.add_help_desk(fnd_ws, "Sportello Nord", town="Treviglio")
    accounts.add_operator(fnd_ws, "carla", "Carla Neri", "operatrice", desk.id, THIRD_PW, kdf=FAST_KDF)
    erika = _woman(fnd_ws, "Erika")
    saved = backup.make_backup(fnd_ws, tmp_path / "usb").path
    cases.erase_identity(fnd_ws, erika)
    accounts.revoke_operator(fnd_ws, "bruna")
    fnd_ws.close()
    return saved


def _move_the_database_away(folder: Path) -> None:
    (folder / "ascolto.db").rename(folder / "vecchio.db")
    (folder / "erasures.jsonl").unlink()


def test_she_cannot_restore_after_moving_the_database_away(before_revocation: Path, fnd_folder: Path) -> None:
    _move_the_database_away(fnd_folder)
    done = run_cli(
        ["restore", str(before_revocation), "--user", "bruna", "--password-stdin"], fnd_folder, OTHER_PW
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "current" in done.stderr and "Nothing was changed" in done.stderr
    assert not (fnd_folder / "ascolto.db").exists()  # nothing restored
    (fnd_folder / "vecchio.db").rename(fnd_folder / "ascolto.db")
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        assert cases.search_cases(ws, "erika").total == 0
        assert not next(o for o in accounts.list_operators(ws) if o.username == "bruna").active


def test_deleting_the_key_file_too_does_not_make_the_folder_new(
    before_revocation: Path, fnd_folder: Path
) -> None:
    _move_the_database_away(fnd_folder)
    (fnd_folder / "keyslots.json").unlink()  # the attempts record, the audit head... still show earlier use
    with Workspace.reserve(fnd_folder) as ws, pytest.raises(UserError, match="key file"):
        backup.restore_backup(ws, before_revocation, "bruna", password=OTHER_PW)
    assert not (fnd_folder / "ascolto.db").exists()


def test_a_current_operatrice_cannot_restore_when_the_database_is_missing(
    before_revocation: Path, fnd_folder: Path
) -> None:
    """Carla's password opens a current slot, but she is no administrator in the backup."""
    _move_the_database_away(fnd_folder)
    with Workspace.reserve(fnd_folder) as ws, pytest.raises(UserError, match="current"):
        backup.restore_backup(ws, before_revocation, "carla", password=THIRD_PW)
    assert not (fnd_folder / "ascolto.db").exists()


def _notice(ws: Workspace) -> dict[str, object]:
    with ws.transaction(write=False) as session:
        setting = session.get(Setting, RESTORE_NOTICE.key)
        assert setting is not None
        value: dict[str, object] = json.loads(setting.value)
    return value


def test_a_current_administrator_restores_with_the_database_missing_and_it_is_announced(
    before_revocation: Path, fnd_folder: Path
) -> None:
    _move_the_database_away(fnd_folder)
    with Workspace.reserve(fnd_folder) as ws:
        result = backup.restore_backup(ws, before_revocation, ADMIN, password=ADMIN_PW)
        assert result.authorised_by == "current-slots"
        notice = _notice(ws)
    assert notice["restored_at"] and notice["backup_made_at"]
    assert notice["authorised_by"] == "current-slots"


def test_a_new_pc_restore_stays_possible_and_is_announced(before_revocation: Path, tmp_path: Path) -> None:
    new_pc = tmp_path / "new-pc"
    done = run_cli(["restore", str(before_revocation), "--user", ADMIN, "--password-stdin"], new_pc, ADMIN_PW)
    assert done.returncode == 0, done.stderr
    assert "every administrator" in done.stdout.lower()
    with Workspace.open(new_pc) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        notice = _notice(ws)
    assert notice["authorised_by"] == "backup"
    assert str(notice["backup_made_at"]).startswith(str(date.today().year))
    assert isinstance(notice.get("backup_audit_events"), int)


def test_the_whole_folder_emptied_is_a_new_pc_and_announced(
    before_revocation: Path, fnd_folder: Path
) -> None:
    """What she can still do: empty the folder completely. It is then announced, not silent."""
    shutil.rmtree(fnd_folder)
    fnd_folder.mkdir()
    with Workspace.reserve(fnd_folder) as ws:
        result = backup.restore_backup(ws, before_revocation, "bruna", password=OTHER_PW)
        assert result.authorised_by == "backup"
        assert _notice(ws)["authorised_by"] == "backup"


def test_the_current_recovery_key_restores_with_the_database_missing(
    before_revocation: Path, fnd_folder: Path, fnd_recovery_key: str
) -> None:
    """The recovery key opens the current key file's recovery slot: it counts, and it is announced."""
    _move_the_database_away(fnd_folder)
    with Workspace.reserve(fnd_folder) as ws:
        result = backup.restore_backup(
            ws, before_revocation, ADMIN, recovery_key=fnd_recovery_key, new_password=NEW_PW
        )
        assert result.authorised_by == "current-slots"
        assert _notice(ws)["restored_by"] == ADMIN
