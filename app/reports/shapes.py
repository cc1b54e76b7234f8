"""The rows and columns each indicator table may have: what a network merge accepts from a package.

Ascolto's indicators always cover whole code lists (app.reports.indicators), so every table has a
fixed, small shape (at most 19 x 4). A package is signed by a trusted key, but a trusted partner's PC
may be compromised, or its software tampered with: a table with made-up codes could stall the merge
and the report for hours (one 150 x 150 hours table took seven minutes). So the network side accepts
only the tables Ascolto computes, with rows and columns from their code lists, and refuses anything else
naming the table. The shapes are those of the indicators themselves, computed once over an empty
in-memory schema (`catalogue`), which export profiles validate against too: a table added to the
indicators is known to both with no list to keep in step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from app.i18n import QT_TRANSLATE_NOOP
from app.reports.package import PackageError, TableCodes
from app.reports.tables import AggregateTable


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


@cache
def catalogue() -> Mapping[str, AggregateTable]:
    """Every table Ascolto produces, with all its rows and columns (zero counts, nothing protected).

    The indicator tables follow the code lists whatever the data, so an empty database gives every row
    and column a release can hold.
    """
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from app.models import Base
    from app.reports import indicators
    from app.reports.periods import Period

    engine = create_engine("sqlite://")
    try:
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            tables = indicators.compute_indicators(session, Period.year(2000), None, "it")
    finally:
        engine.dispose()
    return {table.id: table for table in tables}


@cache
def allowed() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Table id -> (allowed row codes, allowed column codes)."""
    return {tid: (frozenset(t.rows), frozenset(t.cols)) for tid, t in catalogue().items()}


def check_tables(tables: Iterable[AggregateTable | TableCodes]) -> None:
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
                QT_TRANSLATE_NOOP(
                    "Errors", "table {table} has a row {code} that its code list does not allow"
                ),
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
