"""Disclosure control: make the aggregates of one export anonymous before they leave the PC.

The rule (version `RULE_VERSION`, recorded in every export through `ProtectionResult.rule`):

1. **Primary suppression.** Every cell *and margin* whose number of distinct women is between 1 and
   k-1 is suppressed (k = 5 by default, never below 3: the SISTAN floor). Intensity tables (hours,
   services, referrals) are judged by their distinct women, not by the size of the number: 40 hours
   given to two women are suppressed. A value with **0 women is published as 0**: a true zero only
   reveals absence, and the DOMAIN.md rules target frequencies 1..k-1; suppressing zeros would also
   make the small ones stand out. Values known only from below (`lower_bound`, after a network merge)
   are not exact and are always suppressed, and so are margins flagged or presumed as lower bounds.
2. **Secondary suppression** (additive tables only: cells sum to the row and column totals, which sum
   to the grand total). Margins are variables like the cells. Every suppressed value must keep a
   feasible interval, given the published values, the additivity equations and non-negativity, of
   width >= k in the table's unit; for intensity tables the interval must moreover not pin the value
   within a factor of two (width >= half its upper end), because k hours on a value of 300 would say
   almost exactly what a handful of women received. A greedy heuristic in the spirit of sdcTable's
   HITAS/GAUSS first closes every equation left with a single suppressed value (recoverable by
   subtraction) and gives every equation with a published total at least k of hidden slack,
   preferring cells over margins, cells that complete another equation, then small values; then the
   linear-programming audit measures the intervals and suppresses more next to each one that is too
   narrow, until the audit passes. Suppressing everything always passes, so the loop ends.
3. **Non-additive tables** (multi-response: one woman in several rows) have no equations between
   cells, so only primary suppression applies, to the cells and to the distinct-women totals.
4. **Consistency across one export.** Positions that carry the same key in `AggregateTable.links`
   count the same women: once suppressed in one table they are suppressed in all, and secondary
   suppression runs again, to a fixpoint.

For counts the LP relaxation is exact: the constraint matrix of a two-way table with its margins is
totally unimodular (a network), so the real bounds of the audit are integers reached by integer tables.
`audit` is the final gate: `protect` guarantees `audit(t, k) == []` for every table it returns (and
raises rather than return a table that fails). Values already None in the input stay suppressed. A
table in a unit other than women must carry its distinct-women counts, or protect raises ValueError.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.reports.tables import AggregateTable, Number, Unit

RULE_VERSION = "1"
METHOD = "primary-frequency+secondary-lp"
DEFAULT_K = 5
MIN_K = 3
MARGIN = -1
"""Index meaning "the margin" in a `Position`: `(i, MARGIN)` is row total i."""
GRAND_TOTAL: tuple[int, int] = (MARGIN, MARGIN)
INTENSITY_UNITS = frozenset({Unit.HOURS, Unit.SERVICES, Unit.REFERRALS})
INTENSITY_RELATIVE_WIDTH = 0.5
"""For intensity tables a suppressed value's interval must also be at least this fraction of its upper end."""

_TOL = 1e-6
_WITNESS_ROUNDS = 4  # rounds of shared witness programs before one program per unsettled value
_NARROW_PER_ROUND = 6  # narrow intervals fixed per round of protect before the programs are solved again

Position = tuple[int, int]
"""`(i, j)` a cell, `(i, MARGIN)` a row total, `(MARGIN, j)` a column total, `GRAND_TOTAL` the total."""


class FindingKind(StrEnum):
    """Why the audit rejects a table."""

    INTERVAL = "interval"  # a suppressed value can be recovered or narrowed below the required width
    FREQUENCY = "frequency"  # a published value stands for 1..k-1 women
    LOWER_BOUND = "lower_bound"  # a published value is only a lower bound
    INCONSISTENT = "inconsistent"  # the published values contradict the additivity of the table
    LINKED = "linked"  # published here, suppressed in another table over the same women


