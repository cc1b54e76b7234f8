"""The one shape every aggregate takes, from the indicator queries to the PDF and the signed package.

A table is a two-way grid of non-negative numbers with its margins. Alongside every published number
we keep (in memory only, never exported) how many distinct women stand behind it, because disclosure
control decides on people, not on the size of the number: 40 hours of counselling given to one woman
identify her as surely as a count of 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

Number = int | float


class Unit(StrEnum):
    """What the numbers of a table count."""

    WOMEN = "women"
    CONTACTS = "contacts"
    SERVICES = "services"
    HOURS = "hours"
    REFERRALS = "referrals"
    MINORS = "minors"


@dataclass
class AggregateTable:
    """A table of aggregates with margins.

    `cells[i][j]` is the value for row `rows[i]` and column `cols[j]`; `None` marks a suppressed value
    (after disclosure control). A one-way breakdown has a single column, conventionally `"N"`.

    `additive` says whether the margins are sums of the cells. Multi-response tables (forms of violence:
    one woman counts in several rows) are not additive: their totals count distinct women.

    `contributors[i][j]` (and the `*_contributors` margins) hold the number of distinct women behind
    each value; they drive primary suppression and are never exported. Where the unit is women they
    equal the values themselves.

    `lower_bound` marks values that are known only from below (after a network merge, where some input
    had the cell suppressed): shown as ">= value" and treated as unsafe by disclosure control.
    `row_lower_bound` / `col_lower_bound` / `total_lower_bound` do the same for the margins; left at `None`
    a margin is presumed a lower bound as soon as one of its cells is (the safe guess), so a merge that
    knows its margins are exact (every input published them) should say so with explicit `False`.

    `links` ties positions to a population key shared across the tables of one export (`(i, j)` a cell,
    `(i, -1)` a row total, `(-1, j)` a column total, `(-1, -1)` the grand total): positions with the same
    key count the same women, so disclosure control suppresses them everywhere or nowhere.
    """

    id: str
    title: str
    unit: Unit
    rows: list[str]
    cols: list[str]
    cells: list[list[Number | None]]
    row_totals: list[Number | None]
    col_totals: list[Number | None]
    total: Number | None
    additive: bool = True
    contributors: list[list[int]] | None = None
    row_contributors: list[int] | None = None
    col_contributors: list[int] | None = None
    total_contributors: int | None = None
    row_labels: dict[str, str] = field(default_factory=dict)
    col_labels: dict[str, str] = field(default_factory=dict)
    lower_bound: list[list[bool]] | None = None
    row_lower_bound: list[bool] | None = None
    col_lower_bound: list[bool] | None = None
    total_lower_bound: bool | None = None
    links: dict[tuple[int, int], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.cells) != len(self.rows) or any(len(r) != len(self.cols) for r in self.cells):
            raise ValueError(f"table {self.id}: cells do not match rows x cols")
        if len(self.row_totals) != len(self.rows) or len(self.col_totals) != len(self.cols):
            raise ValueError(f"table {self.id}: margins do not match rows/cols")

    def label_row(self, code: str) -> str:
        return self.row_labels.get(code, code)

    def label_col(self, code: str) -> str:
        return self.col_labels.get(code, code)
