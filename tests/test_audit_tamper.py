"""Someone holding the data key rewrites the audit trail; `verify` must notice (issue #13, item 3).

Each test is the attack made with the key and plain SQL, as she could with the project's own Python API,
then `ascolto verify` through the service or the command line. Each passed `verify` before the fix.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.crypto import signing
from app.crypto.keyslots import DataKey
from app.reports import package
from app.reports.periods import parse_period
from app.services import audit, backup, network, releases, reports
from app.services.audit import EXPECTED_TRIGGERS, event_hash
from app.services.audit_heads import HEAD_FILE
from app.services.maintenance import VerifyReport, verify
from app.services.workspace import Workspace
from app.storage import database
from tests.foundation_fixtures import ADMIN, ADMIN_PW, add_women, data_key_of, run_cli

pytest_plugins = ["tests.foundation_fixtures"]


def _activity(folder: Path, logins: int = 20) -> None:
    """Ordinary use: each login and lock adds two events."""
    for _ in range(logins):
        with Workspace.open(folder) as ws:
            ws.unlock(ADMIN, ADMIN_PW)


def _verify(folder: Path, backups: list[Path] | None = None) -> VerifyReport:
    with Workspace.open(folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        return verify(ws, backups or [])


def _sql(folder: Path, key: bytes, *statements: str) -> None:
    with database.raw_connection(folder / "ascolto.db", DataKey(key)) as connection:
        connection.execute("BEGIN")
        for statement in statements:
            connection.execute(statement)
        connection.execute("COMMIT")


def _events(folder: Path, key: bytes) -> list[tuple[Any, ...]]:
    with database.raw_connection(folder / "ascolto.db", DataKey(key)) as connection:
        return connection.execute(
            "SELECT id, at, operator_id, action, entity, entity_id, detail, prev_hash, hash "
            "FROM audit_event ORDER BY id"
        ).fetchall()


def _rehash(folder: Path, key: bytes) -> None:
    """Recompute every hash from the anchor on, as a careful forger would after her edit."""
    rows = _events(folder, key)
    with database.raw_connection(folder / "ascolto.db", DataKey(key)) as connection:
        connection.execute("BEGIN")
        prev = connection.execute("SELECT last_hash FROM audit_anchor").fetchone()[0]
        for event_id, at, operator, action, entity, entity_id, detail, _prev, _hash in rows:
            digest = event_hash(prev, datetime.fromisoformat(at), operator, action, entity, entity_id, detail)
            connection.execute(
                "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, event_id)
            )
            prev = digest
        connection.execute("COMMIT")


def _drop_triggers(folder: Path, key: bytes) -> None:
    _sql(folder, key, *(f"DROP TRIGGER {name}" for name in EXPECTED_TRIGGERS))


def _recreate_triggers(folder: Path, key: bytes) -> None:
    _sql(folder, key, *EXPECTED_TRIGGERS.values())


def _backup_to(folder: Path, target: Path) -> Path:
    """A backup whose head is a `verify` event: a later login (same second, same account) cannot
    happen to recreate it byte for byte, as it could a login event."""
    with Workspace.open(folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        assert verify(ws).ok
        return backup.make_backup(ws, target).path


def test_an_untouched_trail_verifies(fnd_folder: Path, tmp_path: Path) -> None:
    _activity(fnd_folder, 3)
    usb = _backup_to(fnd_folder, tmp_path / "usb")
    _activity(fnd_folder, 2)
    report = _verify(fnd_folder, [usb])
    assert report.ok, report.lines()
    assert {"audit_triggers", "audit_anchor", "audit_heads"} <= set(report.checks)
    head = json.loads((fnd_folder / HEAD_FILE).read_text())
    assert head["heads"][0]["events"] == len(_events(fnd_folder, data_key_of(fnd_folder))) - 2


# --- deleting the newest events ---------------------------------------------------------------------------
def test_deleting_the_last_five_events_shows_against_a_backup_in_the_folder(fnd_folder: Path) -> None:
    _activity(fnd_folder, 5)
    _backup_to(fnd_folder, fnd_folder / "backups")  # its manifest holds the chain's head
    key = data_key_of(fnd_folder)
    last = _events(fnd_folder, key)[-1][0]
    _drop_triggers(fnd_folder, key)
    _sql(fnd_folder, key, f"DELETE FROM audit_event WHERE id > {last - 5}")
    _recreate_triggers(fnd_folder, key)
    (fnd_folder / HEAD_FILE).unlink()  # she also removed the head file beside the database
    report = _verify(fnd_folder)  # her login reuses the sequence numbers she freed
    assert report.failed_checks() == ["audit_heads"]  # what is left still hashes correctly
    assert any("the backup ascolto-" in p for p in report.checks["audit_heads"])


def test_deleting_the_last_five_events_shows_against_a_backup_elsewhere(
    fnd_folder: Path, tmp_path: Path
) -> None:
    _activity(fnd_folder, 5)
    usb = _backup_to(fnd_folder, tmp_path / "usb")
    key = data_key_of(fnd_folder)
    last = _events(fnd_folder, key)[-1][0]
    _drop_triggers(fnd_folder, key)
    _sql(fnd_folder, key, f"DELETE FROM audit_event WHERE id > {last - 5}")
    _recreate_triggers(fnd_folder, key)
    (fnd_folder / HEAD_FILE).unlink()
    _activity(fnd_folder, 4)  # the trail grows again past the old length, with other events
    ok = run_cli(["verify", "--user", ADMIN, "--password-stdin"], fnd_folder, ADMIN_PW)
    assert ok.returncode == 0, ok.stdout + ok.stderr  # nothing left in the folder to compare with
    result = run_cli(
        ["verify", "--user", ADMIN, "--password-stdin", "--backup", str(usb)], fnd_folder, ADMIN_PW
    )
    assert result.returncode == 1, result.stdout
    assert "audit_heads: FAILED" in result.stdout
    assert "rewritten" in result.stdout


def test_the_head_file_alone_shows_a_truncation_even_after_later_logins(fnd_folder: Path) -> None:
    _activity(fnd_folder, 5)
    key = data_key_of(fnd_folder)
    last = _events(fnd_folder, key)[-1][0]
    _drop_triggers(fnd_folder, key)
    _sql(fnd_folder, key, f"DELETE FROM audit_event WHERE id > {last - 5}")
    _recreate_triggers(fnd_folder, key)
    _activity(fnd_folder, 4)  # each login rewrites the head file, but keeps the head it no longer finds
    report = _verify(fnd_folder)
    assert report.failed_checks() == ["audit_heads"]


# --- moving the anchor ---------------------------------------------------------------------------------------
def _move_anchor_and_delete(folder: Path, key: bytes, through: int) -> str:
    target = next(row for row in _events(folder, key) if row[0] == through)
    _sql(
        folder,
        key,
        f"UPDATE audit_anchor SET last_id = {through}, last_hash = '{target[8]}', removed = {through}",
        f"DELETE FROM audit_event WHERE id <= {through}",
    )  # the triggers allow both
    return str(target[8])


def test_moving_the_anchor_and_deleting_the_history_is_detected(fnd_folder: Path) -> None:
    _activity(fnd_folder, 20)
    key = data_key_of(fnd_folder)
    events = _events(fnd_folder, key)
    _move_anchor_and_delete(fnd_folder, key, events[-1][0] - 1)  # 44 events to 1
    report = _verify(fnd_folder)
    assert "audit_anchor" in report.failed_checks()
    assert any("no recorded truncation" in p for p in report.checks["audit_anchor"])


def test_a_forged_truncation_event_does_not_excuse_a_young_history(fnd_folder: Path) -> None:
    """She also appends the truncation event retention would have written: the removed event it names
    is proven by the anchor's hash, and it is younger than any retention period."""
    _activity(fnd_folder, 20)
    key = data_key_of(fnd_folder)
    events = _events(fnd_folder, key)
    through = events[-1][0] - 1
    removed = next(row for row in events if row[0] == through)
    anchor_hash = _move_anchor_and_delete(fnd_folder, key, through)
    preimage = [removed[7], datetime.fromisoformat(removed[1]).isoformat(), *removed[2:7]]
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        with ws.transaction() as session:
            detail = {"through": through, "removed": through, "hash": anchor_hash, "last": preimage}
            audit.record(session, None, "audit.truncated", "audit_anchor", 1, detail)
        assert any("younger than" in p for p in verify(ws).checks["audit_anchor"])
        old = (datetime.fromisoformat(removed[1]) - timedelta(days=4000)).isoformat()
        with ws.transaction() as session:  # and a claimed older time does not match the hash
            detail = {"through": through, "removed": through, "hash": anchor_hash}
            detail["last"] = [preimage[0], old, *preimage[2:]]
            audit.record(session, None, "audit.truncated", "audit_anchor", 1, detail)
        assert any("does not match" in p for p in verify(ws).checks["audit_anchor"])