@dataclass(frozen=True)
class AuditFinding:
    """One reason why a table may not leave the PC as it is."""

    table_id: str
    position: Position | None
    kind: FindingKind
    message: str
    low: float | None = None
    high: float | None = None
    required: float | None = None


@dataclass
class ProtectionResult:
    """The protected copies of the tables, the rule to record in the export, and what was suppressed."""

    tables: list[AggregateTable]
    rule: dict[str, str | int]
    primary: dict[str, list[Position]] = field(default_factory=dict)
    secondary: dict[str, list[Position]] = field(default_factory=dict)

    @property
    def primary_count(self) -> int:
        return sum(len(v) for v in self.primary.values())

    @property
    def secondary_count(self) -> int:
        return sum(len(v) for v in self.secondary.values())


def check_k(k: int) -> int:
    """Refuse thresholds below the legal floor of 3 (and non-integers)."""
    if isinstance(k, bool) or not isinstance(k, int):
        raise ValueError(f"threshold k must be an integer, got {k!r}")
    if k < MIN_K:
        raise ValueError(f"threshold k = {k} is below the minimum of {MIN_K}")
    return k


def rule(k: int = DEFAULT_K) -> dict[str, str | int]:
    """The description of the rule that an export records next to its tables."""
    return {"threshold": check_k(k), "method": METHOD, "rule_version": RULE_VERSION}


# --- positions and their attributes -------------------------------------------------------------


def positions(table: AggregateTable) -> list[Position]:
    """All the positions of a table: cells, row totals, column totals, grand total."""
    n, m = len(table.rows), len(table.cols)
    out = [(i, j) for i in range(n) for j in range(m)]
    out += [(i, MARGIN) for i in range(n)]
    out += [(MARGIN, j) for j in range(m)]
    out.append(GRAND_TOTAL)
    return out


def value_at(table: AggregateTable, pos: Position) -> Number | None:
    """The value of a position (None when suppressed)."""
    i, j = pos
    if i >= 0 and j >= 0:
        return table.cells[i][j]
    if i >= 0:
        return table.row_totals[i]
    if j >= 0:
        return table.col_totals[j]
    return table.total


def _set_value(table: AggregateTable, pos: Position, value: Number | None) -> None:
    i, j = pos
    if i >= 0 and j >= 0:
        table.cells[i][j] = value
    elif i >= 0:
        table.row_totals[i] = value
    elif j >= 0:
        table.col_totals[j] = value
    else:
        table.total = value


def contributors_at(table: AggregateTable, pos: Position) -> int | None:
    """Distinct women behind a position; None only for a suppressed value whose count is not given.

    Where the unit is women and no contributors are given, the value itself is the count. For any other
    unit the count cannot be guessed (contacts or hours say nothing about how many women), so a missing
    count is an error rather than a silent pass.
    """
    i, j = pos
    given: int | None = None
    if i >= 0 and j >= 0:
        given = None if table.contributors is None else table.contributors[i][j]
    elif i >= 0:
        given = None if table.row_contributors is None else table.row_contributors[i]
    elif j >= 0:
        given = None if table.col_contributors is None else table.col_contributors[j]
    else:
        given = table.total_contributors
    if given is not None:
        if given < 0:
            raise ValueError(f"table {table.id}: negative contributors at {pos}")
        return int(given)
    value = value_at(table, pos)
    if value is None:
        return None
    if table.unit != Unit.WOMEN:
        raise ValueError(f"table {table.id}: unit {table.unit} needs the distinct women at {pos}")
    if float(value) != int(value):
        raise ValueError(f"table {table.id}: a count of women must be an integer at {pos}, got {value}")
    return int(value)


