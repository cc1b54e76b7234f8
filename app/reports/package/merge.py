"""Merging verified packages into the network's tables, without counting a woman twice.

Sums of perturbed values are published as they are; a value hidden in some input makes the sum a lower
bound. Packages from one source (a signing key and its succession) must not overlap; one centre's
months add up over time only in the tables that count an event once (`over_time`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.i18n import QT_TRANSLATE_NOOP
from app.reports.package.document import (
    MAX_CODES,
    MAX_TABLES,
    TABLE_UNITS,
    PackageError,
    VerifiedPackage,
    resolved_lower_bounds,
    short_repr,
)
from app.reports.tables import AggregateTable, Number, Unit


@dataclass
class MergedTable(AggregateTable):
    """A network table summed over several packages, published as it is (no further perturbation).

    Sums of perturbed values are themselves protected: each part already is. Where some input had the
    value hidden (or lacked the table, or flagged a lower bound) the value is the sum of the known parts,
    flagged as a lower bound (`lower_bound` for cells, None when no cell is one, and the always explicit
    `row_lower_bound`, `col_lower_bound`, `total_lower_bound`); where no input published it, it stays
    hidden (None).
    """


def merge_packages(packages: Sequence[VerifiedPackage]) -> list[MergedTable]:
    """Sum the tables of several verified packages into network tables (see MergedTable).

    Refuses (PackageError) anything that would count women twice: the same package twice, two packages
    from the same source (`sources`: a signing key and its succession, whatever name they carry) for the
    same desks and period, or with a desk in common and overlapping periods. Different centres, or
    different desks of one centre, over the same period are what a network report is made of; one
    centre's months may be added into a year, but then only what adds up over time is merged
    (`over_time`). Tables are matched by id and must agree on unit and additivity; rows and columns are
    the union of the codes seen (first-seen order), a code missing from a package counts as 0, a table
    missing from a package makes its values lower bounds (unknown, not zero).
    """
    if not packages:
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "no packages to merge"))
    _refuse_double_counting(packages)
    several_periods = mixes_periods(packages)
    fast = _merge_known(packages, several_periods)
    if fast is not None:
        return fast
    order: list[str] = []
    by_id: dict[str, list[AggregateTable | None]] = {}
    for index, package in enumerate(packages):
        for whole in package.tables:
            table = over_time(whole) if several_periods else whole
            if table is None:
                continue
            if table.id not in by_id:
                if len(by_id) >= MAX_TABLES:
                    raise PackageError(
                        QT_TRANSLATE_NOOP("Errors", "more than {n} different tables to merge"), n=MAX_TABLES
                    )
                order.append(table.id)
                by_id[table.id] = [None] * len(packages)
            if by_id[table.id][index] is not None:
                raise PackageError(
                    QT_TRANSLATE_NOOP("Errors", "table {table} appears twice in one package"),
                    table=short_repr(table.id),
                )
            by_id[table.id][index] = table
    return [_merge_table(by_id[table_id]) for table_id in order]


ONCE_PER_PATHWAY = frozenset(
    {
        # the women taken in charge in the period (ISTAT's base), by profile, violence and perpetrator
        "in_charge_age_istat", "in_charge_citizenship", "in_charge_education", "in_charge_employment",
        "in_charge_marital_status", "in_charge_has_children", "in_charge_violence_forms",
        "in_charge_relationship_macro", "help_sought", "perpetrators_count", "perpetrator_sex",
        "perpetrator_age", "perpetrator_citizenship", "perpetrator_weapons", "perpetrator_alcohol",
        "perpetrator_drugs", "perpetrator_prior_violence", "police_report_outcome",
        "police_report_by_relationship", "violence_by_relationship", "age_by_citizenship",
        # the pathways closed in the period, by outcome
        "closures_outcome",
    }
)  # fmt: skip
"""Tables of women that count an event happening once per woman and pathway: being taken in charge, or
her pathway being closed. Each woman falls in exactly one period, so a centre's months add up to its
quarter (up to the perturbation of each part), whatever she did in the other months."""
EVENT_ROWS: Mapping[str, frozenset[str]] = {"flow": frozenset({"IN_CHARGE_NEW", "CLOSED"})}
"""Tables of women of which only some rows count such an event: the flow's new and closed pathways. Its
other rows (contacted, received, continuing, active) and its total count women present in the period."""


def over_time(table: AggregateTable) -> AggregateTable | None:
    """The part of one package's table that may be added over consecutive periods of one centre, or None.

    A table adds up over time when each thing it counts happens in one period only. Contacts, services,
    hours and referrals do; so do the women *taken in charge* in the period and the pathways *closed* in
    it (`ONCE_PER_PATHWAY`, `EVENT_ROWS`): a woman is taken in charge once per pathway, on one day, so she
    is in one month's table only. A table of the women *active* (or contacted, or received) in the period
    does not: a woman followed from January to March is in each month's table, and adding the months
    would count her three times; nor does "minors" (her children, counted with her). Those are left out.
    Of a table only partly additive, the event rows are kept; its margins, which count distinct women
    over every row, become unknown (None), and are not printed (the table is not additive).
    """
    keep = _rows_over_time(table.id, Unit(table.unit), table.rows, table.additive)
    if keep is None:
        return table
    if not keep:
        return None
    cell_lb, row_lb, _, _ = resolved_lower_bounds(table)
    return AggregateTable(
        id=table.id,
        title=table.title,
        unit=table.unit,
        rows=[table.rows[i] for i in keep],
        cols=list(table.cols),
        cells=[list(table.cells[i]) for i in keep],
        row_totals=[table.row_totals[i] for i in keep],
        col_totals=[None] * len(table.cols),
        total=None,
        additive=False,
        row_labels={
            table.rows[i]: table.row_labels[table.rows[i]] for i in keep if table.rows[i] in table.row_labels
        },
        col_labels=dict(table.col_labels),
        lower_bound=[cell_lb[i] for i in keep],
        row_lower_bound=[row_lb[i] for i in keep],
        col_lower_bound=[False] * len(table.cols),
        total_lower_bound=False,
    )


def _rows_over_time(table_id: str, unit: Unit, rows: Sequence[str], additive: bool) -> list[int] | None:
    """The rows of a table that add up over time (see `over_time`): None for the whole table, else the
    indexes of the event rows kept (none: the table is left out)."""
    if (unit is not Unit.WOMEN and table_id != "minors") or table_id in ONCE_PER_PATHWAY:
        return None
    events = EVENT_ROWS.get(table_id)
    if events is None or additive:
        return []
    return [i for i, code in enumerate(rows) if code in events]


def time_parts(packages: Sequence[VerifiedPackage]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ids of the packages' tables that `over_time` leaves out, and of those it keeps only some rows
    of (first-seen order), read without building the tables."""
    omitted: dict[str, None] = {}
    partial: dict[str, None] = {}
    for p in packages:
        for t in p.table_codes():
            keep = _rows_over_time(t.id, t.unit, t.rows, t.additive)
            if keep is not None:
                (partial if keep else omitted).setdefault(t.id, None)
    return tuple(omitted), tuple(partial)


