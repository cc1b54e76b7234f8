"""Disclosure control: primary threshold, secondary suppression checked by LP, links, lower bounds."""

from __future__ import annotations

import copy
import itertools
import random
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.reports.disclosure import (
    GRAND_TOTAL,
    METHOD,
    RULE_VERSION,
    FindingKind,
    Position,
    ProtectionResult,
    audit,
    audit_export,
    equations,
    positions,
    protect,
    value_at,
)
from app.reports.tables import AggregateTable, Number, Unit


def additive(
    cells: list[list[int]],
    *,
    table_id: str = "t",
    unit: Unit = Unit.WOMEN,
    rows: list[str] | None = None,
    cols: list[str] | None = None,
    **extra: Any,
) -> AggregateTable:
    """An additive table with margins computed from its cells."""
    n, m = len(cells), len(cells[0])
    return AggregateTable(
        id=table_id,
        title=table_id,
        unit=unit,
        rows=rows or [f"r{i}" for i in range(n)],
        cols=cols or [f"c{j}" for j in range(m)],
        cells=[list(map(int, r)) for r in cells],
        row_totals=[sum(r) for r in cells],
        col_totals=[sum(r[j] for r in cells) for j in range(m)],
        total=sum(map(sum, cells)),
        **extra,
    )


def hidden(table: AggregateTable) -> set[Position]:
    return {p for p in positions(table) if value_at(table, p) is None}


def with_hidden(table: AggregateTable, *suppressed: Position) -> AggregateTable:
    """A copy with the given positions suppressed by hand (what a naive tool would publish)."""
    out = copy.deepcopy(table)
    for i, j in suppressed:
        if i >= 0 and j >= 0:
            out.cells[i][j] = None
        elif i >= 0:
            out.row_totals[i] = None
        elif j >= 0:
            out.col_totals[j] = None
        else:
            out.total = None
    return out


# --- the naive suppression that leaks ---------------------------------------------------------------

LEAKY = [[2, 10, 12], [8, 9, 15], [7, 11, 20]]


def test_single_suppression_is_recovered_by_subtraction_and_the_audit_says_so() -> None:
    naive = with_hidden(additive(LEAKY), (0, 0))
    findings = audit(naive, 5)
    assert [(f.position, f.kind, f.low, f.high) for f in findings] == [
        ((0, 0), FindingKind.INTERVAL, 2.0, 2.0)
    ]


def test_protect_suppresses_a_second_cell_in_the_row_and_in_the_column() -> None:
    result = protect([additive(LEAKY)], k=5)
    out = result.tables[0]
    gone = hidden(out)
    assert (0, 0) in gone
    assert any((0, j) in gone for j in (1, 2)) or (0, -1) in gone
    assert any((i, 0) in gone for i in (1, 2)) or (-1, 0) in gone
    assert result.primary == {"t": [(0, 0)]}
    assert result.secondary_count >= 2
    assert audit(out, 5) == []
    # what is still published is unchanged
    for p in positions(out):
        if p not in gone:
            assert value_at(out, p) == value_at(additive(LEAKY), p)


def test_audit_finds_an_interval_narrowed_but_not_pinned() -> None:
    # a one-row table: suppressing 2 and 1 (and their column totals, equal to them) leaves x + y = 3
    table = additive([[2, 1, 20]])
    naive = with_hidden(table, (0, 0), (0, 1), (-1, 0), (-1, 1))
    findings = {f.position: f for f in audit(naive, 5)}
    assert set(findings) == {(0, 0), (0, 1), (-1, 0), (-1, 1)}
    assert (findings[(0, 0)].low, findings[(0, 0)].high, findings[(0, 0)].required) == (0.0, 3.0, 5.0)
    assert audit(naive, 3) == []  # width 3 is enough for k = 3
    assert audit(protect([table], k=5).tables[0], 5) == []


def test_audit_reports_published_small_frequencies_and_inconsistency() -> None:
    table = additive(LEAKY)
    kinds = {(f.position, f.kind) for f in audit(table, 5)}
    assert kinds == {((0, 0), FindingKind.FREQUENCY)}
    broken = copy.deepcopy(table)
    broken.total = 500
    assert FindingKind.INCONSISTENT in {f.kind for f in audit(broken, 3)}
    with pytest.raises(ValueError, match="not additive"):
        protect([broken], k=3)


# --- properties on random tables ----------------------------------------------------------------------