def is_lower_bound(table: AggregateTable, pos: Position) -> bool:
    """Whether a position is known only from below.

    A margin without an explicit flag is presumed a lower bound when any of its cells is one: it may have
    been summed from them, and publishing it as exact would be wrong and would leak through the equations.
    """
    i, j = pos
    lb = table.lower_bound
    if i >= 0 and j >= 0:
        return lb is not None and bool(lb[i][j])
    if i >= 0:
        if table.row_lower_bound is not None:
            return bool(table.row_lower_bound[i])
        return lb is not None and any(lb[i])
    if j >= 0:
        if table.col_lower_bound is not None:
            return bool(table.col_lower_bound[j])
        return lb is not None and any(row[j] for row in lb)
    if table.total_lower_bound is not None:
        return bool(table.total_lower_bound)
    return lb is not None and any(any(row) for row in lb)


def equations(table: AggregateTable) -> list[tuple[Position, list[Position]]]:
    """The additivity equations `total = sum(parts)` of a table (none for a non-additive table)."""
    if not table.additive:
        return []
    n, m = len(table.rows), len(table.cols)
    eqs: list[tuple[Position, list[Position]]] = []
    eqs += [((i, MARGIN), [(i, j) for j in range(m)]) for i in range(n)]
    eqs += [((MARGIN, j), [(i, j) for i in range(n)]) for j in range(m)]
    eqs.append((GRAND_TOTAL, [(MARGIN, j) for j in range(m)]))
    eqs.append((GRAND_TOTAL, [(i, MARGIN) for i in range(n)]))
    return eqs


def required_width(unit: Unit, k: int, high: float) -> float:
    """The minimum width of a suppressed value's feasible interval whose upper end is `high`."""
    if unit in INTENSITY_UNITS and math.isfinite(high):
        return max(float(k), INTENSITY_RELATIVE_WIDTH * high)
    return float(k)


def _validate(table: AggregateTable) -> None:
    """Reject shapes and values that would make the rule meaningless (negative numbers, ragged matrices)."""
    n, m = len(table.rows), len(table.cols)
    for name, mat in (("contributors", table.contributors), ("lower_bound", table.lower_bound)):
        if mat is not None and (len(mat) != n or any(len(r) != m for r in mat)):
            raise ValueError(f"table {table.id}: {name} do not match rows x cols")
    for name, vec, size in (
        ("row_contributors", table.row_contributors, n),
        ("col_contributors", table.col_contributors, m),
        ("row_lower_bound", table.row_lower_bound, n),
        ("col_lower_bound", table.col_lower_bound, m),
    ):
        if vec is not None and len(vec) != size:
            raise ValueError(f"table {table.id}: {name} has {len(vec)} entries, expected {size}")
    valid = set(positions(table))
    for pos in table.links:
        if pos not in valid:
            raise ValueError(f"table {table.id}: link at {pos} is not a position of the table")
    for pos in valid:
        v = value_at(table, pos)
        if v is not None and not (float(v) >= 0 and math.isfinite(float(v))):
            raise ValueError(f"table {table.id}: value at {pos} must be finite and non-negative, got {v}")


# --- the audit --------------------------------------------------------------------------------------


def _wide_enough(unit: Unit, k: int, low: float, high: float) -> bool:
    """Whether [low, high] protects a suppressed value; true of every interval containing one that passes."""
    return high - low >= required_width(unit, k, high) - _TOL


class _Infeasible(Exception):
    """The published values of an additive table admit no non-negative completion."""


