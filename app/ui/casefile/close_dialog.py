"""Closing a case with its outcome, and erasing her identity (typing the case code to confirm)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLineEdit, QWidget

from app.services import cases
from app.services.cases import CaseFile
from app.ui.casefile.base import CaseContext, CaseDialog
from app.ui.kit import messages
from app.ui.kit.fields import CodeCombo, DateEdit, hint
from app.ui.models.codes import code_label


class CloseCaseDialog(CaseDialog):
    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("Close case {code}").format(code=case.code), parent)
        self.outcome = CodeCombo(
            "case_status", empty=self.tr("— choose the outcome —"), only=cases.CLOSING_STATUSES
        )
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.date = DateEdit()
        self.date.setAccessibleName(self.tr("Closing date"))
        self.form.addRow(self.tr("&Outcome:"), self.outcome)
        self.form.addRow(self.tr("Closed o&n:"), self.date)
        self.form.addRow("", hint(self.tr("The pathway closes with the case. A coordinator can reopen it.")))
        self.ok_button.setText(self.tr("&Close case"))
        self.errors.bind("outcome", self.outcome)
        self.errors.bind("closed_on", self.date)

    def problem(self) -> str | None:
        problem = super().problem()
        if problem:
            return problem
        if not self.outcome.code():
            self.outcome.setFocus()
            return self.tr("Choose the outcome.")
        return None

    @Slot()
    def submit(self) -> None:
        if self.problem() is None:
            answer = messages.ask(
                self,
                self.tr("Close case"),
                self.tr("Close case {code} as “{outcome}”?").format(
                    code=self.case_code, outcome=code_label("case_status", self.outcome.code())
                ),
            )
            if answer != messages.Button.Yes:
                return
        super().submit()

    def work(self) -> Callable[[], None]:
        ws, case_id, outcome, day = self.workspace, self.case_id, self.outcome.code(), self.date.day()
        return lambda: cases.close_case(ws, case_id, outcome, day)


class CodeConfirmation(QLineEdit):
    """The one strong confirmation of an irreversible step: she types the case code."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.setAccessibleName(self.tr("Type the case code to confirm"))
        self.setPlaceholderText(code)

    def label(self) -> str:
        return self.tr("&Type {code} to confirm:").format(code=self.code)

    def matches(self) -> bool:
        return self.text().strip().upper() == self.code.upper()

    def problem(self) -> str | None:
        return None if self.matches() else self.tr("Type the case code exactly.")


class EraseDialog(CaseDialog):
    """A strong confirmation: she types the case code; OK stays disabled until it matches."""

    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("Erase her identity — {code}").format(code=case.code), parent)
        self.form.addRow(
            hint(
                self.tr(
                    "Her name, date of birth, contacts and every free-text note of this case will be erased for "
                    "good. Only the anonymous statistical data stay. This cannot be undone."
                )
            )
        )
        self.confirm = CodeConfirmation(case.code)
        self.form.addRow(self.confirm.label(), self.confirm)
        self.ok_button.setText(self.tr("&Erase"))
        self.ok_button.setEnabled(False)
        self.confirm.textChanged.connect(self._typed)

    @Slot()
    def _typed(self) -> None:
        self.ok_button.setEnabled(self.confirm.matches())

    def problem(self) -> str | None:
        return self.confirm.problem()

    def work(self) -> Callable[[], None]:
        ws, case_id = self.workspace, self.case_id
        return lambda: cases.erase_identity(ws, case_id)
