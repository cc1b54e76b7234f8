"""Intake pages 2-6: identity, profile, first interview, risk, summary."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from app.ui.casefile.forms import IdentityForm, InterviewForm, ProfileForm, RiskForm
from app.ui.kit.fields import FieldErrors, error_label, hint


def _scrolled(page: QWizardPage, content: QWidget, *extra: QWidget) -> None:
    content.setObjectName("scrollBody")
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    layout.addWidget(scroll, 1)
    for widget in extra:
        layout.addWidget(widget)


class FormPage(QWizardPage):
    """A page holding one form, with an error line bound to the form's fields."""

    def __init__(self, title: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.error = error_label()
        self.errors = FieldErrors(self.error)


class IdentityPage(FormPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Who she is"),
            self.tr(
                "Kept only in this encrypted file, never exported. A first name or a nickname is enough."
            ),
            parent,
        )
        self.form = IdentityForm()
        self.form.bind(self.errors)
        self.no_contact = hint(
            self.tr("She did not agree to be contacted: the case will show “DO NOT CONTACT”.")
        )
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.form)
        column.addWidget(self.no_contact)
        column.addStretch(1)
        _scrolled(self, body, self.error)

    def validatePage(self) -> bool:
        value = self.form.value()
        if not value.first_name and not value.last_name:
            self.errors.show(
                self.tr("Enter at least her first name or last name (a nickname will do)."), "first_name"
            )
            return False
        self.errors.clear()
        return True


class ProfilePage(FormPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Profile"),
            self.tr(
                "Anonymous data for the statistics. Fill in what she tells you; the rest stays “not available”."
            ),
            parent,
        )
        self.form = ProfileForm()
        self.form.bind(self.errors)
        _scrolled(self, self.form, self.error)

    def validatePage(self) -> bool:
        problem = self.form.problem()
        if problem:
            self.errors.show(problem[1], problem[0])
            return False
        if self.form.value().country == "?":
            self.errors.show(
                self.tr("Choose a country from the list (type a few letters of its name)."), "country"
            )
            return False
        self.errors.clear()
        return True


class InterviewPage(FormPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("First interview"),
            self.tr(
                "The intake interview (colloquio di accoglienza): how she arrived and what she lives through."
            ),
            parent,
        )
        self.form = InterviewForm()
        self.form.bind(self.errors)
        _scrolled(self, self.form, self.error)

    def validatePage(self) -> bool:
        if not self.form.channel.code():
            self.errors.show(
                self.tr("Choose how she reached the centre (or “Not available”)."), "access_channel"
            )
            return False
        if not self.form.mode.code():
            self.errors.show(self.tr("Choose how she made the first contact."), "first_contact_mode")
            return False
        self.errors.clear()
        return True


class RiskPage(FormPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Risk assessment (optional)"),
            self.tr(
                "If you assessed the risk in this interview, record the result. You can also do it later."
            ),
            parent,
        )
        self.form = RiskForm(optional=True)
        self.form.bind(self.errors)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.form)
        column.addStretch(1)
        _scrolled(self, body, self.error)


class SummaryPage(FormPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Summary"),
            self.tr("Check, then open the case. You can correct everything later in the case file."),
            parent,
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.desk = QComboBox()
        self.desk.setAccessibleName(self.tr("Help desk"))
        self.desk_row = QWidget()
        desk_form = QFormLayout(self.desk_row)
        desk_form.setContentsMargins(0, 0, 0, 0)
        desk_form.addRow(self.tr("&Help desk:"), self.desk)
        self.errors.bind("help_desk", self.desk)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.text)
        column.addWidget(self.desk_row)
        column.addStretch(1)
        _scrolled(self, body, self.error)