def adds_over_time(table: AggregateTable) -> bool:
    """Whether the whole table adds up over one centre's consecutive periods (see `over_time`)."""
    return over_time(table) is table


def sources(packages: Sequence[VerifiedPackage]) -> list[int]:
    """The source of each package (an index): packages signed by one key, or by keys linked by a signed
    key change (`key_history`), come from one centre, whatever name they carry; different keys with no
    change between them are different centres, even with the same name and desk names."""
    parent: dict[bytes, bytes] = {}

    def root(key: bytes) -> bytes:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for p in packages:
        for change in p.key_history:
            parent[root(change.old)] = root(p.public_key)
            parent[root(change.new)] = root(p.public_key)
    roots: dict[bytes, int] = {}
    return [roots.setdefault(root(p.public_key), len(roots)) for p in packages]


def mixes_periods(packages: Sequence[VerifiedPackage]) -> bool:
    """Whether one source (`sources`) sends packages for different periods."""
    seen: dict[int, tuple[date, date]] = {}
    for source, p in zip(sources(packages), packages, strict=True):
        if seen.setdefault(source, (p.period_start, p.period_end)) != (p.period_start, p.period_end):
            return True
    return False


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _describe(p: VerifiedPackage) -> str:
    return f"{p.centre!r} {p.period_start.isoformat()}..{p.period_end.isoformat()} (key {p.fingerprint})"


