"""Add an interview (colloquio) to a case."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QScrollArea, QWidget

from app.services import cases
from app.services.cases import CaseFile
from app.ui.casefile.base import CaseContext, CaseDialog
from app.ui.casefile.forms import InterviewForm


class InterviewDialog(CaseDialog):
    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("New interview — {code}").format(code=case.code), parent)
        self.interview = InterviewForm()
        if case.intakes:  # a follow-up interview: how she first arrived is already known
            first = case.intakes[0]
            self.interview.channel.set_code(first.access_channel)
            self.interview.mode.set_code(first.first_contact_mode)
            self.interview.set_background(case.intakes[-1])
        self.interview.bind(self.errors)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.interview)
        self.form.addRow(scroll)
        self.setMinimumWidth(600)
        self.resize(760, 640)  # capped to the screen when shown (FormDialog)

    def work(self) -> Callable[[], int]:
        ws, case_id, value = self.workspace, self.case_id, self.interview.value()
        return lambda: cases.add_intake(ws, case_id, value)
