"""The case list: search as you type, status and help-desk filters, a paged sortable table; or, with
"Search in notes" ticked, the cases whose notes hold the words typed (app/ui/pages/note_results.py)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import accounts, cases
from app.services.accounts import HelpDeskInfo, Role
from app.services.cases import NotePage
from app.services.workspace import Actor, Workspace
from app.ui.kit import operations
from app.ui.kit.qt_compat import emit
from app.ui.models.case_list import SORT_KEYS, CaseListModel, CaseQuery
from app.ui.models.codes import entries
from app.ui.models.note_list import NoteQuery
from app.ui.pages.note_results import NoteResults

SEARCH_DELAY_MS = 200
STATUS_GROUPS = {"open": cases.OPEN_STATUSES, "closed": cases.CLOSING_STATUSES, "all": None}


class CaseListView(QWidget):
    """Emits `open_requested(case_id)` on Enter or double-click (`open_at_requested(case_id, tab)` from a
    search in the notes), `new_requested` for a new intake."""

    open_requested = Signal(int)
    open_at_requested = Signal(int, str)
    new_requested = Signal()

    def __init__(self, workspace: Workspace, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.actor = actor
        self.is_coordinator = actor.at_least(Role.COORDINATRICE)
        heading = QLabel(self.tr("Cases"))
        heading.setObjectName("title")
        self.new_button = QPushButton(self.tr("&New case (intake)…"))
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip(self.tr("Start the intake of a woman: consent first (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_requested)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.new_button)

        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setPlaceholderText(self.tr("Search by case code or name  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status filter"))
        self.status.addItem(self.tr("Open cases"), "open")
        self.status.addItem(self.tr("Closed cases"), "closed")
        self.status.addItem(self.tr("All cases"), "all")
        self.status.insertSeparator(self.status.count())
        for code, text in entries("case_status"):
            if code not in ("ND", "CONTATTO"):
                self.status.addItem(text, code)
        self.status.setMinimumContentsLength(9)  # more when the window is wider: the stretch gives it
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.desk = QComboBox()
        self.desk.setAccessibleName(self.tr("Help desk filter"))
        self.desk.addItem(self.tr("All help desks"), None)
        self.desk.setVisible(self.is_coordinator)
        self.desk.setMinimumContentsLength(9)  # the popup shows the whole name (app/ui/kit/theme.py)
        self.desk.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.search.setMinimumWidth(120)
        self.in_notes = QCheckBox(self.tr("Search in n&otes"))
        self.in_notes.setToolTip(
            self.tr("Find the cases whose notes, interviews, goals and reviews hold every word typed")
        )
        status_label = QLabel(self.tr("&Status:"))
        status_label.setBuddy(self.status)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.in_notes)
        filters.addWidget(status_label)
        filters.addWidget(self.status, 1)
        if self.is_coordinator:
            desk_label = QLabel(self.tr("&Help desk:"))
            desk_label.setBuddy(self.desk)
            filters.addWidget(desk_label)
            filters.addWidget(self.desk, 1)

        self.model = CaseListModel(workspace, self)
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 140), (2, 220), (3, 200), (4, 120)):
            header.resizeSection(column, width)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self._sort = (0, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.activated.connect(self._activated)

        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.results = QStackedWidget()
        self.results.addWidget(self.table)
        self.results.addWidget(self.empty)
        self.notes = NoteResults(workspace)
        self.results.addWidget(self.notes)
        self.count = QLabel()
        self.count.setObjectName("count")

        self.filtered = QLabel()
        self.filtered.setObjectName("hint")
        self.filtered.setWordWrap(True)
        self.show_all_button = QPushButton(self.tr("Show &all cases"))
        self.show_all_button.clicked.connect(self.show_all)
        self.filter_bar = QWidget()
        bar = QHBoxLayout(self.filter_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.filtered, 1)
        bar.addWidget(self.show_all_button)
        self.filter_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.apply_filters)
        self.search.textEdited.connect(self._typed)
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.desk.currentIndexChanged.connect(self.apply_filters)
        self.model.loaded.connect(self._loaded)
        self.in_notes.toggled.connect(self._mode_changed)
        self.notes.model_.loaded.connect(self._notes_loaded)
        self.notes.open_requested.connect(self.open_at_requested)
        self.desks_loaded = False
        self._focus_results = False

    # --- loading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.is_coordinator and not self.desks_loaded:
            self.desks_loaded = True
            ws = self.workspace
            operations.run(self, lambda: accounts.list_help_desks(ws, include_inactive=True), self._desks)
        self.apply_filters()

    def _desks(self, desks: list[HelpDeskInfo]) -> None:
        self.desk.blockSignals(True)
        for desk in desks:
            self.desk.addItem(desk.name, desk.id)
        self.desk.blockSignals(False)

    def query(self) -> CaseQuery:
        key = self.status.currentData()
        statuses = STATUS_GROUPS.get(key, (key,))
        column, order = self._sort
        base = replace(self.model.query, order_by=SORT_KEYS[column])
        return replace(
            base,
            text=self.search.text().strip(),
            statuses=statuses,
            help_desk_id=self.desk.currentData() if self.is_coordinator else None,
            descending=order == Qt.SortOrder.DescendingOrder,
        )

    def show_codes(self, codes: list[str], reason: str) -> None:
        """Only these cases (those a data-quality check found), of every status, to work through one by
        one; the service still shows only the cases she may see."""
        self.search.clear()
        self.status.blockSignals(True)
        self.status.setCurrentIndex(self.status.findData("all"))
        self.status.blockSignals(False)
        self.model.query = replace(self.model.query, codes=tuple(codes))
        self.filtered.setText(reason)
        self.filter_bar.show()
        self.apply_filters()

    @Slot()
    def show_all(self) -> None:
        self.model.query = replace(self.model.query, codes=None)
        self.filter_bar.hide()
        self.apply_filters()

    @Slot()
    def apply_filters(self) -> None:
        self.timer.stop()
        if self.in_notes.isChecked():
            query = self.query()
            self.notes.model_.set_query(NoteQuery(query.text, query.statuses, query.help_desk_id))
            return
        self.model.set_query(self.query())

    @Slot(bool)
    def _mode_changed(self, in_notes: bool) -> None:
        self.search.setPlaceholderText(
            self.tr("Words in the notes  (Ctrl+F)")
            if in_notes
            else self.tr("Search by case code or name  (Ctrl+F)")
        )
        self.notes.model_.clear()
        self.apply_filters()

    @Slot(object)
    def _notes_loaded(self, page: NotePage) -> None:
        if not self.in_notes.isChecked():
            return
        if page.items:
            count = self.tr("%n case(s) whose notes hold the words", "", len(page.items))
            if page.more:
                count += " " + self.tr("(from the most recent notes: add a word to narrow the search)")
            self.count.setText(count)
            self.results.setCurrentWidget(self.notes)
            if self._focus_results:
                self._focus_results = False
                self.notes.select_first()
            return
        if self._focus_results:
            self._focus_results = False
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.count.clear()
        if page.words:
            self.empty.setText(
                self.tr(
                    "No note of the cases you can see holds these words.\nCheck the spelling, or look among all statuses."
                )
            )
        else:
            self.empty.setText(self.tr("Type one or more words to find them in the notes and interviews."))
        self.results.setCurrentWidget(self.empty)

    @Slot(str)
    def _typed(self, _text: str) -> None:
        self.timer.start()

    @Slot(int)
    def _loaded(self, total: int) -> None:
        if self.in_notes.isChecked():
            return  # a page asked for before she ticked "Search in notes"
        if total:
            self.count.setText(self.tr("%n case(s)", "", total))
            self.results.setCurrentWidget(self.table)
            if self._focus_results:
                self._focus_results = False
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self._focus_results:
            self._focus_results = False
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.count.clear()
        text = self.search.text().strip()
        if text:
            self.empty.setText(
                self.tr("No case matches “{text}”.\nCheck the spelling, or look among all statuses.").format(
                    text=text
                )
            )
        elif self.status.currentData() != "open":
            self.empty.setText(self.tr("No case with this status."))
        else:
            self.empty.setText(
                self.tr(
                    "No open cases yet.\nStart with “New case (intake)” when a woman agrees to be followed."
                )
            )
        self.results.setCurrentWidget(self.empty)

    @Slot(int, Qt.SortOrder)
    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.sortable(column):
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sort)
            header.blockSignals(False)
            return
        self._sort = (column, order)
        self.apply_filters()

    # --- keyboard ------------------------------------------------------------------------------------
    def focus_results(self) -> None:
        """Back from a case: focus the table once it is filled (or the search field if nothing matches)."""
        self._focus_results = True
        self.apply_filters()

    @Slot()
    def focus_search(self) -> None:
        """Ctrl+F: the search field keeps the focus when the list arrives (going back to the list asks for
        the results to be focused once they are in; what she types after Ctrl+F is a search)."""
        self._focus_results = False
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search field, Down goes to the results and Enter opens the only (or first) match."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if self.in_notes.isChecked():
                return self._note_key(event) or super().eventFilter(watched, event)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self._select_row(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.timer.isActive():
                    self.apply_filters()
                elif self.model.rowCount() == 1:
                    self._activated(self.model.index(0, 0))
                elif self.model.rowCount():
                    self._select_row(0)
                return True
        return super().eventFilter(watched, event)

    def _note_key(self, event: QKeyEvent) -> bool:
        """Down goes to the notes' results; Enter searches now, or opens the only case found."""
        rows = self.notes.model_.rowCount()
        if event.key() == Qt.Key.Key_Down and rows:
            self.notes.select_first()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.timer.isActive() or not rows:
                self._focus_results = True
                self.apply_filters()
            elif rows == 1:
                self.notes.open_row(0)
            else:
                self.notes.select_first()
            return True
        return False

    def _select_row(self, row: int) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        case = self.model.case_at(index.row())
        if case is not None:
            emit(self.open_requested, case.id)

    def clear(self) -> None:
        self.timer.stop()
        self.model.query = replace(self.model.query, codes=None)
        self.filter_bar.hide()
        self.model.clear()
        self.notes.model_.clear()
        self.search.clear()
        self.count.clear()
        self.empty.clear()
