"""Ctrl+Enter submits: one binding for every dialog (and the quick-contact form), so the key she learnt on
one form never does nothing on another."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # the main keyboard's Enter and the keypad's


def submit_on_ctrl_enter(widget: QWidget, button: QAbstractButton) -> None:
    """Ctrl+Enter anywhere inside `widget` presses `button`: the same path as a click, so a button disabled
    while the work runs (or until the form may be sent) is not pressed twice, nor too early."""
    for keys in SUBMIT_KEYS:
        shortcut = QShortcut(QKeySequence(keys), widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(button.click)
