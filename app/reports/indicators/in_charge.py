"""ISTAT's tables over the women taken in charge in the period (pathway agreed in it)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from app.models import codelists
from app.models.cases import Case, Intake, PoliceReportEvent
from app.models.codelists import (
    AGE_ISTAT_BOUNDS,
    EU_COUNTRIES,
    ND,
    RELATIONSHIP_MACRO,
    STATELESS,
    VIOLENCE_MACRO,
)
from app.reports.cellkey import PACK, unpack
from app.reports.indicators.grids import (
    Counted,
    N,
    ck_minus,
    ck_sum,
    labels,
    title,
    with_nd,
    women_table,
)
from app.reports.indicators.scope import END, START, YEAR, Group, Scope, has, latest_of_case, unindexed
from app.reports.tables import AggregateTable, CellKeys, Number, Unit

IN_CHARGE_SINGLE = (
    ("in_charge_age_istat", "age_istat", "age"),
    ("in_charge_citizenship", "citizenship", "cit"),
    ("in_charge_education", "education", "education"),
    ("in_charge_employment", "employment", "employment"),
    ("in_charge_marital_status", "marital_status", "marital_status"),
    ("in_charge_has_children", "has_children", "has_children"),
    ("in_charge_relationship_macro", "relationship_macro", "rel"),
)
"""In-charge profile tables: (table id, code list, column of the women CTE)."""
PERPETRATOR_SINGLE = (
    ("perpetrator_sex", "perpetrator_sex"),
    ("perpetrator_age", "age_istat"),
    ("perpetrator_citizenship", "citizenship_binary"),
    ("perpetrator_weapons", "yes_no"),
    ("perpetrator_alcohol", "yes_no"),
    ("perpetrator_drugs", "yes_no"),
    ("perpetrator_prior_violence", "yes_no"),
)
"""The main perpetrator's tables: (table id = intake column = CTE column, code list)."""
PERPETRATOR_ROWS = ("PERP_1", "PERP_2", "PERP_3PLUS")
NO_STEP = "NO_STEP"
Condition = Callable[[Any], ColumnElement[bool]]
TALLIES = (
    ("age", "cit"),
    ("rel", "report"),
    ("rel", "forms"),
    ("help",),
    ("education", "employment"),
    ("marital_status", "has_children", "stage"),
    ("perps", "perpetrator_sex", "perpetrator_age", "perpetrator_citizenship"),
    ("perpetrator_weapons", "perpetrator_alcohol", "perpetrator_drugs", "perpetrator_prior_violence"),
)
"""The columns of the women CTE tallied together (`_in_charge_statement`): few combinations each (products
of short code lists; `forms` and `help`, their sets actually recorded). Each grouping reads the first tally
holding its columns, so a column's smaller tally comes first."""


def _grouping(conditions: Sequence[tuple[str, ColumnElement[bool]]]) -> Any:
    """A CASE naming the first category a row meets, ND when it meets none (NULLs included)."""
    return case(*[(cond, literal(code)) for code, cond in conditions], else_=literal(ND))


def _age_group(year: Any) -> Any:
    """The ISTAT age group at the end of `year` (codelists.age_at; an int or a bound parameter), as ranges
    on the birth year."""
    conditions = []
    for code, low, high in AGE_ISTAT_BOUNDS:
        cond = Case.birth_year <= year - low
        conditions.append((code, cond if high is None else and_(cond, Case.birth_year >= year - high)))
    return _grouping(conditions)


def _citizenship_group() -> Any:
    country = Case.country
    return _grouping(
        [
            ("ITA", country == "IT"),
            ("UE", country.in_(sorted(EU_COUNTRIES - {"IT"}))),
            ("APOL", country == STATELESS),
            ("EXTRAUE", and_(country != "", country.not_in(sorted(EU_COUNTRIES)))),
        ]
    )


def _relationship_group() -> Any:
    groups: dict[str, list[str]] = {}
    for rel, group in RELATIONSHIP_MACRO.items():
        groups.setdefault(group, []).append(rel)
    return _grouping([(g, Intake.relationship_code.in_(codes)) for g, codes in groups.items()])