# --- re-hashing -------------------------------------------------------------------------------------------------
def test_dropped_triggers_and_a_rehashed_chain_are_detected(fnd_folder: Path) -> None:
    _activity(fnd_folder, 5)
    key = data_key_of(fnd_folder)
    victim = _events(fnd_folder, key)[3][0]
    _drop_triggers(fnd_folder, key)
    _sql(fnd_folder, key, f"DELETE FROM audit_event WHERE id = {victim}")
    _rehash(fnd_folder, key)  # ids now skip one: make them contiguous again, like a careful forger
    _sql(fnd_folder, key, f"UPDATE audit_event SET id = id - 1 WHERE id > {victim}")
    _rehash(fnd_folder, key)
    report = _verify(fnd_folder)
    assert "audit_chain" not in report.failed_checks()  # the hashes hold: that is the point of the attack
    assert "audit_triggers" in report.failed_checks()
    assert any("missing" in p for p in report.checks["audit_triggers"])


def test_a_rehashed_chain_with_its_triggers_put_back_shows_against_a_head(
    fnd_folder: Path, tmp_path: Path
) -> None:
    _activity(fnd_folder, 5)
    usb = _backup_to(fnd_folder, tmp_path / "usb")
    key = data_key_of(fnd_folder)
    victim = _events(fnd_folder, key)[3][0]
    _drop_triggers(fnd_folder, key)
    _sql(fnd_folder, key, f"UPDATE audit_event SET action = 'lock' WHERE id = {victim}")
    _rehash(fnd_folder, key)
    _recreate_triggers(fnd_folder, key)
    (fnd_folder / HEAD_FILE).unlink()
    report = _verify(fnd_folder, [usb])
    assert report.failed_checks() == ["audit_heads"]


