"""The files a profile export writes: XLSX, CSV and JSON of the same protected tables.

Every format shows each value as the release published it: a number, `<k` (or `n.p.` for an amount)
where it is hidden, `≥ n` where it is a sum with a hidden part (a lower bound). Nothing is computed here;
the values come from `profiles.apply` over the tables of the signed package.

Two layouts (`LAYOUTS`):

- **printed** (the default), for the person who opens the file and reads it: the XLSX has a first sheet
  describing the export and one sheet per table (title, unit, period, legend above the grid); the CSV is
  **one file** with the tables one after the other, UTF-8 with a byte-order mark and `;` between values,
  decimals with a comma (what Excel set to Italian opens with a double click). One file rather than a zip
  because the person who receives it opens it, reads it top to bottom and prints it, as she does the PDF.
- **long**, for software (pandas, R, a spreadsheet's pivot table): one row per published value with
  `LONG_COLUMNS`, the header on the first line, values numeric (empty where hidden) and what a number
  alone cannot say (`<5`, `n.p.`, `≥`, `ND`) in a column of its own. The CSV keeps `;` and the decimal
  comma: `pandas.read_csv(path, sep=";", decimal=",")`.

In every format, numbers meant for software are plain (`2629`, never `2.629`), and text that a
spreadsheet would run as a formula (starting with `= + - @`, a tab or a carriage return: a profile's
title, a label, a centre's name) is written as text: a string cell in the XLSX, a leading `'` in the CSV.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.reports import package, profiles, stated
from app.reports.formatting import csv_text, format_number, plain_number, starts_formula
from app.reports.tables import AggregateTable, Number, Unit, hidden_marker, is_stated
from app.reports.texts import REPORT, texts

FORMATS = ("xlsx", "csv", "json")
LAYOUTS = ("printed", "long")
"""`printed` for people (the default), `long` for software: see the module's docstring."""
JSON_FORMAT = "ascolto-profile-export"
JSON_VERSION = 2
"""2: rows and columns carry the source's labels, a table says whether it is additive, the packages are
listed with the file written beside the export, and rows that cannot occur are left out when empty."""
LONG_COLUMNS = (
    "tabella",
    "titolo_tabella",
    "riga",
    "etichetta_riga",
    "colonna",
    "etichetta_colonna",
    "valore",
    "segno",
    "unita",
    "periodo",
    "dal",
    "al",
    "sportelli",
    "centro",
)
"""The header of the long layout, in both languages (a script reads the same names from every file):
the table's id and title, the row's and the column's code and label (`_total` for a margin), the value
(a number, empty where hidden), its sign (`<5`, `n.p.`, `ND` hidden; `≥` a lower bound; empty when exact),
the unit, the period's code and days, the help desks the value counts, the centre."""
CSV_DECIMAL = ","
CSV_SEPARATOR = ";"
LOWER = "≥"


@dataclass(frozen=True)
class PackageFile:
    """A signed package of the release, written beside the export so the receiver can verify it."""

    sha256: str
    file: str
    desks: list[str]


@dataclass(frozen=True)
class ProfileExport:
    """One profile laid over one release (or one release per desk): what every format writes."""

    profile: profiles.Profile
    centre: str
    desks: list[str]
    period_code: str
    period_label: str
    period_start: date
    period_end: date
    threshold: int
    rule: dict[str, Any]
    method_note: str
    tables: list[AggregateTable]
    packages: list[PackageFile]
    lang: str = "it"
    structure_on: str | None = None
    """The day the stated structure tables hold for (the period's last day)."""

    @property
    def package_digests(self) -> list[str]:
        return [p.sha256 for p in self.packages]


def unit_label(unit: Unit | str, lang: str) -> str:
    """The unit as the printed report names it (one catalogue for every output)."""
    return texts(REPORT, lang)[f"unit_{Unit(unit).value}"]


def total_label(lang: str) -> str:
    return texts(REPORT, lang)["total"]


def margin_label(table: AggregateTable, lang: str) -> str:
    """The label of the row of column totals: "Totale" only where the rows add up to it."""
    return texts(REPORT, lang)["total" if table.additive else "total_distinct"]


def col_label(table: AggregateTable, code: str, lang: str) -> str:
    """A column's label; the one column of a one-way table (code `N`) is named by its unit."""
    label = table.label_col(code)
    if len(table.cols) == 1 and label == code:
        return unit_label(table.unit, lang).capitalize()
    return label


