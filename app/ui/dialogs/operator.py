"""Adding an operator and resetting a colleague's password (administrators only; services check too)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from app.services import accounts
from app.services.accounts import HelpDeskInfo, Role
from app.services.workspace import Workspace
from app.ui.config import CONFIG
from app.ui.i18n import role_label
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.passwords import PassphraseFields
from app.ui.kit.qt_compat import emit
from app.ui.pages.wizard import USERNAME_PATTERN


class AddOperatorDialog(FormDialog):
    """Emits `added(OperatorInfo)`."""

    added = Signal(object)

    def __init__(
        self, workspace: Workspace, desks: Sequence[HelpDeskInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Add an operator"), parent)
        self.workspace = workspace
        self.full_name = QLineEdit()
        self.full_name.setAccessibleName(self.tr("Full name"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setValidator(
            QRegularExpressionValidator(QRegularExpression(USERNAME_PATTERN), self.username)
        )
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        for role in Role:
            self.role.addItem(role_label(role), role.value)
        self.desk = QComboBox()
        self.desk.setAccessibleName(self.tr("Help desk"))
        for desk in desks:
            self.desk.addItem(desk.name, desk.id)
        self.desk.addItem(self.tr("(all help desks)"), None)
        self.passwords = PassphraseFields(self)
        self.form.addRow(self.tr("&Full name:"), self.full_name)
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.tr("&Role:"), self.role)
        self.form.addRow(self.tr("&Help desk:"), self.desk)
        note = QLabel(self.tr("Tell her the password in person; she can change it after her first login."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.passwords.add_to(self.form)
        self.form.addRow("", note)
        self.ok_button.setText(self.tr("&Add operator"))

    def problem(self) -> str | None:
        if not self.username.text().strip():
            return self.tr("Enter a user name.")
        return self.passwords.problem()

    def work(self) -> Callable[[], Any]:
        workspace, kdf = self.workspace, CONFIG.kdf
        username, full_name = self.username.text(), self.full_name.text()
        role, desk_id, password = self.role.currentData(), self.desk.currentData(), self.passwords.value()
        return lambda: accounts.add_operator(workspace, username, full_name, role, desk_id, password, kdf)

    def succeeded(self, result: Any) -> None:
        self.passwords.clear()
        self.accept()
        emit(self.added, result)


class ResetPasswordDialog(FormDialog):
    """A new password for a colleague who forgot hers; her old one stops working at once."""

    def __init__(
        self, workspace: Workspace, username: str, full_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Reset password"), parent)
        self.workspace = workspace
        self.username = username
        intro = QLabel(
            self.tr("New password for {name} ({username}).").format(name=full_name, username=username)
        )
        intro.setWordWrap(True)
        self.passwords = PassphraseFields(self)
        self.form.addRow(intro)
        self.passwords.add_to(self.form)
        self.ok_button.setText(self.tr("&Reset password"))

    def problem(self) -> str | None:
        return self.passwords.problem()

    def work(self) -> Callable[[], Any]:
        workspace, username, password, kdf = self.workspace, self.username, self.passwords.value(), CONFIG.kdf
        return lambda: accounts.reset_password(workspace, username, password, kdf)

    def succeeded(self, result: Any) -> None:
        self.passwords.clear()
        self.accept()


class AddHelpDeskDialog(FormDialog):
    """Emits `added(HelpDeskInfo)`."""

    added = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a help desk"), parent)
        self.workspace = workspace
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Help desk name"))
        self.town = QLineEdit()
        self.town.setAccessibleName(self.tr("Town"))
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Town:"), self.town)
        self.ok_button.setText(self.tr("&Add help desk"))

    def problem(self) -> str | None:
        return None if self.name.text().strip() else self.tr("Enter the name of the help desk.")

    def work(self) -> Callable[[], Any]:
        workspace, name, town = self.workspace, self.name.text(), self.town.text()
        return lambda: accounts.add_help_desk(workspace, name, town)

    def succeeded(self, result: Any) -> None:
        self.accept()
        emit(self.added, result)
