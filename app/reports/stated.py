"""The centre's stated structure as tables, for the export profiles (ISTAT's survey of centres).

A release's signed package carries the structure in force on the last day of its period (`structure`
member: desks with their opening days, weekly hours and languages; staff by profession, paid and
volunteer; adherence to the 1522 number; reachability round the clock). These are the centre's own
statements about itself, not counts of women: they are laid out here as tables in the units of
`STATED_UNITS` and published as entered, without perturbation. A value not entered stays None (printed
`ND`); a sum with a part not entered is a lower bound (`≥ n`), as in the network merge.

The tables are built from the package's bytes like every other value of an export; a package without a
structure (made before it travelled) gives the same tables with every value not entered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any

from app.i18n import day_text
from app.models import codelists
from app.reports.tables import AggregateTable, Number, Unit
from app.reports.texts import STRUCTURE_TEXTS, texts

N = "N"
ND = "ND"
PAID, VOLUNTEER = "PAID", "VOLUNTEER"
DESK_TABLES = ("structure_desk_days", "structure_desk_hours")
"""Tables with one row per help desk (codes DESK_1, DESK_2... in the package's order, labelled by name)."""
TABLE_IDS = (
    *DESK_TABLES,
    "structure_weekdays",
    "structure_languages",
    "structure_staff",
    "structure_1522",
    "structure_h24",
)
_UNITS = {
    "structure_desk_days": Unit.OPENING_DAYS,
    "structure_desk_hours": Unit.OPENING_HOURS,
    "structure_weekdays": Unit.DESKS,
    "structure_languages": Unit.DESKS,
    "structure_staff": Unit.STAFF,
    "structure_1522": Unit.CENTRES,
    "structure_h24": Unit.CENTRES,
}
_ADDITIVE = {"structure_desk_days": False, "structure_weekdays": False, "structure_languages": False}


def _shape(table_id: str) -> tuple[list[str], list[str]]:
    """Fixed rows and columns of a table (the desk tables' rows depend on the package)."""
    if table_id in DESK_TABLES:
        return [], [N]
    if table_id == "structure_weekdays":
        return [*codelists.codes("weekday"), ND], [N]
    if table_id == "structure_languages":
        return [*codelists.codes("language"), ND], [N]
    if table_id == "structure_staff":
        return list(codelists.codes("staff_profession")), [PAID, VOLUNTEER]
    return list(codelists.codes("yes_no")), [N]


@cache
def shapes() -> dict[str, tuple[Unit, bool, tuple[str, ...], tuple[str, ...]]]:
    """For the profile catalogue: unit, additivity, row and column codes of every stated table."""
    out = {}
    for table_id in TABLE_IDS:
        rows, cols = _shape(table_id)
        out[table_id] = (_UNITS[table_id], _ADDITIVE.get(table_id, True), tuple(rows), tuple(cols))
    return out


def _sum(values: Sequence[Number | None]) -> tuple[Number | None, bool]:
    """The sum of the values entered, flagged as a lower bound when some are not (None when none is)."""
    known = [v for v in values if v is not None]
    if not known:
        return None, False
    return sum(known), len(known) < len(values)


def _table(
    table_id: str,
    lang: str,
    rows: list[str],
    cols: list[str],
    cells: list[list[Number | None]],
    row_labels: Mapping[str, str],
    total: Number | None = None,
    total_given: bool = False,
) -> AggregateTable:
    """A stated table with margins summed from what was entered (or `total` when the sum means nothing)."""
    own = texts(STRUCTURE_TEXTS, lang)
    row_sums = [_sum(line) for line in cells]
    grand = (total, False) if total_given else _sum([v for line in cells for v in line])
    # a given total (one column: desks counted once, days on which some desk opens) is also its margin
    col_sums = [grand] if total_given else [_sum([line[j] for line in cells]) for j in range(len(cols))]
    return AggregateTable(
        id=table_id,
        title=own[table_id],
        unit=_UNITS[table_id],
        rows=rows,
        cols=cols,
        cells=cells,
        row_totals=[v for v, _ in row_sums],
        col_totals=[v for v, _ in col_sums],
        total=grand[0],
        additive=_ADDITIVE.get(table_id, True),
        row_labels=dict(row_labels),
        col_labels={c: own.get(c, c) for c in cols},
        lower_bound=[[False] * len(cols) for _ in rows],
        row_lower_bound=[low for _, low in row_sums],
        col_lower_bound=[low for _, low in col_sums],
        total_lower_bound=grand[1],
    )


def _labels(list_name: str, codes: Sequence[str], lang: str) -> dict[str, str]:
    own = texts(STRUCTURE_TEXTS, lang)
    return {c: codelists.label(list_name, c, lang) if c != ND else own[ND] for c in codes}


def tables(
    structure: Mapping[str, Any] | None, desk_names: Sequence[str], lang: str = "it"
) -> list[AggregateTable]:
    """The stated tables of a package's (validated) `structure`; None: every value not entered."""
    if structure is None:
        structure = {
            "centre": {"adheres_1522": ND, "available_h24": ND, "staff_paid": {}, "staff_volunteer": {}},
            "desks": [{"name": n, "days": [], "hours_week": None, "languages": []} for n in desk_names],
        }
    desks = list(structure["desks"])
    centre = structure["centre"]
    codes = [f"DESK_{i}" for i in range(1, len(desks) + 1)]
    names = {code: str(d["name"]) for code, d in zip(codes, desks, strict=True)}
    days = [list(d["days"]) for d in desks]
    open_days = {day for listed in days for day in listed}
    out = [
        _table(
            "structure_desk_days", lang, codes, [N], [[len(listed) or None] for listed in days], names,
            total=len(open_days) or None, total_given=True,
        ),
        _table("structure_desk_hours", lang, codes, [N], [[d["hours_week"]] for d in desks], names),
    ]  # fmt: skip
    for table_id, key, list_name in (
        ("structure_weekdays", "days", "weekday"),
        ("structure_languages", "languages", "language"),
    ):
        rows, _ = _shape(table_id)
        counts = [[sum(code in d[key] for d in desks)] for code in rows[:-1]]
        counts.append([sum(not d[key] for d in desks)])
        out.append(
            _table(table_id, lang, rows, [N], [list[Number | None](c) for c in counts],
                   _labels(list_name, rows, lang), total=len(desks), total_given=True)
        )  # fmt: skip
    rows, cols = _shape("structure_staff")
    staff: list[list[Number | None]] = [
        [centre["staff_paid"].get(code), centre["staff_volunteer"].get(code)] for code in rows
    ]
    out.append(_table("structure_staff", lang, rows, cols, staff, _labels("staff_profession", rows, lang)))
    for table_id, key in (("structure_1522", "adheres_1522"), ("structure_h24", "available_h24")):
        rows, _ = _shape(table_id)
        answer: list[list[Number | None]] = [[int(code == centre[key])] for code in rows]
        out.append(_table(table_id, lang, rows, [N], answer, _labels("yes_no", rows, lang)))
    return out


def not_entered_percent(table: AggregateTable) -> int:
    """The share of a stated table's answers not entered, in whole per cent (for the data-quality check).

    Per desk or per profession: the rows with nothing entered; by code (days, languages, 1522, h24): the
    units in the ND row.
    """
    if ND in table.rows:
        missing, whole = table.cells[table.rows.index(ND)][0] or 0, table.total or 0
    else:
        missing, whole = sum(all(v is None for v in line) for line in table.cells), len(table.rows)
    return round(100 * float(missing) / float(whole)) if whole else 0


def note(on: str | None, lang: str) -> str:
    """The sentence printed with the stated tables: what they are, as of which day, what ND means."""
    day = day_text(date.fromisoformat(on), lang) if on else "—"
    return texts(STRUCTURE_TEXTS, lang)["note"].format(day=day)