def _same_source_pairs(packages: Sequence[VerifiedPackage]) -> list[tuple[int, int]]:
    """Pairs (i < j) of packages from one source (`sources`).

    Only these can count a woman twice; grouping first keeps a year of 56 centres' months (672
    packages, 225,000 pairs) to the few thousand pairs within each centre.
    """
    groups: dict[int, list[int]] = {}
    for index, source in enumerate(sources(packages)):
        groups.setdefault(source, []).append(index)
    return sorted(pair for members in groups.values() for pair in itertools.combinations(members, 2))


def _refuse_double_counting(packages: Sequence[VerifiedPackage]) -> None:
    signatures: set[bytes] = set()
    for p in packages:
        if p.signature and p.signature in signatures:
            raise PackageError(
                QT_TRANSLATE_NOOP("Errors", "the same package was given twice: {package}"),
                package=_describe(p),
            )
        signatures.add(p.signature)
    desks = [{_norm(d) for d in p.desks} for p in packages]
    for i, j in _same_source_pairs(packages):
        a, b = packages[i], packages[j]
        same_period = (a.period_start, a.period_end) == (b.period_start, b.period_end)
        if desks[i] == desks[j] and same_period:
            raise PackageError(
                QT_TRANSLATE_NOOP("Errors", "two packages cover the same help desks and period: {package}"),
                package=_describe(a),
            )
        common = desks[i] & desks[j]
        if common and a.period_start <= b.period_end and b.period_start <= a.period_end:
            raise PackageError(
                QT_TRANSLATE_NOOP("Errors", "overlapping periods for help desk {desk}: {first} and {second}"),
                desk=repr(sorted(common)[0]),
                first=_describe(a),
                second=_describe(b),
            )


def _ordered_union(lists: Iterable[list[str]]) -> list[str]:
    seen: dict[str, None] = {}
    last: list[str] | None = None
    for codes in lists:
        if codes != last:  # the usual case: every package lists the same codes, added once
            seen.update(dict.fromkeys(codes))  # a code seen before keeps its place
            last = codes
    return list(seen)


def _first_labels(dicts: Iterable[dict[str, str]]) -> dict[str, str]:
    """Each code's label as the first input giving one has it."""
    labels: dict[str, str] = {}
    last: dict[str, str] | None = None
    for names in dicts:
        if names != last:  # an input labelled like the one before adds nothing
            for code, label in names.items():
                labels.setdefault(code, label)
            last = names
    return labels


def _tidy(value: Number) -> Number:
    return round(value, 1) + 0.0 if isinstance(value, float) else value


_Part = tuple[Number | None, bool]
"""One input's contribution to a position: value (None if hidden) and lower-bound flag."""


_Merged = tuple[Number | None, bool]
"""A merged position: its value (None if hidden everywhere) and whether it is only a lower bound."""


def merge_position(values: Sequence[Number | None], flags: Sequence[bool], unknown: bool) -> _Merged:
    """One position across inputs: the sum of the known parts (None when none is known), and whether it
    is only a lower bound (a part hidden or flagged, or an input without the table).

    Public: export profiles group codes by the same rule (app.reports.profiles)."""
    known = [v for v in values if v is not None]
    if not known:
        return None, False
    return _tidy(sum(known)), unknown or len(known) < len(values) or any(flags)


def _sum_parts(parts: Iterable[_Part], unknown: bool) -> _Merged:
    values, flags = zip(*parts, strict=True)
    return merge_position(values, flags, unknown)


class _Input:
    """One package's version of a table, indexed by code, with every lower-bound flag explicit."""

    def __init__(self, table: AggregateTable) -> None:
        self.table = table
        self.rows = {code: i for i, code in enumerate(table.rows)}
        self.cols = {code: j for j, code in enumerate(table.cols)}
        self.cell_lb, self.row_lb, self.col_lb, self.total_lb = resolved_lower_bounds(table)

    def cell(self, r: str, c: str) -> _Part:
        i, j = self.rows.get(r), self.cols.get(c)
        if i is None or j is None:
            return 0, False  # code absent from this package: nobody there
        return self.table.cells[i][j], self.cell_lb[i][j]

    def row(self, r: str) -> _Part:
        i = self.rows.get(r)
        return (0, False) if i is None else (self.table.row_totals[i], self.row_lb[i])

    def col(self, c: str) -> _Part:
        j = self.cols.get(c)
        return (0, False) if j is None else (self.table.col_totals[j], self.col_lb[j])

    def total(self) -> _Part:
        return self.table.total, self.total_lb


