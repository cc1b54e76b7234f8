"""One titled group of settings saved together (administration): its rows, a note, then a Save button with
"Saved." beside it. The disclosure threshold, the Today page and this computer's settings are each one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui.kit import operations
from app.ui.kit.fields import hint


class SettingsSection(QGroupBox):
    """Rows go into `form` (`add_note` for an explanation under them); `add_save_row` closes the form.

    `save` is called by the button; it ends with `show_saved()`, or hands its service call to
    `save_through`, which does that once the call succeeds.
    """

    def __init__(self, title: str, save_text: str, save: Callable[[], None], parent: QWidget | None = None):
        super().__init__(title, parent)
        self.save_button = QPushButton(save_text)
        self.save_button.clicked.connect(save)
        self.saved = QLabel()
        self.saved.setObjectName("hint")
        self.form = QFormLayout(self)

    def add_note(self, text: str) -> None:
        self.form.addRow("", hint(text))

    def add_save_row(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved)
        row.addStretch(1)
        self.form.addRow("", row)

    def show_saved(self, text: str = "") -> None:
        """ "Saved.", or the screen's own words (Italian agrees "saved" with what was saved)."""
        self.saved.setText(text or QCoreApplication.translate("SettingsSection", "Saved."))

    def save_through(self, call: Callable[[], object]) -> None:
        """`call` runs off the GUI thread (a service saving the settings); "Saved." once it has."""
        self.saved.clear()
        operations.run(self, call, lambda _result: self.show_saved())

    def clear(self) -> None:
        self.saved.clear()