def _cross_table(
    table_id: str,
    lang: str,
    lists: tuple[str, str],
    rows: Sequence[str],
    cols: Sequence[str],
    cells: Mapping[str, Counted],
    pop: Counted,
    col_margins: Mapping[str, Counted] | None = None,
) -> AggregateTable:
    """A two-way women table from cells keyed ``row|col``; the columns partition the women.

    Row margins are the sums across the columns (each woman sits in one column). Column margins are the
    sums down the rows when the rows partition too; for multi-response rows pass them (`col_margins`, the
    women of each column) and the table is marked not additive.
    """
    grid = [[cells.get(f"{r}|{c}", (0, 0)) for c in cols] for r in rows]
    row_tot = [ck_sum(line) for line in grid]
    if col_margins is None:
        col_tot = [ck_sum(column) for column in zip(*grid, strict=True)]
    else:
        col_tot = [col_margins.get(c, (0, 0)) for c in cols]
    keys: dict[tuple[int, int], CellKeys] = {
        (i, j): CellKeys(key=grid[i][j][1]) for i in range(len(rows)) for j in range(len(cols))
    }
    keys.update({(i, -1): CellKeys(key=k) for i, (_, k) in enumerate(row_tot)})
    keys.update({(-1, j): CellKeys(key=k) for j, (_, k) in enumerate(col_tot)})
    keys[(-1, -1)] = CellKeys(key=pop[1])
    values: list[list[Number | None]] = [[count for count, _ in line] for line in grid]
    return AggregateTable(
        id=table_id,
        title=title(table_id, lang),
        unit=Unit.WOMEN,
        rows=list(rows),
        cols=list(cols),
        cells=values,
        row_totals=[c for c, _ in row_tot],
        col_totals=[c for c, _ in col_tot],
        total=pop[0],
        additive=col_margins is None,
        contributors=[[count for count, _ in line] for line in grid],
        row_contributors=[c for c, _ in row_tot],
        col_contributors=[c for c, _ in col_tot],
        total_contributors=pop[0],
        row_labels=labels(lists[0], rows, lang),
        col_labels=labels(lists[1], cols, lang),
        keys=keys,
    )


