"""Pathway: agree it, then goals (status changed in place, rewritten in a dialog, earlier versions in a
tooltip) and reviews; the summary says when the next review is planned."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import cases
from app.services.cases import CaseFile, GoalView
from app.ui.casefile.base import CaseContext, CaseTab, table_view
from app.ui.casefile.goal_history import history_tooltip
from app.ui.casefile.next_review import next_review_text
from app.ui.casefile.pathway_dialogs import AgreePathwayDialog, GoalDialog, ReviewDialog
from app.ui.kit import operations
from app.ui.kit.fields import CodeCombo
from app.ui.kit.qt_compat import emit
from app.ui.models.codes import code_label, date_text
from app.ui.models.rows import RowsModel


class PathwayTab(CaseTab):
    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.agree_button = QPushButton(self.tr("&Agree the pathway…"))
        self.agree_button.setObjectName("primary")
        self.agree_button.clicked.connect(self.agree)
        self.goal_button = QPushButton(self.tr("Add &goal…"))
        self.goal_button.clicked.connect(self.add_goal)
        self.edit_goal_button = QPushButton(self.tr("&Edit the goal…"))
        self.edit_goal_button.setToolTip(self.tr("Rewrite the selected goal; what it said before is kept"))
        self.edit_goal_button.clicked.connect(self.edit_goal)
        self.review_button = QPushButton(self.tr("Add revie&w…"))
        self.review_button.clicked.connect(self.add_review)
        buttons = QHBoxLayout()
        buttons.addWidget(self.goal_button)
        buttons.addWidget(self.edit_goal_button)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.agree_button)  # last: once agreed it goes, and nothing moves
        buttons.addStretch(1)
        self.goals = QTableWidget(0, 4)
        self.goals.setAccessibleName(self.tr("Goals"))
        self.goals.setHorizontalHeaderLabels(
            [self.tr("Area"), self.tr("Description"), self.tr("Status"), self.tr("Due by")]
        )
        self.goals.verticalHeader().hide()
        self.goals.verticalHeader().setDefaultSectionSize(38)
        self.goals.setShowGrid(False)
        self.goals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.goals.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.goals.setTabKeyNavigation(False)
        self.goals.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.goals.itemSelectionChanged.connect(self._goal_selected)
        self.goals.cellDoubleClicked.connect(lambda _row, _column: self.edit_goal())
        header = self.goals.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.reviews_model = RowsModel([self.tr("Date"), self.tr("Next planned"), self.tr("Review notes")])
        self.reviews = table_view(self.reviews_model, self.tr("Reviews"))
        goals_title = QLabel(self.tr("Goals"))
        goals_title.setObjectName("sectionTitle")
        reviews_title = QLabel(self.tr("Reviews"))
        reviews_title.setObjectName("sectionTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(goals_title)
        layout.addWidget(self.goals, 3)
        layout.addWidget(reviews_title)
        layout.addWidget(self.reviews, 2)
        self.status_combos: dict[int, CodeCombo] = {}
        self.goal_views: list[GoalView] = []

    def show_case(self, case: CaseFile) -> None:
        super().show_case(case)
        pathway = case.pathway
        writable = case.processing_consent
        self.agree_button.setVisible(pathway is None)
        self.agree_button.setEnabled(writable and case.status in cases.OPEN_STATUSES)
        self.goal_button.setEnabled(writable and pathway is not None)
        self.review_button.setEnabled(writable and pathway is not None)
        self._fill_goals(pathway.goals if pathway else [], writable)
        self._goal_selected()
        if pathway is None:
            self.summary.setText(
                self.tr(
                    "No pathway agreed yet. When she agrees a personalised pathway with you, record it here: "
                    "the case is then “taken in charge” and you can set goals."
                )
            )
            self.reviews_model.clear()
            return
        text = self.tr("Agreed on {day}.").format(day=date_text(pathway.agreed_on))
        if pathway.next_review_on and not pathway.closed_on:
            text += " " + self.tr("Next review: {day}.").format(day=next_review_text(pathway.next_review_on))
        if pathway.closed_on:
            text += " " + self.tr("Closed on {day}: {outcome}.").format(
                day=date_text(pathway.closed_on), outcome=code_label("case_status", pathway.outcome)
            )
        if pathway.notes:
            text += "\n" + pathway.notes
        self.summary.setText(text)
        self.reviews_model.set_rows(
            [
                (r.id, [date_text(r.date), date_text(r.next_review_on), r.notes.replace("\n", " ")])
                for r in reversed(pathway.reviews)
            ]
        )

    def _fill_goals(self, goals: list[GoalView], writable: bool) -> None:
        self.goals.setRowCount(0)
        self.status_combos.clear()
        self.goal_views = list(goals)
        for row, goal in enumerate(goals):
            self.goals.insertRow(row)
            description = goal.description
            if goal.history:
                description += "  " + self.tr("(edited {n}×)").format(n=len(goal.history))
            tooltip = history_tooltip(goal)
            for column, text in (
                (0, code_label("goal_area", goal.area)),
                (1, description),
                (3, date_text(goal.due_on)),
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip)
                self.goals.setItem(row, column, item)
            combo = CodeCombo("goal_status")
            combo.set_code(goal.status)
            combo.setEnabled(writable)
            combo.setAccessibleName(self.tr("Status of goal {n}").format(n=row + 1))
            combo.currentIndexChanged.connect(lambda _i, g=goal.id, c=combo: self.set_status(g, c.code()))
            self.status_combos[goal.id] = combo
            self.goals.setCellWidget(row, 2, combo)

    def set_status(self, goal_id: int, status: str) -> None:
        ws = self.context.workspace
        operations.run(self, lambda: cases.update_goal(ws, goal_id, status=status), self._status_saved)

    def _status_saved(self, _result: None) -> None:
        self.context.toast(self.tr("Goal updated"))
        emit(self.changed)

    @Slot()
    def agree(self) -> None:
        if self.case is not None:
            self.open_dialog(AgreePathwayDialog(self.context, self.case, self.window()))

    @Slot()
    def add_goal(self) -> None:
        if self.case is not None:
            self.open_dialog(GoalDialog(self.context, self.case, self.window()))

    def _selected_goal(self) -> GoalView | None:
        rows = self.goals.selectionModel().selectedRows() if self.goals.selectionModel() else []
        return self.goal_views[rows[0].row()] if rows and rows[0].row() < len(self.goal_views) else None

    def _goal_selected(self) -> None:
        self.edit_goal_button.setEnabled(self.writable and self._selected_goal() is not None)

    @Slot()
    def edit_goal(self) -> None:
        goal = self._selected_goal()
        if self.case is not None and self.writable and goal is not None:
            self.open_dialog(GoalDialog(self.context, self.case, self.window(), goal))

    @Slot()
    def add_review(self) -> None:
        if self.case is not None:
            self.open_dialog(ReviewDialog(self.context, self.case, self.window()))

    def clear(self) -> None:
        super().clear()
        self.summary.clear()
        self.goals.setRowCount(0)
        self.status_combos.clear()
        self.goal_views = []
        self.reviews_model.clear()