def _flagged(table: AggregateTable) -> bool:
    """Whether any value of the table is flagged a lower bound (explicitly, or by its cells)."""
    return bool(
        (table.lower_bound and any(map(any, table.lower_bound)))
        or any(table.row_lower_bound or ())
        or any(table.col_lower_bound or ())
        or table.total_lower_bound
    )


def _sum_aligned(
    tables: list[AggregateTable], height: int, width: int, unknown: bool
) -> tuple[list[list[_Merged]], list[_Merged], list[_Merged], _Merged]:
    """`_sum_parts` position by position when every input has the same rows and columns (the usual case,
    tables follow the code lists): one pass over each input's values, summed across inputs with zip.
    The lower-bound flags are gathered only when some input has one (a centre's own packages do not)."""
    values = [
        [*itertools.chain.from_iterable(t.cells), *t.row_totals, *t.col_totals, t.total] for t in tables
    ]
    if any(map(_flagged, tables)):
        flags = []
        for t in tables:
            cell_lb, row_lb, col_lb, total_lb = resolved_lower_bounds(t)
            flags.append([*itertools.chain.from_iterable(cell_lb), *row_lb, *col_lb, total_lb])
        merged = [
            merge_position(column, lower, unknown)
            for column, lower in zip(zip(*values, strict=True), zip(*flags, strict=True), strict=True)
        ]
    else:
        merged = [merge_position(column, (), unknown) for column in zip(*values, strict=True)]
    n_cells = height * width
    cells = [merged[i * width : (i + 1) * width] for i in range(height)]
    row_totals = merged[n_cells : n_cells + height]
    col_totals = merged[n_cells + height : n_cells + height + width]
    return cells, row_totals, col_totals, merged[-1]


def _merge_table(parts: list[AggregateTable | None]) -> MergedTable:
    tables = [table for table in parts if table is not None]
    first = tables[0]
    unit = Unit(first.unit)
    for other in tables[1:]:
        if Unit(other.unit) is not unit:
            raise PackageError(
                QT_TRANSLATE_NOOP(
                    "Errors", "table {table} counts {unit} in one package and {other} in another"
                ),
                table=short_repr(first.id),
                unit=unit.value,
                other=Unit(other.unit).value,
            )
        if other.additive != first.additive:
            raise PackageError(
                QT_TRANSLATE_NOOP("Errors", "table {table} is additive in one package and not in another"),
                table=short_repr(first.id),
            )
    unknown = len(tables) < len(parts)  # a package without this table: its share is unknown, not zero
    rows = _ordered_union(t.rows for t in tables)
    cols = _ordered_union(t.cols for t in tables)
    if len(rows) > MAX_CODES or len(cols) > MAX_CODES:
        raise PackageError(
            QT_TRANSLATE_NOOP("Errors", "table {table} has more than {n} rows or columns once merged"),
            table=short_repr(first.id),
            n=MAX_CODES,
        )

    if all(t.rows == rows and t.cols == cols for t in tables):
        cells, row_totals, col_totals, total = _sum_aligned(tables, len(rows), len(cols), unknown)
    else:
        inputs = [_Input(table) for table in tables]
        cells = [[_sum_parts((x.cell(r, c) for x in inputs), unknown) for c in cols] for r in rows]
        row_totals = [_sum_parts((x.row(r) for x in inputs), unknown) for r in rows]
        col_totals = [_sum_parts((x.col(c) for x in inputs), unknown) for c in cols]
        total = _sum_parts((x.total() for x in inputs), unknown)

    row_labels = _first_labels(t.row_labels for t in tables)
    col_labels = _first_labels(t.col_labels for t in tables)
    return _merged(first, unit, (rows, cols, row_labels, col_labels), (cells, row_totals, col_totals, total))


