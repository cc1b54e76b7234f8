"""The unlock screen: the only thing shown while locked. Nothing about any case is on it.

At start-up it is shown before the data folder is open (the services load after the first paint, see
`AppController.start`): until `set_workspace` is called it can be typed into but not submitted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import LoginDelayed, UserError
from app.ui import session
from app.ui.dialogs.recover import RecoverDialog
from app.ui.i18n import error_text
from app.ui.kit import operations
from app.ui.kit.icons import icon
from app.ui.kit.qt_compat import emit
from app.ui.session import SessionInfo

if TYPE_CHECKING:  # shown before the services load (cold start)
    from app.services.workspace import Workspace


class UnlockScreen(QWidget):
    """Emits `unlocked(SessionInfo)` after a successful unlock or recovery."""

    unlocked = Signal(object)

    def __init__(self, workspace: Workspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._wait = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may end early
        self._countdown.timeout.connect(self._tick)
        self.recover_dialog: RecoverDialog | None = None

        logo = QLabel()
        logo.setPixmap(icon("lock").pixmap(40, 40))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Ascolto"))
        title.setObjectName("title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(self.tr("Locked. Sign in to continue."))
        subtitle.setObjectName("subtitle")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setObjectName("password")
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.unlock_button = QPushButton(self.tr("Un&lock"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setDefault(True)
        self.forgot_button = QPushButton(self.tr("Forgot your password? Use the &recovery key"))
        self.forgot_button.setObjectName("link")
        self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        card = QFrame()
        card.setObjectName("card")
        card.setFixedWidth(440)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 24)
        inner.setSpacing(10)
        inner.addWidget(logo)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addSpacing(10)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addWidget(self.unlock_button)
        inner.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.unlock_button.clicked.connect(self.submit)
        self.forgot_button.clicked.connect(self.open_recovery)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.forgot_button)
        self.message.hide()
        self._set_busy(False)  # nothing can be submitted before a workspace is set

    def set_workspace(self, workspace: Workspace) -> None:
        """The data folder is open: unlocking and the recovery key can be used."""
        self.workspace = workspace
        self._set_busy(False)

    def reset(self) -> None:
        """Called each time the screen is shown (start, every lock): both fields empty, focus on the user name.

        A help desk PC is shared: whoever sits down next types her own name first, so the last user's
        name is not kept (typing "name, Tab, password" must not land the name in the password field).
        """
        self.username.clear()
        self.password.clear()
        self._say("")
        self._set_busy(False)
        self.username.setFocus()

    def _set_busy(self, busy: bool) -> None:
        waiting, ready = self._wait > 0, self.workspace is not None
        self.unlock_button.setEnabled(ready and not busy and not waiting)
        self.forgot_button.setEnabled(ready)
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @Slot()
    def submit(self) -> None:
        workspace = self.workspace
        if workspace is None or not self.unlock_button.isEnabled():
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._say(self.tr("Enter your user name and password."))
            return
        self._say("")
        self._set_busy(True)
        operations.run(
            self,
            lambda: session.unlock(workspace, username, password),
            self._succeeded,
            on_user_error=self._refused,
            busy_text=self.tr("Unlocking…"),
        )

    def _succeeded(self, info: SessionInfo) -> None:
        self.password.clear()
        self._set_busy(False)
        emit(self.unlocked, info)

    def _refused(self, error: UserError) -> None:
        self.password.clear()
        if isinstance(error, LoginDelayed):
            self._start_countdown(error.seconds)
        else:
            self._set_busy(False)
            self._say(error_text(error))
        self.password.setFocus()

    def _start_countdown(self, seconds: int) -> None:
        self._wait = max(1, seconds)
        self._set_busy(False)
        self._show_wait()
        self._countdown.start()

    def _show_wait(self) -> None:
        # translated in this class's context: from a subclass (CheckedUnlockScreen) PySide's tr() would look
        # under the subclass's name and, with a count, take the untranslated text as found
        self._say(
            QCoreApplication.translate(
                "UnlockScreen",
                "Too many failed attempts for this account. You can try again in %n second(s).",
                "",
                self._wait,
            )
        )

    @Slot()
    def _tick(self) -> None:
        self._wait -= 1
        if self._wait <= 0:
            self._countdown.stop()
            self._wait = 0
            self._say("")
            self._set_busy(False)
        else:
            self._show_wait()

    @Slot()
    def open_recovery(self) -> None:
        if self.workspace is None:
            return
        dialog = RecoverDialog(self.workspace, self.username.text().strip(), self.window())
        dialog.recovered.connect(self.unlocked)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.recover_dialog = dialog
        dialog.open()