@cache
def _in_charge_statement(desks: tuple[int, ...] | None, by_desk: bool) -> Any:
    """The women taken in charge (START..END) at `desks` and every grouping of ISTAT's tables, in one statement.

    `by_desk`: every row is led by the case's desk and grouped by it too (as `Scope.group` does).

    The women are read once (`w`), then summed per combination of a few of their columns (`TALLIES`, a
    sort of every woman each); each of the ~55 groupings is a small GROUP BY over a tally's few dozen rows
    (a thousand for the violence forms), where sorting every woman once per grouping and testing each
    woman's forms once per form cost about as much as reading the women.

    Built once per desk set: assembling its ~55 small SELECTs costs more Python time than SQLite takes to
    run them, and a cached statement also keeps SQLAlchemy's compiled form.
    """
    latest_intake = latest_of_case(Intake, END)
    latest_step = latest_of_case(PoliceReportEvent, END)
    count = Intake.perpetrators_count
    singles = {  # CTE column -> expression; NULL (no intake) reads as ND
        "age": _age_group(YEAR),
        "cit": _citizenship_group(),
        "rel": _relationship_group(),
        "report": func.coalesce(Intake.police_report, ND),
        **{name: func.coalesce(getattr(Case, name), ND) for _, _, name in IN_CHARGE_SINGLE[2:6]},
        "perps": _grouping([("PERP_1", count == 1), ("PERP_2", count == 2), ("PERP_3PLUS", count >= 3)]),
        **{name: func.coalesce(getattr(Intake, name), ND) for name, _ in PERPETRATOR_SINGLE},
        "stage": func.coalesce(PoliceReportEvent.stage, NO_STEP),
    }
    desk = unindexed(Case.help_desk_id) if by_desk else Case.help_desk_id
    group = [desk] if by_desk else []
    women = (
        select(
            *[g.label("g") for g in group],
            (literal_column(str(PACK)) + Case.record_key).label("p"),
            func.coalesce(Intake.violence_forms, "").label("forms"),
            func.coalesce(Intake.help_sought, "").label("help"),
            *[expr.label(name) for name, expr in singles.items()],
        )
        .select_from(Case)
        .outerjoin(Intake, Intake.id == latest_intake)
        .outerjoin(PoliceReportEvent, PoliceReportEvent.id == latest_step)
        .where(
            Case.statistics_allowed.is_not(False),
            true() if desks is None else desk.in_(desks),
            Case.taken_in_charge_on >= START,
            Case.taken_in_charge_on <= END,
        )
        .order_by(*group)  # each desk's rows together: the GROUP BYs below stream instead of sorting
        .cte("w")
        .prefix_with("MATERIALIZED")  # computed once, grouped many times
    )
    w = women.c
    empty = literal("")
    desk_column = [w.g] if by_desk else []

    def tally(i: int, columns: Sequence[str]) -> Any:
        """The women's packed sum per combination of `columns` (and desk); a sum of sums is the sum."""
        by = [w[c] for c in columns]
        summed = select(*desk_column, *by, func.sum(w.p).label("p")).group_by(*desk_column, *by)
        return summed.cte(f"w{i}").prefix_with("MATERIALIZED")

    tallies = [tally(i, columns) for i, columns in enumerate(TALLIES)]

    def source(*by: str) -> Any:
        """The first tally holding the columns `by`."""
        return next(t for t in tallies if set(by) <= set(t.c.keys()))

    def joined(first: Any, second: Any) -> Any:
        """`first|second`, the key of a cell of a two-way table."""
        return first.op("||")(literal("|")).op("||")(second)

    def grouped(name: str, *by: str) -> Any:
        t = source(*by)
        group, columns = ([t.c.g] if by_desk else []), [t.c[b] for b in by]
        code = columns[0] if len(columns) == 1 else joined(*columns)
        return select(*group, literal(name), code, func.sum(t.c.p)).group_by(*group, *columns)

    def flagged(name: str, code: str, column: str, condition: Condition, *by: str) -> Any:
        """The women whose `column` meets `condition` (said of that column), per `by` if given."""
        t = source(column, *by)
        group, columns = ([t.c.g] if by_desk else []), [t.c[b] for b in by]
        label = literal(code) if not by else joined(literal(code), columns[0])
        packed = func.sum(case((condition(t.c[column]), t.c.p)))
        return select(*group, literal(name), label, packed).group_by(*group, *columns)

    def violence(macro: str) -> Condition:
        return lambda column: or_(*[has(column, f) for f, m in VIOLENCE_MACRO.items() if m == macro])

    def holds(code: str) -> Condition:
        return lambda column: has(column, code)

    def none(column: Any) -> ColumnElement[bool]:
        return column == empty

    parts = [
        select(*desk_column, literal("population"), literal(N), func.sum(w.p)).group_by(*desk_column),
        *[grouped(name, name) for name in singles],
        grouped("report_rel", "rel", "report"),
        grouped("age_cit", "age", "cit"),
        *[flagged("violence_rel", g, "forms", violence(g), "rel") for g in codelists.codes("violence_macro")],
        flagged("violence_rel", ND, "forms", none, "rel"),
        *[flagged("forms", f, "forms", holds(f)) for f in codelists.codes("violence_form")],
        flagged("forms", "_empty", "forms", none),
        *[flagged("help", h, "help", holds(h)) for h in codelists.codes("help_sought")],
        flagged("help", "_empty", "help", none),
    ]
    return select(union_all(*parts).subquery())


