"""How numbers, dates and cells are written: for people (the PDF, the printed layouts, the preview) and
for software (plain numbers, text that no spreadsheet runs as a formula).

One place, so that the PDF renderer, the files of an export profile and the on-screen preview write a
value the same way, and none of them imports another's module to do so.
"""

from __future__ import annotations

from datetime import date

from app.reports.tables import AggregateTable, Number, Unit
from app.reports.texts import REPORT, texts

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (or a DDE call) rather than as text."""

ROWS_THAT_CANNOT_OCCUR: dict[str, frozenset[str]] = {
    "closures_outcome": frozenset({"CONTATTO", "IN_ACCOGLIENZA", "IN_CORSO", "SOSPESO"}),
}
"""Rows of a table that no record can reach, left out of what people read when nobody is there.

A pathway closes with an outcome (`cases.CLOSING_STATUSES`): "in corso" or "sospeso" among the closed
pathways is a row of zeros that only makes a reader wonder. The package keeps every row (the network
merge checks the code lists); only the printed tables leave them out, and only while they are empty.
"""


def format_number(value: Number, unit: Unit | str = Unit.WOMEN, lang: str = "it") -> str:
    """A count or a number of hours the way the reader's language writes it (for people).

    Whole numbers print without decimals (counts, and hours since disclosure control rounds them);
    hours of a version-1 package may carry one decimal. Italian uses "." for thousands and "," for decimals.
    """
    decimals = 1 if isinstance(value, float) and not float(value).is_integer() else 0
    text = f"{value:,.{decimals}f}"
    if lang == "it":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def plain_number(value: Number, decimal: str = ",") -> str:
    """A number for software: no thousands separator, `decimal` before the decimals (2629, 1176,5).

    `2.629` hours, as the printed report writes them, is 2.629 to `pd.to_numeric` and to a spreadsheet
    in another locale; a plain number is read the same everywhere the decimal mark is given.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", decimal)


def format_percent(share: float, lang: str) -> str:
    text = f"{share * 100:.1f}"
    return (text.replace(".", ",") if lang == "it" else text) + "%"


def format_date(day: date, lang: str) -> str:
    """Italian writes the first of the month as an ordinal: "1° ottobre 2026"; English "1 October 2026"."""
    months = texts(REPORT, lang)["months"].split()
    number = "1°" if day.day == 1 and lang == "it" else str(day.day)
    return f"{number} {months[day.month - 1]} {day.year}"


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet would take this text for a formula."""
    return text.startswith(FORMULA_START)


def csv_text(text: str) -> str:
    """Text for a CSV cell that Excel and LibreOffice show as it is: a leading apostrophe before a
    formula's first character (the spreadsheets' own mark for "this is text")."""
    return "'" + text if starts_formula(text) else text


def printed_rows(table: AggregateTable, source: str | None = None) -> list[int]:
    """The indexes of the rows people read: every row but those that cannot occur and are empty
    (`ROWS_THAT_CANNOT_OCCUR`, looked up by `source`, the Ascolto table the rows come from)."""
    gone = ROWS_THAT_CANNOT_OCCUR.get(source or table.id, frozenset())
    return [i for i, code in enumerate(table.rows) if code not in gone or any(v != 0 for v in table.cells[i])]
