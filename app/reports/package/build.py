"""Building, signing and writing a package: nothing unprotected leaves, and never what we would refuse.

`build_package` re-checks that nothing below the disclosure threshold is about to leave, and validates
its own output with the same code the importer uses (`validate`), so we never sign what we would refuse.
Contributors (how many women stand behind each number) are never exported.
"""

from __future__ import annotations

import base64
import json
import math
import os
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from app.crypto import signing
from app.fs import atomic_write_bytes
from app.reports.package.document import (
    CONSOLIDATION_KEYS,
    COUNT_UNITS,
    DISCLOSURE_KEYS,
    FORMAT,
    FORMAT_VERSION,
    MIN_THRESHOLD,
    SIGNATURE_ALGORITHM,
    PackageError,
    canonical_bytes,
    resolved_lower_bounds,
)
from app.reports.package.load import load_package
from app.reports.package.validate import key_changes, validate_content
from app.reports.tables import AggregateTable, Number, Unit

NOT_AVAILABLE = "ND"
"""The row code of "not available or missing" answers, whose share `missing_rates` records."""


def build_package(
    tables: list[AggregateTable],
    *,
    centre: str,
    desks: list[str],
    period_start: date,
    period_end: date,
    disclosure: dict[str, Any],
    software: str,
    signing_key: bytes,
    generated_at: datetime | None = None,
    key_history: Sequence[Mapping[str, str]] = (),
    audit_head: Mapping[str, Any] | None = None,
    structure: Mapping[str, Any] | None = None,
    release_log: tuple[int, str] | None = None,
    consolidation: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Any]:
    """The signed package (a JSON-ready dict) for protected tables.

    `consolidation` names, for a centre of several PCs, the other installations whose figures the tables
    add up (`installations`) and those the release was made without (`without`, an administrator's
    decision): a reader must know that a release lacks a part of the centre.

    `release_log` is the position of the centre's release log (its number of lines and the SHA-256 of
    the last one, app.services.release_log.position): signed with the rest, so that a coordinator sees
    the log go backwards (a deleted `releases/` folder, a restore) as she sees the audit trail do.

    `structure` is the centre's stated structure at the end of the period (desks, opening, staff, 1522):
    not counts of women, it travels as stated, apart from the protected tables.

    Hours are rounded to one decimal, integral floats in count units become integers, row/column labels
    are kept only for codes present. Raises ValueError if a women-unit value is between 1 and the
    threshold minus 1 (nothing unprotected leaves, whatever happened upstream), if a value with known
    contributors below the threshold is published, or if the result would not pass `load_package`.
    """
    if generated_at is None:
        generated_at = datetime.now(UTC)
    if generated_at.tzinfo is None or generated_at.utcoffset() is None:
        raise ValueError("generated_at must be timezone-aware")
    if not isinstance(disclosure, Mapping) or set(disclosure) != DISCLOSURE_KEYS[FORMAT_VERSION]:
        raise ValueError(f"disclosure must have exactly {', '.join(sorted(DISCLOSURE_KEYS[FORMAT_VERSION]))}")
    threshold = disclosure["threshold"]
    if type(threshold) is not int or threshold < MIN_THRESHOLD:
        raise ValueError(f"disclosure threshold must be an integer >= {MIN_THRESHOLD}")

    exported = [_export_table(table, threshold) for table in tables]
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "centre": centre,
        "desks": list(desks),
        "period": {"start": _iso_date(period_start), "end": _iso_date(period_end)},
        "disclosure": {key: disclosure[key] for key in sorted(DISCLOSURE_KEYS[FORMAT_VERSION])},
        "generated_at": generated_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "software": software,
        "tables": exported,
        "missing_rates": missing_rates(tables, threshold),
    }
    public = signing.public_key_of(signing_key)
    if key_history:
        document["key_history"] = [dict(step) for step in key_history]
    if audit_head is not None:  # signed with the rest: a coordinator sees a centre's trail go backwards
        document["audit_head"] = dict(audit_head)
    if structure is not None:
        document["structure"] = json.loads(json.dumps(structure))  # a plain copy of what is signed
    if release_log is not None:
        document["release_log"] = {"seq": release_log[0], "head": release_log[1]}
    if consolidation is not None:
        document["consolidation"] = {key: list(consolidation[key]) for key in sorted(CONSOLIDATION_KEYS)}
    try:  # the importer's own checks: we never sign what we would refuse
        validate_content(document)
        key_changes(document.get("key_history"), public)
    except PackageError as exc:
        raise ValueError(f"refusing to build package: {exc}") from None
    return _signed(document, signing_key)


def _signed(document: dict[str, Any], signing_key: bytes) -> dict[str, Any]:
    public = signing.public_key_of(signing_key)
    value = signing.sign(signing_key, canonical_bytes(document))
    document["signature"] = {
        "algorithm": SIGNATURE_ALGORITHM,
        "public_key": base64.b64encode(public).decode("ascii"),
        "value": base64.b64encode(value).decode("ascii"),
    }
    return document


def resign(
    data: bytes,
    signing_key: bytes,
    key_history: Sequence[Mapping[str, str]],
    structure: Mapping[str, Any] | None = None,
) -> bytes:
    """The same released content signed again with the centre's current key and its history.

    A frozen release is served again byte for byte, but its signature may be by a key the centre has
    replaced since (after a revocation), which coordinators refuse, or its stated structure may have been
    completed or corrected since (`structure`, not counts of women): the figures stay exactly as released,
    only the signature block, `key_history` and `structure` change.
    """
    load_package(data)  # never re-sign what we would not accept
    document = json.loads(data)
    document.pop("signature", None)
    document.pop("key_history", None)
    public = signing.public_key_of(signing_key)
    if key_history:
        document["key_history"] = [dict(step) for step in key_history]
    if structure is not None:
        document["structure"] = json.loads(json.dumps(structure))
    try:
        validate_content(document)
        key_changes(document.get("key_history"), public)
    except PackageError as exc:
        raise ValueError(f"refusing to re-sign package: {exc}") from None
    return package_bytes(_signed(document, signing_key))