@st.composite
def women_tables(
    draw: st.DrawFn, max_rows: int = 6, max_cols: int = 5, max_value: int = 30
) -> AggregateTable:
    n = draw(st.integers(1, max_rows))
    m = draw(st.integers(1, max_cols))
    values = st.integers(0, max_value)
    cells = draw(st.lists(st.lists(values, min_size=m, max_size=m), min_size=n, max_size=n))
    return additive(cells)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=women_tables(), k=st.integers(3, 7))
def test_protected_random_tables_publish_only_safe_values_and_pass_the_audit(
    table: AggregateTable, k: int
) -> None:
    before = copy.deepcopy(table)
    result = protect([table], k=k)
    assert table == before  # input untouched
    out = result.tables[0]
    for p in positions(out):
        v = value_at(out, p)
        original = value_at(table, p)
        assert original is not None
        if 0 < original < k:
            assert v is None, f"{p}={original} should be suppressed"
        if v is not None:
            assert v == original
            assert v == 0 or v >= k
    # independent of the LP: no equation keeps exactly one suppressed value (subtraction)
    for total, parts in equations(out):
        assert sum(value_at(out, q) is None for q in [total, *parts]) != 1
    assert audit(out, k) == []
    assert result.primary_count == sum(1 for p in positions(table) if 0 < (value_at(table, p) or 0) < k)


def brute_force_intervals(
    table: AggregateTable, published: AggregateTable
) -> dict[Position, tuple[int, int]]:
    """Integer completions of the suppressed cells consistent with the published values, by enumeration."""
    n, m = len(table.rows), len(table.cols)
    total = table.total
    assert isinstance(total, int)
    hidden_cells = [(i, j) for i in range(n) for j in range(m) if published.cells[i][j] is None]
    seen: dict[Position, set[int]] = {p: set() for p in hidden(published)}
    for guess in itertools.product(range(total + 1), repeat=len(hidden_cells)):
        cells: list[list[Number]] = [list(r) for r in table.cells]  # type: ignore[arg-type]
        for (i, j), g in zip(hidden_cells, guess, strict=True):
            cells[i][j] = g
        candidate = additive(cells)  # type: ignore[arg-type]
        if all(value_at(published, p) in (None, value_at(candidate, p)) for p in positions(published)):
            for p in seen:
                v = value_at(candidate, p)
                assert isinstance(v, int)
                seen[p].add(v)
    return {p: (min(s), max(s)) for p, s in seen.items()}


@settings(max_examples=60, deadline=None)
@given(
    table=women_tables(max_rows=3, max_cols=3, max_value=3),
    pattern=st.lists(st.booleans(), min_size=16, max_size=16),
)
def test_audit_intervals_match_enumeration_of_integer_tables(
    table: AggregateTable, pattern: list[bool]
) -> None:
    # everything may be suppressed except the grand total (which keeps the enumeration finite)
    candidates = [p for p in positions(table) if p != GRAND_TOTAL]
    chosen = [p for p, hide in zip(candidates, pattern, strict=False) if hide]
    assume(chosen)
    published = with_hidden(table, *chosen)
    n_hidden_cells = sum(1 for p in chosen if p[0] >= 0 and p[1] >= 0)
    assert isinstance(table.total, int)
    assume((table.total + 1) ** n_hidden_cells <= 20_000)
    expected = brute_force_intervals(table, published)
    # with a huge k every suppressed value is reported, with its exact interval
    found = {f.position: (f.low, f.high) for f in audit(published, 1000) if f.kind == FindingKind.INTERVAL}
    assert found == {p: (float(lo), float(hi)) for p, (lo, hi) in expected.items()}


# --- intensity ---------------------------------------------------------------------------------------


def hours_table() -> AggregateTable:
    cells = [[40, 300, 210], [250, 120, 4], [180, 160, 140]]
    return additive(
        cells,
        table_id="hours",
        unit=Unit.HOURS,
        contributors=[[2, 12, 9], [9, 15, 7], [11, 10, 8]],
        row_contributors=[18, 20, 19],
        col_contributors=[20, 25, 17],
        total_contributors=45,
    )


def test_intensity_cell_with_many_hours_but_two_women_is_suppressed() -> None:
    table = hours_table()
    result = protect([table], k=5)
    out = result.tables[0]
    assert out.cells[0][0] is None
    assert result.primary == {"hours": [(0, 0)]}
    assert result.secondary_count >= 3
    assert audit(out, 5) == []
    # 4 hours shared by 7 women stay published: the rule is about people, not magnitudes
    assert out.cells[1][2] == 4


