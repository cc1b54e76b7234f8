"""Accounts: adding, changing passwords, revoking with key rotation, recovery keys, failed saves."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.crypto.keyslots import DataKey, KeyStore
from app.services import accounts
from app.services.errors import UserError, ValidationError, WrongCredentials
from app.services.workspace import Workspace
from app.storage import database
from app.storage.database import StorageError
from tests.foundation_fixtures import (
    ADMIN,
    ADMIN_PW,
    FAST_KDF,
    NEW_PW,
    OTHER_PW,
    THIRD_PW,
    snapshot,
)

pytest_plugins = ["tests.foundation_fixtures"]


def _generations(folder: Path) -> list[list[int]]:
    slots = json.loads((folder / "keyslots.json").read_bytes())["slots"]
    return [sorted(k["gen"] for k in slot["keys"]) for slot in slots]


def _unlocks(folder: Path, user: str, password: str) -> bool:
    with Workspace.open(folder) as workspace:
        try:
            workspace.unlock(user, password)
        except WrongCredentials:
            return False
        return True


def _add_team(ws: Workspace) -> int:
    desk = accounts.add_help_desk(ws, "Sportello Nord", town="Bergamo")
    accounts.add_operator(ws, "bruna", "Bruna Verdi", "operatrice", desk.id, OTHER_PW, kdf=FAST_KDF)
    accounts.add_operator(ws, "carla", "Carla Bianchi", "coordinatrice", None, THIRD_PW, kdf=FAST_KDF)
    return desk.id


def test_add_operator_and_help_desk(fnd_ws: Workspace) -> None:
    desk_id = _add_team(fnd_ws)
    operators = {o.username: o for o in accounts.list_operators(fnd_ws)}
    assert set(operators) == {ADMIN, "bruna", "carla"}
    assert (
        operators["bruna"].help_desk_id == desk_id and operators["bruna"].help_desk_name == "Sportello Nord"
    )
    with pytest.raises(ValidationError, match="taken"):
        accounts.add_operator(fnd_ws, "Bruna", "Other", "operatrice", desk_id, NEW_PW, kdf=FAST_KDF)
    with pytest.raises(ValidationError, match="help desk"):
        accounts.add_operator(fnd_ws, "dora", "Dora", "operatrice", None, NEW_PW, kdf=FAST_KDF)
    with pytest.raises(ValidationError, match="too short"):
        accounts.add_operator(fnd_ws, "dora", "Dora", "operatrice", desk_id, "breve", kdf=FAST_KDF)
    with pytest.raises(ValidationError, match="Unknown role"):
        accounts.add_operator(fnd_ws, "dora", "Dora", "capa", desk_id, NEW_PW, kdf=FAST_KDF)
    assert fnd_ws.keystore.slot_count == 4  # anna, recovery, bruna, carla: refused inputs left no slot
    fnd_ws.close()
    assert _unlocks(fnd_ws.folder, "bruna", OTHER_PW) and _unlocks(fnd_ws.folder, "carla", THIRD_PW)


def test_revoke_rotates_the_data_key(fnd_ws: Workspace, fnd_recovery_key: str) -> None:
    _add_team(fnd_ws)
    folder = fnd_ws.folder
    old_key = fnd_ws.data_key.raw()
    old_slots = (folder / "keyslots.json").read_bytes()  # what bruna could have copied before
    assert accounts.revoke_operator(fnd_ws, "bruna") == 2
    assert fnd_ws.data_key.raw() != old_key
    assert {o.username: o.active for o in accounts.list_operators(fnd_ws)}["bruna"] is False
    fnd_ws.close()

    with Workspace.open(folder) as workspace, pytest.raises(UserError) as info:
        workspace.unlock("bruna", OTHER_PW)
    assert type(info.value) is WrongCredentials
    with pytest.raises(StorageError) as storage:
        database.find_working_key(folder / "ascolto.db", [DataKey(old_key)])
    assert storage.value.reason == "undecryptable"
    # Her copy of the old slot file yields the old key, which opens nothing any more.
    stale = folder / "stale-keyslots.json"
    stale.write_bytes(old_slots)
    stale_keys = KeyStore.load(stale).unlock("bruna", OTHER_PW).data_keys
    stale.unlink()
    with pytest.raises(StorageError):
        database.find_working_key(folder / "ascolto.db", stale_keys)

    assert _generations(folder) == [[2], [2], [2]]  # anna, carla, recovery; one generation left
    for user, password in ((ADMIN, ADMIN_PW), ("carla", THIRD_PW)):
        with Workspace.open(folder) as workspace:
            workspace.unlock(user, password)
            assert workspace.data_key.generation == 2
            assert "Sportello Nord" in {d.name for d in accounts.list_help_desks(workspace)}
    with Workspace.open(folder) as workspace:
        workspace.recover(fnd_recovery_key, "carla", NEW_PW)  # the recovery slot learnt the new key too


def test_revoke_refuses_self_and_twice(fnd_ws: Workspace) -> None:
    _add_team(fnd_ws)
    with pytest.raises(ValidationError, match="your own account"):
        accounts.revoke_operator(fnd_ws, ADMIN)
    accounts.revoke_operator(fnd_ws, "bruna")
    with pytest.raises(ValidationError, match="already revoked"):
        accounts.revoke_operator(fnd_ws, "bruna")


def _staged_rotation(folder: Path, rekey: bool) -> tuple[DataKey, DataKey]:
    """Crash simulation: stage the new key in every slot and save; optionally rekey; never finish."""
    keystore = KeyStore.load(folder / "keyslots.json")
    (old,) = keystore.unlock(ADMIN, ADMIN_PW).data_keys
    new = DataKey.generate(old.generation + 1)
    keystore.stage_rotation(new)
    keystore.save()
    if rekey:
        database.rekey(folder / "ascolto.db", old, new)
    return DataKey(old.raw(), old.generation), DataKey(new.raw(), new.generation)


@pytest.mark.parametrize("rekeyed", [True, False], ids=["crash_after_rekey", "crash_before_rekey"])
def test_interrupted_rotation_still_unlocks_and_cleans_up(fnd_ws: Workspace, rekeyed: bool) -> None:
    _add_team(fnd_ws)
    folder = fnd_ws.folder
    fnd_ws.close()
    old, new = _staged_rotation(folder, rekey=rekeyed)
    assert _generations(folder) == [[1, 2]] * 4
    working = new if rekeyed else old
    with Workspace.open(folder) as workspace:
        workspace.unlock("carla", THIRD_PW)
        assert workspace.data_key.generation == working.generation
        assert "Sportello Nord" in {d.name for d in accounts.list_help_desks(workspace)}
    assert _generations(folder) == [[working.generation]] * 4
    for user, password in ((ADMIN, ADMIN_PW), ("bruna", OTHER_PW)):
        assert _unlocks(folder, user, password)
    database.find_working_key(folder / "ascolto.db", [working])
    if rekeyed:
        with pytest.raises(StorageError):
            database.find_working_key(folder / "ascolto.db", [old])


def test_change_own_password(fnd_ws: Workspace) -> None:
    _add_team(fnd_ws)
    folder = fnd_ws.folder
    fnd_ws.lock()
    fnd_ws.unlock("bruna", OTHER_PW)
    before = json.loads((folder / "keyslots.json").read_bytes())
    with pytest.raises(WrongCredentials):
        accounts.change_own_password(fnd_ws, THIRD_PW, NEW_PW, kdf=FAST_KDF)
    assert json.loads((folder / "keyslots.json").read_bytes()) == before
    with pytest.raises(ValidationError, match="too short"):
        accounts.change_own_password(fnd_ws, OTHER_PW, "breve", kdf=FAST_KDF)
    accounts.change_own_password(fnd_ws, OTHER_PW, NEW_PW, kdf=FAST_KDF)
    after = json.loads((folder / "keyslots.json").read_bytes())
    fnd_ws.close()
    # Exactly one slot changed; the others are byte-identical.
    unchanged = [s for s in after["slots"] if s in before["slots"]]
    assert len(unchanged) == len(before["slots"]) - 1 == len(after["slots"]) - 1
    assert not _unlocks(folder, "bruna", OTHER_PW)
    assert _unlocks(folder, "bruna", NEW_PW)
    assert _unlocks(folder, ADMIN, ADMIN_PW) and _unlocks(folder, "carla", THIRD_PW)


def test_reset_password_by_administrator(fnd_ws: Workspace) -> None:
    _add_team(fnd_ws)
    accounts.reset_password(fnd_ws, "bruna", NEW_PW, kdf=FAST_KDF)
    fnd_ws.close()
    assert not _unlocks(fnd_ws.folder, "bruna", OTHER_PW)
    assert _unlocks(fnd_ws.folder, "bruna", NEW_PW)


def test_regenerate_recovery_key(fnd_ws: Workspace, fnd_recovery_key: str) -> None:
    new_key = accounts.regenerate_recovery_key(fnd_ws)
    assert new_key != fnd_recovery_key
    folder = fnd_ws.folder
    fnd_ws.close()
    with Workspace.open(folder) as workspace:
        with pytest.raises(UserError, match="does not open"):
            workspace.recover(fnd_recovery_key, ADMIN, NEW_PW)
        workspace.recover(new_key, ADMIN, NEW_PW)
    assert len(json.loads((folder / "keyslots.json").read_bytes())["slots"]) == 2


# --- a full disk while saving the slot file ------------------------------------------------------
def _disk_full(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_add_operator_on_full_disk_changes_nothing(
    fnd_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fnd_ws.folder
    before = (folder / "keyslots.json").read_bytes()
    slots = fnd_ws.keystore.slot_count
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", _disk_full)
        with pytest.raises(UserError) as info:
            accounts.add_operator(fnd_ws, "bruna", "Bruna", "operatrice", 1, OTHER_PW, kdf=FAST_KDF)
    assert "key file could not be written" in str(info.value)
    assert (folder / "keyslots.json").read_bytes() == before
    assert fnd_ws.keystore.slot_count == slots
    assert "bruna" not in {o.username for o in accounts.list_operators(fnd_ws)}
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    accounts.add_operator(fnd_ws, "bruna", "Bruna", "operatrice", 1, OTHER_PW, kdf=FAST_KDF)  # name not taken
    fnd_ws.close()
    assert _unlocks(folder, "bruna", OTHER_PW)


def _change_own(ws: Workspace) -> None:
    accounts.change_own_password(ws, ADMIN_PW, NEW_PW, kdf=FAST_KDF)


def _reset_bruna(ws: Workspace) -> None:
    accounts.reset_password(ws, "bruna", NEW_PW, kdf=FAST_KDF)


def _revoke_bruna(ws: Workspace) -> None:
    accounts.revoke_operator(ws, "bruna")


def _regenerate(ws: Workspace) -> None:
    accounts.regenerate_recovery_key(ws)


FAILED_SAVES: dict[str, tuple[Callable[[Workspace], None], str, str]] = {
    # operation, then the credential that must still work afterwards (nothing was changed)
    "change_own_password": (_change_own, ADMIN, ADMIN_PW),
    "reset_password": (_reset_bruna, "bruna", OTHER_PW),
    "revoke_operator": (_revoke_bruna, "bruna", OTHER_PW),
    "regenerate_recovery_key": (_regenerate, "<recovery>", ""),
}


@pytest.mark.parametrize("case", list(FAILED_SAVES), ids=list(FAILED_SAVES))
def test_failed_slot_save_leaves_every_credential_working(
    fnd_ws: Workspace, monkeypatch: pytest.MonkeyPatch, fnd_recovery_key: str, case: str
) -> None:
    """A slot file that cannot be written must not leave the in-memory slots out of step with the
    database: the next successful save (here: adding a colleague) would write that state to disk."""
    operation, user, password = FAILED_SAVES[case]
    accounts.add_operator(fnd_ws, "bruna", "Bruna", "operatrice", 1, OTHER_PW, kdf=FAST_KDF)
    folder = fnd_ws.folder
    before = snapshot(folder)["keyslots.json"]
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", _disk_full)
        with pytest.raises(Exception) as info:  # the type is asserted at the end
            operation(fnd_ws)
    assert snapshot(folder)["keyslots.json"] == before
    accounts.add_operator(fnd_ws, "dora", "Dora", "operatrice", 1, THIRD_PW, kdf=FAST_KDF)  # a later save
    fnd_ws.close()
    if user == "<recovery>":
        with Workspace.open(folder) as workspace:
            workspace.recover(fnd_recovery_key, ADMIN, NEW_PW)
    else:
        assert _unlocks(folder, user, password), f"{user} locked out after a failed {case}"
    assert isinstance(info.value, UserError), f"{case} raised {type(info.value).__name__}, not a UserError"
    assert "could not be written" in str(info.value)


def test_new_slots_take_the_cost_of_the_slot_that_unlocked(fnd_ws: Workspace) -> None:
    """The folder was made with FAST_KDF; slots made without an explicit cost keep it, not the defaults."""
    desk = accounts.add_help_desk(fnd_ws, "Sportello Nord", town="Bergamo")
    accounts.add_operator(fnd_ws, "bruna", "Bruna Verdi", "operatrice", desk.id, OTHER_PW)
    accounts.reset_password(fnd_ws, "bruna", THIRD_PW)
    accounts.change_own_password(fnd_ws, ADMIN_PW, NEW_PW)
    accounts.regenerate_recovery_key(fnd_ws)
    store = fnd_ws.keystore
    assert {store.params_of(slot) for slot in store.slot_ids()} == {FAST_KDF}
    assert fnd_ws.slot_kdf == FAST_KDF
