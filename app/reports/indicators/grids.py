"""Table assembly shared by the indicator sections: Python sees only the small grids SQL returns.

Each count comes with its cell key (`Counted`); the helpers here build `AggregateTable`s from them with
the code lists' rows and labels, so every section lays its tables out the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from app.models import codelists
from app.models.codelists import ND
from app.reports.cellkey import KEY_RANGE
from app.reports.tables import AggregateTable, CellKeys, Number, Unit
from app.reports.texts import ROW_LABELS, TABLE_TITLES, texts

N = "N"
NONE_CODE = "NESSUNA"


TABLE_IDS: tuple[str, ...] = tuple(TABLE_TITLES["it"])
"""Every table id, in the order `compute_indicators` returns them."""

DESK_TABLES: tuple[str, ...] = (
    "flow",
    "services_type_mode_count",
    "services_type_mode_hours",
    "services_women_by_type",
    "services_minors",
)
"""The tables a single desk's release publishes (the whole centre publishes every table).

A funder needs women, services and hours by desk (resources/profiles/finanziatore.toml reads only
these). The profile tables of every desk and month, next to the whole centre's, let an intruder place
a woman alone at her desk in a month in her category well beyond the plain guess (docs/disclosure-
control.md, "Measured"): a desk alone publishes no partition of its women by category."""


def title(table_id: str, lang: str = "it") -> str:
    """Title of a table in Italian (default) or English."""
    return texts(TABLE_TITLES, lang).get(table_id, table_id)


def _own_label(code: str, lang: str) -> str:
    return texts(ROW_LABELS, lang).get(code, code)


def labels(list_name: str | None, codes: Iterable[str], lang: str) -> dict[str, str]:
    """Row/column labels: the code list's where it has the code, ours for the extra rows."""
    out: dict[str, str] = {}
    for code in codes:
        if list_name is not None and (codelists.is_valid(list_name, code) or code == ND):
            out[code] = codelists.label(list_name, code, lang)
        else:
            out[code] = _own_label(code, lang)
    return out


Counted = tuple[int, int]
"""(count, cell key): a count and the sum of its records' keys modulo KEY_RANGE."""


def ck_sum(parts: Iterable[Counted]) -> Counted:
    count = key = 0
    for c, k in parts:
        count, key = count + c, key + k
    return count, key % KEY_RANGE


def ck_minus(whole: Counted, parts: Iterable[Counted]) -> Counted:
    """The remainder of a partition: its count and its cell key (keys subtract modulo the range)."""
    count, key = ck_sum(parts)
    return whole[0] - count, (whole[1] - key) % KEY_RANGE


def one_way(
    table_id: str,
    lang: str,
    unit: Unit,
    rows: Sequence[str],
    values: Mapping[str, Number],
    *,
    list_name: str | None,
    total: Number,
    keys: Mapping[str, CellKeys],
    total_keys: CellKeys,
    contributors: Mapping[str, int] | None = None,
    total_contributors: int | None = None,
    additive: bool = True,
) -> AggregateTable:
    """A one-column table (column N); women tables take their values as contributors."""
    vals = [values.get(r, 0) for r in rows]
    if contributors is None:
        contrib = [int(v) for v in vals]
        total_c = int(total) if total_contributors is None else total_contributors
    else:
        contrib = [int(contributors.get(r, 0)) for r in rows]
        total_c = int(total_contributors or 0)
    cell_keys: dict[tuple[int, int], CellKeys] = {}
    for i, r in enumerate(rows):
        cell_keys[(i, 0)] = cell_keys[(i, -1)] = keys.get(r, CellKeys())
    cell_keys[(-1, 0)] = cell_keys[(-1, -1)] = total_keys
    return AggregateTable(
        id=table_id,
        title=title(table_id, lang),
        unit=unit,
        rows=list(rows),
        cols=[N],
        cells=[[v] for v in vals],
        row_totals=list(vals),
        col_totals=[total],
        total=total,
        additive=additive,
        contributors=[[c] for c in contrib],
        row_contributors=list(contrib),
        col_contributors=[total_c],
        total_contributors=total_c,
        row_labels=labels(list_name, rows, lang),
        col_labels={N: N},
        keys=cell_keys,
    )


def women_table(
    table_id: str,
    lang: str,
    list_name: str | None,
    rows: Sequence[str],
    counts: Mapping[str, Counted],
    population: Counted,
    *,
    additive: bool,
) -> AggregateTable:
    """A women table over the active population (its total is that population in every table)."""
    return one_way(
        table_id, lang, Unit.WOMEN, rows, {r: c for r, (c, _) in counts.items()}, list_name=list_name,
        total=population[0], keys={r: CellKeys(key=k) for r, (_, k) in counts.items()},
        total_keys=CellKeys(key=population[1]), additive=additive,
    )  # fmt: skip


def with_nd(
    list_name: str, counts: Mapping[str, Counted], population: Counted
) -> tuple[list[str], dict[str, Counted]]:
    """Rows of a single-valued list plus ND, where ND takes every woman not in another row.

    Computing ND as the remainder (count and key) keeps the table a partition of the population even if
    a stored value were missing or not in the list.
    """
    rows = list(codelists.codes(list_name))
    if ND not in rows:
        rows.append(ND)
    values = {code: counts.get(code, (0, 0)) for code in rows if code != ND}
    values[ND] = ck_minus(population, values.values())
    return rows, values