def prints_margin_row(table: AggregateTable) -> bool:
    """Whether the printed layouts (and the PDF) show the row of column totals: where the rows add up,
    and for the centre's structure (desks counted once, labelled so)."""
    return table.additive or is_stated(table.unit)


Line = tuple[str, list[tuple[Number | None, bool]]]
"""One printed row: its label and its values with their lower-bound flags."""


def lines(table: AggregateTable, lang: str) -> tuple[list[str], list[Line]]:
    """The header and the rows as printed: each row's cells then its total, then the margin row.

    A one-column table prints its column only (its row totals are the same values, same records). The
    margin row is printed where the PDF prints it (`prints_margin_row`), "Totale" only where it is a sum.
    """
    cells, rows, cols, total = package.resolved_lower_bounds(table)
    word = total_label(lang)
    one = len(table.cols) == 1
    header = (
        ["", unit_label(table.unit, lang).capitalize()]
        if one
        else ["", *(col_label(table, c, lang) for c in table.cols), word]
    )
    out: list[Line] = []
    for i, code in enumerate(table.rows):
        values = list(zip(table.cells[i], cells[i], strict=True))
        out.append((table.label_row(code), values if one else [*values, (table.row_totals[i], rows[i])]))
    if prints_margin_row(table):
        margin = list(zip(table.col_totals, cols, strict=True))
        out.append(
            (margin_label(table, lang), [(table.total, total)] if one else [*margin, (table.total, total)])
        )
    return header, out


def shown(value: Number | None, lower: bool, unit: Unit | str, k: int, lang: str = "it") -> str:
    """A value as printed for people (the PDF's text): a number, `<k`/`n.p.`/`ND`, or `≥ n`."""
    if value is None:
        return hidden_marker(unit, k)
    text = format_number(value, unit, lang)
    return f"{LOWER} {text}" if lower else text


def plain(value: Number | None, lower: bool, unit: Unit | str, k: int, decimal: str = CSV_DECIMAL) -> str:
    """A value as the printed CSV and XLSX write it: a plain number (`2629`, `1176,5`), a marker, or
    `≥ 2629`; software and other locales read the number the same way."""
    if value is None:
        return hidden_marker(unit, k)
    text = plain_number(value, decimal)
    return f"{LOWER} {text}" if lower else text


def _legend(export: ProfileExport) -> str:
    k = export.threshold
    if export.lang == "en":
        return (
            f"<{k}: fewer than {k} after perturbation (zero included); n.p.: not published, concerns fewer "
            f"than {k} women; {LOWER}: a minimum, the sum of values some of which are not published"
        )
    return (
        f"<{k}: meno di {k} dopo la perturbazione (zero compreso); n.p.: non pubblicato, riguarda meno di "
        f"{k} donne; {LOWER}: valore minimo, somma di valori in parte non pubblicati"
    )


def _meta_lines(export: ProfileExport, table: AggregateTable) -> list[str]:
    en = export.lang == "en"
    head = [
        table.title,
        ("Unit: " if en else "Unità: ") + unit_label(table.unit, export.lang),
        ("Period: " if en else "Periodo: ") + export.period_label,
    ]
    if is_stated(table.unit):
        return [*head, stated.note(export.structure_on, export.lang)]
    return [*head, ("Key: " if en else "Legenda: ") + _legend(export)]


# --- long layout ------------------------------------------------------------------------------------------
Record = tuple[Any, ...]
"""One row of the long layout, in the order of `LONG_COLUMNS` (the value a number or None)."""


def records(export: ProfileExport) -> Iterator[Record]:
    """Every published value of the export, one per row: for each table its cells, the row totals
    (tables of several columns), then the margin row, the grand total last; the values of the printed
    layout, with the margins of every table (labelled "Totale" only where they are sums)."""
    for table in export.tables:
        yield from _table_records(export, table)


