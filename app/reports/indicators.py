"""The indicators a centre reports for a period (DOMAIN.md "Indicators"), computed in SQL.

Every figure is an aggregate query (SUM(CASE ...) / GROUP BY) over the encrypted database: case rows
never come into Python, which only assembles the small result grids into `AggregateTable`s. That keeps
one year over 100k women and millions of services well under a second, and keeps identifying rows out
of the reports layer altogether.

Who is counted (always excluding cases whose woman refused or withdrew consent to statistics,
``statistics_allowed = False``, together with their contacts, services and referrals):

* **contacts**: contact records dated in the period (unit contacts). Contributors are the distinct
  women behind them (each anonymous contact counts as one woman, linked contacts by their case).
* **flow** (unit women, one row per stage, not additive: the stages are different populations):
  women who contacted (anonymous contacts one each + distinct cases among the period's contacts),
  received (accolte: at least one intake in the period), taken in charge *new* (pathway agreed in the
  period), taken in charge *continuing* (agreed before the period and not closed before it started),
  cases closed in the period, and the **active women** (below). The total counts distinct women in any
  stage.
* **active women**: the population of every profile table, the cases active at some point of the
  period: ``opened_on <= end AND (closed_on IS NULL OR closed_on >= start)``. This is ISTAT's "utenti"
  of the period (new and continuing, whether or not a pathway was agreed yet). Their profile tables all
  have this same grand total, linked across tables as ``active``.
* **profile** (age at the end of the period from the birth year, citizenship, education, employment,
  marital status, cohabitation, children, minors): the case's current fields.
* **violence and access** (forms, relationship, duration, channel, first-contact mode, police report,
  protective measures, emergency): the woman's latest intake up to the end of the period (latest by
  date, then by id); an active woman without any intake by then is counted as ND, so these tables keep
  the same total as the profile ones. Multi-response tables (forms, macro groups, cohabitation,
  measures) count women in every row that applies: not additive; their extra row ND (or NESSUNA for
  measures) holds the women with no code at all.
* **risk level**: latest assessment up to the end of the period; ND when none.
* **closures**: cases closed in the period, by outcome (additive).
* **services**: services dated in the period, filtered on the desk that delivered them. Counts and hours
  by type x mode with distinct women per cell and per margin (computed in SQL, never summed); women
  served by type; services to minors.
* **referrals** dated in the period by destination (unit referrals, contributors distinct women);
  shelter placements: CASA_RIFUGIO and PRONTA_ACCOGL referrals dated in the period whose outcome is
  ACCOLTO, as women placed (not additive: one woman may go to both) and children placed with them.

The help-desk filter applies to the case's desk for case-based tables, to the delivering desk for
services and to the contact's desk for contacts (and the women contacted); ``None`` means every desk.
`compute_indicators_by_desk` gives each desk's tables at once, by the same rules: every statement is
grouped by the desk column its rule names, so the period is read once rather than once per desk.

Rows always cover the whole code list in code-list order (zeros included), so the tables of different
desks and centres merge cell by cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    and_,
    bindparam,
    case,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
    tuple_,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from app.models import codelists
from app.models.cases import (
    Case,
    Contact,
    Intake,
    PoliceReportEvent,
    Referral,
    RiskAssessment,
    ServiceDelivery,
)
from app.models.codelists import (
    AGE_ISTAT_BOUNDS,
    AGE_LOMBARDY_BOUNDS,
    EU_COUNTRIES,
    ND,
    RELATIONSHIP_MACRO,
    STATELESS,
    VIOLENCE_MACRO,
)
from app.reports.cellkey import KEY_RANGE, PACK, unpack
from app.reports.periods import Period
from app.reports.tables import AggregateTable, CellKeys, Number, Unit
from app.reports.texts import ROW_LABELS, TABLE_TITLES, texts

__all__ = [
    "DESK_TABLES",
    "TABLE_IDS",
    "compute_indicators",
    "compute_indicators_by_desk",
    "set_hours",
    "title",
]

N = "N"
NONE_CODE = "NESSUNA"
SHELTER_DESTINATIONS = ("CASA_RIFUGIO", "PRONTA_ACCOGL")
FLOW_ROWS = ("WOMEN_CONTACTED", "RECEIVED", "IN_CHARGE_NEW", "IN_CHARGE_CONTINUING", "CLOSED", "ACTIVE")


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


def _labels(list_name: str | None, codes: Iterable[str], lang: str) -> dict[str, str]:
    """Row/column labels: the code list's where it has the code, ours for the extra rows."""
    out: dict[str, str] = {}
    for code in codes:
        if list_name is not None and (codelists.is_valid(list_name, code) or code == ND):
            out[code] = codelists.label(list_name, code, lang)
        else:
            out[code] = _own_label(code, lang)
    return out


# --- table assembly (Python sees only the small grids) ---------------------------------------------


Counted = tuple[int, int]
"""(count, cell key): a count and the sum of its records' keys modulo KEY_RANGE."""


def _ck_sum(parts: Iterable[Counted]) -> Counted:
    count = key = 0
    for c, k in parts:
        count, key = count + c, key + k
    return count, key % KEY_RANGE


def _ck_minus(whole: Counted, parts: Iterable[Counted]) -> Counted:
    """The remainder of a partition: its count and its cell key (keys subtract modulo the range)."""
    count, key = _ck_sum(parts)
    return whole[0] - count, (whole[1] - key) % KEY_RANGE


def _one_way(
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
        row_labels=_labels(list_name, rows, lang),
        col_labels={N: N},
        keys=cell_keys,
    )


