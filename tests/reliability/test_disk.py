"""A full disk and a folder that turns read-only: a clear message, committed data intact, a clean restart.

The real tests mount a 3 MB tmpfs (root only; checked first) and fill it while the services write. Where
mounting is not permitted they are skipped, and the simulated tests at the end (a connection whose
commit fails with SQLite's own "database or disk is full", a failing os.replace) stand in for them; the
simulated tests also run where mounting works, so the behaviour is pinned on every machine.

tmpfs refuses `remount,ro` while any file on it is open for writing, and the folder lock (ascolto.lock)
is; a real disk that fails goes read-only regardless (ext4 errors=remount-ro), so the read-only test
releases the folder lock's descriptor just before remounting.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from alembic import command
from sqlalchemy import select

from app import cli
from app.crypto.keyslots import DataKey, KdfParams
from app.models.cases import ServiceDelivery
from app.reports.periods import parse_period
from app.services import backup, maintenance, releases, reports
from app.services import cases as c
from app.services.errors import UserError
from app.services.workspace import Workspace
from app.storage import database, migrate, page_format
from tests.foundation_fixtures import add_women, rewrite_pages
from tests.reliability import figures

FAST_KDF = KdfParams(19456, 2, 1)
USER = "anna"
PASSWORD = "lanterna torrente civetta brina"
NEW_PASSWORD = "una nuova frase lunga abbastanza"
TODAY = dt.date.today()
FULL_WORDS = ("full", "space", "pieno", "spazio")
SCARY_WORDS = ("damaged", "restore", "does not belong")


# --- a small file system ----------------------------------------------------------------------------------
def _can_mount() -> str:
    """'' if we may mount a tmpfs here, else why not."""
    if not sys.platform.startswith("linux"):
        return "not Linux"
    if os.geteuid() != 0:
        return "not root"
    return ""


@dataclass
class SmallDisk:
    root: Path

    def _mount(self, *options: str) -> None:
        subprocess.run(["mount", *options, str(self.root)], check=True, capture_output=True)

    def read_only(self) -> None:
        self._mount("-o", "remount,ro")

    def read_write(self) -> None:
        self._mount("-o", "remount,rw")

    def free_bytes(self) -> int:
        stats = os.statvfs(self.root)
        return stats.f_bavail * stats.f_frsize

    def fill(self, leave: int = 0) -> Path:
        """A filler file taking all the space but `leave` bytes (or all of it)."""
        filler = self.root / f"filler-{uuid.uuid4().hex[:8]}"
        chunk = b"\0" * 65536
        with filler.open("wb") as handle:
            try:
                while self.free_bytes() - len(chunk) >= leave:
                    handle.write(chunk)
                    handle.flush()
                remaining = self.free_bytes() - leave
                if remaining > 0:
                    handle.write(b"\0" * remaining)
                    handle.flush()
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
        return filler


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    reason = _can_mount()
    root = tmp_path / "small"
    root.mkdir()
    if not reason:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(root)], capture_output=True
        )
        reason = done.stderr.decode(errors="replace").strip() if done.returncode else ""
    if reason:
        pytest.skip(f"cannot mount a small tmpfs ({reason}): the simulated tests below cover this")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", str(root)], capture_output=True)
        subprocess.run(["umount", "-l", str(root)], capture_output=True)


def _initialise(folder: Path) -> Workspace:
    ws, _ = Workspace.initialise(
        folder,
        centre_name="Centro disco",
        centre_code="DF",
        desk_name="Sportello",
        username=USER,
        full_name="Anna",
        password=PASSWORD,
        kdf=FAST_KDF,
    )
    return ws


def _open_case(ws: Workspace) -> int:
    return c.open_case(
        ws, c.IdentityInput("Maria", "Rossi"), c.ProfileInput(), c.ConsentInput(("TRATTAMENTO",), TODAY)
    ).id


def _service(ws: Workspace, case_id: int, note: str) -> int:
    return c.add_service(
        ws, case_id, c.ServiceInput(TODAY, "PSICO_IND", "PRESENZA", 60, "PSICOLOGA", notes=note)
    )


def _save_until_failure(
    ws: Workspace, case_id: int, limit: int = 2000
) -> tuple[dict[int, str], BaseException]:
    """Save services with ~7 kB notes until a call fails; returns (acknowledged id -> note, the error)."""
    saved: dict[int, str] = {}
    for n in range(limit):
        note = f"n{n}-" + os.urandom(3500).hex()
        try:
            saved[_service(ws, case_id, note)] = note
        except Exception as exc:
            return saved, exc
    raise AssertionError(f"{limit} services saved and the disk is still not full")


def _stored_services(folder: Path) -> dict[int, str]:
    ws = Workspace.open(folder)
    try:
        ws.unlock(USER, PASSWORD)
        report = maintenance.verify(ws)
        assert report.ok, report.lines()
        with ws.transaction(write=False) as session:
            return dict(session.execute(select(ServiceDelivery.id, ServiceDelivery.notes)).all())
    finally:
        ws.close()


def _text(exc: BaseException) -> str:
    return exc.text() if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"


def _assert_says_disk_full(exc: BaseException) -> None:
    assert isinstance(exc, UserError), f"a raw {type(exc).__name__} reaches the user: {exc}"
    text = exc.text().lower()
    assert any(word in text for word in FULL_WORDS), text
    assert not any(word in text for word in SCARY_WORDS), f"a full disk is not a damaged database: {text}"


# --- disk full ---------------------------------------------------------------------------------------------
def test_disk_full_while_saving_keeps_committed_data_and_restarts_cleanly(small_disk: SmallDisk) -> None:
    folder = small_disk.root / "data"
    ws = _initialise(folder)
    filler = small_disk.fill(leave=1200 * 1024)  # what the user will delete to make room
    try:
        case_id = _open_case(ws)
        saved, error = _save_until_failure(ws, case_id)
        figures.add("ENOSPC scenarios")
        assert saved, "the disk was full before anything was saved"
        assert small_disk.free_bytes() < 64 * 1024
        with pytest.raises(Exception):  # noqa: B017 - still full: the next save fails too
            _service(ws, case_id, "x" * 15000)
    finally:
        ws.close()  # the lock's audit event cannot be written: close must still release everything
    assert not list(folder.glob("*.tmp")), "a temporary file was left behind"
    filler.unlink()  # she frees some space, as the message asks, and starts again
    stored = _stored_services(folder)
    assert {i: stored.get(i) for i in saved} == saved, "an acknowledged service was lost"
    assert len(stored) == len(saved), "a failed save left a row behind"
    ws = Workspace.open(folder)
    try:
        ws.unlock(USER, PASSWORD)
        _service(ws, case_id, "after the disk was freed")
    finally:
        ws.close()
    figures.NOTES["ENOSPC: services saved before the disk filled"] = len(saved)
    figures.NOTES["ENOSPC: error the service layer raises"] = _text(error).splitlines()[0][:120]


def test_disk_full_while_saving_gives_a_clear_message(small_disk: SmallDisk) -> None:
    folder = small_disk.root / "data"
    ws = _initialise(folder)
    try:
        _, error = _save_until_failure(ws, _open_case(ws))
    finally:
        ws.close()
    figures.add("ENOSPC scenarios")
    _assert_says_disk_full(error)


def test_disk_full_at_unlock_gives_a_clear_message(small_disk: SmallDisk) -> None:
    """The login event cannot be written: the user must hear 'disk full', not 'damaged, restore a backup'
    (restoring a backup over a healthy database would throw away everything since that backup)."""
    folder = small_disk.root / "data"
    ws = _initialise(folder)
    case_id = _open_case(ws)
    ws.close()
    filler = small_disk.fill(leave=0)
    figures.add("ENOSPC scenarios")
    ws = Workspace.open(folder)
    try:
        with pytest.raises(Exception) as caught:
            ws.unlock(USER, PASSWORD)
    finally:
        ws.close()
    filler.unlink()
    ws = Workspace.open(folder)
    try:
        ws.unlock(USER, PASSWORD)
        assert c.get_case(ws, case_id).identity is not None
    finally:
        ws.close()
    _assert_says_disk_full(caught.value)


@pytest.mark.parametrize(
    "room",
    [0, 16 * 1024, 48 * 1024],
    ids=["no room for the copy", "room for the copy, SQLite says I/O error", "no room for the migrations"],
)
def test_an_upgrade_on_a_full_disk_gives_a_clear_message_and_changes_nothing(
    small_disk: SmallDisk, room: int
) -> None:
    """An update whose upgrade needs room (the copy of the previous version kept aside, new indexes) on a
    full disk: the user hears 'disk full', no half copy is left, and the upgrade succeeds once there is
    room, with every row."""
    folder = small_disk.root / "data"
    ws = _initialise(folder)
    case_id = _open_case(ws)
    engine = ws._engine
    assert engine is not None
    config = migrate.alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0021")  # a folder of the previous version
        conn.commit()
    ws.close()
    aside = sum(p.stat().st_size for p in folder.glob("ascolto.db*"))  # what the copy needs, about
    filler = small_disk.fill(leave=aside + room)
    figures.add("ENOSPC scenarios")
    ws = Workspace.open(folder)
    try:
        with pytest.raises(Exception) as caught:
            ws.unlock(USER, PASSWORD)
    finally:
        ws.close()
    if not room:
        assert not list(folder.glob("backups/pre-upgrade-*")), "a half copy was left behind"
    filler.unlink()
    ws = Workspace.open(folder)
    try:
        ws.unlock(USER, PASSWORD)
        assert c.get_case(ws, case_id).identity is not None
        assert ws.schema_revision() == migrate.head_revision()
    finally:
        ws.close()
    _assert_says_disk_full(caught.value)


@pytest.mark.parametrize("room", ["none", "the rewrite's"])
def test_an_update_from_the_earlier_page_format_on_a_full_disk_loses_nothing(
    small_disk: SmallDisk, room: str
) -> None:
    """The folder of the previous version (HMAC-SHA512 pages, schema 0022) on a full disk: the page
    rewrite at unlock needs as much room as the database, then the upgrade its copy. Either the unlock
    goes through or she hears 'disk full'; nothing is lost, no half rewrite is left, and once there is
    room the next unlock finishes both, with every row."""
    folder = small_disk.root / "data"
    ws = _initialise(folder)
    case_id = _open_case(ws)
    key = DataKey(ws.data_key.raw())
    engine = ws._engine
    assert engine is not None
    config = migrate.alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0022")  # the schema of the previous version
        conn.commit()
    ws.close()
    db = folder / "ascolto.db"
    rewrite_pages(db, key, database.LEGACY_CIPHER_HMAC)  # and its pages
    filler = small_disk.fill(leave=db.stat().st_size + 8192 if room != "none" else 0)
    figures.add("ENOSPC scenarios")
    ws = Workspace.open(folder)
    refused: UserError | None = None
    try:
        ws.unlock(USER, PASSWORD)
    except UserError as exc:  # anything else reaches the user raw: the test fails on it
        refused = exc
    else:
        assert c.get_case(ws, case_id).identity is not None
    finally:
        ws.close()
    if refused is not None:
        _assert_says_disk_full(refused)
    assert not (folder / ("ascolto.db" + page_format.STAGED_SUFFIX)).exists(), "a half rewrite was left"
    filler.unlink()
    ws = Workspace.open(folder)
    try:
        ws.unlock(USER, PASSWORD)
        assert c.get_case(ws, case_id).identity is not None
        assert ws.schema_revision() == migrate.head_revision()
        with database.raw_connection(db, ws.data_key) as connection:
            assert database.page_hmac(connection) == database.CIPHER_HMAC
    finally:
        ws.close()


def test_cli_on_a_full_disk_prints_one_clear_line(
    small_disk: SmallDisk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = small_disk.root / "data"
    _initialise(folder).close()
    small_disk.fill(leave=300 * 1024)
    figures.add("ENOSPC scenarios")
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    monkeypatch.delenv("ASCOLTO_DEBUG", raising=False)
    code = cli.main(["demo", "--data-dir", str(folder), "--user", USER, "--password-stdin", "--cases", "400"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("ascolto: error:"), err
    assert "disk is full" in lines[0], lines[0]
    for filler in small_disk.root.glob("filler-*"):
        filler.unlink()
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["verify", "--data-dir", str(folder), "--user", USER, "--password-stdin"]) == 0


def test_backup_to_a_full_stick_is_refused_clearly(small_disk: SmallDisk, tmp_path: Path) -> None:
    """The database is on a healthy disk; the backup goes to a (nearly) full USB stick."""
    folder = tmp_path / "data"
    ws = _initialise(folder)
    try:
        case_id = _open_case(ws)
        for n in range(40):  # a database larger than the stick's free space
            _service(ws, case_id, f"{n}-" + os.urandom(3000).hex())
        small_disk.fill(leave=128 * 1024)
        figures.add("ENOSPC scenarios")
        stick = small_disk.root / "backups"
        with pytest.raises(Exception) as caught:
            backup.make_backup(ws, stick)
        leftovers = [p.name for p in stick.rglob("*")] if stick.exists() else []
        assert leftovers == [], f"a partial backup was left on the stick: {leftovers}"
        assert maintenance.verify(ws).ok
    finally:
        ws.close()
    _assert_says_disk_full(caught.value)


def test_report_and_export_to_a_full_disk_are_refused_clearly(small_disk: SmallDisk, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    ws = _initialise(folder)
    try:
        last_year = TODAY.year - 1  # a period must have ended to leave the PC
        add_women(ws, on=dt.date(last_year, 3, 1))
        data = reports.prepare(ws, parse_period(str(last_year)))
        small_disk.fill(leave=0)
        figures.add("ENOSPC scenarios", 2)
        out = small_disk.root / "out"
        with pytest.raises(UserError) as report_error:
            releases.write_report(ws, data, out.with_suffix(".pdf"))
        with pytest.raises(UserError) as export_error:
            releases.export(ws, data, out.with_suffix(".json"))
        assert list(small_disk.root.glob("out*")) == [] and list(small_disk.root.glob(".out*")) == []
        for error in (report_error.value, export_error.value):
            assert "No space left" in error.text() or "space" in error.text().lower(), error.text()
    finally:
        ws.close()


# --- read-only ---------------------------------------------------------------------------------------------
def test_folder_turning_read_only_mid_session(small_disk: SmallDisk) -> None:
    folder = small_disk.root / "data"
    ws = _initialise(folder)
    try:
        case_id = _open_case(ws)
        kept = {_service(ws, case_id, f"before {n}"): f"before {n}" for n in range(5)}
        ws._lock.release()  # tmpfs will not turn read-only while a file is open for writing (see above)
        assert ws._engine is not None
        ws._engine.dispose()  # likewise the pooled connections; the next unit of work opens new ones
        small_disk.read_only()
        figures.add("read-only scenarios")
        errors: list[BaseException] = []
        for attempt in (lambda: _service(ws, case_id, "after"), lambda: c.get_case(ws, case_id)):
            try:
                attempt()
            except Exception as exc:
                errors.append(exc)
        assert len(errors) == 2, "a write to a read-only folder was acknowledged"
        ws.lock()
        with pytest.raises(UserError) as at_start:  # a fresh start on the read-only folder
            Workspace.open(folder)
        assert "not writable" in at_start.value.text()
    finally:
        ws.close()
        small_disk.read_write()
    stored = _stored_services(folder)
    assert {i: stored.get(i) for i in kept} == kept and len(stored) == len(kept)
    for error in errors:
        assert isinstance(error, UserError), f"a raw {type(error).__name__} reaches the user: {error}"
        assert "read-only" in error.text() or "not writable" in error.text(), error.text()


def test_unlock_on_a_read_only_folder_does_not_call_it_damaged(small_disk: SmallDisk) -> None:
    """Opened (folder lock taken) while writable, then the disk turns read-only before the password."""
    folder = small_disk.root / "data"
    _initialise(folder).close()
    ws = Workspace.open(folder)
    try:
        ws._lock.release()
        small_disk.read_only()
        figures.add("read-only scenarios")
        with pytest.raises(UserError) as caught:
            ws.unlock(USER, PASSWORD)
    finally:
        ws.close()
        small_disk.read_write()
    text = caught.value.text()
    assert not any(word in text for word in SCARY_WORDS), (
        f"a read-only disk is not a damaged database: {text}"
    )


# --- simulated (every machine) -------------------------------------------------------------------------------
class _FullOnCommit:
    """A DB-API connection whose commits fail the way SQLite's do when the disk is full."""

    def __init__(self, inner: Any, state: dict[str, bool]) -> None:
        object.__setattr__(self, "_inner", inner)
        object.__setattr__(self, "_state", state)

    def commit(self) -> None:
        if self._state["full"]:
            raise sqlcipher.OperationalError("database or disk is full")
        self._inner.commit()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._inner, name, value)


