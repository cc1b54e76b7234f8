"""Every importer on random and mutated input: a clear error (PackageError / UserError), no crash,
nothing written.

- load_package on random bytes, random JSON, bit-flipped and truncated real packages, and real packages
  whose content was mutated and then *re-signed* (so the validators behind the signature are reached);
- inspect_backup on random bytes and mutated real backups;
- restore_backup of mutated backups into a real data folder: refused with a UserError, the folder
  byte-for-byte unchanged (the OS lock file aside) and no staging folder left behind.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.crypto import signing
from app.reports import package
from app.reports.periods import parse_period
from app.services import backup, cases, releases, reports
from app.services.errors import UserError
from app.services.workspace import Workspace
from app.storage import backup as backup_files
from tests.foundation_fixtures import ADMIN, ADMIN_PW, data_snapshot, initialise
from tests.reliability import figures

USER, PASSWORD = ADMIN, ADMIN_PW
CHEAP = figures.scaled(150, 3000)
COSTLY = figures.scaled(25, 400)
HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]


@dataclass(frozen=True)
class Sources:
    root: Path
    folder: Path
    package_bytes: bytes
    backup_bytes: bytes
    signing_key: bytes


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Sources:
    root = tmp_path_factory.mktemp("imports")
    folder = root / "data"
    ws, _ = initialise(folder, centre_code="IM")
    with ws:
        import datetime as dt

        day = dt.date(2025, 3, 1)
        for n in range(10):  # a release needs at least 10 women
            ref = cases.open_case(
                ws,
                cases.IdentityInput(f"D{n}", "X"),
                cases.ProfileInput(birth_year=1980, country="IT"),
                cases.ConsentInput(("TRATTAMENTO", "STATISTICHE"), day),
                opened_on=day,
            )
            cases.add_service(ws, ref.id, cases.ServiceInput(day, "PSICO_IND", "PRESENZA", 60, "PSICOLOGA"))
        exported = releases.export(ws, reports.prepare(ws, parse_period("2025")), root / "pkg.json")
        made = backup.make_backup(ws, root / "backups")
        with ws.transaction(write=False) as session:
            from app.models.accounts import Centre

            key = session.get_one(Centre, 1).signing_key
    return Sources(root, folder, exported.package_path.read_bytes(), made.path.read_bytes(), key)


def _folder_digest(folder: Path) -> dict[str, str]:
    """The folder's files but the lock and the failed-login record (a refused restore is counted)."""
    return {name: digest for name, digest in data_snapshot(folder).items() if name != "ascolto.lock"}


class Blob(bytes):
    """Bytes with a short repr, so a failing example does not print a 600 kB backup."""

    def __repr__(self) -> str:
        return f"<{len(self)} bytes, sha256 {hashlib.sha256(self).hexdigest()[:16]}>"


# --- mutations -------------------------------------------------------------------------------------------------------
@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "overwrite"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        else:
            chunk = draw(st.binary(min_size=1, max_size=64))
            data[at : at + len(chunk)] = chunk
    return bytes(data)


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


@st.composite
def resigned(draw: st.DrawFn, original: bytes, key: bytes) -> bytes:
    """A real package with some of its content changed, then signed again with a valid key."""
    doc = json.loads(original)
    del doc["signature"]
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(doc)[1:]))
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "delete" and isinstance(parent, dict):
            parent.pop(path[-1], None)
        elif action == "delete" and isinstance(parent, list) and path[-1] < len(parent):
            parent.pop(path[-1])
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(json_values)
        elif isinstance(parent, dict) or (isinstance(parent, list) and path[-1] < len(parent)):
            parent[path[-1]] = draw(json_values)
    value = signing.sign(key, package.canonical_bytes(doc))
    doc["signature"] = {
        "algorithm": "Ed25519",
        "public_key": base64.b64encode(signing.public_key_of(key)).decode(),
        "value": base64.b64encode(value).decode(),
    }
    return package.canonical_bytes(doc)


# --- packages ---------------------------------------------------------------------------------------------------------
def _load(raw: bytes) -> None:
    figures.add("hypothesis examples: importers")
    try:
        loaded = package.load_package(raw)
    except package.PackageError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    package.merge_packages([loaded])  # whatever loads must also merge (or refuse with a PackageError)


def test_the_real_package_loads(sources: Sources) -> None:
    package.load_package(sources.package_bytes)
    assert sources.package_bytes.startswith(b"{")


@settings(max_examples=CHEAP, deadline=None, suppress_health_check=HEALTH)
@given(raw=st.binary(max_size=2000))
def test_load_package_random_bytes(raw: bytes) -> None:
    _load(raw)


@settings(max_examples=CHEAP, deadline=None, suppress_health_check=HEALTH)
@given(doc=json_values)
def test_load_package_random_json(doc: Any) -> None:
    _load(json.dumps(doc).encode())


@settings(max_examples=CHEAP, deadline=None, suppress_health_check=HEALTH)
@given(data=st.data())
def test_load_package_mutated_bytes(sources: Sources, data: st.DataObject) -> None:
    _load(data.draw(mutated(sources.package_bytes).map(Blob)))


