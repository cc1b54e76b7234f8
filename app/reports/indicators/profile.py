"""Profile, violence, access and risk: one pass over the women active in the period."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select, true, union_all
from sqlalchemy.orm import Session

from app.models import codelists
from app.models.cases import (
    CASE_PROFILE_FIELDS,
    INTAKE_PROFILE_FIELDS,
    Case,
    CaseProfile,
    Intake,
    RiskAssessment,
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
from app.reports.cellkey import PACK, unpack
from app.reports.indicators.grids import (
    NONE_CODE,
    Counted,
    N,
    ck_sum,
    one_way,
    with_nd,
    women_table,
)
from app.reports.indicators.scope import END, START, YEAR, Group, Scope, Shape, has, latest_of, packed
from app.reports.tables import AggregateTable, CellKeys, Unit


class _Columns:
    """Collects the packed count columns of one wide query and hands back (count, key) by table and code.

    A count is `scope.packed`, `SUM(PACK + record_key) FILTER (WHERE condition)`: SQLite skips the sum
    for the rows that fail the condition, the most of them for a code among several (a sum over a CASE
    took a quarter more CPU over a year's women at full scale).
    """

    def __init__(self, record_key: Any) -> None:
        self.record_key = record_key
        self.keys: list[tuple[str, str, int]] = []  # (table, code, index of its column)
        self.exprs: list[Any] = []

    def add(self, table: str, code: str, condition: ColumnElement[bool]) -> None:
        """The women meeting `condition`."""
        self.column(table, code, packed(condition, self.record_key))

    def column(self, table: str, code: str, expr: Any) -> None:
        self.keys.append((table, code, len(self.exprs)))
        self.exprs.append(expr)

    def same(self, table: str, code: str, as_table: str, as_code: str) -> None:
        """(table, code) counts what an added (as_table, as_code) counts: its column is read twice."""
        index = next(i for t, c, i in self.keys if (t, c) == (as_table, as_code))
        self.keys.append((table, code, index))

    def read(self, row: Sequence[Any]) -> dict[str, dict[str, Counted]]:
        assert len(row) == len(self.exprs)
        out: dict[str, dict[str, Counted]] = {}
        for table, code, index in self.keys:
            out.setdefault(table, {})[code] = unpack(row[index])
        return out


def _age_bounds(
    cols: _Columns, table: str, bounds: tuple[tuple[str, int, int | None], ...], birth: Any, year: Any
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
        cols.add(table, code, has(column, code))
    cols.add(table, "_empty", func.coalesce(column, "") == "")


def _women(counts: Mapping[str, Counted]) -> dict[str, CellKeys]:
    """Keys of intensity rows whose records are the women themselves."""
    return {r: CellKeys(key=k, women=c, women_key=k) for r, (c, k) in counts.items()}


MINORS_COLUMNS = {
    "MINORS": Case.minors_count,
    "WITNESSED": Case.minors_witnessed,
    "SUFFERED": Case.minors_suffered,
}


def profile(session: Session, scope: Scope, lang: str) -> dict[Group, list[AggregateTable]]:
    """All the tables over the active women in one aggregate query (about 130 SUM columns, one pass)."""
    query, cols = _statement(scope.shape)
    rows = scope.split(session.execute(query, scope.params).all(), empty=[(None,) * len(cols.exprs)])
    return {group: _profile_tables(cols.read(rows[group][0]), MINORS_COLUMNS, lang) for group in scope.groups}


@cache
def _statement(scope: Shape) -> tuple[Any, _Columns]:
    """The aggregate query of `profile` and its columns, built once per shape (the period is bound).

    The women active in the period are read from `case_profile` (one short row per case, kept by
    triggers with her latest interview and latest risk assessment): the cases whose latest interview and
    latest assessment are both dated up to the period's end read them there, with no lookup; those with a
    later one of either (a past period; about 3% of a year's women at full scale) look up the interview
    and the assessment of the period's end, exactly as `latest_of` finds them (for a record dated up to
    the end that is the row's own). Each part is aggregated alone and the two rows of a group summed
    (counts and key sums add): one UNION of the rows themselves would make SQLite copy every column of
    every woman through a co-routine, which costs more than the reading it spares.

    Nearly all the time goes to the columns' tests (a year's 28,000 women at full scale: 16 ms of thread
    CPU to read them, 140 more to test them, the tests of a multi-valued string, `instr`, about three
    times those of an equality). Tallying the women as `in_charge` does (codes computed once per woman
    in a materialised CTE, then a GROUP BY per few columns) cost more here: 30 ms to materialise the
    women, then 10-20 ms per GROUP BY, each sorting every woman.
    """
    p = CaseProfile
    active = and_(
        p.statistics_allowed.is_not(False),
        scope.desk(p.desk_id),
        p.opened_on <= END,
        or_(p.closed_on.is_(None), p.closed_on >= START),
    )
    by_desk = scope.group(p.desk_id)
    kept = (*CASE_PROFILE_FIELDS, *INTAKE_PROFILE_FIELDS, "risk_level")
    fields = {name: getattr(p, name) for name in kept}
    cols = _columns(fields)
    current = (
        select(*by_desk, *[e.label(f"c{i}") for i, e in enumerate(cols.exprs)])
        .select_from(p)
        .where(
            active, or_(p.intake_on.is_(None), p.intake_on <= END), or_(p.risk_on.is_(None), p.risk_on <= END)
        )
        .group_by(*by_desk)
    )
    looked_up = {name: getattr(Intake, name) for name in INTAKE_PROFILE_FIELDS}
    then = _columns(fields | looked_up | {"risk_level": RiskAssessment.level})
    earlier = (
        select(*by_desk, *[e.label(f"c{i}") for i, e in enumerate(then.exprs)])
        .select_from(p)
        .outerjoin(Intake, Intake.id == latest_of(Intake, p.case_id, END, p))
        .outerjoin(RiskAssessment, RiskAssessment.id == latest_of(RiskAssessment, p.case_id, END, p))
        .where(active, or_(p.intake_on > END, p.risk_on > END))
        .group_by(*by_desk)
    )
    both = union_all(current, earlier).subquery("parts")
    group = list(both.c)[: len(by_desk)]
    query = select(*group, *[func.sum(c) for c in list(both.c)[len(by_desk) :]]).group_by(*group)
    return query, cols


def _columns(f: Mapping[str, Any]) -> _Columns:
    """The ~130 packed counts of the profile over one woman's fields `f` (by name, her risk level too)."""
    year = YEAR
    cols = _Columns(f["record_key"])
    cols.add("population", N, true())
    _age_bounds(cols, "age_istat", AGE_ISTAT_BOUNDS, f["birth_year"], year)
    _age_bounds(cols, "age_lombardy", AGE_LOMBARDY_BOUNDS, f["birth_year"], year)
    country = f["country"]
    cols.add("citizenship", "ITA", country == "IT")
    cols.add("citizenship", "UE", country.in_(sorted(EU_COUNTRIES - {"IT"})))
    cols.add("citizenship", "APOL", country == STATELESS)
    cols.add(
        "citizenship",
        "EXTRAUE",
        and_(country != "", country != STATELESS, country.not_in(sorted(EU_COUNTRIES))),
    )
    _single(cols, "education", "education", f["education"])
    _single(cols, "employment", "employment", f["employment"])
    _single(cols, "marital_status", "marital_status", f["marital_status"])
    _multi(cols, "cohabitation", "cohabitation", f["cohabitation"])
    _single(cols, "has_children", "has_children", f["has_children"])
    minors = {code: f[column.key] for code, column in MINORS_COLUMNS.items()}
    for code, column in minors.items():
        total = func.coalesce(func.sum(column), 0) * literal_column(str(PACK))  # read as (sum, 0)
        cols.column("minors_sum", code, total)
        cols.add("minors_women", code, column > 0)
    cols.add("minors_women", "_any", or_(*[c > 0 for c in minors.values()]))
    _multi(cols, "violence_forms", "violence_form", f["violence_forms"])
    for group in codelists.codes("violence_macro"):
        forms = [form for form, m in VIOLENCE_MACRO.items() if m == group]
        if len(forms) == 1:  # the form's own column, not a copy of its test
            cols.same("violence_macro", group, "violence_forms", forms[0])
        else:
            cols.add("violence_macro", group, or_(*[has(f["violence_forms"], form) for form in forms]))
    _single(cols, "relationship", "relationship", f["relationship_code"])
    _single(cols, "violence_duration", "violence_duration", f["violence_duration"])
    _single(cols, "access_channel", "access_channel", f["access_channel"])
    _single(cols, "first_contact_mode", "first_contact_mode", f["first_contact_mode"])
    _single(cols, "police_report", "police_report", f["police_report"])
    _multi(cols, "measures_requested", "protective_measure", f["measures_requested"])
    _multi(cols, "measures_obtained", "protective_measure", f["measures_obtained"])
    cols.add("emergency", "SI", f["emergency"].is_(True))
    cols.add("emergency", "NO", f["emergency"].is_(False))
    _single(cols, "risk_level", "risk_level", f["risk_level"])
    return cols


def _profile_tables(
    res: dict[str, dict[str, Counted]], minors_columns: Mapping[str, Any], lang: str
) -> list[AggregateTable]:
    """The tables of one group from its row of `profile`'s query."""
    pop = res["population"][N]
    tables: list[AggregateTable] = []

    def single(table_id: str, list_name: str, counts: Mapping[str, Counted] | None = None) -> None:
        rows, values = with_nd(list_name, res[table_id] if counts is None else counts, pop)
        tables.append(women_table(table_id, lang, list_name, rows, values, pop, additive=True))

    def multi(table_id: str, list_name: str, empty_code: str, counts: Mapping[str, Counted]) -> None:
        """Not additive; the extra row holds women with no code (including those with no intake)."""
        values = {code: counts.get(code, (0, 0)) for code in codelists.codes(list_name)}
        values[empty_code] = res[table_id.replace("violence_macro", "violence_forms")]["_empty"]
        rows = [*codelists.codes(list_name), empty_code]
        tables.append(women_table(table_id, lang, list_name, rows, values, pop, additive=False))

    single("age_istat", "age_istat")
    single("age_lombardy", "age_lombardy")
    single("citizenship", "citizenship")
    cit = res["citizenship"]
    binary = {"ITALIANA": cit["ITA"], "STRANIERA": ck_sum([cit["UE"], cit["EXTRAUE"], cit["APOL"]])}
    single("citizenship_binary", "citizenship_binary", binary)
    single("education", "education")
    single("employment", "employment")
    single("marital_status", "marital_status")
    multi("cohabitation", "cohabitation", ND, res["cohabitation"])
    single("has_children", "has_children")
    sums = {code: count for code, (count, _) in res["minors_sum"].items()}
    women = res["minors_women"]
    tables.append(
        one_way(
            "minors", lang, Unit.MINORS, list(minors_columns), sums, list_name=None, total=sums["MINORS"],
            contributors={c: n for c, (n, _) in women.items()}, total_contributors=women["_any"][0],
            keys=_women(women), total_keys=_women(women)["_any"], additive=False,
        )
    )  # fmt: skip
    multi("violence_forms", "violence_form", ND, res["violence_forms"])
    multi("violence_macro", "violence_macro", ND, res["violence_macro"])
    single("relationship", "relationship")
    relationship = with_nd("relationship", res["relationship"], pop)[1]
    macro: dict[str, list[Counted]] = {}
    for code, value in relationship.items():
        macro.setdefault(RELATIONSHIP_MACRO.get(code, ND), []).append(value)
    single("relationship_macro", "relationship_macro", {code: ck_sum(v) for code, v in macro.items()})
    single("violence_duration", "violence_duration")
    single("access_channel", "access_channel")
    single("first_contact_mode", "first_contact_mode")
    single("police_report", "police_report")
    multi("measures_requested", "protective_measure", NONE_CODE, res["measures_requested"])
    multi("measures_obtained", "protective_measure", NONE_CODE, res["measures_obtained"])
    single("emergency", "has_children", res["emergency"])
    single("risk_level", "risk_level")
    return tables
