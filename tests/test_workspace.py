"""The workspace: opening, unlocking, recovery, throttling, and refusing bad folders untouched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import func, select

from app.crypto import keyslots
from app.models.audit import AuditEvent
from app.models.cases import Contact
from app.services import accounts, cases
from app.services.errors import (
    LoginDelayed,
    PermissionDenied,
    UserError,
    ValidationError,
    WorkspaceLocked,
    WrongCredentials,
)
from app.services.workspace import Workspace
from app.storage.database import PAGE_SIZE
from tests.foundation_fixtures import (
    ADMIN,
    ADMIN_PW,
    FAST_KDF,
    NEW_PW,
    OTHER_PW,
    WRONG_PW,
    Template,
    data_key_of,
    data_snapshot,
    flip_byte,
    initialise,
    root_page,
    sidecars,
    snapshot,
)

pytest_plugins = ["tests.foundation_fixtures"]


def _state(folder: Path) -> dict[str, str]:
    """Hashes of every file except the failed-login record (which must change on a wrong password)."""
    return data_snapshot(folder)


def _events(ws: Workspace, action: str) -> int:
    with ws.transaction(write=False) as session:
        return int(session.scalar(select(func.count()).where(AuditEvent.action == action)) or 0)


# --- lock / unlock ------------------------------------------------------------------------------
def test_unlock_and_lock(fnd_folder: Path) -> None:
    with Workspace.open(fnd_folder) as workspace:
        assert not workspace.is_unlocked
        with pytest.raises(WorkspaceLocked):
            workspace.data_key  # noqa: B018
        result = workspace.unlock("  ANNA ", ADMIN_PW)
        assert result.actor.username == ADMIN and result.failed_attempts == 0
        locks = _events(workspace, "lock")
        key = workspace.data_key
        workspace.lock()
        assert key.wiped
        assert not workspace.is_unlocked
        with pytest.raises(WorkspaceLocked), workspace.transaction():
            pass
        workspace.unlock(ADMIN, ADMIN_PW)
        assert _events(workspace, "lock") == locks + 1
    assert sidecars(fnd_folder) == []


def test_open_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Set one up first"):
        Workspace.open(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()


def test_initialise_refuses_an_existing_folder(fnd_folder: Path) -> None:
    before = snapshot(fnd_folder)
    with pytest.raises(UserError, match="already holds a database"):
        Workspace.initialise(
            fnd_folder,
            centre_name="C",
            centre_code="BG",
            desk_name="D",
            username=ADMIN,
            full_name="",
            password=ADMIN_PW,
            kdf=FAST_KDF,
        )
    assert snapshot(fnd_folder) == before


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"password": "corta"}, "too short"),
        ({"password": "a" * 2000}, "too long"),
        ({"username": "anna rossi"}, "user name"),
        ({"centre_code": "B1"}, "centre code"),
        ({"desk_name": "  "}, "need a name"),
    ],
)
def test_initialise_validates_inputs(tmp_path: Path, overrides: dict[str, str], words: str) -> None:
    with pytest.raises(ValidationError) as info:
        initialise(tmp_path / "new", **overrides)
    assert words in str(info.value)
    assert not (tmp_path / "new").exists()


# --- bad credentials and slot files -------------------------------------------------------------------
def test_wrong_password_is_refused_untouched(fnd_folder: Path) -> None:
    before = _state(fnd_folder)
    with Workspace.open(fnd_folder) as workspace:
        for user, password in ((ADMIN, WRONG_PW), ("nessuna", ADMIN_PW)):
            with pytest.raises(UserError) as info:
                workspace.unlock(user, password)
            assert type(info.value) is WrongCredentials
            assert "Wrong user name or password" in str(info.value)
        assert not workspace.is_unlocked
    assert _state(fnd_folder) == before
    assert sidecars(fnd_folder) == []


def test_tampered_slot_file_is_wrong_credentials_untouched(fnd_folder: Path) -> None:
    slots = fnd_folder / "keyslots.json"
    data = json.loads(slots.read_bytes())
    for slot in data["slots"]:
        slot["public_key"] = slot["public_key"][:-4] + (
            "AAA=" if slot["public_key"][-4:] != "AAA=" else "BBB="
        )
    slots.write_text(json.dumps(data))
    before = _state(fnd_folder)
    with Workspace.open(fnd_folder) as workspace, pytest.raises(WrongCredentials):
        workspace.unlock(ADMIN, ADMIN_PW)
    assert _state(fnd_folder) == before
    assert sidecars(fnd_folder) == []


@pytest.mark.parametrize("damage", ["missing", "garbage", "truncated"])
def test_missing_or_broken_slot_file_is_a_user_error(fnd_folder: Path, damage: str) -> None:
    slots = fnd_folder / "keyslots.json"
    if damage == "missing":
        slots.unlink()
    elif damage == "garbage":
        slots.write_bytes(os.urandom(300))
    else:
        slots.write_bytes(slots.read_bytes()[:100])
    before = snapshot(fnd_folder)
    with pytest.raises(UserError) as info:
        Workspace.open(fnd_folder)
    assert "key file" in str(info.value) and "keyslots.json" in str(info.value)
    assert snapshot(fnd_folder) == before
    assert sidecars(fnd_folder) == []
    # The refused open released the folder: a later open is not "already running".
    with pytest.raises(UserError, match="key file"):
        Workspace.open(fnd_folder)


# --- a data folder we cannot write ----------------------------------------------------------------------
def _mount(*args: str) -> bool:
    try:
        return subprocess.run(["mount", *args], capture_output=True, timeout=20, check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def test_read_only_data_folder_is_a_user_error(foundation_template: Template, tmp_path: Path) -> None:
    mount_point = tmp_path / "ro"
    mount_point.mkdir()
    if os.name == "posix" and os.geteuid() == 0:
        # Root ignores permission bits: a read-only file system is the honest test.
        if not _mount("-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", str(mount_point)):
            pytest.skip("running as root and cannot mount a tmpfs")
        try:
            data = mount_point / "data"
            shutil.copytree(foundation_template.folder, data)
            before = snapshot(data)
            assert _mount("-o", "remount,ro", str(mount_point)), "cannot remount read-only"
            with pytest.raises(UserError) as info:
                Workspace.open(data)
            assert "not writable" in str(info.value)
            assert snapshot(data) == before
        finally:
            subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, timeout=20, check=False)
    elif os.name == "posix":
        data = mount_point / "data"
        shutil.copytree(foundation_template.folder, data)
        before = snapshot(data)
        data.chmod(0o500)
        try:
            with pytest.raises(UserError) as info:
                Workspace.open(data)
            assert "not writable" in str(info.value)
        finally:
            data.chmod(0o700)
        assert snapshot(data) == before
    else:
        pytest.skip("no way to make a read-only folder here")


def test_unwritable_folder_via_os_open_fault(fnd_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.services.workspace.base as workspace_module

    def refuse(*args: Any, **kwargs: Any) -> int:
        raise PermissionError(13, "Permission denied")

    fake_os = SimpleNamespace(**{name: getattr(os, name) for name in dir(os) if not name.startswith("__")})
    fake_os.open = refuse
    monkeypatch.setattr(workspace_module, "os", fake_os)
    before = snapshot(fnd_folder)
    with pytest.raises(UserError) as info:
        Workspace.open(fnd_folder)
    assert "not writable" in str(info.value) and "Permission denied" in str(info.value)
    assert snapshot(fnd_folder) == before
    monkeypatch.undo()
    Workspace.open(fnd_folder).close()  # the failed open did not keep the folder reserved


# --- a second process -------------------------------------------------------------------------------
HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.services.workspace import Workspace

    workspace = Workspace.open(Path(sys.argv[1]))
    print("ready", flush=True)
    sys.stdin.read()
    workspace.close()
    """
)


