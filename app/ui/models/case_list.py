"""The case list as a paged table model: it asks the service for one page at a time (limit/offset).

Never more rows than the view has scrolled to are loaded, so a centre with 100k cases costs the same as
one with 100. Every query runs through the operation helper; a result that arrives after a newer query
was started is dropped (typing fast never shows an older answer).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QWidget

from app.services import cases
from app.services.cases import CasePage, CaseSummary
from app.services.workspace import Workspace
from app.ui.kit import operations
from app.ui.kit.qt_compat import emit
from app.ui.models.codes import code_label, date_text

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 100
CODE, NAME, STATUS, DESK, OPENED = range(5)
SORT_KEYS = {
    CODE: "code",
    NAME: "name",
    STATUS: "status",
    DESK: "desk",
    OPENED: "opened",
}  # what search_cases can order by


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""
    statuses: tuple[str, ...] | None = cases.OPEN_STATUSES
    help_desk_id: int | None = None
    codes: tuple[str, ...] | None = None
    """Only these case codes (the cases a data-quality check found), or None."""
    order_by: str = "code"
    descending: bool = True


class CaseListModel(QAbstractTableModel):
    """Emits `loaded(total)` after each new query has its first page."""

    loaded = Signal(int)

    def __init__(self, workspace: Workspace, owner: QWidget) -> None:
        super().__init__(owner)
        self.workspace = workspace
        self.owner = owner
        self.query = CaseQuery()
        self.rows: list[CaseSummary] = []
        self.total = 0
        self.page_size = PAGE_SIZE
        self._latest = operations.Latest(owner)
        self._fetching = False

    # --- querying ----------------------------------------------------------------------------------
    def set_query(self, query: CaseQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        self._latest.start()
        query, ws, size = self.query, self.workspace, self.page_size
        self._fetching = True
        self._latest.run(lambda: _search(ws, query, size, 0), self._first_page, self._done)

    def _first_page(self, page: CasePage) -> None:
        self.beginResetModel()
        self.rows = list(page.items)
        self.total = page.total
        self.endResetModel()
        emit(self.loaded, page.total)

    def _done(self) -> None:
        self._fetching = False

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        query, ws, size, offset = self.query, self.workspace, self.page_size, len(self.rows)
        self._latest.run(
            lambda: _search(ws, query, size, offset), lambda page: self._more(offset, page), self._done
        )

    def _more(self, offset: int, page: CasePage) -> None:
        if offset != len(self.rows) or not page.items:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.items) - 1)
        self.rows.extend(page.items)
        self.endInsertRows()
        self.total = page.total

    def clear(self) -> None:
        self._latest.cancel()
        self._fetching = False
        self.beginResetModel()
        self.rows = []
        self.total = 0
        self.endResetModel()

    def case_at(self, row: int) -> CaseSummary | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # --- sorting (only what the service can order by) ---------------------------------------------------
    @staticmethod
    def sortable(column: int) -> bool:
        return column in SORT_KEYS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS:
            return
        self.set_query(
            replace(self.query, order_by=SORT_KEYS[column], descending=order == Qt.SortOrder.DescendingOrder)
        )

    # --- the table -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        case = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == CODE:
                return case.code
            if column == NAME:
                return case.display_name
            if column == STATUS:
                return code_label("case_status", case.status)
            if column == DESK:
                return case.help_desk_name
            return date_text(case.opened_on)
        if role == Qt.ItemDataRole.UserRole:
            return case.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                QCoreApplication.translate("CaseList", "Code"),
                QCoreApplication.translate("CaseList", "Name"),
                QCoreApplication.translate("CaseList", "Status"),
                QCoreApplication.translate("CaseList", "Help desk"),
                QCoreApplication.translate("CaseList", "Opened on"),
            ][section]
        if role == Qt.ItemDataRole.ToolTipRole and section not in SORT_KEYS:
            return QCoreApplication.translate("CaseList", "This column cannot be sorted yet")
        return None


def _search(ws: Workspace, query: CaseQuery, limit: int, offset: int) -> CasePage:
    return cases.search_cases(
        ws,
        query.text,
        statuses=query.statuses,
        help_desk_id=query.help_desk_id,
        codes=query.codes,
        order_by=query.order_by,
        descending=query.descending,
        limit=limit,
        offset=offset,
    )
