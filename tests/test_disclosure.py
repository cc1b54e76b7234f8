"""Disclosure control by the cell key method: perturbation, threshold after it, amounts, refusals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.reports import cellkey
from app.reports.disclosure import DEFAULT_K, check_k, protect, publish_count, rule
from app.reports.tables import AggregateTable, CellKeys, Unit, hidden_marker


def one_way(values: list[int], keys: list[int], unit: Unit = Unit.WOMEN, **extra: CellKeys) -> AggregateTable:
    total = sum(values)
    total_key = sum(keys) % cellkey.KEY_RANGE
    cell_keys: dict[tuple[int, int], CellKeys] = {}
    for i, key in enumerate(keys):
        cell_keys[(i, 0)] = cell_keys[(i, -1)] = CellKeys(key=key)
    cell_keys[(-1, 0)] = cell_keys[(-1, -1)] = CellKeys(key=total_key)
    return AggregateTable(
        id="t",
        title="t",
        unit=unit,
        rows=[f"r{i}" for i in range(len(values))],
        cols=["N"],
        cells=[[v] for v in values],
        row_totals=list(values),
        col_totals=[total],
        total=total,
        keys=cell_keys,
    )


def test_the_ptable_is_documented_and_sound() -> None:
    table = cellkey.ptable()
    assert table.max_deviation == 3 and table.key_range == cellkey.KEY_RANGE
    for count in range(1, 30):
        probabilities = table.probabilities(count)
        assert sum(probabilities.values()) == pytest.approx(1.0)
        assert sum(n * p for n, p in probabilities.items()) == pytest.approx(0.0)  # unbiased
        assert all(abs(n) <= 3 and count + n >= 0 for n in probabilities)
    assert table.probabilities(5)[0] == pytest.approx(0.5)
    assert sum(n * n * p for n, p in table.probabilities(5).items()) == pytest.approx(1.4, abs=0.01)
    assert table.noise(0, 1234) == 0  # nobody stays nobody


@given(st.integers(0, 500), st.integers(0, cellkey.KEY_RANGE - 1))
def test_perturbation_is_bounded_and_a_function_of_key_and_count(count: int, key: int) -> None:
    value = cellkey.perturb_count(count, key)
    assert abs(value - count) <= 3 and value >= 0
    assert cellkey.perturb_count(count, key) == value


def test_every_noise_value_of_the_table_occurs() -> None:
    seen = {cellkey.perturb_count(50, key) - 50 for key in range(cellkey.KEY_RANGE)}
    assert seen == {-3, -2, -1, 0, 1, 2, 3}


def test_values_below_k_zeros_and_fewer_than_three_records_are_hidden() -> None:
    keys = list(range(0, cellkey.KEY_RANGE, 97))
    for count in range(0, 3):
        assert all(publish_count(count, key, 3) is None for key in keys)  # the SISTAN floor, whatever k
    for key in keys:
        published = publish_count(6, key, DEFAULT_K)
        assert published is None or published >= DEFAULT_K
    assert {publish_count(2, key, 5) for key in keys} == {None}  # 2 + 3 = 5 but only 2 records


def test_the_same_records_get_the_same_value_in_every_table() -> None:
    a = protect([one_way([12, 30], [100, 2000])]).tables[0]
    b = protect([one_way([12, 7, 23], [100, 5, 1995])]).tables[0]  # same first row, same total records
    assert a.cells[0] == b.cells[0] and a.total == b.total
    assert a.cells[0][0] == cellkey.perturb_count(12, 100)


def test_protect_hides_and_counts_what_it_hid() -> None:
    result = protect([one_way([1, 0, 40], [17, 0, 300])])
    table = result.tables[0]
    assert table.cells[0][0] is None and table.cells[1][0] is None  # one woman and nobody look alike
    assert table.cells[2][0] == cellkey.perturb_count(40, 300)
    assert result.hidden_count == 4  # two cells and their row totals
    assert table.keys == {} and table.contributors is None  # nothing of the records survives
    assert result.rule == rule(DEFAULT_K) and result.rule["method"] == "cell-key"


def test_protect_refuses_a_value_without_its_cell_key() -> None:
    table = one_way([12], [5])
    del table.keys[(0, 0)]
    with pytest.raises(ValueError, match="no cell key"):
        protect([table])


def amounts(unit: Unit, value: float, keys: CellKeys) -> AggregateTable:
    table = one_way([0], [0], unit)
    table.cells = [[value]]
    table.row_totals = [value]
    table.col_totals = [value]
    table.total = value
    table.keys = {pos: keys for pos in ((0, 0), (0, -1), (-1, 0), (-1, -1))}
    return table


def test_amounts_need_k_women_behind_them() -> None:
    """40 hours given to two women are not published, and not as '<5' (which reads 'under five hours')."""
    few = protect([amounts(Unit.HOURS, 40.0, CellKeys(key=9, women=2, women_key=33, top=30.0))]).tables[0]
    assert few.total is None and hidden_marker(Unit.HOURS, 5) == "n.p."
    services = protect([amounts(Unit.SERVICES, 40, CellKeys(key=9, women=2, women_key=33))]).tables[0]
    assert services.total is None and hidden_marker(Unit.SERVICES, 5) == "n.p."
    assert hidden_marker(Unit.WOMEN, 5) == "<5"


@given(st.integers(0, cellkey.KEY_RANGE - 1))
def test_hours_move_by_a_share_of_the_largest_contribution(key: int) -> None:
    keys = CellKeys(key=key, women=40, women_key=1234, top=20.0)
    published = protect([amounts(Unit.HOURS, 500.0, keys)]).tables[0].total
    assert published is not None and isinstance(published, int)
    assert 0.1 * 20 - 0.5 <= abs(published - 500) <= 3.0 * 20 + 0.5  # never exact, never far


def test_the_hours_factor_is_continuous_unbiased_and_unrelated_to_the_count_noise() -> None:
    """Every cell key has its own factor (4096 values, none within a tenth of zero), each size once with
    each sign (mean exactly 0); and the factor does not move with the noise of the count of the same
    services (same records, same cell key): within each noise of the count, factors of both signs and
    of every size occur in about their overall proportions."""
    table = cellkey.ptable()
    factors = [table.magnitude_factor(key) for key in range(cellkey.KEY_RANGE)]
    assert len(set(factors)) == cellkey.KEY_RANGE
    assert min(abs(f) for f in factors) >= 0.1 and max(abs(f) for f in factors) <= 3.0
    assert sum(factors) == pytest.approx(0.0, abs=1e-9)
    assert sorted(-f for f in factors) == pytest.approx(sorted(factors))
    for noise in (-1, 0, 1):
        keys = [key for key in range(cellkey.KEY_RANGE) if table.noise(50, key) == noise]
        share_up = sum(factors[key] > 0 for key in keys) / len(keys)
        share_big = sum(abs(factors[key]) > 1 for key in keys) / len(keys)
        overall_big = sum(abs(f) > 1 for f in factors) / len(factors)
        assert abs(share_up - 0.5) < 0.07 and abs(share_big - overall_big) < 0.07, noise


def test_check_k() -> None:
    assert check_k(3) == 3
    for bad in (2, 0, True, 5.0):
        with pytest.raises(ValueError):
            check_k(bad)  # type: ignore[arg-type]


def test_protect_leaves_its_input_alone_and_drops_what_never_leaves() -> None:
    table = one_way([12, 40], [101, 202])
    table.contributors, table.lower_bound = [[12], [40]], [[False], [False]]
    cells, keys = [list(r) for r in table.cells], dict(table.keys)
    (out,) = protect([table], 5).tables
    out.cells[0][0] = -1
    out.lower_bound[0][0] = True  # type: ignore[index]
    out.row_labels["x"] = "y"
    assert table.cells == cells and table.keys == keys and table.lower_bound == [[False], [False]]
    assert not table.row_labels and table.contributors == [[12], [40]]
    assert out.keys == {} and out.contributors is None and out.total_contributors is None
