"""A slot with a rightful id planted by an insider (issue #23, item 1).

Bruna, an operatrice, reads the administrator's slot id (and the recovery slot's) from the database she
can open, and appends to the slot file a slot with that id and a secret of her own. Before slots were bound
to their owners the re-key at her revocation kept slots by id: hers was kept, and she came back in as the
administrator. Each test is the attack on a real encrypted folder, through the services and the CLI.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from unittest import mock

import pytest

from app.crypto import keyslots
from app.crypto.keyslots import DataKey, KeyStore
from app.services import accounts, cases
from app.services.errors import UserError, WrongCredentials
from app.services.maintenance import verify
from app.services.workspace import RECOVERY_SLOT_SETTING, Workspace
from app.storage import database
from tests.foundation_fixtures import ADMIN, ADMIN_PW, FAST_KDF, NEW_PW, OTHER_PW, run_cli

pytest_plugins = ["tests.foundation_fixtures"]

PLANTED_SECRET = "la mia porta sul retro segreta"


@pytest.fixture
def team(fnd_ws: Workspace, fnd_folder: Path) -> Iterator[Path]:
    desk = accounts.add_help_desk(fnd_ws, "Sportello Nord", town="Treviglio")
    accounts.add_operator(fnd_ws, "bruna", "Bruna Verdi", "operatrice", desk.id, OTHER_PW, kdf=FAST_KDF)
    fnd_ws.close()
    yield fnd_folder


def _slot_ids(folder: Path, key: DataKey) -> tuple[str, str]:
    """What bruna reads with the key her session held: anna's slot id and the recovery slot's."""
    with database.raw_connection(folder / "ascolto.db", key) as connection:
        anna = connection.execute("SELECT slot_id FROM operator WHERE username = ?", (ADMIN,)).fetchone()
        recovery = connection.execute(
            "SELECT value FROM setting WHERE key = ?", (RECOVERY_SLOT_SETTING,)
        ).fetchone()
    return str(anna[0]), str(recovery[0])


@contextmanager
def _chosen_id(slot_id: str) -> Iterator[None]:
    """Her own copy of the slot library makes a slot with the id she chose."""
    with mock.patch.object(keyslots.secrets, "token_hex", lambda _n=None: slot_id):
        yield


def _plant(folder: Path, identity: str, secret: str, slot_id: str, key: DataKey) -> None:
    """A slot with a rightful id and her own secret, appended to the file (her key file library)."""
    data = json.loads((folder / "keyslots.json").read_bytes())
    scratch = KeyStore(folder / "keyslots.json", data["database_id"], keyslots._unb64(data["salt"]), [])
    with _chosen_id(slot_id):
        scratch.add_slot(identity, secret, [key], FAST_KDF)
    data["slots"].extend(json.loads(scratch.to_bytes())["slots"])
    (folder / "keyslots.json").write_text(json.dumps(data))


def _bruna_plants(folder: Path, recovery_secret: str) -> None:
    """While still an operatrice: log in, read the ids, plant one slot under anna's and one under the
    recovery key's, each holding the data key."""
    with Workspace.open(folder) as ws:
        ws.unlock("bruna", OTHER_PW)
        key = DataKey(ws.data_key.raw(), ws.data_key.generation)
    anna_slot, recovery_slot = _slot_ids(folder, key)
    _plant(folder, ADMIN, PLANTED_SECRET, anna_slot, key)
    _plant(folder, keyslots.RECOVERY_IDENTITY, recovery_secret, recovery_slot, key)


def _new_case(ws: Workspace, surname: str) -> int:
    return cases.open_case(
        ws,
        cases.IdentityInput("Giulia", surname),
        cases.ProfileInput(birth_year=1985, country="IT"),
        cases.ConsentInput(("TRATTAMENTO",), date(2025, 3, 1)),
        opened_on=date(2025, 3, 1),
    ).id


def test_a_slot_with_the_administrators_id_does_not_survive_revocation(team: Path) -> None:
    planted_recovery = keyslots.generate_recovery_key()
    _bruna_plants(team, planted_recovery)
    with Workspace.open(team) as ws:
        ws.unlock(ADMIN, ADMIN_PW)  # anna's own slot still opens
        problems = verify(ws).checks["key_slots"]
        assert any("more than once" in p for p in problems), problems  # verify names the duplicates
        accounts.revoke_operator(ws, "bruna")
        _new_case(ws, "Dopo")
        assert verify(ws).checks["key_slots"] == []
    with Workspace.open(team) as ws, pytest.raises(WrongCredentials):
        ws.unlock(ADMIN, PLANTED_SECRET)  # she cannot log in as the administrator
    store = KeyStore.load(team / "keyslots.json")
    for identity, secret in ((ADMIN, PLANTED_SECRET), (keyslots.RECOVERY_IDENTITY, planted_recovery)):
        with pytest.raises(keyslots.WrongCredentials):
            store.unlock(identity, secret)  # nor open the new key with her slots
    assert len(store.slot_ids()) == 2  # anna's and the recovery key's


