"""Signed aggregate packages: what leaves is protected and signed; what arrives is verified or refused.

Real Ed25519 keys throughout: a mocked signature would prove nothing about tampering.
"""

from __future__ import annotations

import base64
import copy
import gc
import json
import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.crypto import signing
from app.i18n import translate_in
from app.reports import disclosure
from app.reports.package import (
    KeyChange,
    MergedTable,
    PackageError,
    VerifiedPackage,
    build_package,
    canonical_bytes,
    load_package,
    merge_packages,
    mixes_periods,
    package_bytes,
    signed_bytes,
    write_package,
)
from app.reports.package import load as package_load
from app.reports.package import (
    resign as package_resign,
)
from app.reports.tables import AggregateTable, CellKeys, Number, Unit

KEY = signing.generate_signing_key()
OTHER_KEY = signing.generate_signing_key()
RULE = disclosure.rule(5)
STAMP = datetime(2026, 1, 15, 9, 30, 12, 123456, tzinfo=UTC)


def women_table(cells: list[list[Number | None]] | None = None, *, table_id: str = "age") -> AggregateTable:
    cells = cells if cells is not None else [[5, 7], [6, 8]]
    full = [[v or 0 for v in row] for row in cells]
    return AggregateTable(
        id=table_id,
        title="Donne per età e cittadinanza",
        unit=Unit.WOMEN,
        rows=["18-29", "30-39"],
        cols=["ITA", "EXTRAUE"],
        cells=cells,
        row_totals=[sum(r) for r in full],
        col_totals=[sum(c) for c in zip(*full, strict=True)],
        total=sum(map(sum, full)),
        row_labels={"18-29": "18-29 anni", "30-39": "30-39 anni", "UNUSED": "not in the table"},
        col_labels={"ITA": "italiana", "EXTRAUE": "straniera extra-UE"},
    )


def hours_table(values: list[Number | None] | None = None) -> AggregateTable:
    values = values if values is not None else [12, 40]
    known = sum(v for v in values if v is not None)
    return AggregateTable(
        id="hours",
        title="Ore di servizio per tipo",
        unit=Unit.HOURS,
        rows=["PSICO_IND", "LEGALE_CIV"],
        cols=["N"],
        cells=[[v] for v in values],
        row_totals=list(values),
        col_totals=[known],
        total=known,
    )


