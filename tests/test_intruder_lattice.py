"""The intruder with one year's whole release lattice: every calendar period x the whole centre and each desk.

She holds every value a demo centre could publish for 2025 (12 months, 4 quarters, 2 semesters and the
year, for the whole centre and for each of its six desks), knows the method and the public p-table, and
reasons exactly (tests/intruder_model.py says what the model combines and what it does not). Goals
(issue 22): no "parent = sum of its parts" ever certifies that the values are exact; under 0.1% of the
true cells of 1 to 4 pinned with posterior > 0.9, and no more wrong-but-confident claims than right
ones; guessing the category of a woman alone at her desk in a month beats guessing the most common
category by at most 5 points; someone who knows every other woman's hours in a cell covers, with her
best +-20% guess, at most about one value in five of what the cell keys allow.

The suite runs a 120-woman centre on a few tables (under a minute); the `slow` variants run every
table, and a 500-woman centre, and are the figures of docs/disclosure-control.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from app.reports import cellkey, disclosure, indicators
from app.reports.tables import Unit
from tests import intruder_model as im
from tests import lattice_fixtures as lf

K = disclosure.DEFAULT_K
FAST_TABLES = {"in_charge_education", "education", *indicators.DESK_TABLES}
"""Women taken in charge and a profile of the women (the whole centre's only), and what a desk publishes
too (`indicators.DESK_TABLES`: the women's flow, services, women served and hours)."""


@pytest.fixture(scope="module")
def lattice120(tmp_path_factory: pytest.TempPathFactory) -> Iterator[lf.DemoLattice]:
    built = lf.build(tmp_path_factory.mktemp("lattice") / "data", 120, years=1)
    yield built
    lf.remove(built)


@pytest.fixture(scope="module")
def full120(tmp_path_factory: pytest.TempPathFactory) -> Iterator[lf.DemoLattice]:
    built = lf.build(tmp_path_factory.mktemp("lattice") / "data", 120)
    yield built
    lf.remove(built)


def _setup(
    lattice: lf.DemoLattice, table: cellkey.PTable, tables: set[str] | None
) -> tuple[im.Model, dict[im.Cell, im.Observed], list[im.Relation], int, lf.Lattice]:
    truth = (
        lattice.truth
        if tables is None
        else {key: [t for t in ts if t.id in tables] for key, ts in lattice.truth.items()}
    )
    published = {key: disclosure.protect(ts, K, table).tables for key, ts in truth.items()}
    cells = im.observations(truth, published)
    counts = Counter(o.true for o in cells.values())
    prior = {c: counts.get(c, 0) + 1.0 for c in range(max(counts) + 11)}
    total = sum(prior.values())
    model = im.Model(table, K, {c: n / total for c, n in prior.items()})
    relations, dropped = im.relations(cells, lattice.desks, lattice.splits)
    return model, cells, relations, dropped, published


def _certification(lattice: lf.DemoLattice, version: str, tables: set[str] | None) -> im.Findings:
    model, cells, relations, dropped, _ = _setup(lattice, cellkey.ptable(version), tables)
    return im.attack(model, cells, relations, dropped, posteriors=False)


def _check_sums(old: im.Findings, new: im.Findings) -> None:
    # the ordered layout of 2026.1: a parent equal to the sum of its parts was certainly exact
    assert old.equal_sums > 0 and old.certified > 0, old
    # the permuted layout: the same question never has a certain answer
    assert new.equal_sums > 0 and new.certified == 0, new.examples
    assert new.max_exact < 0.95


def test_a_sum_of_parts_certifies_under_the_old_layout_never_under_the_new(
    lattice120: lf.DemoLattice,
) -> None:
    _check_sums(
        _certification(lattice120, "2026.1", FAST_TABLES), _certification(lattice120, "2026.2", FAST_TABLES)
    )


def _check_small_cells(found: im.Findings) -> None:
    assert found.small > 1000 and found.relations > 1000
    assert found.pinned_share < 0.001, found
    assert found.wrong_confident <= found.pinned, found
    assert found.exact_pinned == 0 and found.exact_wrong == 0, found  # the exact key-sum model, on a sample
    assert found.exact_top < 0.9, found


@dataclass
class Attacked:
    found: im.Findings
    women_alone: int
    intruder: float  # her hit rate on the category of a woman alone at her desk in a month
    baseline: float  # the most common category's


def _attack(lattice: lf.DemoLattice, tables: set[str] | None, exact_sample: int) -> Attacked:
    """Posteriors over the lattice (with the exact model on a sample), and the woman alone in her month:
    her month's row cells are all hidden; the intruder picks the category most probably not empty
    (ties go to the centre's most common published category for the year, which is the baseline)."""
    model, cells, relations, dropped, published = _setup(lattice, cellkey.ptable(), tables)
    months = [p.code for p in lf.calendar()[0] if len(p.code) == 7 and p.code[5] not in "QH"]
    groups = im.alone_in_month(lattice.truth, published, lattice.desks[1:], months, lattice.desks[0], "")
    groups = [g for g in groups if g[0] in cells]
    keep = {cell for group in groups for cell in group}
    found = im.attack(model, cells, relations, dropped, keep=keep, exact_sample=exact_sample)
    hits = base = 0
    for group in groups:
        year = next(t for t in published[(lattice.desks[0], str(lf.YEAR))] if t.id == group[0][2])
        order = sorted(range(len(group)), key=lambda i: -(year.cells[i][0] or -1))  # most common first
        true_row = [cells[c].true for c in group].index(1)
        some = [1 - found.kept.get(c, {0: 1.0}).get(0, 0.0) for c in group]
        guess = max(order, key=lambda i: (round(some[i], 9), -order.index(i)))
        hits += guess == true_row
        base += order[0] == true_row
    return Attacked(found, len(groups), hits / max(1, len(groups)), base / max(1, len(groups)))


@pytest.fixture(scope="module")
def attacked120(lattice120: lf.DemoLattice) -> Attacked:
    return _attack(lattice120, FAST_TABLES, exact_sample=3)


def test_small_cells_are_not_pinned(attacked120: Attacked) -> None:
    _check_small_cells(attacked120.found)


def test_a_woman_alone_in_her_month_is_no_easier_to_place(
    attacked120: Attacked, lattice120: lf.DemoLattice
) -> None:
    """A desk publishes no partition of its women by category (`indicators.DESK_TABLES`), so a woman
    alone at her desk in a month has no category cell to be placed in; the whole centre's tables have."""

    def partitions(key: tuple[str, str]) -> set[str]:
        return {
            t.id for t in lattice120.truth[key] if t.unit is Unit.WOMEN and t.additive and len(t.cols) == 1
        }

    assert partitions((lf.CENTRE, "2025-01")) >= {"education", "citizenship"}
    assert all(not partitions((desk, "2025-01")) for desk in lattice120.desks[1:])
    assert attacked120.women_alone == 0
    assert attacked120.intruder - attacked120.baseline <= 0.05, attacked120


def test_hours_of_one_woman_stay_uncertain(lattice120: lf.DemoLattice) -> None:
    """Today's eight factors let the best +-20% guess cover three values in eight (0.37 here); the
    continuous factor of 2026.2 about one in five (0.23 here, 0.20 on the two-year 120-woman demo, 0.22
    with 500 women: the goal is met on average for the smaller centre only, never for every woman), and
    the guess lands within 20% less often (9% here, from 26%)."""
    old = im.hours_attack(cellkey.ptable("2026.1"), lattice120.hours, K)
    new = im.hours_attack(cellkey.ptable(), lattice120.hours, K)
    assert old.targets > 300 and new.targets > 300
    assert old.mean_best_mass > 0.35, old.mean_best_mass
    assert new.mean_best_mass <= 0.23 and new.hit_rate < 0.1, (new.mean_best_mass, new.hit_rate)


# --- the full lattice: every table published, 120 and 500 women (the figures of the docs) -----------------
@pytest.fixture(scope="module")
def full500(tmp_path_factory: pytest.TempPathFactory) -> Iterator[lf.DemoLattice]:
    built = lf.build(tmp_path_factory.mktemp("lattice") / "data", 500)
    yield built
    lf.remove(built)


@pytest.mark.slow
@pytest.mark.parametrize("size", [120, 500])
def test_the_whole_lattice(size: int, request: pytest.FixtureRequest) -> None:
    lattice: lf.DemoLattice = request.getfixturevalue(f"full{size}")
    _check_sums(_certification(lattice, "2026.1", None), _certification(lattice, "2026.2", None))
    assert im.hours_attack(cellkey.ptable(), lattice.hours, K).mean_best_mass <= 0.23  # 0.20, 0.22
    attacked = _attack(lattice, None, exact_sample=100)
    _check_small_cells(attacked.found)
    assert attacked.women_alone == 0, attacked  # a desk publishes no partition of its women (DESK_TABLES)
    assert attacked.intruder - attacked.baseline <= 0.05, attacked
