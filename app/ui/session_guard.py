"""Shared-PC safety besides the idle timer: lock when the app is hidden or suspended, and on lock clear
from the clipboard any text that Ascolto put there (only that: someone else's clipboard is left alone).

The clipboard is remembered as SHA-256 digests of texts copied while Ascolto was the active application,
never as the texts themselves.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication

from app.ui.kit.qt_compat import emit


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class SessionGuard(QObject):
    """Emits `lock_requested` when the application is hidden or suspended by the system."""

    lock_requested = Signal()

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._ours: set[bytes] = set()
        self._clipboard = app.clipboard()
        self._clipboard.dataChanged.connect(self._clipboard_changed)
        if self._clipboard.supportsSelection():
            self._clipboard.selectionChanged.connect(self._selection_changed)
        app.applicationStateChanged.connect(self._state_changed)

    @Slot(Qt.ApplicationState)
    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state in (Qt.ApplicationState.ApplicationHidden, Qt.ApplicationState.ApplicationSuspended):
            emit(self.lock_requested)

    def _remember(self, mode: QClipboard.Mode) -> None:
        owns = (
            self._clipboard.ownsSelection()
            if mode == QClipboard.Mode.Selection
            else self._clipboard.ownsClipboard()
        )
        if owns or self._app.applicationState() == Qt.ApplicationState.ApplicationActive:
            text = self._clipboard.text(mode)
            if text:
                self._ours.add(_digest(text))

    @Slot()
    def _clipboard_changed(self) -> None:
        self._remember(QClipboard.Mode.Clipboard)

    @Slot()
    def _selection_changed(self) -> None:
        self._remember(QClipboard.Mode.Selection)

    def clear_clipboard(self) -> None:
        """Called on every lock."""
        modes = [QClipboard.Mode.Clipboard]
        if self._clipboard.supportsSelection():
            modes.append(QClipboard.Mode.Selection)
        for mode in modes:
            text = self._clipboard.text(mode)
            if text and _digest(text) in self._ours:
                self._clipboard.clear(mode)
        self._ours.clear()

    def shutdown(self) -> None:
        self.clear_clipboard()
        self._clipboard.dataChanged.disconnect(self._clipboard_changed)
        if self._clipboard.supportsSelection():
            self._clipboard.selectionChanged.disconnect(self._selection_changed)
        self._app.applicationStateChanged.disconnect(self._state_changed)
