"""Partial aggregates: one installation's share of a centre's tables, added up before disclosure control.

A centre whose help desks sit on several PCs releases once, as if it were one archive (issue #24): each
desk PC sends the main office, per calendar period, its tables **before** disclosure control, and the
main office adds them to its own and protects the sum. That works because everything disclosure control
reads adds up across installations, a woman being at one installation at a time:

* true counts (women, contacts, services, referrals, children) and the distinct women behind an amount
  add up; hours add up in **minutes** (`CellKeys.minutes`), then are rounded as one archive rounds them
  (`indicators.set_hours`), never as a sum of rounded hours;
* cell keys add up modulo the key range (`cellkey.KEY_RANGE`: a cell key is the sum of its records'
  keys modulo that range, `cellkey.unpack`), for the records' keys as for the women's;
* the largest contribution of one woman (`top`, the scale of the hours' noise) is the largest of the
  parts' largest, since each woman's contribution lies whole at one installation.

A partial holds, for every position of every table (cells and margins), those integers and nothing
else: never a row, an identity, a code of a case or a date. Positions that are all zero are left out.
It carries the whole installation's tables (`centre`) and, for the desk lattice, each of its desks'
tables (`desks`, `indicators.DESK_TABLES` only: what a single desk's release publishes): the whole centre
cannot be made of its desks (a woman seen at two desks is one woman), so both travel. Desks are named,
not numbered: desk ids are each archive's own row numbers, while a desk's name is what the centre
invites a PC by and what a release prints, so the main office finds its own row for it by name.

`read_partial` is strict: a received partial is a document from another PC, and a wrong number here
would be published under the centre's name. Everything is checked against the main office's own tables
(same ids, codes, units), every number is a bounded integer, and the margins must add up as the
indicator queries make them: a partial whose counts do not add up is refused whole, with one sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP
from app.reports import disclosure, indicators
from app.reports.cellkey import KEY_RANGE
from app.reports.tables import AggregateTable, CellKeys, Position, Unit, is_intensity, is_stated

__all__ = [
    "FORMAT",
    "VERSION",
    "PartTable",
    "Partial",
    "PartialError",
    "add_parts",
    "partial_document",
    "read_partial",
]

FORMAT = "ascolto-partials"
VERSION = 1
MAX_VALUE = 50_000_000
"""Bound on any one number of a partial: far above a centre's year (minutes of 100,000 women's services
fit), far below what could overflow or slow anything."""
MAX_DESKS = 100
MAX_NAME = 200
FIELDS = ("value", "contributors", "key", "women", "women_key", "top")
"""The integers of one position, in this order after its index: hours' value and top are in minutes."""
COUNTED_UNITS = frozenset({Unit.CONTACTS, Unit.SERVICES, Unit.REFERRALS, Unit.MINORS})
"""Units whose values count records held by the women behind them: never fewer records than women."""
Entry = tuple[int, int, int, int, int, int]
ZERO: Entry = (0, 0, 0, 0, 0, 0)


class PartialError(ValueError):
    """A received partial refused, in one sentence fit for the user (English source, context "Errors")."""

    def __init__(self, message: str, **params: Any) -> None:
        self.message, self.params = message, params
        super().__init__(self.text())

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        source = translate("Errors", self.message) if translate else self.message
        try:
            return source.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.message.format(**self.params)


@dataclass(frozen=True)
class PartTable:
    """One table of a partial: its codes and, by position index (`disclosure.positions` order), the
    integers of `FIELDS`; a position not listed is all zero."""

    id: str
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    entries: Mapping[int, Entry]

    def at(self, index: int) -> Entry:
        return self.entries.get(index, ZERO)


@dataclass(frozen=True)
class Partial:
    """A validated partial: its period, the installation's tables, and each of its desks' tables."""

    period: str
    centre: Mapping[str, PartTable]
    desks: Mapping[str, Mapping[str, PartTable]]
    """Desk name (as the sender wrote it) -> table id -> part."""


# --- building (the desk PC) ---------------------------------------------------------------------------------


