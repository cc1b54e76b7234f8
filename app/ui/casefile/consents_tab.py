"""Consents: the current state, the history of every grant and withdrawal, and recording a change."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.cases import CaseFile
from app.ui.casefile.base import CaseContext, CaseTab, table_view
from app.ui.casefile.consent_dialog import ConsentDialog
from app.ui.models.codes import code_label, date_text
from app.ui.models.rows import RowsModel


class ConsentsTab(CaseTab):
    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = RowsModel(
            [
                self.tr("Date"),
                self.tr("Scope"),
                self.tr("Decision"),
                self.tr("Network service"),
                self.tr("Notice"),
            ]
        )
        self.table = table_view(self.model, self.tr("Consent history"))
        self.record_button = QPushButton(self.tr("Record consent or &withdrawal…"))
        self.record_button.clicked.connect(self.record)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_case(self, case: CaseFile) -> None:
        super().show_case(case)
        yes, no = self.tr("yes"), self.tr("no")
        self.summary.setText(
            self.tr("Now — processing: {p}  ·  safe contact: {c}  ·  anonymous statistics: {s}").format(
                p=yes if case.processing_consent else no,
                c=yes if case.contact_allowed else no,
                s=yes if case.statistics_allowed else no,
            )
        )
        self.model.set_rows(
            [
                (
                    n,
                    [
                        date_text(c.date),
                        code_label("consent_scope", c.scope),
                        self.tr("given") if c.granted else self.tr("withdrawn"),
                        code_label("referral_destination", c.partner) if c.partner else "",
                        c.notice_version,
                    ],
                )
                for n, c in enumerate(reversed(case.consents))
            ]
        )
        self.record_button.setEnabled(case.processing_consent)

    @Slot()
    def record(self) -> None:
        if self.case is not None:
            self.open_dialog(ConsentDialog(self.context, self.case, self.window()))

    def clear(self) -> None:
        super().clear()
        self.summary.clear()
        self.model.clear()
