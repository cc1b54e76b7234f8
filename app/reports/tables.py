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
Position = tuple[int, int]
"""`(i, j)` a cell, `(i, -1)` a row total, `(-1, j)` a column total, `(-1, -1)` the grand total."""
INTENSITY_UNITS = frozenset({"services", "hours", "referrals", "minors"})
"""Units that measure how much, not how many women: published only where enough women stand behind."""


class Unit(StrEnum):
    """What the numbers of a table count."""

    WOMEN = "women"
    CONTACTS = "contacts"
    SERVICES = "services"
    HOURS = "hours"
    REFERRALS = "referrals"
    MINORS = "minors"
    # the centre's structure as it states it (Administration), not counts of women: see STATED_UNITS
    CENTRES = "centres"
    DESKS = "desks"
    STAFF = "staff"
    OPENING_DAYS = "opening_days"
    OPENING_HOURS = "opening_hours"


STATED_UNITS = frozenset({"centres", "desks", "staff", "opening_days", "opening_hours"})
"""Units of the centre's structure (desks, opening, staff, 1522), stated by the centre in Administration.

They describe the organisation, not the women, so they are published as entered (no perturbation, no
threshold) and never travel among the protected tables of a package; a missing value was not entered.
"""


@dataclass(frozen=True)
class CellKeys:
    """What the cell key method needs for one position (in memory only, never exported).

    `key` is the cell key of the value's own records (women, contacts, services, referrals). For
    intensity units, `women` and `women_key` are the distinct women behind the value and their cell key,
    and `top` is the largest contribution of one woman (hours), the scale of a magnitude's noise.
    `minutes` (hours only) is the exact sum the value is rounded from: the parts of a centre's
    installations add up in minutes, never in rounded hours (app.reports.partials).
    """

    key: int = 0
    women: int = 0
    women_key: int = 0
    top: float = 0.0
    minutes: int = 0


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

    `keys` holds, per position, the cell keys of the records behind the value (see `CellKeys`); the
    indicator queries fill it and disclosure control perturbs with it. Never exported.
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
    keys: dict[Position, CellKeys] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.cells) != len(self.rows) or not set(map(len, self.cells)) <= {len(self.cols)}:
            raise ValueError(f"table {self.id}: cells do not match rows x cols")
        if len(self.row_totals) != len(self.rows) or len(self.col_totals) != len(self.cols):
            raise ValueError(f"table {self.id}: margins do not match rows/cols")

    def label_row(self, code: str) -> str:
        return self.row_labels.get(code, code)

    def label_col(self, code: str) -> str:
        return self.col_labels.get(code, code)


def is_intensity(unit: Unit | str) -> bool:
    """Whether a unit measures an amount (hidden as "n.p." when too few women) rather than a headcount."""
    return str(Unit(unit).value) in INTENSITY_UNITS


def is_stated(unit: Unit | str) -> bool:
    """Whether a unit belongs to the centre's stated structure (published as entered, see STATED_UNITS)."""
    return str(Unit(unit).value) in STATED_UNITS


def hidden_marker(unit: Unit | str, k: int) -> str:
    """How a missing value is printed: `<k` for headcounts, `n.p.` (not published) for amounts, `ND` for
    the structure (not entered).

    A hidden count of women or contacts is below k after perturbation; a hidden amount (hours, services)
    rests on too few women and may be large, so `<k` would mislead ("under five hours").
    """
    if is_stated(unit):
        return "ND"
    return "n.p." if is_intensity(unit) else f"<{k}"