def test_intensity_rule_requires_a_relative_width() -> None:
    # hiding a 2x2 rectangle: 300 then lies in [270, 320], width 50 >= k but within 16% of its value
    tight = additive(
        [[40, 300], [30, 20]],
        unit=Unit.HOURS,
        contributors=[[2, 12], [6, 7]],
        row_contributors=[13, 12],
        col_contributors=[8, 16],
        total_contributors=20,
    )
    rect = with_hidden(tight, (0, 0), (0, 1), (1, 0), (1, 1))
    found = {f.position: (f.low, f.high, f.required) for f in audit(rect, 5)}
    assert found == {(0, 1): (270.0, 320.0, 160.0)}
    # the same numbers as counts of women: width 50 is plenty
    assert audit(with_hidden(additive([[40, 300], [30, 20]]), (0, 0), (0, 1), (1, 0), (1, 1)), 5) == []
    assert audit(protect([tight], k=5).tables[0], 5) == []


def test_intensity_tables_need_the_distinct_women() -> None:
    table = hours_table()
    table.contributors = None
    with pytest.raises(ValueError, match="distinct women"):
        protect([table], k=5)


# --- non-additive ------------------------------------------------------------------------------------


def test_non_additive_table_gets_only_primary_suppression() -> None:
    forms = AggregateTable(
        id="forms",
        title="Forms of violence",
        unit=Unit.WOMEN,
        rows=["FISICA", "PSICOLOGICA", "ECONOMICA", "STALKING"],
        cols=["N"],
        cells=[[12], [18], [3], [0]],
        row_totals=[12, 18, 3, 0],
        col_totals=[19],
        total=19,
        additive=False,
    )
    result = protect([forms], k=5)
    out = result.tables[0]
    assert hidden(out) == {(2, 0), (2, -1)}
    assert result.secondary == {"forms": []}
    assert out.cells == [[12], [18], [None], [0]]
    assert out.total == 19
    assert audit(out, 5) == []
    # the same numbers read as an additive table would need secondary suppression
    assert protect([additive([[12], [18], [3], [0]])], k=5).secondary_count > 0


def test_non_additive_total_of_distinct_women_is_checked_too() -> None:
    small = AggregateTable(
        id="forms",
        title="Forms of violence",
        unit=Unit.WOMEN,
        rows=["FISICA", "PSICOLOGICA"],
        cols=["N"],
        cells=[[4], [4]],
        row_totals=[4, 4],
        col_totals=[4],
        total=4,
        additive=False,
    )
    out = protect([small], k=3).tables[0]
    assert out.cells == [[4], [4]] and out.total == 4
    out = protect([small], k=5).tables[0]
    assert out.total is None and out.col_totals == [None]


# --- parameters and inputs ---------------------------------------------------------------------------


@pytest.mark.parametrize("k", [2, 1, 0, -5])
def test_threshold_below_three_is_rejected(k: int) -> None:
    with pytest.raises(ValueError, match="minimum"):
        protect([additive(LEAKY)], k=k)
    with pytest.raises(ValueError, match="minimum"):
        audit(additive(LEAKY), k)


def test_threshold_three_is_accepted_and_rule_is_recorded() -> None:
    result = protect([additive(LEAKY)], k=3)
    assert isinstance(result, ProtectionResult)
    assert result.rule == {"threshold": 3, "method": "primary-frequency+secondary-lp", "rule_version": "1"}
    assert (METHOD, RULE_VERSION) == ("primary-frequency+secondary-lp", "1")
    assert result.tables[0].cells[0][0] is None  # 2 < 3
    assert protect([additive(LEAKY)]).rule["threshold"] == 5


def test_input_is_not_mutated() -> None:
    tables = [additive(LEAKY, table_id="a"), hours_table()]
    before = copy.deepcopy(tables)
    result = protect(tables, k=5)
    assert tables == before
    assert result.tables[0] is not tables[0]
    assert result.tables[0].cells[0][0] is None and tables[0].cells[0][0] == 2


def test_zero_is_published() -> None:
    out = protect([additive([[0, 10], [0, 12]])], k=5).tables[0]
    assert out.cells == [[0, 10], [0, 12]]
    assert out.col_totals == [0, 22]