def make(
    tables: list[AggregateTable] | None = None,
    *,
    key: bytes = KEY,
    centre: str = "Aiuto Donna",
    desks: list[str] | None = None,
    start: date = date(2025, 1, 1),
    end: date = date(2025, 12, 31),
    generated_at: datetime = STAMP,
    structure: dict[str, Any] | None = None,
    release_log: tuple[int, str] | None = None,
    consolidation: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    return build_package(
        tables if tables is not None else [women_table(), hours_table()],
        centre=centre,
        desks=desks if desks is not None else ["Bergamo", "Dalmine"],
        period_start=start,
        period_end=end,
        disclosure=dict(RULE),
        software="Ascolto 0.1.0",
        signing_key=key,
        generated_at=generated_at,
        structure=structure,
        release_log=release_log,
        consolidation=consolidation,
    )


STRUCTURE: dict[str, Any] = {
    "on": "2025-12-31",
    "centre": {
        "adheres_1522": "SI",
        "available_h24": "ND",
        "staff_paid": {"PSICOLOGA": 2},
        "staff_volunteer": {"AVVOCATA": 1},
    },
    "desks": [{"name": "Bergamo", "days": ["LUN", "GIO"], "hours_week": 12, "languages": ["IT", "EN"]}],
}


def with_structure(**change: Any) -> Any:
    """An edit putting the stated structure in, changed where asked (`desk`: a change to its one desk)."""

    def edit(doc: dict[str, Any]) -> None:
        structure = copy.deepcopy(STRUCTURE)
        structure["desks"][0].update(change.pop("desk", {}))
        structure["centre"].update(change.pop("centre", {}))
        structure.update(change)
        doc["structure"] = structure

    return edit


def resign(document: dict[str, Any], key: bytes = KEY) -> bytes:
    """Sign arbitrary content, to reach the validator behind the signature check."""
    content = {k: v for k, v in document.items() if k != "signature"}
    content["signature"] = {
        "algorithm": "Ed25519",
        "public_key": base64.b64encode(signing.public_key_of(key)).decode(),
        "value": base64.b64encode(signing.sign(key, canonical_bytes(content))).decode(),
    }
    return json.dumps(content).encode()


def loaded(**kwargs: Any) -> VerifiedPackage:
    return load_package(package_bytes(make(**kwargs)))


BASE = make()
BASE_BYTES = package_bytes(BASE)
BASE_LOADED = load_package(BASE_BYTES)


# --- signing --------------------------------------------------------------------------------------


def test_signing_primitives() -> None:
    public = signing.public_key_of(KEY)
    assert len(KEY) == 32 and len(public) == 32
    signature = signing.sign(KEY, b"message")
    assert signing.verify(public, b"message", signature)
    assert not signing.verify(public, b"messagE", signature)
    assert not signing.verify(signing.public_key_of(OTHER_KEY), b"message", signature)
    for garbage in (b"", b"x" * 31, b"x" * 64):
        assert not signing.verify(garbage, b"message", signature)
        assert not signing.verify(public, b"message", garbage)
    assert not signing.verify("not bytes", b"message", signature)  # type: ignore[arg-type]
    fp = signing.fingerprint(public)
    assert len(fp.split(" ")) == 8 and all(len(g) == 4 for g in fp.split(" "))
    assert fp != signing.fingerprint(signing.public_key_of(OTHER_KEY))
    with pytest.raises(ValueError):
        signing.sign(b"short", b"message")


# --- build, write, load ---------------------------------------------------------------------------


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "aiuto-donna-2025.json"
    write_package(BASE, path)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left behind
    package = load_package(path)
    assert package == BASE_LOADED
    assert package.centre == "Aiuto Donna"
    assert package.desks == ["Bergamo", "Dalmine"]
    assert (package.period_start, package.period_end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert package.disclosure == RULE
    assert package.generated_at == datetime(2026, 1, 15, 9, 30, 12, tzinfo=UTC)
    assert package.public_key == signing.public_key_of(KEY)
    assert package.fingerprint == signing.fingerprint(signing.public_key_of(KEY))
    age, hours = package.tables
    assert age.cells == [[5, 7], [6, 8]] and age.total == 26 and age.unit is Unit.WOMEN
    assert age.row_labels == {"18-29": "18-29 anni", "30-39": "30-39 anni"}  # labels of absent codes dropped
    assert age.contributors is None and age.lower_bound is None
    assert hours.cells == [[12], [40]]  # hours leave as whole numbers


def test_document_shape() -> None:
    assert BASE["format"] == "ascolto-aggregates" and BASE["version"] == 2
    assert BASE["disclosure"] == disclosure.rule(5)
    assert BASE["generated_at"] == "2026-01-15T09:30:12Z"
    assert BASE["period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    assert BASE["software"] == "Ascolto 0.1.0"
    assert set(BASE["tables"][0]) == {
        "id", "title", "unit", "rows", "cols", "cells", "row_totals", "col_totals", "total",
        "additive", "row_labels", "col_labels",
    }  # fmt: skip
    assert canonical_bytes(BASE) + b"\n" == BASE_BYTES


def test_outsider_verification_recipe() -> None:
    """The few lines of docs/aggregate-package.md, with nothing of ours but the bytes."""
    package = json.loads(BASE_BYTES.decode("utf-8"))
    sig = package.pop("signature")
    message = json.dumps(package, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(sig["public_key"]))
    key.verify(base64.b64decode(sig["value"]), message)  # raises InvalidSignature if altered
    assert message == signed_bytes(BASE)


def test_no_contributors_anywhere() -> None:
    def keys(node: Any) -> list[str]:
        if isinstance(node, dict):
            return [*node, *(k for v in node.values() for k in keys(v))]
        if isinstance(node, list):
            return [k for v in node for k in keys(v)]
        return []

    assert not [k for k in keys(BASE) if "contributor" in k or k in ("keys", "record_key", "cell_key")]
    assert b"contributor" not in BASE_BYTES and b"record_key" not in BASE_BYTES


def test_build_refuses_unprotected_women() -> None:
    with pytest.raises(ValueError, match="below the threshold"):
        make([women_table([[5, 2], [6, 8]])])
    with pytest.raises(ValueError, match="below the threshold"):  # zero too: "nobody here" must not show
        make([women_table([[5, 0], [6, 8]])])
    margin_leak = women_table([[None, None], [6, 8]])
    margin_leak.row_totals[0] = 3
    with pytest.raises(ValueError, match="below the threshold"):
        make([margin_leak])
    hidden = women_table([[None, None], [6, 8]])
    hidden.row_totals[0] = None
    make([hidden])  # hidden values are fine


def test_build_refuses_tables_that_skipped_disclosure_control() -> None:
    """Cell keys or contributors mean the table never went through `disclosure.protect`."""
    table = hours_table()
    table.contributors = [[9], [2]]
    with pytest.raises(ValueError, match="not protected"):
        make([table])
    keyed = women_table()
    keyed.keys = {(0, 0): CellKeys(key=7)}
    with pytest.raises(ValueError, match="not protected"):
        make([keyed])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda kw: kw.update(disclosure={**RULE, "threshold": 2}), "threshold"),
        (lambda kw: kw.update(disclosure={"threshold": 5}), "disclosure"),
        (lambda kw: kw.update(generated_at=datetime(2026, 1, 1)), "timezone"),
        (lambda kw: kw.update(period_start=date(2026, 1, 1)), "start is after end"),
        (lambda kw: kw.update(desks=[]), "desks"),
        (lambda kw: kw.update(centre="x" * 201), "centre"),
        (lambda kw: kw.update(tables=[women_table(), women_table()]), "repeated table id"),
    ],
)
def test_build_refuses_bad_arguments(change: Any, message: str) -> None:
    kwargs: dict[str, Any] = {
        "tables": [women_table()],
        "centre": "Aiuto Donna",
        "desks": ["Bergamo"],
        "period_start": date(2025, 1, 1),
        "period_end": date(2025, 12, 31),
        "disclosure": dict(RULE),
        "software": "Ascolto 0.1.0",
        "signing_key": KEY,
        "generated_at": STAMP,
    }
    change(kwargs)
    with pytest.raises(ValueError, match=message):
        build_package(**kwargs)


