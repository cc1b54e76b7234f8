"""Referrals (invii) to network services: list, add, record the outcome."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.services import cases
from app.services.cases import CaseFile, ReferralInput, ReferralView
from app.ui.casefile.base import CaseContext, CaseDialog, CaseTab, selected_key, table_view
from app.ui.kit.fields import CodeCombo, DateEdit, OptionalSpin, hint, notes_edit
from app.ui.models.codes import code_label, date_text
from app.ui.models.rows import RowsModel


class ReferralDialog(CaseDialog):
    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("New referral — {code}").format(code=case.code), parent)
        self.date = DateEdit()
        self.date.setAccessibleName(self.tr("Date"))
        self.destination = CodeCombo("referral_destination")
        self.destination.setAccessibleName(self.tr("Destination"))
        self.outcome = CodeCombo("referral_outcome")
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome_on = DateEdit()
        self.outcome_on.setAccessibleName(self.tr("Date of the outcome"))
        self.shares = QCheckBox(self.tr("Her data are &shared with this service"))
        self.children_count = OptionalSpin(0, 30)
        self.children_count.setAccessibleName(self.tr("Children referred with her"))
        self.notes = notes_edit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.form.addRow(self.tr("&Date:"), self.date)
        self.form.addRow(self.tr("D&estination:"), self.destination)
        self.form.addRow(self.tr("O&utcome:"), self.outcome)
        self.form.addRow(self.tr("Outcome o&n:"), self.outcome_on)
        self.form.addRow("", self.shares)
        self.form.addRow(
            "", hint(self.tr("Only if she consented to sharing with this service (Consents tab)."))
        )
        self.form.addRow(self.tr("C&hildren with her:"), self.children_count)
        self.form.addRow(self.tr("N&otes:"), self.notes)
        for field, widget in (
            ("date", self.date),
            ("destination", self.destination),
            ("outcome", self.outcome),
            ("outcome_on", self.outcome_on),
            ("shares_data", self.shares),
            ("children_count", self.children_count),
            ("notes", self.notes),
        ):
            self.errors.bind(field, widget)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()

    @Slot()
    def _outcome_changed(self) -> None:
        """A known outcome has a date (today unless she corrects it); a pending one has none."""
        self.outcome_on.setEnabled(self.outcome.code() != "IN_ATTESA")

    def work(self) -> Callable[[], int]:
        ws, case_id = self.workspace, self.case_id
        decided = self.outcome.code() != "IN_ATTESA"
        referral = ReferralInput(
            date=self.date.day(),
            destination=self.destination.code(),
            outcome=self.outcome.code(),
            shares_data=self.shares.isChecked(),
            children_count=self.children_count.value_or_none() or 0,
            notes=self.notes.toPlainText().strip(),
            outcome_on=self.outcome_on.day() if decided else None,
        )
        return lambda: cases.add_referral(ws, case_id, referral)


class OutcomeDialog(CaseDialog):
    def __init__(
        self, context: CaseContext, case: CaseFile, referral: ReferralView, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, case, self.tr("Outcome of the referral"), parent)
        self.referral_id = referral.id
        self.outcome = CodeCombo("referral_outcome")
        self.outcome.set_code(referral.outcome)
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.date = DateEdit()
        self.date.setAccessibleName(self.tr("Date of the outcome"))
        self.form.addRow(
            "",
            hint(code_label("referral_destination", referral.destination) + " · " + date_text(referral.date)),
        )
        self.form.addRow(self.tr("O&utcome:"), self.outcome)
        self.form.addRow(self.tr("&Date:"), self.date)
        self.errors.bind("outcome", self.outcome)
        self.errors.bind("date", self.date)

    def work(self) -> Callable[[], None]:
        ws, referral_id, outcome, day = self.workspace, self.referral_id, self.outcome.code(), self.date.day()
        return lambda: cases.update_referral_outcome(ws, referral_id, outcome, day)


class ReferralsTab(CaseTab):
    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = RowsModel(
            [
                self.tr("Date"),
                self.tr("Destination"),
                self.tr("Outcome"),
                self.tr("Outcome on"),
                self.tr("Data shared"),
                self.tr("Children"),
            ]
        )
        self.table = table_view(self.model, self.tr("Referrals"), stretch=1)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.table.activated.connect(self.record_outcome)
        self.add_button = QPushButton(self.tr("&Add referral…"))
        self.add_button.clicked.connect(self.add)
        self.outcome_button = QPushButton(self.tr("Record outco&me…"))
        self.outcome_button.clicked.connect(self.record_outcome)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.outcome_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.referrals: dict[int, ReferralView] = {}

    def show_case(self, case: CaseFile) -> None:
        super().show_case(case)
        self.referrals = {r.id: r for r in case.referrals}
        self.model.set_rows(
            [
                (
                    r.id,
                    [
                        date_text(r.date),
                        code_label("referral_destination", r.destination),
                        code_label("referral_outcome", r.outcome),
                        date_text(r.outcome_on),
                        self.tr("yes") if r.shares_data else self.tr("no"),
                        str(r.children_count) if r.children_count else "",
                    ],
                )
                for r in reversed(case.referrals)
            ]
        )
        self.add_button.setEnabled(case.processing_consent)
        self._selection()

    @Slot()
    def _selection(self) -> None:
        self.outcome_button.setEnabled(self.writable and selected_key(self.table) is not None)

    @Slot()
    def add(self) -> None:
        if self.case is not None:
            self.open_dialog(ReferralDialog(self.context, self.case, self.window()))

    @Slot()
    def record_outcome(self) -> None:
        referral = self.referrals.get(selected_key(self.table))
        if self.case is not None and referral is not None and self.writable:
            self.open_dialog(OutcomeDialog(self.context, self.case, referral, self.window()))

    def clear(self) -> None:
        super().clear()
        self.referrals = {}
        self.model.clear()