def _narrow_intervals(
    eqs: Sequence[tuple[Position, list[Position]]],
    published: dict[Position, float],
    suppressed: Iterable[Position],
    unit: Unit,
    k: int,
    witnesses: list[dict[Position, float]] | None = None,
    limit: int | None = None,
    feasibility_only: bool = False,
) -> list[tuple[Position, float, float]] | None:
    """The suppressed values whose feasible [min, max] is too narrow, with that exact interval.

    Returns None when the published values admit no non-negative completion at all. Solving two linear
    programs per suppressed value is the definition, but each solution is also a feasible table, so a
    few "witness" solutions (the caller's candidates, checked here, then programs pushing the unsettled
    values apart in random directions) already prove most intervals wide enough; exact programs are
    solved only for the values they do not settle, each on its connected group of hidden values. New solutions are appended to `witnesses`; `limit` stops the search after
    that many narrow values (protect needs a few at a time, the audit all of them); `feasibility_only`
    only checks that some completion exists (and always returns [] or None).
    """
    hidden = sorted(suppressed)
    index = {p: n for n, p in enumerate(hidden)}
    rows: list[list[tuple[int, float]]] = []
    rhs: list[float] = []
    for total, parts in eqs:
        terms: dict[int, float] = {}
        known = 0.0  # sum(parts) - total = 0, published terms moved to the right-hand side
        for p, sign in [(total, -1.0)] + [(q, 1.0) for q in parts]:
            if p in index:
                terms[index[p]] = terms.get(index[p], 0.0) + sign
            else:
                known += sign * published[p]
        if not any(terms.values()):
            if abs(known) > _TOL * max(1.0, abs(published[total])):
                return None
            continue
        rows.append(list(terms.items()))
        rhs.append(-known)
    if not rows:
        return []  # nothing ties the hidden values: each lies anywhere in [0, inf)
    # imported here, not at the top: scipy takes about a second to import, and the GUI's cold start
    # (which imports this module through the report pages) must not pay for it
    import numpy as np
    from scipy.optimize import linprog

    a_full = np.zeros((len(rows), len(hidden)))
    for r, row in enumerate(rows):
        for c, coef in row:
            a_full[r, c] = coef
    b_full = np.array(rhs)
    # connected groups of hidden values (union-find over the equations): independent of one another
    parent = list(range(len(hidden)))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for row in rows:
        for col, _ in row[1:]:
            parent[find(col)] = find(row[0][0])
    group_rows: dict[int, list[int]] = {}
    for r, row in enumerate(rows):
        group_rows.setdefault(find(row[0][0]), []).append(r)
    groups = [(rs, sorted({c for r in rs for c, _ in rows[r]})) for rs in group_rows.values()]
    used = sorted({c for _, cols in groups for c in cols})
    low_seen = np.full(len(hidden), math.inf)
    high_seen = np.full(len(hidden), -math.inf)
    cap = 2.0 * float(np.abs(b_full).sum()) + 10.0 * k + 1.0  # bounds the witness programs only

    def see(cols: list[int], x: np.ndarray) -> None:
        low_seen[cols] = np.minimum(low_seen[cols], x)
        high_seen[cols] = np.maximum(high_seen[cols], x)

    for w in witnesses or []:
        for rs, cols in groups:  # a witness counts group by group: each group's equations on their own
            if all(hidden[c] in w for c in cols):
                x = np.array([w[hidden[c]] for c in cols])
                a_g, b_g = a_full[np.ix_(rs, cols)], b_full[rs]
                if x.min() >= -_TOL and np.abs(a_g @ x - b_g).max() <= _TOL * max(1.0, np.abs(b_g).max()):
                    see(cols, x)

    def solve(c: np.ndarray, rs: list[int] | None, cols: list[int], capped: bool) -> float | None:
        """Optimum of c.x over the group (or the whole system); the solution becomes a witness."""
        a_eq = a_full if rs is None else a_full[np.ix_(rs, cols)]
        b_eq = b_full if rs is None else b_full[rs]
        res = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=(0, cap if capped else None), method="highs")
        if res.status == 2:
            raise _Infeasible
        if res.status == 3:
            return None
        if res.status != 0:
            raise RuntimeError(f"linear program failed: {res.message}")
        see(cols, res.x)
        if witnesses is not None:
            witnesses.append({hidden[col]: float(v) for col, v in zip(cols, res.x, strict=True)})
        return float(res.fun)

    def unsettled() -> list[int]:
        return [c for c in used if not _wide_enough(unit, k, low_seen[c], high_seen[c])]

    everything = list(range(len(hidden)))
    try:
        if feasibility_only:
            if not np.isfinite(low_seen[used]).all():  # no witness: ask the solver for any completion
                solve(np.zeros(len(hidden)), None, everything, capped=False)
            return []
        todo = unsettled()
        rng = np.random.default_rng(0)  # fixed seed: the same tables always get the same suppressions
        for _ in range(_WITNESS_ROUNDS):
            if not todo:
                return []
            # push each unsettled value up or down at random, then each the other way: values tied by an
            # equation then pull apart instead of leaving the solver indifferent between them
            weights = np.zeros(len(hidden))
            weights[todo] = rng.choice([-1.0, 1.0], size=len(todo))
            solve(weights, None, everything, capped=True)
            solve(-weights, None, everything, capped=True)
            before, todo = len(todo), unsettled()
            if len(todo) == before:
                break  # no progress: the remaining ones need their own programs
        group_of = {c: g for g in groups for c in g[1]}
        narrow: list[tuple[Position, float, float]] = []
        for col in todo:
            if _wide_enough(unit, k, low_seen[col], high_seen[col]):
                continue  # settled by the solution of an earlier program
            rs, cols = group_of[col]
            objective = np.zeros(len(cols))
            objective[cols.index(col)] = -1.0
            high = solve(objective, rs, cols, capped=False)
            high_v = math.inf if high is None else -high
            if _wide_enough(unit, k, low_seen[col], high_v):
                continue
            low = solve(-objective, rs, cols, capped=False)
            low_v = 0.0 if low is None else max(0.0, low)
            if not _wide_enough(unit, k, low_v, high_v):
                narrow.append((hidden[col], low_v, high_v))
                if limit is not None and len(narrow) >= limit:
                    break
        return narrow
    except _Infeasible:
        return None