# --- refusals on load -----------------------------------------------------------------------------


def tampered_value() -> bytes:
    assert b"[[5,7],[6,8]]" in BASE_BYTES
    return BASE_BYTES.replace(b"[[5,7],[6,8]]", b"[[5,7],[6,9]]")


def tampered_signature() -> bytes:
    doc = copy.deepcopy(BASE)
    raw = bytearray(base64.b64decode(doc["signature"]["value"]))
    raw[10] ^= 1
    doc["signature"]["value"] = base64.b64encode(bytes(raw)).decode()
    return package_bytes(doc)


def other_key_claimed() -> bytes:
    doc = copy.deepcopy(BASE)
    doc["signature"]["public_key"] = base64.b64encode(signing.public_key_of(OTHER_KEY)).decode()
    return package_bytes(doc)


def edited(edit: Any, *, sign: bool = True) -> bytes:
    doc = copy.deepcopy(BASE)
    edit(doc)
    return resign(doc) if sign else package_bytes(doc)


def table0(doc: dict[str, Any]) -> dict[str, Any]:
    table: dict[str, Any] = doc["tables"][0]
    return table


REFUSED: dict[str, bytes] = {
    "tampered value": tampered_value(),
    "tampered signature": tampered_signature(),
    "someone else's key": other_key_claimed(),
    "truncated": BASE_BYTES[: len(BASE_BYTES) // 2],
    "random bytes": bytes(range(256)) * 4,
    "empty": b"",
    "not json": b"centre,desk,count\nAiuto Donna,Bergamo,12\n",
    "not utf-8": BASE_BYTES.replace(b"Aiuto", b"Ai\xfftto"),
    "utf-8 bom": b"\xef\xbb\xbf" + BASE_BYTES,
    "json array": b"[1, 2, 3]",
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "NaN": BASE_BYTES.replace(b"[[12],[40]]", b"[[NaN],[40]]"),
    "duplicate key": BASE_BYTES.replace(
        b'{"centre":"Aiuto Donna",', b'{"centre":"X","centre":"Aiuto Donna",'
    ),
    "unsigned": edited(lambda d: d.pop("signature"), sign=False),
    "wrong format": edited(lambda d: d.update(format="something-else")),
    "newer version": edited(lambda d: d.update(version=3)),
    "version as string": edited(lambda d: d.update(version="1")),
    "wrong algorithm": edited(lambda d: d["signature"].update(algorithm="RSA"), sign=False),
    "non-canonical base64": edited(
        lambda d: d["signature"].update(value=d["signature"]["value"] + "\n"), sign=False
    ),
    "unknown top-level key": edited(lambda d: d.update(woman_name="Maria")),
    "unknown key, unsigned": edited(lambda d: d.update(note="x"), sign=False),
    "unknown table key": edited(lambda d: table0(d).update(contributors=[[5, 7], [6, 8]])),
    "missing key": edited(lambda d: d.pop("period")),
    "negative number": edited(lambda d: table0(d)["cells"][0].__setitem__(0, -5)),
    "negative zero": edited(lambda d: d["tables"][1]["cells"][0].__setitem__(0, -0.0)),
    "two decimals": edited(lambda d: d["tables"][1]["cells"][0].__setitem__(0, 12.34)),
    "fraction of an hour": edited(lambda d: d["tables"][1]["cells"][0].__setitem__(0, 12.5)),
    "float count": edited(lambda d: table0(d)["cells"][0].__setitem__(0, 5.0)),
    "bool as number": edited(lambda d: table0(d)["cells"][0].__setitem__(0, True)),
    "huge number": edited(lambda d: table0(d).update(total=10**13)),
    "string as number": edited(lambda d: table0(d).update(total="26")),
    "too few cells": edited(lambda d: table0(d)["cells"][1].pop()),
    "too many rows of cells": edited(lambda d: table0(d)["cells"].append([5, 5])),
    "margins too short": edited(lambda d: table0(d)["col_totals"].pop()),
    "repeated row code": edited(lambda d: table0(d).update(rows=["A", "A"])),
    "label for absent code": edited(lambda d: table0(d)["row_labels"].update(ZZ="zz")),
    "unknown unit": edited(lambda d: table0(d).update(unit="euros")),
    "unit as list": edited(lambda d: table0(d).update(unit=["women"])),
    "women below threshold": edited(lambda d: table0(d)["cells"][0].__setitem__(0, 2)),
    "threshold below 3": edited(lambda d: d["disclosure"].update(threshold=2)),
    "period reversed": edited(lambda d: d["period"].update(start="2026-01-01")),
    "not a date": edited(lambda d: d["period"].update(end="2025-02-30")),
    "date with time": edited(lambda d: d["period"].update(end="2025-12-31T00:00:00")),
    "bad timestamp": edited(lambda d: d.update(generated_at="2026-01-15 09:30:12")),
    "no desks": edited(lambda d: d.update(desks=[])),
    "repeated desk": edited(lambda d: d.update(desks=["Bergamo", "bergamo"])),
    "long string": edited(lambda d: d.update(centre="x" * 201)),
    "control character": edited(lambda d: d.update(centre="Aiuto\nDonna")),
    "lone surrogate": BASE_BYTES.replace(b'"Aiuto Donna"', b'"Aiuto \\ud800Donna"'),
    "too many tables": edited(lambda d: d.update(tables=[{**table0(d), "id": f"t{i}"} for i in range(201)])),
    "too many rows": edited(
        lambda d: d["tables"].__setitem__(
            1,
            {
                **d["tables"][1],
                "rows": [f"r{i}" for i in range(501)],
                "cells": [[0]] * 501,
                "row_totals": [0] * 501,
            },
        )
    ),
    "repeated table id": edited(lambda d: d["tables"].append(table0(d))),
    "lower bound on suppressed cell": edited(
        lambda d: table0(d).update(cells=[[None, 7], [6, 8]], lower_bound=[[True, False], [False, False]])
    ),
    "lower bound not boolean": edited(lambda d: table0(d).update(lower_bound=[[1, 0], [0, 0]])),
    "structure of another day": edited(with_structure(on="2026-06-30")),
    "structure of a desk not in the package": edited(with_structure(desk={"name": "Milano"})),
    "structure with an unknown language": edited(with_structure(desk={"languages": ["IT", "XX"]})),
    "structure with a day twice": edited(with_structure(desk={"days": ["LUN", "LUN"]})),
    "structure with impossible hours": edited(with_structure(desk={"hours_week": 169})),
    "structure with a negative staff count": edited(with_structure(centre={"staff_paid": {"PSICOLOGA": -1}})),
    "structure with an unknown profession": edited(with_structure(centre={"staff_paid": {"PILOTA": 1}})),
    "structure with an unknown answer": edited(with_structure(centre={"adheres_1522": "FORSE"})),
    "structure with an unknown key": edited(with_structure(notes="free text")),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused(name: str) -> None:
    with pytest.raises(PackageError) as caught:
        load_package(REFUSED[name])
    message = str(caught.value)
    assert message and "\n" not in message and len(message) < 300


@pytest.mark.parametrize("name", list(REFUSED))
def test_refusals_are_said_in_the_language_of_the_reader(name: str) -> None:
    with pytest.raises(PackageError) as caught:
        load_package(REFUSED[name])
    refusal = caught.value
    assert refusal.text(lambda context, text: translate_in("en", context, text)) == str(refusal)
    italian = refusal.text(lambda context, text: translate_in("it", context, text))
    assert italian != str(refusal) and "\n" not in italian


def test_merge_refusals_are_said_in_italian_with_their_values() -> None:
    a = loaded()
    with pytest.raises(PackageError, match="given twice") as caught:
        merge_packages([a, a])
    italian = caught.value.text(lambda context, text: translate_in("it", context, text))
    assert italian.startswith("lo stesso pacchetto è stato indicato due volte: ")
    assert a.fingerprint in italian


def test_tampering_is_reported_as_such() -> None:
    for name in ("tampered value", "tampered signature", "someone else's key", "unknown key, unsigned"):
        with pytest.raises(PackageError, match=r"signature does not match|unknown key"):
            load_package(REFUSED[name])


def test_oversized(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="larger than"):
        load_package(BASE_BYTES, max_bytes=len(BASE_BYTES) - 1)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 5_000_001)
    with pytest.raises(PackageError, match="larger than"):
        load_package(big)
    assert load_package(BASE_BYTES, max_bytes=len(BASE_BYTES)) == BASE_LOADED


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="cannot read"):
        load_package(tmp_path / "absent.json")


