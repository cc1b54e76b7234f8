"""Packages of a known shape are checked and merged from their numbers: the same result, the same refusals.

A network report reads hundreds of packages carrying the same tables; once one list of tables passed the
strict checks, later packages of that shape are checked in a few passes and merged without a table
object each (app.reports.package.known, `merge._merge_known`). The strict, table by table way stays for
anything else. Here both ways merge the same packages: the fast one on packages whose tables were never
built, the strict one on the same packages loaded again with their tables built (which sends a merge
the table by table way).
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

import pytest

from app.crypto import signing
from app.reports import disclosure
from app.reports.package import (
    PackageError,
    VerifiedPackage,
    build_package,
    canonical_bytes,
    load_package,
    merge_packages,
    over_time,
    package_bytes,
    time_parts,
)
from app.reports.periods import Period
from app.reports.tables import AggregateTable, Number, Unit

RULE = disclosure.rule(5)
KEYS = [signing.generate_signing_key() for _ in range(3)]


def _table(
    table_id: str,
    unit: Unit,
    rows: list[str],
    cells: list[list[Number | None]],
    *,
    additive: bool = True,
    lower_bound: list[list[bool]] | None = None,
) -> AggregateTable:
    cols = ["A", "B"][: len(cells[0])]
    known = [[v or 0 for v in row] for row in cells]
    row_totals: list[Number | None] = [sum(r) if additive else max(r) + 5 for r in known]
    col_totals: list[Number | None] = [sum(c) for c in zip(*known, strict=True)]
    if any(None in row for row in cells):
        row_totals[0] = None  # a margin hidden too
    return AggregateTable(
        id=table_id,
        title=f"Tabella {table_id}",
        unit=unit,
        rows=rows,
        cols=cols,
        cells=cells,
        row_totals=row_totals,
        col_totals=col_totals,
        total=sum(map(sum, known)) + (0 if additive else 7),
        additive=additive,
        row_labels={code: f"etichetta {code}" for code in rows},
        col_labels={code: f"colonna {code}" for code in cols},
        lower_bound=lower_bound,
    )


def _tables(n: int, *, flags: bool = False, additive_flow: bool = False) -> list[AggregateTable]:
    """One package's tables, their values varying with `n`: women (left out over time), women taken in
    charge (kept), the flow (only its event rows kept over time), contacts, hours (small values), and a
    table with a "not available" row (which gives the package its missing rates)."""
    hidden: Number | None = None if n % 3 == 0 else 5 + n
    return [
        _table("age", Unit.WOMEN, ["18-29", "30-39"], [[5 + n, 7], [hidden, 8 + n % 2]]),
        _table("in_charge_citizenship", Unit.WOMEN, ["ITA", "UE"], [[9, 6 + n], [5, hidden]]),
        _table(
            "flow",
            Unit.WOMEN,
            ["CONTACTED", "IN_CHARGE_NEW", "ACTIVE", "CLOSED"],
            [[20 + n], [6 + n], [30], [hidden]],
            additive=additive_flow,
        ),
        _table(
            "contacts",
            Unit.CONTACTS,
            ["PHONE", "VISIT"],
            [[10 + n, 12], [6, 7]],
            lower_bound=[[True, False], [False, False]] if flags else None,
        ),
        _table("hours", Unit.HOURS, ["PSICO", "LEGALE"], [[n % 4], [None if n % 2 else 2]]),
        _table("education", Unit.WOMEN, ["LAUREA", "ND"], [[8 + n], [6]]),
    ]


def _bytes(n: int, key: int, period: Period, **kwargs: Any) -> bytes:
    built = build_package(
        _tables(n, **kwargs), centre=f"Centro {key}", desks=["Sportello"], period_start=period.start,
        period_end=period.end, disclosure=dict(RULE), software="Ascolto test", signing_key=KEYS[key],
        generated_at=datetime(2026, 1, 15, tzinfo=UTC),
    )  # fmt: skip
    return package_bytes(built)


def _signed(document: dict[str, Any], key: bytes) -> bytes:
    """Content signed again as it is (in canonical form, as Ascolto writes it)."""
    content = {k: v for k, v in document.items() if k != "signature"}
    content["signature"] = {
        "algorithm": "Ed25519",
        "public_key": base64.b64encode(signing.public_key_of(key)).decode(),
        "value": base64.b64encode(signing.sign(key, canonical_bytes(content))).decode(),
    }
    return package_bytes(content)


def _both_ways(files: list[bytes]) -> tuple[list[VerifiedPackage], list[VerifiedPackage]]:
    fast = [load_package(data) for data in files]
    strict = [load_package(data) for data in files]
    for p in strict:
        assert p.tables  # built: the merge takes them table by table
    return fast, strict


def _months(**kwargs: Any) -> list[bytes]:
    return [_bytes(3 * key + month, key, Period.month(2025, month), **kwargs) for key in range(3) for month in (1, 2, 3)]  # fmt: skip


def _one_month(**kwargs: Any) -> list[bytes]:
    return [_bytes(key + 1, key, Period.month(2025, 4), **kwargs) for key in range(3)]


@pytest.mark.parametrize("several_periods", [False, True])
def test_a_known_shape_merges_as_the_tables_do(several_periods: bool) -> None:
    files = _months() if several_periods else _one_month()
    fast, strict = _both_ways(files)
    assert all(p.known is not None for p in fast[1:])  # (the first was checked table by table)
    assert all(p.missing_rates for p in fast)
    merged = merge_packages(fast)
    assert not any(p.tables_built for p in fast)  # merged from the numbers
    assert merged == merge_packages(strict)
    by_id = {t.id: t for t in merged}
    assert any(t.lower_bound for t in merged) and any(False in t.row_lower_bound for t in merged)
    if several_periods:
        assert "age" not in by_id and "in_charge_citizenship" in by_id  # women present, women taken in charge
        assert by_id["flow"].rows == ["IN_CHARGE_NEW", "CLOSED"] and by_id["flow"].total is None
    else:
        assert len(merged) == 6 and by_id["flow"].rows == ["CONTACTED", "IN_CHARGE_NEW", "ACTIVE", "CLOSED"]


def test_lower_bound_flags_take_the_strict_way_with_the_same_result() -> None:
    files = [*_months(), _bytes(40, 0, Period.month(2025, 4), flags=True)]
    fast, strict = _both_ways(files)
    assert fast[-1].known is None  # a flag: checked table by table
    merged = merge_packages(fast)
    assert merged == merge_packages(strict)
    contacts = next(t for t in merged if t.id == "contacts")
    assert contacts.lower_bound is not None and contacts.lower_bound[0][0] is True


def test_packages_of_different_shapes_are_merged_table_by_table() -> None:
    month = Period.month(2025, 5)
    other = build_package(
        _tables(2)[:3], centre="Centro 2", desks=["Sportello"], period_start=month.start,
        period_end=month.end, disclosure=dict(RULE), software="Ascolto test", signing_key=KEYS[2],
        generated_at=datetime(2026, 1, 15, tzinfo=UTC),
    )  # fmt: skip
    files = [_bytes(4, 0, month), _bytes(5, 1, month), package_bytes(other)]
    fast, strict = _both_ways(files)
    merged = merge_packages(fast)
    assert merged == merge_packages(strict)
    assert next(t for t in merged if t.id == "hours").total_lower_bound is True  # absent from one: unknown


def test_a_differing_additivity_is_refused_naming_the_table() -> None:
    month = Period.month(2025, 6)
    files = [_bytes(4, 0, month), _bytes(5, 1, month, additive_flow=True)]
    fast, strict = _both_ways(files)
    assert all(p.known is not None for p in fast)
    for packages in (fast, strict):
        with pytest.raises(PackageError, match="table 'flow' is additive in one package and not in another"):
            merge_packages(packages)


def test_a_known_shape_is_still_checked_value_by_value() -> None:
    """A package shaped like one read before, with a count under the threshold, or altered after it was
    signed, is refused as any other."""
    month = Period.month(2025, 7)
    load_package(_bytes(4, 0, month))  # the shape is known
    document = build_package(
        _tables(5), centre="Centro 1", desks=["Sportello"], period_start=month.start, period_end=month.end,
        disclosure=dict(RULE), software="Ascolto test", signing_key=KEYS[1],
        generated_at=datetime(2026, 1, 15, tzinfo=UTC),
    )  # fmt: skip
    document["tables"][3]["cells"][0][1] = 4  # contacts: under the threshold of 5
    with pytest.raises(PackageError, match=r"tables\[3\].*below the threshold 5"):
        load_package(_signed(document, KEYS[1]))
    document["tables"][3]["cells"][0][1] = 5000  # a figure changed, not signed again
    with pytest.raises(PackageError, match="signature does not match"):
        load_package(package_bytes(document))
    document["tables"][4]["cells"][0][0] = 1.5  # hours with a decimal in format 2
    with pytest.raises(PackageError, match="hours are whole numbers"):
        load_package(_signed(document, KEYS[1]))


def test_the_parts_left_out_over_time_are_named_without_building_the_tables() -> None:
    fast, strict = _both_ways(_months())
    omitted = tuple(dict.fromkeys(t.id for p in strict for t in p.tables if over_time(t) is None))
    partial = tuple(dict.fromkeys(t.id for p in strict for t in p.tables if over_time(t) not in (None, t)))
    assert time_parts(fast) == time_parts(strict) == (omitted, partial) == (("age", "education"), ("flow",))
    assert [c.id for c in fast[0].table_codes()] == [t.id for t in strict[0].tables]
    assert not any(p.tables_built for p in fast)
