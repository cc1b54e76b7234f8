"""Forgotten password: the recovery key and a user name give her a new password and unlock."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.ui import session
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.passwords import PassphraseFields
from app.ui.kit.qt_compat import emit
from app.ui.kit.theme import monospace_font
from app.ui.session import SessionInfo

if TYPE_CHECKING:  # the unlock screen imports this dialog before the services load
    from app.services.workspace import Workspace


class RecoverDialog(FormDialog):
    """Emits `recovered(SessionInfo)`; the unlock screen passes it on as a normal unlock."""

    recovered = Signal(object)

    def __init__(self, workspace: Workspace, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Use the recovery key"), parent)
        self.workspace = workspace
        intro = QLabel(
            self.tr(
                "Type the recovery key exactly as printed (dashes and spaces do not matter), the user name "
                "whose password was forgotten, and a new password for her."
            )
        )
        intro.setWordWrap(True)
        self.key = QLineEdit()
        self.key.setFont(monospace_font(12))
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.username = QLineEdit(username)
        self.username.setAccessibleName(self.tr("User name"))
        self.passwords = PassphraseFields(self)
        self.form.addRow(intro)
        self.form.addRow(self.tr("Recovery &key:"), self.key)
        self.form.addRow(self.tr("&User name:"), self.username)
        self.passwords.add_to(self.form)
        self.ok_button.setText(self.tr("Set password and &unlock"))
        self.setMinimumWidth(640)

    def problem(self) -> str | None:
        if not self.key.text().strip() or not self.username.text().strip():
            return self.tr("Enter the recovery key and the user name.")
        return self.passwords.problem()

    def work(self) -> Callable[[], Any]:
        workspace, key, username = self.workspace, self.key.text(), self.username.text().strip()
        password = self.passwords.value()
        return lambda: session.recover(workspace, key, username, password)

    def succeeded(self, result: SessionInfo) -> None:
        self.key.clear()
        self.passwords.clear()
        self.accept()
        emit(self.recovered, result)