@settings(max_examples=CHEAP, deadline=None, suppress_health_check=HEALTH)
@given(data=st.data())
def test_load_package_mutated_and_resigned(sources: Sources, data: st.DataObject) -> None:
    _load(data.draw(resigned(sources.package_bytes, sources.signing_key)))


def test_load_package_from_paths(sources: Sources) -> None:
    for target in (sources.root, sources.root / "missing.json", Path("/dev/null")):
        with pytest.raises(package.PackageError):
            package.load_package(target)


# --- backups ------------------------------------------------------------------------------------------------------------
def _rezip(original: bytes, member: str, new: bytes, root: Path, fix_digest: bool) -> bytes:
    """The backup with one member replaced; with fix_digest the manifest's digest is updated to match."""
    source = root / "source.ascbak"
    source.write_bytes(original)
    target = root / "target.ascbak"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as zout:
        manifest = json.loads(zin.read("manifest.json"))
        for name in zin.namelist():
            payload = new if name == member else zin.read(name)
            if name == "manifest.json" and member != "manifest.json" and fix_digest:
                key = "db_sha256" if member == "ascolto.db" else "slots_sha256"
                manifest[key] = hashlib.sha256(new).hexdigest()
                payload = json.dumps(manifest).encode()
            zout.writestr(name, payload)
    return target.read_bytes()


@st.composite
def bad_backups(draw: st.DrawFn, s: Sources) -> bytes:
    choice = draw(st.sampled_from(["bytes", "random", "member", "member+digest", "manifest"]))
    if choice == "bytes":
        return draw(mutated(s.backup_bytes))
    if choice == "random":
        return draw(st.binary(max_size=4000))
    with zipfile.ZipFile(io.BytesIO(s.backup_bytes)) as archive:
        if choice == "manifest":
            manifest = json.loads(archive.read("manifest.json"))
            path = draw(st.sampled_from(_paths(manifest)[1:]))
            parent = manifest
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = draw(json_values)
            return _rezip(s.backup_bytes, "manifest.json", json.dumps(manifest).encode(), s.root, False)
        member = draw(st.sampled_from(["ascolto.db", "keyslots.json"]))
        content = draw(mutated(archive.read(member)))
    return _rezip(s.backup_bytes, member, content, s.root, choice == "member+digest")


@settings(max_examples=CHEAP, deadline=None, suppress_health_check=HEALTH)
@given(data=st.data())
def test_inspect_backup_refuses_clearly(sources: Sources, data: st.DataObject) -> None:
    raw = data.draw(bad_backups(sources).map(Blob))
    candidate = sources.root / "candidate.ascbak"
    candidate.write_bytes(raw)
    figures.add("hypothesis examples: importers")
    try:
        backup.inspect_backup(candidate)
    except UserError as exc:
        assert exc.text()


@pytest.fixture
def reserved(sources: Sources) -> Iterator[Workspace]:
    ws = Workspace.reserve(sources.folder)
    try:
        yield ws
    finally:
        ws.close()


@settings(max_examples=COSTLY, deadline=None, suppress_health_check=HEALTH)
@given(data=st.data())
def test_restore_of_a_bad_backup_changes_nothing(
    sources: Sources, reserved: Workspace, data: st.DataObject
) -> None:
    raw = data.draw(bad_backups(sources).map(Blob))
    candidate = sources.root / "candidate.ascbak"
    candidate.write_bytes(raw)
    before = _folder_digest(sources.folder)
    figures.add("hypothesis examples: importers")
    try:
        backup.restore_backup(reserved, candidate, USER, password=PASSWORD)
    except UserError as exc:
        assert exc.text()
        assert _folder_digest(sources.folder) == before, "a refused restore changed the data folder"
        assert not list(sources.folder.glob(".restore-*")), "a staging folder was left behind"
        return
    # it was accepted: only a mutation that left the database and slots intact can be (e.g. zip slack)
    reserved.lock()
    assert backup_files.read_manifest(candidate) is not None


@pytest.mark.parametrize("slots", [b"", b"{not json", b'{"format": "x"}', b"\xff\xfe"])
def test_restore_of_a_backup_with_damaged_key_slots_is_refused_clearly(
    sources: Sources, reserved: Workspace, slots: bytes
) -> None:
    """A consistent manifest over a damaged keyslots.json (as when the folder's own slot file was damaged
    before the backup was made: write_backup copies it unchecked)."""
    candidate = sources.root / "candidate.ascbak"
    candidate.write_bytes(_rezip(sources.backup_bytes, "keyslots.json", slots, sources.root, fix_digest=True))
    before = _folder_digest(sources.folder)
    backup.inspect_backup(candidate)  # the archive itself is consistent
    with pytest.raises(UserError):
        backup.restore_backup(reserved, candidate, USER, password=PASSWORD)
    assert _folder_digest(sources.folder) == before
    assert not list(sources.folder.glob(".restore-*"))
