"""Printing a report on paper. PySide6-Essentials has no QtPdf, so the printer gets a QTextDocument built
from the same protected tables and texts as the PDF (`releases.document`); only the charts are left out.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from app.reports.pdf import ReportDocument
from app.reports.tables import AggregateTable
from app.ui.kit.table_preview import cell_text, unit_label

_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #1f2430; }
h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14px; } h3 { font-size: 10pt; }
table { border-collapse: collapse; margin-bottom: 8px; }
th, td { border: 1px solid #c9ccd3; padding: 3px 6px; }
th { background: #eceef2; }
td.num { text-align: right; }
td.hidden { text-align: right; color: #7a808c; background: #f0f1f3; }
p.note { color: #5f6675; font-size: 8pt; }
"""


def _table_html(table: AggregateTable, k: int, lang: str) -> str:
    total_col = len(table.cols) > 1
    heads = [table.label_col(c) for c in table.cols]
    if len(table.cols) == 1 and table.cols[0] == "N":
        heads = [unit_label(table.unit)]
    if total_col:
        heads.append(QCoreApplication.translate("ReportPrint", "Total"))
    lower = table.lower_bound

    def td(value: object, low: bool) -> str:
        text = cell_text(value, low, table.unit, k, lang)  # type: ignore[arg-type]
        return f'<td class="{"hidden" if value is None else "num"}">{escape(text)}</td>'

    out = ["<table><tr><th></th>", *(f"<th>{escape(h)}</th>" for h in heads), "</tr>"]
    for i, row in enumerate(table.cells):
        out.append(f"<tr><th align='left'>{escape(table.label_row(table.rows[i]))}</th>")
        out.extend(td(v, bool(lower and lower[i][j])) for j, v in enumerate(row))
        if total_col:
            out.append(td(table.row_totals[i], False))
        out.append("</tr>")
    if table.additive:
        total_label = escape(QCoreApplication.translate("ReportPrint", "Total"))
        out.append(f"<tr><th align='left'>{total_label}</th>")
        out.extend(td(v, False) for v in table.col_totals)
        if total_col:
            out.append(td(table.total, False))
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def report_html(doc: ReportDocument) -> str:
    parts = [
        f"<html><head><style>{_CSS}</style></head><body>",
        f"<h1>{escape(doc.title)}</h1>",
        f"<p><b>{escape(doc.centre)}</b><br>{escape(', '.join(doc.desks))}<br>{escape(doc.period_label)}</p>",
        f"<p class='note'>{escape(doc.method_note)}</p>",
    ]
    for section in doc.sections:
        parts.append(f"<h2>{escape(section.title)}</h2>")
        for table in section.tables:
            parts.append(f"<h3>{escape(table.title)}</h3>")
            parts.append(_table_html(table, doc.threshold, doc.lang))
    if doc.footer_note:
        parts.append(f"<p class='note'>{escape(doc.footer_note)}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def exec_print_dialog(printer: QPrinter, parent: QWidget | None) -> bool:
    """The one place the print dialog blocks; tests replace it (e.g. to print into a PDF file)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ReportPrint", "Print the report"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_document(doc: ReportDocument, printer: QPrinter) -> None:
    text = QTextDocument()
    text.setHtml(report_html(doc))
    text.print_(printer)
