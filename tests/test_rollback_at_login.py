"""Rollbacks of the data folder are seen at login (issue #23, item 3).

Bruna, an operatrice with write access to the data folder, keeps a copy of `ascolto.db` and `keyslots.json`
(what every backup holds). After an erasure and her revocation she copies them back over the live ones and
deletes `audit-head.json`. Before the fix the erased woman and her account came back and nothing said so,
not even `verify`. Each test is that attack on a real encrypted folder, through the services and the CLI.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models.accounts import Setting
from app.models.audit import AuditEvent
from app.models.cases import Case
from app.services import accounts, cases
from app.services.errors import WrongCredentials
from app.services.workspace import Workspace
from tests.foundation_fixtures import ADMIN, ADMIN_PW, FAST_KDF, NEW_PW, OTHER_PW, run_cli

pytest_plugins = ["tests.foundation_fixtures"]

FILES = ("ascolto.db", "keyslots.json")


def _case(ws: Workspace, surname: str) -> int:
    return cases.open_case(
        ws,
        cases.IdentityInput("Giulia", surname),
        cases.ProfileInput(birth_year=1985, country="IT"),
        cases.ConsentInput(("TRATTAMENTO",), date(2025, 3, 1)),
        opened_on=date(2025, 3, 1),
    ).id


def _identity_present(ws: Workspace, case_id: int) -> bool:
    with ws.transaction(write=False) as session:
        case = session.get_one(Case, case_id)
        return case.identity is not None


def _actions(ws: Workspace) -> list[str]:
    with ws.transaction(write=False) as session:
        return list(session.scalars(select(AuditEvent.action)))


@pytest.fixture
def rolled_back(fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path) -> tuple[Path, int]:
    """The folder after the attack; returns it and the id of the woman erased before it."""
    desk = accounts.add_help_desk(fnd_ws, "Sportello Nord", town="Treviglio")
    accounts.add_operator(fnd_ws, "bruna", "Bruna Verdi", "operatrice", desk.id, OTHER_PW, kdf=FAST_KDF)
    woman = _case(fnd_ws, "Bianchi")
    fnd_ws.lock()
    old = tmp_path / "old"  # her copy, taken while the folder is closed (what a backup holds)
    old.mkdir()
    for name in FILES:
        shutil.copy2(fnd_folder / name, old / name)
    fnd_ws.unlock(ADMIN, ADMIN_PW)
    cases.erase_identity(fnd_ws, woman)
    accounts.revoke_operator(fnd_ws, "bruna")
    fnd_ws.close()
    for name in FILES:  # the attack
        shutil.copy2(old / name, fnd_folder / name)
    (fnd_folder / "audit-head.json").unlink()
    return fnd_folder, woman


def test_the_revoked_operatrice_cannot_use_a_rolled_back_folder(rolled_back: tuple[Path, int]) -> None:
    folder, _ = rolled_back
    with Workspace.open(folder) as ws, pytest.raises(WrongCredentials):
        ws.unlock("bruna", OTHER_PW)  # her revocation is applied again before she sees anything
        ws.lock()


def test_the_rollback_is_shown_audited_and_the_erasure_applied_again(rolled_back: tuple[Path, int]) -> None:
    folder, woman = rolled_back
    with Workspace.open(folder) as ws:
        result = ws.unlock(ADMIN, ADMIN_PW)
        assert result.notices, "the administrator is told at login"
        text = " ".join(n.text() for n in result.notices)
        assert "audit-head.json" in text and "erasures.jsonl" in text
        assert not _identity_present(ws, woman)
        assert "rollback.detected" in _actions(ws)
        assert not any(o.username == "bruna" and o.active for o in accounts.list_operators(ws))
        ws.lock()
        assert not ws.unlock(ADMIN, ADMIN_PW).notices  # said once, not at every login


def test_a_rollback_with_the_ledger_deleted_too_is_shown(rolled_back: tuple[Path, int]) -> None:
    folder, _ = rolled_back
    (folder / "erasures.jsonl").unlink()
    with Workspace.open(folder) as ws:
        result = ws.unlock(ADMIN, ADMIN_PW)
        assert any("audit-head.json" in n.text() for n in result.notices)
        assert "rollback.detected" in _actions(ws)


def test_an_operatrice_finds_it_first_the_administrator_is_still_told(
    fnd_ws: Workspace, fnd_folder: Path
) -> None:
    desk = accounts.add_help_desk(fnd_ws, "Sportello Nord", town="Treviglio")
    accounts.add_operator(fnd_ws, "bruna", "Bruna Verdi", "operatrice", desk.id, OTHER_PW, kdf=FAST_KDF)
    fnd_ws.close()
    (fnd_folder / "audit-head.json").unlink()
    with Workspace.open(fnd_folder) as ws:
        assert not ws.unlock("bruna", OTHER_PW).notices  # an operatrice is not shown findings
    with Workspace.open(fnd_folder) as ws:
        assert ws.unlock(ADMIN, ADMIN_PW).notices


def test_the_command_line_prints_the_findings(rolled_back: tuple[Path, int], tmp_path: Path) -> None:
    folder, _ = rolled_back
    done = run_cli(
        ["verify", "--data-dir", str(folder), "--user", ADMIN, "--password-stdin"], tmp_path, ADMIN_PW
    )
    assert "audit-head.json" in done.stderr, done.stderr


def test_an_ordinary_login_has_no_findings(fnd_ws: Workspace) -> None:
    fnd_ws.lock()
    assert fnd_ws.unlock(ADMIN, ADMIN_PW).notices == ()
    accounts.rekey_now(fnd_ws)
    fnd_ws.lock()
    assert fnd_ws.unlock(ADMIN, ADMIN_PW).notices == ()


def test_a_key_file_older_than_the_database_generation_is_a_finding(
    fnd_ws: Workspace, fnd_folder: Path
) -> None:
    accounts.rekey_now(fnd_ws)
    fnd_ws.close()
    path = fnd_folder / "keyslots.json"
    data = json.loads(path.read_bytes())
    data["generation"] = 1
    path.write_text(json.dumps(data))
    with Workspace.open(fnd_folder) as ws:
        assert any("keyslots.json" in n.text() for n in ws.unlock(ADMIN, ADMIN_PW).notices)


def test_the_restore_notice_is_shown_once_to_each_administrator(fnd_ws: Workspace) -> None:
    desk = accounts.list_help_desks(fnd_ws)[0]
    accounts.add_operator(fnd_ws, "carla", "Carla Neri", "amministratrice", desk.id, NEW_PW, kdf=FAST_KDF)
    accounts.add_operator(fnd_ws, "bruna", "Bruna Verdi", "operatrice", desk.id, OTHER_PW, kdf=FAST_KDF)
    notice = {"restored_at": "2026-12-01T10:00:00", "backup_made_at": "2026-11-20T18:30:00"}
    with fnd_ws.transaction() as session:
        session.add(Setting(key="restore.unverified_notice", value=json.dumps(notice)))
    fnd_ws.lock()
    assert not fnd_ws.unlock("bruna", OTHER_PW).notices
    fnd_ws.lock()
    first = fnd_ws.unlock(ADMIN, ADMIN_PW).notices
    assert any("2026-11-20" in n.text() and "2026-12-01" in n.text() for n in first)
    fnd_ws.lock()
    assert not fnd_ws.unlock(ADMIN, ADMIN_PW).notices
    fnd_ws.lock()
    assert any("2026-11-20" in n.text() for n in fnd_ws.unlock("carla", NEW_PW).notices)


def test_a_rollback_that_keeps_the_newer_head_file_is_shown(
    fnd_ws: Workspace, fnd_folder: Path, tmp_path: Path
) -> None:
    """The same copy put back without touching audit-head.json: the file saw a longer chain."""
    fnd_ws.lock()
    old = tmp_path / "old"
    old.mkdir()
    for name in FILES:
        shutil.copy2(fnd_folder / name, old / name)
    fnd_ws.unlock(ADMIN, ADMIN_PW)
    _case(fnd_ws, "Nuova")
    fnd_ws.close()
    for name in FILES:
        shutil.copy2(old / name, fnd_folder / name)
    with Workspace.open(fnd_folder) as ws:
        notices = ws.unlock(ADMIN, ADMIN_PW).notices
        assert any("older than the audit trail audit-head.json saw" in n.text() for n in notices)
        ws.lock()
        assert not ws.unlock(ADMIN, ADMIN_PW).notices  # reported once