def _contributors(table: AggregateTable, pos: Position) -> int:
    i, j = pos
    if table.unit == Unit.WOMEN or table.contributors is None:
        return int(disclosure.value_at(table, pos) or 0) if table.unit == Unit.WOMEN else 0
    if i >= 0 and j >= 0:
        return int(table.contributors[i][j])
    if i >= 0:
        return int((table.row_contributors or [0] * len(table.rows))[i])
    if j >= 0:
        return int((table.col_contributors or [0] * len(table.cols))[j])
    return int(table.total_contributors or 0)


def _entry(table: AggregateTable, pos: Position) -> Entry:
    keys = table.keys.get(pos, CellKeys())
    value = disclosure.value_at(table, pos)
    if value is None:
        raise ValueError(f"table {table.id}: a partial is built from true tables, not protected ones")
    hours = table.unit == Unit.HOURS
    return (
        keys.minutes if hours else int(value),
        _contributors(table, pos),
        keys.key % KEY_RANGE,
        keys.women,
        keys.women_key % KEY_RANGE,
        round(keys.top * 60),
    )


def _table_document(table: AggregateTable) -> dict[str, Any]:
    entries = []
    for index, pos in enumerate(disclosure.positions(table)):
        entry = _entry(table, pos)
        if entry != ZERO:
            entries.append([index, *entry])
    return {"id": table.id, "rows": list(table.rows), "cols": list(table.cols), "cells": entries}


def _documents(tables: Sequence[AggregateTable], ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    wanted = None if ids is None else set(ids)
    return [
        _table_document(t) for t in tables if not is_stated(t.unit) and (wanted is None or t.id in wanted)
    ]


def partial_document(
    period: str, centre: Sequence[AggregateTable], desks: Mapping[str, Sequence[AggregateTable]]
) -> dict[str, Any]:
    """The partial of one period (a JSON-able dict) from an installation's true tables: `centre` as
    `compute_indicators(..., None)` gives them, `desks` each desk's (by name) as
    `compute_indicators_by_desk` gives them. A desk with nothing to add (every value zero) is left out."""
    by_desk = []
    for name, tables in sorted(desks.items()):
        documents = _documents(tables, indicators.DESK_TABLES)
        if any(d["cells"] for d in documents):
            by_desk.append({"name": name, "tables": documents})
    return {
        "format": FORMAT,
        "version": VERSION,
        "period": period,
        "fields": list(FIELDS),
        "tables": _documents(centre),
        "desks": by_desk,
    }


# --- reading (the main office) ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """What a table must look like: taken from the main office's own tables of the same period."""

    unit: Unit
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    additive: bool


def shapes(tables: Sequence[AggregateTable]) -> dict[str, Shape]:
    return {
        t.id: Shape(Unit(t.unit), tuple(t.rows), tuple(t.cols), t.additive)
        for t in tables
        if not is_stated(t.unit)
    }


def _refuse(message: str, **params: Any) -> PartialError:
    return PartialError(message, **params)


def _object(value: Any, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != keys:
        raise _refuse(QT_TRANSLATE_NOOP("Errors", "it is not a partial of this version of Ascolto."))
    return value


def _integer(value: Any, table: str, high: int = MAX_VALUE) -> int:
    if type(value) is not int or not 0 <= value <= high:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Errors", "the table {table} holds a value that is not a whole number from 0 to {high}."
            ),
            table=table,
            high=high,
        )
    return value


def _codes(value: Any, expected: tuple[str, ...], table: str) -> tuple[str, ...]:
    if not isinstance(value, list) or tuple(value) != expected:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Errors", "the table {table} does not have the rows and columns of this version of Ascolto."
            ),
            table=table,
        )
    return expected


