"""The fast service entry bar: "colloquio 60 minuti oggi" in a few keystrokes.

Ctrl+N focuses the service type; typing the first letters of the type (or of any word of it) picks
it; Enter records the service with the bar's values. Defaults: today, the last type used in this
session (else ASCOLTO), 60 minutes, the last role used (else ACCOGLIENZA). The mode follows the type
until she picks one herself (`ServiceFields`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import cases
from app.services.cases import ServiceInput
from app.services.errors import UserError
from app.ui.casefile.base import CaseContext
from app.ui.kit import operations
from app.ui.kit.date_field import first_invalid
from app.ui.kit.field_groups import ServiceFields, usual_mode
from app.ui.kit.fields import DateEdit, FieldErrors, error_label
from app.ui.kit.qt_compat import emit
from app.ui.models.codes import code_label

MEMORY_KEY = "fast_service"


class FastServiceBar(QFrame):
    """Emits `added` after a service was recorded."""

    added = Signal()

    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fastBar")
        self.context = context
        self.case_id: int | None = None
        date = DateEdit(message_below=True)
        date.setAccessibleName(self.tr("Date of the service"))
        self.fields = ServiceFields(self, date, self.tr("Service type (type its first letters)"))
        self.date, self.service_type, self.mode = date, self.fields.service_type, self.fields.mode
        self.minutes, self.role = self.fields.minutes, self.fields.role
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("primary")
        self.add_button.setToolTip(self.tr("Record this service (Enter)"))
        self.add_button.clicked.connect(self.submit)
        title = QLabel(self.tr("Quick entry"))
        title.setObjectName("sectionTitle")
        how = QLabel(
            self.tr(
                "Ctrl+N, type the first letters of the service, Enter. Change date, minutes or role if needed."
            )
        )
        how.setObjectName("hint")
        how.setWordWrap(True)
        heading = QHBoxLayout()
        heading.setSpacing(10)
        heading.addWidget(title)
        heading.addWidget(how, 1)
        row = QHBoxLayout()
        row.setSpacing(8)
        for widget, stretch in zip(self.fields.widgets(), (0, 3, 1, 0, 2), strict=True):
            row.addWidget(widget, stretch, Qt.AlignmentFlag.AlignTop)  # the date's problem shows under it
            widget.installEventFilter(self)
        self.minutes.setFixedWidth(100)
        for combo in (self.service_type, self.mode, self.role):
            combo.setMinimumContentsLength(5)  # the popup shows the whole text (app/ui/kit/theme.py)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        self.error = error_label()
        self.errors = FieldErrors(self.error)
        self.fields.bind(self.errors)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(heading)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.reset()

    def reset(self) -> None:
        """Back to the defaults (keeping the type, mode, minutes and role last used in this session)."""
        last = self.context.memory.get(MEMORY_KEY)
        service_type, mode, minutes, role = last or ("ASCOLTO", usual_mode("ASCOLTO"), 60, "ACCOGLIENZA")
        self.date.set_day(dt.date.today())
        self.fields.set_defaults(service_type, mode)
        self.minutes.setValue(minutes)
        self.role.set_code(role)
        self.errors.clear()

    def focus(self) -> None:
        self.service_type.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    def value(self) -> ServiceInput:
        return self.fields.value()

    @Slot()
    def submit(self) -> None:
        if self.case_id is None or not self.add_button.isEnabled():
            return
        if first_invalid(self) is not None:  # the date says why, right under it; Enter again once fixed
            return
        ws, case_id, service = self.context.workspace, self.case_id, self.value()
        self.errors.clear()
        self.add_button.setEnabled(False)
        operations.run(
            self,
            lambda: cases.add_service(ws, case_id, service),
            lambda _id: self._added(service),
            on_user_error=self._refused,
            on_finished=lambda: self.add_button.setEnabled(self.case_id is not None),
        )

    def _added(self, service: ServiceInput) -> None:
        self.context.memory[MEMORY_KEY] = (
            service.service_type,
            service.mode,
            service.minutes,
            service.operator_role,
        )
        self.context.toast(
            self.tr("Recorded: {type}, {minutes} min").format(
                type=code_label("service_type", service.service_type), minutes=service.minutes
            )
        )
        self.reset()
        self.focus()
        emit(self.added)

    def _refused(self, error: UserError) -> None:
        self.errors.show(error)

    def set_case(self, case_id: int | None, writable: bool) -> None:
        self.case_id = case_id
        self.setEnabled(writable)
        self.add_button.setEnabled(case_id is not None)

    def clear(self) -> None:
        self.case_id = None
        self.reset()
