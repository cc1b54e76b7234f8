"""The files a profile export writes: XLSX, CSV and JSON of the same protected tables.

Every format shows each value as the release published it: a number, `<k` (or `n.p.` for an amount)
where it is hidden, `≥ n` where it is a sum with a hidden part (a lower bound). Nothing is computed here;
the values come from `profiles.apply` over the tables of the signed package.

CSV: **one file** with the tables one after the other (title, unit and period lines, a header, the rows,
a blank line), UTF-8 with a byte-order mark and `;` between values, decimals with a comma. That is what
Excel set to Italian opens with a double click: the BOM makes it read UTF-8 (accents), `;` is its list
separator where the comma is the decimal mark. One file rather than a zip of files because the person
who receives it opens it, reads it top to bottom and prints it, as she does the PDF; a zip would have to
be extracted first and then opened file by file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.reports import package, profiles, stated
from app.reports.pdf.report import format_number
from app.reports.tables import AggregateTable, Number, Unit, hidden_marker, is_stated
from app.reports.texts import REPORT, texts

FORMATS = ("xlsx", "csv", "json")
JSON_FORMAT = "ascolto-profile-export"
JSON_VERSION = 1


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
    package_digests: list[str]
    lang: str = "it"
    structure_on: str | None = None
    """The day the stated structure tables hold for (the period's last day)."""


def unit_label(unit: Unit | str, lang: str) -> str:
    """The unit as the printed report names it (one catalogue for every output)."""
    return texts(REPORT, lang)[f"unit_{Unit(unit).value}"]


Line = tuple[str, list[tuple[Number | None, bool]]]
"""One printed row: its label and its values with their lower-bound flags."""


def lines(table: AggregateTable, lang: str) -> tuple[list[str], list[Line]]:
    """The header and the rows as printed: each row's cells then its total, then the totals row.

    A one-column table prints its column only (its row totals are the same values, same records).
    """
    cells, rows, cols, total = package.resolved_lower_bounds(table)
    word = "Total" if lang == "en" else "Totale"
    one = len(table.cols) == 1
    header = (
        ["", unit_label(table.unit, lang).capitalize()]
        if one
        else ["", *map(table.label_col, table.cols), word]
    )
    out: list[Line] = []
    for i, code in enumerate(table.rows):
        values = list(zip(table.cells[i], cells[i], strict=True))
        out.append((table.label_row(code), values if one else [*values, (table.row_totals[i], rows[i])]))
    margin = list(zip(table.col_totals, cols, strict=True))
    out.append((word, [(table.total, total)] if one else [*margin, (table.total, total)]))
    return header, out


def shown(value: Number | None, lower: bool, unit: Unit | str, k: int, lang: str = "it") -> str:
    """A value as printed (the PDF's text): a number, `<k`/`n.p.`, or `≥ n`."""
    if value is None:
        return hidden_marker(unit, k)
    text = format_number(value, unit, lang)
    return f"≥ {text}" if lower else text


def _meta_lines(export: ProfileExport, table: AggregateTable) -> list[str]:
    en = export.lang == "en"
    head = [
        table.title,
        ("Unit: " if en else "Unità: ") + unit_label(table.unit, export.lang),
        ("Period: " if en else "Periodo: ") + export.period_label,
    ]
    if is_stated(table.unit):
        return [*head, stated.note(export.structure_on, export.lang)]
    return [
        *head,
        ("Not published: " if en else "Non pubblicati: ")
        + f"<{export.threshold} "
        + (
            "(fewer than k after perturbation), ≥ n: a sum with a hidden part"
            if en
            else "(meno di k dopo la perturbazione), ≥ n: somma con una parte nascosta"
        ),
    ]


# --- JSON -------------------------------------------------------------------------------------------------
def to_json(export: ProfileExport) -> bytes:
    """A self-describing document: hidden values are null with their marker, lower bounds flagged."""
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
                "hidden_marker": hidden_marker(t.unit, export.threshold),
                "rows": [{"code": r, "label": t.label_row(r)} for r in t.rows],
                "cols": [{"code": c, "label": t.label_col(c)} for c in t.cols],
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
        "tables": tables,
        "pending": [{"id": x.id, "title": x.title, "needs": x.needs} for x in p.pending],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --- CSV ---------------------------------------------------------------------------------------------------
def to_csv(export: ProfileExport) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    p = export.profile
    writer.writerow([p.title])
    writer.writerow([export.centre, ", ".join(export.desks), export.period_label])
    writer.writerow([])
    for t in export.tables:
        for line in _meta_lines(export, t):
            writer.writerow([line])
        header, rows = lines(t, export.lang)
        writer.writerow(header)
        for name, values in rows:
            writer.writerow([name, *(shown(v, f, t.unit, export.threshold, export.lang) for v, f in values)])
        writer.writerow([])
    for x in p.pending:
        writer.writerow(
            [("Not yet produced: " if export.lang == "en" else "Non ancora prodotta: ") + x.title]
        )
    writer.writerow([export.method_note])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


# --- XLSX --------------------------------------------------------------------------------------------------
def _sheet_name(text: str, used: set[str]) -> str:
    base = "".join(ch for ch in text if ch not in "[]:*?/\\")[:31] or "tabella"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def to_xlsx(export: ProfileExport) -> bytes:
    """One sheet per table (title, unit, period, the `<k` legend and the method note above the grid),
    after a first sheet describing the export. Published numbers are numbers; hidden values and lower
    bounds are text, so that a sum in the spreadsheet never passes them off as exact."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    en = export.lang == "en"
    book = Workbook()
    cover = book.active
    assert cover is not None
    used: set[str] = set()
    cover.title = _sheet_name("Export" if en else "Esportazione", used)
    p = export.profile
    cover_lines: list[Sequence[Any]] = [
        [p.title],
        ["Profile" if en else "Profilo", f"{p.id} v{p.version}"],
        ["Centre" if en else "Centro", export.centre],
        ["Help desks" if en else "Sportelli", ", ".join(export.desks)],
        ["Period" if en else "Periodo", export.period_label],
        ["Method" if en else "Metodo", export.method_note],
        [
            "Signed packages (SHA-256)" if en else "Pacchetti firmati (SHA-256)",
            ", ".join(export.package_digests),
        ],
    ]
    for x in p.pending:
        cover_lines.append(["Not yet produced" if en else "Non ancora prodotta", x.title])
    for line in cover_lines:
        cover.append(list(line))
    cover["A1"].font = Font(bold=True, size=13)
    cover.column_dimensions["A"].width = 28
    cover.column_dimensions["B"].width = 90
    for t in export.tables:
        sheet = book.create_sheet(_sheet_name(t.id, used))
        for line in _meta_lines(export, t):
            sheet.append([line])
        sheet.append([export.method_note])
        sheet["A1"].font = Font(bold=True, size=12)
        sheet.append([])
        header, rows = lines(t, export.lang)
        sheet.append(header)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for name, values in rows:
            sheet.append(
                [
                    name,
                    *(
                        v if v is not None and not f else shown(v, f, t.unit, export.threshold, export.lang)
                        for v, f in values
                    ),
                ]
            )
        sheet.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def render(export: ProfileExport, fmt: str) -> bytes:
    if fmt == "xlsx":
        return to_xlsx(export)
    if fmt == "csv":
        return to_csv(export)
    if fmt == "json":
        return to_json(export)
    raise ValueError(f"unknown format {fmt!r}")