def _part(raw: Any, shape_of: Mapping[str, Shape]) -> PartTable:
    doc = _object(raw, {"id", "rows", "cols", "cells"})
    table_id = doc["id"]
    if not isinstance(table_id, str) or table_id not in shape_of:
        raise _refuse(
            QT_TRANSLATE_NOOP("Errors", "it holds a table this version of Ascolto does not know ({table})."),
            table=str(table_id)[:60],
        )
    shape = shape_of[table_id]
    rows, cols = _codes(doc["rows"], shape.rows, table_id), _codes(doc["cols"], shape.cols, table_id)
    count = (len(rows) + 1) * (len(cols) + 1)
    cells = doc["cells"]
    if not isinstance(cells, list) or len(cells) > count:
        raise _refuse(
            QT_TRANSLATE_NOOP("Errors", "the table {table} holds more values than it has positions."),
            table=table_id,
        )
    entries: dict[int, Entry] = {}
    last = -1
    for item in cells:
        if not isinstance(item, list) or len(item) != 1 + len(FIELDS):
            raise _refuse(QT_TRANSLATE_NOOP("Errors", "it is not a partial of this version of Ascolto."))
        index = _integer(item[0], table_id, count - 1)
        if index <= last:
            raise _refuse(
                QT_TRANSLATE_NOOP("Errors", "the table {table} lists a position twice or out of order."),
                table=table_id,
            )
        last = index
        value, contributors, key, women, women_key, top = (_integer(v, table_id) for v in item[1:])
        if key >= KEY_RANGE or women_key >= KEY_RANGE:
            raise _refuse(
                QT_TRANSLATE_NOOP("Errors", "the table {table} holds a cell key out of range."),
                table=table_id,
            )
        entries[index] = (value, contributors, key, women, women_key, top)
    part = PartTable(table_id, rows, cols, entries)
    _check_sums(part, shape)
    return part


def _not_adding(table: str) -> PartialError:
    return _refuse(
        QT_TRANSLATE_NOOP("Errors", "the counts of the table {table} do not add up to its totals."),
        table=table,
    )


def _check_sums(part: PartTable, shape: Shape) -> None:
    """The margins as the indicator queries make them, or the partial is refused.

    Every value: its women never more than the records they hold (`COUNTED_UNITS`), a women table's
    contributors its value. Additive tables: each margin is the sum of its cells, in value, in contributors
    where they are records, and in cell keys modulo the range. Every table: a margin lies between its
    largest cell and the sum of its cells (distinct women in a multi-response table, in a service type)."""
    n, m = len(part.rows), len(part.cols)
    index = {pos: i for i, pos in enumerate(disclosure.positions_of(n, m))}

    def at(pos: Position) -> Entry:
        return part.at(index[pos])

    for pos in index:
        value, contributors, _key, women, _wkey, top = at(pos)
        if shape.unit == Unit.WOMEN and contributors != value:
            raise _not_adding(part.id)
        if shape.unit in COUNTED_UNITS and (contributors > value or women > value):
            raise _not_adding(part.id)
        if is_intensity(shape.unit) and women != contributors:
            raise _not_adding(part.id)
        if shape.unit == Unit.HOURS and top > value:
            raise _not_adding(part.id)
    lines = [((i, -1), [(i, j) for j in range(m)]) for i in range(n)]
    lines += [((-1, j), [(i, j) for i in range(n)]) for j in range(m)]
    lines += [((-1, -1), [(-1, j) for j in range(m)]), ((-1, -1), [(i, -1) for i in range(n)])]
    for margin, members in lines:
        total = at(margin)
        parts = [at(p) for p in members]
        for field in (0, 1, 3):  # value, contributors, women
            values = [p[field] for p in parts]
            if not max(values, default=0) <= total[field] <= sum(values):
                raise _not_adding(part.id)
        if shape.additive and (
            sum(p[0] for p in parts) != total[0] or sum(p[2] for p in parts) % KEY_RANGE != total[2]
        ):
            raise _not_adding(part.id)


