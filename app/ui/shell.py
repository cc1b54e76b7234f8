"""The one top-level window. It shows, in turn: a blank page, the unlock screen, or the session.

Keeping a single window makes "replace every window by the unlock screen" a matter of switching one
stack (and closing dialogs), and makes quick-hide a synchronous page switch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.ui.kit.icons import icon
from app.ui.kit.qt_compat import emit


class ErrorPage(QWidget):
    """Shown instead of the unlock screen when the data folder cannot be opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Ascolto cannot open its data"))
        title.setObjectName("title")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(
            self.tr("Close Ascolto, solve the problem (or ask your administrator) and start it again.")
        )
        hint.setObjectName("subtitle")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.setSpacing(14)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addStretch(2)


class ShellWindow(QWidget):
    """Emits `minimized` (the controller locks) and `closing` (the controller closes the workspace)."""

    minimized = Signal()
    closing = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ascolto")
        self.setWindowIcon(icon("lock"))
        self.stack = QStackedWidget()
        self.blank = QWidget()
        self.blank.setObjectName("blank")
        self.error_page = ErrorPage()
        self.stack.addWidget(self.blank)
        self.stack.addWidget(self.error_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.setMinimumSize(720, 440)  # its size and place come from app/ui/kit/geometry.py

    def show_page(self, page: QWidget) -> None:
        if self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def blank_now(self) -> None:
        """Switch to the empty page and paint it before returning: nothing stays on screen."""
        self.stack.setCurrentWidget(self.blank)
        if self.isVisible():
            self.repaint()

    def show_error(self, text: str) -> None:
        self.error_page.message.setText(text)
        self.stack.setCurrentWidget(self.error_page)

    def remove_page(self, page: QWidget) -> None:
        self.stack.removeWidget(page)
        page.setParent(None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            emit(self.minimized)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        emit(self.closing)
        super().closeEvent(event)
