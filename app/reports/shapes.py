"""The rows and columns each indicator table may have: what a network merge accepts from a package.

Ascolto's indicators always cover whole code lists (app.reports.indicators), so every table has a
fixed, small shape (at most 19 x 4). A package is signed by a trusted key, but a trusted partner's PC
may be compromised, or its software tampered with: a table with made-up codes could stall the merge
and the report for hours (one 150 x 150 hours table took seven minutes). So the network side accepts
only the tables Ascolto computes, with rows and columns from their code lists, and refuses anything else
naming the table. The shapes are kept in resources/table-shapes.json; a test checks the indicators
never leave them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources

from app.i18n import QT_TRANSLATE_NOOP
from app.reports.package import PackageError
from app.reports.tables import AggregateTable


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


@cache
def allowed() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Table id -> (allowed row codes, allowed column codes)."""
    text = resources.files("app.resources").joinpath("table-shapes.json").read_text(encoding="utf-8")
    tables = json.loads(text)["tables"]
    return {tid: (frozenset(spec["rows"]), frozenset(spec["cols"])) for tid, spec in tables.items()}


def check_tables(tables: Iterable[AggregateTable]) -> None:
    """Refuse (PackageError naming the table) a table Ascolto does not compute or a code outside its lists."""
    shapes = allowed()
    for table in tables:
        shape = shapes.get(table.id)
        if shape is None:
            raise PackageError(
                QT_TRANSLATE_NOOP("Errors", "table {table} is not one of Ascolto's indicators"),
                table=_short(table.id),
            )
        rows, cols = shape
        stray = next((c for c in table.rows if c not in rows), None)
        if stray is not None:
            raise PackageError(
                QT_TRANSLATE_NOOP("Errors", "table {table} has a row {code} that its code list does not allow"),
                table=_short(table.id),
                code=_short(stray),
            )
        stray = next((c for c in table.cols if c not in cols), None)
        if stray is not None:
            raise PackageError(
                QT_TRANSLATE_NOOP(
                    "Errors", "table {table} has a column {code} that its code list does not allow"
                ),
                table=_short(table.id),
                code=_short(stray),
            )