def audit(table: AggregateTable, k: int = DEFAULT_K) -> list[AuditFinding]:
    """Everything that makes a (protected) table unsafe to publish; an empty list means it may leave.

    Published values must stand for 0 or at least k women and be exact; in an additive table each
    suppressed value's feasible interval (linear programming, HiGHS) must be at least `required_width`.
    """
    return _audit(table, k, None)


def _audit(
    table: AggregateTable, k: int, witnesses: list[dict[Position, float]] | None
) -> list[AuditFinding]:
    """`audit`, optionally seeded with candidate completions (each is verified before it is trusted)."""
    check_k(k)
    _validate(table)
    findings: list[AuditFinding] = []
    published: dict[Position, float] = {}
    suppressed: list[Position] = []
    for pos in positions(table):
        v = value_at(table, pos)
        if v is None:
            suppressed.append(pos)
            continue
        published[pos] = float(v)
        women = contributors_at(table, pos)
        if women is not None and 0 < women < k:
            message = f"published value stands for {women} women"
            findings.append(AuditFinding(table.id, pos, FindingKind.FREQUENCY, message))
        if is_lower_bound(table, pos):
            message = "published value is only a lower bound"
            findings.append(AuditFinding(table.id, pos, FindingKind.LOWER_BOUND, message))
    narrow = _narrow_intervals(equations(table), published, suppressed, table.unit, k, witnesses)
    if narrow is None:
        findings.append(
            AuditFinding(table.id, None, FindingKind.INCONSISTENT, "published values are not additive")
        )
        return findings
    for pos, low, high in narrow:
        need = required_width(table.unit, k, high)
        message = f"suppressed value lies in [{low:g}, {high:g}], narrower than {need:g}"
        findings.append(AuditFinding(table.id, pos, FindingKind.INTERVAL, message, low, high, need))
    return findings


def audit_export(tables: Sequence[AggregateTable], k: int = DEFAULT_K) -> list[AuditFinding]:
    """`audit` of every table of one export, plus linked positions published in one and hidden in another."""
    return _audit_export(tables, k, [None] * len(tables))