def in_charge(session: Session, scope: Scope, lang: str) -> dict[Group, list[AggregateTable]]:
    """ISTAT's tables, over the women taken in charge in the period (pathway agreed in it).

    ISTAT's survey of users counts the women who started a pathway in the year; the profile tables above
    count every active woman, as the network's monitoring does. Each table here says its base in its title.
    Violence, perpetrators and help sought come from her latest intake up to the end of the period; the
    report's outcome is the latest step recorded up to then (NO_STEP: none).

    The women (a few hundred a year per centre) are read once into a materialised row set with their
    grid codes computed once (age group, citizenship group, relationship group...); each table is then a
    small GROUP BY over a tally of it (its women summed per few columns), so the statement stays short to
    build and cheap to run.
    """
    stmt = _in_charge_statement(None if scope.desks is None else tuple(scope.desks), scope.by_desk)
    rows = scope.split(session.execute(stmt, scope.params).all(), empty=[("population", N, None)])
    return {group: _in_charge_tables(rows[group], lang) for group in scope.groups}


def _in_charge_tables(rows: Sequence[Sequence[Any]], lang: str) -> list[AggregateTable]:
    """The tables of one group from its (grouping, code, packed count) rows of `_in_charge_statement`."""
    res: dict[str, dict[str, Counted]] = {}
    for name, code, packed in rows:
        res.setdefault(name, {})[str(code)] = unpack(packed)
    pop = res["population"][N]
    tables: list[AggregateTable] = []

    def single(table_id: str, list_name: str | None, column: str, rows: Sequence[str] | None = None) -> None:
        counts = res.get(column, {})
        if rows is None:
            assert list_name is not None
            rows, values = with_nd(list_name, counts, pop)
        else:  # our own rows, the last one taking the remainder
            values = {r: counts.get(r, (0, 0)) for r in rows[:-1]}
            values[rows[-1]] = ck_minus(pop, values.values())
        tables.append(women_table(table_id, lang, list_name, rows, values, pop, additive=True))

    def multi(table_id: str, list_name: str, column: str) -> None:
        """Not additive; women with no answer at all count in ND (the code list's own, or an extra row)."""
        counts = res.get(column, {})
        rows = list(codelists.codes(list_name))
        values = {code: counts.get(code, (0, 0)) for code in rows}
        if ND in values:
            values[ND] = ck_sum([values[ND], counts.get("_empty", (0, 0))])
        else:
            rows.append(ND)
            values[ND] = counts.get("_empty", (0, 0))
        tables.append(women_table(table_id, lang, list_name, rows, values, pop, additive=False))

    for table_id, list_name, column in IN_CHARGE_SINGLE[:6]:
        single(table_id, list_name, column)
    multi("in_charge_violence_forms", "violence_form", "forms")
    single("in_charge_relationship_macro", "relationship_macro", "rel")
    multi("help_sought", "help_sought", "help")
    single("perpetrators_count", None, "perps", [*PERPETRATOR_ROWS, ND])
    for table_id, list_name in PERPETRATOR_SINGLE:
        single(table_id, list_name, table_id)
    single(
        "police_report_outcome",
        "police_report_stage",
        "stage",
        [*codelists.codes("police_report_stage"), NO_STEP],
    )
    relationship = with_nd("relationship_macro", res.get("rel", {}), pop)
    report_rows = with_nd("police_report", res.get("report", {}), pop)[0]
    tables.append(
        _cross_table(
            "police_report_by_relationship", lang, ("relationship_macro", "police_report"),
            relationship[0], report_rows, res.get("report_rel", {}), pop,
        )
    )  # fmt: skip
    violence_rows = [*codelists.codes("violence_macro"), ND]
    tables.append(
        _cross_table(
            "violence_by_relationship", lang, ("violence_macro", "relationship_macro"), violence_rows,
            relationship[0], res.get("violence_rel", {}), pop, col_margins=relationship[1],
        )
    )  # fmt: skip
    age_rows = with_nd("age_istat", {}, pop)[0]
    cit_cols = with_nd("citizenship", {}, pop)[0]
    tables.append(
        _cross_table(
            "age_by_citizenship", lang, ("age_istat", "citizenship"), age_rows, cit_cols,
            res.get("age_cit", {}), pop,
        )
    )  # fmt: skip
    return tables