# --- consistency across the tables of one export -----------------------------------------------------

AGES = ["18-29", "30-49", "50+"]


def age_tables(linked: bool) -> list[AggregateTable]:
    """Women by age, and the women aged 30-49 by citizenship: the latter's total is a row of the former."""
    by_age = additive([[2], [20], [30]], table_id="age", rows=AGES, cols=["N"])
    mid_age = additive([[12], [3], [5]], table_id="mid_age", rows=["IT", "UE", "EXTRA_UE"], cols=["N"])
    if linked:
        by_age.links = {(1, 0): "age:30-49", (1, -1): "age:30-49", GRAND_TOTAL: "women"}
        mid_age.links = {(-1, 0): "age:30-49", GRAND_TOTAL: "age:30-49"}
    return [by_age, mid_age]


def test_linked_cells_are_suppressed_in_both_tables() -> None:
    alone = protect(age_tables(linked=False), k=5).tables
    # without links the age table hides the 20 women aged 30-49, which the other table publishes
    assert alone[0].cells[1][0] is None
    assert alone[1].total == 20
    result = protect(age_tables(linked=True), k=5)
    by_age, mid_age = result.tables
    assert by_age.cells[1][0] is None and by_age.row_totals[1] is None
    assert mid_age.total is None and mid_age.col_totals == [None]
    assert {(-1, 0), GRAND_TOTAL} <= set(result.secondary["mid_age"])
    assert by_age.total == 52  # the grand total of the age table is not linked to anything hidden
    assert audit_export(result.tables, 5) == []
    assert audit_export(alone, 5) == []  # unlinked tables make no promise about each other
    naive = copy.deepcopy(alone)
    for table, linked_table in zip(naive, age_tables(linked=True), strict=True):
        table.links = linked_table.links
    assert FindingKind.LINKED in {f.kind for f in audit_export(naive, 5)}


def test_linked_grand_totals_follow_a_small_table() -> None:
    tiny = additive([[3], [1]], table_id="tiny", links={GRAND_TOTAL: "women"})
    other = additive([[0, 4]], table_id="other", links={GRAND_TOTAL: "women"})
    a, b = protect([tiny, other], k=5).tables
    assert a.total is None and b.total is None
    assert audit(b, 5) == []


# --- lower bounds from a network merge --------------------------------------------------------------


def merged(**flags: Any) -> AggregateTable:
    # the true (1, 1) is 27; one input suppressed its part, so the merge only knows ">= 25"
    table = additive([[10, 12], [8, 27]], lower_bound=[[False, False], [False, True]], **flags)
    table.cells[1][1] = 25
    return table


def test_lower_bound_cells_are_suppressed_and_exact_margins_kept() -> None:
    table = merged(row_lower_bound=[False, False], col_lower_bound=[False, False], total_lower_bound=False)
    result = protect([table], k=5)
    out = result.tables[0]
    assert out.cells[1][1] is None
    assert (1, 1) in result.primary["t"]
    assert out.total == 57 and out.row_totals == [22, 35]
    assert audit(out, 5) == []
    assert FindingKind.LOWER_BOUND in {f.kind for f in audit(table, 5)}


def test_margins_of_lower_bound_cells_are_presumed_lower_bounds() -> None:
    table = merged()
    table.row_totals[1] = 33  # summed by the merge: a lower bound too
    table.col_totals[1] = 37
    table.total = 55
    out = protect([table], k=5).tables[0]
    assert out.cells[1][1] is None
    assert out.row_totals[1] is None and out.col_totals[1] is None and out.total is None
    assert audit(out, 5) == []


# --- performance ---------------------------------------------------------------------------------------


def test_a_whole_export_is_fast() -> None:
    """30 tables up to 30 x 10, a third of the cells below k (a small help desk): the worst realistic case."""
    rng = random.Random(7)
    tables = []
    for t in range(30):
        n, m = rng.randint(5, 30), rng.randint(1, 10)
        cells = [[rng.choice([0, 1, 2, 3, 4, 6, 9, 15, 40]) for _ in range(m)] for _ in range(n)]
        tables.append(additive(cells, table_id=f"t{t}"))
    start = time.process_time()  # CPU time: not inflated by a busy CI machine
    result = protect(tables, k=5)
    elapsed = time.process_time() - start
    assert elapsed < 2.5, f"protect took {elapsed:.2f} s of CPU"
    assert all(audit(t, 5) == [] for t in result.tables)
