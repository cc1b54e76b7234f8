"""Change her own password: the old one proves it is her; only her key slot is rewritten."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from app.services import accounts
from app.services.workspace import Workspace
from app.ui.config import CONFIG
from app.ui.kit import messages
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.passwords import PassphraseFields


class ChangePasswordDialog(FormDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change your password"), parent)
        self.workspace = workspace
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName(self.tr("Current password"))
        self.passwords = PassphraseFields(self)
        self.form.addRow(self.tr("&Current password:"), self.current)
        self.passwords.add_to(self.form)
        self.ok_button.setText(self.tr("C&hange password"))

    def problem(self) -> str | None:
        if not self.current.text():
            return self.tr("Enter your current password.")
        return self.passwords.problem()

    def work(self) -> Callable[[], Any]:
        workspace, old, new, kdf = self.workspace, self.current.text(), self.passwords.value(), CONFIG.kdf
        return lambda: accounts.change_own_password(workspace, old, new, kdf)

    def succeeded(self, result: Any) -> None:
        self.current.clear()
        self.passwords.clear()
        self.accept()
        messages.inform(self.parentWidget(), self.windowTitle(), self.tr("Your password has been changed."))
