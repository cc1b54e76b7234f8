"""Quick anonymous contact: a call or a visit counted in seconds, with nothing identifying stored."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import accounts, cases
from app.services.accounts import HelpDeskInfo, Role
from app.services.cases import ContactInput
from app.services.errors import UserError
from app.services.workspace import Workspace
from app.ui.casefile.style import CASES_STYLE
from app.ui.kit import operations
from app.ui.kit.date_field import refuse_invalid_date
from app.ui.kit.field_groups import ContactFields
from app.ui.kit.fields import CodeCombo, FieldErrors, Toast, error_label, hint, notice_box
from app.ui.kit.first_show import read_on_first_show
from app.ui.kit.submit_keys import submit_on_ctrl_enter
from app.ui.session import SessionInfo


class QuickContactPage(QWidget):
    def __init__(self, workspace: Workspace, info: SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactPage")
        self.setStyleSheet(CASES_STYLE)
        self.workspace = workspace
        self.actor = info.actor
        heading = QLabel(self.tr("Quick contact"))
        heading.setObjectName("title")
        notice = notice_box(
            self.tr(
                "For a call or a visit that does not (yet) become a case. Only an anonymous count is stored: "
                "date, help desk, how she reached the centre, how she made contact, and why. "
                "No name, no phone number, no notes."
            ),
            margin=10,
        )
        self.fields = ContactFields(self)
        self.date, self.channel, self.mode = self.fields.date, self.fields.channel, self.fields.mode
        self.desk = QComboBox()
        self.desk.setAccessibleName(self.tr("Help desk"))
        if info.desk_name:
            self.desk.addItem(info.desk_name, info.actor.help_desk_id)
        self.desk.setEnabled(info.actor.at_least(Role.COORDINATRICE))
        self.reason = CodeCombo("contact_reason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.save_button = QPushButton(self.tr("&Record contact"))
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip(self.tr("Record this contact (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        self.error = error_label()
        self.errors = FieldErrors(self.error)
        self.fields.bind(self.errors)
        self.errors.bind("help_desk", self.desk)
        self.errors.bind("reason", self.reason)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(14)
        self.fields.add_date(form)
        form.addRow(self.tr("&Help desk:"), self.desk)
        self.fields.add_how(form)
        form.addRow(self.tr("Rea&son:"), self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(hint(self.tr("Ctrl+Enter")))
        buttons.addStretch(1)
        card = QWidget()
        card.setMaximumWidth(640)
        column = QVBoxLayout(card)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        column.addWidget(notice)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addWidget(card)
        layout.addStretch(1)
        self.toast = Toast(self)
        submit_on_ctrl_enter(self, self.save_button)
        if self.actor.at_least(Role.COORDINATRICE):  # she may record a contact for another desk
            read_on_first_show(self, lambda: accounts.list_help_desks(workspace), self._desks)

    def _desks(self, desks: list[HelpDeskInfo]) -> None:
        current = self.desk.currentData()
        self.desk.clear()
        for desk in desks:
            self.desk.addItem(desk.name, desk.id)
        self.desk.setCurrentIndex(max(0, self.desk.findData(current)))

    def value(self) -> ContactInput:
        return replace(self.fields.value(), reason=self.reason.code(), help_desk_id=self.desk.currentData())

    @Slot()
    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        if refuse_invalid_date(self, self.errors.show, self.errors.clear):
            return
        ws, contact = self.workspace, self.value()
        self.errors.clear()
        self.save_button.setEnabled(False)
        operations.run(
            self,
            lambda: cases.record_contact(ws, contact),
            self._saved,
            on_user_error=self._refused,
            on_finished=lambda: self.save_button.setEnabled(True),
        )

    def _saved(self, _contact_id: int) -> None:
        self.toast.show_text(self.tr("Contact recorded. Nothing identifying was stored."))
        self.fields.clear()
        self.reason.setCurrentIndex(0)
        self.channel.setFocus()

    def _refused(self, error: UserError) -> None:
        self.errors.show(error)

    def clear(self) -> None:
        self.errors.clear()
        self.toast.clear()
