"""Trust between centres and the network coordinator, tried as an attacker would (issue #13, items 5-7).

A revoked operator kept the centre's signing key; a partner's package carries HTML or bidi tricks in its
names, or one huge table; a batch holds two new keys of which only one was compared by phone. Each test
is the attack through the services or the command line; each succeeded before the fix.
"""

from __future__ import annotations

import base64
import json
import shutil
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.crypto import signing
from app.crypto.keyslots import KdfParams
from app.models.accounts import Centre
from app.reports import indicators, package, shapes
from app.reports.periods import Period, parse_period
from app.reports.tables import AggregateTable, Unit
from app.services import accounts, demo, reports
from app.services.errors import UserError
from app.services.workspace import Workspace
from tests.foundation_fixtures import run_cli

FAST = KdfParams(19456, 2, 1)
PASSWORD = "lanterna torrente civetta brina"
OTHER = "secondo fiume gatto neve"
TODAY = date(2026, 9, 30)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A centre with a year of data (and an operatrice, Bruna) and an empty network coordinator."""
    root = tmp_path_factory.mktemp("trust")
    centre, _ = Workspace.initialise(
        root / "centre", centre_name="Aiuto Donna", centre_code="BG", desk_name="Bergamo",
        username="anna", full_name="Anna", password=PASSWORD, kdf=FAST,
    )  # fmt: skip
    demo.generate(centre, cases=400, seed=5, years=1, today=TODAY)
    desk = accounts.list_help_desks(centre)[0]
    accounts.add_operator(centre, "bruna", "Bruna Verdi", "operatrice", desk.id, OTHER, kdf=FAST)
    centre.close()
    network, _ = Workspace.initialise(
        root / "network", centre_name="Rete Bergamo", centre_code="RB", desk_name="Capofila",
        username="anna", full_name="Anna", password=PASSWORD, kdf=FAST,
    )  # fmt: skip
    network.close()
    return root / "centre", root / "network"


def _copy(template: Path, target: Path) -> Workspace:
    shutil.copytree(template, target)
    (target / "ascolto.lock").unlink(missing_ok=True)
    ws = Workspace.open(target)
    ws.unlock("anna", PASSWORD)
    return ws


@pytest.fixture
def centre(templates: tuple[Path, Path], tmp_path: Path) -> Any:
    ws = _copy(templates[0], tmp_path / "centre")
    yield ws
    ws.close()


@pytest.fixture
def network(templates: tuple[Path, Path], tmp_path: Path) -> Any:
    ws = _copy(templates[1], tmp_path / "network")
    yield ws
    ws.close()


def _export(ws: Workspace, code: str, out: Path) -> Path:
    return reports.export(ws, reports.prepare(ws, parse_period(code)), out).package_path


def _signing_key(ws: Workspace) -> bytes:
    """What Bruna could read while she had an account: the database, signing key included."""
    with ws.transaction(write=False) as session:
        return session.get_one(Centre, 1).signing_key


def _forge(genuine: Path, key: bytes, out: Path, **changes: Any) -> Path:
    """A package built by someone holding `key`, from a genuine one with some content changed."""
    loaded = package.load_package(genuine)
    fields: dict[str, Any] = {
        "centre": loaded.centre, "desks": loaded.desks, "period_start": loaded.period_start,
        "period_end": loaded.period_end, "disclosure": dict(loaded.disclosure), "software": loaded.software,
    }  # fmt: skip
    fields.update(changes)
    tables = [t for t in loaded.tables]
    document = package.build_package(tables, signing_key=key, generated_at=datetime.now(UTC), **fields)
    package.write_package(document, out)
    return out


# --- 5. the signing key after a revocation -----------------------------------------------------------------
def test_a_package_forged_with_the_old_key_after_revocation_is_refused(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    first = _export(centre, "2026-Q1", tmp_path / "q1.json")
    reports.trust_key(network, reports.import_packages(network, [first])[0])
    stolen = _signing_key(centre)  # Bruna read it while employed
    accounts.revoke_operator(centre, "bruna")
    assert _signing_key(centre) != stolen  # the revocation replaced the key
    second = _export(centre, "2026-Q2", tmp_path / "q2.json")
    [item] = reports.import_packages(network, [second])
    assert item.trusted  # followed from the trusted old key, no phone call needed
    assert [c.old_fingerprint for c in item.key_changes] == [
        signing.fingerprint(signing.public_key_of(stolen))
    ]
    # With the key she kept she signs a fake quarter: the coordinator has seen the change, and refuses it.
    forged = _forge(
        second, stolen, tmp_path / "q3.json", period_start=date(2026, 7, 1), period_end=date(2026, 9, 30)
    )
    with pytest.raises(UserError, match="replaced on"):
        reports.import_packages(network, [forged])
    # Nor can she vouch for a key of her own: the network already recorded the centre's successor.
    mine = signing.generate_signing_key()
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    history = [
        package.KeyChange(
            signing.public_key_of(stolen),
            signing.public_key_of(mine),
            datetime.now(UTC).replace(microsecond=0),
            signing.sign_succession(stolen, signing.public_key_of(mine), stamp),
        ).as_json()
    ]
    loaded = package.load_package(second)
    document = package.build_package(
        loaded.tables, centre=loaded.centre, desks=loaded.desks, period_start=date(2026, 7, 1),
        period_end=date(2026, 9, 30), disclosure=dict(loaded.disclosure), software=loaded.software,
        signing_key=mine, key_history=history,
    )  # fmt: skip
    package.write_package(document, tmp_path / "fork.json")
    with pytest.raises(UserError, match="one of the two is forged"):
        reports.import_packages(network, [tmp_path / "fork.json"])
    # The earlier release, served again, is signed with the new key (same figures) and still accepted.
    again = reports.export(centre, reports.prepare(centre, parse_period("2026-Q1")), tmp_path / "again.json")
    assert not again.first_time
    [served] = reports.import_packages(network, [again.package_path])
    assert served.trusted
    assert served.package.tables == package.load_package(first).tables


def test_the_change_is_shown_to_the_coordinator(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    first = _export(centre, "2026-Q1", tmp_path / "q1.json")
    old = reports.import_packages(network, [first])[0].package.fingerprint
    reports.trust_key(network, reports.import_packages(network, [first])[0])
    accounts.rekey_now(centre)  # the administrator's explicit re-key replaces it too
    new = reports.own_fingerprint(centre)
    assert new != old
    network.close()
    second = _export(centre, "2026-Q2", tmp_path / "q2.json")
    done = run_cli(
        ["network-report", "--data-dir", str(network.folder), "--user", "anna", "--password-stdin",
         str(second), "--out", str(tmp_path / "net.pdf"), "--lang", "en"],
        tmp_path, PASSWORD,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "changed on" in done.stdout and new in done.stdout and old in done.stdout
    ws = Workspace.open(network.folder)
    ws.unlock("anna", PASSWORD)
    try:
        [change] = reports.key_changes(ws)
        assert (change.centre, change.old_fingerprint, change.new_fingerprint) == ("Aiuto Donna", old, new)
    finally:
        ws.close()


def test_release_log_lines_signed_before_the_change_still_verify(centre: Workspace, tmp_path: Path) -> None:
    from app.services import release_log, signing_keys

    _export(centre, "2026-Q1", tmp_path / "q1.json")
    accounts.rekey_now(centre)
    _export(centre, "2026-Q2", tmp_path / "q2.json")
    with centre.transaction(write=False) as session:
        keys = signing_keys.public_keys(session)
    entries = release_log.read(centre.folder, keys)
    assert [e.period_code for e in entries] == ["2026-Q1", "2026-Q2"]
    assert all(e.verified for e in entries)


# --- 6. trusting new keys ------------------------------------------------------------------------------------
def _other_centre_package(tmp_path: Path, genuine: Path, name: str) -> tuple[Path, str]:
    key = signing.generate_signing_key()
    out = _forge(genuine, key, tmp_path / f"{name}.json", centre=name)
    return out, signing.fingerprint(signing.public_key_of(key))


def _network_cli(network: Workspace, tmp_path: Path, *args: str) -> Any:
    return run_cli(
        ["network-report", "--data-dir", str(network.folder), "--user", "anna", "--password-stdin",
         "--out", str(tmp_path / "net.pdf"), "--lang", "en", *args],
        tmp_path, PASSWORD,
    )  # fmt: skip


def test_trust_new_trusts_only_the_fingerprints_named(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    genuine = _export(centre, "2026-Q1", tmp_path / "q1.json")
    sirio, sirio_fp = _other_centre_package(tmp_path, genuine, "Sirio")
    other, other_fp = _other_centre_package(tmp_path, genuine, "Centro Ignoto")
    network.close()
    done = _network_cli(network, tmp_path, str(sirio), str(other), "--trust-new", sirio_fp)
    assert done.returncode != 0
    assert sirio_fp in done.stdout and other_fp in done.stdout  # every new key listed first
    assert other_fp in done.stderr  # the one not named is why it stops
    ws = Workspace.open(network.folder)
    ws.unlock("anna", PASSWORD)
    try:
        assert [fp for _, fp, _ in reports.trusted_keys(ws)] == []  # nothing trusted unless all are named
    finally:
        ws.close()
    done = _network_cli(network, tmp_path, str(sirio), "--trust-new", sirio_fp.replace(" ", ""))
    assert done.returncode == 0, done.stderr
    ws = Workspace.open(network.folder)
    ws.unlock("anna", PASSWORD)
    try:
        assert [fp for _, fp, _ in reports.trusted_keys(ws)] == [sirio_fp]
    finally:
        ws.close()


def test_a_bare_trust_new_is_refused(centre: Workspace, network: Workspace, tmp_path: Path) -> None:
    genuine = _export(centre, "2026-Q1", tmp_path / "q1.json")
    network.close()
    done = _network_cli(network, tmp_path, str(genuine), "--trust-new")
    assert done.returncode != 0
    assert "fingerprint" in done.stderr
    assert not (tmp_path / "net.pdf").exists()


@pytest.mark.parametrize(
    "name",
    [
        "Centro \u202eanoD otuiA",  # right-to-left override: shows another name
        "Aiuto\u200b Donna",  # zero-width space: a look-alike of a trusted name
        "Aiuto Donna\u2066",  # isolate
        "Aiuto\u00adDonna",  # soft hyphen
        "Aiuto\x07Donna",  # control character
    ],
)
def test_names_with_invisible_or_direction_characters_are_refused(
    centre: Workspace, network: Workspace, tmp_path: Path, name: str
) -> None:
    genuine = _export(centre, "2026-Q1", tmp_path / "q1.json")
    document = json.loads(genuine.read_bytes())
    for field in ("centre", "desks"):
        doc = dict(document)
        doc.pop("signature")
        doc[field] = name if field == "centre" else [name]
        key = signing.generate_signing_key()
        signature = signing.sign(key, package.canonical_bytes(doc))
        doc["signature"] = {
            "algorithm": "Ed25519",
            "public_key": base64.b64encode(signing.public_key_of(key)).decode(),
            "value": base64.b64encode(signature).decode(),
        }
        path = tmp_path / f"{field}.json"
        path.write_bytes(package.package_bytes(doc))
        with pytest.raises(UserError, match=r"invisible|control") as refused:
            reports.import_packages(network, [path])
        assert field in str(refused.value)


# --- 7. hostile tables -----------------------------------------------------------------------------------------
def _hours_table(size: int) -> AggregateTable:
    codes = [f"C{i:03d}" for i in range(size)]
    return AggregateTable(
        id="services_type_mode_hours", title="Ore", unit=Unit.HOURS, rows=codes, cols=codes,
        cells=[[7 + (i * j) % 5 for j in range(size)] for i in range(size)],
        row_totals=[None] * size, col_totals=[None] * size, total=None, additive=True,
    )  # fmt: skip


def test_a_huge_table_from_a_trusted_key_is_refused_quickly(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    genuine = _export(centre, "2026-Q1", tmp_path / "q1.json")
    loaded = package.load_package(genuine)
    key = _signing_key(centre)  # a trusted centre's own key (its PC compromised, or its software)
    trusted = reports.import_packages(network, [genuine])[0]
    reports.trust_key(network, trusted)
    document = package.build_package(
        [_hours_table(150)], centre=loaded.centre, desks=["Altro"], period_start=loaded.period_start,
        period_end=loaded.period_end, disclosure=dict(loaded.disclosure), software=loaded.software,
        signing_key=key,
    )  # fmt: skip
    hostile = tmp_path / "hostile.json"
    package.write_package(document, hostile)
    started = time.monotonic()
    with pytest.raises(UserError, match="services_type_mode_hours") as refused:
        items = reports.import_packages(network, [hostile])
        reports.network_report(network, items, tmp_path / "net.pdf")
    assert time.monotonic() - started < 10
    assert "code list" in str(refused.value)


def test_a_table_that_is_no_indicator_is_refused(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    genuine = _export(centre, "2026-Q1", tmp_path / "q1.json")
    loaded = package.load_package(genuine)
    odd = AggregateTable(
        id="anything", title="Altro", unit=Unit.CONTACTS, rows=["A"], cols=["N"], cells=[[5]],
        row_totals=[5], col_totals=[5], total=5, additive=True,
    )  # fmt: skip
    document = package.build_package(
        [odd], centre=loaded.centre, desks=loaded.desks, period_start=loaded.period_start,
        period_end=loaded.period_end, disclosure=dict(loaded.disclosure), software=loaded.software,
        signing_key=signing.generate_signing_key(),
    )  # fmt: skip
    package.write_package(document, tmp_path / "odd.json")
    with pytest.raises(UserError, match="'anything' is not one of"):
        reports.import_packages(network, [tmp_path / "odd.json"])


def test_an_oversized_file_is_refused_before_it_is_read(network: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(package.MAX_BYTES + 1)  # sparse: costs nothing on disk
    started = time.monotonic()
    with pytest.raises(UserError, match="larger than"):
        reports.import_packages(network, [path])
    assert time.monotonic() - started < 1


def test_the_indicators_stay_within_the_shapes(centre: Workspace) -> None:
    """The allowed rows and columns are those the indicators produce (the file is kept in step)."""
    with centre.parallel_reads(1) as sessions:
        for period in (Period.year(2026), parse_period("2026-Q1")):
            tables = indicators.compute_indicators(sessions, period, None, "it")
            shapes.check_tables(tables)
            assert {t.id for t in tables} == set(shapes.allowed())


def test_a_restore_from_before_a_revocation_keeps_the_centre_trusted_and_its_releases(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    """Back up, revoke (new signing key), release, restore the older backup: the coordinator who followed
    the change must still accept the centre's next package, and released periods must still be served."""
    from app.services import backup

    first = _export(centre, "2026-Q1", tmp_path / "q1.json")
    reports.trust_key(network, reports.import_packages(network, [first])[0])
    old_backup = backup.make_backup(centre, tmp_path / "usb").path
    accounts.revoke_operator(centre, "bruna")
    second = _export(centre, "2026-Q2", tmp_path / "q2.json")
    assert reports.import_packages(network, [second])[0].trusted
    folder = centre.folder
    centre.lock()
    restored = backup.restore_backup(
        centre, old_backup, "anna", password=PASSWORD, current=backup.Credentials("anna", PASSWORD)
    )
    assert restored.revocations_reapplied == 1
    centre.unlock("anna", PASSWORD)
    again = reports.export(
        centre, reports.prepare(centre, parse_period("2026-Q2")), tmp_path / "q2-again.json"
    )
    assert not again.first_time  # released before the restore: the same release, not a new one
    third = _export(centre, "2026-Q3", tmp_path / "q3.json")
    for path in (again.package_path, third):
        [item] = reports.import_packages(network, [path])
        assert item.trusted, folder