def _women_table(
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
    return _one_way(
        table_id, lang, Unit.WOMEN, rows, {r: c for r, (c, _) in counts.items()}, list_name=list_name,
        total=population[0], keys={r: CellKeys(key=k) for r, (_, k) in counts.items()},
        total_keys=CellKeys(key=population[1]), additive=additive,
    )  # fmt: skip


def _women(counts: Mapping[str, Counted]) -> dict[str, CellKeys]:
    """Keys of intensity rows whose records are the women themselves."""
    return {r: CellKeys(key=k, women=c, women_key=k) for r, (c, k) in counts.items()}


# --- shared predicates ------------------------------------------------------------------------------


Group = int | None
"""What a section's figures are computed for: a desk (per-desk computation) or None (the whole scope)."""


class _Scope:
    """The period and desks of one computation, as SQL predicates, and how its figures are grouped.

    Every section computes its figures per group, in one statement grouped by the desk column that the
    section's desk rule names (`group`). A scope is either one group (its desks together, `None`) or one
    group per desk (`by_desk`): the same statements, with the desk column added to the GROUP BY.
    """

    def __init__(self, period: Period, help_desk_ids: Sequence[int] | None, by_desk: bool = False) -> None:
        self.start = period.start
        self.end = period.end
        self.desks = None if help_desk_ids is None else sorted({int(d) for d in help_desk_ids})
        if by_desk and self.desks is None:
            raise ValueError("a per-desk computation names its desks")
        self.by_desk = by_desk
        self.groups: list[Group] = list(self.desks or []) if by_desk else [None]

    def desk(self, column: Any) -> ColumnElement[bool]:
        if self.desks is None:
            return true()
        return self._unindexed(column).in_(self.desks)

    def group(self, desk_column: Any) -> list[Any]:
        """The leading SELECT and GROUP BY columns of a section's statement: its desk column, or none."""
        return [self._unindexed(desk_column)] if self.by_desk else []

    def _unindexed(self, column: Any) -> Any:
        return _unindexed(column) if self.by_desk else column

    def split(
        self, rows: Iterable[Sequence[Any]], empty: Sequence[Sequence[Any]] = ()
    ) -> dict[Group, list[Any]]:
        """The rows of a statement led by `group(...)`, by group and without the group column.

        A group without rows gets `empty`: the rows the statement gives over no rows at all (one all-NULL
        row for each aggregate without GROUP BY), so an idle desk reads exactly as its own computation.
        """
        out: dict[Group, list[Any]] = {}
        for row in rows:
            if self.by_desk:
                out.setdefault(int(row[0]), []).append(tuple(row[1:]))
            else:
                out.setdefault(None, []).append(tuple(row))
        return {g: out.get(g, [tuple(r) for r in empty]) for g in self.groups}

    def within(self, column: Any) -> ColumnElement[bool]:
        """The inclusive date range, written so the date indexes serve it."""
        return and_(column >= self.start, column <= self.end)

    def years(self, column: Any) -> ColumnElement[bool]:
        """The calendar years the period touches, on `year_of(column)` (serves the year-led indexes)."""
        years = [str(y) for y in range(self.start.year, self.end.year + 1)]
        return year_of(column) == years[0] if len(years) == 1 else year_of(column).in_(years)

    def case_at_desk(self, case_id: Any) -> ColumnElement[bool]:
        """`case_id` belongs to a case of the scope's desks, without reading the (wide) case rows."""
        if self.desks is None:
            return true()
        return self._unindexed(case_id).in_(select(Case.id).where(Case.help_desk_id.in_(self.desks)))

    def same_group(
        self, case_id: Any, desk: Any, source_case_id: Any, source_desk: Any, where: ColumnElement[bool]
    ) -> ColumnElement[bool]:
        """`case_id` is among the source rows' cases (those meeting `where`) of the same group as `desk`.

        One group: a source row at any of the scope's desks will do; per desk: the source row's desk
        (`source_desk`) is `desk`.
        """
        if self.by_desk:
            return tuple_(case_id, desk).in_(select(source_case_id, source_desk).where(where))
        return case_id.in_(select(source_case_id).where(where))


def _unindexed(column: Any) -> Any:
    """A desk column as `column + 0`, which SQLite cannot look up in an index (per desk).

    Every desk is read at once then: the planner would otherwise walk the desk index and fetch the wide
    case rows one by one (twice the time of the plain scan the whole centre gets, then one sort). The 0
    is literal SQL so that the GROUP BY and the ORDER BY spell the same expression (one sort, not two).
    """
    return column + literal_column("0")


def year_of(column: Any) -> Any:
    """The year of an ISO date column, written exactly as in the year-led index definitions.

    The constants are literal SQL, not bound parameters: SQLite matches an indexed expression only
    when the query spells it identically.
    """
    return func.substr(column, literal_column("1"), literal_column("4"))


def _excluded_cases() -> Any:
    """Cases kept out of statistics (literal 0 so a partial index on it can serve the lookup)."""
    return select(Case.id).where(Case.statistics_allowed == false())


def _sum(condition: ColumnElement[bool]) -> Any:
    """How many rows meet `condition` (COUNT of a CASE without ELSE: cheaper per row than SUM of 1/0)."""
    return func.count(case((condition, literal_column("1"))))


def _packed(condition: ColumnElement[bool], record_key: Any) -> Any:
    """Count and key sum of the rows meeting `condition`, in one aggregate (see cellkey.PACK)."""
    return func.sum(case((condition, literal_column(str(PACK)) + record_key)))


def _distinct_packed(row_id: Any, record_key: Any) -> Any:
    """Key sum of the distinct rows among duplicates: each id adds its key once (SUM DISTINCT of id*R+key).

    Modulo KEY_RANGE the ids vanish and the keys remain; `unpack` needs the count from COUNT(DISTINCT).
    """
    return func.sum(func.distinct(row_id * literal_column(str(KEY_RANGE)) + record_key))


def _has(column: Any, code: str) -> ColumnElement[bool]:
    """A multi-valued field ",A,B," holds `code` (codes never contain commas)."""
    return func.instr(column, f",{code},") > 0


# --- contacts and flow ------------------------------------------------------------------------------


def _ck_union(first: Counted, second: Counted, both: Counted) -> Counted:
    """The records in either of two sets, from each set and their intersection (keys add modulo the range)."""
    return first[0] + second[0] - both[0], (first[1] + second[1] - both[1]) % KEY_RANGE


def _contacts_and_flow(session: Session, scope: _Scope, lang: str) -> dict[Group, list[AggregateTable]]:
    """Contacts, flow and closures. Contacts and the women contacted go by the contact's desk, the other
    stages and the closures by the case's desk: a woman contacted at one desk counts there among the
    women contacted, whichever desk holds her case.
    """
    contact_where = and_(
        scope.within(Contact.date),
        scope.desk(Contact.help_desk_id),
        or_(Contact.case_id.is_(None), Contact.case_id.not_in(_excluded_cases())),
    )
    by_contact_desk = scope.group(Contact.help_desk_id)
    contacts_rows = scope.split(
        session.execute(
            select(
                *by_contact_desk,
                _packed(true(), Contact.record_key),
                _packed(Contact.case_id.is_(None), Contact.record_key),
            )
            .where(contact_where)
            .group_by(*by_contact_desk)
        ).all(),
        empty=[(None, None)],
    )
    # the distinct cases behind the linked contacts (by the contact's desk), each counted once
    linked_where = and_(contact_where, Contact.case_id.is_not(None))
    pairs = select(Contact.case_id.label("c"), *[c.label("g") for c in by_contact_desk]).where(linked_where)
    contacted = pairs.distinct().subquery()
    by_pair_desk = [contacted.c.g] if scope.by_desk else []
    linked_rows = scope.split(
        session.execute(
            select(*by_pair_desk, _packed(true(), Case.record_key))
            .select_from(contacted)
            .join(Case, Case.id == contacted.c.c)
            .group_by(*by_pair_desk)
        ).all(),
        empty=[(None,)],
    )

    received_cases = select(Intake.case_id).where(scope.within(Intake.date))
    active = and_(Case.opened_on <= scope.end, or_(Case.closed_on.is_(None), Case.closed_on >= scope.start))
    received = Case.id.in_(received_cases)
    new = scope.within(Case.taken_in_charge_on)
    continuing = and_(
        Case.taken_in_charge_on < scope.start, or_(Case.closed_on.is_(None), Case.closed_on >= scope.start)
    )
    closed = scope.within(Case.closed_on)
    # contacted at the case's own group too: those are in both parts of the flow's total, counted once
    contacted_here = scope.same_group(
        Case.id, Case.help_desk_id, Contact.case_id, Contact.help_desk_id, linked_where
    )
    statuses = codelists.codes("case_status")
    key = Case.record_key
    active_or_received = or_(active, received)
    columns = [
        _packed(received, key),
        _packed(new, key),
        _packed(continuing, key),
        _packed(closed, key),
        _packed(active, key),
        _packed(active_or_received, key),
        _packed(and_(active_or_received, contacted_here), key),
        *[_packed(and_(closed, Case.status == s), key) for s in statuses],
    ]
    by_case_desk = scope.group(Case.help_desk_id)
    case_rows = scope.split(
        session.execute(
            select(*by_case_desk, *columns)
            .where(
                Case.statistics_allowed.is_not(False),
                scope.desk(Case.help_desk_id),
                # only cases in some row are aggregated; the others are skipped by this cheap filter
                or_(active, received, new, continuing, closed),
            )
            .group_by(*by_case_desk)
        ).all(),
        empty=[(None,) * len(columns)],
    )

    out: dict[Group, list[AggregateTable]] = {}
    for group in scope.groups:
        contacts, anonymous = (unpack(x) for x in contacts_rows[group][0])
        linked = unpack(linked_rows[group][0][0])
        row = [unpack(x) for x in case_rows[group][0]]
        received_w, new_w, cont_w, closed_w, active_w, at_desk, at_desk_contacted = row[:7]
        by_status = dict(zip(statuses, row[7:], strict=True))
        flow_cases = _ck_union(at_desk, linked, at_desk_contacted)

        women_contacted = _ck_sum([anonymous, linked])
        table = _one_way(
            "contacts", lang, Unit.CONTACTS, ["CONTACTS"], {"CONTACTS": contacts[0]}, list_name=None,
            total=contacts[0], contributors={"CONTACTS": women_contacted[0]},
            total_contributors=women_contacted[0], keys={"CONTACTS": CellKeys(key=contacts[1])},
            total_keys=CellKeys(key=contacts[1]),
        )  # fmt: skip
        flow_values = {
            "WOMEN_CONTACTED": women_contacted,
            "RECEIVED": received_w,
            "IN_CHARGE_NEW": new_w,
            "IN_CHARGE_CONTINUING": cont_w,
            "CLOSED": closed_w,
            "ACTIVE": active_w,
        }
        flow = _women_table(
            "flow", lang, None, FLOW_ROWS, flow_values, _ck_sum([anonymous, flow_cases]), additive=False
        )
        closures = _women_table(
            "closures_outcome", lang, "case_status", statuses, by_status, closed_w, additive=True
        )
        out[group] = [table, flow, closures]
    return out


# --- profile, violence, access, risk: one pass over the active women ----------------------------------


class _Columns:
    """Collects the packed count columns of one wide query and hands back (count, key) by table and code."""

    def __init__(self, record_key: Any) -> None:
        self.record_key = record_key
        self.keys: list[tuple[str, str]] = []
        self.exprs: list[Any] = []

    def add(self, table: str, code: str, condition: ColumnElement[bool]) -> None:
        self.keys.append((table, code))
        self.exprs.append(_packed(condition, self.record_key))

    def read(self, row: Sequence[Any]) -> dict[str, dict[str, Counted]]:
        out: dict[str, dict[str, Counted]] = {}
        for (table, code), value in zip(self.keys, row, strict=True):
            out.setdefault(table, {})[code] = unpack(value)
        return out


def _age_bounds(
    cols: _Columns, table: str, bounds: tuple[tuple[str, int, int | None], ...], birth: Any, year: int
) -> None:
    """Age = period end year - birth year (codelists.age_at), as a range on birth_year: no CASE needed."""
    for code, low, high in bounds:
        cond = birth <= year - low
        if high is not None:
            cond = and_(cond, birth >= year - high)
        cols.add(table, code, cond)


def _single(cols: _Columns, table: str, list_name: str, column: Any) -> None:
    for code in codelists.codes(list_name):
        if code != ND:
            cols.add(table, code, column == code)


def _multi(cols: _Columns, table: str, list_name: str, column: Any) -> None:
    for code in codelists.codes(list_name):
        cols.add(table, code, _has(column, code))
    cols.add(table, "_empty", func.coalesce(column, "") == "")


def _with_nd(
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
    values[ND] = _ck_minus(population, values.values())
    return rows, values


def _latest_of_case(model: Any, up_to: Any) -> Any:
    """The id of the case's latest `model` record (interview, risk assessment, report step) dated up to
    `up_to`: latest by date, then by id; a correlated subquery over the (case_id, date) index."""
    row = aliased(model)
    return (
        select(row.id)
        .where(row.case_id == Case.id, row.date <= up_to)
        .order_by(row.date.desc(), row.id.desc())
        .limit(1)
        .correlate(Case)
        .scalar_subquery()
    )


def _profile(session: Session, scope: _Scope, lang: str) -> dict[Group, list[AggregateTable]]:
    """All the tables over the active women in one aggregate query (about 200 SUM columns, one pass)."""
    year = scope.end.year
    latest_intake = _latest_of_case(Intake, scope.end)
    latest_risk = _latest_of_case(RiskAssessment, scope.end)
    cols = _Columns(Case.record_key)
    cols.add("population", N, true())
    _age_bounds(cols, "age_istat", AGE_ISTAT_BOUNDS, Case.birth_year, year)
    _age_bounds(cols, "age_lombardy", AGE_LOMBARDY_BOUNDS, Case.birth_year, year)
    cols.add("citizenship", "ITA", Case.country == "IT")
    cols.add("citizenship", "UE", Case.country.in_(sorted(EU_COUNTRIES - {"IT"})))
    cols.add("citizenship", "APOL", Case.country == STATELESS)
    cols.add(
        "citizenship",
        "EXTRAUE",
        and_(Case.country != "", Case.country != STATELESS, Case.country.not_in(sorted(EU_COUNTRIES))),
    )
    _single(cols, "education", "education", Case.education)
    _single(cols, "employment", "employment", Case.employment)
    _single(cols, "marital_status", "marital_status", Case.marital_status)
    _multi(cols, "cohabitation", "cohabitation", Case.cohabitation)
    _single(cols, "has_children", "has_children", Case.has_children)
    minors_columns = {
        "MINORS": Case.minors_count,
        "WITNESSED": Case.minors_witnessed,
        "SUFFERED": Case.minors_suffered,
    }
    for code, column in minors_columns.items():
        cols.keys.append(("minors_sum", code))
        cols.exprs.append(func.coalesce(func.sum(column), 0) * literal_column(str(PACK)))  # read as (sum, 0)
        cols.add("minors_women", code, column > 0)
    cols.add("minors_women", "_any", or_(*[c > 0 for c in minors_columns.values()]))
    _multi(cols, "violence_forms", "violence_form", Intake.violence_forms)
    for group in codelists.codes("violence_macro"):
        forms = [f for f, m in VIOLENCE_MACRO.items() if m == group]
        cols.add("violence_macro", group, or_(*[_has(Intake.violence_forms, f) for f in forms]))
    _single(cols, "relationship", "relationship", Intake.relationship_code)
    _single(cols, "violence_duration", "violence_duration", Intake.violence_duration)
    _single(cols, "access_channel", "access_channel", Intake.access_channel)
    _single(cols, "first_contact_mode", "first_contact_mode", Intake.first_contact_mode)
    _single(cols, "police_report", "police_report", Intake.police_report)
    _multi(cols, "measures_requested", "protective_measure", Intake.measures_requested)
    _multi(cols, "measures_obtained", "protective_measure", Intake.measures_obtained)
    cols.add("emergency", "SI", Intake.emergency.is_(True))
    cols.add("emergency", "NO", Intake.emergency.is_(False))
    _single(cols, "risk_level", "risk_level", RiskAssessment.level)

    by_desk = scope.group(Case.help_desk_id)
    query = (
        select(*by_desk, *cols.exprs)
        .select_from(Case)
        .outerjoin(Intake, Intake.id == latest_intake)
        .outerjoin(RiskAssessment, RiskAssessment.id == latest_risk)
        .where(
            Case.statistics_allowed.is_not(False),
            scope.desk(Case.help_desk_id),
            Case.opened_on <= scope.end,
            or_(Case.closed_on.is_(None), Case.closed_on >= scope.start),
        )
        .group_by(*by_desk)
    )
    rows = scope.split(session.execute(query).all(), empty=[(None,) * len(cols.exprs)])
    return {group: _profile_tables(cols.read(rows[group][0]), minors_columns, lang) for group in scope.groups}


def _profile_tables(
    res: dict[str, dict[str, Counted]], minors_columns: Mapping[str, Any], lang: str
) -> list[AggregateTable]:
    """The tables of one group from its row of `_profile`'s query."""
    pop = res["population"][N]
    tables: list[AggregateTable] = []

    def single(table_id: str, list_name: str, counts: Mapping[str, Counted] | None = None) -> None:
        rows, values = _with_nd(list_name, res[table_id] if counts is None else counts, pop)
        tables.append(_women_table(table_id, lang, list_name, rows, values, pop, additive=True))

    def multi(table_id: str, list_name: str, empty_code: str, counts: Mapping[str, Counted]) -> None:
        """Not additive; the extra row holds women with no code (including those with no intake)."""
        values = {code: counts.get(code, (0, 0)) for code in codelists.codes(list_name)}
        values[empty_code] = res[table_id.replace("violence_macro", "violence_forms")]["_empty"]
        rows = [*codelists.codes(list_name), empty_code]
        tables.append(_women_table(table_id, lang, list_name, rows, values, pop, additive=False))

    single("age_istat", "age_istat")
    single("age_lombardy", "age_lombardy")
    single("citizenship", "citizenship")
    cit = res["citizenship"]
    binary = {"ITALIANA": cit["ITA"], "STRANIERA": _ck_sum([cit["UE"], cit["EXTRAUE"], cit["APOL"]])}
    single("citizenship_binary", "citizenship_binary", binary)
    single("education", "education")
    single("employment", "employment")
    single("marital_status", "marital_status")
    multi("cohabitation", "cohabitation", ND, res["cohabitation"])
    single("has_children", "has_children")
    sums = {code: count for code, (count, _) in res["minors_sum"].items()}
    women = res["minors_women"]
    tables.append(
        _one_way(
            "minors", lang, Unit.MINORS, list(minors_columns), sums, list_name=None, total=sums["MINORS"],
            contributors={c: n for c, (n, _) in women.items()}, total_contributors=women["_any"][0],
            keys=_women(women), total_keys=_women(women)["_any"], additive=False,
        )
    )  # fmt: skip
    multi("violence_forms", "violence_form", ND, res["violence_forms"])
    multi("violence_macro", "violence_macro", ND, res["violence_macro"])
    single("relationship", "relationship")
    relationship = _with_nd("relationship", res["relationship"], pop)[1]
    macro: dict[str, list[Counted]] = {}
    for code, value in relationship.items():
        macro.setdefault(RELATIONSHIP_MACRO.get(code, ND), []).append(value)
    single("relationship_macro", "relationship_macro", {code: _ck_sum(v) for code, v in macro.items()})
    single("violence_duration", "violence_duration")
    single("access_channel", "access_channel")
    single("first_contact_mode", "first_contact_mode")
    single("police_report", "police_report")
    multi("measures_requested", "protective_measure", NONE_CODE, res["measures_requested"])
    multi("measures_obtained", "protective_measure", NONE_CODE, res["measures_obtained"])
    single("emergency", "has_children", res["emergency"])
    single("risk_level", "risk_level")
    return tables


# --- ISTAT base: the women taken in charge in the period -----------------------------------------------

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
    row_tot = [_ck_sum(line) for line in grid]
    if col_margins is None:
        col_tot = [_ck_sum(column) for column in zip(*grid, strict=True)]
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
        row_labels=_labels(lists[0], rows, lang),
        col_labels=_labels(lists[1], cols, lang),
        keys=keys,
    )


START, END, YEAR = (
    bindparam("start", type_=Date),
    bindparam("end", type_=Date),
    bindparam("year", type_=Integer),
)
"""The period of `_in_charge_statement`, bound at execution: one statement per desk set serves every period."""


@cache
def _in_charge_statement(desks: tuple[int, ...] | None, by_desk: bool) -> Any:
    """The women taken in charge (START..END) at `desks` and every grouping of ISTAT's tables, in one statement.

    `by_desk`: every row is led by the case's desk and grouped by it too (as `_Scope.group` does).

    Built once per desk set: assembling its ~55 small SELECTs costs more Python time than SQLite takes to
    run them, and a cached statement also keeps SQLAlchemy's compiled form.
    """
    latest_intake = _latest_of_case(Intake, END)
    latest_step = _latest_of_case(PoliceReportEvent, END)
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
    desk = _unindexed(Case.help_desk_id) if by_desk else Case.help_desk_id
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
    group = [w.g] if by_desk else []

    def joined(first: Any, second: Any) -> Any:
        """`first|second`, the key of a cell of a two-way table."""
        return first.op("||")(literal("|")).op("||")(second)

    def grouped(name: str, *by: Any) -> Any:
        code = by[0] if len(by) == 1 else joined(by[0], by[1])
        return select(*group, literal(name), code, func.sum(w.p)).group_by(*group, *by)

    def flagged(name: str, code: str, condition: ColumnElement[bool], *by: Any) -> Any:
        label = literal(code) if not by else joined(literal(code), by[0])
        return select(*group, literal(name), label, func.sum(case((condition, w.p)))).group_by(*group, *by)

    violence_groups = [
        (g, or_(*[_has(w.forms, f) for f, m in VIOLENCE_MACRO.items() if m == g]))
        for g in codelists.codes("violence_macro")
    ]
    parts = [
        select(*group, literal("population"), literal(N), func.sum(w.p)).group_by(*group),
        *[grouped(name, w[name]) for name in singles],
        grouped("report_rel", w.rel, w.report),
        grouped("age_cit", w.age, w.cit),
        *[flagged("violence_rel", g, cond, w.rel) for g, cond in violence_groups],
        flagged("violence_rel", ND, w.forms == empty, w.rel),
        *[flagged("forms", f, _has(w.forms, f)) for f in codelists.codes("violence_form")],
        flagged("forms", "_empty", w.forms == empty),
        *[flagged("help", h, _has(w.help, h)) for h in codelists.codes("help_sought")],
        flagged("help", "_empty", w.help == empty),
    ]
    return select(union_all(*parts).subquery())


def _in_charge(session: Session, scope: _Scope, lang: str) -> dict[Group, list[AggregateTable]]:
    """ISTAT's tables, over the women taken in charge in the period (pathway agreed in it).

    ISTAT's survey of users counts the women who started a pathway in the year; the profile tables above
    count every active woman, as the network's monitoring does. Each table here says its base in its title.
    Violence, perpetrators and help sought come from her latest intake up to the end of the period; the
    report's outcome is the latest step recorded up to then (NO_STEP: none).

    The women (a few hundred a year per centre) are read once into a materialised row set with their
    grid codes computed once (age group, citizenship group, relationship group...); each table is then a
    small GROUP BY over it, so the statement stays short to build and cheap to run.
    """
    stmt = _in_charge_statement(None if scope.desks is None else tuple(scope.desks), scope.by_desk)
    params = {"start": scope.start, "end": scope.end, "year": scope.end.year}
    rows = scope.split(session.execute(stmt, params).all(), empty=[("population", N, None)])
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
            rows, values = _with_nd(list_name, counts, pop)
        else:  # our own rows, the last one taking the remainder
            values = {r: counts.get(r, (0, 0)) for r in rows[:-1]}
            values[rows[-1]] = _ck_minus(pop, values.values())
        tables.append(_women_table(table_id, lang, list_name, rows, values, pop, additive=True))

    def multi(table_id: str, list_name: str, column: str) -> None:
        """Not additive; women with no answer at all count in ND (the code list's own, or an extra row)."""
        counts = res.get(column, {})
        rows = list(codelists.codes(list_name))
        values = {code: counts.get(code, (0, 0)) for code in rows}
        if ND in values:
            values[ND] = _ck_sum([values[ND], counts.get("_empty", (0, 0))])
        else:
            rows.append(ND)
            values[ND] = counts.get("_empty", (0, 0))
        tables.append(_women_table(table_id, lang, list_name, rows, values, pop, additive=False))

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
    relationship = _with_nd("relationship_macro", res.get("rel", {}), pop)
    report_rows = _with_nd("police_report", res.get("report", {}), pop)[0]
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
    age_rows = _with_nd("age_istat", {}, pop)[0]
    cit_cols = _with_nd("citizenship", {}, pop)[0]
    tables.append(
        _cross_table(
            "age_by_citizenship", lang, ("age_istat", "citizenship"), age_rows, cit_cols,
            res.get("age_cit", {}), pop,
        )
    )  # fmt: skip
    return tables


# --- services ----------------------------------------------------------------------------------------


def _services(session: Session, scope: _Scope, lang: str) -> dict[Group, list[AggregateTable]]:
    """The services, by the desk that delivered them (those to minors: `_services_to_minors`)."""
    sd = ServiceDelivery
    where = _service_scope(scope)
    # one pass over the year-led covering index, which already yields a year's services in (type, mode,
    # woman) order: one row per (type, mode, woman) with her count, minutes and the services' key sum
    # (per desk, the desk leads and the rows are sorted once)
    by_desk = scope.group(sd.help_desk_id)
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

    def part(kind: str, t: Any, m: Any, distinct: bool) -> Any:
        women = func.count(func.distinct(per.c.c)) if distinct else func.count()
        women_keys = _distinct_packed(per.c.c, per.c.wk) if distinct else func.sum(per.c.wk)
        return select(
            *group, literal(kind).label("k"), t, m, func.sum(per.c.n), func.sum(per.c.mins), women,
            func.sum(per.c.sk), women_keys, func.max(per.c.mins),
        )  # fmt: skip

    parts = union_all(
        part("cell", per.c.t, per.c.m, False).group_by(*group, per.c.t, per.c.m),
        part("row", per.c.t, literal("").label("m"), True).group_by(*group, per.c.t),
        part("col", literal("").label("t"), per.c.m, True).group_by(*group, per.c.m),
        part("all", literal("").label("t"), literal("").label("m"), True).group_by(*group),
    )
    cells = scope.split(
        session.execute(select(parts.subquery())).all(), empty=[("all", "", "") + (None,) * 6]
    )
    return {group: _services_tables(cells[group], lang) for group in scope.groups}


def _service_scope(scope: _Scope) -> ColumnElement[bool]:
    """The services counted: dated in the period, at the scope's desks, of women counted in statistics."""
    sd = ServiceDelivery
    return and_(
        scope.years(sd.date),
        scope.within(sd.date),
        scope.desk(sd.help_desk_id),
        sd.case_id.not_in(_excluded_cases()),
    )


def _services_to_minors(session: Session, scope: _Scope, lang: str) -> dict[Group, list[AggregateTable]]:
    """Services to minors: their own statement over their own partial index, a section of its own so
    that it runs beside the other services on the second thread."""
    sd = ServiceDelivery
    by_desk = scope.group(sd.help_desk_id)
    rows = scope.split(
        session.execute(
            select(
                *by_desk, func.count(), func.count(func.distinct(sd.case_id)), func.sum(sd.record_key),
                _distinct_packed(sd.case_id, sd.woman_key),
            ).where(_service_scope(scope), sd.beneficiary == literal_column("'MINORE'")).group_by(*by_desk)
        ).all(),
        empty=[(0, 0, None, None)],
    )  # fmt: skip
    out = {}
    for group in scope.groups:
        minor_row = rows[group][0]
        n_minor, w_minor = int(minor_row[0] or 0), int(minor_row[1] or 0)
        keys = CellKeys(int(minor_row[2] or 0) % KEY_RANGE, w_minor, int(minor_row[3] or 0) % KEY_RANGE)
        out[group] = [
            _one_way(
                "services_minors", lang, Unit.SERVICES, ["MINORE"], {"MINORE": n_minor},
                list_name="beneficiary", total=n_minor, contributors={"MINORE": w_minor},
                total_contributors=w_minor, keys={"MINORE": keys}, total_keys=keys,
            )
        ]  # fmt: skip
    return out


def _services_tables(cells: Sequence[Sequence[Any]], lang: str) -> list[AggregateTable]:
    """The tables of one group from its rows of `_services`' statements."""
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
            row_labels=_labels("service_type", types, lang),
            col_labels=_labels("service_mode", modes, lang),
            keys=dict(keys),
        )

    count_table = two_way("services_type_mode_count", Unit.SERVICES, [list[Number | None](r) for r in count])
    hours_table = two_way("services_type_mode_hours", Unit.HOURS, [list[Number | None](r) for r in mins])
    set_hours(hours_table, mins)
    none = CellKeys()
    by_type = _one_way(
        "services_women_by_type", lang, Unit.WOMEN, types, dict(zip(types, row_w, strict=True)),
        list_name="service_type", total=total_w, additive=False,
        keys={t: CellKeys(key=keys.get((i, -1), none).women_key) for i, t in enumerate(types)},
        total_keys=CellKeys(key=keys.get((-1, -1), none).women_key),
    )  # fmt: skip
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


