"""The period and desks of one computation as SQL predicates, and the SQL pieces every section shares."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    String,
    and_,
    bindparam,
    false,
    func,
    literal_column,
    select,
    true,
    tuple_,
)
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import BindParameter, True_

from app.models.cases import Case
from app.reports.cellkey import KEY_RANGE, PACK
from app.reports.periods import Period

Group = int | None
"""What a section's figures are computed for: a desk (per-desk computation) or None (the whole scope)."""


START, END, YEAR = (
    bindparam("start", type_=Date),
    bindparam("end", type_=Date),
    bindparam("year", type_=Integer),
)
"""The period's first and last day and the year it ends in, bound at execution (`Scope.params`)."""
FIRST_YEAR = bindparam("first_year", type_=String)
YEARS: BindParameter[str] = bindparam("years", type_=String, expanding=True)
"""The calendar years the period touches as text (`Shape.years`): the one year, or every year."""


@dataclass(frozen=True)
class Shape:
    """What a section's statement depends on besides the period's dates: its desks and how it groups.

    Every section computes its figures per group, in one statement grouped by the desk column that the
    section's desk rule names (`group`). A scope is either one group (its desks together, `None`) or one
    group per desk (`by_desk`): the same statements, with the desk column added to the GROUP BY. The
    dates are bound parameters (START, END...), so a section builds its statement once per shape
    (`functools.cache`): assembling a statement of hundreds of columns cost more Python time than a
    desk-quarter takes SQLite to answer, and a cached statement also keeps SQLAlchemy's compiled form.
    """

    desks: tuple[int, ...] | None
    by_desk: bool
    several_years: bool

    def desk(self, column: Any) -> ColumnElement[bool]:
        if self.desks is None:
            return true()
        return self._unindexed(column).in_(self.desks)

    def group(self, desk_column: Any) -> list[Any]:
        """The leading SELECT and GROUP BY columns of a section's statement: its desk column, or none."""
        return [self._unindexed(desk_column)] if self.by_desk else []

    def _unindexed(self, column: Any) -> Any:
        return unindexed(column) if self.by_desk else column

    def within(self, column: Any) -> ColumnElement[bool]:
        """The inclusive date range, written so the date indexes serve it."""
        return and_(column >= START, column <= END)

    def years(self, column: Any) -> ColumnElement[bool]:
        """The calendar years the period touches, on `year_of(column)` (serves the year-led indexes)."""
        return year_of(column).in_(YEARS) if self.several_years else year_of(column) == FIRST_YEAR

    def case_desk(self, desk_column: Any) -> ColumnElement[bool]:
        """The scope's desks on the desk of a case joined to dated rows: never looked up in a desk index,
        so the rows' date range leads and each row's case is found by its id (one desk's quarter read the
        desk's cases, then every referral they ever had)."""
        if self.desks is None:
            return true()
        return unindexed(desk_column).in_(self.desks)

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


class Scope:
    """The period and desks of one computation: the statements' `shape` and the values bound to it."""

    def __init__(self, period: Period, help_desk_ids: Sequence[int] | None, by_desk: bool = False) -> None:
        self.start = period.start
        self.end = period.end
        self.desks = None if help_desk_ids is None else sorted({int(d) for d in help_desk_ids})
        if by_desk and self.desks is None:
            raise ValueError("a per-desk computation names its desks")
        self.by_desk = by_desk
        self.groups: list[Group] = list(self.desks or []) if by_desk else [None]
        years = [str(y) for y in range(self.start.year, self.end.year + 1)]
        self.shape = Shape(None if self.desks is None else tuple(self.desks), by_desk, len(years) > 1)
        self.params: dict[str, Any] = {
            "start": self.start, "end": self.end, "year": self.end.year, "first_year": years[0], "years": years,
        }  # fmt: skip

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


def unindexed(column: Any) -> Any:
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


def excluded_cases() -> Any:
    """Cases kept out of statistics (literal 0 so a partial index on it can serve the lookup)."""
    return select(Case.id).where(Case.statistics_allowed == false())


def packed(condition: ColumnElement[bool], record_key: Any) -> Any:
    """Count and key sum of the rows meeting `condition`, in one aggregate (see cellkey.PACK).

    `SUM(...) FILTER (WHERE condition)`: SQLite skips the sum for the other rows, where a CASE inside the
    sum still added a NULL for each (the profile's year: 40 ms of 205).
    """
    total = func.sum(literal_column(str(PACK)) + record_key)
    return total if isinstance(condition, True_) else total.filter(condition)


def distinct_packed(row_id: Any, record_key: Any) -> Any:
    """Key sum of the distinct rows among duplicates: each id adds its key once (SUM DISTINCT of id*R+key).

    Modulo KEY_RANGE the ids vanish and the keys remain; `unpack` needs the count from COUNT(DISTINCT).
    """
    return func.sum(func.distinct(row_id * literal_column(str(KEY_RANGE)) + record_key))


def has(column: Any, code: str) -> ColumnElement[bool]:
    """A multi-valued field ",A,B," holds `code` (codes never contain commas)."""
    return func.instr(column, f",{code},") > 0


def latest_of_case(model: Any, up_to: Any) -> Any:
    """The id of the case's latest `model` record (interview, risk assessment, report step) dated up to
    `up_to`: latest by date, then by id; a correlated subquery over the (case_id, date) index."""
    return latest_of(model, Case.id, up_to, Case)


def latest_of(model: Any, case_id: Any, up_to: Any, outer: Any) -> Any:
    """`latest_of_case` for the case whose id is `case_id`, a column of `outer` in the enclosing query."""
    row = aliased(model)
    return (
        select(row.id)
        .where(row.case_id == case_id, row.date <= up_to)
        .order_by(row.date.desc(), row.id.desc())
        .limit(1)
        .correlate(outer)
        .scalar_subquery()
    )
