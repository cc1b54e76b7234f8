"""The failed-login record is a file anyone who uses the PC can write (issue #13, item 10).

Each test forges, corrupts or deletes it, then logs in through the workspace service: before the fix
these crashed (AttributeError), locked an account out for decades, or erased the failures from the trail.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.crypto.keyslots import KeyStore
from app.models.audit import AuditEvent
from app.services.errors import LoginDelayed, WrongCredentials
from app.services.throttle import MAX_DELAY_S
from app.services.workspace import Workspace
from tests.foundation_fixtures import ADMIN, ADMIN_PW, WRONG_PW

pytest_plugins = ["tests.foundation_fixtures"]

NOW = 1_800_000_000.0
DECADES = 30 * 365 * 86400


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock(NOW)
    monkeypatch.setattr("app.services.throttle.time", clock)
    return clock


def _fail(folder: Path, times: int, user: str = ADMIN) -> None:
    with Workspace.open(folder) as ws:
        for _ in range(times):
            with pytest.raises(WrongCredentials):
                ws.unlock(user, WRONG_PW)


def _count(ws: Workspace, action: str, detail: str | None = None) -> int:
    with ws.transaction(write=False) as session:
        query = select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
        if detail is not None:
            query = query.where(AuditEvent.detail.contains(detail))
        return int(session.scalar(query) or 0)


def _forge(folder: Path, change: object) -> None:
    """Edit both copies of the record alike, as a careful forger would."""
    for name in ("attempts.json", "attempts.mirror.json"):
        path = folder / name
        if not path.exists():
            continue
        data = json.loads(path.read_bytes())
        change(data)  # type: ignore[operator]
        path.write_text(json.dumps(data))


# --- forged content ----------------------------------------------------------------------------------------
def test_a_lockout_of_decades_is_capped_and_audited(fnd_folder: Path, clock: Clock) -> None:
    _fail(fnd_folder, 1)

    def decades(data: dict) -> None:  # type: ignore[type-arg]
        for entry in data["accounts"].values():
            entry["failures"], entry["last"] = 10**9, NOW + DECADES

    _forge(fnd_folder, decades)
    with Workspace.open(fnd_folder) as ws:
        with pytest.raises(LoginDelayed) as delayed:
            ws.unlock(ADMIN, ADMIN_PW)
        assert delayed.value.seconds <= MAX_DELAY_S
        clock.now += MAX_DELAY_S + 1
        ws.unlock(ADMIN, ADMIN_PW)
        assert _count(ws, "login.record_suspicious", "too_many") == 1
        assert _count(ws, "login.record_suspicious", "future") == 1


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff garbage",
        b"[1, 2, 3]",
        b'{"accounts": [], "pending": "x"}',
        b'{"accounts": {"abc": 5}, "pending": [5, {"account": null}]}',
        json.dumps(
            {"accounts": {"0" * 32: {"failures": "9", "last": "x"}}, "pending": [{"at": 1e300}]}
        ).encode(),
        json.dumps({"accounts": {}, "pending": [{"account": "z" * 32, "at": -5}] * 5000}).encode(),
    ],
)
def test_garbage_never_crashes_a_login_and_is_audited(fnd_folder: Path, clock: Clock, content: bytes) -> None:
    _fail(fnd_folder, 1)
    for name in ("attempts.json", "attempts.mirror.json"):
        (fnd_folder / name).write_bytes(content)
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        assert _count(ws, "login.record_suspicious", "malformed") == 1
        assert _count(ws, "login.failed") <= 1  # nothing invented beyond the real failure
    with Workspace.open(fnd_folder) as ws:  # said once, not at every login
        ws.unlock(ADMIN, ADMIN_PW)
        assert _count(ws, "login.record_suspicious") == 1


def test_fake_events_are_bounded_and_clamped(fnd_folder: Path, clock: Clock) -> None:
    _fail(fnd_folder, 1)

    def flood(data: dict) -> None:  # type: ignore[type-arg]
        real = data["pending"][0]
        data["pending"] = [{**real, "at": int(NOW + DECADES), "n": i} for i in range(1000)]

    _forge(fnd_folder, flood)
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        assert _count(ws, "login.failed") <= 200
        with ws.transaction(write=False) as session:
            latest = session.scalar(
                select(func.max(AuditEvent.at)).where(AuditEvent.action == "login.failed")
            )
        assert latest is not None and latest.timestamp() <= NOW + 1  # not in the future
        assert _count(ws, "login.record_suspicious", "future") == 1


# --- deleted files ---------------------------------------------------------------------------------------------
def test_deleting_the_backoff_file_keeps_the_delay_and_the_failures(fnd_folder: Path, clock: Clock) -> None:
    _fail(fnd_folder, 4)
    (fnd_folder / "attempts.json").unlink()
    with Workspace.open(fnd_folder) as ws:
        with pytest.raises(LoginDelayed):  # the delay survived
            ws.unlock(ADMIN, ADMIN_PW)
        clock.now += MAX_DELAY_S + 1
        result = ws.unlock(ADMIN, ADMIN_PW)
        assert result.failed_attempts == 4
        assert _count(ws, "login.failed") == 4  # and the failures reached the trail
        assert _count(ws, "login.record_suspicious", "copy_missing") == 1


def test_deleting_every_copy_is_itself_on_the_trail(fnd_folder: Path, clock: Clock) -> None:
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)  # the database learns the record's serial and count
    _fail(fnd_folder, 2)
    for name in ("attempts.json", "attempts.mirror.json"):
        (fnd_folder / name).unlink()
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        assert _count(ws, "login.failures_lost") == 1


# --- names -------------------------------------------------------------------------------------------------------
def test_the_record_does_not_confirm_a_name_from_public_data(fnd_folder: Path, clock: Clock) -> None:
    _fail(fnd_folder, 1)
    database_id = KeyStore.load(fnd_folder / "keyslots.json").database_id
    public_guess = hashlib.sha256(f"{database_id}\x00{ADMIN}".encode()).hexdigest()[:32]
    record = (fnd_folder / "attempts.json").read_text()
    assert public_guess not in record
    assert ADMIN not in record