@pytest.fixture
def full_on_commit(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    state = {"full": False}
    real = database.connect

    def connect(path: Path, key: Any, read_only: bool = False) -> Any:
        return _FullOnCommit(real(path, key, read_only), state)

    monkeypatch.setattr(database, "connect", connect)
    return state


def test_simulated_disk_full_keeps_committed_data(tmp_path: Path, full_on_commit: dict[str, bool]) -> None:
    folder = tmp_path / "data"
    ws = _initialise(folder)
    try:
        case_id = _open_case(ws)
        kept = {_service(ws, case_id, f"kept {n}"): f"kept {n}" for n in range(3)}
        full_on_commit["full"] = True
        with pytest.raises(Exception):  # noqa: B017 - the message is the next test's business
            _service(ws, case_id, "refused")
        full_on_commit["full"] = False
    finally:
        ws.close()
    figures.add("ENOSPC scenarios (simulated)")
    stored = _stored_services(folder)
    assert stored == kept


def test_simulated_disk_full_gives_a_clear_message(tmp_path: Path, full_on_commit: dict[str, bool]) -> None:
    ws = _initialise(tmp_path / "data")
    try:
        case_id = _open_case(ws)
        full_on_commit["full"] = True
        with pytest.raises(Exception) as caught:
            _service(ws, case_id, "refused")
        full_on_commit["full"] = False
    finally:
        ws.close()
    figures.add("ENOSPC scenarios (simulated)")
    _assert_says_disk_full(caught.value)


def test_simulated_enospc_on_the_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Changing a password rewrites keyslots.json atomically; ENOSPC there must leave the old slots working."""
    from app import fs
    from app.services import accounts

    folder = tmp_path / "data"
    ws = _initialise(folder)
    try:

        def no_space(*_: Any) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        with monkeypatch.context() as patch:
            patch.setattr(fs.os, "replace", no_space)
            with pytest.raises(UserError) as caught:
                accounts.change_own_password(ws, PASSWORD, NEW_PASSWORD, kdf=FAST_KDF)
        assert "No space left" in caught.value.text()
        assert not list(folder.glob(".keyslots.json.*")), "a temporary key file was left behind"
    finally:
        ws.close()
    figures.add("ENOSPC scenarios (simulated)")
    with contextlib.closing(Workspace.open(folder)) as again:
        with pytest.raises(UserError):
            again.unlock(USER, NEW_PASSWORD)
        again.unlock(USER, PASSWORD)
