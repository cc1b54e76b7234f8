"""Services by type and mode (counts, hours, women served) and services to minors, by the delivering desk."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, literal_column, select, true, union_all
from sqlalchemy.orm import Session

from app.models import codelists
from app.models.cases import ServiceDelivery
from app.reports.cellkey import KEY_RANGE, PACK
from app.reports.indicators.grids import labels, one_way, title
from app.reports.indicators.scope import Group, Scope, Shape, distinct_packed, excluded_cases, packed
from app.reports.tables import AggregateTable, CellKeys, Number, Unit


def services(session: Session, scope: Scope, lang: str) -> dict[Group, list[AggregateTable]]:
    """The services, by the desk that delivered them (those to minors: `services_to_minors`)."""
    cells = scope.split(
        session.execute(_statement(scope.shape), scope.params).all(), empty=[("all", "", "") + (None,) * 6]
    )
    return {group: _services_tables(cells[group], lang) for group in scope.groups}


@cache
def _statement(scope: Shape) -> Any:
    """The cells, rows, columns and total of the services of one shape, in one statement."""
    sd = ServiceDelivery
    where = _service_scope(scope, desk_led=True)
    # one pass over a covering index that already yields the services in (type, mode, woman) order: the
    # year-led one for the whole centre, the desk-led one (the same columns behind the desk) for one
    # desk or every desk apart; one row per (type, mode, woman) with her count, minutes and key sums
    by_desk = [sd.help_desk_id] if scope.by_desk else []
    per = (
        select(
            *[d.label("g") for d in by_desk],
            sd.service_type.label("t"),
            sd.mode.label("m"),
            sd.case_id.label("c"),
            func.count().label("n"),
            func.sum(sd.minutes).label("mins"),
            func.sum(sd.record_key).label("sk"),
            func.max(sd.woman_key).label("wk"),  # her case's record key, carried by the index
        )
        .where(where)
        .group_by(*by_desk, sd.service_type, sd.mode, sd.case_id)
        .order_by(*by_desk, sd.service_type, sd.mode, sd.case_id)  # free after the GROUP BY; "cell" streams
        .cte("per")
        .prefix_with("MATERIALIZED")
    )
    group = [per.c.g] if scope.by_desk else []
    # the cells: every (type, mode, woman) row is one woman of the cell, so no DISTINCT is needed
    cell = (
        select(
            *group,
            per.c.t,
            per.c.m,
            func.sum(per.c.n).label("n"),
            func.sum(per.c.mins).label("mins"),
            func.count().label("w"),
            func.sum(per.c.sk).label("sk"),
            func.sum(per.c.wk).label("wk"),
            func.max(per.c.mins).label("top"),
        )
        .group_by(*group, per.c.t, per.c.m)
        .cte("cell")
        .prefix_with("MATERIALIZED")
    )
    women = _women(per, group)
    cg = [cell.c.g] if scope.by_desk else []
    source = cell.join(women, cell.c.g == women.c.g if scope.by_desk else true())

    def margin(kind: str, t: Any, m: Any, women_packed: Any, by: list[Any]) -> Any:
        """A row, column or the total: the cells' sums and largest woman, the women from `women`."""
        w = func.max(women_packed)
        return (
            select(
                *cg,
                literal(kind).label("k"),
                t,
                m,
                func.sum(cell.c.n),
                func.sum(cell.c.mins),
                w / literal_column(str(PACK)),
                func.sum(cell.c.sk),
                w % literal_column(str(PACK)),
                func.max(cell.c.top),
            )
            .select_from(source)
            .group_by(*cg, *by)
        )

    def pick(column: Any, list_name: str) -> Any:
        return case(*[(column == code, women.c[f"{list_name}_{code}"]) for code in _codes(list_name)])

    parts = union_all(
        select(
            *cg,
            literal("cell").label("k"),
            *[cell.c[c] for c in ("t", "m", "n", "mins", "w", "sk", "wk", "top")],
        ),
        margin(
            "row",
            cell.c.t,
            literal("").label("m"),
            pick(cell.c.t, "service_type"),
            [cell.c.t],
        ),
        margin(
            "col",
            literal("").label("t"),
            cell.c.m,
            pick(cell.c.m, "service_mode"),
            [cell.c.m],
        ),
        margin("all", literal("").label("t"), literal("").label("m"), women.c["all"], []),
    )
    return select(parts.subquery())


