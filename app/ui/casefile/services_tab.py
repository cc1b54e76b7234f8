"""Services delivered: the fast entry bar, the list (newest first), and a full form for details."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import cases
from app.services.cases import CaseFile
from app.ui.casefile.appointment import AppointmentBox, scheduling
from app.ui.casefile.base import CaseContext, CaseDialog, CaseTab, table_view
from app.ui.casefile.fast_service import FastServiceBar
from app.ui.kit.field_groups import ServiceFields
from app.ui.kit.fields import CodeCombo, DateEdit, notes_edit
from app.ui.models.codes import code_label, date_text
from app.ui.models.rows import RowsModel


class ServiceDialog(CaseDialog):
    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("New service — {code}").format(code=case.code), parent)
        date = DateEdit()
        date.setAccessibleName(self.tr("Date"))
        self.fields = ServiceFields(self, date, self.tr("Service type"))
        self.date, self.service_type, self.mode = date, self.fields.service_type, self.fields.mode
        self.minutes, self.role = self.fields.minutes, self.fields.role
        self.beneficiary = CodeCombo("beneficiary")
        self.beneficiary.setAccessibleName(self.tr("Beneficiary"))
        self.notes = notes_edit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.fields.add_to(self.form)
        self.form.addRow(self.tr("&For:"), self.beneficiary)
        self.form.addRow(self.tr("N&otes:"), self.notes)
        self.appointment = AppointmentBox(context, case.help_desk_id)
        self.appointment.fields.bind(self.errors)
        self.form.addRow(self.appointment)
        self.fields.bind(self.errors)
        self.errors.bind("beneficiary", self.beneficiary)
        self.errors.bind("notes", self.notes)

    def work(self) -> Callable[[], int]:
        ws, case_id = self.workspace, self.case_id
        service = replace(
            self.fields.value(), beneficiary=self.beneficiary.code(), notes=self.notes.toPlainText().strip()
        )
        return scheduling(
            lambda: cases.add_service(ws, case_id, service), self.context, case_id, self.appointment.value()
        )


class ServicesTab(CaseTab):
    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.bar = FastServiceBar(context)
        self.bar.added.connect(self.changed)
        self.model = RowsModel(
            [
                self.tr("Date"),
                self.tr("Service"),
                self.tr("Mode"),
                self.tr("Minutes"),
                self.tr("Role"),
                self.tr("For"),
            ]
        )
        self.table = table_view(self.model, self.tr("Services delivered"), stretch=1)
        self.total = QLabel()
        self.total.setObjectName("count")
        self.add_button = QPushButton(self.tr("Add with &details…"))
        self.add_button.clicked.connect(self.add)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def show_case(self, case: CaseFile) -> None:
        super().show_case(case)
        self.bar.set_case(case.id, case.processing_consent)
        self.add_button.setEnabled(case.processing_consent)
        self.model.set_rows(
            [
                (
                    s.id,
                    [
                        date_text(s.date),
                        code_label("service_type", s.service_type),
                        code_label("service_mode", s.mode),
                        str(s.minutes),
                        code_label("operator_role", s.operator_role),
                        code_label("beneficiary", s.beneficiary),
                    ],
                )
                for s in case.services
            ]
        )
        minutes = sum(s.minutes for s in case.services)
        self.total.setText(
            self.tr("%n service(s)", "", len(case.services))
            + "  ·  "
            + self.tr("{hours}h {minutes:02d}m in all").format(hours=minutes // 60, minutes=minutes % 60)
        )

    @Slot()
    def add(self) -> None:
        if self.case is not None:
            self.open_dialog(ServiceDialog(self.context, self.case, self.window()))

    def clear(self) -> None:
        super().clear()
        self.bar.clear()
        self.model.clear()
        self.total.clear()
