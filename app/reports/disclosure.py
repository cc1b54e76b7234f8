"""Disclosure control: the cell key method, applied to every value before anything leaves the PC.

The rule (`METHOD`, version `RULE_VERSION`, with the p-table version, recorded in every release):

1. **Perturbation.** Every published count (cells, row and column totals, grand totals) is its true
   count plus the noise that the perturbation table (`app.reports.cellkey`) gives for its cell key and
   true count: at most 3 either way, mean 0. The same records always give the same published value, so
   a woman cannot be found by subtracting two releases, two tables or two desk sets: what remains of a
   subtraction is noise.
2. **Threshold after perturbation.** A count whose perturbed value is below k (5 by default, never
   below 3), zeros included, is hidden and printed `<k`; so is any count resting on fewer than 3
   records (the SISTAN floor, whatever the noise). Hiding zeros too means "everyone in one category"
   never shows.
3. **Amounts** (services, referrals, minors, hours) are published only where the distinct women
   behind them, perturbed the same way, reach k; services, referrals and minors are then perturbed as
   counts (and hidden below k), hours as magnitudes: plus or minus 0.1 to 3 times the
   largest share of one woman (spread evenly in logarithm), rounded to whole hours. A hidden amount is printed `n.p.` (not `<k`, which would read
   as "under five hours").

There is no secondary suppression: perturbed totals are published as they are and may differ by a few
units from the sum of their rows. Values known only from below (after a network merge) are never
perturbed again (`network_protect`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.reports import cellkey
from app.reports.tables import AggregateTable, CellKeys, Number, Position, Unit, is_intensity

RULE_VERSION = "2"
METHOD = "cell-key"
DEFAULT_K = 5
MIN_K = 3
MIN_RECORDS = 3
"""The SISTAN floor on the true frequency behind any published value, whatever the noise."""
MARGIN = -1
GRAND_TOTAL: Position = (MARGIN, MARGIN)


@dataclass
class ProtectionResult:
    """The protected copies of the tables, the rule to record with them, and what was hidden."""

    tables: list[AggregateTable]
    rule: dict[str, str | int]
    hidden: dict[str, list[Position]] = field(default_factory=dict)

    @property
    def hidden_count(self) -> int:
        return sum(len(v) for v in self.hidden.values())


def check_k(k: int) -> int:
    """Refuse thresholds below the legal floor of 3 (and non-integers)."""
    if isinstance(k, bool) or not isinstance(k, int):
        raise ValueError(f"threshold k must be an integer, got {k!r}")
    if k < MIN_K:
        raise ValueError(f"threshold k = {k} is below the minimum of {MIN_K}")
    return k


def rule(k: int = DEFAULT_K, table: cellkey.PTable | None = None) -> dict[str, str | int]:
    """The description of the rule that a release records next to its tables."""
    used = table or cellkey.ptable()
    return {
        "threshold": check_k(k),
        "method": METHOD,
        "rule_version": RULE_VERSION,
        "ptable_version": used.version,
        "max_deviation": used.max_deviation,
    }


def positions(table: AggregateTable) -> list[Position]:
    """All the positions of a table: cells, row totals, column totals, grand total."""
    return positions_of(len(table.rows), len(table.cols))


def positions_of(n: int, m: int) -> list[Position]:
    """The positions of a table of `n` rows and `m` columns, in the order of `positions`."""
    out = [(i, j) for i in range(n) for j in range(m)]
    out += [(i, MARGIN) for i in range(n)]
    out += [(MARGIN, j) for j in range(m)]
    out.append(GRAND_TOTAL)
    return out


def value_at(table: AggregateTable, pos: Position) -> Number | None:
    """The value of a position (None when hidden)."""
    i, j = pos
    if i >= 0 and j >= 0:
        return table.cells[i][j]
    if i >= 0:
        return table.row_totals[i]
    if j >= 0:
        return table.col_totals[j]
    return table.total


def set_value(table: AggregateTable, pos: Position, value: Number | None) -> None:
    i, j = pos
    if i >= 0 and j >= 0:
        table.cells[i][j] = value
    elif i >= 0:
        table.row_totals[i] = value
    elif j >= 0:
        table.col_totals[j] = value
    else:
        table.total = value


def publish_count(count: int, cell_key: int, k: int, table: cellkey.PTable | None = None) -> int | None:
    """A headcount as published: perturbed, or None (printed `<k`) below k or below the legal floor."""
    if count < MIN_RECORDS:
        return None
    value = cellkey.perturb_count(count, cell_key, table)
    return value if value >= k else None


def publish_amount(
    unit: Unit, value: Number, keys: CellKeys, k: int, table: cellkey.PTable | None = None
) -> Number | None:
    """An amount as published: None (printed `n.p.`) unless enough women stand behind it."""
    if publish_count(keys.women, keys.women_key, k, table) is None:
        return None
    if unit is Unit.HOURS:
        return cellkey.perturb_magnitude(float(value), keys.top, keys.key, table)
    return publish_count(int(value), keys.key, k, table)


def _published_copy(table: AggregateTable) -> AggregateTable:
    """A copy of the table's values, codes and labels, without what never leaves (keys, contributors).

    Built field by field: a deep copy also copied every cell key only to drop them (a tenth of the
    time of a year's indicators)."""

    def flags(values: list[bool] | None) -> list[bool] | None:
        return None if values is None else list(values)

    return dataclasses.replace(
        table,
        rows=list(table.rows),
        cols=list(table.cols),
        cells=[list(row) for row in table.cells],
        row_totals=list(table.row_totals),
        col_totals=list(table.col_totals),
        row_labels=dict(table.row_labels),
        col_labels=dict(table.col_labels),
        lower_bound=None if table.lower_bound is None else [list(row) for row in table.lower_bound],
        row_lower_bound=flags(table.row_lower_bound),
        col_lower_bound=flags(table.col_lower_bound),
        keys={},
        contributors=None,
        row_contributors=None,
        col_contributors=None,
        total_contributors=None,
    )


def _protect_table(
    table: AggregateTable, k: int, ptable: cellkey.PTable
) -> tuple[AggregateTable, list[Position]]:
    out = _published_copy(table)
    unit = Unit(table.unit)
    intensity = is_intensity(unit)  # once per table, not per value (3,000 values in a year's tables)
    hidden: list[Position] = []
    for pos in positions(table):
        value = value_at(table, pos)
        if value is None:
            hidden.append(pos)
            continue
        keys = table.keys.get(pos, CellKeys() if value == 0 else None)  # no records, no key
        if keys is None:
            raise ValueError(f"table {table.id}: no cell key at {pos}; refusing to publish it unperturbed")
        if intensity:
            published = publish_amount(unit, value, keys, k, ptable)
        else:
            if float(value) != int(value):
                raise ValueError(f"table {table.id}: a count must be an integer at {pos}, got {value}")
            published = publish_count(int(value), keys.key, k, ptable)
        set_value(out, pos, published)
        if published is None:
            hidden.append(pos)
    return out, hidden


def protect(
    tables: Sequence[AggregateTable], k: int = DEFAULT_K, ptable: cellkey.PTable | None = None
) -> ProtectionResult:
    """Perturb and threshold every value of every table (copies; the inputs are left alone).

    `ptable` defaults to the current perturbation table; an older one only serves to study or check
    what was released with it (a frozen release is served from its stored bytes, never recomputed)."""
    check_k(k)
    used = ptable or cellkey.ptable()
    result = ProtectionResult([], rule(k, used))
    for table in tables:
        protected, hidden = _protect_table(table, k, used)
        result.tables.append(protected)
        if hidden:
            result.hidden[table.id] = hidden
    return result