def _codes(list_name: str) -> tuple[str, ...]:
    return tuple(codelists.codes(list_name))


def _women(per: Any, group: list[Any]) -> Any:
    """The distinct women by type, by mode and in all (count and key sum), from one pass over the women.

    `per` has one row per (type, mode, woman). Grouped by woman, her rows are distinct (type, mode)
    pairs: summing 2**shift over them counts, for each type, the modes she was served in (and for each
    mode, the types), each count in a bit field of its own; a field above zero says she had that type.
    Two or three packed sums per woman replace the six DISTINCT B-trees of COUNT(DISTINCT woman) and the
    key sums by type, by mode and in all; the result is the same women. Each code's women and their key
    sum travel as one `packed` sum (count * PACK + keys), read apart by the margins.
    """
    fields = {
        "service_type": (per.c.t, _codes("service_type"), len(_codes("service_mode")).bit_length()),
        "service_mode": (per.c.m, _codes("service_mode"), len(_codes("service_type")).bit_length()),
    }
    packs: list[Any] = []
    present: dict[tuple[str, str], Any] = {}  # (list, code) -> her presence, over the per-woman row
    for list_name, (column, codes, width) in fields.items():
        per_sum = _PACK_BITS // width  # fields in one 62-bit sum
        for start in range(0, len(codes), per_sum):
            chunk = codes[start : start + per_sum]
            name = f"p{len(packs)}"
            shifts = {code: i * width for i, code in enumerate(chunk)}
            packs.append(
                func.sum(
                    case(*[(column == code, literal_column(str(1 << s))) for code, s in shifts.items()])
                ).label(name)
            )
            for code, s in shifts.items():
                present[(list_name, code)] = (name, s, (1 << width) - 1)
    woman = select(*group, func.max(per.c.wk).label("wk"), *packs).group_by(*group, per.c.c).subquery("woman")
    wg = [woman.c.g] if group else []
    cols: list[Any] = [packed(true(), woman.c.wk).label("all")]
    for (list_name, code), (name, s, mask) in present.items():
        has_it = woman.c[name].op(">>")(literal_column(str(s))).op("&")(literal_column(str(mask))) > 0
        cols.append(packed(has_it, woman.c.wk).label(f"{list_name}_{code}"))  # her count and key at once
    return select(*[g.label("g") for g in wg], *cols).group_by(*wg).cte("women").prefix_with("MATERIALIZED")


_PACK_BITS = 62


def _service_scope(scope: Shape, desk_led: bool = False) -> ColumnElement[bool]:
    """The services counted: dated in the period, at the scope's desks, of women counted in statistics.

    `desk_led`: the desk column as it is, so that the desk-led index can serve it (the services' own
    statement); otherwise as `Shape.desk` writes it.
    """
    sd = ServiceDelivery
    desk = scope.desk(sd.help_desk_id)
    if desk_led and scope.desks is not None:
        desk = sd.help_desk_id.in_(scope.desks)
    return and_(scope.years(sd.date), scope.within(sd.date), desk, sd.case_id.not_in(excluded_cases()))


def services_to_minors(session: Session, scope: Scope, lang: str) -> dict[Group, list[AggregateTable]]:
    """Services to minors: their own statement over their own partial index, a section of its own so
    that it runs beside the other services on the second thread."""
    rows = scope.split(
        session.execute(_minors_statement(scope.shape), scope.params).all(), empty=[(0, 0, None, None)]
    )
    out = {}
    for group in scope.groups:
        minor_row = rows[group][0]
        n_minor, w_minor = int(minor_row[0] or 0), int(minor_row[1] or 0)
        keys = CellKeys(int(minor_row[2] or 0) % KEY_RANGE, w_minor, int(minor_row[3] or 0) % KEY_RANGE)
        out[group] = [
            one_way(
                "services_minors", lang, Unit.SERVICES, ["MINORE"], {"MINORE": n_minor},
                list_name="beneficiary", total=n_minor, contributors={"MINORE": w_minor},
                total_contributors=w_minor, keys={"MINORE": keys}, total_keys=keys,
            )
        ]  # fmt: skip
    return out