def _audit_export(
    tables: Sequence[AggregateTable], k: int, witnesses: Sequence[list[dict[Position, float]] | None]
) -> list[AuditFinding]:
    findings = [f for t, w in zip(tables, witnesses, strict=True) for f in _audit(t, k, w)]
    hidden = {key for t in tables for pos, key in t.links.items() if value_at(t, pos) is None}
    for t in tables:
        for pos, key in t.links.items():
            if key in hidden and value_at(t, pos) is not None:
                message = f"published, but {key!r} is suppressed elsewhere in the export"
                findings.append(AuditFinding(t.id, pos, FindingKind.LINKED, message))
    return findings


# --- protection ---------------------------------------------------------------------------------------


class _Work:
    """The suppression state of one table while `protect` runs (the input table is never touched)."""

    def __init__(self, table: AggregateTable, k: int) -> None:
        _validate(table)
        self.table = table
        self.k = k
        self.positions = positions(table)
        self.values: dict[Position, float] = {}
        self.suppressed: set[Position] = set()
        for pos in self.positions:
            v = value_at(table, pos)
            if v is None:
                self.suppressed.add(pos)  # already suppressed upstream: stays so
                self.values[pos] = 0.0
            else:
                self.values[pos] = float(v)
        self.eqs = equations(table)
        self.eqs_of: dict[Position, list[int]] = {p: [] for p in self.positions}
        for n, (total, parts) in enumerate(self.eqs):
            for p in [total, *parts]:
                self.eqs_of[p].append(n)
        self.primary: set[Position] = set()
        for pos in self.positions:
            if pos in self.suppressed:
                continue
            women = contributors_at(table, pos)
            if (women is not None and 0 < women < k) or is_lower_bound(table, pos):
                self.primary.add(pos)
        self.suppressed |= self.primary
        # the table as it is is one feasible completion (checked before use: not with lower bounds)
        self.witnesses: list[dict[Position, float]] = [dict(self.values)]
        if self._narrow(feasibility_only=True) is None:
            raise ValueError(f"table {table.id}: published values are not additive")

    def _narrow(
        self, limit: int | None = None, feasibility_only: bool = False
    ) -> list[tuple[Position, float, float]] | None:
        published = {p: v for p, v in self.values.items() if p not in self.suppressed}
        # an earlier completion stays one when more is hidden: the newly hidden keep their known values
        recent = self.witnesses[-12:]
        self.witnesses = [{p: w.get(p, self.values[p]) for p in self.suppressed} for w in recent]
        return _narrow_intervals(
            self.eqs,
            published,
            self.suppressed,
            self.table.unit,
            self.k,
            self.witnesses,
            limit,
            feasibility_only,
        )

    def _hidden_in(self, eq: int) -> int:
        total, parts = self.eqs[eq]
        return sum(p in self.suppressed for p in [total, *parts])

    def _cost(self, q: Position, skip: int, small: float) -> tuple[int, int, int, float]:
        """Sort key of a candidate for secondary suppression: lower is better.

        Cells before margins before the grand total (margins carry the most information); then cells
        whose other equations this suppression completes rather than opens; then values big enough to
        widen the interval (`small`), non-zero ones, and finally the smallest value (least information lost).
        """
        rank = 0 if q[0] >= 0 and q[1] >= 0 else (2 if q == GRAND_TOTAL else 1)
        effect = 0
        for eq in self.eqs_of[q]:
            if eq != skip:
                hidden = self._hidden_in(eq)
                effect += 1 if hidden == 0 else (-1 if hidden == 1 else 0)
        v = self.values[q]
        return (rank, effect, int(v < small) + int(v == 0), v)

    def _candidates(self, eqs: Iterable[int]) -> list[tuple[int, Position]]:
        out = []
        for eq in eqs:
            total, parts = self.eqs[eq]
            out += [(eq, p) for p in [total, *parts] if p not in self.suppressed]
        return out

    def _close_singletons(self) -> None:
        """No equation may keep exactly one suppressed value: subtraction would give it back."""
        changed = True
        while changed:
            changed = False
            for eq in range(len(self.eqs)):
                if self._hidden_in(eq) == 1:
                    cands = self._candidates([eq])
                    _, best = min(cands, key=lambda c: self._cost(c[1], c[0], 0.0))
                    self.suppressed.add(best)
                    changed = True

    def _add_slack(self) -> None:
        """An equation with a published total pins its hidden parts to their sum: make that sum >= k.

        A cheap necessary condition that spares most rounds of linear programming; the audit decides.
        """
        changed = True
        while changed:
            changed = False
            for eq, (total, parts) in enumerate(self.eqs):
                hidden = [p for p in parts if p in self.suppressed]
                if total in self.suppressed or not hidden:
                    continue
                slack = sum(self.values[p] for p in hidden)
                if slack < self.k - _TOL:
                    cands = [(eq, p) for p in parts if p not in self.suppressed]
                    if not cands:
                        continue  # every part hidden: only the total can widen them, the audit will say
                    _, best = min(cands, key=lambda c: self._cost(c[1], c[0], self.k - slack))
                    self.suppressed.add(best)
                    changed = True

    def secondary(self) -> None:
        """Suppress more until the audit finds every suppressed interval wide enough."""
        if not self.eqs:
            return
        while True:
            before = -1
            while before != len(self.suppressed):
                before = len(self.suppressed)
                self._close_singletons()
                self._add_slack()
            found = self._narrow(limit=_NARROW_PER_ROUND)
            assert found is not None  # suppressing more only relaxes a feasible system
            unit, k = self.table.unit, self.k
            narrow = [(high - low, required_width(unit, k, high), pos) for pos, low, high in found]
            if not narrow:
                return
            narrow.sort()
            touched: set[int] = set()
            for width, need, pos in narrow:
                if touched & set(self.eqs_of[pos]):
                    continue  # a suppression next to it in this round may already be enough
                cands = self._candidates(self.eqs_of[pos])
                if not cands:  # every neighbour is hidden: widen from anywhere in the system
                    cands = self._candidates(eq for eq in range(len(self.eqs)) if self._hidden_in(eq))
                _, best = min(cands, key=lambda c: self._cost(c[1], c[0], need - width))
                self.suppressed.add(best)
                touched |= set(self.eqs_of[pos]) | set(self.eqs_of[best])

    def result(self) -> AggregateTable:
        out = copy.deepcopy(self.table)
        for pos in self.suppressed:
            _set_value(out, pos, None)
        return out