def read_partial(raw: Any, period: str, own: Sequence[AggregateTable]) -> Partial:
    """A received partial, checked against `own` (the main office's true tables of `period`): refused
    (PartialError, one sentence) unless every table and number is as this version of Ascolto makes them."""
    doc = _object(raw, {"format", "version", "period", "fields", "tables", "desks"})
    if doc["format"] != FORMAT or doc["version"] != VERSION or doc["fields"] != list(FIELDS):
        raise _refuse(QT_TRANSLATE_NOOP("Errors", "it is not a partial of this version of Ascolto."))
    if doc["period"] != period:
        raise _refuse(
            QT_TRANSLATE_NOOP("Errors", "it is for {other}, not {period}."),
            other=str(doc["period"])[:30],
            period=period,
        )
    shape_of = shapes(own)
    centre = _tables(doc["tables"], shape_of, set(shape_of))
    desk_shapes = {t: s for t, s in shape_of.items() if t in indicators.DESK_TABLES}
    raw_desks = doc["desks"]
    if not isinstance(raw_desks, list) or len(raw_desks) > MAX_DESKS:
        raise _refuse(QT_TRANSLATE_NOOP("Errors", "it names more than {n} help desks."), n=MAX_DESKS)
    desks: dict[str, Mapping[str, PartTable]] = {}
    for item in raw_desks:
        desk = _object(item, {"name", "tables"})
        name = desk["name"]
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME or name in desks:
            raise _refuse(QT_TRANSLATE_NOOP("Errors", "it names a help desk twice or without a name."))
        desks[name] = _tables(desk["tables"], desk_shapes, set(desk_shapes))
    return Partial(period, centre, desks)


def _tables(raw: Any, shape_of: Mapping[str, Shape], expected: set[str]) -> dict[str, PartTable]:
    if not isinstance(raw, list) or len(raw) != len(expected):
        raise _refuse(QT_TRANSLATE_NOOP("Errors", "it does not hold the tables of this version of Ascolto."))
    out: dict[str, PartTable] = {}
    for item in raw:
        part = _part(item, shape_of)
        if part.id in out:
            raise _refuse(
                QT_TRANSLATE_NOOP("Errors", "it does not hold the tables of this version of Ascolto.")
            )
        out[part.id] = part
    return out


# --- adding (the main office) -------------------------------------------------------------------------------


def add_parts(
    own: Sequence[AggregateTable], parts: Sequence[Mapping[str, PartTable]]
) -> list[AggregateTable]:
    """The main office's true tables plus the validated parts, position by position (new tables).

    Values, contributors and women add; cell keys add modulo the key range; the largest contribution of
    one woman is the largest of the parts'; hours add in minutes and are rounded afterwards as one archive
    rounds them. Tables no part has are returned as they are."""
    return [_added(t, [p[t.id] for p in parts if t.id in p]) for t in own]


def _added(table: AggregateTable, parts: Sequence[PartTable]) -> AggregateTable:
    if not parts:
        return table
    hours = table.unit == Unit.HOURS
    n, m = len(table.rows), len(table.cols)
    out = dataclasses.replace(
        table,
        cells=[list(r) for r in table.cells],
        row_totals=list(table.row_totals),
        col_totals=list(table.col_totals),
        contributors=[[0] * m for _ in range(n)],
        row_contributors=[0] * n,
        col_contributors=[0] * m,
        keys={},
    )
    minutes = [[0] * m for _ in range(n)]
    for index, pos in enumerate(disclosure.positions(table)):
        own = _entry(table, pos)
        sums = [own[f] + sum(p.at(index)[f] for p in parts) for f in range(len(FIELDS))]
        top = max([own[5], *(p.at(index)[5] for p in parts)])
        value, contributors, key, women, women_key = sums[0], sums[1], sums[2], sums[3], sums[4]
        i, j = pos
        if hours:
            if i >= 0 and j >= 0:
                minutes[i][j] = value
        else:
            disclosure.set_value(out, pos, value)
        _set_contributors(out, pos, contributors)
        if (value, key, women, women_key, top) != (0, 0, 0, 0, 0):
            out.keys[pos] = CellKeys(
                key % KEY_RANGE, women, women_key % KEY_RANGE, top / 60, value if hours else 0
            )
    if hours:
        indicators.set_hours(out, minutes)
    return out


def _set_contributors(table: AggregateTable, pos: Position, value: int) -> None:
    i, j = pos
    assert table.contributors is not None and table.row_contributors is not None
    assert table.col_contributors is not None
    if i >= 0 and j >= 0:
        table.contributors[i][j] = value
    elif i >= 0:
        table.row_contributors[i] = value
    elif j >= 0:
        table.col_contributors[j] = value
    else:
        table.total_contributors = value