@cache
def _minors_statement(scope: Shape) -> Any:
    sd = ServiceDelivery
    by_desk = scope.group(sd.help_desk_id)
    return select(
        *by_desk, func.count(), func.count(func.distinct(sd.case_id)), func.sum(sd.record_key),
        distinct_packed(sd.case_id, sd.woman_key),
    ).where(_service_scope(scope), sd.beneficiary == literal_column("'MINORE'")).group_by(*by_desk)  # fmt: skip


def _services_tables(cells: Sequence[Sequence[Any]], lang: str) -> list[AggregateTable]:
    """The tables of one group from its rows of `services`' statements."""
    types = list(codelists.codes("service_type"))
    modes = list(codelists.codes("service_mode"))
    t_ix = {t: i for i, t in enumerate(types)}
    m_ix = {m: j for j, m in enumerate(modes)}
    count = [[0] * len(modes) for _ in types]
    mins = [[0] * len(modes) for _ in types]
    women = [[0] * len(modes) for _ in types]
    row_w = [0] * len(types)
    col_w = [0] * len(modes)
    total_w = 0
    keys: dict[tuple[int, int], CellKeys] = {}
    for k, t, m, n, minutes, w, skeys, wkeys, top in cells:
        n, minutes, w = int(n or 0), int(minutes or 0), int(w or 0)
        ck = CellKeys(
            int(skeys or 0) % KEY_RANGE, w, int(wkeys or 0) % KEY_RANGE, int(top or 0) / 60, minutes
        )
        # codes outside the lists cannot be stored (validated); guard anyway rather than crash
        if k == "cell" and t in t_ix and m in m_ix:
            count[t_ix[t]][m_ix[m]] = n
            mins[t_ix[t]][m_ix[m]] = minutes
            women[t_ix[t]][m_ix[m]] = w
            keys[(t_ix[t], m_ix[m])] = ck
        elif k == "row" and t in t_ix:
            row_w[t_ix[t]] = w
            keys[(t_ix[t], -1)] = ck
        elif k == "col" and m in m_ix:
            col_w[m_ix[m]] = w
            keys[(-1, m_ix[m])] = ck
        elif k == "all":
            total_w = w
            keys[(-1, -1)] = ck

    def two_way(table_id: str, unit: Unit, cells: list[list[Number | None]]) -> AggregateTable:
        return AggregateTable(
            id=table_id,
            title=title(table_id, lang),
            unit=unit,
            rows=list(types),
            cols=list(modes),
            cells=cells,
            row_totals=[_add(r) for r in cells],
            col_totals=[_add(c) for c in zip(*cells, strict=True)],
            total=_add(_add(r) for r in cells),
            additive=True,
            contributors=[list(r) for r in women],
            row_contributors=list(row_w),
            col_contributors=list(col_w),
            total_contributors=total_w,
            row_labels=labels("service_type", types, lang),
            col_labels=labels("service_mode", modes, lang),
            keys=dict(keys),
        )

    count_table = two_way("services_type_mode_count", Unit.SERVICES, [list[Number | None](r) for r in count])
    hours_table = two_way("services_type_mode_hours", Unit.HOURS, [list[Number | None](r) for r in mins])
    set_hours(hours_table, mins)
    none = CellKeys()
    by_type = one_way(
        "services_women_by_type",
        lang,
        Unit.WOMEN,
        types,
        dict(zip(types, row_w, strict=True)),
        list_name="service_type",
        total=total_w,
        additive=False,
        keys={t: CellKeys(key=keys.get((i, -1), none).women_key) for i, t in enumerate(types)},
        total_keys=CellKeys(key=keys.get((-1, -1), none).women_key),
    )
    return [count_table, hours_table, by_type]


def _add(values: Iterable[Number | None]) -> Number:
    return sum((v or 0 for v in values), 0)


def set_hours(table: AggregateTable, minutes: Sequence[Sequence[int]]) -> None:
    """The values of an hours table from its cells' exact minutes: each cell rounded to 0.1 h (in integer
    tenths, half up), margins summed from the rounded cells in tenths, so 0.1 + 0.2 gives 0.3 and not
    0.30000000000000004. The one rule for a PC's own tables and for a centre's consolidated ones."""
    tenths = [[(mm + 3) // 6 for mm in r] for r in minutes]
    table.cells = [[x / 10 for x in r] for r in tenths]
    table.row_totals = [sum(r) / 10 for r in tenths]
    table.col_totals = [sum(c) / 10 for c in zip(*tenths, strict=True)]
    table.total = sum(sum(r) for r in tenths) / 10
