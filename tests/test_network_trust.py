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
from pypdf import PdfReader
from sqlalchemy import delete, select

from app import demo
from app.crypto import signing
from app.crypto.keyslots import KdfParams
from app.models.accounts import Centre, Setting
from app.models.audit import AuditEvent
from app.models.reports import ExportRecord
from app.reports import indicators, package, shapes
from app.reports.periods import Period, parse_period
from app.reports.tables import AggregateTable, Unit
from app.services import accounts, releases, reports
from app.services import network as net  # `network` is the coordinator's workspace here
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
    return releases.export(ws, reports.prepare(ws, parse_period(code)), out).package_path


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
    net.trust_key(network, net.import_packages(network, [first])[0])
    stolen = _signing_key(centre)  # Bruna read it while employed
    accounts.revoke_operator(centre, "bruna")
    assert _signing_key(centre) != stolen  # the revocation replaced the key
    second = _export(centre, "2026-Q2", tmp_path / "q2.json")
    [item] = net.import_packages(network, [second])
    assert item.trusted  # followed from the trusted old key, no phone call needed
    assert [c.old_fingerprint for c in item.key_changes] == [
        signing.fingerprint(signing.public_key_of(stolen))
    ]
    # With the key she kept she signs a fake quarter: the coordinator has seen the change, and refuses it.
    forged = _forge(
        second, stolen, tmp_path / "q3.json", period_start=date(2026, 7, 1), period_end=date(2026, 9, 30)
    )
    with pytest.raises(UserError, match="replaced on"):
        net.import_packages(network, [forged])
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
        net.import_packages(network, [tmp_path / "fork.json"])
    # The earlier release, served again, is signed with the new key (same figures) and still accepted.
    again = releases.export(centre, reports.prepare(centre, parse_period("2026-Q1")), tmp_path / "again.json")
    assert not again.first_time
    [served] = net.import_packages(network, [again.package_path])
    assert served.trusted
    assert served.package.tables == package.load_package(first).tables


