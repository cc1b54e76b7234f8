"""One protected aggregate table on screen, laid out like the printed report.

Suppressed values read "<k" in grey, with a tooltip saying why; values known only from below (after a
network merge) read "≥ n". Numbers are right-aligned. The widget is as tall as its rows: the page
scrolls, not each table.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.reports.formatting import format_number
from app.reports.tables import AggregateTable, Number, Unit, hidden_marker
from app.ui.kit.theme import MUTED

SUPPRESSED_BACKGROUND = "#eef0f3"


def cell_text(value: Number | None, lower: bool, unit: Unit, k: int, lang: str) -> str:
    if value is None:
        return hidden_marker(unit, k)
    text = format_number(value, unit, lang)
    return f"≥ {text}" if lower else text


def unit_label(unit: Unit) -> str:
    labels = {
        Unit.WOMEN: QCoreApplication.translate("TablePreview", "women"),
        Unit.CONTACTS: QCoreApplication.translate("TablePreview", "contacts"),
        Unit.SERVICES: QCoreApplication.translate("TablePreview", "services"),
        Unit.HOURS: QCoreApplication.translate("TablePreview", "hours"),
        Unit.REFERRALS: QCoreApplication.translate("TablePreview", "referrals"),
        Unit.MINORS: QCoreApplication.translate("TablePreview", "minors"),
    }
    return labels.get(unit, str(unit))


class TablePreview(QTableWidget):
    """Read-only grid of one AggregateTable; `suppressed_cells()` counts the "<k" shown (tests, summary)."""

    def __init__(self, table: AggregateTable, k: int, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.k = k
        self.lang = lang
        self.setObjectName("tablePreview")
        self.setAccessibleName(table.title)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the page scrolls
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self._fitted = False
        self._fill()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._fit()

    # --- contents --------------------------------------------------------------------------------------
    def _fill(self) -> None:
        table = self.table
        total_col = len(table.cols) > 1
        total_row = table.additive
        heads = [table.label_col(c) for c in table.cols]
        if len(table.cols) == 1 and table.cols[0] == "N":
            heads = [unit_label(table.unit)]
        if total_col:
            heads.append(QCoreApplication.translate("TablePreview", "Total"))
        rows = [table.label_row(r) for r in table.rows] + (
            [QCoreApplication.translate("TablePreview", "Total")] if total_row else []
        )
        self.setColumnCount(len(heads))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels(heads)
        self.setVerticalHeaderLabels(rows)
        lower = table.lower_bound
        for i, values in enumerate(table.cells):
            for j, value in enumerate(values):
                self._set(i, j, value, bool(lower and lower[i][j]))
            if total_col:
                self._set(
                    i, len(table.cols), table.row_totals[i], self._margin_lower(table.row_lower_bound, i)
                )
        if total_row:
            last = len(table.rows)
            for j, value in enumerate(table.col_totals):
                self._set(last, j, value, self._margin_lower(table.col_lower_bound, j), bold=True)
            if total_col:
                self._set(last, len(table.cols), table.total, bool(table.total_lower_bound), bold=True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(90)
        vertical = self.verticalHeader()
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    @staticmethod
    def _margin_lower(flags: list[bool] | None, index: int) -> bool:
        return bool(flags and flags[index])

    def _set(self, row: int, col: int, value: Number | None, lower: bool, bold: bool = False) -> None:
        item = QTableWidgetItem(cell_text(value, lower, self.table.unit, self.k, self.lang))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        if value is None:
            item.setData(Qt.ItemDataRole.UserRole, "suppressed")
            item.setForeground(QBrush(QColor(MUTED)))
            item.setBackground(QBrush(QColor(SUPPRESSED_BACKGROUND)))
            item.setToolTip(
                QCoreApplication.translate(
                    "TablePreview",
                    "Not published: below {k} after the small change that protects the women (zero included), "
                    "or, for hours and services, fewer than {k} women stand behind it.",
                ).format(k=self.k)
            )
        elif lower:
            item.setData(Qt.ItemDataRole.UserRole, "lower")
            item.setToolTip(
                QCoreApplication.translate(
                    "TablePreview", "At least this much: some of the merged packages had this value hidden."
                )
            )
        if bold:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        self.setItem(row, col, item)

    def _fit(self) -> None:
        """Exactly as wide and tall as the contents (measured again once styled, when first shown)."""
        self._size_columns()
        columns = sum(self.columnWidth(c) for c in range(self.columnCount()))
        width = columns + self._size_row_header() + 2 * self.frameWidth() + 2
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        height = rows + self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth() + 2
        self.setFixedSize(QSize(width, height))

    def _size_columns(self) -> None:
        """From the texts themselves: Qt's own measure only looks at the rows in view."""
        header = self.horizontalHeader()
        for col in range(self.columnCount()):
            widest = header.sectionSizeFromContents(col).width()
            for row in range(self.rowCount()):
                item = self.item(row, col)
                if item is not None:
                    widest = max(widest, QFontMetrics(item.font()).horizontalAdvance(item.text()) + 28)
            self.setColumnWidth(col, max(widest, header.minimumSectionSize()))

    def _size_row_header(self) -> int:
        vertical = self.verticalHeader()
        metrics = QFontMetrics(vertical.font())
        labels = [self.verticalHeaderItem(r) for r in range(self.rowCount())]
        widest = max((metrics.horizontalAdvance(i.text()) + 32 for i in labels if i is not None), default=0)
        width = max(widest, 240)
        vertical.setFixedWidth(width)
        return width

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:
            self._fitted = True
            self._fit()
        super().showEvent(event)

    def suppressed_cells(self) -> int:
        return sum(
            1
            for r in range(self.rowCount())
            for c in range(self.columnCount())
            if (item := self.item(r, c)) is not None and item.data(Qt.ItemDataRole.UserRole) == "suppressed"
        )