def test_a_slot_with_the_recovery_id_does_not_survive_revocation(team: Path) -> None:
    planted_recovery = keyslots.generate_recovery_key()
    _bruna_plants(team, planted_recovery)
    with Workspace.open(team) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        accounts.revoke_operator(ws, "bruna")
    with Workspace.open(team) as ws, pytest.raises(UserError):
        ws.recover(planted_recovery, ADMIN, NEW_PW)


def test_a_planted_slot_does_not_open_before_the_revocation_either(team: Path) -> None:
    """The slot that opened must be the one the database records for the account, not one with its id."""
    planted_recovery = keyslots.generate_recovery_key()
    _bruna_plants(team, planted_recovery)
    with Workspace.open(team) as ws, pytest.raises(WrongCredentials):
        ws.unlock(ADMIN, PLANTED_SECRET)
    with Workspace.open(team) as ws, pytest.raises(UserError):
        ws.recover(planted_recovery, ADMIN, NEW_PW)
    with Workspace.open(team) as ws:  # the refusal was put on record
        ws.unlock(ADMIN, ADMIN_PW)
        with ws.transaction(write=False) as session:
            from sqlalchemy import select

            from app.models.audit import AuditEvent

            actions = list(session.scalars(select(AuditEvent.action)))
        assert "login.slot_refused" in actions


def test_verify_names_duplicates_and_unknown_slots_on_the_command_line(team: Path, tmp_path: Path) -> None:
    _bruna_plants(team, keyslots.generate_recovery_key())
    store = KeyStore.load(team / "keyslots.json")
    with Workspace.open(team) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        store.add_slot("x", PLANTED_SECRET, [ws.data_key], FAST_KDF)  # and one nameless slot
    store.save()
    done = run_cli(
        ["verify", "--data-dir", str(team), "--user", ADMIN, "--password-stdin"], tmp_path, ADMIN_PW
    )
    assert "key_slots: FAILED" in done.stdout
    assert done.stdout.count("more than once") == 2, done.stdout  # anna's id and the recovery id
    assert "belongs to no active account" in done.stdout


@pytest.mark.parametrize("change", ["own", "reset", "recovery_key", "add", "recover", "rekey"])
def test_every_slot_change_keeps_the_binding(team: Path, fnd_recovery_key: str, change: str) -> None:
    """Set-up, password change and reset, a new recovery key, a new account, a recovery and a re-key all
    record the slot they make: logins keep working and verify stays clean."""
    with Workspace.open(team) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        password = ADMIN_PW
        if change == "own":
            accounts.change_own_password(ws, ADMIN_PW, NEW_PW, kdf=FAST_KDF)
            password = NEW_PW
        elif change == "reset":
            accounts.reset_password(ws, "bruna", NEW_PW, kdf=FAST_KDF)
        elif change == "recovery_key":
            fnd_recovery_key = accounts.regenerate_recovery_key(ws)
        elif change == "add":
            desk = accounts.list_help_desks(ws)[0]
            accounts.add_operator(ws, "carla", "Carla Neri", "operatrice", desk.id, NEW_PW, kdf=FAST_KDF)
        elif change == "rekey":
            accounts.rekey_now(ws)
        if change == "recover":
            ws.lock()
            ws.recover(fnd_recovery_key, ADMIN, NEW_PW)
            password = NEW_PW
        assert verify(ws).checks["key_slots"] == []
        accounts.revoke_operator(ws, "bruna") if change != "reset" else accounts.rekey_now(ws)
    with Workspace.open(team) as ws:
        ws.unlock(ADMIN, password)
        assert verify(ws).ok
        ws.lock()
        ws.recover(fnd_recovery_key, ADMIN, "unaltra chiave nuova di zecca")
        assert verify(ws).ok


def _forget_bindings(folder: Path) -> DataKey:
    """A folder made before slots were bound: the database records ids only. Returns the data key (which
    bruna holds while logged in)."""
    with Workspace.open(folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        with ws.transaction() as session:
            from sqlalchemy import delete

            from app.models.accounts import Setting

            session.execute(delete(Setting).where(Setting.key.startswith("slot_digest:")))
        return DataKey(ws.data_key.raw(), ws.data_key.generation)


def test_a_folder_made_before_binding_is_bound_at_the_next_login(team: Path) -> None:
    _forget_bindings(team)
    with Workspace.open(team) as ws:
        ws.unlock("bruna", OTHER_PW)  # any login binds the slots as they are
    with Workspace.open(team) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        assert verify(ws).checks["key_slots"] == []


def test_an_id_planted_before_binding_opens_for_nobody(team: Path, fnd_recovery_key: str) -> None:
    key = _forget_bindings(team)
    anna_slot, _ = _slot_ids(team, key)
    _plant(team, ADMIN, PLANTED_SECRET, anna_slot, key)  # the file now holds anna's id twice
    with Workspace.open(team) as ws:
        for secret in (PLANTED_SECRET, ADMIN_PW):
            with pytest.raises(WrongCredentials):
                ws.unlock(ADMIN, secret)
        ws.recover(fnd_recovery_key, ADMIN, NEW_PW)  # the recovery key gives anna a new, bound slot
        assert not any("more than once" in p for p in verify(ws).checks["key_slots"])