def test_the_stated_structure_travels_signed_and_can_be_restated() -> None:
    released = loaded(structure=STRUCTURE)
    assert released.structure == STRUCTURE
    assert BASE_LOADED.structure is None  # optional: older packages have none
    later = copy.deepcopy(STRUCTURE)
    later["desks"][0]["hours_week"] = 20
    data = package_bytes(make(structure=STRUCTURE))
    restated = load_package(package_resign(data, KEY, (), later))
    assert restated.structure == later and restated.tables == released.tables  # the figures as released
    with pytest.raises(ValueError, match="refusing to re-sign"):
        package_resign(data, KEY, (), {**later, "on": "2025-06-30"})


def test_whitespace_and_escapes_do_not_matter() -> None:
    pretty = json.dumps(json.loads(BASE_BYTES), indent=2, ensure_ascii=True).encode()
    assert load_package(pretty) == BASE_LOADED


def test_lower_bounds_travel() -> None:
    table = women_table([[5, 7], [6, 8]])
    table.lower_bound = [[True, False], [False, False]]
    package = loaded(tables=[table])
    got = package.tables[0]
    assert got.lower_bound == [[True, False], [False, False]]
    assert got.row_lower_bound == [True, False] and got.col_lower_bound == [True, False]
    assert got.total_lower_bound is True