def _table_records(export: ProfileExport, t: AggregateTable) -> Iterator[Record]:
    lang = export.lang
    by_desk = export.profile.by_desk
    desks_of = {f"DESK_{n}": name for n, name in enumerate(export.desks, start=1)} if by_desk else {}
    everyone = ", ".join(export.desks)
    unit = unit_label(t.unit, lang)
    period = (export.period_code, export.period_start.isoformat(), export.period_end.isoformat())
    cells, rows_lb, cols_lb, total_lb = package.resolved_lower_bounds(t)

    def record(row: tuple[str, str], col: tuple[str, str], value: Number | None, lower: bool) -> Record:
        flag = hidden_marker(t.unit, export.threshold) if value is None else (LOWER if lower else "")
        desks = desks_of.get(col[0], everyone)
        return (t.id, t.title, *row, *col, value, flag, unit, *period, desks, export.centre)

    one = len(t.cols) == 1
    cols = [(c, col_label(t, c, lang)) for c in t.cols]
    total_col = (profiles.TOTAL, total_label(lang))
    margin_row = (profiles.TOTAL, margin_label(t, lang))
    for i, code in enumerate(t.rows):
        row = (code, t.label_row(code))
        for j, col in enumerate(cols):
            yield record(row, col, t.cells[i][j], cells[i][j])
        if not one:
            yield record(row, total_col, t.row_totals[i], rows_lb[i])
    for j, col in enumerate(cols):
        yield record(margin_row, col, t.col_totals[j], cols_lb[j])
    if not one:
        yield record(margin_row, total_col, t.total, total_lb)


def _cover_lines(export: ProfileExport) -> list[list[str]]:
    """What the export is: profile, centre, desks, period, method, the packages and where they are."""
    en = export.lang == "en"
    p = export.profile
    out = [
        [p.title],
        ["Profile" if en else "Profilo", f"{p.id} v{p.version}"],
        ["Centre" if en else "Centro", export.centre],
        ["Help desks" if en else "Sportelli", ", ".join(export.desks)],
        ["Period" if en else "Periodo", export.period_label],
        ["Method" if en else "Metodo", export.method_note],
    ]
    for ref in export.packages:
        label = "Signed package" if en else "Pacchetto firmato"
        out.append([f"{label} ({', '.join(ref.desks)})", f"{ref.file}  SHA-256 {ref.sha256}"])
    for x in p.pending:
        out.append(["Not yet produced" if en else "Non ancora prodotta", x.title])
    return out


# --- JSON -------------------------------------------------------------------------------------------------
def to_json(export: ProfileExport) -> bytes:
    """A self-describing document (resources/profile-export.schema.json): hidden values are null with
    their marker, lower bounds flagged. One layout: it is already what software reads."""
    p = export.profile
    tables = []
    for t in export.tables:
        cells, rows, cols, total = package.resolved_lower_bounds(t)
        spec = next((s for s in p.tables if s.id == t.id), None)
        tables.append(
            {
                "id": t.id,
                "title": t.title,
                "source": spec.source if spec else "",
                "unit": Unit(t.unit).value,
                "unit_label": unit_label(t.unit, export.lang),
                "additive": t.additive,
                "hidden_marker": hidden_marker(t.unit, export.threshold),
                "rows": [{"code": r, "label": t.label_row(r)} for r in t.rows],
                "cols": [{"code": c, "label": col_label(t, c, export.lang)} for c in t.cols],
                "cells": t.cells,
                "row_totals": t.row_totals,
                "col_totals": t.col_totals,
                "total": t.total,
                "lower_bound": cells,
                "row_lower_bound": rows,
                "col_lower_bound": cols,
                "total_lower_bound": total,
                "note": spec.note if spec else "",
            }
        )
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "profile": {"id": p.id, "version": p.version, "title": p.title, "target": p.target},
        "centre": export.centre,
        "desks": export.desks,
        "period": {
            "code": export.period_code,
            "label": export.period_label,
            "start": export.period_start.isoformat(),
            "end": export.period_end.isoformat(),
        },
        "disclosure": export.rule,
        "method": export.method_note,
        "release_packages_sha256": export.package_digests,
        "release_packages": [{"sha256": r.sha256, "file": r.file, "desks": r.desks} for r in export.packages],
        "tables": tables,
        "pending": [{"id": x.id, "title": x.title, "needs": x.needs} for x in p.pending],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --- CSV ---------------------------------------------------------------------------------------------------