def test_second_process_is_refused(fnd_folder: Path) -> None:
    before = snapshot(fnd_folder)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(fnd_folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready", holder.stderr
        with pytest.raises(UserError) as info:
            Workspace.open(fnd_folder)
        assert "already running" in str(info.value)
        assert snapshot(fnd_folder) == before
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    assert holder.returncode == 0
    with Workspace.open(fnd_folder) as workspace:  # released when the other process closed it
        workspace.unlock(ADMIN, ADMIN_PW)


# --- recovery -------------------------------------------------------------------------------------------
def test_recovery_drill(fnd_folder: Path, fnd_recovery_key: str) -> None:
    with Workspace.open(fnd_folder) as workspace:  # the password is forgotten
        with pytest.raises(WrongCredentials):
            workspace.unlock(ADMIN, WRONG_PW)
        typed = "  " + fnd_recovery_key.lower().replace("-", " ") + " "  # as copied from the printout
        result = workspace.recover(typed, ADMIN, NEW_PW)
        assert workspace.is_unlocked and result.actor.username == ADMIN
        assert _events(workspace, "account.recovered") == 1
    with Workspace.open(fnd_folder) as workspace:
        with pytest.raises(WrongCredentials):
            workspace.unlock(ADMIN, "lanterna torrente civetta brina")
        assert workspace.unlock(ADMIN, NEW_PW).actor.username == ADMIN
    slots = json.loads((fnd_folder / "keyslots.json").read_bytes())["slots"]
    assert len(slots) == 2  # the old slot was replaced, not kept next to the new one


def test_wrong_recovery_key_is_refused(fnd_folder: Path, fnd_recovery_key: str) -> None:
    before = _state(fnd_folder)
    with Workspace.open(fnd_folder) as workspace:
        with pytest.raises(UserError) as info:
            workspace.recover(keyslots.generate_recovery_key(), ADMIN, NEW_PW)
        assert "recovery key does not open this data folder" in str(info.value)
        typo = ("Z" if fnd_recovery_key[0] != "Z" else "Y") + fnd_recovery_key[1:]
        with pytest.raises(ValidationError) as typo_info:
            workspace.recover(typo, ADMIN, NEW_PW)
        assert "typing mistake" in str(typo_info.value)
        assert not workspace.is_unlocked
    assert _state(fnd_folder) == before
    with Workspace.open(fnd_folder) as workspace:
        workspace.unlock(ADMIN, ADMIN_PW)


def test_recovery_for_unknown_account_changes_nothing(fnd_folder: Path, fnd_recovery_key: str) -> None:
    slots_before = (fnd_folder / "keyslots.json").read_bytes()
    with Workspace.open(fnd_folder) as workspace:
        with pytest.raises(UserError, match="no active account"):
            workspace.recover(fnd_recovery_key, "nessuna", NEW_PW)
        assert not workspace.is_unlocked
        assert (fnd_folder / "keyslots.json").read_bytes() == slots_before
        workspace.unlock(ADMIN, ADMIN_PW)
        workspace.lock()
        workspace.recover(fnd_recovery_key, ADMIN, NEW_PW)  # the recovery slot itself still works


# --- throttling -------------------------------------------------------------------------------------------
class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def time(self) -> float:
        return self.now


def test_failed_logins_are_throttled_persisted_and_audited(
    fnd_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock(1_800_000_000.0)
    monkeypatch.setattr("app.services.throttle.time", clock)
    workspace = Workspace.open(fnd_folder)
    try:
        for _ in range(3):  # three free attempts: each is refused as wrong, never delayed
            with pytest.raises(UserError) as info:
                workspace.unlock(ADMIN, WRONG_PW)
            assert type(info.value) is WrongCredentials
        with pytest.raises(UserError) as info:  # the fourth failure is still checked ...
            workspace.unlock(ADMIN, WRONG_PW)
        assert type(info.value) is WrongCredentials
        with pytest.raises(LoginDelayed) as delayed:  # ... and makes the next attempt wait
            workspace.unlock(ADMIN, ADMIN_PW)
        assert delayed.value.seconds > 0
        assert f"Wait {delayed.value.seconds} seconds" in str(delayed.value)
    finally:
        workspace.close()

    workspace = Workspace.open(fnd_folder)  # the delay survives a restart
    try:
        with pytest.raises(LoginDelayed) as again:
            workspace.unlock(ADMIN, ADMIN_PW)
        assert again.value.seconds > 0
        clock.now += again.value.seconds + 1
        result = workspace.unlock(ADMIN, ADMIN_PW)
        assert result.failed_attempts == 4
        assert _events(workspace, "login.failed") == 4
        workspace.lock()
        assert workspace.unlock(ADMIN, ADMIN_PW).failed_attempts == 0  # reset by the success
    finally:
        workspace.close()


def test_failed_logins_survive_an_unlock_that_fails_midway(fnd_folder: Path) -> None:
    """The failure counter and the pending login.failed events are spent only by a login that commits."""
    db = fnd_folder / "ascolto.db"
    page = root_page(fnd_folder, data_key_of(fnd_folder), "audit_event")
    with Workspace.open(fnd_folder) as workspace:
        for _ in range(2):
            with pytest.raises(WrongCredentials):
                workspace.unlock(ADMIN, WRONG_PW)
    pristine = db.read_bytes()
    flip_byte(db, (page - 1) * PAGE_SIZE + 300)  # the audit table is damaged: the login cannot be recorded
    with Workspace.open(fnd_folder) as workspace, pytest.raises(Exception):  # noqa: B017 - any refusal
        workspace.unlock(ADMIN, ADMIN_PW)
    db.write_bytes(pristine)  # restored from a backup
    with Workspace.open(fnd_folder) as workspace:
        result = workspace.unlock(ADMIN, ADMIN_PW)
        assert result.failed_attempts == 2
        assert _events(workspace, "login.failed") == 2


def test_unknown_accounts_are_throttled_like_real_ones(
    fnd_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock(1_800_000_000.0)
    monkeypatch.setattr("app.services.throttle.time", clock)
    with Workspace.open(fnd_folder) as workspace:
        for _ in range(4):
            with pytest.raises(WrongCredentials):
                workspace.unlock("nessuna", WRONG_PW)
        with pytest.raises(LoginDelayed):
            workspace.unlock("nessuna", WRONG_PW)
        assert workspace.unlock(ADMIN, ADMIN_PW).failed_attempts == 0  # other accounts are not delayed
    attempts = (fnd_folder / "attempts.json").read_bytes()
    assert b"nessuna" not in attempts and ADMIN.encode() not in attempts


def test_recovery_attempts_are_throttled(
    fnd_folder: Path, monkeypatch: pytest.MonkeyPatch, fnd_recovery_key: str
) -> None:
    clock = Clock(1_800_000_000.0)
    monkeypatch.setattr("app.services.throttle.time", clock)
    with Workspace.open(fnd_folder) as workspace:
        for _ in range(4):
            with pytest.raises(UserError, match="does not open"):
                workspace.recover(keyslots.generate_recovery_key(), ADMIN, NEW_PW)
        with pytest.raises(LoginDelayed):
            workspace.recover(fnd_recovery_key, ADMIN, NEW_PW)
        clock.now += 3600
        workspace.recover(fnd_recovery_key, ADMIN, NEW_PW)
        assert workspace.is_unlocked


def test_operator_of_another_desk_cannot_use_admin_functions(fnd_ws: Workspace) -> None:
    accounts.add_operator(fnd_ws, "bruna", "Bruna Verdi", "operatrice", 1, OTHER_PW, kdf=FAST_KDF)
    fnd_ws.lock()
    fnd_ws.unlock("bruna", OTHER_PW)
    with pytest.raises(PermissionDenied):
        accounts.add_operator(fnd_ws, "carla", "Carla", "operatrice", 1, NEW_PW, kdf=FAST_KDF)
    with pytest.raises(PermissionDenied):
        accounts.list_operators(fnd_ws)


def test_a_new_folder_gets_a_cost_calibrated_to_this_pc(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without an explicit cost the folder's slots are calibrated (here to a 1 s target, so the iterations
    rise above the defaults' 3 on any PC that derives 64 MiB in under ~0.3 s per pass)."""
    monkeypatch.setattr(keyslots, "UNLOCK_TARGET_SECONDS", 1.0)
    ws, _ = Workspace.initialise(
        tmp_path / "data", centre_name="CAV", centre_code="BG", desk_name="Bergamo",
        username=ADMIN, full_name="Anna", password=ADMIN_PW,
    )  # fmt: skip
    try:
        costs = {ws.keystore.params_of(slot) for slot in ws.keystore.slot_ids()}
        assert len(costs) == 1, "the admin and recovery slots share the installation's cost"
        (params,) = costs
        assert params.iterations > keyslots.DEFAULT_KDF.iterations and ws.slot_kdf == params
    finally:
        ws.close()


def test_parallel_reads_share_one_snapshot_while_commits_land(fnd_ws: Workspace) -> None:
    """The sessions of `parallel_reads` agree with each other even while another thread keeps committing
    (the indicators computed on two threads must describe one state of the database)."""
    desk = accounts.list_help_desks(fnd_ws)[0].id
    stop, commits = threading.Event(), []

    def writer() -> None:
        while not stop.is_set():
            cases.record_contact(
                fnd_ws, cases.ContactInput(date(2025, 1, 1), "N1522", "TELEFONO", help_desk_id=desk)
            )
            commits.append(1)

    thread = threading.Thread(target=writer)
    thread.start()
    seen: list[list[int]] = []
    deadline = time.monotonic() + 60
    try:  # read until the writer has landed enough commits between our snapshots (however it is scheduled)
        while (len(commits) < 10 or len(seen) < 40) and time.monotonic() < deadline:
            with fnd_ws.parallel_reads(3) as sessions:
                seen.append([int(s.scalar(select(func.count()).select_from(Contact)) or 0) for s in sessions])
            time.sleep(0.002)  # a gap for the writer, whose busy handler backs off while we hold the lock
    finally:
        stop.set()
        thread.join()
    assert len(commits) >= 10 and len({tuple(s) for s in seen}) > 3, "the writer did not interleave"
    assert all(len(set(counts)) == 1 for counts in seen), [c for c in seen if len(set(c)) > 1][:5]


def test_a_weak_cost_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="below the safe minimum"):
        initialise(tmp_path / "new", kdf=keyslots.KdfParams(1024, 1, 1))
    assert not (tmp_path / "new").exists()


def test_a_set_up_that_fails_half_way_can_be_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injected after the database exists: no half-made folder stays behind to block a new set-up."""

    def full_disk(*_args: Any, **_kwargs: Any) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(keyslots.KeyStore, "add_slot", full_disk)
    with pytest.raises(OSError):
        initialise(tmp_path / "new")
    assert not Workspace.exists(tmp_path / "new")
    monkeypatch.undo()
    ws, _ = initialise(tmp_path / "new")
    ws.close()