# --- referrals and shelter placements -------------------------------------------------------------------


def _referrals(session: Session, scope: _Scope, lang: str) -> dict[Group, list[AggregateTable]]:
    """Referrals and shelter placements, by the desk of the woman's case."""
    r = Referral
    base = (
        select(
            *[d.label("g") for d in scope.group(Case.help_desk_id)],
            r.destination.label("d"), r.case_id.label("c"), r.outcome.label("o"), r.children_count.label("k"),
            r.record_key.label("rk"), Case.record_key.label("wk"),
        )
        .join(Case, Case.id == r.case_id)
        .where(scope.within(r.date), scope.case_at_desk(r.case_id), r.case_id.not_in(_excluded_cases()))
        .order_by(*scope.group(Case.help_desk_id))  # each desk's rows together (per desk)
        .cte("ref")
        .prefix_with("MATERIALIZED")  # read once, aggregated twice
    )  # fmt: skip
    placed = and_(base.c.o == "ACCOLTO", base.c.d.in_(SHELTER_DESTINATIONS))
    with_children = and_(placed, base.c.k > 0)

    def aggregates() -> list[Any]:
        return [
            func.count(), func.sum(base.c.rk),
            func.count(func.distinct(base.c.c)), _distinct_packed(base.c.c, base.c.wk),
            func.count(func.distinct(case((placed, base.c.c)))),
            _distinct_packed(case((placed, base.c.c)), base.c.wk),
            func.coalesce(func.sum(case((placed, base.c.k), else_=0)), 0),
            func.count(func.distinct(case((with_children, base.c.c)))),
            _distinct_packed(case((with_children, base.c.c)), base.c.wk),
        ]  # fmt: skip

    group = [base.c.g] if scope.by_desk else []
    parts = union_all(
        select(*group, base.c.d, *aggregates()).group_by(*group, base.c.d),
        select(*group, literal("*"), *aggregates()).group_by(*group),
    )
    rows = scope.split(session.execute(select(parts.subquery())).all(), empty=[("*",) + (None,) * 9])
    return {group: _referrals_tables(rows[group], lang) for group in scope.groups}


