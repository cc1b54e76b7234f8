"""First run: set up the centre, its first help desk and administrator, then show the recovery key once.

Workspace.initialise runs off the GUI thread (Argon2 takes a moment). After it succeeds there is no
way back: the folder exists, and the wizard cannot be left before the key has been acknowledged.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.services.errors import UserError, ValidationError
from app.ui.config import CONFIG
from app.ui.i18n import error_text
from app.ui.kit import operations
from app.ui.kit.passwords import PassphraseFields
from app.ui.kit.qt_compat import emit
from app.ui.pages.recovery import RecoveryKeyPanel

if TYPE_CHECKING:  # the wizard is shown before the services load (cold start)
    from app.services.workspace import Workspace

USERNAME_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.hide()
    return label


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class CentrePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to Ascolto"))
        self.setSubTitle(
            self.tr(
                "Case records stay encrypted on this computer. First, describe the centre and its first help desk."
            )
        )
        self.centre = QLineEdit()
        self.centre.setAccessibleName(self.tr("Centre name"))
        self.centre.setPlaceholderText(self.tr("e.g. Centro antiviolenza Rete Donne"))
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Centre code"))
        self.code.setMaxLength(6)
        self.code.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,6}"), self.code))
        self.code.setPlaceholderText(self.tr("e.g. BG"))
        self.code.textEdited.connect(lambda text: self.code.setText(text.upper()))
        self.desk = QLineEdit()
        self.desk.setAccessibleName(self.tr("First help desk"))
        self.desk.setPlaceholderText(self.tr("e.g. Sportello Bergamo centro"))
        code_hint = QLabel(self.tr("2 to 6 letters, used at the start of every case code (BG-2026-0042)."))
        code_hint.setObjectName("hint")
        self.error = _error_label()
        form = QFormLayout(self)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("&Centre name:"), self.centre)
        form.addRow(self.tr("Centre c&ode:"), self.code)
        form.addRow("", code_hint)
        form.addRow(self.tr("First &help desk:"), self.desk)
        form.addRow("", self.error)
        self.registerField("centre*", self.centre)
        self.registerField("code*", self.code)
        self.registerField("desk*", self.desk)

    def isComplete(self) -> bool:
        return super().isComplete() and 2 <= len(self.code.text().strip()) <= 6


class AdministratorPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(
            self.tr("She manages accounts, help desks and settings. Other operators are added later.")
        )
        self.full_name = QLineEdit()
        self.full_name.setAccessibleName(self.tr("Full name"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setValidator(
            QRegularExpressionValidator(QRegularExpression(USERNAME_PATTERN), self.username)
        )
        self.username.setPlaceholderText(self.tr("e.g. mrossi"))
        self.passwords = PassphraseFields(self)
        self.passwords.changed.connect(self.completeChanged)
        self.error = _error_label()
        form = QFormLayout(self)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&User name:"), self.username)
        self.passwords.add_to(form)
        form.addRow("", self.error)
        self.registerField("full_name*", self.full_name)
        self.registerField("username*", self.username)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create"))

    def isComplete(self) -> bool:
        return super().isComplete() and self.passwords.problem() is None

    def cleanupPage(self) -> None:
        """Back to the centre page: what she typed here stays, except the password (never kept unseen)."""
        self.passwords.clear()


class CreatingPage(QWizardPage):
    """Shown while the encrypted database is created; it moves on by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Creating the encrypted database"))
        self.setSubTitle(self.tr("This takes a few seconds."))
        self.finished_ok = False
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setAccessibleName(self.tr("Progress"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(bar)
        layout.addStretch(2)

    def isComplete(self) -> bool:
        return self.finished_ok


class RecoveryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Recovery key"))
        self.setSubTitle(self.tr("Last step: keep this key safe."))
        self.panel = RecoveryKeyPanel(parent=self)
        self.panel.acknowledged.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def isComplete(self) -> bool:
        return self.panel.confirm.isChecked()


class SetupWizard(QWizard):
    """Emits `completed(workspace, login)` with the new workspace unlocked as its administrator."""

    completed = Signal(object, object)

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.workspace: Workspace | None = None
        self.setWindowTitle(self.tr("Ascolto: set-up"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.centre_page = CentrePage()
        self.admin_page = AdministratorPage()
        self.creating_page = CreatingPage()
        self.recovery_page = RecoveryPage()
        for page in (self.centre_page, self.admin_page, self.creating_page, self.recovery_page):
            self.addPage(page)
        # our own texts, so that their letters are chosen with the pages' (Qt's Italian "< &Precedente"
        # took Alt+P from "Nuova &password")
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.currentIdChanged.connect(self._page_changed)
        self.resize(720, 600)

    @Slot(int)
    def _page_changed(self, page_id: int) -> None:
        if self.page(page_id) is self.creating_page and self.workspace is None:
            self._create()

    def _create(self) -> None:
        from app.services.workspace import Workspace

        self.creating_page.finished_ok = False
        centre, admin, folder, kdf = self.centre_page, self.admin_page, self.data_dir, CONFIG.kdf
        centre_name, code, desk = centre.centre.text(), centre.code.text(), centre.desk.text()
        username, full_name, password = admin.username.text(), admin.full_name.text(), admin.passwords.value()
        operations.run(
            self,
            lambda: Workspace.initialise(
                folder,
                centre_name=centre_name,
                centre_code=code,
                desk_name=desk,
                username=username,
                full_name=full_name,
                password=password,
                kdf=kdf,
            ),
            self._created,
            on_user_error=self._failed,
            on_finished=self._finished,
            busy_text=self.tr("Creating the encrypted database…"),
            busy=False,  # the "creating" page shows its own progress bar
        )

    def _finished(self) -> None:
        if self.workspace is None and self.currentPage() is self.creating_page:
            self.back()  # an unexpected failure was reported by the error dialog

    def _created(self, outcome: tuple[Workspace, str]) -> None:
        self.workspace, key = outcome
        self.admin_page.passwords.clear()
        self.recovery_page.panel.centre_name = self.centre_page.centre.text().strip()
        self.recovery_page.panel.set_key(key)
        self.creating_page.finished_ok = True
        emit(self.creating_page.completeChanged)
        self.next()

    def _failed(self, error: UserError) -> None:
        """Back to the page holding the faulty field, with the message under it."""
        field = error.field if isinstance(error, ValidationError) else None
        page = self.centre_page if field in ("centre", "code") else self.admin_page
        self.back()
        if page is self.centre_page:
            self.back()
        _show_error(page.error, error_text(error))

    def accept(self) -> None:
        if self.workspace is None or not self.recovery_page.isComplete():
            return
        from app.services.workspace import LoginResult

        self.recovery_page.panel.clear()
        workspace, self.workspace = self.workspace, None
        assert workspace.actor is not None
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton):
            self.button(which).setEnabled(False)
        # the controller closes the wizard once the main window is on screen
        emit(self.completed, workspace, LoginResult(workspace.actor, 0))

    def reject(self) -> None:
        """Cancel works until the database exists; after that only Finish leaves (the key must be kept)."""
        if self.workspace is None:
            super().reject()
