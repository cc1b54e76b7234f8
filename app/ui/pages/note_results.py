"""The table of a search in the notes, shown by the case list in place of its own table.

Enter or a double-click opens the case file at the tab that shows the note found.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.services.workspace import Workspace
from app.ui.kit.qt_compat import emit
from app.ui.models.note_list import CODE, DESK, FOUND, NAME, SNIPPET, TABS, NoteListModel, SnippetDelegate


class NoteResults(QTableView):
    """Emits `open_requested(case_id, tab)` on Enter or double-click."""

    open_requested = Signal(int, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteTable")
        self.setAccessibleName(self.tr("Cases whose notes hold the words"))
        self.model_ = NoteListModel(workspace, self)
        self.setModel(self.model_)
        self.setItemDelegateForColumn(SNIPPET, SnippetDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(32)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SNIPPET, QHeaderView.ResizeMode.Stretch)
        for column, width in ((CODE, 140), (NAME, 170), (DESK, 150), (FOUND, 250)):
            header.resizeSection(column, width)
        self.activated.connect(self._activated)

    def select_first(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.selectRow(0)
        self.setCurrentIndex(self.model_.index(0, 0))

    def open_row(self, row: int) -> None:
        hit = self.model_.hit_at(row)
        if hit is not None:
            emit(self.open_requested, hit.case_id, TABS.get(hit.field, ""))

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        self.open_row(index.row())