def _referrals_tables(rows: Sequence[Sequence[Any]], lang: str) -> list[AggregateTable]:
    """The tables of one group from its (destination or *, aggregates...) rows of `_referrals`."""
    n: dict[str, int] = {}
    women: dict[str, int] = {}
    placed_w: dict[str, int] = {}
    children: dict[str, int] = {}
    children_w: dict[str, int] = {}
    ref_keys: dict[str, CellKeys] = {}
    placed_keys: dict[str, CellKeys] = {}
    children_keys: dict[str, CellKeys] = {}
    for d, cnt, rk, w, wk, pw, pwk, ch, chw, chwk in rows:
        n[d], women[d], placed_w[d] = int(cnt or 0), int(w or 0), int(pw or 0)
        children[d], children_w[d] = int(ch or 0), int(chw or 0)
        ref_keys[d] = CellKeys(int(rk or 0) % KEY_RANGE, women[d], int(wk or 0) % KEY_RANGE)
        placed_keys[d] = CellKeys(key=int(pwk or 0) % KEY_RANGE)
        chk = int(chwk or 0) % KEY_RANGE
        children_keys[d] = CellKeys(key=chk, women=children_w[d], women_key=chk)
    destinations = list(codelists.codes("referral_destination"))
    none = CellKeys()
    referrals = _one_way(
        "referrals_destination", lang, Unit.REFERRALS, destinations, n, list_name="referral_destination",
        total=n.get("*", 0), contributors=women, total_contributors=women.get("*", 0),
        keys=ref_keys, total_keys=ref_keys.get("*", none),
    )  # fmt: skip
    shelter_women = _one_way(
        "shelter_women", lang, Unit.WOMEN, list(SHELTER_DESTINATIONS), placed_w,
        list_name="referral_destination", total=placed_w.get("*", 0), additive=False,
        keys=placed_keys, total_keys=placed_keys.get("*", none),
    )  # fmt: skip
    shelter_children = _one_way(
        "shelter_children", lang, Unit.MINORS, list(SHELTER_DESTINATIONS), children,
        list_name="referral_destination", total=sum(children.get(d, 0) for d in SHELTER_DESTINATIONS),
        contributors=children_w, total_contributors=children_w.get("*", 0),
        keys=children_keys, total_keys=children_keys.get("*", none),
    )  # fmt: skip
    return [referrals, shelter_women, shelter_children]