def test_a_changed_trigger_is_detected(fnd_folder: Path) -> None:
    key = data_key_of(fnd_folder)
    _sql(
        fnd_folder,
        key,
        "DROP TRIGGER audit_event_no_delete",
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event WHEN 0 BEGIN SELECT 1; END",
    )
    report = _verify(fnd_folder)
    assert report.checks["audit_triggers"] == ["trigger audit_event_no_delete was changed"]


# --- what is not tampering ----------------------------------------------------------------------------------------
def test_a_restore_is_a_note_not_a_failure(fnd_folder: Path, tmp_path: Path) -> None:
    _activity(fnd_folder, 2)
    older = _backup_to(fnd_folder, tmp_path / "usb1")
    _activity(fnd_folder, 3)
    later = _backup_to(fnd_folder, tmp_path / "usb2")
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        backup.restore_backup(ws, older, ADMIN, password=ADMIN_PW)
        report = verify(ws, [later])
    assert report.ok, report.lines()
    assert any("restore" in n for n in report.notes)


# --- the network's view ----------------------------------------------------------------------------------------
def test_a_signed_package_carries_the_chain_head(fnd_ws: Workspace, tmp_path: Path) -> None:
    add_women(fnd_ws, 10)
    data = reports.prepare(fnd_ws, parse_period("2025-03"))
    path = releases.export(fnd_ws, data, tmp_path / "marzo.json").package_path
    head = package.load_package(path).audit_head  # signed: verified with the rest
    assert head is not None
    with fnd_ws.transaction(write=False) as session:
        events = audit.chain_head(session).events
    assert 0 < head["events"] < events  # the head when it was made; the release was recorded after


