"""Risk assessments: level, tool, date and notes (never the items of the instruments)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.services import cases
from app.services.cases import CaseFile
from app.ui.casefile.base import CaseContext, CaseDialog, CaseTab, table_view
from app.ui.casefile.forms import RiskForm
from app.ui.models.codes import code_label, date_text
from app.ui.models.rows import RowsModel


class RiskDialog(CaseDialog):
    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("Risk assessment — {code}").format(code=case.code), parent)
        self.risk = RiskForm(optional=False)
        self.risk.bind(self.errors)
        self.form.addRow(self.risk)

    def problem(self) -> str | None:
        problem = super().problem()
        if problem:
            return problem
        if not self.risk.level.code():
            self.risk.level.setFocus()
            return self.tr("Choose the risk level.")
        return None

    def work(self) -> Callable[[], int]:
        ws, case_id = self.workspace, self.case_id
        day, level, tool, notes = self.risk.value()
        return lambda: cases.add_risk_assessment(ws, case_id, day, level, tool, notes)


class RiskTab(CaseTab):
    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = RowsModel([self.tr("Date"), self.tr("Level"), self.tr("Tool"), self.tr("Notes")])
        self.table = table_view(self.model, self.tr("Risk assessments"))
        self.add_button = QPushButton(self.tr("&Add assessment…"))
        self.add_button.clicked.connect(self.add)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def show_case(self, case: CaseFile) -> None:
        super().show_case(case)
        self.model.set_rows(
            [
                (
                    r.id,
                    [
                        date_text(r.date),
                        code_label("risk_level", r.level),
                        code_label("risk_tool", r.tool),
                        r.notes.replace("\n", " "),
                    ],
                )
                for r in reversed(case.risks)
            ]
        )
        self.add_button.setEnabled(case.processing_consent)

    @Slot()
    def add(self) -> None:
        if self.case is not None:
            self.open_dialog(RiskDialog(self.context, self.case, self.window()))

    def clear(self) -> None:
        super().clear()
        self.model.clear()
