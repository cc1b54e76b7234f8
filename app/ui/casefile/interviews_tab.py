"""Interviews: the list (newest first), the details of the selected one, and adding one."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.cases import CaseFile, IntakeView
from app.ui.casefile.base import CaseContext, CaseTab, selected_key, table_view
from app.ui.casefile.interview_dialog import InterviewDialog
from app.ui.models.codes import code_label, code_labels, date_text, yes_no
from app.ui.models.rows import RowsModel


class InterviewsTab(CaseTab):
    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = RowsModel(
            [
                self.tr("Date"),
                self.tr("Access channel"),
                self.tr("Forms of violence"),
                self.tr("Relationship"),
                self.tr("Emergency"),
            ]
        )
        self.table = table_view(self.model, self.tr("Interviews"), stretch=2)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setObjectName("caseMeta")
        self.add_button = QPushButton(self.tr("&Add interview…"))
        self.add_button.clicked.connect(self.add)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        self.intakes: dict[int, IntakeView] = {}

    def show_case(self, case: CaseFile) -> None:
        super().show_case(case)
        self.intakes = {i.id: i for i in case.intakes}
        self.model.set_rows(
            [
                (
                    i.id,
                    [
                        date_text(i.date),
                        code_label("access_channel", i.access_channel),
                        code_labels("violence_form", i.violence_forms),
                        code_label("relationship", i.relationship),
                        self.tr("yes") if i.emergency else "",
                    ],
                )
                for i in reversed(case.intakes)
            ]
        )
        self.details.clear()
        self.add_button.setEnabled(case.processing_consent)
        if case.intakes:
            self.table.selectRow(0)

    @Slot()
    def _selected(self) -> None:
        intake = self.intakes.get(selected_key(self.table))
        if intake is None:
            self.details.clear()
            return
        lines = [
            self.tr("First contact mode: {v}").format(
                v=code_label("first_contact_mode", intake.first_contact_mode)
            ),
            self.tr("Duration of the violence: {v}").format(
                v=code_label("violence_duration", intake.violence_duration)
            ),
            self.tr("Report to the authorities: {v}").format(
                v=code_label("police_report", intake.police_report)
            ),
            self.tr("Complaint withdrawn: {v}").format(v=yes_no(intake.complaint_withdrawn)),
            self.tr("Protective measures requested: {v}").format(
                v=code_labels("protective_measure", intake.measures_requested)
            ),
            self.tr("Protective measures obtained: {v}").format(
                v=code_labels("protective_measure", intake.measures_obtained)
            ),
        ]
        if intake.notes:
            lines.append(self.tr("Notes: {v}").format(v=intake.notes))
        self.details.setText("\n".join(lines))

    @Slot()
    def add(self) -> None:
        if self.case is not None:
            self.open_dialog(InterviewDialog(self.context, self.case, self.window()))

    def clear(self) -> None:
        super().clear()
        self.intakes = {}
        self.model.clear()
        self.details.clear()
