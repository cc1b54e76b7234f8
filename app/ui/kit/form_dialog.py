"""A small form dialog that submits through the operation helper and shows refusals under the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.services.errors import UserError
from app.ui.i18n import error_text
from app.ui.kit import operations
from app.ui.kit.focus import first_input, follow_layout
from app.ui.kit.geometry import cap_to_screen
from app.ui.kit.submit_keys import submit_on_ctrl_enter


class FormDialog(QDialog):
    """Subclasses fill `self.form`, and implement `work()` (runs off the GUI thread) and `succeeded()`."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(10)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("primary")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        submit_on_ctrl_enter(self, self.ok_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(580)
        self._focus_set = False

    def showEvent(self, event: QShowEvent) -> None:
        """Opening: capped to the screen, Tab in reading order (form, then buttons), focus in the first field.

        1280x720 at 125% leaves about 1000x500: long forms scroll inside.
        """
        cap_to_screen(self)
        super().showEvent(event)
        if not self._focus_set:
            self._focus_set = True
            start = first_input(follow_layout(self))
            if start is not None:
                start.setFocus(Qt.FocusReason.TabFocusReason)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._grow_to_fit()
        return handled

    def _grow_to_fit(self) -> None:
        """A message shown after opening (a refusal, a date's problem) makes the dialog taller. Since
        `setMinimumWidth` the layout no longer sets the dialog's minimum size, and the rows were squeezed
        instead: the notes ran over the lines below them."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        width = self.width()
        need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else self.sizeHint().height()
        if need > self.height():
            self.resize(self.width(), min(need, self.maximumHeight()))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def problem(self) -> str | None:
        """A reason not to submit yet, checked on the GUI thread before any work starts."""
        return None

    def work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def succeeded(self, result: Any) -> None:
        self.accept()

    @Slot()
    def submit(self) -> None:
        problem = self.problem()
        if problem:
            self.show_error(problem)
            return
        self.show_error("")
        self.ok_button.setEnabled(False)
        operations.run(
            self, self.work(), self.succeeded, on_user_error=self._refused, on_finished=self._finished
        )

    def _refused(self, error: UserError) -> None:
        self.show_error(error_text(error))

    def _finished(self) -> None:
        self.ok_button.setEnabled(True)