def protect(tables: Sequence[AggregateTable], k: int = DEFAULT_K) -> ProtectionResult:
    """Apply the rule to all the tables of one export and return protected copies.

    Raises ValueError for k below 3, malformed tables, missing distinct-women counts or additive tables
    whose published values do not add up.
    """
    check_k(k)
    ids = [t.id for t in tables]
    if len(set(ids)) != len(ids):
        raise ValueError("table ids must be unique within an export")
    work = [_Work(t, k) for t in tables]
    pending = set(range(len(work)))
    while pending:
        for n in sorted(pending):
            work[n].secondary()
        hidden_keys = {key for w in work for pos, key in w.table.links.items() if pos in w.suppressed}
        pending = set()
        for n, w in enumerate(work):
            for pos, key in w.table.links.items():
                if key in hidden_keys and pos not in w.suppressed:
                    w.suppressed.add(pos)
                    pending.add(n)
    result = ProtectionResult(tables=[w.result() for w in work], rule=rule(k))
    for w, t in zip(work, tables, strict=True):
        originally_hidden = {p for p in w.positions if value_at(t, p) is None}
        result.primary[t.id] = sorted(w.primary)
        result.secondary[t.id] = sorted(w.suppressed - w.primary - originally_hidden)
    findings = _audit_export(result.tables, k, [w.witnesses for w in work])
    if findings:  # the algorithm guarantees this; refuse rather than publish if it ever did not
        first = findings[0]
        raise RuntimeError(f"disclosure control left table {first.table_id} unsafe: {first.message}")
    return result