def _centre_package(key: bytes, head: dict[str, Any], when: datetime, folder: Path, name: str) -> Path:
    built = package.build_package(
        [],
        centre="Centro Sud",
        desks=["Sportello"],
        period_start=date(2025, 1, 1),
        period_end=date(2025, 1, 31),
        disclosure={"threshold": 5, "method": "cell-key", "rule_version": "2", "ptable_version": "2026.1",
                    "max_deviation": 3},
        software="Ascolto 0.1.0",
        signing_key=key,
        generated_at=when,
        audit_head=head,
    )  # fmt: skip
    path = folder / name
    package.write_package(built, path)
    return path


def test_the_coordinator_warns_when_a_centre_trail_goes_backwards(fnd_ws: Workspace, tmp_path: Path) -> None:
    key = signing.generate_signing_key()
    first = _centre_package(
        key, {"events": 50, "hash": "a" * 64, "at": "2025-02-01T10:00:00"}, datetime(2025, 2, 1, tzinfo=UTC),
        tmp_path, "gennaio.json",
    )  # fmt: skip
    items = network.import_packages(fnd_ws, [first])
    network.trust_key(fnd_ws, items[0])
    network.network_report(fnd_ws, items, tmp_path / "rete1.pdf")
    assert items[0].audit_warning is None
    later = _centre_package(
        key, {"events": 40, "hash": "b" * 64, "at": "2025-03-01T10:00:00"}, datetime(2025, 3, 1, tzinfo=UTC),
        tmp_path, "gennaio-bis.json",
    )  # fmt: skip
    items = network.import_packages(fnd_ws, [later])
    network.network_report(fnd_ws, items, tmp_path / "rete2.pdf")
    warning = items[0].audit_warning
    assert warning is not None and "went backwards" in warning.text()
    again = network.import_packages(fnd_ws, [first])  # an older package read again is not a step back
    network.network_report(fnd_ws, again, tmp_path / "rete3.pdf")
    assert again[0].audit_warning is None


def test_two_centres_of_the_same_name_keep_their_own_audit_heads(fnd_ws: Workspace, tmp_path: Path) -> None:
    """Heads are kept per signing key and succession, not per name: a namesake with a shorter trail is not
    the first centre's trail going backwards (and cannot hide it by sharing the name)."""
    long_trail, short_trail = signing.generate_signing_key(), signing.generate_signing_key()
    first = _centre_package(
        long_trail, {"events": 500, "hash": "a" * 64, "at": "2025-02-01T10:00:00"},
        datetime(2025, 2, 1, tzinfo=UTC), tmp_path, "lunga.json",
    )  # fmt: skip
    namesake = _centre_package(
        short_trail, {"events": 20, "hash": "c" * 64, "at": "2025-03-01T10:00:00"},
        datetime(2025, 3, 1, tzinfo=UTC), tmp_path, "omonimo.json",
    )  # fmt: skip
    items = network.import_packages(fnd_ws, [first, namesake])
    for item in items:
        network.trust_key(fnd_ws, item)
    items = network.import_packages(fnd_ws, [first, namesake])
    network.network_report(fnd_ws, items, tmp_path / "rete.pdf")
    assert [i.audit_warning for i in items] == [None, None]
    backwards = _centre_package(
        long_trail, {"events": 40, "hash": "b" * 64, "at": "2025-04-01T10:00:00"},
        datetime(2025, 4, 1, tzinfo=UTC), tmp_path, "lunga-bis.json",
    )  # fmt: skip
    items = network.import_packages(fnd_ws, [backwards])
    network.network_report(fnd_ws, items, tmp_path / "rete2.pdf")
    assert items[0].audit_warning is not None and "went backwards" in items[0].audit_warning.text()
