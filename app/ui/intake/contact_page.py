"""Intake without consent to processing: only an anonymous contact is recorded, then the wizard stops."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget, QWizardPage

from app.services.cases import ContactInput
from app.ui.kit.fields import CodeCombo, DateEdit, FieldErrors, error_label


class AnonymousContactPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Anonymous contact"))
        self.setSubTitle(self.tr("She did not consent to processing: no case is opened."))
        notice = QFrame()
        notice.setObjectName("notice")
        text = QLabel(
            self.tr(
                "Only an anonymous count is kept: the date, the help desk, how she reached the centre and how "
                "she made contact. No name, no contact details, no notes. She can come back at any time."
            )
        )
        text.setWordWrap(True)
        notice_layout = QVBoxLayout(notice)
        notice_layout.setContentsMargins(12, 8, 12, 8)
        notice_layout.addWidget(text)
        self.date = DateEdit()
        self.date.setAccessibleName(self.tr("Date"))
        self.channel = CodeCombo("access_channel", empty=self.tr("— choose —"))
        self.channel.setAccessibleName(self.tr("Access channel"))
        self.mode = CodeCombo("first_contact_mode", empty=self.tr("— choose —"))
        self.mode.setAccessibleName(self.tr("First contact mode"))
        self.error = error_label()
        self.errors = FieldErrors(self.error)
        self.errors.bind("date", self.date)
        self.errors.bind("access_channel", self.channel)
        self.errors.bind("first_contact_mode", self.mode)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("Acc&ess channel:"), self.channel)
        form.addRow(self.tr("First con&tact mode:"), self.mode)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(notice)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.setFinalPage(True)

    def nextId(self) -> int:
        return -1

    def value(self) -> ContactInput:
        return ContactInput(
            date=self.date.day(), access_channel=self.channel.code(), first_contact_mode=self.mode.code()
        )

    def clear(self) -> None:
        self.channel.setCurrentIndex(0)
        self.mode.setCurrentIndex(0)
        self.errors.clear()