# --- fuzzing --------------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_byte_mutations_are_refused_or_harmless(data: st.DataObject) -> None:
    blob = bytearray(BASE_BYTES)
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate"]))
        at = data.draw(st.integers(0, max(len(blob) - 1, 0)))
        if kind == "flip" and blob:
            blob[at] ^= 1 << data.draw(st.integers(0, 7))
        elif kind == "set" and blob:
            blob[at] = data.draw(st.sampled_from(b' {}[],:"0159.-e\\nulltrue'))
        elif kind == "insert":
            blob[at:at] = data.draw(st.binary(min_size=1, max_size=4))
        elif kind == "delete":
            del blob[at : at + data.draw(st.integers(1, 8))]
        else:
            del blob[at:]
    try:
        result = load_package(bytes(blob))
    except PackageError:
        return
    assert result == BASE_LOADED


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**15), 10**15)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(st.characters(exclude_categories=["Cs"]), max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.booleans())
def test_structural_mutations_are_refused_or_harmless(data: st.DataObject, sign_again: bool) -> None:
    """Replace any node with any JSON value, signed again or not: PackageError or a sane package."""
    doc = copy.deepcopy(BASE)
    path = data.draw(st.sampled_from(_paths(doc)[1:]))
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = data.draw(json_values)
    blob = resign(doc) if sign_again and "signature" in doc else json.dumps(doc).encode()
    try:
        result = load_package(blob)
    except PackageError:
        return
    if not sign_again:
        assert result == BASE_LOADED
    else:  # whatever got through is something we would build ourselves
        assert load_package(package_bytes(json.loads(blob))) == result
        for table in result.tables:
            assert all(v is None or v >= 0 for row in table.cells for v in row)


