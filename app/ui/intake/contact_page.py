"""Intake without consent to processing: only an anonymous contact is recorded, then the wizard stops."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget, QWizardPage

from app.services.cases import ContactInput
from app.ui.kit.field_groups import ContactFields
from app.ui.kit.fields import FieldErrors, error_label, notice_box


class AnonymousContactPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Anonymous contact"))
        self.setSubTitle(self.tr("She did not consent to processing: no case is opened."))
        notice = notice_box(
            self.tr(
                "Only an anonymous count is kept: the date, the help desk, how she reached the centre and how "
                "she made contact. No name, no contact details, no notes. She can come back at any time."
            )
        )
        self.fields = ContactFields(self)
        self.date, self.channel, self.mode = self.fields.date, self.fields.channel, self.fields.mode
        self.error = error_label()
        self.errors = FieldErrors(self.error)
        self.fields.bind(self.errors)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.fields.add_date(form)
        self.fields.add_how(form)
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
        return self.fields.value()

    def clear(self) -> None:
        self.fields.clear()
        self.errors.clear()