def _merged(
    first: AggregateTable | tuple[str, str, bool],
    unit: Unit,
    codes: tuple[list[str], list[str], dict[str, str], dict[str, str]],
    sums: tuple[list[list[_Merged]], list[_Merged], list[_Merged], _Merged],
) -> MergedTable:
    """The network table of merged positions; `first` gives the id, title and additivity."""
    table_id, title, additive = (
        (first.id, first.title, first.additive) if isinstance(first, AggregateTable) else first
    )
    rows, cols, row_labels, col_labels = codes
    cells, row_totals, col_totals, total = sums
    cell_flags = [[lb for _, lb in row] for row in cells]
    return MergedTable(
        id=table_id,
        title=title,
        unit=unit,
        rows=rows,
        cols=cols,
        cells=[[value for value, _ in row] for row in cells],
        row_totals=[value for value, _ in row_totals],
        col_totals=[value for value, _ in col_totals],
        total=total[0],
        additive=additive,
        row_labels=row_labels,
        col_labels=col_labels,
        lower_bound=cell_flags if any(any(r) for r in cell_flags) else None,
        row_lower_bound=[lb for _, lb in row_totals],
        col_lower_bound=[lb for _, lb in col_totals],
        total_lower_bound=total[1],
    )


# --- packages of a known shape, merged from their numbers ------------------------------------------------


def _merge_known(packages: Sequence[VerifiedPackage], several_periods: bool) -> list[MergedTable] | None:
    """The merge of `merge_packages` (after its checks of the packages) when every package was checked
    in one known shape (`VerifiedPackage.known`: the same tables, codes and labels in the same order,
    whole numbers, no lower-bound flag) and its table objects were never built: summed from each
    package's list of numbers, position by position, with no table object per package. The same
    result as the table by table way, which takes over (None) for anything else, e.g. tables whose
    additivity differs (which it refuses, naming the table)."""
    if any(p.known is None or p.tables_built for p in packages):
        return None
    knowns = [p.known for p in packages if p.known is not None]
    layout = knowns[0].layout
    if any(k.layout is not layout and k.layout.shapes != layout.shapes for k in knowns):
        return None
    merged: list[MergedTable] = []
    for index, (table_id, title, unit_code, rows, cols, row_labels, col_labels) in enumerate(layout.shapes):
        additive = knowns[0].additive[index]
        if any(k.additive[index] is not additive for k in knowns):
            return None
        unit = TABLE_UNITS[unit_code]
        keep = _rows_over_time(table_id, unit, rows, additive) if several_periods else None
        if keep is not None and not keep:
            continue  # does not add up over time: left out
        height, width, start = len(rows), len(cols), layout.starts[index]
        size = height * width
        if keep is None:
            sums = _column_sums([k.values[start : start + size + height + width + 1] for k in knowns])
            cells = [sums[i * width : (i + 1) * width] for i in range(height)]
            margins = sums[size : size + height], sums[size + height : size + height + width], sums[-1]
            codes = list(rows), list(cols), dict(row_labels), dict(col_labels)
        else:  # the event rows only: their margins over every row are unknown (see `over_time`)
            sums = _column_sums(
                [
                    [
                        *itertools.chain.from_iterable(
                            k.values[start + i * width : start + (i + 1) * width] for i in keep
                        ),
                        *(k.values[start + size + i] for i in keep),
                    ]
                    for k in knowns
                ]
            )
            cells = [sums[n * width : (n + 1) * width] for n in range(len(keep))]
            margins = sums[len(keep) * width :], [(None, False)] * width, (None, False)
            kept = [rows[i] for i in keep]
            codes = kept, list(cols), {c: row_labels[c] for c in kept if c in row_labels}, dict(col_labels)
            additive = False
        merged.append(_merged((table_id, title, additive), unit, codes, (cells, *margins)))
    return merged


def _column_sums(parts: Sequence[Sequence[int | None]]) -> list[_Merged]:
    """`merge_position` of every position of lists of whole numbers laid out alike, none flagged and none
    unknown: the sum of the known values, a lower bound where some input hid the value."""
    sums: list[_Merged] = []
    for column in zip(*parts, strict=True):
        if None in column:
            known = [v for v in column if v is not None]
            sums.append((sum(known), True) if known else (None, False))
        else:
            sums.append((sum(column), False))  # no None: a sum of whole numbers
    return sums