# --- merge ----------------------------------------------------------------------------------------


def test_merge_sums_cell_by_cell() -> None:
    a = loaded(tables=[women_table([[5, 7], [6, 8]]), hours_table([12, 40])], desks=["Bergamo"])
    b = loaded(
        tables=[women_table([[10, 5], [5, 20]]), hours_table([1, 2])], key=OTHER_KEY, centre="Sirio",
        desks=["Treviglio"],
    )  # fmt: skip
    age, hours = merge_packages([a, b])
    assert isinstance(age, MergedTable)
    assert age.cells == [[15, 12], [11, 28]]
    assert age.row_totals == [27, 39] and age.col_totals == [26, 40] and age.total == 66
    assert age.lower_bound is None
    assert age.row_lower_bound == [False, False] and age.col_lower_bound == [False, False]
    assert age.total_lower_bound is False
    assert hours.cells == [[13], [42]] and hours.total == 55


def test_suppressed_cell_becomes_lower_bound() -> None:
    a = loaded(tables=[women_table([[None, 7], [6, 8]])], desks=["Bergamo"])
    b = loaded(tables=[women_table([[10, 5], [5, 20]])], key=OTHER_KEY, centre="Sirio", desks=["Romano"])
    (age,) = merge_packages([a, b])
    assert age.cells == [[10, 12], [11, 28]]
    assert age.lower_bound == [[True, False], [False, False]]
    assert age.row_lower_bound == [False, False]  # margins were published by both
    assert age.cells[0][0] == 10


def test_suppressed_margin_becomes_lower_bound() -> None:
    table = women_table([[None, None], [6, 8]])
    table.row_totals[0] = None
    table.total = None
    a = loaded(tables=[table], desks=["Bergamo"])
    b = loaded(tables=[women_table()], key=OTHER_KEY, centre="Sirio", desks=["Romano"])
    (age,) = merge_packages([a, b])
    assert age.row_totals == [12, 28] and age.row_lower_bound == [True, False]
    assert age.total == 26 and age.total_lower_bound is True
    assert age.col_lower_bound == [False, False]


def test_merge_unions_codes_and_marks_missing_tables() -> None:
    extra = women_table()
    extra.rows = ["18-29", "40-49"]
    a = loaded(tables=[women_table(), hours_table()], desks=["Bergamo"])
    b = loaded(tables=[extra], key=OTHER_KEY, centre="Sirio", desks=["Romano"])
    age, hours = merge_packages([a, b])
    assert age.rows == ["18-29", "30-39", "40-49"]
    assert age.cells == [[10, 14], [6, 8], [6, 8]]
    assert age.lower_bound is None
    assert hours.lower_bound == [[True], [True]] and hours.total_lower_bound is True  # absent != zero


def test_merge_same_centre_different_desks() -> None:
    a = loaded(desks=["Bergamo"])
    b = loaded(desks=["Dalmine"])
    age, _ = merge_packages([a, b])
    assert age.cells == [[10, 14], [12, 16]]


def test_merge_same_desk_consecutive_periods_adds_events_not_women() -> None:
    """A woman followed in both semesters would be counted twice: women tables are left out."""
    a = loaded(desks=["Bergamo"], start=date(2025, 1, 1), end=date(2025, 6, 30))
    b = loaded(desks=["Bergamo"], start=date(2025, 7, 1), end=date(2025, 12, 31))
    assert mixes_periods([a, b])
    (hours,) = merge_packages([a, b])
    assert hours.id == "hours" and hours.total == 104
    c = loaded(
        desks=["Dalmine"], key=OTHER_KEY, centre="Sirio", start=date(2025, 1, 1), end=date(2025, 6, 30)
    )
    assert not mixes_periods([a, c]) and [t.id for t in merge_packages([a, c])] == ["age", "hours"]