# --- entry point -----------------------------------------------------------------------------------------

Section = Callable[[Session, _Scope, str], dict[Group, list[AggregateTable]]]

# Relative cost of each section over a year at full scale, to balance the lanes (2025 of the benchmark
# data, encrypted, median of three), for the whole centre and for its six desks at once: services 610 ms
# and 640 (per desk, the year's services are sorted once by desk), services to minors 77 and 94, profile
# 480 and 600, women taken in charge 300 and 300, contacts and flow 220 and 260, referrals 76 and 137.
# Heaviest first onto the lighter lane: on two threads, about 0.9 s each for the whole centre.
_SECTIONS: dict[Section, tuple[int, int]] = {
    _services: (61, 64),
    _profile: (48, 60),
    _in_charge: (30, 30),
    _contacts_and_flow: (22, 26),
    _services_to_minors: (8, 9),
    _referrals: (8, 14),
}


def _lanes(count: int, by_desk: bool = False) -> list[list[Section]]:
    """The sections spread over `count` lanes, heaviest first onto the least loaded lane."""
    lanes: list[list[Section]] = [[] for _ in range(max(1, count))]
    loads = [0] * len(lanes)
    costs = {section: cost[1 if by_desk else 0] for section, cost in _SECTIONS.items()}
    for section, cost in sorted(costs.items(), key=lambda item: -item[1]):
        lightest = loads.index(min(loads))
        lanes[lightest].append(section)
        loads[lightest] += cost
    return [lane for lane in lanes if lane]


