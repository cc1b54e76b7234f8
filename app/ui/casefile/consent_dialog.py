"""Record a consent given or withdrawn; a withdrawal is confirmed after explaining what follows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QWidget

from app.services import cases
from app.services.cases import CURRENT_NOTICE_VERSION, CaseFile
from app.ui.casefile.base import CaseContext, CaseDialog
from app.ui.casefile.close_dialog import CodeConfirmation
from app.ui.kit import messages
from app.ui.kit.fields import CodeCombo, DateEdit, hint
from app.ui.models.codes import code_label


class ConsentDialog(CaseDialog):
    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("Record consent"), parent)
        self.scope = CodeCombo("consent_scope")
        self.scope.setAccessibleName(self.tr("Consent scope"))
        self.granted = QRadioButton(self.tr("She &gives consent"))
        self.withdrawn = QRadioButton(self.tr("She &withdraws consent"))
        self.granted.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.granted)
        group.addButton(self.withdrawn)
        choice = QHBoxLayout()
        choice.addWidget(self.granted)
        choice.addWidget(self.withdrawn)
        choice.addStretch(1)
        self.partner = CodeCombo("referral_destination", empty=self.tr("— the whole network —"))
        self.partner.setAccessibleName(self.tr("Network service"))
        self.date = DateEdit()
        self.date.setAccessibleName(self.tr("Date"))
        self.form.addRow(self.tr("&Scope:"), self.scope)
        self.form.addRow("", choice)
        self.form.addRow(self.tr("Network se&rvice:"), self.partner)
        self.form.addRow(self.tr("&Date:"), self.date)
        self.form.addRow(
            "", hint(self.tr("Privacy notice version {version}.").format(version=CURRENT_NOTICE_VERSION))
        )
        # withdrawing the processing consent erases her identity: confirmed like an erasure
        self.warning = hint("")
        self.confirm = CodeConfirmation(case.code)
        self.form.addRow(self.warning)
        self.form.addRow(self.confirm.label(), self.confirm)
        self.confirm.textChanged.connect(self._choice_changed)
        self.withdrawn.toggled.connect(self._choice_changed)
        self.errors.bind("scope", self.scope)
        self.errors.bind("partner", self.partner)
        self.errors.bind("date", self.date)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self._scope_changed()

    def erases(self) -> bool:
        return self.withdrawn.isChecked() and self.scope.code() == "TRATTAMENTO"

    @Slot()
    def _scope_changed(self) -> None:
        self.partner.setEnabled(self.scope.code() == "CONDIVISIONE_RETE")
        self._choice_changed()

    @Slot()
    def _choice_changed(self) -> None:
        erases = self.erases()
        self.warning.setText(self.consequence() if erases else "")
        self.warning.setVisible(erases)
        self.confirm.setVisible(erases)
        label = self.form.labelForField(self.confirm)
        if label is not None:
            label.setVisible(erases)
        self.ok_button.setEnabled(not erases or self.confirm.matches())

    def problem(self) -> str | None:
        return super().problem() or (self.confirm.problem() if self.erases() else None)

    def consequence(self) -> str:
        scope = self.scope.code()
        if scope == "TRATTAMENTO":
            return self.tr(
                "Her name, contacts and every free-text note will be erased at once, and nothing more can be "
                "recorded in this case. Only anonymous statistical data stay. This cannot be undone."
            )
        if scope == "CONTATTO_SICURO":
            return self.tr("Nobody may contact her any more: the case file will show “DO NOT CONTACT”.")
        if scope == "STATISTICHE":
            return self.tr("She will be left out of every statistical report from now on.")
        return self.tr("Referrals that share her data with this service will be refused.")

    def submit(self) -> None:
        if self.withdrawn.isChecked() and not self.erases() and self.problem() is None:
            answer = messages.ask(
                self,
                self.tr("Withdraw consent"),
                self.tr("Record that {code} withdraws consent to: {scope}?").format(
                    code=self.case_code, scope=code_label("consent_scope", self.scope.code())
                ),
                details=self.consequence(),
                icon=messages.Icon.Warning,
            )
            if answer != messages.Button.Yes:
                return
        super().submit()

    def work(self) -> Callable[[], None]:
        ws, case_id, scope = self.workspace, self.case_id, self.scope.code()
        granted, day = self.granted.isChecked(), self.date.day()
        partner = self.partner.code() if scope == "CONDIVISIONE_RETE" else ""
        return lambda: cases.record_consent(ws, case_id, scope, granted, day, partner=partner)