def _csv(rows: Iterator[Sequence[Any]] | list[list[str]]) -> bytes:
    """UTF-8 with a byte-order mark (Excel then reads accents and `≥`), `;` between values; every text
    through `csv_text`, so that no cell is a formula to a spreadsheet."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    for row in rows:
        writer.writerow(
            [
                csv_text(v) if isinstance(v, str) else "" if v is None else plain_number(v, CSV_DECIMAL)
                for v in row
            ]
        )
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _printed_csv_rows(export: ProfileExport) -> Iterator[list[str]]:
    p = export.profile
    yield [p.title]
    yield [export.centre, ", ".join(export.desks), export.period_label]
    yield []
    for t in export.tables:
        for line in _meta_lines(export, t):
            yield [line]
        header, rows = lines(t, export.lang)
        yield header
        for name, values in rows:
            yield [name, *(plain(v, f, t.unit, export.threshold) for v, f in values)]
        yield []
    for x in p.pending:
        yield [("Not yet produced: " if export.lang == "en" else "Non ancora prodotta: ") + x.title]
    yield [export.method_note]


def to_csv(export: ProfileExport, layout: str = "printed") -> bytes:
    if layout == "long":
        return _csv(iter([LONG_COLUMNS, *records(export)]))
    return _csv(_printed_csv_rows(export))


# --- XLSX --------------------------------------------------------------------------------------------------
def _sheet_name(text: str, used: set[str]) -> str:
    base = "".join(ch for ch in text if ch not in "[]:*?/\\")[:31] or "tabella"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def _append(sheet: Any, values: Sequence[Any]) -> None:
    """Append a row; a text that begins like a formula stays a string cell (openpyxl would make `=...`
    a formula, and Excel runs it when the file opens)."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and starts_formula(cell.value):
            cell.data_type = "s"


def _cover_sheet(book: Any, export: ProfileExport, used: set[str], name: str) -> Any:
    from openpyxl.styles import Font

    sheet = book.create_sheet(_sheet_name(name, used))
    for line in _cover_lines(export):
        _append(sheet, line)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 90
    return sheet


def _save(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _long_xlsx(export: ProfileExport) -> bytes:
    """The long layout: the first sheet holds the data, header on row 1 (`pandas.read_excel(path)`
    reads it as it is), values numeric; the second describes the export."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    data = book.active
    assert data is not None
    used: set[str] = set()
    data.title = _sheet_name("data" if export.lang == "en" else "dati", used)
    _append(data, LONG_COLUMNS)
    for cell in data[1]:
        cell.font = Font(bold=True)
    for record in records(export):
        _append(data, record)
    data.freeze_panes = "A2"
    for letter, width in zip(
        "ABCDEFGHIJKLMN", (22, 40, 18, 40, 14, 24, 10, 7, 12, 10, 11, 11, 30, 24), strict=True
    ):
        data.column_dimensions[letter].width = width
    _cover_sheet(book, export, used, "Export" if export.lang == "en" else "Esportazione")
    return _save(book)


def to_xlsx(export: ProfileExport, layout: str = "printed") -> bytes:
    """Printed: one sheet per table (title, unit, period, the legend and the method note above the
    grid), after a first sheet describing the export. Published numbers are numbers; hidden values and
    lower bounds are text, so that a sum in the spreadsheet never passes them off as exact."""
    if layout == "long":
        return _long_xlsx(export)
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    used: set[str] = set()
    _cover_sheet(book, export, used, "Export" if export.lang == "en" else "Esportazione")
    for t in export.tables:
        sheet = book.create_sheet(_sheet_name(t.id, used))
        for line in _meta_lines(export, t):
            _append(sheet, [line])
        _append(sheet, [export.method_note])
        sheet["A1"].font = Font(bold=True, size=12)
        sheet.append([])
        header, rows = lines(t, export.lang)
        _append(sheet, header)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for name, values in rows:
            _append(
                sheet,
                [
                    name,
                    *(
                        v if v is not None and not f else plain(v, f, t.unit, export.threshold)
                        for v, f in values
                    ),
                ],
            )
        sheet.column_dimensions["A"].width = 48
    return _save(book)


def render(export: ProfileExport, fmt: str, layout: str = "printed") -> bytes:
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")
    if fmt == "xlsx":
        return to_xlsx(export, layout)
    if fmt == "csv":
        return to_csv(export, layout)
    if fmt == "json":
        return to_json(export)
    raise ValueError(f"unknown format {fmt!r}")