def test_a_damaged_record_of_a_replaced_key_still_refuses_that_key(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    """The record that a key was replaced says so even when its text no longer reads: a hand-edited or
    damaged value must not turn the old key back into a trusted one."""
    first = _export(centre, "2026-Q1", tmp_path / "q1.json")
    net.trust_key(network, net.import_packages(network, [first])[0])
    stolen = _signing_key(centre)
    accounts.revoke_operator(centre, "bruna")
    net.import_packages(network, [_export(centre, "2026-Q2", tmp_path / "q2.json")])  # the change followed
    old = base64.b64encode(signing.public_key_of(stolen)).decode()
    with network.transaction() as session:
        session.get_one(Setting, "superseded_key:" + old).value = "{damaged"
    forged = _forge(
        first, stolen, tmp_path / "q3.json", period_start=date(2026, 7, 1), period_end=date(2026, 9, 30)
    )
    with pytest.raises(UserError, match="replaced on"):
        net.import_packages(network, [forged])


def test_the_change_is_shown_to_the_coordinator(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    first = _export(centre, "2026-Q1", tmp_path / "q1.json")
    old = net.import_packages(network, [first])[0].package.fingerprint
    net.trust_key(network, net.import_packages(network, [first])[0])
    accounts.rekey_now(centre)  # the administrator's explicit re-key replaces it too
    new = releases.own_fingerprint(centre)
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
        [change] = net.key_changes(ws)
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
        assert [fp for _, fp, _ in net.trusted_keys(ws)] == []  # nothing trusted unless all are named
    finally:
        ws.close()
    done = _network_cli(network, tmp_path, str(sirio), "--trust-new", sirio_fp.replace(" ", ""))
    assert done.returncode == 0, done.stderr
    ws = Workspace.open(network.folder)
    ws.unlock("anna", PASSWORD)
    try:
        assert [fp for _, fp, _ in net.trusted_keys(ws)] == [sirio_fp]
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
            net.import_packages(network, [path])
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
    trusted = net.import_packages(network, [genuine])[0]
    net.trust_key(network, trusted)
    document = package.build_package(
        [_hours_table(150)], centre=loaded.centre, desks=["Altro"], period_start=loaded.period_start,
        period_end=loaded.period_end, disclosure=dict(loaded.disclosure), software=loaded.software,
        signing_key=key,
    )  # fmt: skip
    hostile = tmp_path / "hostile.json"
    package.write_package(document, hostile)
    started = time.monotonic()
    with pytest.raises(UserError, match="services_type_mode_hours") as refused:
        items = net.import_packages(network, [hostile])
        net.network_report(network, items, tmp_path / "net.pdf")
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
        net.import_packages(network, [tmp_path / "odd.json"])


def test_an_oversized_file_is_refused_before_it_is_read(network: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(package.MAX_BYTES + 1)  # sparse: costs nothing on disk
    started = time.monotonic()
    with pytest.raises(UserError, match="larger than"):
        net.import_packages(network, [path])
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
    net.trust_key(network, net.import_packages(network, [first])[0])
    old_backup = backup.make_backup(centre, tmp_path / "usb").path
    accounts.revoke_operator(centre, "bruna")
    second = _export(centre, "2026-Q2", tmp_path / "q2.json")
    assert net.import_packages(network, [second])[0].trusted
    folder = centre.folder
    centre.lock()
    restored = backup.restore_backup(
        centre, old_backup, "anna", password=PASSWORD, current=backup.Credentials("anna", PASSWORD)
    )
    assert restored.revocations_reapplied == 1
    centre.unlock("anna", PASSWORD)
    again = releases.export(
        centre, reports.prepare(centre, parse_period("2026-Q2")), tmp_path / "q2-again.json"
    )
    assert not again.first_time  # released before the restore: the same release, not a new one
    third = _export(centre, "2026-Q3", tmp_path / "q3.json")
    for path in (again.package_path, third):
        [item] = net.import_packages(network, [path])
        assert item.trusted, folder


# --- trust belongs to a centre and its key together (issue #23, item 4) ------------------------------------------
def _succession(old: bytes, new: bytes) -> dict[str, str]:
    """A key change `old` -> `new`, signed by `old` (what a holder of `old` can always write)."""
    at = datetime.now(UTC).replace(microsecond=0)
    stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    change = package.KeyChange(
        signing.public_key_of(old),
        signing.public_key_of(new),
        at,
        signing.sign_succession(old, signing.public_key_of(new), stamp),
    )
    return change.as_json()


def test_a_trusted_key_signing_in_another_centres_name_is_not_trusted(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    """Aiuto Donna's key is trusted for Aiuto Donna; whoever holds it signs a package naming "Sirio"."""
    genuine = _export(centre, "2026-Q1", tmp_path / "q1.json")
    net.trust_key(network, net.import_packages(network, [genuine])[0])
    posing = _forge(
        genuine, _signing_key(centre), tmp_path / "sirio.json", centre="Sirio", desks=["Treviglio"]
    )
    [item] = net.import_packages(network, [posing])
    assert not item.trusted
    assert item.trusted_for == "Aiuto Donna"  # said to the coordinator, who can ask why
    with pytest.raises(UserError, match="not trusted"):
        net.network_report(network, [item], tmp_path / "net.pdf")
    item.trusted = True  # a caller's flag is not the trust store: the report checks again
    with pytest.raises(UserError, match="not trusted"):
        net.network_report(network, [item], tmp_path / "net.pdf")
    assert not (tmp_path / "net.pdf").exists()


def test_a_succession_naming_another_centre_is_not_followed(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    """Whoever holds a trusted key vouches for a key of her own in another centre's name: not followed,
    and the trusted key is not marked replaced either."""
    genuine = _export(centre, "2026-Q1", tmp_path / "q1.json")
    net.trust_key(network, net.import_packages(network, [genuine])[0])
    held = _signing_key(centre)
    mine = signing.generate_signing_key()
    loaded = package.load_package(genuine)
    document = package.build_package(
        loaded.tables, centre="Sirio", desks=["Treviglio"], period_start=loaded.period_start,
        period_end=loaded.period_end, disclosure=dict(loaded.disclosure), software=loaded.software,
        signing_key=mine, key_history=[_succession(held, mine)],
    )  # fmt: skip
    package.write_package(document, tmp_path / "sirio.json")
    [item] = net.import_packages(network, [tmp_path / "sirio.json"])
    assert not item.trusted and not item.key_changes
    assert net.key_changes(network) == []
    assert [c for c, _, _ in net.trusted_keys(network)] == ["Aiuto Donna"]
    [again] = net.import_packages(network, [genuine])  # Aiuto Donna's key still stands
    assert again.trusted


def test_a_recorded_succession_is_not_continued_in_another_centres_name(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    """The network followed Aiuto Donna's change K1 -> K2; a package K1 -> K2 -> K3 naming "Sirio"."""
    first = _export(centre, "2026-Q1", tmp_path / "q1.json")
    net.trust_key(network, net.import_packages(network, [first])[0])
    accounts.rekey_now(centre)
    second = _export(centre, "2026-Q2", tmp_path / "q2.json")
    assert net.import_packages(network, [second])[0].trusted
    current = _signing_key(centre)
    mine = signing.generate_signing_key()
    loaded = package.load_package(second)
    history = [step.as_json() for step in loaded.key_history] + [_succession(current, mine)]
    document = package.build_package(
        loaded.tables, centre="Sirio", desks=["Treviglio"], period_start=loaded.period_start,
        period_end=loaded.period_end, disclosure=dict(loaded.disclosure), software=loaded.software,
        signing_key=mine, key_history=history,
    )  # fmt: skip
    package.write_package(document, tmp_path / "sirio.json")
    [item] = net.import_packages(network, [tmp_path / "sirio.json"])
    assert not item.trusted and not item.key_changes
    assert len(net.key_changes(network)) == 1
    assert net.import_packages(network, [second])[0].trusted


# --- the network merge (issue #22, item 6) -------------------------------------------------------------------------
def test_one_centres_months_add_up_the_women_taken_in_charge_and_the_closures(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    """Three months of one centre: the women taken in charge and the pathways closed (each once) are
    summed, as the events are; the women present in each month are not (she is in every month)."""
    months = [_export(centre, f"2026-0{m}", tmp_path / f"m{m}.json") for m in (1, 2, 3)]
    quarter = {t.id: t for t in reports.prepare(centre, parse_period("2026-Q1")).tables}
    parts = [{t.id: t for t in package.load_package(m).tables} for m in months]
    items = net.import_packages(network, months)
    net.trust_key(network, items[0])
    merged = net.network_report(network, net.import_packages(network, months), tmp_path / "net.pdf")
    by_id = {t.id: t for t in merged.tables}
    slack = 4 * 3  # three perturbed parts and the quarter's own value, each at most 3 away

    def close(value: Any, whole: Any) -> bool:
        return value is None or whole is None or abs(value - whole) <= slack

    assert {"in_charge_age_istat", "closures_outcome", "perpetrator_sex", "age_by_citizenship"} <= set(by_id)
    for table_id in sorted(package.ONCE_PER_PATHWAY):
        assert table_id in by_id and table_id not in merged.omitted, table_id
        assert close(by_id[table_id].total, quarter[table_id].total), table_id
    assert (
        by_id["in_charge_age_istat"].total is not None and not by_id["in_charge_age_istat"].total_lower_bound
    )
    flow = by_id["flow"]
    assert flow.rows == ["IN_CHARGE_NEW", "CLOSED"] and flow.total is None
    for i, code in enumerate(flow.rows):
        assert close(flow.cells[i][0], quarter["flow"].cells[quarter["flow"].rows.index(code)][0]), code
    # the women active in the period are not summed: the months would count a woman three times
    assert {"age_istat", "minors", "education"} <= set(merged.omitted) and "age_istat" not in by_id
    summed = sum(p["age_istat"].total or 0 for p in parts)
    assert summed > (quarter["age_istat"].total or 0) + slack  # the premise: adding them would be wrong
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(tmp_path / "net.pdf").pages).split())
    assert "nuove prese in carico e delle chiusure" in text


def test_two_centres_with_the_same_name_and_desks_are_told_apart_by_their_keys(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    genuine = _export(centre, "2026-Q1", tmp_path / "q1.json")
    namesake = _forge(genuine, signing.generate_signing_key(), tmp_path / "namesake.json")  # its own key
    items = net.import_packages(network, [genuine, namesake])
    for item in items:
        net.trust_key(network, item)
    items = net.import_packages(network, [genuine, namesake])
    merged = net.network_report(network, items, tmp_path / "net.pdf")
    contacts = {t.id: t for t in merged.tables}["contacts"]
    one = {t.id: t for t in package.load_package(genuine).tables}["contacts"]
    assert contacts.total == 2 * (one.total or 0)
    names = [f"Aiuto Donna ({i.package.fingerprint[:9]})" for i in items]  # named apart by their keys
    assert merged.centre == ", ".join(sorted(names))
    assert len(merged.desk_names) == 2 * len(items[0].package.desks)
    # the same key, whatever name it signs with, is still one centre: its packages are not added twice
    renamed = _forge(genuine, _signing_key(centre), tmp_path / "renamed.json", centre="Aiuto Donna ODV")
    with pytest.raises(package.PackageError, match="same help desks and period"):
        package.merge_packages([package.load_package(genuine), package.load_package(renamed)])


def test_a_coordinator_does_not_trust_her_own_key(centre: Workspace, tmp_path: Path) -> None:
    """Her own centre's packages are hers; a package signed with her own replaced key is refused."""
    own = _export(centre, "2026-Q1", tmp_path / "q1.json")
    [item] = net.import_packages(centre, [own])
    assert item.trusted
    net.network_report(centre, [item], tmp_path / "net.pdf")
    assert net.trusted_keys(centre) == []
    posing = _forge(own, _signing_key(centre), tmp_path / "sirio.json", centre="Sirio")
    assert not net.import_packages(centre, [posing])[0].trusted  # her key, another centre's name
    kept = _signing_key(centre)
    accounts.rekey_now(centre)
    forged = _forge(
        own, kept, tmp_path / "old.json", period_start=date(2026, 4, 1), period_end=date(2026, 6, 30)
    )
    with pytest.raises(UserError, match="replaced on"):
        net.import_packages(centre, [forged])


# --- packages carry the release log's position (issue #22, item 5) ------------------------------------------------
def test_packages_carry_the_release_log_position(centre: Workspace, tmp_path: Path) -> None:
    import hashlib

    first = package.load_package(_export(centre, "2026-Q1", tmp_path / "q1.json"))
    assert first.release_log == {"seq": 0, "head": "0" * 64}
    second = package.load_package(_export(centre, "2026-Q2", tmp_path / "q2.json"))
    line = (centre.folder / "releases" / "log.jsonl").read_bytes().splitlines()[0]
    assert second.release_log == {"seq": 1, "head": hashlib.sha256(line).hexdigest()}
    served = releases.export(
        centre, reports.prepare(centre, parse_period("2026-Q1")), tmp_path / "again.json"
    )
    assert package.load_package(served.package_path).release_log == first.release_log  # as first released


def test_the_coordinator_warns_when_a_centre_release_log_goes_backwards(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    """The centre puts back an older copy of its folder, database and release log together (an older log
    alone is written again from the database): the next package finds fewer releases before it than the
    one the coordinator already received."""
    log = centre.folder / "releases" / "log.jsonl"
    first = _export(centre, "2026-Q1", tmp_path / "q1.json")
    older = log.read_bytes()
    second = _export(centre, "2026-Q2", tmp_path / "q2.json")
    items = net.import_packages(network, [first, second])
    net.trust_key(network, items[0])
    items = net.import_packages(network, [first, second])
    net.network_report(network, items, tmp_path / "net1.pdf")
    assert all(i.release_warning is None for i in items)
    log.write_bytes(older)  # Q2's line is gone, and so is its record: Q2 could now leave a second time
    with centre.transaction() as session:
        session.execute(delete(ExportRecord).where(ExportRecord.period_code == "2026-Q2"))
    time.sleep(1)  # generated_at is to the second
    third = _export(centre, "2026-Q3", tmp_path / "q3.json")
    [item] = net.import_packages(network, [third])
    net.network_report(network, [item], tmp_path / "net2.pdf")
    assert item.release_warning is not None and "went backwards" in item.release_warning.text()
    with network.transaction(write=False) as session:
        assert session.scalar(select(AuditEvent).where(AuditEvent.action == "network.release_log_backwards"))
    [again] = net.import_packages(network, [second])  # an older package read again is not a step back
    net.network_report(network, [again], tmp_path / "net3.pdf")
    assert again.release_warning is None
    network.close()
    done = _network_cli(network, tmp_path, str(third))
    assert done.returncode == 0, done.stderr
    assert "went backwards" in done.stderr


def test_a_package_without_a_release_log_position_is_still_read(centre: Workspace, tmp_path: Path) -> None:
    genuine = _export(centre, "2026-Q1", tmp_path / "q1.json")
    older = _forge(genuine, _signing_key(centre), tmp_path / "older.json")  # built without the member
    assert package.load_package(older).release_log is None
    document = json.loads(genuine.read_bytes())
    for bad in (
        {"seq": -1, "head": "0" * 64},
        {"seq": 1, "head": "xyz"},
        {"seq": 1},
        {"seq": 1.5, "head": "0" * 64},
    ):
        document["release_log"] = bad
        document.pop("signature")
        key = signing.generate_signing_key()
        document["signature"] = {
            "algorithm": "Ed25519",
            "public_key": base64.b64encode(signing.public_key_of(key)).decode(),
            "value": base64.b64encode(signing.sign(key, package.canonical_bytes(document))).decode(),
        }
        with pytest.raises(package.PackageError, match="release_log"):
            package.load_package(package.package_bytes(document))


def test_the_command_line_says_which_centre_a_key_is_trusted_for(
    centre: Workspace, network: Workspace, tmp_path: Path
) -> None:
    genuine = _export(centre, "2026-Q1", tmp_path / "q1.json")
    net.trust_key(network, net.import_packages(network, [genuine])[0])
    fingerprint = releases.own_fingerprint(centre)
    posing = _forge(
        genuine, _signing_key(centre), tmp_path / "sirio.json", centre="Sirio", desks=["Treviglio"]
    )
    network.close()
    done = _network_cli(network, tmp_path, str(posing))
    assert done.returncode != 0 and not (tmp_path / "net.pdf").exists()
    assert "trusted for Aiuto Donna, not for Sirio" in done.stdout
    # one key in two names in one batch: it cannot be trusted for both
    done = _network_cli(network, tmp_path, str(genuine), str(posing), "--trust-new", fingerprint)
    assert done.returncode != 0 and "a key belongs to one centre" in done.stderr
    # a centre that renamed itself: confirmed for the new name, the key moves there
    renamed = _forge(genuine, _signing_key(centre), tmp_path / "odv.json", centre="Aiuto Donna ODV")
    done = _network_cli(network, tmp_path, str(renamed), "--trust-new", fingerprint)
    assert done.returncode == 0, done.stderr
    ws = Workspace.open(network.folder)
    ws.unlock("anna", PASSWORD)
    try:
        assert [c for c, _, _ in net.trusted_keys(ws)] == ["Aiuto Donna ODV"]
        assert not net.import_packages(ws, [genuine])[0].trusted
    finally:
        ws.close()