def test_merge_refuses_duplicates() -> None:
    with pytest.raises(PackageError, match="same package"):
        merge_packages([BASE_LOADED, load_package(BASE_BYTES)])
    regenerated = loaded(generated_at=datetime(2026, 2, 1, tzinfo=UTC))
    with pytest.raises(PackageError, match="same help desks and period"):
        merge_packages([BASE_LOADED, regenerated])
    successor = load_package(
        package_bytes(
            build_package(
                [women_table(), hours_table()], centre="Aiuto Donna", desks=["Bergamo", "Dalmine"],
                period_start=date(2025, 1, 1), period_end=date(2025, 12, 31), disclosure=dict(RULE),
                software="Ascolto 0.1.0", signing_key=OTHER_KEY, generated_at=STAMP,
                key_history=[_change(KEY, OTHER_KEY)],
            )
        )
    )  # fmt: skip
    with pytest.raises(PackageError, match="same help desks and period"):  # one centre across its key change
        merge_packages([BASE_LOADED, successor])


def test_centres_are_told_apart_by_key_not_by_name() -> None:
    """Two centres with the same name and desk names (each its own key) are two centres."""
    namesake = loaded(key=OTHER_KEY)
    age, _ = merge_packages([BASE_LOADED, namesake])
    assert age.total == 2 * (BASE_LOADED.tables[0].total or 0)
    assert not mixes_periods(
        [BASE_LOADED, loaded(key=OTHER_KEY, start=date(2025, 1, 1), end=date(2025, 6, 30))]
    )


def test_merge_refuses_overlapping_periods() -> None:
    a = loaded(desks=["Bergamo"], start=date(2025, 1, 1), end=date(2025, 6, 30))
    b = loaded(desks=["Bergamo", "Dalmine"], start=date(2025, 6, 30), end=date(2025, 12, 31))
    with pytest.raises(PackageError, match="overlapping periods"):
        merge_packages([a, b])
    renamed = loaded(desks=["Bergamo"], centre="Another name", start=date(2025, 3, 1), end=date(2025, 3, 31))
    with pytest.raises(PackageError, match="overlapping periods"):  # same key, whatever the name says
        merge_packages([a, renamed])


def test_merge_refuses_mismatched_structures() -> None:
    hours_as_women = hours_table()
    hours_as_women.unit = Unit.SERVICES
    hours_as_women.cells = [[12], [40]]
    hours_as_women.row_totals = [12, 40]
    hours_as_women.col_totals = [52]
    hours_as_women.total = 52
    a = loaded(desks=["Bergamo"])
    b = loaded(tables=[hours_as_women], key=OTHER_KEY, centre="Sirio", desks=["Romano"])
    with pytest.raises(PackageError, match="counts hours in one package and services"):
        merge_packages([a, b])
    not_additive = women_table()
    not_additive.additive = False
    c = loaded(tables=[not_additive], key=OTHER_KEY, centre="Sirio", desks=["Romano"])
    with pytest.raises(PackageError, match="additive"):
        merge_packages([a, c])
    with pytest.raises(PackageError):
        merge_packages([])


def test_a_value_hidden_everywhere_stays_hidden() -> None:
    a = loaded(tables=[women_table([[None, 7], [6, 8]])], desks=["Bergamo"])
    b = loaded(tables=[women_table([[None, 7], [6, 8]])], key=OTHER_KEY, centre="Sirio", desks=["Romano"])
    (age,) = merge_packages([a, b])
    assert age.cells[0][0] is None and age.cells[0][1] == 14  # never a "0" or "≥ 0" for two hidden values


# --- the documents for outsiders ------------------------------------------------------------------

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "resources" / "aggregate-package.schema.json"


def test_schema_matches_the_format() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    optional = {"key_history", "missing_rates", "audit_head", "structure", "release_log", "consolidation"}
    assert set(schema["required"]) == set(BASE) - optional == set(schema["properties"]) - optional
    assert not optional & set(schema["required"])
    table = schema["$defs"]["table"]
    assert set(table["required"]) == set(BASE["tables"][0])
    assert set(table["properties"]) == set(BASE["tables"][0]) | {
        "lower_bound", "row_lower_bound", "col_lower_bound", "total_lower_bound",
    }  # fmt: skip