def compute_indicators(
    sessions: Session | Sequence[Session],
    period: Period,
    help_desk_ids: Sequence[int] | None,
    lang: str = "it",
) -> list[AggregateTable]:
    """Every indicator table of DOMAIN.md for `period` and the given desks (None = all), in `TABLE_IDS` order.

    Read-only: run it in ``with ws.transaction(write=False) as session``. Given several sessions that
    see one snapshot (``ws.parallel_reads(n)``), the sections run on that many threads, one session each:
    SQLite releases the GIL while it aggregates, so a 2-core PC computes a year in about half the time.
    The tables carry contributors (distinct women) for disclosure control; protect them before anything
    leaves the PC.
    """
    return _compute(sessions, _Scope(period, help_desk_ids), lang)[None]


def compute_indicators_by_desk(
    sessions: Session | Sequence[Session],
    period: Period,
    help_desk_ids: Sequence[int],
    lang: str = "it",
) -> dict[int, list[AggregateTable]]:
    """For each desk, exactly the tables of ``compute_indicators(sessions, period, [desk], lang)``.

    Each section reads the period once, grouped by the desk its rule names, instead of once per desk:
    a full scan per desk made a report laid out by desk cost as many scans as the centre has desks.
    """
    by_group = _compute(sessions, _Scope(period, help_desk_ids, by_desk=True), lang)
    return {int(desk): tables for desk, tables in by_group.items() if desk is not None}


def _compute(
    sessions: Session | Sequence[Session], scope: _Scope, lang: str
) -> dict[Group, list[AggregateTable]]:
    """Every section for `scope`, on as many threads as sessions; each group's tables in `TABLE_IDS` order."""
    pool = [sessions] if isinstance(sessions, Session) else list(sessions)
    lanes = _lanes(len(pool), scope.by_desk)

    def run(session: Session, lane: list[Section]) -> list[dict[Group, list[AggregateTable]]]:
        return [section(session, scope, lang) for section in lane]

    if len(lanes) == 1:
        results = run(pool[0], lanes[0])
    else:
        with ThreadPoolExecutor(max_workers=len(lanes), thread_name_prefix="indicators") as executor:
            futures = [
                executor.submit(run, session, lane) for session, lane in zip(pool, lanes, strict=False)
            ]
            results = [result for future in futures for result in future.result()]
    order = {tid: i for i, tid in enumerate(TABLE_IDS)}
    return {
        group: sorted((t for result in results for t in result[group]), key=lambda t: order[t.id])
        for group in scope.groups
    }