def package_bytes(package: Mapping[str, Any]) -> bytes:
    """The file content: the canonical form (readable enough, and byte-identical on every platform)."""
    return canonical_bytes(package) + b"\n"


def write_package(package: Mapping[str, Any], path: str | os.PathLike[str]) -> None:
    """Write atomically with owner-only permissions: a crash never leaves half a package behind."""
    atomic_write_bytes(path, package_bytes(package), mode=0o600)


def _iso_date(value: date) -> str:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValueError("period bounds must be dates (not datetimes)")
    return value.isoformat()


def _export_value(value: Number | None, unit: Unit, where: str) -> Number | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{where}: not a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{where}: not a finite number")
    if value < 0:
        raise ValueError(f"{where}: negative number")
    if isinstance(value, float):
        if unit in COUNT_UNITS:
            if not value.is_integer():
                raise ValueError(f"{where}: a count must be a whole number")
            return int(value)
        if not value.is_integer():
            raise ValueError(f"{where}: hours leave as whole numbers (disclosure control rounds them)")
        return int(value)
    return value


def _export_table(table: AggregateTable, threshold: int) -> dict[str, Any]:
    unit = Unit(table.unit)
    where = f"table {table.id!r}"
    cells = [
        [_export_value(v, unit, f"{where} cell {r}/{c}") for c, v in zip(table.cols, row, strict=True)]
        for r, row in zip(table.rows, table.cells, strict=True)
    ]
    row_totals = [
        _export_value(v, unit, f"{where} row total {r}")
        for r, v in zip(table.rows, table.row_totals, strict=True)
    ]
    col_totals = [
        _export_value(v, unit, f"{where} column total {c}")
        for c, v in zip(table.cols, table.col_totals, strict=True)
    ]
    total = _export_value(table.total, unit, f"{where} total")
    _guard_disclosure(table, unit, threshold, cells, row_totals, col_totals, total)
    row_codes, col_codes = set(table.rows), set(table.cols)
    out: dict[str, Any] = {
        "id": table.id,
        "title": table.title,
        "unit": unit.value,
        "rows": list(table.rows),
        "cols": list(table.cols),
        "cells": cells,
        "row_totals": row_totals,
        "col_totals": col_totals,
        "total": total,
        "additive": table.additive,
        "row_labels": {k: v for k, v in table.row_labels.items() if k in row_codes},
        "col_labels": {k: v for k, v in table.col_labels.items() if k in col_codes},
    }
    cell_lb, row_lb, col_lb, total_lb = resolved_lower_bounds(table)
    # A suppressed value has no bound to speak of: only published values carry the flag.
    cell_lb = [
        [f and v is not None for f, v in zip(fr, vr, strict=True)]
        for fr, vr in zip(cell_lb, cells, strict=True)
    ]
    row_lb = [f and v is not None for f, v in zip(row_lb, row_totals, strict=True)]
    col_lb = [f and v is not None for f, v in zip(col_lb, col_totals, strict=True)]
    total_lb = total_lb and total is not None
    if any(any(r) for r in cell_lb) or any(row_lb) or any(col_lb) or total_lb:
        out.update(
            lower_bound=cell_lb, row_lower_bound=row_lb, col_lower_bound=col_lb, total_lower_bound=total_lb
        )
    return out


def _guard_disclosure(
    table: AggregateTable,
    unit: Unit,
    threshold: int,
    cells: list[list[Number | None]],
    row_totals: list[Number | None],
    col_totals: list[Number | None],
    total: Number | None,
) -> None:
    """Last line of defence, independent of app.reports.disclosure: refuse rather than leak.

    A table still carrying cell keys or contributors has not been through disclosure control; a count
    below the threshold (zero included) must never be published.
    """
    where = f"table {table.id!r}"
    if table.keys or table.contributors is not None or table.total_contributors is not None:
        raise ValueError(f"{where}: not protected (it still carries cell keys or contributors)")
    if unit is not Unit.HOURS:
        values = [*(v for row in cells for v in row), *row_totals, *col_totals, total]
        if any(v is not None and v < threshold for v in values):
            raise ValueError(f"{where}: a count below the threshold {threshold} is published")


def missing_rates(tables: Sequence[AggregateTable], threshold: int) -> dict[str, dict[str, int]]:
    """For each table of women with a "not available" row: its share of the table's total, so that the
    network can weigh the figures.

    Computed on the **published** values only (the protected "not available" count over the protected
    total, rounded to a whole per cent), so a rate says nothing the tables beside it do not: where the
    count is hidden, only its bound is recorded (`below_percent`: the threshold over the total, rounded
    up); a table whose total is hidden has no rate.
    """
    rates: dict[str, dict[str, int]] = {}
    for table in tables:
        if Unit(table.unit) is not Unit.WOMEN or NOT_AVAILABLE not in table.rows or not table.total:
            continue
        nd = table.row_totals[table.rows.index(NOT_AVAILABLE)]
        total = float(table.total)
        if nd is None:
            rates[table.id] = {"below_percent": min(100, math.ceil(100 * threshold / total))}
        else:
            rates[table.id] = {"percent": min(100, round(100 * float(nd) / total))}
    return rates