def test_schema_accepts_our_packages() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    table = women_table()
    table.lower_bound = [[True, False], [False, False]]
    for package in (
        BASE,
        make(tables=[table]),
        _with_history(),
        make(structure=STRUCTURE),
        make(release_log=(3, "a" * 64)),
        make(consolidation={"installations": ["Sportello Seriate"], "without": ["Sportello Dalmine"]}),
    ):
        validator.validate(package)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(json.loads(REFUSED["unknown table key"]))


def test_documented_fingerprint_recipe() -> None:
    import hashlib

    raw = hashlib.sha256(base64.b64decode(BASE["signature"]["public_key"])).digest()[:16].hex()
    assert " ".join(raw[i : i + 4] for i in range(0, 32, 4)) == BASE_LOADED.fingerprint


# --- key changes ------------------------------------------------------------------------------------


def _change(old: bytes, new: bytes, at: datetime = STAMP) -> dict[str, str]:
    stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    change = KeyChange(
        signing.public_key_of(old), signing.public_key_of(new), at.replace(microsecond=0),
        signing.sign_succession(old, signing.public_key_of(new), stamp),
    )  # fmt: skip
    return change.as_json()


def _with_history(history: list[dict[str, str]] | None = None, key: bytes = OTHER_KEY) -> dict[str, Any]:
    return build_package(
        [women_table()], centre="Aiuto Donna", desks=["Bergamo"], period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31), disclosure=dict(RULE), software="Ascolto 0.1.0", signing_key=key,
        generated_at=STAMP, key_history=history if history is not None else [_change(KEY, OTHER_KEY)],
    )  # fmt: skip


def test_a_key_history_is_carried_and_checked() -> None:
    third = signing.generate_signing_key()
    chain = [_change(KEY, OTHER_KEY), _change(OTHER_KEY, third)]
    got = load_package(package_bytes(_with_history(chain, third)))
    assert [c.old for c in got.key_history] == [signing.public_key_of(KEY), signing.public_key_of(OTHER_KEY)]
    assert got.key_history[-1].new == got.public_key


@pytest.mark.parametrize(
    "history, reason",
    [
        ([{**_change(KEY, OTHER_KEY), "at": "2026-01-16T09:30:12Z"}], "not signed by the key it replaces"),
        ([_change(OTHER_KEY, KEY)], "does not end at the key"),
        ([_change(KEY, OTHER_KEY), _change(KEY, OTHER_KEY)], "does not follow"),
    ],
)
def test_a_key_history_that_does_not_hold_is_refused(history: list[dict[str, str]], reason: str) -> None:
    document = json.loads(package_bytes(_with_history()))
    document["key_history"] = history
    with pytest.raises(PackageError, match=reason):
        load_package(resign(document, OTHER_KEY))
    with pytest.raises(ValueError, match=reason):
        _with_history(history)


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u2066", "\ufeff", "\U000e0041"])
def test_invisible_characters_are_refused_in_every_text(char: str) -> None:
    for field in ("centre", "title"):
        document = json.loads(BASE_BYTES)
        if field == "centre":
            document["centre"] = f"Aiuto{char}Donna"
        else:
            document["tables"][0]["title"] = f"Donne{char}"
        with pytest.raises(PackageError, match="invisible or text-direction"):
            load_package(resign(document))


def test_reading_packages_leaves_the_cycle_collector_as_it_was() -> None:
    assert gc.isenabled()
    load_package(BASE_BYTES)
    assert gc.isenabled()
    with pytest.raises(PackageError):
        load_package(REFUSED["NaN"])
    assert gc.isenabled()
    gc.disable()
    try:
        load_package(BASE_BYTES)
        assert not gc.isenabled()  # a pause inside a pause does not turn it back on early
    finally:
        gc.enable()


def test_canonical_files_take_the_fast_path_with_non_ascii_text() -> None:
    data = package_bytes(
        make(centre="Centro «Città» – Sirio", desks=["Bergamo", "Nérée"], structure=STRUCTURE)
    )
    _document, message = package_load._parse(data.decode("utf-8"), data)
    assert message is not None and message == signed_bytes(json.loads(data))  # the bytes the signer signed
    assert load_package(data).centre == "Centro «Città» – Sirio"
