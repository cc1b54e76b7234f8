"""Tables of a known shape: a package's tables checked in a few passes at C speed, and kept as numbers.

A network report reads hundreds of packages that carry the same tables in the same order (the same ids,
titles, units, codes and labels). Once one list of tables passed the strict checks of `validate`, table
by table, its shape is remembered (`remember`, a `Layout`); a later package whose tables have exactly
that shape is checked by `check` with the same rules over all its numbers at once, and its numbers are
kept in one list (`KnownTables`) that the merge sums without building a table object each. Anything
unusual (format 1, a new shape, lower-bound flags, a decimal, a fault) is left to the strict way, which
names the fault.
"""

from __future__ import annotations

import itertools
import operator
from typing import Any

from app.reports.package.document import MAX_VALUE, TABLE_UNITS, KnownTables, Layout
from app.reports.tables import Unit

SHAPE_KEYS = ("id", "title", "unit", "rows", "cols", "row_labels", "col_labels")
NUMBER_KEYS = ("cells", "row_totals", "col_totals", "total", "additive")
TABLE_KEYS = frozenset(SHAPE_KEYS + NUMBER_KEYS)
INTEGRAL = frozenset({int, type(None)})

_SHAPE_FIELDS = operator.itemgetter(*SHAPE_KEYS)
_NUMBER_FIELDS = operator.itemgetter(*NUMBER_KEYS)
_SEEN: list[Layout] = []
"""The shapes of whole table lists found valid, with copies of their texts: one comparison at C speed
stands for the text checks of all of a package's tables."""
_KEPT = 64
TEXTS_KEPT = 100_000
"""The codes and labels the remembered shapes may hold in all. A sender may shape every package anew: 64
of 200 tables of 500 codes and labels (3 MB each) kept 22 MB of text apiece, 1.4 GB in all, once the
packages were gone. Ascolto's own table list has under 1,000 (53 tables, 457 codes)."""
_LIST, _BOOL, _DICT = frozenset({list}), frozenset({bool}), frozenset({dict})


def remember(tables: list[dict[str, Any]]) -> None:
    """Called once every table was found valid (so every shape is strings, lists and dicts)."""
    shapes = [
        (table_id, title, unit, list(rows), list(cols), dict(row_labels), dict(col_labels))
        for table_id, title, unit, rows, cols, row_labels, col_labels in map(_SHAPE_FIELDS, tables)
    ]
    ids = frozenset(shape[0] for shape in shapes)
    if len(ids) != len(shapes) or any(layout.shapes == shapes for layout in _SEEN):
        return
    texts = _texts(shapes)
    if texts > TEXTS_KEPT:
        return  # an unusual list: its packages keep the table by table way
    heights = [len(shape[3]) for shape in shapes]
    widths = [len(shape[4]) for shape in shapes]
    hours = [TABLE_UNITS[shape[2]] is Unit.HOURS for shape in shapes]
    order = [i for i, h in enumerate(hours) if not h] + [i for i, h in enumerate(hours) if h]
    starts = [0] * len(shapes)
    offset = n_counts = 0
    for i in order:
        starts[i] = offset
        offset += heights[i] * widths[i] + heights[i] + widths[i] + 1
        if not hours[i]:
            n_counts = offset
    if len(_SEEN) >= _KEPT or sum(_texts(layout.shapes) for layout in _SEEN) + texts > TEXTS_KEPT:
        _SEEN.clear()
    _SEEN.append(
        Layout(
            shapes=shapes,
            ids=ids,
            heights=heights,
            widths=widths,
            grid_widths=list(itertools.chain.from_iterable(map(itertools.repeat, widths, heights))),
            order=order,
            starts=starts,
            n_counts=n_counts,
        )
    )


def _texts(shapes: list[tuple[Any, ...]]) -> int:
    """How many codes and labels a list of table shapes holds."""
    return sum(
        len(rows) + len(cols) + len(row_labels) + len(col_labels)
        for *_, rows, cols, row_labels, col_labels in shapes
    )


def check(tables: list[Any], threshold: int, version: int) -> KnownTables | None:
    """The tables' numbers when every check of `validate`'s table by table way, and the ids' uniqueness,
    pass for the whole list; None sends the tables that way (which also names the first fault). Only for
    the usual list: format version 2, tables shaped exactly like a list found valid before (`remember`),
    whole numbers, no lower-bound flags; None where in doubt."""
    if version < 2 or set(map(type, tables)) != _DICT or set(map(len, tables)) != {len(TABLE_KEYS)}:
        return None
    try:  # the twelve keys present, and (by the count above) no other: no lower-bound flags
        shapes = list(map(_SHAPE_FIELDS, tables))
        numbers = list(map(_NUMBER_FIELDS, tables))
    except KeyError:
        return None
    layout = next((seen for seen in _SEEN if seen.shapes == shapes), None)
    if layout is None:
        return None
    cells, row_totals, col_totals, totals, additive = zip(*numbers, strict=True)
    if not (
        set(map(type, cells)) | set(map(type, row_totals)) | set(map(type, col_totals)) <= _LIST
        and set(map(type, additive)) <= _BOOL
        and list(map(len, cells)) == layout.heights == list(map(len, row_totals))
        and list(map(len, col_totals)) == layout.widths
    ):
        return None
    grid_rows = list(itertools.chain.from_iterable(cells))
    if not set(map(type, grid_rows)) <= _LIST or list(map(len, grid_rows)) != layout.grid_widths:
        return None
    values: list[Any] = []
    for i in layout.order:
        values.extend(itertools.chain.from_iterable(cells[i]))
        values.extend(row_totals[i])
        values.extend(col_totals[i])
        values.append(totals[i])
    if not set(map(type, values)) <= INTEGRAL:
        return None
    # every count must reach the threshold (zero included); hours need not
    for part, floor in ((values[: layout.n_counts], max(threshold, 0)), (values[layout.n_counts :], 0)):
        distinct = set(part)
        distinct.discard(None)
        if distinct and (min(distinct) < floor or max(distinct) > MAX_VALUE):
            return None
    return KnownTables(layout, values, list(additive))
