"""Every message box of the UI goes through `ask`, so tests can preset answers (KeePassXC's setNextAnswer).

A test calls `set_next_answer(QMessageBox.StandardButton.Yes)` before the action; the next `ask` returns
it at once and records the text in `answered`. Without a preset answer a real modal box is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon

_next_answers: list[Button] = []
answered: list[str] = []  # texts of boxes answered by a preset answer (only ever filled in tests)


def set_next_answer(answer: Button) -> None:
    _next_answers.append(answer)


def reset() -> None:
    _next_answers.clear()
    answered.clear()


def _exec_box(box: QMessageBox) -> Button:
    """The one place a modal box blocks; tests replace it so that an unexpected box fails instead of hanging."""
    return Button(box.exec())


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.No,
    default: Button = Button.No,
    icon: Icon = Icon.Question,
    details: str = "",
) -> Button:
    """Show a modal question; Escape, closing the box, or locking while it is open answer `default`."""
    if _next_answers:
        answered.append(f"{text}\n{details}" if details else text)
        return _next_answers.pop(0)
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setObjectName("messageBox")
    box.setTextFormat(Qt.TextFormat.PlainText)  # errors quote names from outside (packages, backups)
    if details:
        box.setInformativeText(details)
    box.setDefaultButton(default)
    box.setEscapeButton(default)
    return _exec_box(box)


def inform(
    parent: QWidget | None, title: str, text: str, icon: Icon = Icon.Information, details: str = ""
) -> None:
    ask(parent, title, text, Button.Ok, Button.Ok, icon, details)


def warn(parent: QWidget | None, text: str) -> None:
    """A refusal or problem the person can act on (translated service messages land here)."""
    inform(parent, QCoreApplication.translate("Messages", "Ascolto"), text, Icon.Warning)
